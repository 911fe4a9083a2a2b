#include "data/dataset.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "catalog/catalog.hpp"
#include "text/dates.hpp"

namespace icq::data {

std::string Line::sequence() const {
  if (agentic()) return "agentic";
  return catalog::sequence_label(isl, osl);
}

DatasetBuilder::DatasetBuilder() { string_ids_.emplace("", 0); }
DatasetBuilder::~DatasetBuilder() = default;

std::uint32_t DatasetBuilder::begin_source(std::string name, std::string format) {
  SourceReport src;
  src.name = std::move(name);
  src.format = std::move(format);
  report_.sources.push_back(std::move(src));
  return static_cast<std::uint32_t>(report_.sources.size() - 1);
}

void DatasetBuilder::set_format(std::uint32_t source, std::string format) { report_.sources[source].format = std::move(format); }

void DatasetBuilder::skip_source(std::uint32_t source, std::string why, bool known) {
  report_.sources[source].skipped = std::move(why);
  report_.sources[source].skipped_known = known;
}

void DatasetBuilder::unusable(std::uint32_t source, std::string where, std::string reason) {
  report_.sources[source].rows_unusable++;
  report_.unusable_by_reason[reason]++;
  report_.problems.push_back({source, std::move(where), std::move(reason)});
}

std::uint32_t DatasetBuilder::intern(const std::string& s) {
  if (s.empty()) return 0;
  // Rows of one run share their image and run URL: the last two answers are tried first.
  for (const std::uint32_t id : recent_strings_)
    if (id && strings_[id] == s) return id;
  auto [it, inserted] = string_ids_.try_emplace(s, static_cast<std::uint32_t>(strings_.size()));
  if (inserted) strings_.push_back(s);
  recent_strings_[recent_next_] = it->second;
  recent_next_ ^= 1;
  return it->second;
}

namespace {

// Writes the metrics `metric` holds (not NaN) to `out` in field order, counting them in `n`;
// returns the presence mask of Row::present.
std::uint64_t pack_metrics(const std::array<double, kFieldCount>& metric, double* out, std::size_t& n) {
  std::uint64_t present = 0;
  n = 0;
  for (std::size_t f = 0; f < kFieldCount; ++f)
    if (!std::isnan(metric[f])) {
      present |= std::uint64_t{1} << f;
      out[n++] = metric[f];
    }
  return present;
}

}  // namespace

void DatasetBuilder::store_metrics(std::size_t row, const std::array<double, kFieldCount>& metric) {
  if (block_used_ + kFieldCount > kBlockValues) {
    blocks_.push_back(std::make_unique_for_overwrite<double[]>(kBlockValues));
    block_used_ = 0;
  }
  double* out = blocks_.back().get() + block_used_;
  std::size_t n = 0;
  rows_[row].present = pack_metrics(metric, out, n);
  rows_[row].values = out;
  block_used_ += n;
}

std::array<double, kFieldCount> DatasetBuilder::metrics_of(std::size_t row) const {
  std::array<double, kFieldCount> out;
  out.fill(std::numeric_limits<double>::quiet_NaN());
  const double* v = rows_[row].values;
  for (std::size_t f = 0; f < kFieldCount; ++f)
    if ((rows_[row].present >> f) & 1) out[f] = *v++;
  return out;
}

std::size_t DatasetBuilder::LineHash::operator()(const Line& l) const noexcept {
  std::size_t h = 0;
  const auto mix = [&h](std::size_t v) { h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2); };
  for (const std::string* s : {&l.hardware, &l.framework, &l.model, &l.precision, &l.spec_method, &l.benchmark_type, &l.offload_mode})
    mix(std::hash<std::string>{}(*s));
  for (const std::int32_t v : {l.prefill_tp, l.prefill_ep, l.prefill_num_workers, l.decode_tp, l.decode_ep, l.decode_num_workers,
                               l.num_prefill_gpu, l.num_decode_gpu, l.isl, l.osl})
    mix(static_cast<std::size_t>(static_cast<std::uint32_t>(v)));
  mix((l.disagg ? 1u : 0u) | (l.is_multinode ? 2u : 0u) | (l.prefill_dp_attention ? 4u : 0u) | (l.decode_dp_attention ? 8u : 0u));
  return h;
}

std::uint32_t DatasetBuilder::intern_run(Run&& run) {
  const std::string id = run_identity(run);
  if (id.empty()) return 0;
  auto [it, inserted] = run_ids_.try_emplace(id, static_cast<std::uint32_t>(runs_.size()));
  if (inserted) {
    runs_.push_back(std::move(run));
  } else {
    // Sources that name the same run may know more or less of it (API JSON rarely carries the
    // database's fields): what any of them knows counts, the larger value on a disagreement, so the
    // result does not depend on the order they came in.
    Run& known = runs_[it->second];
    known.started_at = std::max(known.started_at, run.started_at);
    known.workflow_run_id = std::max(known.workflow_run_id, run.workflow_run_id);
  }
  return it->second;
}

std::uint32_t DatasetBuilder::intern_line(Line&& line) {
  auto it = line_ids_.find(line);
  if (it != line_ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(lines_.size());
  lines_.push_back(line);
  line_ids_.emplace(std::move(line), id);
  return id;
}

bool DatasetBuilder::add(std::uint32_t source, std::string where, RawRow&& raw) {
  // Usability (DECISIONS.md): a row needs its identity and the two axes of every frontier.
  const Line& l = raw.line;
  const char* reason = nullptr;
  const double x = raw.get(Field::median_intvty);
  const double y = raw.get(Field::tput_per_gpu);
  if (l.hardware.empty()) reason = "missing hardware";
  else if (l.framework.empty()) reason = "missing framework";
  else if (l.model.empty()) reason = "missing model";
  else if (l.precision.empty()) reason = "missing precision";
  else if (raw.conc <= 0) reason = "missing or non-positive conc";
  else if (std::isnan(y)) reason = "missing tput_per_gpu";
  else if (!std::isfinite(y) || y < 0) reason = "tput_per_gpu not a finite non-negative number";
  else if (!std::isnan(x) && (!std::isfinite(x) || x <= 0)) reason = "median_intvty not a finite positive number";
  else if (const double o = raw.get(Field::output_tput_per_gpu); !std::isnan(o) && (!std::isfinite(o) || o < 0))
    reason = "output_tput_per_gpu not a finite non-negative number";
  else if (const double i = raw.get(Field::input_tput_per_gpu); !std::isnan(i) && (!std::isfinite(i) || i < 0))
    reason = "input_tput_per_gpu not a finite non-negative number";
  if (reason) {
    unusable(source, std::move(where), reason);
    return false;
  }
  SourceReport& src = report_.sources[source];
  src.rows_kept++;
  // Kept without an interactivity (agentic runner aggregates carry mean/p75/p90/p95 only): such
  // rows can be listed but never enter a frontier; comparisons say how many were left out.
  if (std::isnan(x)) src.rows_without_x++;

  store(source, std::move(raw));
  return true;
}

void DatasetBuilder::store(std::uint32_t source, RawRow&& raw) {
  Row row;
  row.line = intern_line(std::move(raw.line));
  row.date = raw.date;
  row.conc = raw.conc;
  row.source = source;
  row.image = intern(raw.image);
  row.run = intern_run(std::move(raw.run));

  // Duplicates (same line, date, run and concurrency) are merged by finish(), after sorting: a hash
  // lookup per row here was a fifth of the load time at a million rows (cache misses).
  rows_.push_back(row);
  store_metrics(rows_.size() - 1, raw.metric);
}

void DatasetBuilder::add_dataset(const Dataset& ds) {
  const auto base = static_cast<std::uint32_t>(report_.sources.size());
  const LoadReport& r = ds.report();
  report_.sources.insert(report_.sources.end(), r.sources.begin(), r.sources.end());
  for (const Problem& p : r.problems) report_.problems.push_back({p.source + base, p.where, p.reason});
  for (const auto& [reason, n] : r.unusable_by_reason) report_.unusable_by_reason[reason] += n;
  for (const auto& [field, n] : r.ignored_fields) report_.ignored_fields[field] += n;
  report_.duplicates_merged += r.duplicates_merged;
  report_.superseded_attempt_rows += r.superseded_attempt_rows;
  report_.evaluations_merged += r.evaluations_merged;
  report_.conflicting_values += r.conflicting_values;
  report_.warnings.insert(report_.warnings.end(), r.warnings.begin(), r.warnings.end());
  report_.notes.insert(report_.notes.end(), r.notes.begin(), r.notes.end());
  for (const Row& row : ds.rows()) {
    RawRow raw;
    raw.line = ds.line_of(row);
    raw.date = row.date;
    raw.conc = row.conc;
    raw.image = std::string(ds.str(row.image));
    raw.run = ds.run_of(row);
    for (std::size_t f = 0; f < kFieldCount; ++f) raw.metric[f] = row.get(static_cast<Field>(f));
    store(row.source + base, std::move(raw));
  }
  for (Evaluation e : ds.evaluations()) {
    e.source += base;
    evaluations_.push_back(std::move(e));
  }
}

void DatasetBuilder::add_evaluation(std::uint32_t source, Evaluation&& e) {
  report_.sources[source].rows_kept++;
  e.source = source;
  evaluations_.push_back(std::move(e));
}

std::vector<bool> DatasetBuilder::sort_runs(Dataset& ds) {
  // Runs in run order, so that a row's run index orders its runs (index 0, no run, sorts first).
  std::vector<std::uint32_t> order(runs_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin() + 1, order.end(), [&](std::uint32_t a, std::uint32_t b) { return run_before(runs_[a], runs_[b]); });
  std::vector<std::uint32_t> new_index(runs_.size());
  ds.runs_.clear();
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    new_index[order[i]] = i;
    ds.runs_.push_back(std::move(runs_[order[i]]));
  }
  for (Row& r : rows_) r.run = new_index[r.run];
  // The dashboard reads the latest attempt of each GitHub run (latest_workflow_runs): a run of
  // which the data holds a later attempt is superseded. Attempts of one run are adjacent in run
  // order only when the database's fields are absent, so the latest attempt is found per id.
  std::unordered_map<std::int64_t, std::int32_t> latest_attempt;
  for (const Run& r : ds.runs_)
    if (const GithubRun g = github_run(r.url); g.id) latest_attempt[g.id] = std::max(latest_attempt[g.id], g.attempt);
  std::vector<bool> superseded(ds.runs_.size(), false);
  for (std::size_t i = 0; i < ds.runs_.size(); ++i)
    if (const GithubRun g = github_run(ds.runs_[i].url); g.id) superseded[i] = g.attempt < latest_attempt[g.id];
  runs_ = {};
  run_ids_ = {};
  return superseded;
}

Dataset DatasetBuilder::finish() && {
  Dataset ds;
  // Sources in name order (stable for equal names), so the report and every row's source index do
  // not depend on the order the files were given in.
  {
    auto& src = report_.sources;
    std::vector<std::uint32_t> order(src.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return src[a].name < src[b].name; });
    std::vector<std::uint32_t> new_index(src.size());
    std::vector<SourceReport> sorted;
    sorted.reserve(src.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
      new_index[order[i]] = i;
      sorted.push_back(std::move(src[order[i]]));
    }
    src = std::move(sorted);
    for (Row& r : rows_) r.source = new_index[r.source];
    for (Evaluation& e : evaluations_) e.source = new_index[e.source];
    for (Problem& p : report_.problems) p.source = new_index[p.source];
    std::stable_sort(report_.problems.begin(), report_.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.source < b.source; });
  }
  // Evaluations: canonical order, then one per (configuration, task, date, conc); the source whose
  // name sorts last wins, like rows.
  std::stable_sort(evaluations_.begin(), evaluations_.end(), [&](const Evaluation& a, const Evaluation& b) {
    if (a.line != b.line) return a.line < b.line;
    if (a.task != b.task) return a.task < b.task;
    if (a.date != b.date) return a.date < b.date;
    if (a.conc != b.conc) return a.conc < b.conc;
    return report_.sources[a.source].name < report_.sources[b.source].name;
  });
  for (auto& e : evaluations_) {
    if (!ds.evaluations_.empty()) {
      Evaluation& last = ds.evaluations_.back();
      if (last.line == e.line && last.task == e.task && last.date == e.date && last.conc == e.conc) {
        last = std::move(e);
        report_.evaluations_merged++;
        continue;
      }
    }
    ds.evaluations_.push_back(std::move(e));
  }
  // Canonical line order (by configuration), then rows by (line, date, conc): identical output
  // whatever order the sources came in.
  std::vector<std::uint32_t> order(lines_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return lines_[a] < lines_[b]; });
  std::vector<std::uint32_t> new_id(lines_.size());
  ds.lines_.reserve(lines_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    new_id[order[i]] = i;
    ds.lines_.push_back(std::move(lines_[order[i]]));
  }
  for (Row& r : rows_) r.line = new_id[r.line];
  const std::vector<bool> superseded = sort_runs(ds);
  // Rows by (line, date, run, conc); a key's duplicates then sit together in source-name order
  // (arrival order among equal names), so merging them gives the same row whatever order the files
  // came in. The keys are sorted as one contiguous array: sorting indices that point into rows_
  // missed the cache on every comparison (a third of the load at ten million rows).
  struct SortKey {
    std::uint32_t line;
    std::int32_t date;
    std::uint32_t run;
    std::int32_t conc;
    std::uint32_t source, index;
    bool operator<(const SortKey& o) const noexcept {
      return std::tie(line, date, run, conc, source, index) < std::tie(o.line, o.date, o.run, o.conc, o.source, o.index);
    }
  };
  std::vector<SortKey> keys;
  keys.reserve(rows_.size());
  for (std::uint32_t i = 0; i < rows_.size(); ++i) {
    const Row& r = rows_[i];
    if (superseded[r.run]) {
      report_.superseded_attempt_rows++;
      continue;
    }
    keys.push_back({r.line, r.date, r.run, r.conc, r.source, i});
  }
  std::sort(keys.begin(), keys.end());
  // A row that names no run sorts first of its (line, date); it joins the date's run when the
  // line has exactly one there (a CSV export of an API run), and stays apart otherwise.
  for (std::size_t g = 0; g < keys.size();) {
    std::size_t end = g + 1;
    while (end < keys.size() && keys[end].line == keys[g].line && keys[end].date == keys[g].date) ++end;
    if (keys[g].run == 0 && keys[end - 1].run != 0) {
      std::size_t named = g;
      while (keys[named].run == 0) ++named;
      if (keys[named].run == keys[end - 1].run) {
        for (std::size_t k = g; k < named; ++k) keys[k].run = rows_[keys[k].index].run = keys[end - 1].run;
        std::sort(keys.begin() + static_cast<std::ptrdiff_t>(g), keys.begin() + static_cast<std::ptrdiff_t>(end));
      }
    }
    g = end;
  }
  const auto same_row = [](const SortKey& a, const SortKey& b) {
    return a.line == b.line && a.date == b.date && a.run == b.run && a.conc == b.conc;
  };
  // Rows keep pointing at their metrics in the builder's blocks, which the data set takes over;
  // only merged rows get new storage, reserved first so the pointers never move.
  std::size_t duplicate_pairs = 0;
  for (std::size_t i = 1; i < keys.size(); ++i) duplicate_pairs += same_row(keys[i - 1], keys[i]) ? 1 : 0;
  ds.values_.reserve(duplicate_pairs * kFieldCount);
  ds.rows_.reserve(keys.size());
  for (std::size_t g = 0; g < keys.size();) {
    const Row& head = rows_[keys[g].index];
    std::size_t end = g + 1;
    while (end < keys.size() && same_row(keys[g], keys[end])) ++end;
    if (end == g + 1) {  // the common case: no duplicate
      ds.rows_.push_back(head);
      g = end;
      continue;
    }
    // Merge: union of metrics; on disagreement the source whose name sorts later wins.
    Row kept = head;
    auto kept_metric = metrics_of(keys[g].index);
    for (std::size_t d = g + 1; d < end; ++d) {
      const Row& dup = rows_[keys[d].index];
      const auto metric = metrics_of(keys[d].index);
      report_.duplicates_merged++;
      const bool incoming_wins = report_.sources[dup.source].name > report_.sources[kept.source].name;
      for (std::size_t f = 0; f < kFieldCount; ++f) {
        const double a = kept_metric[f], b = metric[f];
        if (std::isnan(b)) continue;
        if (std::isnan(a)) {
          kept_metric[f] = b;
        } else if (a != b) {
          report_.conflicting_values++;
          if (incoming_wins) kept_metric[f] = b;
        }
      }
      if (incoming_wins) {
        if (dup.image) kept.image = dup.image;
        kept.source = dup.source;
      } else if (!kept.image) {
        kept.image = dup.image;
      }
    }
    double packed[kFieldCount];
    std::size_t n = 0;
    kept.present = pack_metrics(kept_metric, packed, n);
    kept.values = ds.values_.data() + ds.values_.size();
    ds.values_.insert(ds.values_.end(), packed, packed + n);
    ds.rows_.push_back(kept);
    g = end;
  }
  rows_ = {};
  ds.blocks_ = std::move(blocks_);
  ds.line_begin_.assign(ds.lines_.size() + 1, 0);
  for (const Row& r : ds.rows_) ds.line_begin_[r.line + 1]++;
  for (std::size_t l = 0; l < ds.lines_.size(); ++l) ds.line_begin_[l + 1] += ds.line_begin_[l];
  ds.strings_ = std::move(strings_);
  ds.report_ = std::move(report_);
  return ds;
}

}  // namespace icq::data
