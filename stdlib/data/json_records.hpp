#pragma once
// Reading the records of an InferenceX JSON document into a DatasetBuilder (json_records.cpp);
// the document itself (a whole array, pieces of a large one, a broken one) is load_api_json.cpp's.
#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "data/dataset.hpp"

namespace icq::data {

enum class Kind { api_rows, runner, evaluations, availability, reliability, unknown };
struct ReadState;  // what one document's records share while they are read

// Records of one top-level array; the document's kind is that of its first object, and records of
// another shape are unusable rows. element() returns false once the whole document was set aside.
class ArrayReader {
 public:
  ArrayReader(DatasetBuilder& b, std::uint32_t source);
  ~ArrayReader();  // notes the synthetic rows read
  ArrayReader(const ArrayReader&) = delete;
  ArrayReader& operator=(const ArrayReader&) = delete;
  bool element(const simdjson::dom::element& e, std::size_t index, const std::string& where);

 private:
  std::unique_ptr<ReadState> state_;
  DatasetBuilder& b_;
  std::uint32_t source_;
  std::optional<Kind> kind_;
};

// A document that is one object: a record, or a document of another kind that is set aside
// (returns false then).
bool read_single(DatasetBuilder& b, std::uint32_t source, const simdjson::dom::object& o);

}  // namespace icq::data
