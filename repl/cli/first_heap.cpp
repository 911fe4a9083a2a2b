// The icq command's first 2 MiB of C++ allocations come from one transparent huge page.
//
// A cold compare on the built-in data allocates a few hundred KiB (the snapshot's lines and rows,
// the compare, its text), and in the VMs icq runs on, the first write to each 4 KiB page costs
// microseconds: the anonymous page faults were a fifth of a cold compare. One 2 MiB page takes one
// fault (here: 100 pages first written cost a program 0.95 ms as 4 KiB pages, 0.09 ms on a huge
// page). So operator new hands out memory from a 2 MiB-aligned arena that asks for a huge page,
// by bumping a pointer; operator delete returns nothing to it (a run that outgrows it goes on
// with malloc, and a REPL session soon does). Memory from anywhere else (malloc, a library's own
// operator new) is freed by free(), so nothing depends on where a block was made. Where the kernel
// gives no huge pages the arena is ordinary memory, faulted a page at a time as before.
// Built only for the fast-start link (cmake/IcqFastStart.cmake): a sanitizer must see every block.
#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::uintptr_t kArena = std::uintptr_t{2} << 20;
constexpr std::uintptr_t kAlign = __STDCPP_DEFAULT_NEW_ALIGNMENT__;

std::atomic<std::uintptr_t> g_next{0};
std::uintptr_t g_begin = 0, g_end = 0;  // written once, before g_next

// Maps the arena at the first allocation (single-threaded then: static initialisation).
void map_arena() noexcept {
  void* const p = ::mmap(nullptr, 2 * kArena, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    g_next.store(~std::uintptr_t{0});  // no arena: malloc for everything
    return;
  }
  const auto raw = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t begin = (raw + kArena - 1) & ~(kArena - 1);
  if (begin > raw) ::munmap(p, begin - raw);
  if (begin + kArena < raw + 2 * kArena) ::munmap(reinterpret_cast<void*>(begin + kArena), raw + 2 * kArena - begin - kArena);
#ifdef MADV_HUGEPAGE
  ::madvise(reinterpret_cast<void*>(begin), kArena, MADV_HUGEPAGE);
#endif
  g_begin = begin, g_end = begin + kArena;
  g_next.store(begin);
}

void* from_arena(std::size_t n) noexcept {
  if (g_next.load(std::memory_order_relaxed) == 0) map_arena();
  const std::uintptr_t size = (std::max<std::size_t>(n, 1) + kAlign - 1) & ~(kAlign - 1);
  if (size > kArena) return nullptr;
  std::uintptr_t at = g_next.load(std::memory_order_relaxed);
  while (at <= g_end - size && !g_next.compare_exchange_weak(at, at + size, std::memory_order_relaxed)) {
  }
  return at <= g_end - size ? reinterpret_cast<void*>(at) : nullptr;
}

void* allocate(std::size_t n) noexcept {
  if (void* p = from_arena(n)) return p;
  return std::malloc(n == 0 ? 1 : n);
}

void release(void* p) noexcept {
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  if (at >= g_begin && at < g_end) return;
  std::free(p);
}

}  // namespace

void* operator new(std::size_t n) {
  if (void* p = allocate(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
