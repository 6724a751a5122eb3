// Typed part markers, section numbers and bullets as the political report's source types them.
#include <gtest/gtest.h>

#include "pipeline/import/classify.hpp"

using namespace vanban::importer;

TEST(ImportClassify, RomanArabicAndLetterNumbers) {
  auto m = section_mark("III - NHỮNG HẠN CHẾ, YẾU KÉM");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NumberKind::roman);
  EXPECT_EQ(m->values, std::vector<int>{3});
  EXPECT_EQ(m->label, "III -");
  EXPECT_EQ(m->rest, "NHỮNG HẠN CHẾ, YẾU KÉM");
  EXPECT_EQ(m->natural_level(), 1);

  m = section_mark("4.1 - Việc xây dựng");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->values, (std::vector<int>{4, 1}));
  EXPECT_EQ(m->separator, "-");
  EXPECT_EQ(m->natural_level(), 3);

  m = section_mark("2.  Lãnh đạo công tác chính trị");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->separator, ".");
  EXPECT_EQ(m->rest, "Lãnh đạo công tác chính trị");

  m = section_mark("a)- Khách quan:");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NumberKind::letter);
  EXPECT_EQ(m->separator, ")-");
  EXPECT_EQ(m->natural_level(), 4);
  m = section_mark("đ) Thứ năm");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->values, std::vector<int>{5});
}

TEST(ImportClassify, NumbersInProseAreNotHeadings) {
  EXPECT_FALSE(section_mark("1.250 tỷ đồng, tăng 8,5%"));
  EXPECT_FALSE(section_mark("2,3,4,5 theo quy định"));
  EXPECT_FALSE(section_mark("2024 - năm bản lề"));
  EXPECT_FALSE(section_mark("100% hồ sơ"));
  EXPECT_FALSE(section_mark("1-2 năm"));
  EXPECT_FALSE(section_mark("Về chuyên môn: Thực hiện tốt"));
  EXPECT_FALSE(section_mark("IIII - not a numeral"));
}

TEST(ImportClassify, PartMarkers) {
  auto p = part_mark("Phần thứ nhất");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->number, 1);
  EXPECT_EQ(p->rest, "");
  p = part_mark("PHẦN THỨ HAI");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->number, 2);
  p = part_mark("PHẦN II: PHƯƠNG HƯỚNG");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->number, 2);
  EXPECT_EQ(p->rest, "PHƯƠNG HƯỚNG");
  EXPECT_FALSE(part_mark("Phần lớn đảng viên đều tham gia"));
}

TEST(ImportClassify, Bullets) {
  auto b = bullet_mark("- Về tác phong");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->marker, "-");
  EXPECT_EQ(b->rest, "Về tác phong");
  b = bullet_mark("· Tốc độ tăng trưởng");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->marker, "•");
  EXPECT_FALSE(bullet_mark("-BC/ĐU"));
  EXPECT_FALSE(bullet_mark("Đảng ủy"));
}

TEST(ImportClassify, DropPrefixKeepsMarkupBalanced) {
  EXPECT_EQ(drop_prefix("**- Về nhận thức:** Đa số", "- Về nhận thức: Đa số", 2), "**Về nhận thức:** Đa số");
  EXPECT_EQ(drop_prefix("**1.** Lãnh đạo", "1. Lãnh đạo", 3), "Lãnh đạo");
  EXPECT_EQ(drop_prefix("- a \\* b", "- a * b", 2), "a \\* b");
}

TEST(ImportClassify, RomanAndLetterValues) {
  EXPECT_EQ(roman_value("XIV"), 14);
  EXPECT_EQ(roman_value("VX"), 0);
  EXPECT_EQ(letter_value("e"), 6);
  EXPECT_EQ(letter_value("f"), 0);
}
