#pragma once
// capture.json's facts kept beside it (icq.manifest, derived like icq.snapshot), in a form read
// without a JSON library: a run of icq with a cache reads every capture's manifest, and parsing
// JSON meant opening simdjson, and with it the shared libstdc++, in every such run (1.5 ms of a
// 7 ms cold compare; docs/DECISIONS.md, "A lean core"). The copy names the size and modification
// time of the capture.json it was made from; a copy of another one is not used.
//
// The format: the line "icq manifest 1", then fields, each written as its length in decimal, ':'
// and its bytes: what the manifest holds, in the order of cache.hpp's structs, numbers as text.
#include <optional>
#include <string>
#include <string_view>

#include "cache.hpp"

namespace icq::fetch {

// What a capture.json is, for its copy: its size and modification time; empty when it cannot be read.
std::string manifest_identity(const std::filesystem::path& capture_json);

std::string encode_manifest(const Manifest& m, std::string_view identity);

// The manifest, when `bytes` is a whole, well-formed copy made from `identity`; nullopt otherwise.
std::optional<Manifest> decode_manifest(std::string_view bytes, std::string_view identity);

}  // namespace icq::fetch
