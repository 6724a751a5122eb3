/// Content stream operators for pages (see content_stream.hpp).
#include "pipeline/pdf/content_stream.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"
#include "pipeline/pdf/objects.hpp"

namespace vanban::pdf {

namespace {

// Precision of what we write: coordinates and sizes in pt to 1/1000 pt (0.35 µm);
// TJ adjustments in 1/1000 em to 1/100 (0.00012 pt at 12 pt). Both far below any
// visible difference, and they keep the streams short.
constexpr int kPtDecimals = 3;
constexpr int kTjDecimals = 2;

/// Appends k / 10^decimals (0 <= decimals <= 3) without trailing zeros or "-0", exactly as
/// append_number writes that value, with integer arithmetic only (no float formatting).
void append_scaled(std::string& out, std::int64_t k, int decimals) {
  static constexpr std::uint64_t kPow10[] = {1, 10, 100, 1000};
  if (k < 0) out += '-';
  const std::uint64_t a = k < 0 ? 0 - static_cast<std::uint64_t>(k) : static_cast<std::uint64_t>(k);
  const std::uint64_t unit = kPow10[decimals];
  char buf[32];
  char* end = std::to_chars(buf, buf + sizeof buf, a / unit).ptr;
  std::uint64_t frac = a % unit;
  if (frac != 0) {
    int digits = decimals;
    while (frac % 10 == 0) {
      frac /= 10;
      --digits;
    }
    *end++ = '.';
    for (int d = digits - 1; d >= 0; --d) {
      end[d] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    end += digits;
  }
  out.append(buf, end);
}

/// `v` in pt to kPtDecimals places: append_number(out, to_pt(v), 3), which rounds the exact
/// value v/65536 half to even, computed on integers (this runs for every text position).
void append_pt(std::string& out, Sp v) {
  static_assert(kPtDecimals == 3);
  constexpr Sp kLimit = Sp{1} << 40;  // far beyond any page; v * 1000 cannot overflow below it
  if (v <= -kLimit || v >= kLimit) return append_number(out, to_pt(v), kPtDecimals);
  const Sp num = v * 1000;
  Sp q = num / kSpPerPt, rem = num % kSpPerPt;
  if (rem < 0) {  // floor division
    q -= 1;
    rem += kSpPerPt;
  }
  if (rem > kSpPerPt / 2 || (rem == kSpPerPt / 2 && (q & 1) != 0)) ++q;
  if (q == 0) {
    out += '0';
    return;
  }
  append_scaled(out, q, kPtDecimals);
}

/// A CID as the two bytes of Identity-H, in a literal string: half the bytes of hex
/// (`<0041>`), so page streams are shorter to write and to compress.
void append_cid(std::string& out, std::uint32_t cid) {
  append_string_byte(out, static_cast<unsigned char>(cid >> 8));
  append_string_byte(out, static_cast<unsigned char>(cid & 0xFF));
}

/// `x y w h re f` for a rule centred on y (page coordinates from the top-left, y down).
void append_rule(std::string& out, const layout::Rule& r, Sp page_height) {
  append_pt(out, r.x);
  out += ' ';
  append_pt(out, page_height - r.y - r.thickness / 2);
  out += ' ';
  append_pt(out, r.width);
  out += ' ';
  append_pt(out, r.thickness);
  out += " re f\n";
}

/// `r g b rg` (fill) or `RG` (stroke) for `c`, 0–255 a channel written as 0–1 to 3 places.
void append_color(std::string& out, const layout::Color& c, const char* op) {
  for (const std::uint8_t v : {c.r, c.g, c.b}) {
    append_number(out, static_cast<double>(v) / 255.0, 3);
    out += ' ';
  }
  out += op;
  out += '\n';
}

/// Sets the fill colour to `c` when it is not `current` already (black is the PDF's initial
/// fill, so a page without colour writes no colour operator at all).
void set_fill(std::string& out, layout::Color& current, const layout::Color& c) {
  if (c == current) return;
  append_color(out, c, "rg");
  current = c;
}

/// A stroked rectangle in its own graphics state: `q r g b RG t w x y w h re S Q`.
void append_frame(std::string& out, const layout::Frame& f, Sp page_height) {
  out += "q ";
  append_color(out, f.color, "RG");
  append_pt(out, f.thickness);
  out += " w ";
  append_pt(out, f.x);
  out += ' ';
  append_pt(out, page_height - f.y - f.height);
  out += ' ';
  append_pt(out, f.width);
  out += ' ';
  append_pt(out, f.height);
  out += " re S Q\n";
}

/// `1 0 0 1 x y Tm`: the text matrix set absolutely, so no error accumulates between runs.
void append_tm(std::string& out, Sp x, Sp y_pdf) {
  out += "1 0 0 1 ";
  append_pt(out, x);
  out += ' ';
  append_pt(out, y_pdf);
  out += " Tm\n";
}

std::uint32_t cid_of(const GlyphMap& map, std::uint32_t gid) {
  const std::uint32_t cid = map.cid(gid);
  if (cid == GlyphMap::kNone)
    throw std::logic_error("PDF writer: glyph " + std::to_string(gid) + " missing from its font subset");
  return cid;
}

/// One run's glyphs. Glyphs on the baseline (y == 0) go into TJ arrays whose numbers move
/// the pen from where the declared /W width leaves it to where layout put the glyph
/// (kerning, justification, mark x offsets). A glyph raised or lowered (a mark placed by
/// GPOS) is drawn alone with its own text matrix.
void append_run(std::string& out, const layout::TextRun& run, const GlyphMap& map, Sp page_height) {
  const auto& gs = run.glyphs;
  const double per_sp = 1000.0 / static_cast<double>(run.size);  // sp -> 1/1000 em
  std::size_t i = 0;
  while (i < gs.size()) {
    if (gs[i].y != 0) {
      append_tm(out, run.x + gs[i].x, page_height - (run.y + gs[i].y));
      out += '(';
      append_cid(out, cid_of(map, gs[i].gid));
      out += ")Tj\n";
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < gs.size() && gs[j].y == 0) ++j;
    append_tm(out, run.x + gs[i].x, page_height - run.y);
    out += '[';
    double pen = 0;  // where the PDF pen is, in 1/1000 em from the segment start
    bool in_string = false;
    for (std::size_t k = i; k < j; ++k) {
      const double target = static_cast<double>(gs[k].x - gs[i].x) * per_sp;
      // TJ subtracts its numbers from the pen: positive moves left.
      // round_to(x, 2) is round(x * 100) / 100: write the integer round(x * 100) with two
      // implied decimals, which gives the same text as append_number(adj, 2).
      const double hundredths = std::round((pen - target) * 100.0);
      const double adj = hundredths / 100.0;
      if (adj != 0) {
        if (in_string) out += ')';
        in_string = false;
        if (std::fabs(hundredths) < 1e15) append_scaled(out, static_cast<std::int64_t>(hundredths), kTjDecimals);
        else append_number(out, adj, kTjDecimals);
        pen -= adj;
      }
      if (!in_string) out += '(';
      in_string = true;
      const std::uint32_t cid = cid_of(map, gs[k].gid);
      append_cid(out, cid);
      pen += cid < map.width.size() ? map.width[cid] : 0;
    }
    if (in_string) out += ')';
    out += "]TJ\n";
    i = j;
  }
}

}  // namespace

void append_number(std::string& out, double v, int decimals) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (res.ec != std::errc{}) throw std::runtime_error(tr("PDF writer: number out of range"));
  char* end = res.ptr;
  if (std::find(buf, end, '.') != end) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  if (s == "-0") s = "0";
  out += s;
}

std::string font_resource_name(shape::FontId id) {
  std::string name = "F";  // (not "F" + to_string: GCC 12 warns falsely about it, -Wrestrict)
  name += std::to_string(id);
  return name;
}

Sp run_width(const layout::TextRun& run, const shape::Font& font) {
  Sp w = 0;
  for (const auto& g : run.glyphs) {
    const Sp adv = static_cast<Sp>(font.advance(g.gid)) * run.size / static_cast<Sp>(font.upem());
    w = std::max(w, g.x + adv);
  }
  return w;
}

std::string image_resource_name(std::size_t index) {
  std::string name = "Im";
  name += std::to_string(index);
  return name;
}

std::string page_content(const layout::Page& page, const shape::FontSet& fonts,
                         const std::vector<const GlyphMap*>& maps, const std::vector<std::string>& images) {
  std::string out;
  std::size_t glyphs = 0;
  for (const auto& run : page.runs) glyphs += run.glyphs.size();
  out.reserve(256 + 4 * glyphs);  // about 3 bytes a glyph and the operators around them
  // Images under everything else (a seal may overlap the signature's text): the unit
  // square scaled to the image's box, `q w 0 0 h x y cm /ImN Do Q`.
  for (const auto& im : page.images) {
    const auto at = std::find(images.begin(), images.end(), im.path);
    if (at == images.end()) throw std::logic_error("PDF writer: image with no XObject: " + im.path);
    out += "q ";
    append_pt(out, im.width);
    out += " 0 0 ";
    append_pt(out, im.height);
    out += ' ';
    append_pt(out, im.x);
    out += ' ';
    append_pt(out, page.height - im.y - im.height);
    out += " cm /";
    out += image_resource_name(static_cast<std::size_t>(at - images.begin()));
    out += " Do Q\n";
  }
  // Frames, rules (and underlines) first: path operators are not allowed inside BT/ET.
  for (const auto& f : page.frames) append_frame(out, f, page.height);
  layout::Color fill;  // the PDF's initial fill colour, black
  for (const auto& r : page.rules) {
    set_fill(out, fill, r.color);
    append_rule(out, r, page.height);
  }
  for (const auto& run : page.runs) {
    if (!run.underline || run.glyphs.empty()) continue;
    // 0.05 em thick, centred 0.1 em below the baseline.
    const layout::Rule u{run.x, run.y + run.size / 10, run_width(run, fonts[run.font]), run.size / 20, run.color};
    set_fill(out, fill, u.color);
    append_rule(out, u, page.height);
  }

  bool in_text = false;
  int cur_font = -1;
  Sp cur_size = -1;
  for (const auto& run : page.runs) {
    if (run.glyphs.empty()) continue;
    if (run.font >= maps.size() || !maps[run.font])
      throw std::logic_error("PDF writer: run uses font " + std::to_string(run.font) + " with no subset");
    if (run.size <= 0) throw std::logic_error("PDF writer: run with font size <= 0");
    if (!in_text) out += "BT\n";
    in_text = true;
    set_fill(out, fill, run.color);  // colour is graphics state: valid inside BT/ET
    // Font and size are text state: they persist across runs, so say them only on change.
    if (run.font != cur_font || run.size != cur_size) {
      out += '/';
      out += font_resource_name(run.font);
      out += ' ';
      append_pt(out, run.size);
      out += " Tf\n";
      cur_font = run.font;
      cur_size = run.size;
    }
    append_run(out, run, *maps[run.font], page.height);
  }
  if (in_text) out += "ET\n";
  return out;
}

}  // namespace vanban::pdf
