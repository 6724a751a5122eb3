/// Font subsetting with hb-subset and the data of the PDF font objects (see font_embed.hpp).
#include "pipeline/pdf/font_embed.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <memory>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"
#include "pipeline/pdf/objects.hpp"

namespace vanban::pdf {

namespace {

// RAII for the HarfBuzz objects used here.
struct HbDeleter {
  void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
  void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
  void operator()(hb_face_t* p) const { hb_face_destroy(p); }
  void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
};
template <class T>
using HbPtr = std::unique_ptr<T, HbDeleter>;

/// A font table's bytes (empty when absent), with big-endian readers that return 0 past the end.
class Table {
 public:
  Table(hb_face_t* face, hb_tag_t tag) : blob_(hb_face_reference_table(face, tag)) {
    unsigned int len = 0;
    data_ = hb_blob_get_data(blob_.get(), &len);
    size_ = len;
  }
  bool empty() const { return size_ == 0; }
  std::uint32_t u8(std::size_t at) const { return at < size_ ? static_cast<unsigned char>(data_[at]) : 0; }
  std::uint32_t u16(std::size_t at) const { return (u8(at) << 8) | u8(at + 1); }
  std::int32_t i16(std::size_t at) const { return static_cast<std::int16_t>(static_cast<std::uint16_t>(u16(at))); }
  std::uint32_t u32(std::size_t at) const { return (u16(at) << 16) | u16(at + 2); }
  std::int32_t i32(std::size_t at) const { return static_cast<std::int32_t>(u32(at)); }

 private:
  HbPtr<hb_blob_t> blob_;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

void append_hex4(std::string& out, std::uint32_t v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
}

/// UTF-16BE as hex digits; code points above U+FFFF become surrogate pairs.
void append_utf16be_hex(std::string& out, const std::u32string& text) {
  for (const char16_t unit : utf16(text)) append_hex4(out, unit);
}

}  // namespace

std::string subset_tag(std::string_view ps_name, const std::set<std::uint32_t>& gids) {
  // FNV-1a, 64 bits: stable across runs and platforms (std::hash is not).
  std::uint64_t h = 0xcbf29ce484222325ull;
  const auto mix = [&h](unsigned char byte) {
    h ^= byte;
    h *= 0x100000001b3ull;
  };
  for (char c : ps_name) mix(static_cast<unsigned char>(c));
  for (std::uint32_t g : gids)
    for (int s = 0; s < 32; s += 8) mix(static_cast<unsigned char>(g >> s));
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

std::string to_unicode_cmap(const std::map<std::uint32_t, std::u32string>& text_by_cid) {
  std::vector<std::pair<std::uint32_t, const std::u32string*>> entries;
  for (const auto& [cid, text] : text_by_cid)
    if (!text.empty() && cid <= 0xFFFF) entries.emplace_back(cid, &text);

  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t i = 0; i < entries.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      out += '<';
      append_hex4(out, entries[k].first);
      out += "> <";
      append_utf16be_hex(out, *entries[k].second);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

namespace {

/// The FontDescriptor values of `e`, from the original font's tables (lengths in 1/1000 em).
void descriptor_values(const shape::Font& font, hb_face_t* face, EmbeddedFont& e) {
  const double scale = 1000.0 / font.upem();
  const auto em1000 = [scale](double units) { return static_cast<std::int32_t>(std::lround(units * scale)); };
  const Table head(face, HB_TAG('h', 'e', 'a', 'd'));
  const Table post(face, HB_TAG('p', 'o', 's', 't'));
  const Table os2(face, HB_TAG('O', 'S', '/', '2'));
  e.bbox[0] = em1000(head.i16(36));
  e.bbox[1] = em1000(head.i16(38));
  e.bbox[2] = em1000(head.i16(40));
  e.bbox[3] = em1000(head.i16(42));
  e.ascent = em1000(font.ascender());
  e.descent = em1000(font.descender());
  e.cap_height = em1000(font.cap_height());
  e.italic_angle = std::round(post.i32(4) / 65536.0 * 100.0) / 100.0;  // Fixed 16.16
  const bool fixed_pitch = post.u32(12) != 0;
  const bool italic = e.italic_angle != 0 || (head.u16(44) & 2) != 0;
  // Serif: PANOSE family "Latin text" (2) with a serif style below 11 (11–13 are sans).
  const std::uint32_t panose_family = os2.u8(32), panose_serif = os2.u8(33);
  const bool serif = panose_family == 2 && panose_serif >= 2 && panose_serif <= 10;
  e.flags = 4 | (fixed_pitch ? 1 : 0) | (serif ? 2 : 0) | (italic ? 64 : 0);
  // No table stores StemV; this common estimate from the weight class is good enough,
  // since viewers use it only to fake a substitute, and our fonts are always embedded.
  const double weight = os2.empty() ? 400.0 : static_cast<double>(os2.u16(4));
  e.stem_v = static_cast<std::int32_t>(std::lround(50.0 + (weight / 65.0) * (weight / 65.0)));
}

}  // namespace

EmbeddedFont embed_font(const shape::Font& font, const std::set<std::uint32_t>& gids, const shape::GlyphTexts& texts) {
  hb_face_t* face = font.hb_face();
  const double scale = 1000.0 / font.upem();
  // Widths to kWidthDecimals places, as /W will say them (see GlyphMap).
  const double width_unit = std::pow(10.0, kWidthDecimals);
  const auto width = [&](double units) { return std::round(units * scale * width_unit) / width_unit; };

  // --- subset -----------------------------------------------------------------------
  HbPtr<hb_subset_input_t> input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error(tr("hb-subset: out of memory for {}", font.path()));
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  for (std::uint32_t g : gids) hb_set_add(glyph_set, g);
  // A PDF viewer draws glyphs by id and never shapes: GSUB/GPOS/GDEF are dead weight, and
  // keeping GSUB would also pull every glyph reachable by substitution into the subset.
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                     HB_TAG('k', 'e', 'r', 'n')})
    hb_set_add(drop, t);
  // Glyphs renumbered (small loca/hmtx), and the TrueType hinting programs dropped: printers
  // never run them, nor do the usual PDF viewers (Acrobat, pdf.js, MuPDF, poppler), and they
  // were 60 % of a subset's bytes, which the PDF then carried and compressed.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  HbPtr<hb_subset_plan_t> plan(hb_subset_plan_create_or_fail(face, input.get()));
  if (!plan) throw std::runtime_error(tr("hb-subset: cannot plan a subset of {}", font.path()));
  // The plan owns both maps. The subset also holds glyphs we did not ask for: .notdef and
  // the components of composite glyphs (most Vietnamese letters are base + accent composites).
  const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan.get());
  HbPtr<hb_face_t> sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub) throw std::runtime_error(tr("hb-subset: subsetting failed for {}", font.path()));
  HbPtr<hb_blob_t> sub_blob(hb_face_reference_blob(sub.get()));
  unsigned int sub_len = 0;
  const char* sub_data = hb_blob_get_data(sub_blob.get(), &sub_len);
  if (sub_len == 0) throw std::runtime_error(tr("hb-subset: empty subset for {}", font.path()));

  EmbeddedFont e;
  e.font_file.assign(sub_data, sub_data + sub_len);

  // --- CIDs, widths, ToUnicode --------------------------------------------------------
  const unsigned int n_new = hb_face_get_glyph_count(sub.get());
  e.glyphs.width.assign(n_new, 0);
  std::map<std::uint32_t, std::u32string> text_by_cid;
  for (unsigned int cid = 0; cid < n_new; ++cid) {
    const hb_codepoint_t old = hb_map_get(new_to_old, cid);
    if (old == HB_MAP_VALUE_INVALID) continue;
    e.glyphs.add(old, cid);
    e.glyphs.width[cid] = width(font.advance(old));
    // Only glyphs placed on a page carry text; a composite's components never do.
    if (cid != 0 && gids.count(old))
      if (auto it = texts.find(old); it != texts.end()) text_by_cid.emplace(cid, it->second);
  }
  for (std::uint32_t g : gids)
    if (e.glyphs.cid(g) == GlyphMap::kNone)
      throw std::runtime_error(tr("hb-subset: glyph {} missing from the subset of {}", g, font.path()));
  e.to_unicode = to_unicode_cmap(text_by_cid);
  e.base_font = subset_tag(font.postscript_name(), gids) + "+" + font.postscript_name();

  descriptor_values(font, face, e);
  return e;
}

}  // namespace vanban::pdf
