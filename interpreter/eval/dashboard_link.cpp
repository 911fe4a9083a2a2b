#include "eval/dashboard_link.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "eval/curve.hpp"
#include "phrase/dashboard_page.hpp"
#include "text/text.hpp"

namespace icq::interp {

namespace {

constexpr const char* kBase = "https://inferencex.semianalysis.com";

// The order precision pages name their two precisions in (DASHBOARD.md §6).
int precision_rank(const std::string& p) {
  static const std::vector<std::string> order = {"fp4", "nvfp4", "mxfp4", "int4", "fp4fp8", "fp8", "bf16"};
  const auto it = std::find(order.begin(), order.end(), p);
  return it == order.end() ? static_cast<int>(order.size()) : static_cast<int>(it - order.begin());
}

const LineFilter* only(const Selection& s, LineField f) {
  const LineFilter* found = nullptr;
  for (const auto& x : s.filters)
    if (x.field == f) {
      if (found) return nullptr;
      found = &x;
    }
  // A model filter may pool one dashboard group's keys; every other field needs exactly one value.
  return found && (f == LineField::model || found->values.size() == 1) ? found : nullptr;
}

const catalog::ModelGroup* group_of(const LineFilter& f) {
  if (f.groups.size() == 1) return catalog::find_model_group(f.groups.front());
  if (!f.groups.empty()) return nullptr;
  const catalog::ModelGroup* g = nullptr;
  for (const auto& v : f.values) {
    const auto* h = catalog::group_of_model(v);
    if (!h || (g && g != h)) return nullptr;
    g = h;
  }
  return g;
}

// The page's i_seq value and the /compare path suffix of a sequence.
std::string i_seq(const std::string& seq) {
  return seq == "agentic" ? "agentic-traces" : text::join({seq.substr(0, seq.find('/')), seq.substr(seq.find('/') + 1)}, "%2F");
}
std::string scenario(const std::string& seq) {
  return seq == "agentic" ? "agentic" : text::join({seq.substr(0, seq.find('/')), seq.substr(seq.find('/') + 1)}, "-");
}

}  // namespace

std::optional<DashboardLink> dashboard_link(const BoundCompare& q) {
  if (q.sides.size() != 2 || (q.dimension != "precision" && q.dimension != "spec" && q.dimension != "gpu")) return std::nullopt;
  for (const auto& s : q.sides)
    if (s.selection.filters.size() != 1 || !s.selection.where.empty() || s.selection.date.kind != DateSelection::Kind::latest)
      return std::nullopt;
  const Selection& sh = q.shared;
  if (!sh.where.empty() || sh.date.kind != DateSelection::Kind::latest) return std::nullopt;
  for (const auto& f : sh.filters)
    if (f.field != LineField::model && f.field != LineField::seq && f.field != LineField::gpu && f.field != LineField::precision)
      return std::nullopt;
  const LineFilter* model = only(sh, LineField::model);
  const LineFilter* seq = only(sh, LineField::seq);
  const LineFilter* gpu = only(sh, LineField::gpu);
  const LineFilter* prec = only(sh, LineField::precision);
  if (!model || !seq) return std::nullopt;
  DashboardLink link;
  link.model = group_of(*model);
  if (!link.model) return std::nullopt;
  link.sequence = seq->values.front();
  if (link.sequence != "1k/1k" && link.sequence != "1k/8k" && link.sequence != "8k/1k" && link.sequence != "agentic") return std::nullopt;
  const std::string& a = q.sides[0].label;
  const std::string& b = q.sides[1].label;
  if (q.dimension == "precision") {
    if (!gpu) return std::nullopt;
    link.family = DashboardLink::Family::precision;
    if (precision_rank(b) < precision_rank(a)) link.order = {1, 0};
    link.gpu_label = catalog::gpu_display(gpu->values.front());
    link.url = fmt::format("{}/compare-precision/{}-{}-{}-vs-{}?i_seq={}", kBase, link.model->slug, gpu->values.front(),
                           q.sides[link.order[0]].label, q.sides[link.order[1]].label, i_seq(link.sequence));
  } else if (q.dimension == "spec") {
    if (!gpu || !prec) return std::nullopt;
    if (!((a == "mtp" && b == "none") || (a == "none" && b == "mtp"))) return std::nullopt;
    link.family = DashboardLink::Family::spec_decode;
    if (a == "none") link.order = {1, 0};
    link.precision = prec->values.front();
    link.gpu_label = catalog::gpu_display(gpu->values.front()) + " " + text::upper(link.precision);
    link.url = fmt::format("{}/compare-spec-decode/{}-{}-{}-mtp-vs-none?i_seq={}", kBase, link.model->slug, gpu->values.front(),
                           link.precision, i_seq(link.sequence));
  } else {
    if (!prec || gpu) return std::nullopt;
    link.family = DashboardLink::Family::gpu;
    if (b < a) link.order = {1, 0};
    link.precision = prec->values.front();
    link.url = fmt::format("{}/compare/{}-{}-vs-{}/{}?i_prec={}", kBase, link.model->slug, q.sides[link.order[0]].label,
                           q.sides[link.order[1]].label, scenario(link.sequence), link.precision);
  }
  return link;
}

std::shared_ptr<const Deferred<DashboardPage>> dashboard_page(const BoundCompare& q, const DashboardLink& link,
                                                              const std::vector<Curve>& curves, const data::Dataset& ds,
                                                              std::pair<double, double> band, const std::vector<double>& targets,
                                                              const std::vector<BoundMetric>& read_metrics,
                                                              const std::vector<TargetResult>& read) {
  // The page's four metrics, whatever `show` asked for.
  const auto bound = [](const char* name) {
    BoundMetric m;
    m.metric = catalog::find_metric(name);
    return m;
  };
  const std::vector<BoundMetric> metrics = {bound("throughput"), bound("cost"), bound("power"), bound("concurrency")};
  // A compare that read exactly these (the default `show`) has the page's values already.
  const bool reuse = q.token_field == data::Field::tput_per_gpu && read.size() == targets.size() &&
                     std::equal(metrics.begin(), metrics.end(), read_metrics.begin(), read_metrics.end(),
                                [](const BoundMetric& a, const BoundMetric& b) { return a.metric == b.metric && a.field == b.field; });
  PageInput in;
  in.family = link.family == DashboardLink::Family::precision     ? PageFamily::precision
              : link.family == DashboardLink::Family::spec_decode ? PageFamily::spec_decode
                                                                  : PageFamily::gpu;
  in.model_label = link.model->label;
  in.gpu_label = link.gpu_label;
  in.a = q.sides[link.order[0]].display;
  in.b = q.sides[link.order[1]].display;
  in.unit_word = q.method.unit_word;
  in.sequence = link.sequence == "agentic" ? "agentic-traces" : link.sequence;
  in.precision = link.precision;
  in.band_lo = band.first;
  in.band_hi = band.second;
  for (std::size_t ti = 0; ti < targets.size(); ++ti) {
    const double t = targets[ti];
    PageTarget pt{t, {}, {}};
    for (int k = 0; k < 2; ++k) {
      PageSide& side = k == 0 ? pt.a : pt.b;
      if (reuse) {
        const SideValue& v = read[ti].values[link.order[k]];
        if (v.status != Status::out_of_range) side = {v.values[0], v.values[1], v.values[2], v.values[3]};
        continue;
      }
      const PointValues pv = evaluate_at(curves[link.order[k]], ds, t, q.clamp, metrics, q.method, data::Field::tput_per_gpu);
      if (pv.status == Status::out_of_range) continue;
      side = {pv.values[0], pv.values[1], pv.values[2], pv.values[3]};
    }
    in.targets.push_back(pt);
  }
  return std::make_shared<const Deferred<DashboardPage>>([in = std::move(in), link] {
    DashboardPage page;
    page.url = link.url;
    switch (link.family) {
      case DashboardLink::Family::precision: page.title = fmt::format("{}: {} vs {} Precision Comparison", in.gpu_label, in.a, in.b); break;
      case DashboardLink::Family::spec_decode:
        page.title = fmt::format("{}: {} vs {} Speculative Decoding", in.gpu_label, in.a, in.b);
        break;
      case DashboardLink::Family::gpu: page.title = fmt::format("{}: {} vs {}", in.model_label, in.a, in.b); break;
    }
    page.paragraphs = page_paragraphs(in);
    PageTable table = page_table(in);
    page.table_header = std::move(table.header);
    page.table_inputs = std::move(table.inputs);
    page.table_rows = std::move(table.rows);
    return page;
  });
}

}  // namespace icq::interp
