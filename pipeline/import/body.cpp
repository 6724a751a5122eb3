// The body between the title block and the signature, as a flat list of events: part
// markers, headings (typed numbers or Word heading styles) and blocks.
#include "pipeline/core/i18n.hpp"
#include "pipeline/import/inline.hpp"
#include "pipeline/import/recognize.hpp"

namespace vanban::importer {
namespace {

/// The text of a table cell: its paragraphs as one inline text.
std::string cell_text(Context& cx, const Cell& c) {
  std::string out;
  for (const Paragraph& p : c.paragraphs) {
    if (p.plain.empty()) continue;
    ++cx.counts.read, ++cx.counts.text;
    out += (out.empty() ? "" : " ") + p.text;
  }
  return out;
}

bool all_bold(const std::vector<Cell>& row) {
  bool any = false;
  for (const Cell& c : row)
    for (const Paragraph& p : c.paragraphs) {
      if (p.plain.empty()) continue;
      if (!p.bold) return false;
      any = true;
    }
  return any;
}

OutBlock table_block(Context& cx, const Table& t) {
  OutBlock b;
  b.kind = OutBlock::Kind::table;
  b.line = t.pos.line;
  std::size_t width = 0;
  for (const auto& row : t.rows) width = std::max(width, row.size());
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::vector<std::string> cells;
    for (const Cell& c : t.rows[r]) cells.push_back(cell_text(cx, c));
    if (cells.size() < width) {
      cx.warn(t.pos, "",
              tr("table row {} has {} cells where the table has {} (merged cells?): empty cells added at its end",
                 r + 1, cells.size(), width));
      cells.resize(width);
    }
    if (r == 0 && t.rows.size() > 1 && cx.docx && all_bold(t.rows[0])) {
      // The style draws the header row bold: its cells are written without the markup.
      for (std::size_t k = 0; k < cells.size() && k < t.rows[0].size(); ++k) {
        std::string plain;
        for (const Paragraph& p : t.rows[0][k].paragraphs) plain += (plain.empty() || p.plain.empty() ? "" : " ") + p.plain;
        cells[k] = escape_markup(plain);
      }
      b.columns = std::move(cells);
    } else {
      b.rows.push_back(std::move(cells));
    }
  }
  if (t.borderless) cx.warn(t.pos, "", tr("a borderless table (a layout grid) in the body, imported as a table"));
  return b;
}

/// The title of a part given on the lines after its marker ("Phần thứ nhất" / "KẾT QUẢ ...").
std::string part_title(Context& cx, std::size_t& i, std::size_t to, std::string title) {
  const auto& items = cx.src.items;
  for (int lines = 0; title.empty() || lines < 3; ++lines) {
    if (i + 1 >= to) break;
    const auto* p = std::get_if<Paragraph>(&items[i + 1]);
    if (!p || section_mark(p->plain) || part_mark(p->plain) || bullet_mark(p->plain) || p->plain.size() > 240) break;
    if (!(cx.docx ? p->centered : is_upper_text(p->plain))) break;
    title += (title.empty() ? "" : " ") + escape_markup(p->plain);
    ++cx.counts.read, ++cx.counts.headings, ++i;
  }
  return title;
}

void add_list_item(std::vector<Event>& events, const Paragraph& p, const std::string& marker, std::string item) {
  if (events.empty() || events.back().type != Event::Type::block || events.back().block.kind != OutBlock::Kind::list ||
      events.back().block.marker != marker) {
    Event e;
    e.block.kind = OutBlock::Kind::list;
    e.block.marker = marker;
    e.block.line = p.pos.line;
    events.push_back(std::move(e));
  }
  events.back().block.items.push_back(std::move(item));
}

void read_paragraph(Context& cx, std::vector<Event>& events, std::size_t& i, std::size_t to) {
  const Paragraph& p = std::get<Paragraph>(cx.src.items[i]);
  ++cx.counts.read;
  Event e;
  e.source = &p;
  if (const auto pm = part_mark(p.plain)) {
    ++cx.counts.headings;
    e.type = Event::Type::part;
    e.part = *pm;
    e.part_title = part_title(cx, i, to, escape_markup(pm->rest));
  } else if (const auto sm = section_mark(p.plain); sm || p.heading_level > 0) {
    ++cx.counts.headings;
    e.type = Event::Type::heading;
    e.heading.mark = sm;
    e.heading.rank = sm ? sm->natural_level() + (sm->kind == NumberKind::letter ? 1 : 0) : p.heading_level;
    e.heading.title = escape_markup(squeeze_spaces(sm ? sm->rest : p.plain));
    e.heading.source = &p;
  } else if (const auto bm = bullet_mark(p.plain)) {
    ++cx.counts.text;
    add_list_item(events, p, bm->marker, drop_prefix(p.text, p.plain, bm->skip));
    return;
  } else if (p.list_item) {
    ++cx.counts.text;
    add_list_item(events, p, p.numbered_list ? "1." : "-", p.text);
    return;
  } else {
    ++cx.counts.text;
    e.block.text = p.text;
    e.block.line = p.pos.line;
    if (p.centered) e.block.align = "center", e.block.no_indent = true;
  }
  events.push_back(std::move(e));
}

}  // namespace

void Context::warn(const Paragraph& p, std::string message, std::string hint) { warn(p.pos, p.plain, std::move(message), std::move(hint)); }

void Context::warn(const SourcePos& pos, const std::string& quote, std::string message, std::string hint) {
  findings.push_back({Diagnostic{Severity::Warning, pos, std::move(message), std::move(hint)}, quote});
}

OutBlock keep_as_comment(Context& cx, const Paragraph& p, const std::string& why) {
  ++cx.counts.comments;
  cx.warn(p, tr("{}; kept as a comment", why));
  OutBlock b;
  b.kind = OutBlock::Kind::comment;
  b.text = why + ": " + p.plain;
  b.line = p.pos.line;
  return b;
}

std::vector<Event> read_body(Context& cx, std::size_t from, std::size_t to) {
  std::vector<Event> events;
  for (std::size_t i = from; i < to; ++i) {
    const Item& item = cx.src.items[i];
    if (std::holds_alternative<Paragraph>(item)) {
      if (!std::get<Paragraph>(item).plain.empty()) read_paragraph(cx, events, i, to);
    } else if (const auto* t = std::get_if<Table>(&item)) {
      Event e;
      e.block = table_block(cx, *t);
      events.push_back(std::move(e));
    } else {
      const auto& u = std::get<Unknown>(item);
      cx.warn(u.pos, "", tr("{}: not imported; marked by a comment in the output", u.what));
      Event e;
      e.block.kind = OutBlock::Kind::comment;
      e.block.text = "not imported: " + u.what;
      e.block.line = u.pos.line;
      events.push_back(std::move(e));
    }
  }
  return events;
}

}  // namespace vanban::importer
