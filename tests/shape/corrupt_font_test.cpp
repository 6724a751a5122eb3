// Damaged font files: every one is refused with a message or, when HarfBuzz can still read
// it, shapes without crashing. The catalogue case tests/bad/corrupt-font checks the same
// through fontconfig and the CLI.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "pipeline/shape/font.hpp"
#include "pipeline/shape/shaper.hpp"

using namespace vanban::shape;
namespace fs = std::filesystem;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Offset of a table in an sfnt file, or 0.
std::size_t table_offset(const std::string& font, const char* tag) {
  const auto u16 = [&](std::size_t at) {
    return static_cast<std::size_t>(static_cast<unsigned char>(font[at]) << 8 | static_cast<unsigned char>(font[at + 1]));
  };
  const auto u32 = [&](std::size_t at) { return u16(at) << 16 | u16(at + 2); };
  for (std::size_t i = 0, n = u16(4); i < n; ++i)
    if (font.compare(12 + 16 * i, 4, tag) == 0) return u32(12 + 16 * i + 8);
  return 0;
}

class CorruptFont : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("vanban-corrupt-font-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    good_ = read(find_face("Liberation Serif", FaceStyle::Regular));
    ASSERT_GT(good_.size(), 1000u) << "Liberation Serif is not installed (fonts-liberation2)";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    const auto p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

  /// The message of the std::runtime_error Font's constructor throws, or "" when it opens.
  static std::string open_error(const std::string& path) {
    try {
      Font f(path);
      return "";
    } catch (const std::runtime_error& e) {
      return e.what();
    }
  }

  /// Opening succeeded: coverage and shaping must still work on whatever HarfBuzz reads.
  static void shape_something(const std::string& path) {
    FontSet fonts;
    const FontId id = fonts.add(path);
    Shaper shaper(fonts);
    const auto& s = shaper.shape(id, "Đảng bộ xác định");
    EXPECT_GE(s.advance, 0);
    (void)fonts[id].covers(U'Đ');
  }

  fs::path dir_;
  std::string good_;
};

TEST_F(CorruptFont, MissingFileIsRefused) {
  EXPECT_NE(open_error((dir_ / "khong-co.ttf").string()).find("cannot open font file"), std::string::npos);
}

TEST_F(CorruptFont, EmptyFileIsRefused) {
  EXPECT_NE(open_error(write("rong.ttf", "")), "");
}

TEST_F(CorruptFont, TextFileIsRefused) {
  EXPECT_NE(open_error(write("chu.ttf", "đây không phải là phông chữ\n")).find("not a font file"), std::string::npos);
}

TEST_F(CorruptFont, NoGlyphsIsRefused) {
  std::string f = good_;
  const std::size_t maxp = table_offset(f, "maxp");
  ASSERT_GT(maxp, 0u);
  f[maxp + 4] = f[maxp + 5] = '\0';  // numGlyphs = 0
  EXPECT_NE(open_error(write("khong-glyph.ttf", f)).find("no glyphs"), std::string::npos);
}

TEST_F(CorruptFont, TruncatedFileIsRefusedOrShapes) {
  for (const std::size_t size : {std::size_t{12}, std::size_t{300}, std::size_t{4096}, good_.size() / 2}) {
    SCOPED_TRACE(size);
    const std::string path = write("cut-" + std::to_string(size) + ".ttf", good_.substr(0, size));
    if (open_error(path).empty()) shape_something(path);
  }
}

TEST_F(CorruptFont, DamagedTablesShapeWithoutCrashing) {
  for (const char* tag : {"cmap", "hmtx", "glyf", "GSUB", "GPOS", "name", "OS/2", "hhea"}) {
    SCOPED_TRACE(tag);
    std::string f = good_;
    const std::size_t at = table_offset(f, tag);
    if (at == 0) continue;
    // Overwrite the table's first 64 bytes with a pattern that breaks every count and offset.
    for (std::size_t i = 0; i < 64 && at + i < f.size(); ++i) f[at + i] = static_cast<char>(0xFF - i);
    const std::string path = write(std::string("hong-") + (tag[0] == 'O' ? "os2" : tag) + ".ttf", f);
    if (open_error(path).empty()) shape_something(path);
  }
}

}  // namespace
