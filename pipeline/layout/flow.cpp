#include "pipeline/layout/flow.hpp"

#include "pipeline/layout/image.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iterator>
#include <thread>
#include <utility>

namespace vanban::layout {
namespace {

using style::Align;
using style::TextStyle;

/// Where the first baseline sits in a line box: the text's em box centred in the
/// leading, with the baseline 0.8 em below the top of the em box.
Sp baseline_in(Sp leading, Sp size) { return (leading - size) / 2 + size * 4 / 5; }

/// Line pitch for text of another size than the body: the body's leading, scaled.
Sp leading_for(const style::Style& st, Sp size) {
  return size == st.body.text.size ? st.body.leading : st.body.leading * size / st.body.text.size;
}

/// True when `text` starts with `prefix`, ignoring case (Vietnamese letters included).
bool starts_with_nocase(const std::string& text, const std::string& prefix) {
  return style::apply_case(text, style::Case::Upper).rfind(style::apply_case(prefix, style::Case::Upper), 0) == 0;
}

/// A frame of four rules around [x, x+w] x [y, y+h] (top-left origin).
void frame(std::vector<Rule>& rules, Sp x, Sp y, Sp w, Sp h, Sp t) {
  rules.push_back({x, y, w, t});
  rules.push_back({x, y + h, w, t});
  rules.push_back({x - t / 2, y + h / 2, t, h});
  rules.push_back({x + w - t / 2, y + h / 2, t, h});
}

class FlowBuilder {
 public:
  FlowBuilder(const content::Document& doc, const style::Style& st, const shape::Family& fam, shape::Shaper& sh,
              Diagnostics& diags)
      : doc_(doc), st_(st), fam_(fam), sh_(sh), diags_(diags) {}

  Flow build() {
    try {
      header();
      title_block();
      std::vector<int> counters(st_.levels.size(), 0);
      const bool titled_parts = doc_.parts.size() > 1 || (doc_.parts.size() == 1 && !doc_.parts[0].title.empty());
      for (const auto& part : doc_.parts) {
        if (titled_parts) {
          ++counters[0];
          std::fill(counters.begin() + 1, counters.end(), 0);
          part_heading(part, counters);
        }
        blocks(part.body, 0);
        for (const auto& s : part.sections) section(s, 1, counters);
      }
      closing();
    } catch (...) {
      // A block set at once failed. The deferred paragraphs before it have not been
      // checked yet (set_deferred checks them, on several threads): a character missing
      // from one of them comes first in reading order, so it is the one reported.
      for (const Deferred& d : deferred_) {
        try {
          check_coverage(d.parts, sh_, d.pos);
        } catch (...) {
          forget_diagnostics_after(d);
          throw;
        }
      }
      throw;
    }
    set_deferred();
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

  ParagraphShape shape_of(Sp measure, Sp indent, Align align) const {
    ParagraphShape ps;
    ps.measure = measure;
    ps.indent = indent;
    ps.align = align;
    ps.space_stretch = st_.body.space_stretch;
    ps.space_shrink = st_.body.space_shrink;
    ps.tolerance = st_.body.tolerance;
    return ps;
  }

  static void warn_overfull(Diagnostics& diags, const SetParagraph& p, const SourcePos& pos) {
    if (p.overfull)
      diags.warn(pos, "a word is wider than the line; it was broken between characters",
                 "shorten the word or add a space, hyphen or slash where it may break");
  }

  SetParagraph set(const std::vector<StyledText>& parts, Sp measure, Sp indent, Align align, const SourcePos& pos) {
    SetParagraph p = set_paragraph(parts, shape_of(measure, indent, align), sh_, pos);
    warn_overfull(diags_, p, pos);
    return p;
  }

  /// A paragraph whose lines are set once the whole flow is built: body paragraphs, list
  /// items, headings, quotes. Nothing in between reads their lines, and set all together
  /// they can be set on several threads.
  struct Deferred {
    std::size_t block = 0;         ///< index in flow_.blocks; the lines are appended to its own
    std::vector<StyledText> parts;
    ParagraphShape ps;
    SourcePos pos;                 ///< where its warnings point
    std::size_t diagnostics_at = 0;  ///< where its warnings go in diags_, to keep them in reading order
    bool body = true;              ///< a body paragraph: a loose setting is worth a warning
    bool flags = true;             ///< gives the block its emergency and overfull marks
    SetParagraph result;
    std::exception_ptr error;      ///< what setting it threw, if anything
  };

  /// Drops the diagnostics given after `d` was queued: an error in `d` reported later than
  /// it would have been had `d` been set at once leaves them as they were then.
  void forget_diagnostics_after(const Deferred& d) {
    diags_.items.erase(diags_.items.begin() + static_cast<std::ptrdiff_t>(d.diagnostics_at), diags_.items.end());
  }

  /// Queues `parts` to be set into block `block` (see Deferred). Their characters are
  /// checked against the fonts when they are set; a missing one is still reported as if
  /// found now (see build and set_deferred).
  void defer(std::size_t block, std::vector<StyledText> parts, ParagraphShape ps, const SourcePos& pos,
             bool body, bool flags = true) {
    Deferred d;
    d.block = block;
    d.parts = std::move(parts);
    d.ps = ps;
    d.pos = pos;
    d.diagnostics_at = diags_.items.size();
    d.body = body;
    d.flags = flags;
    deferred_.push_back(std::move(d));
  }

  /// Sets the deferred paragraphs: on one thread per core (each with a sibling Shaper:
  /// HarfBuzz fonts and the shaped words are shared, lookup tables not), each taking the
  /// next paragraph in reading order until none is left, so that the threads finish
  /// together; or on this thread alone when the text is short and threads would cost more
  /// than they save. The lines do not depend on which thread set them, nor do the glyphs'
  /// ToUnicode texts (see shape::glyph_texts), so the output is the same on any number
  /// of cores.
  void set_deferred() {
    if (deferred_.empty()) return;
    std::size_t bytes = 0;
    for (const auto& d : deferred_)
      for (const auto& p : d.parts) bytes += p.text.size();
    constexpr std::size_t kBytesPerThread = 16 * 1024;
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::clamp<std::size_t>(bytes / kBytesPerThread, 1, std::min<std::size_t>(cores, 8));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    const auto run = [this, &next, &failed](shape::Shaper& shaper) {
      for (std::size_t i; !failed.load(std::memory_order_relaxed) && (i = next.fetch_add(1)) < deferred_.size();) {
        Deferred& d = deferred_[i];
        try {
          d.result = set_paragraph(d.parts, d.ps, shaper, d.pos);
        } catch (...) {
          // The paragraphs before this one have all been taken already: they finish, and the
          // first error in reading order is the one reported, as on one thread.
          d.error = std::current_exception();
          failed = true;
        }
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t k = 1; k < threads; ++k)
      pool.emplace_back([&run, shaper = sh_.sibling()]() mutable { run(shaper); });
    run(sh_);
    for (auto& t : pool) t.join();
    // The first error in reading order, with the diagnostics as they were when the walk
    // reached its paragraph (had the paragraph been set then, the walk would have stopped).
    for (const auto& d : deferred_) {
      if (!d.error) continue;
      forget_diagnostics_after(d);
      std::rethrow_exception(d.error);
    }

    for (auto& d : deferred_) {
      FlowBlock& b = flow_.blocks[d.block];
      if (b.lines.empty()) b.lines = std::move(d.result.lines);
      else std::move(d.result.lines.begin(), d.result.lines.end(), std::back_inserter(b.lines));
      if (d.flags) {
        b.emergency = d.result.emergency;
        b.overfull = d.result.overfull;
      }
    }
    // Warnings where the paragraph's place in reading order puts them (inserted from the
    // last, so the earlier places stay valid).
    for (auto it = deferred_.rbegin(); it != deferred_.rend(); ++it) {
      Diagnostics warnings;
      warn_overfull(warnings, it->result, it->pos);
      if (it->body && it->result.emergency)
        warnings.warn(it->pos, "no line breaks within the style's tolerance; some lines are looser than usual",
                      "a long unbreakable word or a narrow measure causes this");
      diags_.items.insert(diags_.items.begin() + static_cast<std::ptrdiff_t>(it->diagnostics_at),
                          warnings.items.begin(), warnings.items.end());
    }
    deferred_.clear();
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
    b.break_before = std::exchange(page_break_, false);
    flow_.blocks.push_back(std::move(b));
    return flow_.blocks.back();
  }

  FlowBlock& add_fixed(FlowBlock g) {
    g.break_before = std::exchange(page_break_, false);
    flow_.blocks.push_back(std::move(g));
    return flow_.blocks.back();
  }

  /// One line of a fixed group, set at natural width and centred in [x, x + width).
  /// Spaces are kept as typed (the blanks of "Số      -BC/ĐU" matter), so it is shaped whole.
  Sp fixed_line(std::vector<TextRun>& runs, const StyledText& t, Sp x, Sp width, Sp baseline,
                const SourcePos& pos) {
    check_coverage({t}, sh_, pos);
    Sp natural = 0;
    TextRun run = set_run(t, sh_, natural);
    run.x = x + (width - natural) / 2;
    run.y = baseline;
    runs.push_back(std::move(run));
    return natural;
  }

  /// Wrapping text in a column from `top` (lines at `size`'s pitch); returns the bottom.
  /// `widest` receives the widest line's width.
  Sp column_text(std::vector<TextRun>& runs, const std::vector<StyledText>& parts, Sp x, Sp width, Sp top, Sp size,
                 Align align, const SourcePos& pos, Sp* widest = nullptr) {
    SetParagraph p = set(parts, width, 0, align, pos);
    const Sp pitch = leading_for(st_, size);
    for (auto& line : p.lines) {
      if (widest) *widest = std::max(*widest, line.natural);
      for (auto run : line.runs) {
        run.x += x;
        run.y = top + baseline_in(pitch, size);
        runs.push_back(std::move(run));
      }
      top += pitch;
    }
    return top;
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

  /// A framed (or plain) marking centred in a column; returns the bottom.
  Sp mark(FlowBlock& g, const style::Mark& m, Sp x, Sp width, Sp top) {
    const Sp pitch = leading_for(st_, m.style.size);
    const Sp pad = m.style.size / 4;
    const Sp w = fixed_line(g.fixed_runs, styled(m.text, m.style), x, width, top + pad + baseline_in(pitch, m.style.size),
                            doc_.header.pos);
    if (m.frame) frame(g.fixed_rules, x + (width - w) / 2 - pad * 2, top, w + pad * 4, pitch + pad * 2, st_.rule_thickness);
    return top + pitch + pad * 3;
  }

  /// The two-column header grid of the first page (conventions §2–3).
  void header() {
    const auto& hs = st_.header;
    const auto& h = doc_.header;
    FlowBlock g;
    g.kind = FlowBlock::Kind::Header;
    g.keep_with_next = true;
    g.pos = h.pos;
    const Sp left_w = hs.left_width;
    const Sp right_x = left_w, right_w = st_.page.text_width() - left_w;
    const Sp gap = hs.line_gap;

    // Markings that stand above the right column (DỰ THẢO).
    Sp top = 0;
    for (const auto& name : h.marks)
      if (const auto it = st_.marks.find(name); it != st_.marks.end() && it->second.place == "top-right")
        top = mark(g, it->second, right_x, right_w, top);

    // Left column: superior body, issuing body with its star or rule, number and code, markings.
    Sp left = top;
    if (!h.parent.empty())
      left = column_text(g.fixed_runs, {styled(h.parent, hs.parent)}, 0, left_w, left, hs.parent.size, Align::Center,
                         h.pos) + gap;
    Sp issuer_w = 0;
    left = column_text(g.fixed_runs, {styled(h.issuer, hs.issuer)}, 0, left_w, left, hs.issuer.size, Align::Center,
                       h.pos, &issuer_w) + gap;
    if (!hs.issuer_mark.empty()) {
      const Sp pitch = leading_for(st_, hs.issuer.size);
      fixed_line(g.fixed_runs, styled(hs.issuer_mark, hs.issuer), 0, left_w, left + baseline_in(pitch, hs.issuer.size),
                 h.pos);
      left += pitch + gap;
    }
    if (hs.issuer_rule > 0) {
      // A short rule centred under the name, clear of its descenders.
      const auto w = static_cast<Sp>(static_cast<double>(issuer_w) * hs.issuer_rule);
      g.fixed_rules.push_back({(left_w - w) / 2, left + hs.issuer.size / 8, w, st_.rule_thickness});
      left += hs.issuer.size / 3;
    }

    // Right column: the national or Party title with its rule.
    Sp right = top;
    for (std::size_t i = 0; i < hs.national.size(); ++i) {
      const auto& ts = hs.national_styles[i];
      const Sp pitch = leading_for(st_, ts.size);
      const Sp b = right + baseline_in(pitch, ts.size);
      const Sp w = fixed_line(g.fixed_runs, styled(hs.national[i], ts), right_x, right_w, b, h.pos);
      if (i + 1 == hs.national.size() && hs.national_rule > 0)
        g.fixed_rules.push_back({right_x + (right_w - w) / 2, b + ts.size / 4, w, hs.national_rule});
      right += pitch + gap;
    }
    // Number and code on the left, place and date on the right, on one line (NĐ 30: box 4
    // sits on the same line as box 3), below whichever column is longer.
    const Sp date_pitch = leading_for(st_, hs.date.size);
    const Sp number_pitch = leading_for(st_, hs.number.size);
    const Sp row = std::max(left, right + date_pitch / 2);
    const std::string number =
        h.number ? fill(hs.number_format, {{"number", pad(*h.number, hs.number_pad)}, {"code", h.code}})
                 : fill(hs.number_blank, {{"code", h.code}});
    fixed_line(g.fixed_runs, styled(number, hs.number), 0, left_w, row + baseline_in(number_pitch, hs.number.size),
               h.pos);
    left = row + number_pitch + gap;
    for (const auto& name : h.marks) {
      const auto it = st_.marks.find(name);
      if (it == st_.marks.end())
        fail(h.pos, "unknown mark `" + name + "` for style " + st_.name, "the style's marks are listed in " + st_.file);
      if (it->second.place == "left") left = mark(g, it->second, 0, left_w, left);
    }
    const Sp date_top = row;
    const std::string place = h.place.empty() ? hs.place_blank : h.place;
    std::string date_text;
    if (h.date)
      date_text = fill(hs.date_format, {{"place", place},
                                        {"day", pad(h.date->day, h.date->day < 10 ? 2 : 1)},
                                        {"month", pad(h.date->month, h.date->month < 3 ? 2 : 1)},
                                        {"year", std::to_string(h.date->year)}});
    else
      date_text = fill(hs.date_blank, {{"place", place}});
    fixed_line(g.fixed_runs, styled(date_text, hs.date), right_x, right_w, date_top + baseline_in(date_pitch, hs.date.size),
               h.pos);
    right = date_top + date_pitch;
    g.fixed_height = std::max(left, right);
    g.space_after = hs.title_gap;
    add_fixed(std::move(g));
  }

  /// The type name (from `kind`) and title, subtitle lines, all centred, then a short rule.
  void title_block() {
    const auto& ts = st_.title;
    const Sp w = st_.page.text_width();
    const auto kind = ts.kinds.find(doc_.kind);
    const bool type_line = kind != ts.kinds.end() && !starts_with_nocase(doc_.title.plain(), kind->second);
    const std::size_t first = flow_.blocks.size();
    if (type_line)
      add(FlowBlock::Kind::Title, set({styled(kind->second, ts.title)}, w, 0, Align::Center, doc_.title.pos),
          ts.title.size, doc_.title.pos);
    const TextStyle& title_style = type_line ? ts.summary : ts.title;
    add(FlowBlock::Kind::Title, set(styled(doc_.title, title_style), w, 0, Align::Center, doc_.title.pos),
        title_style.size, doc_.title.pos);
    for (const auto& sub : doc_.subtitle)
      add(FlowBlock::Kind::Title, set(styled(sub, ts.subtitle), w, 0, Align::Center, sub.pos), ts.subtitle.size,
          sub.pos);
    for (std::size_t i = first; i < flow_.blocks.size(); ++i) flow_.blocks[i].keep_with_next = true;
    Sp rule_w = ts.rule_width;
    if (ts.rule_fraction > 0 && !flow_.blocks.back().lines.empty())
      rule_w = static_cast<Sp>(static_cast<double>(flow_.blocks.back().lines.back().natural) * ts.rule_fraction);
    if (rule_w > 0) {
      FlowBlock r;
      r.kind = FlowBlock::Kind::Title;
      r.keep_with_next = true;
      r.fixed_height = pt(10);  // clear of the descenders and dots below of the last line
      r.fixed_rules.push_back({(w - rule_w) / 2, pt(6), rule_w, ts.rule_thickness});
      add_fixed(std::move(r));
    }
    flow_.blocks.back().space_after = ts.space_after;
  }

  /// "Phần thứ nhất" and the part title, centred, kept with what follows.
  void part_heading(const content::Part& part, const std::vector<int>& counters) {
    const auto& lv = st_.levels[0];
    const std::string label = style::heading_label(st_, 0, counters);
    const Sp w = st_.page.text_width();
    // The label's lines, then the title's, in one block (which takes the label's marks).
    auto& b = add(FlowBlock::Kind::PartHeading, SetParagraph{}, std::max(lv.label_style.size, lv.title_style.size),
                  part.pos);
    const std::size_t index = flow_.blocks.size() - 1;
    defer(index, {styled(label, lv.label_style)}, shape_of(w, 0, lv.label_style.align), part.pos, false);
    defer(index, styled(part.title, lv.title_style), shape_of(w, 0, lv.title_style.align), part.title.pos, false,
          false);
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
    auto& b = add(FlowBlock::Kind::Heading, SetParagraph{}, std::max(lv.label_style.size, lv.title_style.size),
                  s.title.pos);
    defer(flow_.blocks.size() - 1, std::move(parts), shape_of(st_.page.text_width(), lv.indent, lv.title_style.align),
          s.title.pos, false);
    b.keep_with_next = true;
    b.space_before = lv.space_before;
    b.space_after = lv.space_after;
    b.outline = OutlineEntry{(label.empty() ? "" : label + " ") +
                                 style::apply_case(s.title.plain(), lv.title_style.text_case),
                             static_cast<int>(level), 0, 0};
    blocks(s.body, 0);
    for (const auto& sub : s.sections) section(sub, level + 1, counters);
  }

  static Align align_of(const std::string& name, Align fallback) {
    if (name == "left") return Align::Left;
    if (name == "center") return Align::Center;
    if (name == "right") return Align::Right;
    if (name == "justify") return Align::Justify;
    return fallback;
  }

  void blocks(const std::vector<content::Block>& body, int depth) {
    using Kind = content::Block::Kind;
    for (const auto& block : body) {
      switch (block.kind) {
        case Kind::Paragraph: {
          const Align align = align_of(block.align, st_.body.text.align);
          const Sp indent = block.indent.value_or(align == Align::Justify || align == Align::Left) ? st_.body.indent : 0;
          paragraph(styled(block.text, st_.body.text), depth, block.text.pos, FlowBlock::Kind::Paragraph, indent,
                    align);
          break;
        }
        case Kind::List: {
          int n = 0;
          for (const auto& item : block.items) {
            ++n;
            std::string marker = block.marker;
            if (marker == "a)") marker = style::format_counter(style::Counter::Alpha, n) + ")";
            else if (marker == "1.") marker = std::to_string(n) + ".";
            std::vector<StyledText> parts{styled(marker + " ", st_.body.text)};
            for (auto& t : styled(item.text, st_.body.text)) parts.push_back(std::move(t));
            paragraph(std::move(parts), depth, item.text.pos, FlowBlock::Kind::ListItem, st_.list.indent,
                      st_.body.text.align);
            blocks(item.children, depth + 1);
          }
          break;
        }
        case Kind::Quote: {
          const auto& q = st_.quote;
          auto& b = add(FlowBlock::Kind::Quote, SetParagraph{}, q.text.size, block.text.pos);
          defer(flow_.blocks.size() - 1, styled(block.text, q.text),
                shape_of(st_.page.text_width() - 2 * q.indent, 0, q.text.align), block.text.pos, false);
          b.x = q.indent;
          b.splittable = true;
          b.space_after = st_.body.paragraph_space;
          break;
        }
        case Kind::Table:
          table(block);
          break;
        case Kind::PageBreak:
          page_break_ = true;
          break;
      }
    }
  }

  void paragraph(std::vector<StyledText> parts, int depth, const SourcePos& pos, FlowBlock::Kind kind, Sp indent,
                 Align align) {
    const Sp shift = depth * st_.list.indent;  // nested list items move right as a whole
    auto& b = add(kind, SetParagraph{}, st_.body.text.size, pos);  // lines: see set_deferred
    b.x = shift;
    b.splittable = true;
    b.space_after = st_.body.paragraph_space;
    defer(flow_.blocks.size() - 1, std::move(parts), shape_of(st_.page.text_width() - shift, indent, align), pos,
          true);
  }

  /// Column widths: absolute ones as given, the rest of the measure shared by weight.
  std::vector<Sp> column_widths(const content::Table& t, std::size_t columns, const SourcePos& pos) {
    const Sp measure = st_.page.text_width();
    std::vector<Sp> out(columns, 0);
    Sp fixed = 0;
    double weights = 0;
    for (std::size_t i = 0; i < columns; ++i) {
      if (i < t.widths.size() && !t.widths[i].unit.empty()) {
        out[i] = t.widths[i].unit == "mm" ? mm(t.widths[i].value) : pt(t.widths[i].value);
        fixed += out[i];
      } else {
        weights += i < t.widths.size() ? t.widths[i].value : 1.0;
      }
    }
    char buf[128];
    if (fixed > measure || (fixed == measure && weights > 0)) {
      std::snprintf(buf, sizeof buf, "the table is wider than the text: %.1f mm of columns for %.1f mm", to_mm(fixed),
                    to_mm(measure));
      fail(pos, buf, "narrow the columns in `widths`, or give them as weights (numbers without a unit)");
    }
    for (std::size_t i = 0; i < columns; ++i)
      if (out[i] == 0)
        out[i] = static_cast<Sp>(static_cast<double>(measure - fixed) * (i < t.widths.size() ? t.widths[i].value : 1.0) /
                                 weights);
    return out;
  }

  /// One table row as a fixed group: cells set in their columns, with rules around them.
  FlowBlock table_row(const std::vector<content::Text>& cells, const std::vector<Sp>& widths, const TextStyle& ts,
                      const SourcePos& pos) {
    const auto& tst = st_.table;
    FlowBlock row;
    row.kind = FlowBlock::Kind::TableRow;
    row.pos = pos;
    Sp x = 0, height = 0;
    std::vector<Sp> xs;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      xs.push_back(x);
      const content::Text empty;
      const content::Text& cell = c < cells.size() ? cells[c] : empty;
      const Sp bottom = column_text(row.fixed_runs, styled(cell, ts), x + tst.padding, widths[c] - 2 * tst.padding,
                                    tst.padding, ts.size, ts.align, cell.pos.line ? cell.pos : pos);
      height = std::max(height, bottom + tst.padding);
      x += widths[c];
    }
    xs.push_back(x);
    row.fixed_height = height;
    row.fixed_rules.push_back({0, 0, x, tst.rule});
    row.fixed_rules.push_back({0, height, x, tst.rule});
    for (const Sp cx : xs) row.fixed_rules.push_back({cx - tst.rule / 2, height / 2, tst.rule, height});
    return row;
  }

  void table(const content::Block& block) {
    const auto& t = block.table;
    const std::size_t columns = !t.columns.empty() ? t.columns.size() : (t.rows.empty() ? 0 : t.rows[0].size());
    if (columns == 0) return;
    const auto widths = column_widths(t, columns, block.pos);
    int header = -1;
    if (!t.columns.empty()) {
      FlowBlock& h = add_fixed(table_row(t.columns, widths, st_.table.header, block.pos));
      h.keep_with_next = true;  // never a header alone at the foot of a page
      header = static_cast<int>(flow_.blocks.size() - 1);
    }
    for (const auto& r : t.rows) {
      FlowBlock& row = add_fixed(table_row(r, widths, st_.table.text, block.pos));
      row.header_block = header;
    }
    flow_.blocks.back().space_after = std::max(st_.table.space_after, st_.body.paragraph_space);
  }

  /// The scanned signature or seal, scaled to the room left for it and centred in the
  /// signature column between the title and the name (NĐ 30, ô 7c/8).
  void signature_image(FlowBlock& g, const content::Signature& sig, Sp x, Sp width, Sp top) {
    const std::string path = (std::filesystem::path(doc_.folder) / sig.image).string();
    ImageInfo info;
    try {
      info = probe_image(path);
    } catch (const std::exception& e) {
      fail(sig.image_pos, "signature image " + sig.image + ": " + e.what(), "give a PNG or JPEG scan of the signature");
    }
    const Sp room = st_.signature.space;
    Sp h = room * 9 / 10;
    Sp w = h * info.width / info.height;
    if (w > width) {
      w = width;
      h = w * info.height / info.width;
    }
    g.fixed_images.push_back({path, x + (width - w) / 2, top + (room - h) / 2, w, h});
  }

  /// The last block: "Nơi nhận:" and its list on the left, the signature block on the
  /// right, on one row that is never split and never alone on its page.
  void closing() {
    if (!doc_.signature && doc_.recipients.empty()) return;
    const auto& ss = st_.signature;
    const auto& rs = st_.recipients;
    FlowBlock g;
    g.kind = FlowBlock::Kind::Closing;
    g.keep_with_previous = true;
    g.space_before = ss.space_before;
    g.anchor = "signature";
    const Sp left_w = ss.left_width, right_x = ss.left_width, right_w = st_.page.text_width() - ss.left_width;

    Sp left = 0;
    if (!doc_.recipients.empty()) {
      const SourcePos& pos = doc_.recipients.front().pos;
      left = column_text(g.fixed_runs, {styled(rs.label, rs.label_style)}, 0, left_w, left, rs.label_style.size,
                         Align::Left, pos);
      for (std::size_t i = 0; i < doc_.recipients.size(); ++i) {
        const auto& item = doc_.recipients[i];
        std::vector<StyledText> parts{styled(rs.prefix, rs.item)};
        for (auto& t : styled(item, rs.item)) parts.push_back(std::move(t));
        const std::string& end = i + 1 == doc_.recipients.size() ? rs.last_end : rs.item_end;
        const std::string plain = item.plain();
        if (!end.empty() && !plain.empty() && std::string(".,;:").find(plain.back()) == std::string::npos)
          parts.push_back(styled(end, rs.item));
        left = column_text(g.fixed_runs, parts, 0, left_w, left, rs.item.size, Align::Left, item.pos);
      }
    }

    Sp right = 0;
    if (doc_.signature) {
      const auto& sig = *doc_.signature;
      if (!sig.authority.empty())
        right = column_text(g.fixed_runs, {styled(sig.authority, ss.authority)}, right_x, right_w, right,
                            ss.authority.size, Align::Center, sig.pos);
      if (!sig.title.empty())
        right = column_text(g.fixed_runs, {styled(sig.title, ss.title)}, right_x, right_w, right, ss.title.size,
                            Align::Center, sig.pos);
      if (!sig.image.empty()) signature_image(g, sig, right_x, right_w, right);
      right += ss.space;
      if (!sig.name.empty())
        right = column_text(g.fixed_runs, {styled(sig.name, ss.name)}, right_x, right_w, right, ss.name.size,
                            Align::Center, sig.pos);
      g.pos = sig.pos;
    }
    g.fixed_height = std::max(left, right);
    g.anchor_x = right_x;
    g.anchor_width = right_w;
    add_fixed(std::move(g));
  }

  const content::Document& doc_;
  const style::Style& st_;
  const shape::Family& fam_;
  shape::Shaper& sh_;
  Diagnostics& diags_;
  Flow flow_;
  std::vector<Deferred> deferred_;
  bool page_break_ = false;  ///< the next block starts a new page
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
    case FlowBlock::Kind::Quote: return "quote";
    case FlowBlock::Kind::TableRow: return "row";
    case FlowBlock::Kind::Closing: return "closing";
  }
  return "?";
}

std::string dump_lines(const Flow& flow) {
  std::string out;
  char buf[64];
  for (const auto& b : flow.blocks) {
    out += kind_name(b.kind);
    if (b.keep_with_next) out += " keep";
    if (b.keep_with_previous) out += " keep-previous";
    if (b.break_before) out += " break";
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
    for (const auto& im : p.images) {
      std::snprintf(buf, sizeof buf, "  image %.2f %.2f %.2fx%.2f ", to_pt(im.x), to_pt(im.y), to_pt(im.width),
                    to_pt(im.height));
      out += buf + std::filesystem::path(im.path).filename().string() + '\n';
    }
  }
  for (const auto& o : doc.outline) {
    std::snprintf(buf, sizeof buf, "outline %d p%zu ", o.level, o.page + 1);
    out += buf + o.title + '\n';
  }
  return out;
}

}  // namespace vanban::layout
