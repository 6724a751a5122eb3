#include "pipeline/pdf/pdfa.hpp"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"
#include "pipeline/pdf/xmp.hpp"

namespace vanban::pdf {

std::optional<int> parse_pdfa_level(std::string_view level) {
  if (level.size() != 2 || std::tolower(static_cast<unsigned char>(level[1])) != 'b') return std::nullopt;
  if (level[0] < '1' || level[0] > '3') return std::nullopt;
  return level[0] - '0';
}

std::string srgb_profile_path() {
  if (const char* env = std::getenv("VANBAN_SRGB_PROFILE"); env && *env) return env;
  return "/usr/share/color/icc/sRGB.icc";
}

PdfaObjects add_pdfa_objects(PdfFile& file, const Metadata& meta) {
  const std::string path = srgb_profile_path();
  std::ifstream in(path, std::ios::binary);
  const std::string icc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // An ICC profile starts with its size (big-endian) and has "acsp" at byte 36.
  if (!in || icc.size() < 128 || icc.compare(36, 4, "acsp") != 0)
    throw std::runtime_error(tr(
        "PDF/A needs the sRGB colour profile {} (Debian package icc-profiles-free; VANBAN_SRGB_PROFILE names another)",
        path));
  const ObjNum metadata = file.reserve(), profile = file.reserve(), intent = file.reserve();
  const std::string xmp = xmp_packet(meta, meta.pdfa_part);
  file.write_stream(metadata, Dict().name("Type", "Metadata").name("Subtype", "XML").entries(), xmp);
  file.write_stream(profile, Dict().integer("N", 3).entries(), icc);
  file.write_object(intent, Dict()
                                .name("Type", "OutputIntent")
                                .name("S", "GTS_PDFA1")  // (the same subtype for every part)
                                .literal("OutputConditionIdentifier", "sRGB IEC61966-2.1")
                                .literal("Info", "sRGB IEC61966-2.1")
                                .ref("DestOutputProfile", profile)
                                .str());
  return {metadata, intent};
}

std::string cid_set(std::size_t glyphs) {
  std::string bits((glyphs + 7) / 8, '\xFF');
  if (glyphs % 8 != 0) bits.back() = static_cast<char>(0xFF << (8 - glyphs % 8));
  return bits;
}

}  // namespace vanban::pdf
