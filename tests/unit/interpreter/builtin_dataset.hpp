#pragma once
// The built-in data as a Dataset of its own, built once, for the tests that reach below the Session
// (the Binder, the selections).
#include "data/dataset.hpp"
#include "data/load.hpp"

namespace icq_test {

inline const icq::data::Dataset& builtin_dataset() {
  static const icq::data::Dataset ds = [] {
    icq::data::DatasetBuilder b;
    icq::data::load_builtin(b);
    return std::move(b).finish();
  }();
  return ds;
}

}  // namespace icq_test
