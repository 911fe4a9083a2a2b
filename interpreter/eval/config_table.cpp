// `show config` on compare: the frontier knots behind each value, the answer to "what would I have
// to deploy to get this?". A value between two knots is read off the segment joining them, so both
// are listed; a value at a knot (or clamped to an end) lists that one.
#include "eval/config_table.hpp"

#include "bind/columns.hpp"

namespace icq::interp {

Table config_table(const BoundCompare& q, const std::vector<Curve>& curves, const data::Dataset& ds, const std::vector<double>& targets) {
  static const std::vector<std::string> fields = {"gpu",        "framework",       "precision",      "spec",         "deployment",
                                                  "tp",         "ep",              "dp_attention",   "prefill_tp",   "prefill_ep",
                                                  "prefill_workers", "decode_workers", "prefill_gpus", "decode_gpus", "gpus",
                                                  "conc",       "date",            "interactivity",  "throughput",   "image"};
  std::vector<RowColumn> cols;
  for (const auto& f : fields) cols.push_back(row_column(f));
  Table t;
  t.title = "config";
  t.columns = {{"target", "tok/s/user", Column::Type::number}, {"side", "", Column::Type::text}, {"knot", "", Column::Type::text}};
  for (const auto& c : cols) t.columns.push_back(c.column);
  for (const double x : targets)
    for (std::size_t i = 0; i < curves.size(); ++i) {
      const auto knots = curves[i].knots_at(x);
      const bool inside = curves[i].in_range(x);
      for (std::size_t k = 0; k < knots.size(); ++k) {
        std::vector<Value> row;
        row.emplace_back(x);
        row.emplace_back(std::in_place_type<std::string>, q.sides[i].label);
        row.emplace_back(std::in_place_type<std::string>, !inside ? "nearest (out of range)" : knots.size() == 1 ? "at" : k == 0 ? "below" : "above");
        for (const auto& c : cols) row.push_back(c.get(ds, *knots[k]));
        t.rows.push_back(std::move(row));
      }
    }
  return t;
}

}  // namespace icq::interp
