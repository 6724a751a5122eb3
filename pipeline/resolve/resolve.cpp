/// The body walk of resolving: parts, sections (with their numbers), paragraphs, lists,
/// quotes, tables and page breaks, in reading order.
#include "pipeline/resolve/resolve.hpp"

#include <algorithm>

#include "pipeline/core/i18n.hpp"
#include "pipeline/resolve/contact.hpp"
#include "pipeline/resolve/forms.hpp"
#include "pipeline/resolve/front_matter.hpp"

namespace vanban::resolve {

namespace {

using style::TextStyle;

/// A one-paragraph block.
Paragraph paragraph(std::vector<Span> spans, Sp size, Align align, Sp indent, const SourcePos& pos) {
  return {std::move(spans), size, align, indent, pos};
}

/// The alignment a paragraph asks for by name, else `fallback`.
Align align_of(const std::string& name, Align fallback) {
  if (name == "left") return Align::Left;
  if (name == "center") return Align::Center;
  if (name == "right") return Align::Right;
  if (name == "justify") return Align::Justify;
  return fallback;
}

class Walk {
 public:
  /// `decision`: the decision form's levels (chapters, sections, articles), else none.
  Walk(const style::Style& st, std::vector<Block>& out, const style::DecisionStyle* decision = nullptr)
      : st_(st), out_(out), counters_(st.levels.size(), 0), decision_(decision) {}

  void part(const content::Part& part, bool titled) {
    if (titled && decision_ && !decision_->part.label.empty()) {
      // A decision's part ("Phần I"): chapters and articles number on across parts.
      const auto& lv = decision_->part;
      part_heading(part, lv, fill_template(lv.label, {{"n", style::format_counter(lv.counter, ++parts_)}}));
    } else if (titled) {
      ++counters_[0];
      std::fill(counters_.begin() + 1, counters_.end(), 0);
      part_heading(part, st_.levels[0], style::heading_label(st_, 0, counters_));
    }
    content(part.body, part.sections);
  }

  /// A body and its sections (a part's, an appendix's).
  void content(const std::vector<content::Block>& body, const std::vector<content::Section>& sections) {
    blocks(body, 0);
    for (const auto& s : sections) section(s, 1);
  }

 private:
  /// "Phần thứ nhất" (a decision's "Phần I") and the part title: their lines in one block,
  /// kept with what follows.
  void part_heading(const content::Part& part, const style::HeadingLevel& lv, const std::string& label) {
    Block b;
    b.kind = Block::Kind::PartHeading;
    b.size = std::max(lv.label_style.size, lv.title_style.size);
    b.paragraphs.push_back(paragraph({span(label, lv.label_style)}, b.size, lv.label_style.align, 0, part.pos));
    b.paragraphs.push_back(paragraph(spans(part.title, lv.title_style), b.size, lv.title_style.align, 0, part.title.pos));
    b.keep_with_next = true;
    b.space_before = lv.space_before;
    b.space_after = lv.space_after;
    b.outline = Outline{label + ". " + style::apply_case(part.title.plain(), lv.title_style.text_case), 0};
    b.pos = part.pos;
    out_.push_back(std::move(b));
  }

  /// The level and label of a section of a decision: an article when it has no
  /// sections of its own ("Điều 1.", numbered on across parts and chapters), else, by its
  /// depth, a chapter ("Chương I", numbered on across parts), a section under it ("Mục 1",
  /// numbered again in each chapter) or a subsection under that ("Tiểu mục 1", again in
  /// each section): NĐ 30, Phụ lục I, II.6.đ.
  const style::HeadingLevel& decision_level(const content::Section& s, std::size_t level, std::string& label) {
    const style::HeadingLevel* lv = &decision_->article;
    int* n = &articles_;
    if (!s.sections.empty() && level == 1) {
      lv = &decision_->chapter;
      n = &chapters_;
      sections_ = subsections_ = 0;
    } else if (!s.sections.empty() && level == 2) {
      lv = &decision_->section;
      n = &sections_;
      subsections_ = 0;
    } else if (!s.sections.empty()) {
      if (level > 3 || decision_->subsection.label.empty())
        fail(s.title.pos,
             tr("a decision's sections nest {} deep: the style's levels are {}", level + 1, (decision_->subsection.label.empty() ? tr("chapter, section, article")
                                                      : tr("chapter, section, subsection, article"))),
             tr("a section with sections is a chapter, a section (Mục) or a subsection (Tiểu mục), one without is an article (Điều); for parts (Phần) above the chapters, put each part in its own file (`parts:`)"));
      lv = &decision_->subsection;
      n = &subsections_;
    }
    if (s.numbered) label = fill_template(lv->label, {{"n", style::format_counter(lv->counter, ++*n)}});
    return *lv;
  }

  /// The level and label of a section of a report: its nesting's level, numbered within its parent.
  const style::HeadingLevel& report_level(const content::Section& s, std::size_t level, std::string& label) {
    const std::size_t lv_index = std::min(level, st_.levels.size() - 1);
    if (s.numbered) {
      ++counters_[lv_index];
      std::fill(counters_.begin() + static_cast<std::ptrdiff_t>(lv_index) + 1, counters_.end(), 0);
      label = style::heading_label(st_, lv_index, counters_);
    }
    return st_.levels[lv_index];
  }

  void section(const content::Section& s, std::size_t level) {
    std::string label;
    const auto& lv = decision_ ? decision_level(s, level, label) : report_level(s, level, label);
    Block b;
    b.kind = Block::Kind::Heading;
    b.size = std::max(lv.label_style.size, lv.title_style.size);
    if (lv.label_own_line && !label.empty()) {
      // "Chương I" on its own line, the title under it.
      b.paragraphs.push_back(paragraph({span(label, lv.label_style)}, b.size, lv.label_style.align, 0, s.title.pos));
      b.paragraphs.push_back(paragraph(spans(s.title, lv.title_style), b.size, lv.title_style.align, 0, s.title.pos));
    } else {
      std::vector<Span> parts;
      if (!label.empty()) parts.push_back(span(label + lv.separator, lv.label_style));
      for (auto& t : spans(s.title, lv.title_style)) parts.push_back(std::move(t));
      b.paragraphs.push_back(paragraph(std::move(parts), b.size, lv.title_style.align, lv.indent, s.title.pos));
    }
    b.keep_with_next = true;
    b.space_before = lv.space_before;
    b.space_after = lv.space_after;
    b.outline = Outline{(label.empty() ? "" : label + " ") + style::apply_case(s.title.plain(), lv.title_style.text_case),
                        static_cast<int>(level)};
    b.pos = s.title.pos;
    out_.push_back(std::move(b));
    blocks(s.body, 0);
    for (const auto& sub : s.sections) section(sub, level + 1);
  }

  void blocks(const std::vector<content::Block>& body, int depth) {
    using Kind = content::Block::Kind;
    const TextStyle& text = st_.body.text;
    for (const auto& block : body) {
      switch (block.kind) {
        case Kind::Paragraph: {
          const Align align = align_of(block.align, text.align);
          const Sp indent = block.indent.value_or(align == Align::Justify || align == Align::Left) ? st_.body.indent : 0;
          body_paragraph(Block::Kind::Paragraph, spans(block.text, text), depth, indent, align, block.text.pos);
          break;
        }
        case Kind::List:
          list(block, depth);
          break;
        case Kind::Quote: {
          Block b;
          b.kind = Block::Kind::Quote;
          b.size = st_.quote.text.size;
          b.paragraphs.push_back(paragraph(spans(block.text, st_.quote.text), b.size, st_.quote.text.align, 0, block.text.pos));
          b.left = b.right = st_.quote.indent;
          b.splittable = true;
          b.space_after = st_.body.paragraph_space;
          b.pos = block.text.pos;
          out_.push_back(std::move(b));
          break;
        }
        case Kind::Table:
          table(block);
          break;
        case Kind::PageBreak: {
          Block b;
          b.kind = Block::Kind::PageBreak;
          b.pos = block.pos;
          out_.push_back(std::move(b));
          break;
        }
      }
    }
  }

  void list(const content::Block& block, int depth) {
    int n = 0;
    for (const auto& item : block.items) {
      if (block.marker == "a)" && n == style::kAlphaLetters)
        fail(item.text.pos.line ? item.text.pos : block.pos,
             tr("more than {} lettered items in one list: the letters end at y)", style::kAlphaLetters),
             tr("the rules letter điểm with the Vietnamese alphabet, a) to y); split the list, or number it (`marker: "
                "1.`)"));
      std::vector<Span> parts{span(list_marker(block.marker, ++n) + " ", st_.body.text)};
      for (auto& t : spans(item.text, st_.body.text)) parts.push_back(std::move(t));
      body_paragraph(Block::Kind::ListItem, std::move(parts), depth, st_.list.indent, st_.body.text.align, item.text.pos);
      blocks(item.children, depth + 1);
    }
  }

  /// A body paragraph or list item; nested list items move right as a whole.
  void body_paragraph(Block::Kind kind, std::vector<Span> parts, int depth, Sp indent, Align align,
                      const SourcePos& pos) {
    Block b;
    b.kind = kind;
    b.size = st_.body.text.size;
    b.paragraphs.push_back(paragraph(std::move(parts), b.size, align, indent, pos));
    b.left = depth * st_.list.indent;
    b.splittable = true;
    b.space_after = st_.body.paragraph_space;
    b.pos = pos;
    out_.push_back(std::move(b));
  }

  /// A table, its rows padded (or cut) to the number of columns; none without columns.
  void table(const content::Block& block) {
    const auto& t = block.table;
    const std::size_t columns = !t.columns.empty() ? t.columns.size() : (t.rows.empty() ? 0 : t.rows[0].size());
    if (columns == 0) return;
    Block b;
    b.kind = Block::Kind::Table;
    b.pos = block.pos;
    b.space_after = std::max(st_.table.space_after, st_.body.paragraph_space);
    b.table.padding = st_.table.padding;
    b.table.rule = st_.table.rule;
    for (std::size_t i = 0; i < columns; ++i) {
      ColumnWidth w;
      if (i < t.widths.size()) {
        w.value = t.widths[i].value;
        w.absolute = !t.widths[i].unit.empty();
        if (w.absolute) w.length = t.widths[i].unit == "mm" ? mm(w.value) : pt(w.value);
      }
      b.table.widths.push_back(w);
    }
    // `align:` per column sets the body rows (numbers right or centred); the header keeps the style's.
    const auto row = [&](const std::vector<content::Text>& cells, const TextStyle& ts, bool body) {
      std::vector<Paragraph> out;
      for (std::size_t c = 0; c < columns; ++c) {
        const content::Text empty;
        const content::Text& cell = c < cells.size() ? cells[c] : empty;
        const Align align = body && c < t.align.size() ? align_of(t.align[c], ts.align) : ts.align;
        out.push_back(paragraph(spans(cell, ts), ts.size, align, 0, cell.pos.line ? cell.pos : block.pos));
      }
      return out;
    };
    if (!t.columns.empty()) b.table.header = row(t.columns, st_.table.header, false);
    for (const auto& r : t.rows) b.table.rows.push_back(row(r, st_.table.text, true));
    out_.push_back(std::move(b));
  }

  const style::Style& st_;
  std::vector<Block>& out_;
  std::vector<int> counters_;
  const style::DecisionStyle* decision_;
  int parts_ = 0, chapters_ = 0, sections_ = 0, subsections_ = 0, articles_ = 0;
};

}  // namespace

Span span(const std::string& text, const style::TextStyle& ts, bool bold, bool italic) {
  return {style::apply_case(text, ts.text_case), ts.size, ts.bold || bold, ts.italic || italic, ts.underline};
}

std::vector<Span> spans(const content::Text& text, const style::TextStyle& ts) {
  std::vector<Span> out;
  out.reserve(text.spans.size());
  for (const auto& s : text.spans) out.push_back(span(s.text, ts, s.bold, s.italic));
  return out;
}

std::string fill_template(std::string tmpl, const std::vector<std::pair<std::string, std::string>>& vars) {
  for (const auto& [k, v] : vars) {
    const std::string key = "{" + k + "}";
    for (std::size_t at = tmpl.find(key); at != std::string::npos; at = tmpl.find(key, at + v.size()))
      tmpl.replace(at, key.size(), v);
  }
  return tmpl;
}

std::string list_marker(const std::string& marker, int n) {
  if (marker == "a)") return style::format_counter(style::Counter::Alpha, n) + ")";
  if (marker == "1.") return std::to_string(n) + ".";
  return marker;
}

StyledDocument resolve_document(const content::Document& doc, const style::Style& style) {
  StyledDocument out;
  Geometry& g = out.geometry;
  g.page = style.page;
  g.body_size = style.body.text.size;
  g.body_leading = style.body.leading;
  g.space_stretch = style.body.space_stretch;
  g.space_shrink = style.body.space_shrink;
  g.tolerance = style.body.tolerance;
  const auto& pn = style.page_number;
  g.page_numbers = {pn.show, pn.first_page, pn.text.size, pn.text.bold, pn.text.italic, pn.baseline};

  const style::Kind& kind = style::find_kind(style, doc.kind, doc.kind_pos);  // (an unknown kind is reported here)
  refuse_attached_to(doc, kind);
  const bool attachment = kind.form == style::Form::Attachment;
  if (attachment) {
    attachment_opening(doc, style, out);
  } else {
    out.header = resolve_header(doc, style);
    out.title = resolve_title(doc, style);
    if (!kind.title_block) letter_summary(doc, style, out.header);
    if (auto a = addressees(doc, style, kind)) out.body.push_back(std::move(*a));
    decision_opening(doc, style, kind, out.body);
  }
  Walk walk(style, out.body, kind.form == style::Form::Decision ? &style.forms.decision : nullptr);
  // One part: its heading ("Phần thứ nhất" and a title that repeats the document's) only
  // when the style wants it (`single-part`).
  // A decision's parts ("Phần I") only when there are several.
  const bool decision_parts = kind.form == style::Form::Decision && !style.forms.decision.part.label.empty();
  const bool titled_parts = doc.parts.size() > 1 || (doc.parts.size() == 1 && !doc.parts[0].title.empty() &&
                                                     !decision_parts &&
                                                     (style.levels.empty() || style.levels[0].single_part));
  for (const auto& part : doc.parts) walk.part(part, titled_parts);
  if (attachment) return out;  // (it has no closing, contact or appendices: attachment_opening refused them)
  out.closing = resolve_closing(doc, style, closing_recipients(doc, style));
  out.contact = contact_footer(doc, style);
  for (std::size_t i = 0; i < doc.appendices.size(); ++i) {
    Block page;
    page.kind = Block::Kind::PageBreak;
    page.pos = doc.appendices[i].pos;
    out.appendices.push_back(std::move(page));
    out.appendices.push_back(appendix_heading(doc, style, i, doc.appendices.size()));
    Walk(style, out.appendices).content(doc.appendices[i].body, doc.appendices[i].sections);
  }
  return out;
}

}  // namespace vanban::resolve
