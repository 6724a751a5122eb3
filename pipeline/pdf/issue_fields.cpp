/// The unissued build's blanks as text fields (see issue_fields.hpp).
#include "pipeline/core/i18n.hpp"
#include "pipeline/pdf/issue_fields.hpp"

#include <cstdio>
#include <stdexcept>

#include <hb.h>

#include "pipeline/pdf/content_stream.hpp"
#include "pipeline/shape/glyph_text.hpp"
#include "pipeline/pdf/prepared.hpp"

namespace vanban::pdf {

namespace {

/// The font's glyph for `cp`, or 0 (.notdef) when its cmap has none.
std::uint32_t glyph_of(const shape::Font& font, char32_t cp) {
  hb_codepoint_t gid = 0;
  return hb_font_get_nominal_glyph(font.hb_font(), cp, &gid) ? gid : 0;
}

/// The groups of consecutive figure spaces of `run`, at most `wanted` of them, named in order.
void collect_slots(const layout::TextRun& run, const shape::FontSet& fonts, std::size_t page,
                   const std::vector<const char*>& names, std::vector<IssueSlot>& out, std::size_t& taken) {
  const shape::Font& font = fonts[run.font];
  const std::uint32_t blank = glyph_of(font, kIssueBlank);
  if (blank == 0) return;
  const auto& gs = run.glyphs;
  for (std::size_t i = 0; i < gs.size() && taken < names.size();) {
    if (gs[i].gid != blank) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < gs.size() && gs[j].gid == blank) ++j;
    IssueSlot s;
    s.name = names[taken++];
    s.page = page;
    s.font = run.font;
    s.size = run.size;
    s.x = run.x + gs[i].x;
    s.baseline = run.y + gs[i].y;
    s.count = j - i;
    for (int d = 0; d < 10; ++d) s.digit_gids[d] = glyph_of(font, static_cast<char32_t>(U'0' + d));
    s.width = static_cast<Sp>(static_cast<double>(s.count) * font.advance(blank) * static_cast<double>(run.size) / font.upem());
    out.push_back(std::move(s));
    i = j;
  }
}

/// The name of the source field `run` sets ("header.number"), or "".
const std::string& source_name(const layout::PagedDocument& doc, const layout::TextRun& run) {
  static const std::string none;
  return run.source == 0 || run.source > doc.sources.size() ? none : doc.sources[run.source - 1].second;
}

/// "0.25" with at most 3 decimals (PDF numbers in a content stream or /DA).
std::string num(double v) {
  std::string s;
  append_number(s, v, 3);
  return s;
}

}  // namespace

std::vector<IssueSlot> issue_slots(const layout::PagedDocument& doc, const shape::FontSet& fonts) {
  std::vector<IssueSlot> slots;
  if (doc.pages.empty()) return slots;
  const std::vector<const char*> number = {"number"}, date = {"day", "month", "year"};
  std::size_t numbers = 0, dates = 0;
  for (const layout::TextRun& run : doc.pages.front().runs) {
    const std::string& source = source_name(doc, run);
    if (source == "header.number") collect_slots(run, fonts, 0, number, slots, numbers);
    else if (source == "header.place") collect_slots(run, fonts, 0, date, slots, dates);
  }
  return slots;
}

std::vector<layout::TextRun> issue_digit_runs(const std::vector<IssueSlot>& slots, std::vector<shape::GlyphTexts>& texts) {
  std::vector<layout::TextRun> runs;
  for (const IssueSlot& s : slots) {
    layout::TextRun run;
    run.font = s.font;
    run.size = s.size;
    if (texts.size() <= s.font) texts.resize(s.font + std::size_t{1});
    for (int d = 0; d < 10; ++d) {
      if (s.digit_gids[d] == 0) throw std::runtime_error(tr("the font has no digit {}", d));
      run.glyphs.push_back(layout::place_glyph(s.digit_gids[d], 0, 0));
      shape::note_glyph_text(texts[s.font], s.digit_gids[d], std::u32string(1, static_cast<char32_t>(U'0' + d)));
    }
    runs.push_back(std::move(run));
  }
  return runs;
}

std::string write_issue_fields(PdfFile& file, const std::vector<IssueSlot>& slots, const std::vector<ObjNum>& widgets,
                               const std::vector<ObjNum>& pages, const layout::PagedDocument& doc,
                               const Prepared& prepared, const SharedRefs& refs) {
  Dict dr;
  std::vector<bool> named(refs.fonts.size(), false);
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const IssueSlot& s = slots[i];
    const GlyphMap& map = *prepared.maps.at(s.font);
    const double size = to_pt(s.size), below = size * 0.3, above = size * 0.9;
    const double x = to_pt(s.x), base = to_pt(doc.pages.at(s.page).height - s.baseline);
    const double width = to_pt(s.width);
    std::string digits = "<";
    for (const std::uint32_t gid : s.digit_gids) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04X", map.cid(gid));
      digits += buf;
    }
    digits += '>';
    const std::string font_name = "VbF" + std::to_string(s.font);
    if (!named[s.font]) dr.ref(font_name, refs.fonts.at(s.font));
    named[s.font] = true;
    const ObjNum appearance = file.reserve();
    file.write_stream(appearance,
                      Dict().name("Type", "XObject").name("Subtype", "Form")
                          .raw("BBox", Array().integer(0).integer(0).real(width).real(below + above).str()).entries(),
                      {});
    const std::string issue = Dict()
                                  .ref("Font", refs.fonts.at(s.font))
                                  .real("Size", size)
                                  .real("Baseline", below)
                                  .real("Advance", width / static_cast<double>(s.count))
                                  .integer("Count", static_cast<std::int64_t>(s.count))
                                  .raw("Digits", digits)
                                  .str();
    file.write_object(widgets.at(i),
                      Dict()
                          .name("Type", "Annot")
                          .name("Subtype", "Widget")
                          .name("FT", "Tx")
                          .text("T", s.name)
                          .integer("F", 4)  // Print
                          .integer("MaxLen", static_cast<std::int64_t>(s.count))
                          .integer("Q", s.name == "number" ? 2 : 1)  // the number ends at its "/"; a date part is centred
                          .literal("DA", "/" + font_name + " " + num(size) + " Tf 0 g")
                          .raw("Rect", Array().real(x).real(base - below).real(x + width).real(base + above).str())
                          .ref("P", pages.at(s.page))
                          .raw("AP", Dict().ref("N", appearance).str())
                          .raw("VanbanIssue", issue)
                          .str());
  }
  return dr.str();
}

}  // namespace vanban::pdf
