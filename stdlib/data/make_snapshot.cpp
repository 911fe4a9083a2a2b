// icq_make_snapshot OUT: parses the built-in data (the embedded InferenceX captures) exactly as
// load_builtin does at run time and writes the snapshot the icq library embeds (data/snapshot.hpp).
#include <cstdio>
#include <fstream>
#include <string>

#include "data/dataset.hpp"
#include "data/load.hpp"
#include "data/snapshot.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: icq_make_snapshot OUT\n", stderr);
    return 2;
  }
  icq::data::DatasetBuilder b;
  icq::data::load_builtin(b);
  const std::string bytes = icq::data::write_snapshot(std::move(b).finish());
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "icq_make_snapshot: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
