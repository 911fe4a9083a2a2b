#include "page.hpp"

#include "text/text.hpp"

namespace icq::serve {

namespace {

std::string esc(std::string_view s) { return text::xml_escape(s); }

// The frame's look: neutral greys, so a screenshot's chart colours are the chart's alone.
constexpr const char* kStyle = R"(<style>
header.serve{border-bottom:1px solid #ddd;padding-bottom:10px}header.serve h1 a{color:#111;text-decoration:none}
header.serve textarea{width:100%;box-sizing:border-box;font:13px/1.4 "DejaVu Sans Mono",Menlo,Consolas,monospace;padding:6px}
header.serve input{font:13px "DejaVu Sans Mono",Menlo,Consolas,monospace;padding:3px 6px;margin:0 12px 4px 4px}
header.serve button{font-size:13px;margin:4px 8px 4px 0}header.serve .links{font-size:12px;color:#555}header.serve .links a{margin-right:8px}
#completions button{font:12px "DejaVu Sans Mono",Menlo,Consolas,monospace;background:#f3f3f3;border:1px solid #ccc;border-radius:3px;margin:2px 4px 2px 0;padding:1px 6px}
pre.diagnostic{background:#f7f7f7;border-left:3px solid #888;padding:8px;font-size:13px;white-space:pre-wrap}
p.intro{font-size:13px;color:#333}
</style>
)";

std::string diagnostics_html(const std::vector<Diagnostic>& errors) {
  if (errors.empty()) return {};
  std::string o = "<pre class=\"diagnostic\">";
  for (const auto& d : errors) o += esc(format_diagnostic(d));
  return o + "</pre>\n";
}

// Links to the same request in each format; `base` is the path the formats hang off ("query").
std::string format_links(std::string_view self, std::string_view base, std::string_view query, bool chart) {
  std::string o = "<span class=\"links\"><a href=\"" + esc(self) + "\" rel=\"bookmark\">permalink</a>";
  for (const char* f : {"json", "csv", "svg", "html"}) {
    if (std::string_view(f) == "svg" && !chart) continue;
    o += "<a href=\"" + esc(std::string(base) + "." + f + std::string(query)) + "\">" + f + "</a>";
  }
  return o + "</span>";
}

bool any_chart(const std::vector<Result>& results) {
  for (const auto& r : results)
    if (has_chart(r)) return true;
  return false;
}

}  // namespace

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string o;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
      o += static_cast<char>(c);
    } else {
      o += '%';
      o += hex[c >> 4];
      o += hex[c & 15];
    }
  }
  return o;
}

std::string query_string(const Params& params) {
  std::string o;
  for (const auto& [k, v] : params) o += (o.empty() ? "?" : "&") + url_encode(k) + "=" + url_encode(v);
  return o;
}

std::string query_page(std::string_view query, const std::vector<Result>& results, const std::vector<Diagnostic>& errors,
                       std::string_view intro) {
  HtmlFrame frame;
  frame.title = query.empty() ? "icq" : "icq: " + std::string(query.substr(0, 200));
  frame.head = std::string(kStyle) + "<script src=\"page.js\" defer></script>\n";
  const std::string qs = query.empty() ? "" : query_string({{"q", std::string(query)}});
  frame.header =
      "<header class=\"serve\">\n<h1><a href=\"./\">icq</a></h1>\n<form method=\"get\" action=\"./\" id=\"ask\">\n"
      "<textarea id=\"q\" name=\"q\" rows=\"3\" spellcheck=\"false\" autofocus placeholder=\"compare precision fp4 vs fp8 on "
      "mi355x model dsr1\">" +
      esc(query) + "</textarea>\n<div><button type=\"submit\">Run</button>" +
      (query.empty() ? "" : format_links("./" + qs, "query", qs, any_chart(results))) +
      "</div>\n<div id=\"completions\"></div>\n</form>\n" + (intro.empty() ? "" : "<p class=\"intro\">" + esc(intro) + "</p>\n") +
      diagnostics_html(errors) + "</header>\n";
  return render_html(results, {}, frame);
}

std::string script_page(std::string_view name, const Params& params, const std::vector<Result>& results,
                        const std::vector<Diagnostic>& errors) {
  HtmlFrame frame;
  frame.title = "icq: " + std::string(name);
  frame.head = kStyle;
  const std::string qs = query_string(params);
  std::string fields;
  for (const auto& [k, v] : params)
    fields += "<label>$" + esc(k) + " <input name=\"" + esc(k) + "\" value=\"" + esc(v) + "\" size=\"" +
              std::to_string(std::min<std::size_t>(std::max<std::size_t>(v.size() + 2, 8), 60)) + "\"></label>\n";
  frame.header = "<header class=\"serve\">\n<h1><a href=\"./\">scripts</a> / " + esc(name) + "</h1>\n<form method=\"get\" action=\"" +
                 esc(name) + "\">\n" + fields + "<div>" + (params.empty() ? "" : "<button type=\"submit\">Run</button>") +
                 format_links(std::string(name) + qs, name, qs, any_chart(results)) + "</div>\n</form>\n" + diagnostics_html(errors) +
                 "</header>\n";
  return render_html(results, {}, frame);
}

std::string scripts_index(const std::vector<std::string>& names) {
  HtmlFrame frame;
  frame.title = "icq: scripts";
  frame.head = kStyle;
  frame.header = "<header class=\"serve\">\n<h1><a href=\"../\">icq</a> / scripts</h1>\n<ul>\n";
  for (const auto& n : names) frame.header += "<li><a href=\"" + esc(n) + "\">" + esc(n) + "</a></li>\n";
  frame.header +=
      std::string("</ul>\n") + (names.empty() ? "<p class=\"intro\">The folder holds no NAME.icq script.</p>\n" : "") + "</header>\n";
  return render_html({}, {}, frame);
}

std::string_view page_script() {
  // Completion as the REPL's Tab: the words that may complete the last word left of the caret,
  // asked of /complete.json as the query changes (and once as the page opens). A click or Tab
  // puts the first (or the clicked) word in place of that last word; Enter runs the query.
  return R"JS(document.addEventListener('DOMContentLoaded', () => {
  const box = document.getElementById('q'), list = document.getElementById('completions');
  if (!box || !list) return;
  let timer = 0, asked = null;
  const partial = (s) => s.slice(s.search(/\S*$/));
  const show = (words) => {
    list.textContent = '';
    for (const w of words.slice(0, 60)) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = w;
      b.addEventListener('click', () => {
        const end = box.selectionStart, start = end - partial(box.value.slice(0, end)).length;
        box.value = box.value.slice(0, start) + w + ' ' + box.value.slice(end);
        box.selectionStart = box.selectionEnd = start + w.length + 1;
        box.focus();
        ask();
      });
      list.appendChild(b);
    }
  };
  const ask = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const line = box.value.slice(0, box.selectionStart);
      if (line === asked) return;
      asked = line;
      try {
        const r = await fetch('complete.json?q=' + encodeURIComponent(line));
        if (r.ok && line === asked) show(await r.json());
      } catch (e) {}
    }, 100);
  };
  box.addEventListener('input', ask);
  box.addEventListener('click', ask);
  box.addEventListener('keyup', (e) => { if (e.key.startsWith('Arrow')) ask(); });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); box.form.submit(); }
    if (e.key === 'Tab' && list.firstChild) { e.preventDefault(); list.firstChild.click(); }
  });
  box.selectionStart = box.selectionEnd = box.value.length;
  ask();
});
)JS";
}

}  // namespace icq::serve
