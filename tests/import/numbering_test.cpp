// The structure decided from typed numbers, and the warnings that report each repair.
#include <gtest/gtest.h>

#include "pipeline/import/import.hpp"
#include "pipeline/import/text_reader.hpp"

using namespace vanban::importer;

namespace {

struct Imported {
  OutDocument doc;
  std::vector<Finding> findings;
  ParagraphCounts counts;
};

Imported import_text(const std::string& text) {
  Imported r;
  r.doc = recognise(read_text(text, "t.txt"), r.findings, r.counts, false);
  return r;
}

bool has_warning(const Imported& r, int line, const std::string& part) {
  for (const auto& f : r.findings)
    if (f.diagnostic.pos.line == line && f.diagnostic.message.find(part) != std::string::npos) return true;
  return false;
}

const char* kHead = "ĐẢNG ỦY XÃ AN BÌNH\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 3-BC/ĐU\tAn Bình, ngày 5 tháng 3 năm 2025\nBÁO CÁO\nTình hình quý I\n";

}  // namespace

TEST(ImportNumbering, OutOfSequenceNumberIsPlacedByOrderAndReported) {
  const auto r = import_text(std::string(kHead) + "I - KẾT QUẢ\n1. Một\nA.\n2. Hai\nB.\n4. Bốn\nC.\n3. Ba nữa\nD.\n");
  ASSERT_EQ(r.doc.parts.size(), 1u);
  ASSERT_EQ(r.doc.parts[0].sections.size(), 1u);
  const auto& subs = r.doc.parts[0].sections[0].sections;
  ASSERT_EQ(subs.size(), 4u);
  EXPECT_EQ(subs[3].title, "Ba nữa");
  EXPECT_EQ(subs[3].typed, "3.");
  EXPECT_TRUE(has_warning(r, 10, "typed `4.` but it is heading 3"));
  EXPECT_TRUE(has_warning(r, 12, "typed `3.` but it is heading 4"));
  EXPECT_FALSE(has_warning(r, 6, "typed `1.`"));
}

TEST(ImportNumbering, ArabicBeforeRomanBecomeFirstLevel) {
  const auto r = import_text(std::string(kHead) + "1 - Phương hướng\nA.\n2 - Chỉ tiêu\nIII - NHIỆM VỤ\n1 - Chính trị\nB.\n");
  const auto& top = r.doc.parts[0].sections;
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[2].sections.size(), 1u);
  EXPECT_TRUE(has_warning(r, 5, "typed `1 -` taken as a first-level heading"));
  EXPECT_TRUE(has_warning(r, 7, "typed `2 -` taken as a first-level heading"));
}

TEST(ImportNumbering, MixedSeparatorsAreReported) {
  const auto r = import_text(std::string(kHead) + "I - A\n1 - B\nx.\n2 - C\ny.\n3. D\nz.\n");
  EXPECT_TRUE(has_warning(r, 10, "typed `3.` where most level-2 headings are typed with `-`"));
  EXPECT_FALSE(has_warning(r, 6, "where most"));
}

TEST(ImportNumbering, LettersUnderNumbersNest) {
  const auto r = import_text(std::string(kHead) + "I - A\n1 - B\n1.1- C\na)- Khách quan:\n- một\nb)- Chủ quan:\n- hai\n");
  const auto& c = r.doc.parts[0].sections[0].sections[0].sections[0];
  ASSERT_EQ(c.sections.size(), 2u);
  EXPECT_EQ(c.sections[1].title, "Chủ quan:");
  ASSERT_EQ(c.sections[1].body.size(), 1u);
  EXPECT_EQ(c.sections[1].body[0].kind, OutBlock::Kind::list);
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().diagnostic.message;
}

TEST(ImportNumbering, EveryParagraphIsCounted) {
  const auto r = import_text(std::string(kHead) + "I - A\nMột.\n- hai\n- ba\n1 - B\nBốn.\nNơi nhận:\tT/M ĐẢNG ỦY\n- Lưu.\tBÍ THƯ\n\t\t\tNguyễn Văn A\n");
  const auto& c = r.counts;
  EXPECT_EQ(c.read, c.fields + c.style + c.headings + c.text + c.comments);
  EXPECT_EQ(c.headings, 2);
  EXPECT_EQ(c.text, 4);
  EXPECT_EQ(r.doc.authority, "T/M ĐẢNG ỦY");
  EXPECT_EQ(r.doc.signer_title, "BÍ THƯ");
  EXPECT_EQ(r.doc.signer_name, "Nguyễn Văn A");
  ASSERT_EQ(r.doc.recipients.size(), 1u);
  EXPECT_EQ(r.doc.recipients[0], "Lưu");
}
