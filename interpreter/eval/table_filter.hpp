#pragma once
// `where`, `order by` and `limit` on the rows of a result's table, by its column names: for a
// statement whose rows are not benchmark rows (accuracy's evaluations), so the row fields and
// metrics `where` reads elsewhere do not apply; the syntax and its meaning are the same.
#include <cstddef>
#include <optional>
#include <vector>

#include "ast.hpp"
#include "icq/result.hpp"

namespace icq::interp {

// Keeps the rows every condition holds for (a cell without a value fails it), sorts them by
// `order` (stable; cells without a value last), then keeps the first `limit`. Numbers compare as
// numbers, text case-insensitively. A column the table lacks, or a number compared with a text
// column, is a QueryError at its span with the columns.
void filter_table(Table& t, const std::vector<ast::Expr>& where, const std::vector<ast::OrderItem>& order,
                  std::optional<std::size_t> limit);

}  // namespace icq::interp
