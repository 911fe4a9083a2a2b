#pragma once
// The pages of icq serve: the library's HTML report (render_html) in a frame of the server's own —
// the query box with its completion, the links to the same result in other formats, the errors
// with their caret. Every link is relative, so the pages work behind a proxy's path prefix too.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "icq/icq.hpp"

namespace icq::serve {

using Params = std::vector<std::pair<std::string, std::string>>;

// The page of a query (GET /?q=QUERY): the box holding it, links to its permalink and formats, the
// errors, then every result as the HTML report shows it. An empty query: the box and `intro`.
std::string query_page(std::string_view query, const std::vector<Result>& results, const std::vector<Diagnostic>& errors,
                       std::string_view intro);

// The page of a saved report (GET /scripts/NAME?P=V): its name, a field per parameter it declares
// (with the value used), links, the errors, then its results.
std::string script_page(std::string_view name, const Params& params, const std::vector<Result>& results,
                        const std::vector<Diagnostic>& errors);

// GET /scripts/: a link to each script.
std::string scripts_index(const std::vector<std::string>& names);

// The script of the query box (GET /page.js): completion from /complete.json as the REPL's Tab
// gives it, Enter runs the query.
std::string_view page_script();

// `s` percent-encoded for a URL's query string (RFC 3986 unreserved bytes kept).
std::string url_encode(std::string_view s);
// "?k=v&k2=v2" of `params`, encoded; "" for none.
std::string query_string(const Params& params);

}  // namespace icq::serve
