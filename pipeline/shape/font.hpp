#pragma once
/// Fonts: finding the four faces of a family, opening them with HarfBuzz,
/// checking coverage.
#include <hb.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vanban::shape {

/// The four faces every body family must have.
enum class FaceStyle { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

/// FaceStyle from weight and slant flags.
constexpr FaceStyle face_style(bool bold, bool italic) {
  return static_cast<FaceStyle>((bold ? 1 : 0) + (italic ? 2 : 0));
}

/// One opened font file (face index 0). Owns its HarfBuzz blob, face and font.
class Font {
 public:
  /// Opens `path`; throws std::runtime_error when the file is missing or not a font.
  explicit Font(std::string path);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  const std::string& path() const { return path_; }
  /// PostScript name from the `name` table (e.g. "LiberationSerif-Bold").
  const std::string& postscript_name() const { return ps_name_; }
  /// Units per em of the font's design grid.
  unsigned upem() const { return upem_; }
  hb_face_t* hb_face() const { return face_; }
  hb_font_t* hb_font() const { return font_; }

  /// True when the font's cmap maps `cp` to a glyph.
  bool covers(char32_t cp) const;
  /// Horizontal advance of glyph `gid`, in font units.
  std::int32_t advance(std::uint32_t gid) const;

  /// Ascender, descender (negative) and cap height in font units (OS/2 or hhea).
  std::int32_t ascender() const { return ascender_; }
  std::int32_t descender() const { return descender_; }
  std::int32_t cap_height() const { return cap_height_; }

 private:
  std::string path_;
  std::string ps_name_;
  unsigned upem_ = 1000;
  std::int32_t ascender_ = 0, descender_ = 0, cap_height_ = 0;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
};

/// Glyph id -> the text the glyph stands for, in one font (made by shape/glyph_text.hpp;
/// the PDF writer's ToUnicode map is built from it).
using GlyphTexts = std::map<std::uint32_t, std::u32string>;

/// An index into FontSet::fonts.
using FontId = std::uint16_t;

/// The fonts a document uses, in a stable order (the PDF writer numbers them so).
struct FontSet {
  std::vector<std::unique_ptr<Font>> fonts;
  /// Adds a font by path (or returns the existing id for that path).
  FontId add(const std::string& path);
  Font& operator[](FontId id) const { return *fonts[id]; }
};

/// The four faces of a family, as ids in a FontSet.
struct Family {
  std::string name;
  FontId faces[4] = {0, 0, 0, 0};
  FontId face(FaceStyle s) const { return faces[static_cast<int>(s)]; }
};

/// Adds the font files of `dir` to fontconfig's search (e.g. the project's fonts/ folder).
/// Returns false when the folder cannot be read.
bool add_font_dir(const std::string& dir);

/// Finds the file of one face with fontconfig: `family` with the given style.
/// Returns an empty string when fontconfig only offers a substitute of another family
/// (compared case-insensitively with every family name the font has), or a face of the
/// wrong style (e.g. the regular face for a bold request, when the family has no bold).
std::string find_face(const std::string& family, FaceStyle style);

}  // namespace vanban::shape
