// icq._icq: the Python binding of icq's public API (include/icq) with pybind11. The Python package
// (python/icq/__init__.py) wraps it: sessions, results as typed objects, DataFrames, errors.
//
// A statement runs in a worker thread with the GIL released, while the calling thread waits and
// polls PyErr_CheckSignals: Ctrl-C (or a Jupyter kernel's interrupt, a SIGINT) becomes
// Session::cancel() and the run ends at its next check point; the call then raises
// KeyboardInterrupt. One Session serialises its runs with a mutex, so a session used from two
// Python threads is safe (icq::Session is not, from two threads at once). The library never
// prints: load warnings are collected and handed to Python.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "bootstrap.hpp"
#include "icq/icq.hpp"

namespace py = pybind11;

namespace {

PyObject* g_session_error = nullptr;  // _icq.SessionError

const char* status_key(icq::Status s) {
  switch (s) {
    case icq::Status::ok: return "ok";
    case icq::Status::out_of_range: return "out_of_range";
    case icq::Status::clamped: return "clamped";
  }
  return "ok";
}

const char* polarity_key(icq::MetricColumn::Polarity p) {
  switch (p) {
    case icq::MetricColumn::Polarity::higher_is_better: return "higher";
    case icq::MetricColumn::Polarity::lower_is_better: return "lower";
    case icq::MetricColumn::Polarity::neutral: return "neutral";
  }
  return "neutral";
}

const char* column_type_key(icq::Column::Type t) {
  switch (t) {
    case icq::Column::Type::number: return "number";
    case icq::Column::Type::integer: return "integer";
    case icq::Column::Type::text: return "text";
  }
  return "text";
}

const char* severity_key(icq::Severity s) {
  switch (s) {
    case icq::Severity::error: return "error";
    case icq::Severity::warning: return "warning";
    case icq::Severity::note: return "note";
  }
  return "error";
}

const char* error_kind_key(icq::ErrorKind k) {
  switch (k) {
    case icq::ErrorKind::query: return "query";
    case icq::ErrorKind::usage: return "usage";
    case icq::ErrorKind::expect: return "expect";
    case icq::ErrorKind::cancelled: return "cancelled";
  }
  return "query";
}

std::optional<std::string> evidence_kind(const std::optional<icq::Evidence::Kind>& k) {
  if (!k) return std::nullopt;
  return std::string(icq::evidence_key(*k));
}

icq::Format format_named(const std::string& name) {
  const auto f = icq::parse_format(name);
  if (!f) throw py::value_error("unknown format '" + name + "': one of " + std::string(icq::format_names()));
  return *f;
}

icq::RenderOptions render_options(bool unicode, bool color, int columns, int rows, bool log_x, bool log_y) {
  icq::RenderOptions o;
  o.unicode = unicode;
  o.color = color;
  o.columns = columns;
  o.rows = rows;
  o.log_x = log_x;
  o.log_y = log_y;
  return o;
}

// The caret lines of a diagnostic as format_diagnostic draws them ("  <line>\n  ^~~~"); empty
// when it has no position.
std::string caret_text(const icq::Diagnostic& d) {
  if (d.span.line == 0) return {};
  icq::Diagnostic bare = d;
  bare.help.clear();
  const std::string all = icq::format_diagnostic(bare);
  const auto first = all.find('\n');
  return first == std::string::npos ? std::string{} : all.substr(first + 1);
}

std::vector<icq::Result> results_of(const py::iterable& items) {
  std::vector<icq::Result> out;
  for (const auto& item : items) out.push_back(item.cast<const icq::Result&>());
  return out;
}

// A Session and the lock that keeps its runs one at a time. Shared with the worker threads, so a
// worker that outlives its caller (interrupted while it waited for the lock) never dangles.
struct Core {
  std::mutex run_mutex;
  std::unique_ptr<icq::Session> session;
  std::mutex warnings_mutex;
  std::vector<icq::Diagnostic> warnings;  // load warnings not yet taken by Python
};

// One run handed to a worker thread.
struct Job {
  std::string text, source;
  bool stop_at_error = true;
  std::mutex m;
  std::condition_variable cv;
  bool started = false, done = false, abandoned = false, cancel_sent = false;
  icq::Outcome outcome;
  std::exception_ptr error;
};

class PySession {
 public:
  PySession(const std::optional<std::vector<std::string>>& data, const std::optional<std::string>& cache, bool no_cache,
            const std::map<std::string, std::string>& params, bool sandboxed, std::optional<std::size_t> max_query_bytes,
            std::optional<std::size_t> max_targets, std::optional<std::size_t> max_sides)
      : core_(std::make_shared<Core>()) {
    // The data as the icq command chooses it (repl/common/bootstrap): the built-in data with the
    // newest capture of the `icq fetch` cache over it ($ICQ_CACHE, ~/.cache/icq), or `data` instead.
    icq::hosts::DataChoice choice;
    if (data) choice.data_paths = *data;
    choice.cache = cache;
    choice.no_cache = no_cache;
    for (const auto& [k, v] : params) choice.params.emplace_back(k, v);
    icq::SessionOptions options = icq::hosts::session_options(choice, std::time(nullptr));
    options.sandboxed = sandboxed;
    if (max_query_bytes) options.limits.max_query_bytes = *max_query_bytes;
    if (max_targets) options.limits.max_targets = *max_targets;
    if (max_sides) options.limits.max_sides = *max_sides;
    std::weak_ptr<Core> weak = core_;
    options.on_warning = [weak](const icq::Diagnostic& d) {
      if (auto c = weak.lock()) {
        const std::lock_guard<std::mutex> lock(c->warnings_mutex);
        c->warnings.push_back(d);
      }
    };
    py::gil_scoped_release release;
    core_->session = std::make_unique<icq::Session>(std::move(options));
  }

  explicit PySession(std::shared_ptr<Core> core) : core_(std::move(core)) {}

  // Runs `text` in a worker thread; returns (results, diagnostics). Ctrl-C cancels.
  py::tuple run(const std::string& text, const std::string& source, bool stop_at_error) {
    auto job = std::make_shared<Job>();
    job->text = text;
    job->source = source;
    job->stop_at_error = stop_at_error;
    std::thread([core = core_, job] {
      const std::lock_guard<std::mutex> run_lock(core->run_mutex);
      {
        const std::lock_guard<std::mutex> lock(job->m);
        if (job->abandoned) {
          job->done = true;
          job->cv.notify_all();
          return;
        }
        job->started = true;
      }
      icq::Outcome outcome;
      std::exception_ptr error;
      try {
        outcome = core->session->run(job->text, job->source, job->stop_at_error);
      } catch (...) {
        error = std::current_exception();
      }
      bool stale_cancel = false;
      {
        const std::lock_guard<std::mutex> lock(job->m);
        job->outcome = std::move(outcome);
        job->error = error;
        job->done = true;
        stale_cancel = job->cancel_sent;
      }
      job->cv.notify_all();
      // A cancel() sent as the run returned would stop the next run at its start: an empty run
      // takes it (still under the run lock).
      if (stale_cancel) core->session->run("");
    }).detach();

    bool interrupted = false;
    for (;;) {
      {
        py::gil_scoped_release release;
        std::unique_lock<std::mutex> lock(job->m);
        if (job->cv.wait_for(lock, std::chrono::milliseconds(interrupted ? 1000 : 50), [&] { return job->done; })) break;
      }
      if (interrupted) continue;  // cancelled: wait for the run to reach its check point
      if (PyErr_CheckSignals() != 0) {
        interrupted = true;
        std::unique_lock<std::mutex> lock(job->m);
        if (!job->started) {
          job->abandoned = true;  // still waiting for another thread's run: it never starts
          break;
        }
        if (!job->done) {
          job->cancel_sent = true;
          core_->session->cancel();
        }
      }
    }
    if (interrupted) throw py::error_already_set();  // KeyboardInterrupt (or what the handler raised)
    if (job->error) std::rethrow_exception(job->error);
    py::list results;
    for (auto& r : job->outcome.results) results.append(py::cast(std::move(r)));
    py::list diagnostics;
    for (auto& d : job->outcome.diagnostics) diagnostics.append(py::cast(std::move(d)));
    return py::make_tuple(results, diagnostics, job->outcome.exit_code());
  }

  void cancel() noexcept { core_->session->cancel(); }

  // Calls f with the Session, after any run in progress, without the GIL.
  template <typename F>
  auto locked(F f) const {
    py::gil_scoped_release release;
    const std::lock_guard<std::mutex> lock(core_->run_mutex);
    return f(*core_->session);
  }

  std::vector<std::string> complete(const std::string& line) const {
    return locked([&](const icq::Session& s) { return s.complete(line); });
  }
  std::vector<icq::Diagnostic> check(const std::string& text) const {
    return locked([&](const icq::Session& s) { return s.check(text).diagnostics; });
  }
  icq::DataSummary data() const {
    return locked([](const icq::Session& s) { return s.data(); });
  }
  std::optional<std::string> format() const {
    const auto f = locked([](const icq::Session& s) { return s.format(); });
    return f ? std::optional<std::string>(std::string(icq::format_name(*f))) : std::nullopt;
  }
  void set_param(const std::string& name, const std::string& value) {
    locked([&](icq::Session& s) {
      s.set_param(name, value);
      return 0;
    });
  }
  PySession fresh() const {
    auto core = std::make_shared<Core>();
    core->session = std::make_unique<icq::Session>(locked([](const icq::Session& s) { return s.fresh(); }));
    return PySession(std::move(core));
  }
  std::vector<icq::Diagnostic> take_warnings() {
    const std::lock_guard<std::mutex> lock(core_->warnings_mutex);
    return std::exchange(core_->warnings, {});
  }

 private:
  std::shared_ptr<Core> core_;
};

}  // namespace

PYBIND11_MODULE(_icq, m) {
  m.doc() = "icq's C++ library (include/icq) for Python; use the icq package, which wraps it";
  m.attr("version") = ICQ_VERSION_STRING;  // (icq::version() is libicq's; the interpreter is linked here)
  m.def("attribution", [] { return std::string(icq::attribution()); });
  m.def("format_names", [] { return std::string(icq::format_names()); });

  py::class_<icq::Diagnostic>(m, "Diagnostic")
      .def_property_readonly("severity", [](const icq::Diagnostic& d) { return severity_key(d.severity); })
      .def_property_readonly("kind", [](const icq::Diagnostic& d) { return error_kind_key(d.kind); })
      .def_readonly("message", &icq::Diagnostic::message)
      .def_property_readonly("source", [](const icq::Diagnostic& d) { return d.span.source; })
      .def_property_readonly("offset", [](const icq::Diagnostic& d) { return d.span.offset; })
      .def_property_readonly("length", [](const icq::Diagnostic& d) { return d.span.length; })
      .def_property_readonly("line", [](const icq::Diagnostic& d) { return d.span.line; })
      .def_property_readonly("column", [](const icq::Diagnostic& d) { return d.span.column; })
      .def_property_readonly("line_text", [](const icq::Diagnostic& d) { return d.span.line_text; })
      .def_readonly("help", &icq::Diagnostic::help)
      .def_readonly("suggestions", &icq::Diagnostic::suggestions)
      .def_readonly("incomplete", &icq::Diagnostic::incomplete)
      .def_property_readonly("caret", &caret_text)
      .def(
          "format", [](const icq::Diagnostic& d, bool color) { return icq::format_diagnostic(d, color); }, py::arg("color") = false)
      .def("to_json", [](const icq::Diagnostic& d) { return icq::render_error_json(d); })
      .def("__repr__",
           [](const icq::Diagnostic& d) { return "<icq Diagnostic " + std::string(severity_key(d.severity)) + ": " + d.message + ">"; });

  py::class_<icq::NumberFormat>(m, "NumberFormat")
      .def_readonly("decimals", &icq::NumberFormat::decimals)
      .def_readonly("prefix", &icq::NumberFormat::prefix)
      .def_readonly("scale", &icq::NumberFormat::scale);

  py::class_<icq::Column>(m, "Column")
      .def_readonly("name", &icq::Column::name)
      .def_readonly("unit", &icq::Column::unit)
      .def_property_readonly("type", [](const icq::Column& c) { return column_type_key(c.type); })
      .def_readonly("format", &icq::Column::format)
      .def("__repr__", [](const icq::Column& c) {
        return "<icq Column " + c.name + " (" + column_type_key(c.type) + (c.unit.empty() ? "" : ", " + c.unit) + ")>";
      });

  py::class_<icq::Table>(m, "Table")
      .def_readonly("title", &icq::Table::title)
      .def_readonly("columns", &icq::Table::columns)
      .def_readonly("rows", &icq::Table::rows)
      .def("column_index", &icq::Table::column_index, py::arg("name"))
      .def("__len__", [](const icq::Table& t) { return t.rows.size(); });

  py::class_<icq::MetricColumn>(m, "MetricColumn")
      .def_readonly("key", &icq::MetricColumn::key)
      .def_readonly("display", &icq::MetricColumn::display)
      .def_readonly("unit", &icq::MetricColumn::unit)
      .def_property_readonly("polarity", [](const icq::MetricColumn& c) { return polarity_key(c.polarity); })
      .def_readonly("format", &icq::MetricColumn::format)
      .def("__repr__", [](const icq::MetricColumn& c) { return "<icq MetricColumn " + c.key + " (" + c.unit + ")>"; });

  py::class_<icq::SideSummary>(m, "SideSummary")
      .def_readonly("label", &icq::SideSummary::label)
      .def_readonly("display", &icq::SideSummary::display)
      .def_readonly("filters", &icq::SideSummary::filters)
      .def_readonly("rows", &icq::SideSummary::rows)
      .def_readonly("frontier_points", &icq::SideSummary::frontier_points)
      .def_readonly("range", &icq::SideSummary::range)
      .def_readonly("run_dates", &icq::SideSummary::run_dates)
      .def_readonly("gpus", &icq::SideSummary::gpus)
      .def_readonly("frameworks", &icq::SideSummary::frameworks)
      .def("__repr__", [](const icq::SideSummary& s) { return "<icq Side " + s.label + ">"; });

  py::class_<icq::Spread>(m, "Spread")
      .def_readonly("min", &icq::Spread::min)
      .def_readonly("max", &icq::Spread::max)
      .def_readonly("stddev", &icq::Spread::stddev)
      .def_readonly("runs", &icq::Spread::runs)
      .def_readonly("unknown", &icq::Spread::unknown);

  py::class_<icq::EvidenceKnot>(m, "EvidenceKnot")
      .def_readonly("interactivity", &icq::EvidenceKnot::interactivity)
      .def_readonly("throughput", &icq::EvidenceKnot::throughput)
      .def_readonly("concurrency", &icq::EvidenceKnot::concurrency)
      .def_readonly("config", &icq::EvidenceKnot::config);

  py::class_<icq::Evidence>(m, "Evidence")
      .def_property_readonly("kind", [](const icq::Evidence& e) { return icq::evidence_key(e.kind); })
      .def_readonly("same_config", &icq::Evidence::same_config)
      .def_readonly("knots", &icq::Evidence::knots)
      .def_property_readonly("solid", &icq::Evidence::solid)
      .def("__repr__", [](const icq::Evidence& e) { return std::string("<icq Evidence ") + icq::evidence_key(e.kind) + ">"; });

  py::class_<icq::Deployable>(m, "Deployable")
      .def_readonly("config", &icq::Deployable::config)
      .def_readonly("values", &icq::Deployable::values)
      .def_readonly("evidence", &icq::Deployable::evidence);

  py::class_<icq::SideValue>(m, "SideValue")
      .def_readonly("side", &icq::SideValue::side)
      .def_property_readonly("status", [](const icq::SideValue& v) { return status_key(v.status); })
      .def_readonly("values", &icq::SideValue::values)
      .def_readonly("noise", &icq::SideValue::noise)
      .def_readonly("evidence", &icq::SideValue::evidence)
      .def_readonly("deployable", &icq::SideValue::deployable)
      .def("__repr__", [](const icq::SideValue& v) { return "<icq SideValue " + v.side + " " + status_key(v.status) + ">"; });

  py::class_<icq::MetricVerdict>(m, "MetricVerdict")
      .def_readonly("metric", &icq::MetricVerdict::metric)
      .def_property_readonly("outcome", [](const icq::MetricVerdict& v) { return icq::outcome_key(v.outcome); })
      .def_readonly("winner", &icq::MetricVerdict::winner)
      .def_readonly("runner_up", &icq::MetricVerdict::runner_up)
      .def_readonly("ratio", &icq::MetricVerdict::ratio)
      .def_readonly("percent", &icq::MetricVerdict::percent)
      .def_readonly("saving", &icq::MetricVerdict::saving)
      .def_property_readonly("winner_evidence", [](const icq::MetricVerdict& v) { return evidence_kind(v.winner_evidence); })
      .def_property_readonly("runner_up_evidence", [](const icq::MetricVerdict& v) { return evidence_kind(v.runner_up_evidence); })
      .def_readonly("solid", &icq::MetricVerdict::solid)
      .def_readonly("phrased", &icq::MetricVerdict::phrased);

  py::class_<icq::TargetResult>(m, "TargetResult")
      .def_readonly("interactivity", &icq::TargetResult::interactivity)
      .def_readonly("position", &icq::TargetResult::position)
      .def_readonly("values", &icq::TargetResult::values)
      .def_readonly("verdicts", &icq::TargetResult::verdicts)
      .def_readonly("sentence", &icq::TargetResult::sentence);

  py::class_<icq::DashboardPage>(m, "DashboardPage")
      .def_readonly("url", &icq::DashboardPage::url)
      .def_readonly("title", &icq::DashboardPage::title)
      .def_readonly("paragraphs", &icq::DashboardPage::paragraphs)
      .def_readonly("table_header", &icq::DashboardPage::table_header)
      .def_readonly("table_inputs", &icq::DashboardPage::table_inputs)
      .def_readonly("table_rows", &icq::DashboardPage::table_rows);

  py::class_<icq::Comparison>(m, "Comparison")
      .def_readonly("dimension", &icq::Comparison::dimension)
      .def_readonly("band", &icq::Comparison::band)
      .def_readonly("sides", &icq::Comparison::sides)
      .def_readonly("metrics", &icq::Comparison::metrics)
      .def_readonly("targets", &icq::Comparison::targets)
      .def_readonly("noise_runs", &icq::Comparison::noise_runs)
      .def_readonly("prices", &icq::Comparison::prices)
      .def_readonly("tokens", &icq::Comparison::tokens)
      .def_property_readonly(
          "page", [](const icq::Comparison& c) { return c.page() ? std::optional<icq::DashboardPage>(*c.page()) : std::nullopt; })
      .def(
          "side_index", [](const icq::Comparison& c, const std::string& s) { return c.side_index(s); }, py::arg("side"))
      .def(
          "metric_index", [](const icq::Comparison& c, const std::string& k) { return c.metric_index(k); }, py::arg("metric"))
      .def(
          "target", [](const icq::Comparison& c, double t) { return c.target(t); }, py::arg("interactivity"),
          py::return_value_policy::reference_internal)
      .def(
          "at", [](const icq::Comparison& c, const std::string& s, double t) { return c.at(s, t); }, py::arg("side"),
          py::arg("interactivity"), py::return_value_policy::reference_internal)
      .def(
          "value", [](const icq::Comparison& c, const std::string& s, const std::string& k, double t) { return c.value(s, k, t); },
          py::arg("side"), py::arg("metric"), py::arg("interactivity"))
      .def(
          "verdict", [](const icq::Comparison& c, const std::string& k, double t) { return c.verdict(k, t); }, py::arg("metric"),
          py::arg("interactivity"), py::return_value_policy::reference_internal);

  py::class_<icq::Result>(m, "Result")
      .def_property_readonly("kind", [](const icq::Result& r) { return std::string(icq::kind_name(r.kind)); })
      .def_readonly("query", &icq::Result::query)
      .def_readonly("comparison", &icq::Result::comparison)
      .def_readonly("tables", &icq::Result::tables)
      .def_readonly("summary", &icq::Result::summary)
      .def_readonly("notes", &icq::Result::notes)
      .def_readonly("warnings", &icq::Result::warnings)
      .def_property_readonly("shows_data", [](const icq::Result& r) { return icq::kind_info(r.kind).shows_data; })
      .def_property_readonly("effect_format",
                             [](const icq::Result& r) {
                               return r.effects.format ? std::optional<std::string>(std::string(icq::format_name(*r.effects.format)))
                                                       : std::nullopt;
                             })
      .def_property_readonly("effect_plot", [](const icq::Result& r) { return r.effects.plot; })
      .def_property_readonly("has_chart", [](const icq::Result& r) { return icq::has_chart(r); })
      .def(
          "render",
          [](const icq::Result& r, const std::string& format, bool unicode, bool color, int columns, bool log_x, bool log_y) {
            const icq::Format f = format_named(format);
            const icq::RenderOptions o = render_options(unicode, color, columns, 0, log_x, log_y);
            py::gil_scoped_release release;
            return icq::render(r, f, o);
          },
          py::arg("format") = "table", py::arg("unicode") = false, py::arg("color") = false, py::arg("columns") = 0,
          py::arg("log_x") = false, py::arg("log_y") = false)
      .def(
          "plot",
          [](const icq::Result& r, int columns, int rows, bool color) {
            return icq::render_plot(r, render_options(false, color, columns, rows, false, false));
          },
          py::arg("columns") = 80, py::arg("rows") = 24, py::arg("color") = false)
      .def("__repr__", [](const icq::Result& r) { return "<icq Result " + std::string(icq::kind_name(r.kind)) + ": " + r.query + ">"; });

  m.def(
      "render_html",
      [](const py::iterable& items, bool fragment, bool log_x, bool log_y) {
        const std::vector<icq::Result> results = results_of(items);
        const icq::RenderOptions o = render_options(false, false, 0, 0, log_x, log_y);
        py::gil_scoped_release release;
        return fragment ? icq::render_html_fragment(results, o) : icq::render_html(results, o);
      },
      py::arg("results"), py::arg("fragment") = false, py::arg("log_x") = false, py::arg("log_y") = false);

  py::class_<icq::DataSummary>(m, "DataSummary")
      .def_readonly("files", &icq::DataSummary::files)
      .def_readonly("rows", &icq::DataSummary::rows)
      .def_readonly("lines", &icq::DataSummary::lines)
      .def_readonly("unusable_rows", &icq::DataSummary::unusable_rows)
      .def_readonly("duplicates_merged", &icq::DataSummary::duplicates_merged)
      .def_readonly("models", &icq::DataSummary::models)
      .def_readonly("gpus", &icq::DataSummary::gpus)
      .def_readonly("first_date", &icq::DataSummary::first_date)
      .def_readonly("last_date", &icq::DataSummary::last_date)
      .def_readonly("sources", &icq::DataSummary::sources)
      .def_readonly("note", &icq::DataSummary::note)
      .def_readonly("snapshot", &icq::DataSummary::snapshot);

  // Unreadable data (icq::Error from the Session's constructor): SessionError(diagnostic), which the
  // package raises again as icq.QueryError (kind "usage").
  // (The class is kept for the life of the process: no destructor runs after the interpreter's end.)
  g_session_error = (new py::exception<icq::Error>(m, "SessionError"))->ptr();
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const icq::Error& e) {
      PyErr_SetObject(g_session_error, py::cast(e.diagnostic).ptr());
    }
  });

  py::class_<PySession>(m, "Session")
      .def(py::init<const std::optional<std::vector<std::string>>&, const std::optional<std::string>&, bool,
                    const std::map<std::string, std::string>&, bool, std::optional<std::size_t>, std::optional<std::size_t>,
                    std::optional<std::size_t>>(),
           py::arg("data") = std::nullopt, py::arg("cache") = std::nullopt, py::arg("no_cache") = false,
           py::arg("params") = std::map<std::string, std::string>{}, py::arg("sandboxed") = false,
           py::arg("max_query_bytes") = std::nullopt, py::arg("max_targets") = std::nullopt, py::arg("max_sides") = std::nullopt)
      .def("run", &PySession::run, py::arg("text"), py::arg("source") = "query", py::arg("stop_at_error") = true)
      .def("cancel", &PySession::cancel)
      .def("complete", &PySession::complete, py::arg("line"))
      .def("check", &PySession::check, py::arg("text"))
      .def("data", &PySession::data)
      .def("format", &PySession::format)
      .def("set_param", &PySession::set_param, py::arg("name"), py::arg("value"))
      .def("fresh", &PySession::fresh)
      .def("take_warnings", &PySession::take_warnings);
}
