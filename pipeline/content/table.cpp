// Tables: header cells, rows of one cell per column, and column widths.
#include <charconv>
#include <cmath>
#include <system_error>

#include "pipeline/content/loader.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/core/units.hpp"
#include "pipeline/source/suggest.hpp"

namespace vanban::content::detail {

namespace {

using source::find;
using source::type_name;

const Names kTableKeys = {"columns", "rows", "widths", "align"};
// `columns:` written level with `table:` (not indented under it) is a key of the block map;
// accepting it there lets the loader say where it belongs instead of "unknown key".
const Names kTableBlockKeys = {"table", "columns", "rows", "widths", "align"};
const Names kColumnAligns = {"left", "center", "right"};

/// "1 cell", "3 cells": counts in messages.
std::string cell_count(std::size_t n) { return ntr("{} cell", "{} cells", n, n); }
std::string column_count(std::size_t n) { return ntr("{} column", "{} columns", n, n); }

}  // namespace

std::optional<Block> Loader::table_block(Fields& f, const Node& n, Block b) {
  const std::size_t before = diags_.items.size();
  const Entries m = f.entries(n, &kTableBlockKeys, tr("a table block"));
  bool misplaced = false;
  for (const auto& k : kTableKeys) {
    if (const Entry* e = find(m, k)) {
      diags_.error(f.pos(e->key), tr("`{}` belongs under `table:`", k),
                   tr("indent `columns:`, `rows:` and `widths:` further than `table:`, under it"));
      misplaced = true;
    }
  }
  const Entry* t = find(m, "table");
  if (!t) return std::nullopt;  // a duplicate `table`, already reported
  if (t->value.is_null()) {
    if (!misplaced)  // else the table is empty only because its keys are misplaced, said above
      diags_.error(f.pos(t->key), tr("`table` is empty"), tr("indent `columns:` and `rows:` under `table:`"));
    return std::nullopt;
  }
  if (!t->value.is_map()) {
    diags_.error(f.pos(t->value), tr("`table` must be a map with `rows:`, not {}", type_name(t->value)),
                 tr("indent `columns:` (optional), `rows:` and `widths:` (optional) under `table:`"));
    return std::nullopt;
  }
  const Entries tm = f.entries(t->value, &kTableKeys, tr("a table"));
  b.kind = Block::Kind::Table;
  Table& table = b.table;

  bool have_columns = false;
  if (const Entry* c = find(tm, "columns")) {
    if (c->value.is_null() || (c->value.is_sequence() && c->value.size() == 0)) {
      diags_.error(f.pos(c->key), tr("`columns` is empty"), tr("leave `columns` out for a table without a header row"));
    } else if (!c->value.is_sequence()) {
      diags_.error(f.pos(c->value), tr("`columns` must be a list of header cells, not {}", type_name(c->value)),
                   tr("e.g. `columns: [Chỉ tiêu, Kế hoạch, Thực hiện]`"));
    } else {
      table.columns = cells(f, c->value);
      have_columns = true;
    }
  }

  const std::size_t count = table_rows(f, find(tm, "rows"), *t, have_columns, table);
  if (const Entry* w = find(tm, "widths"); w && !w->value.is_null()) table_widths(f, *w, count, table);
  if (const Entry* a = find(tm, "align"); a && !a->value.is_null()) table_align(f, *a, count, table);
  if (diags_.items.size() != before) return std::nullopt;
  return b;
}

/// The rows of a table; gives the number of columns (the header's, else the first row's).
std::size_t Loader::table_rows(Fields& f, const Entry* r, const Entry& table_key, bool have_columns, Table& table) {
  // Every row has as many cells as the header, or (without one) as the first row.
  std::size_t count = table.columns.size();
  if (!r || r->value.is_null() || (r->value.is_sequence() && r->value.size() == 0)) {
    diags_.error(r ? f.pos(r->key) : f.pos(table_key.key), tr("the table has no rows"),
                 tr("add `rows:` with one `- [cell, cell, ...]` line per row"));
  } else if (!r->value.is_sequence()) {
    diags_.error(f.pos(r->value), tr("`rows` must be a list of rows, not {}", type_name(r->value)),
                 tr("write one `- [cell, cell, ...]` line per row"));
  } else {
    for (const auto& row : r->value) {
      if (!row.is_sequence()) {
        diags_.error(f.item_pos(row), tr("a table row must be a list of cells, not {}", type_name(row)),
                     tr("write the row as `- [cell, cell, ...]`; quote a cell that contains `,` or `: `"));
        continue;
      }
      auto row_cells = cells(f, row);
      if (!have_columns && count == 0) count = row_cells.size();
      if (row_cells.empty()) {
        diags_.error(f.pos(row), tr("the table row has no cells"), tr("write the row as `- [cell, cell, ...]`"));
      } else if (row_cells.size() != count) {
        diags_.error(f.pos(row),
                     tr("the row has {}, the table has {}", cell_count(row_cells.size()), column_count(count)),
                     have_columns ? tr("`columns` has {}; every row has one cell per column (write \"\" for an empty "
                                       "cell)",
                                       cell_count(count))
                                  : tr("the first row has {}; every row has one cell per column (write \"\" for an "
                                       "empty cell)",
                                       cell_count(count)));
      }
      table.rows.push_back(std::move(row_cells));
    }
  }

  return count;
}

void Loader::table_widths(Fields& f, const Entry& w, std::size_t count, Table& table) {
  if (!w.value.is_sequence()) {
    diags_.error(f.pos(w.value), tr("`widths` must be a list, not {}", type_name(w.value)),
                 tr("one width per column: weights such as `[1, 2, 1]` or lengths such as `[30mm, 12pt]`"));
  } else {
    if (count > 0 && w.value.size() != count)
      diags_.error(f.pos(w.value),
                   tr("`widths` has {}, the table has {}", ntr("{} width", "{} widths", w.value.size(), w.value.size()),
                      column_count(count)),
                   tr("give one width per column, or leave `widths` out for equal columns"));
    for (const auto& item : w.value)
      if (auto cw = column_width(f, item)) table.widths.push_back(std::move(*cw));
  }
}

void Loader::table_align(Fields& f, const Entry& a, std::size_t count, Table& table) {
  if (!a.value.is_sequence()) {
    diags_.error(f.pos(a.value), tr("`align` must be a list, not {}", type_name(a.value)),
                 tr("one per column, e.g. `align: [center, left, right]`"));
    return;
  }
  if (count > 0 && a.value.size() != count)
    diags_.error(f.pos(a.value),
                 tr("`align` has {}, the table has {}", ntr("{} value", "{} values", a.value.size(), a.value.size()),
                    column_count(count)),
                 tr("give one of left, center, right per column"));
  for (const auto& item : a.value) {
    const std::string v = item.is_scalar() ? std::string(item.scalar()) : "";
    if (!source::contains(kColumnAligns, v))
      diags_.error(f.item_pos(item), tr("unknown column alignment `{}`", v),
                   source::suggestion(v, kColumnAligns, tr("a column is aligned {}")));
    table.align.push_back(v);
  }
}

std::vector<Text> Loader::cells(Fields& f, const Node& n) {
  std::vector<Text> out;
  for (const auto& cell : n) {
    if (cell.is_null()) {
      // An empty cell is a cell: tables often leave some blank.
      Text empty;
      empty.pos = f.pos(cell);
      out.push_back(std::move(empty));
    } else if (cell.is_scalar()) {
      out.push_back(text(f, cell));
    } else {
      if (flow_map(cell))
        f.unquoted_brace(cell);
      else
        diags_.error(f.pos(cell), tr("a table cell must be text, not {}", type_name(cell)),
                     tr("cells hold inline text; quote a cell that contains `,`, `: ` or starts with `[`"));
      out.emplace_back();  // keep the count right, so the row is not also reported as short
    }
  }
  return out;
}

namespace {
/// The largest column weight: weights are ratios (`1`, `2`, `25`); a million to one is
/// already a column too narrow to see.
constexpr double kMaxColumnWeight = 1000000;
}  // namespace

std::optional<ColumnWidth> Loader::column_width(Fields& f, const Node& n) {
  const std::string form = tr("a column width is a number (a relative weight, e.g. `2`) or a length (`30mm`, `12pt`)");
  if (!n.is_scalar()) {
    diags_.error(f.item_pos(n), tr("a column width must be text, not {}", type_name(n)), form);
    return std::nullopt;
  }
  ColumnWidth w;
  w.pos = f.text_pos(n);
  std::string_view v = n.scalar();
  for (const char* unit : {"mm", "pt"}) {
    if (v.ends_with(unit)) {
      w.unit = unit;
      v.remove_suffix(2);
      while (!v.empty() && v.back() == ' ') v.remove_suffix(1);  // "30 mm" is fine too
    }
  }
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), w.value);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !std::isfinite(w.value)) {
    diags_.error(w.pos, tr("bad column width `{}`", n.scalar()), form);
    return std::nullopt;
  }
  if (w.value <= 0) {
    diags_.error(w.pos, tr("a column width must be more than 0, not `{}`", n.scalar()), form);
    return std::nullopt;
  }
  // A length past any page is a typo, and would overflow the layout's integer lengths; a
  // weight is a ratio, bounded only so that a sum of them stays finite.
  const double in_mm = w.unit == "pt" ? w.value * 25.4 / 72.0 : w.value;
  if (!w.unit.empty() ? !length_within_pages(in_mm) : w.value > kMaxColumnWeight) {
    diags_.error(w.pos, tr("column width out of range: `{}`", n.scalar()),
                 !w.unit.empty() ? tr("a column must fit on a page: at most {} mm", static_cast<int>(kMaxLengthMm))
                                 : tr("a weight is a ratio between columns: keep it under {} (e.g. `1`, `2`, `3`)",
                                      static_cast<int>(kMaxColumnWeight)));
    return std::nullopt;
  }
  return w;
}

}  // namespace vanban::content::detail
