// A report saved as a .txt in TCVN3, VNI or Windows-1258 is recognised and imported as Unicode.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "pipeline/import/import.hpp"

using namespace vanban::importer;
using vanban::text::Legacy;

TEST(ImportLegacyText, EachEncodingIsGuessedAndConverted) {
  const std::string report =
      "ĐẢNG ỦY XÃ AN BÌNH\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 3-BC/ĐU\tAn Bình, ngày 5 tháng 3 năm 2025\n"
      "BÁO CÁO\nTình hình thực hiện nhiệm vụ quý I\nI - KẾT QUẢ ĐẠT ĐƯỢC\n"
      "Đảng ủy đã lãnh đạo hoàn thành tốt các chỉ tiêu của nghị quyết, đời sống nhân dân được nâng lên.\n";
  const auto path = std::filesystem::temp_directory_path() / "vanban-import-legacy.txt";
  for (const Legacy e : {Legacy::tcvn3, Legacy::vni, Legacy::cp1258}) {
    const auto bytes = vanban::text::utf8_to_legacy(report, e);
    ASSERT_TRUE(bytes);
    std::ofstream(path, std::ios::binary) << *bytes;
    std::vector<std::string> notes;
    const Source src = read_source(path.string(), notes);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_NE(notes[0].find(std::string(vanban::text::legacy_name(e))), std::string::npos) << notes[0];
    std::vector<Finding> findings;
    ParagraphCounts counts;
    const OutDocument doc = recognise(src, findings, counts, false);
    EXPECT_EQ(doc.issuer, "ĐẢNG ỦY XÃ AN BÌNH") << vanban::text::legacy_name(e);
    EXPECT_EQ(doc.code, "BC/ĐU");
    EXPECT_EQ(doc.title, "Tình hình thực hiện nhiệm vụ quý I");
    ASSERT_EQ(doc.parts.size(), 1u);
    ASSERT_EQ(doc.parts[0].sections.size(), 1u);
    EXPECT_EQ(doc.parts[0].sections[0].title, "KẾT QUẢ ĐẠT ĐƯỢC");
  }
  std::filesystem::remove(path);
}
