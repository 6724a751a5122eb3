/// Font files through HarfBuzz, face lookup through fontconfig.
#include "pipeline/shape/font.hpp"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "pipeline/core/i18n.hpp"

namespace vanban::shape {

namespace {

/// fontconfig's current configuration is one per process: documents built side by side on
/// several threads ask it one at a time.
std::mutex& fontconfig_mutex() {
  static std::mutex m;
  return m;
}

/// The bytes of a small file ("" when it cannot be read). Plain POSIX calls: an ifstream
/// costs more to set up than reading a configuration file, and some thirty are read.
std::string read_small_file(const std::filesystem::path& path) {
  std::string text;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return text;
  char buf[16384];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  return text;
}

/// The <dir> and <cachedir> elements of the system's fonts.conf, or "" when the system's
/// font configuration is not the stock one (see use_font_config).
std::string stock_font_dirs() {
  namespace fs = std::filesystem;
  for (const char* var : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT"})
    if (std::getenv(var)) return {};
  const fs::path etc = "/etc/fonts";
  const std::string main = read_small_file(etc / "fonts.conf");
  // The user's and the administrator's own files, which the stock conf.d includes.
  const char* home = std::getenv("HOME");
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const fs::path config = xdg && *xdg ? fs::path(xdg) : fs::path(home ? home : "/") / ".config";
  std::error_code ec;
  for (const fs::path& p : {etc / "local.conf", config / "fontconfig", fs::path(home ? home : "/") / ".fonts.conf",
                            fs::path(home ? home : "/") / ".fonts.conf.d"})
    if (fs::exists(p, ec) || ec) return {};
  // conf.d may hold anything; the stock files only tune matching and rendering, except
  // 50-user.conf and 51-local.conf, which include the files checked above.
  for (const auto& e : fs::directory_iterator(etc / "conf.d", ec)) {
    const std::string name = e.path().filename().string();
    if (name == "50-user.conf" || name == "51-local.conf") continue;
    const std::string text = read_small_file(e.path());
    // One pass over the elements (a find per tag was 0.3 ms: the files are full of `<`).
    const std::string_view xml = text;
    for (std::size_t at = xml.find('<'); at != std::string_view::npos; at = xml.find('<', at + 1)) {
      const std::string_view element = xml.substr(at + 1);
      for (const std::string_view tag : {"dir", "cachedir", "include", "reset-dirs", "remap-dir"})
        if (element.starts_with(tag)) return {};
    }
  }
  if (ec) return {};
  std::string dirs;
  for (const std::string tag : {"dir", "cachedir"}) {
    const std::string open = "<" + tag, close = "</" + tag + ">";
    for (std::size_t at = main.find(open); at != std::string::npos; at = main.find(open, at + 1)) {
      const char next = at + open.size() < main.size() ? main[at + open.size()] : '\0';
      if (next != '>' && next != ' ') continue;  // <directory…> is another element
      const std::size_t end = main.find(close, at);
      if (end == std::string::npos) return {};
      dirs += main.substr(at, end + close.size() - at);
    }
  }
  return dirs;
}

/// Makes fontconfig's current configuration, once per process. Loading the system's whole
/// configuration parses some forty XML files (2.5 ms, a tenth of a build); vanban only needs
/// the font folders and their caches, since find_face accepts no substitute anyway (the
/// match and alias rules of conf.d cannot change its answer). So when the configuration
/// is the stock one — no folders, caches or includes beyond fonts.conf's own — a
/// configuration of just those folders and caches is made (0.25 ms); otherwise, or when
/// that fails, the system's whole configuration is loaded as fontconfig would.
void use_font_config() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (const std::string dirs = stock_font_dirs(); !dirs.empty()) {
      const std::string xml = "<?xml version=\"1.0\"?><fontconfig>" + dirs + "</fontconfig>";
      FcConfig* config = FcConfigCreate();
      if (config && FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(xml.c_str()), FcFalse) &&
          FcConfigBuildFonts(config) && FcConfigSetCurrent(config)) {
        FcConfigDestroy(config);  // the current configuration holds its own reference
        return;
      }
      if (config) FcConfigDestroy(config);
    }
    FcInit();
  });
}

/// The PostScript name, or "" when the font has none.
std::string read_postscript_name(hb_face_t* face) {
  unsigned int size = hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID,
                                          nullptr, nullptr);
  if (size == 0) return {};
  std::string buf(size + 1, '\0');  // the call writes a terminating NUL too
  unsigned int len = size + 1;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, buf.data());
  buf.resize(len);
  return buf;
}

/// A name usable as a PDF /BaseFont: printable ASCII without PDF delimiters or spaces.
/// The `name` table promises this for ID 6, but broken fonts exist; the file stem is the fallback.
std::string sanitize_ps_name(std::string name, const std::string& path) {
  if (name.empty()) name = std::filesystem::path(path).stem().string();
  std::string out;
  for (unsigned char c : name) {
    if (c > 32 && c < 127 && std::string_view("[](){}<>/%#").find(static_cast<char>(c)) == std::string_view::npos)
      out += static_cast<char>(c);
  }
  if (out.empty()) out = "Font";
  return out.substr(0, 63);  // PostScript names are at most 63 characters
}

}  // namespace

Font::Font(std::string path) : path_(std::move(path)) {
  blob_ = hb_blob_create_from_file_or_fail(path_.c_str());
  if (!blob_) throw std::runtime_error(tr("cannot open font file: {}", path_));
  face_ = hb_face_create(blob_, 0);
  if (hb_face_get_glyph_count(face_) == 0) {
    // The constructor throws, so the destructor will not run: release here.
    hb_face_destroy(face_);
    hb_blob_destroy(blob_);
    throw std::runtime_error(tr("not a font file (no glyphs): {}", path_));
  }
  upem_ = hb_face_get_upem(face_);
  font_ = hb_font_create(face_);
  // Scale = upem: every position HarfBuzz reports is then in font units, exact integers.
  hb_font_set_scale(font_, static_cast<int>(upem_), static_cast<int>(upem_));

  ps_name_ = sanitize_ps_name(read_postscript_name(face_), path_);

  const auto metric = [this](hb_ot_metrics_tag_t tag, std::int32_t fallback) {
    hb_position_t v = 0;
    return hb_ot_metrics_get_position(font_, tag, &v) ? static_cast<std::int32_t>(v) : fallback;
  };
  const auto em = static_cast<std::int32_t>(upem_);
  // Fallbacks: typical proportions of a Latin text face, so a font lacking OS/2 still lays out.
  ascender_ = metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, em * 8 / 10);
  descender_ = metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, -em * 2 / 10);
  if (descender_ > 0) descender_ = -descender_;  // some fonts store it positive
  cap_height_ = metric(HB_OT_METRICS_TAG_CAP_HEIGHT, 0);
  if (cap_height_ <= 0) {
    // OS/2 version < 2 has no sCapHeight: measure the 'H' instead.
    hb_codepoint_t gid = 0;
    hb_glyph_extents_t ext{};
    if (hb_font_get_nominal_glyph(font_, 'H', &gid) && hb_font_get_glyph_extents(font_, gid, &ext))
      cap_height_ = ext.y_bearing;
    if (cap_height_ <= 0) cap_height_ = em * 7 / 10;
  }
}

Font::~Font() {
  hb_font_destroy(font_);
  hb_face_destroy(face_);
  hb_blob_destroy(blob_);
}

bool Font::covers(char32_t cp) const {
  hb_codepoint_t gid = 0;
  return hb_font_get_nominal_glyph(font_, static_cast<hb_codepoint_t>(cp), &gid) && gid != 0;
}

std::int32_t Font::advance(std::uint32_t gid) const {
  return hb_font_get_glyph_h_advance(font_, gid);
}

FontId FontSet::add(const std::string& path) {
  // Compare canonical paths so "./a.ttf" and "a.ttf" are one font (one subset in the PDF).
  const auto canon = [](const std::string& p) {
    std::error_code ec;
    auto c = std::filesystem::weakly_canonical(p, ec);
    return ec ? p : c.string();
  };
  const std::string key = canon(path);
  for (std::size_t i = 0; i < fonts.size(); ++i)
    if (fonts[i]->path() == path || canon(fonts[i]->path()) == key) return static_cast<FontId>(i);
  if (fonts.size() > std::numeric_limits<FontId>::max())
    throw std::runtime_error(tr("too many fonts (more than 65536) for {}", path));
  fonts.push_back(std::make_unique<Font>(path));
  return static_cast<FontId>(fonts.size() - 1);
}

std::string find_face(const std::string& family, FaceStyle style) {
  const bool bold = style == FaceStyle::Bold || style == FaceStyle::BoldItalic;
  const bool italic = style == FaceStyle::Italic || style == FaceStyle::BoldItalic;

  const std::lock_guard<std::mutex> lock(fontconfig_mutex());
  use_font_config();
  FcPattern* pat = FcPatternCreate();
  if (!pat) return {};
  FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pat, &result);
  FcPatternDestroy(pat);
  if (!match) return {};

  std::string file;
  // fontconfig always answers with *some* font (DejaVu, or a metric alias such as
  // Liberation Serif for Times New Roman). Accept only the family that was asked for,
  // under any of the names the font gives itself.
  bool family_ok = false;
  FcChar8* name = nullptr;
  for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
    if (FcStrCmpIgnoreCase(name, reinterpret_cast<const FcChar8*>(family.c_str())) == 0) {
      family_ok = true;
      break;
    }
  }
  // Also refuse a face of the wrong style (a family without a bold face answers a bold
  // request with its regular): the document would silently lose its bold.
  int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
  FcPatternGetInteger(match, FC_WEIGHT, 0, &weight);
  FcPatternGetInteger(match, FC_SLANT, 0, &slant);
  const bool style_ok = (weight >= FC_WEIGHT_DEMIBOLD) == bold && (slant != FC_SLANT_ROMAN) == italic;

  FcChar8* path = nullptr;
  if (family_ok && style_ok && FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch)
    file = reinterpret_cast<const char*>(path);
  FcPatternDestroy(match);
  return file;
}

}  // namespace vanban::shape

namespace vanban::shape {

bool add_font_dir(const std::string& dir) {
  // The application font set of the current fontconfig configuration: searched by
  // find_face like the system fonts, without installing anything system-wide.
  const std::lock_guard<std::mutex> lock(fontconfig_mutex());
  use_font_config();
  return FcConfigAppFontAddDir(nullptr, reinterpret_cast<const FcChar8*>(dir.c_str())) == FcTrue;
}

}  // namespace vanban::shape
