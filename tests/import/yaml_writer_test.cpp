// The YAML the importer writes: plain where YAML allows, quoted where it must, wrapped.
#include <gtest/gtest.h>

#include "pipeline/import/yaml_writer.hpp"

using namespace vanban::importer;

TEST(ImportYaml, PlainUnlessYamlWouldMisreadIt) {
  EXPECT_EQ(yaml_scalar("Đặc điểm tình hình", 9, 4), "Đặc điểm tình hình");
  EXPECT_EQ(yaml_scalar("Công đoàn cơ sở: Chỉ đạo", 2, 2), "\"Công đoàn cơ sở: Chỉ đạo\"");
  EXPECT_EQ(yaml_scalar("Kết quả:", 2, 2), "\"Kết quả:\"");
  EXPECT_EQ(yaml_scalar("2", 2, 2), "\"2\"");
  EXPECT_EQ(yaml_scalar("no", 2, 2), "\"no\"");
  EXPECT_EQ(yaml_scalar("**Đạt**", 2, 2), "\"**Đạt**\"");
  EXPECT_EQ(yaml_scalar("- gạch", 2, 2), "\"- gạch\"");
  EXPECT_EQ(yaml_scalar("a \\* b \"c\"", 2, 2), "\"a \\\\* b \\\"c\\\"\"");
  EXPECT_EQ(yaml_scalar("…", 2, 2), "…");
}

TEST(ImportYaml, LongTextWrapsAtSpacesWithinTheWidth) {
  std::string text;
  for (int k = 0; k < 40; ++k) text += "đảng viên ";
  text += "-cuối #thẻ";
  const std::string out = yaml_scalar(text, 6, 8);
  std::size_t start = 0, lines = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(start, end - start);
    std::size_t chars = 0;
    for (const char c : line) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    EXPECT_LE(chars + (lines == 0 ? 6 : 0), static_cast<std::size_t>(kWrapWidth)) << line;
    if (lines > 0) {
      EXPECT_EQ(line.substr(0, 8), std::string(8, ' '));
      EXPECT_NE(line[8], '-');  // a continuation line never starts with YAML syntax
      EXPECT_NE(line[8], '#');
    }
    ++lines;
    start = end + 1;
  }
  EXPECT_GT(lines, 3u);
}
