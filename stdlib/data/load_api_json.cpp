// InferenceX API JSON documents (benchmarks.json, benchmarks-history.json, blog tables, runner
// aggregates, evaluations): the whole document, a large array piece by piece, or a broken array
// record by record; json_records.cpp reads the records. Availability, reliability and
// workflow-info documents are recognised and set aside with a reason.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "data/json_reader.hpp"
#include "data/json_records.hpp"
#include "data/load.hpp"

namespace icq::data {

namespace {

using json::object;

// Byte ranges of the elements of a top-level JSON array, found without parsing them (strings and
// nesting respected), so that one broken record does not lose the others. The last range is
// open-ended when the array is truncated.
struct Slice {
  std::size_t begin, end;
  bool complete;
};

// Whether a byte-by-byte walk over JSON text is inside a string.
struct StringState {
  bool inside = false, escaped = false;
  // Feeds one byte; true when it belongs to a string (its quotes included).
  bool consume(char c) {
    if (inside) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') inside = false;
      return true;
    }
    if (c == '"') inside = true;
    return inside;
  }
};

std::vector<Slice> array_elements(std::string_view text) {
  std::vector<Slice> out;
  std::size_t i = text.find('[');
  if (i == std::string_view::npos) return out;
  ++i;
  int depth = 0;
  StringState str;
  std::optional<std::size_t> begin;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (str.inside) {
      str.consume(c);
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (!begin && c != ',' && c != ']') begin = i;
    if (str.consume(c)) continue;
    if (c == '{' || c == '[') ++depth;
    else if ((c == '}' || c == ']') && depth > 0) --depth;
    else if (depth == 0 && (c == ',' || c == ']')) {
      if (begin) out.push_back({*begin, i, true});
      begin.reset();
      if (c == ']') return out;
    }
  }
  if (begin) out.push_back({*begin, text.size(), false});
  return out;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

namespace {

// Reads the records of `text` (an array's "[...]") one by one, keeping the good ones: the recovery
// for an array with a broken record. `first_line` is the file line `text` starts on.
void read_one_by_one(DatasetBuilder& b, std::uint32_t source, ArrayReader& reader, std::string_view text, std::size_t first_line,
                     std::size_t& index) {
  simdjson::dom::parser p;
  for (const Slice& sl : array_elements(text)) {
    const std::string where = fmt::format("row {} (line {})", index + 1, first_line - 1 + line_of(text, sl.begin));
    const simdjson::padded_string one(text.substr(sl.begin, sl.end - sl.begin));
    simdjson::dom::element e;
    if (const auto e_err = p.parse(one).get(e); e_err || !sl.complete) {
      b.record_read(source);
      b.unusable(source, where,
                 sl.complete ? fmt::format("invalid JSON: {}", json_error_text(e_err)) : "the file ends inside this record (truncated)");
    } else if (!reader.element(e, index, where)) {
      index = std::string_view::npos;
      return;
    }
    ++index;
  }
}

// The first top-level separator (a ',' outside strings and nested values) at or after `target`,
// scanning from `from`, which starts a record; returns the position after it, or `end`.
std::size_t record_boundary(std::string_view bytes, std::size_t from, std::size_t target, std::size_t end) {
  int depth = 0;
  StringState str;
  for (std::size_t i = from; i < end; ++i) {
    const char c = bytes[i];
    if (str.consume(c)) continue;
    if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') --depth;
    else if (c == ',' && depth == 0 && i >= target) return i + 1;
  }
  return end;
}

void warn_read_one_by_one(DatasetBuilder& b, std::uint32_t source, simdjson::error_code err) {
  b.warn(fmt::format("{}: invalid JSON ({}); its records were read one by one", b.report().sources[source].name, json_error_text(err)));
}

// Feeds the elements of a parsed array to `reader`; false once the document was set aside.
bool read_elements(ArrayReader& reader, const simdjson::dom::array& array, std::size_t& index) {
  for (json::element e : array) {
    if (!reader.element(e, index, fmt::format("row {}", index + 1))) return false;
    ++index;
  }
  return true;
}

void warn_if_empty(DatasetBuilder& b, std::uint32_t source, std::size_t records) {
  if (records == 0) b.warn(fmt::format("{}: empty JSON array, no rows", b.report().sources[source].name));
}

// A large array is parsed a few MiB of records at a time with one reused parser: its buffers stay
// small and in cache instead of growing to three times the file (page faults were a third of the
// load time, and the memory peak four times the file). Cuts go at line breaks, which JSON forbids
// inside strings; a cut inside a record makes its piece unbalanced, which the parser rejects, and
// the piece is then cut again at a scanned record boundary.
void load_array_in_pieces(DatasetBuilder& b, std::uint32_t source, std::string_view bytes, simdjson::dom::parser& parser) {
  constexpr std::size_t kPiece = std::size_t{4} << 20;
  const std::size_t open = bytes.find('[');
  const std::size_t last = bytes.find_last_not_of(" \t\r\n");
  const std::size_t content_end = (last != std::string_view::npos && last > open && bytes[last] == ']') ? last : bytes.size();
  ArrayReader reader(b, source);
  std::size_t index = 0, pos = open + 1;
  // Line numbers are only needed for a broken piece: counted up to where they are asked for.
  std::size_t counted_to = 0, line = 1;
  const auto line_at = [&](std::size_t offset) {
    line += static_cast<std::size_t>(
        std::count(bytes.begin() + static_cast<std::ptrdiff_t>(counted_to), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    counted_to = offset;
    return line;
  };
  std::string piece_text;
  bool warned = false;
  const auto wrap = [&](std::size_t from, std::size_t to) {
    std::string_view piece = bytes.substr(from, to - from);
    const auto lead = piece.find_first_not_of(" \t\r\n,");
    piece.remove_prefix(lead == std::string_view::npos ? piece.size() : lead);
    const auto tail = piece.find_last_not_of(" \t\r\n,");
    piece = piece.substr(0, tail == std::string_view::npos ? 0 : tail + 1);
    piece_text.assign("[");
    piece_text.append(piece);
    piece_text.append("]");
    piece_text.append(simdjson::SIMDJSON_PADDING, '\0');
    return piece.empty();
  };
  while (pos < content_end) {
    std::size_t cut = content_end;
    if (content_end - pos > kPiece) {
      cut = bytes.find('\n', pos + kPiece);
      if (cut == std::string_view::npos || cut > content_end) cut = content_end;
    }
    simdjson::dom::element root;
    bool empty = false;
    const auto parse_piece = [&] {
      empty = wrap(pos, cut);
      return empty ? simdjson::SUCCESS : parser.parse(piece_text.data(), piece_text.size() - simdjson::SIMDJSON_PADDING, false).get(root);
    };
    auto err = parse_piece();
    if (err && cut != content_end) {  // the cut fell inside a record: cut at a record boundary instead
      cut = record_boundary(bytes, pos, pos + kPiece, content_end);
      err = parse_piece();
    }
    if (err) {
      if (!warned) warn_read_one_by_one(b, source, err);
      warned = true;
      // Line numbers count from the piece's first record, which wrap() moved past the separators.
      const std::string_view raw = bytes.substr(pos, cut - pos);
      const std::size_t first_line = line_at(pos + std::min(raw.find_first_not_of(" \t\r\n,"), raw.size()));
      read_one_by_one(b, source, reader, std::string_view(piece_text.data(), piece_text.size() - simdjson::SIMDJSON_PADDING), first_line,
                      index);
      if (index == std::string_view::npos) return;
    } else if (!empty) {
      simdjson::dom::array array;
      if (root.get(array) == simdjson::SUCCESS && !read_elements(reader, array, index)) return;
    }
    pos = cut;
  }
  if (content_end == bytes.size() && !warned)
    b.warn(
        fmt::format("{}: invalid JSON (the array is not closed: truncated file?); its records were read", b.report().sources[source].name));
  warn_if_empty(b, source, index);
}

}  // namespace

void load_api_json(DatasetBuilder& b, std::uint32_t source, std::string_view bytes, bool padded, simdjson::dom::parser* reuse) {
  require_json_library();
  simdjson::dom::parser own;
  simdjson::dom::parser& parser = reuse ? *reuse : own;
  const std::size_t start = bytes.find_first_not_of(" \t\r\n");
  const bool is_array = start != std::string_view::npos && bytes[start] == '[';
  // Pieces are copied out with their padding, so the file's own buffer need not be padded.
  if (is_array && bytes.size() > kPieceByPieceAbove) {
    load_array_in_pieces(b, source, bytes, parser);
    return;
  }
  simdjson::padded_string copy;
  simdjson::dom::element root;
  const auto err = padded ? parser.parse(bytes.data(), bytes.size(), false).get(root)
                          : (copy = simdjson::padded_string(bytes), parser.parse(copy).get(root));
  if (err) {
    if (!is_array) {
      b.skip_source(source, fmt::format("invalid JSON: {}", json_error_text(err)));
      return;
    }
    // An array with a broken record: read its records one by one and keep the good ones.
    warn_read_one_by_one(b, source, err);
    ArrayReader reader(b, source);
    std::size_t index = 0;
    read_one_by_one(b, source, reader, bytes, 1, index);
    return;
  }
  object single;
  if (root.get(single) == simdjson::SUCCESS) {
    if (!single.at_key("runs").error() || !single.at_key("changelogs").error()) {
      b.set_format(source, "workflow-info");
      b.skip_source(source, "workflow run list and changelogs, no metrics", true);
      return;
    }
    read_single(b, source, single);
    return;
  }
  simdjson::dom::array array;
  if (root.get(array)) {
    b.skip_source(source, "JSON is neither an array of rows nor an object");
    return;
  }
  ArrayReader reader(b, source);
  std::size_t index = 0;
  if (read_elements(reader, array, index)) warn_if_empty(b, source, index);
}

}  // namespace icq::data
