#include "pipeline/layout/flow.hpp"

#include <algorithm>
#include <cstdio>

namespace vanban::layout {
namespace {

using style::Align;
using style::TextStyle;

/// Where the first baseline sits in a line box: the text's em box centred in the
/// leading, with the baseline 0.8 em below the top of the em box.
Sp baseline_in(Sp leading, Sp size) { return (leading - size) / 2 + size * 4 / 5; }

/// Line pitch for text that is not body text (titles, headings of another size).
Sp leading_for(const style::Style& st, Sp size) {
  return std::max(st.body.leading, size * 9 / 7);  // 14 pt body -> 18 pt; larger sizes keep the ratio
}

class FlowBuilder {
 public:
  FlowBuilder(const content::Document& doc, const style::Style& st, const shape::Family& fam, shape::Shaper& sh,
              Diagnostics& diags)
      : doc_(doc), st_(st), fam_(fam), sh_(sh), diags_(diags) {}

  Flow build() {
    header();
    title_block();
    std::vector<int> counters(st_.levels.size(), 0);
    const bool titled_parts = doc_.parts.size() > 1 || (doc_.parts.size() == 1 && !doc_.parts[0].title.empty());
    for (const auto& part : doc_.parts) {
      std::size_t first_level = 1;
      if (titled_parts) {
        ++counters[0];
        std::fill(counters.begin() + 1, counters.end(), 0);
        part_heading(part, counters);
      } else {
        first_level = 1;
      }
      blocks(part.body, 0);
      for (const auto& s : part.sections) section(s, first_level, counters);
    }
    return std::move(flow_);
  }

 private:
  /// Text of a TextStyle and inline spans, as font runs.
  std::vector<StyledText> styled(const content::Text& t, const TextStyle& ts) {
    std::vector<StyledText> out;
    for (const auto& span : t.spans) out.push_back(styled(span.text, ts, span.bold, span.italic));
    return out;
  }

  StyledText styled(const std::string& text, const TextStyle& ts, bool bold = false, bool italic = false) {
    return {style::apply_case(text, ts.text_case), fam_.face(shape::face_style(ts.bold || bold, ts.italic || italic)),
            ts.size, ts.underline};
  }

  SetParagraph set(const std::vector<StyledText>& parts, Sp measure, Sp indent, Align align, const SourcePos& pos) {
    ParagraphShape ps;
    ps.measure = measure;
    ps.indent = indent;
    ps.align = align;
    ps.space_stretch = st_.body.space_stretch;
    ps.space_shrink = st_.body.space_shrink;
    ps.tolerance = st_.body.tolerance;
    SetParagraph p = set_paragraph(parts, ps, sh_, pos);
    if (p.overfull)
      diags_.warn(pos, "a word is wider than the line; it was broken between characters",
                  "shorten the word or add a space, hyphen or slash where it may break");
    return p;
  }

  FlowBlock& add(FlowBlock::Kind kind, SetParagraph p, Sp size, const SourcePos& pos) {
    FlowBlock b;
    b.kind = kind;
    b.lines = std::move(p.lines);
    b.leading = leading_for(st_, size);
    b.baseline = baseline_in(b.leading, size);
    b.emergency = p.emergency;
    b.overfull = p.overfull;
    b.pos = pos;
    flow_.blocks.push_back(std::move(b));
    return flow_.blocks.back();
  }

  /// One line of a fixed group, set at natural width and centred in [x, x + width).
  /// Spaces are kept as typed (the blanks of "Số      -BC/ĐU" matter), so it is shaped whole.
  Sp fixed_line(FlowBlock& g, const StyledText& t, Sp x, Sp width, Sp baseline) {
    check_coverage({t}, sh_, doc_.header.pos);
    Sp natural = 0;
    TextRun run = set_run(t, sh_, natural);
    run.x = x + (width - natural) / 2;
    run.y = baseline;
    g.fixed_runs.push_back(std::move(run));
    return natural;
  }

  /// Lines of wrapping text (issuer names) centred in a column; returns the number of lines used.
  int column_lines(FlowBlock& g, const StyledText& t, Sp x, Sp width, Sp first_baseline, Sp pitch) {
    SetParagraph p = set({t}, width, 0, Align::Center, doc_.header.pos);
    int n = 0;
    for (auto& line : p.lines) {
      for (auto run : line.runs) {
        run.x += x;
        run.y = first_baseline + n * pitch;
        g.fixed_runs.push_back(std::move(run));
      }
      ++n;
    }
    return n;
  }

  static std::string pad(int v, int width) {
    std::string s = std::to_string(v);
    while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
    return s;
  }

  static std::string fill(std::string tmpl, const std::vector<std::pair<std::string, std::string>>& vars) {
    for (const auto& [k, v] : vars) {
      const std::string key = "{" + k + "}";
      for (std::size_t at = tmpl.find(key); at != std::string::npos; at = tmpl.find(key, at + v.size()))
        tmpl.replace(at, key.size(), v);
    }
    return tmpl;
  }

  /// The two-column header grid of the first page (conventions §2–3).
  void header() {
    const auto& hs = st_.header;
    const auto& h = doc_.header;
    FlowBlock g;
    g.kind = FlowBlock::Kind::Header;
    g.keep_with_next = true;
    g.pos = h.pos;
    const Sp pitch = st_.body.leading + hs.line_gap;
    const Sp left_w = hs.left_width;
    const Sp right_x = left_w, right_w = st_.page.text_width() - left_w;
    auto base = [&](int row, Sp size) { return row * pitch + baseline_in(pitch, size); };

    // Left column: superior body, issuing body, its mark, number and code.
    int row = 0;
    if (!h.parent.empty()) row += column_lines(g, styled(h.parent, hs.parent), 0, left_w, base(row, hs.parent.size), pitch);
    row += column_lines(g, styled(h.issuer, hs.issuer), 0, left_w, base(row, hs.issuer.size), pitch);
    if (!hs.issuer_mark.empty()) {
      fixed_line(g, styled(hs.issuer_mark, hs.issuer), 0, left_w, base(row, hs.issuer.size));
      ++row;
    }
    const std::string number =
        h.number ? fill(hs.number_format, {{"number", pad(*h.number, hs.number_pad)}, {"code", h.code}})
                 : fill(hs.number_blank, {{"code", h.code}});
    const int number_row = row;
    fixed_line(g, styled(number, hs.number), 0, left_w, base(row, hs.number.size));
    const int left_rows = row + 1;

    // Right column: the national or Party title with its rule, then place and date.
    int rrow = 0;
    for (std::size_t i = 0; i < hs.national.size(); ++i) {
      const auto& ts = hs.national_styles[i];
      const Sp b = base(rrow, ts.size);
      const Sp w = fixed_line(g, styled(hs.national[i], ts), right_x, right_w, b);
      if (i + 1 == hs.national.size() && hs.national_rule > 0)
        g.fixed_rules.push_back({right_x + (right_w - w) / 2, b + ts.size / 4, w, hs.national_rule});
      ++rrow;
    }
    const int date_row = std::max(rrow + 1, number_row);
    const std::string place = h.place.empty() ? hs.place_blank : h.place;
    std::string date_text;
    if (h.date)
      date_text = fill(hs.date_format, {{"place", place},
                                        {"day", pad(h.date->day, h.date->day < 10 ? 2 : 1)},
                                        {"month", pad(h.date->month, h.date->month < 3 ? 2 : 1)},
                                        {"year", std::to_string(h.date->year)}});
    else
      date_text = fill(hs.date_blank, {{"place", place}});
    fixed_line(g, styled(date_text, hs.date), right_x, right_w, base(date_row, hs.date.size));
    g.fixed_height = std::max(left_rows, date_row + 1) * pitch;
    g.space_after = hs.title_gap;
    flow_.blocks.push_back(std::move(g));
  }

  /// Title and subtitle lines, centred, then a short rule.
  void title_block() {
    const auto& ts = st_.title;
    const Sp w = st_.page.text_width();
    auto& t = add(FlowBlock::Kind::Title, set(styled(doc_.title, ts.title), w, 0, Align::Center, doc_.title.pos),
                  ts.title.size, doc_.title.pos);
    t.keep_with_next = true;
    for (const auto& sub : doc_.subtitle) {
      auto& b = add(FlowBlock::Kind::Title, set(styled(sub, ts.subtitle), w, 0, Align::Center, sub.pos),
                    ts.subtitle.size, sub.pos);
      b.keep_with_next = true;
    }
    if (ts.rule_width > 0) {
      FlowBlock r;
      r.kind = FlowBlock::Kind::Title;
      r.keep_with_next = true;
      r.fixed_height = pt(8);
      r.fixed_rules.push_back({(w - ts.rule_width) / 2, pt(4), ts.rule_width, ts.rule_thickness});
      flow_.blocks.push_back(std::move(r));
    }
    flow_.blocks.back().space_after = ts.space_after;
  }

  /// "Phần thứ nhất" and the part title, centred, kept with what follows.
  void part_heading(const content::Part& part, const std::vector<int>& counters) {
    const auto& lv = st_.levels[0];
    const std::string label = style::heading_label(st_, 0, counters);
    const Sp w = st_.page.text_width();
    SetParagraph p = set({styled(label, lv.label_style)}, w, 0, lv.label_style.align, part.pos);
    SetParagraph title = set(styled(part.title, lv.title_style), w, 0, lv.title_style.align, part.title.pos);
    for (auto& l : title.lines) p.lines.push_back(std::move(l));
    auto& b = add(FlowBlock::Kind::PartHeading, std::move(p), std::max(lv.label_style.size, lv.title_style.size),
                  part.pos);
    b.keep_with_next = true;
    b.space_before = lv.space_before;
    b.space_after = lv.space_after;
    b.outline = OutlineEntry{label + ". " + style::apply_case(part.title.plain(), lv.title_style.text_case), 0, 0, 0};
  }

  void section(const content::Section& s, std::size_t level, std::vector<int>& counters) {
    const std::size_t lv_index = std::min(level, st_.levels.size() - 1);
    const auto& lv = st_.levels[lv_index];
    std::vector<StyledText> parts;
    std::string label;
    if (s.numbered) {
      ++counters[lv_index];
      std::fill(counters.begin() + static_cast<std::ptrdiff_t>(lv_index) + 1, counters.end(), 0);
      label = style::heading_label(st_, lv_index, counters);
      parts.push_back(styled(label + lv.separator, lv.label_style));
    }
    for (auto& t : styled(s.title, lv.title_style)) parts.push_back(std::move(t));
    auto& b = add(FlowBlock::Kind::Heading,
                  set(parts, st_.page.text_width(), lv.indent, lv.title_style.align, s.title.pos),
                  std::max(lv.label_style.size, lv.title_style.size), s.title.pos);
    b.keep_with_next = true;
    b.space_before = lv.space_before;
    b.space_after = lv.space_after;
    b.outline = OutlineEntry{(label.empty() ? "" : label + " ") +
                                 style::apply_case(s.title.plain(), lv.title_style.text_case),
                             static_cast<int>(level), 0, 0};
    blocks(s.body, 0);
    for (const auto& sub : s.sections) section(sub, level + 1, counters);
  }

  void blocks(const std::vector<content::Block>& body, int depth) {
    for (const auto& block : body) {
      if (block.kind == content::Block::Kind::Paragraph) {
        paragraph(styled(block.text, st_.body.text), depth, block.text.pos, FlowBlock::Kind::Paragraph);
      } else {
        int n = 0;
        for (const auto& item : block.items) {
          ++n;
          std::string marker = block.marker;
          if (marker == "a)") marker = style::format_counter(style::Counter::Alpha, n) + ")";
          else if (marker == "1.") marker = std::to_string(n) + ".";
          std::vector<StyledText> parts{styled(marker + " ", st_.body.text)};
          for (auto& t : styled(item.text, st_.body.text)) parts.push_back(std::move(t));
          paragraph(std::move(parts), depth, item.text.pos, FlowBlock::Kind::ListItem);
          blocks(item.children, depth + 1);
        }
      }
    }
  }

  void paragraph(std::vector<StyledText> parts, int depth, const SourcePos& pos, FlowBlock::Kind kind) {
    const Sp indent = kind == FlowBlock::Kind::ListItem ? st_.list.indent : st_.body.indent;
    const Sp shift = depth * st_.list.indent;  // nested list items move right as a whole
    SetParagraph p = set(parts, st_.page.text_width() - shift, indent, st_.body.text.align, pos);
    auto& b = add(kind, std::move(p), st_.body.text.size, pos);
    b.x = shift;
    b.splittable = true;
    b.space_after = st_.body.paragraph_space;
    if (b.emergency)
      diags_.warn(pos, "no line breaks within the style's tolerance; some lines are looser than usual",
                  "a long unbreakable word or a narrow measure causes this");
  }

  const content::Document& doc_;
  const style::Style& st_;
  const shape::Family& fam_;
  shape::Shaper& sh_;
  Diagnostics& diags_;
  Flow flow_;
};

}  // namespace

shape::Family load_family(const style::Style& st, shape::FontSet& fonts, const SourcePos& where) {
  std::vector<std::string> families{st.family};
  families.insert(families.end(), st.fallback_families.begin(), st.fallback_families.end());
  std::string tried;
  for (const auto& name : families) {
    std::string paths[4];
    bool complete = true;
    for (int i = 0; i < 4 && complete; ++i) {
      paths[i] = shape::find_face(name, static_cast<shape::FaceStyle>(i));
      complete = !paths[i].empty();
    }
    tried += (tried.empty() ? "" : ", ") + name;
    if (!complete) continue;
    shape::Family fam;
    fam.name = name;
    for (int i = 0; i < 4; ++i) {
      try {
        fam.faces[i] = fonts.add(paths[i]);
      } catch (const std::exception& e) {
        fail(where, "cannot open font " + paths[i] + ": " + e.what(), "reinstall the font package");
      }
    }
    return fam;
  }
  fail(where, "none of the style's font families is installed with all four faces (" + tried + ")",
       "install Liberation Serif: apt-get install fonts-liberation2");
}

Flow build_flow(const content::Document& doc, const style::Style& st, const shape::Family& family,
                shape::Shaper& shaper, Diagnostics& diags) {
  return FlowBuilder(doc, st, family, shaper, diags).build();
}

static const char* kind_name(FlowBlock::Kind k) {
  switch (k) {
    case FlowBlock::Kind::Header: return "header";
    case FlowBlock::Kind::Title: return "title";
    case FlowBlock::Kind::PartHeading: return "part";
    case FlowBlock::Kind::Heading: return "heading";
    case FlowBlock::Kind::Paragraph: return "paragraph";
    case FlowBlock::Kind::ListItem: return "item";
  }
  return "?";
}

std::string dump_lines(const Flow& flow) {
  std::string out;
  char buf[64];
  for (const auto& b : flow.blocks) {
    out += kind_name(b.kind);
    if (b.keep_with_next) out += " keep";
    if (b.emergency) out += " emergency";
    out += '\n';
    for (const auto& r : b.fixed_runs) {
      std::snprintf(buf, sizeof buf, "  @%.2f,%.2f | ", to_pt(r.x), to_pt(r.y));
      out += buf + r.text + '\n';
    }
    for (const auto& l : b.lines) {
      std::snprintf(buf, sizeof buf, "  %+.3f %7.2f | ", l.ratio, to_pt(l.natural));
      out += buf + l.text + '\n';
    }
  }
  return out;
}

std::string dump_pages(const PagedDocument& doc) {
  std::string out;
  char buf[96];
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const auto& p = doc.pages[i];
    std::snprintf(buf, sizeof buf, "page %zu %.2fx%.2fpt\n", i + 1, to_pt(p.width), to_pt(p.height));
    out += buf;
    for (const auto& r : p.runs) {
      std::snprintf(buf, sizeof buf, "  %7.2f %7.2f %4.1f | ", to_pt(r.x), to_pt(r.y), to_pt(r.size));
      out += buf + r.text + '\n';
    }
    for (const auto& r : p.rules) {
      std::snprintf(buf, sizeof buf, "  rule %.2f %.2f w=%.2f t=%.2f\n", to_pt(r.x), to_pt(r.y), to_pt(r.width),
                    to_pt(r.thickness));
      out += buf;
    }
  }
  for (const auto& o : doc.outline) {
    std::snprintf(buf, sizeof buf, "outline %d p%zu ", o.level, o.page + 1);
    out += buf + o.title + '\n';
  }
  return out;
}

}  // namespace vanban::layout
