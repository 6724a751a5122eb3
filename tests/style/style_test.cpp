#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "pipeline/style/style.hpp"
#include "tests/common/temp_dir.hpp"

using namespace vanban;
using namespace vanban::style;

namespace {

const std::string kStyles = std::string(VANBAN_SOURCE_DIR) + "/styles";

Style dang() { return load_style("dang", kStyles, ".", {"document.yaml", 1, 8}); }

/// The dang style with one line replaced, for error tests.
std::string dang_with(const std::string& from, const std::string& to) {
  std::ifstream in(kStyles + "/dang.yaml");
  std::string s((std::istreambuf_iterator<char>(in)), {});
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return s.replace(at, from.size(), to);
}

/// The first diagnostic of loading `text` as a style, which must fail.
Diagnostic load_error(const std::string& text) {
  try {
    // A style file `x.yaml` in a fresh temp folder, removed with `dir`.
    const vanban::testing::TempDir dir("vanban-style");
    dir.write("x.yaml", text);
    load_style("x", dir.str(), ".", {"document.yaml", 1, 8});
  } catch (const Error& e) {
    return e.diagnostics().front();
  }
  ADD_FAILURE() << "no error";
  return {};
}

}  // namespace

TEST(Counter, Formats) {
  EXPECT_EQ(format_counter(Counter::Arabic, 12), "12");
  EXPECT_EQ(format_counter(Counter::Roman, 1), "I");
  EXPECT_EQ(format_counter(Counter::Roman, 4), "IV");
  EXPECT_EQ(format_counter(Counter::Roman, 9), "IX");
  EXPECT_EQ(format_counter(Counter::Roman, 14), "XIV");
  EXPECT_EQ(format_counter(Counter::Roman, 1999), "MCMXCIX");
  // Vietnamese alphabet order: đ comes after d, there is no f, j, w, z.
  EXPECT_EQ(format_counter(Counter::Alpha, 1), "a");
  EXPECT_EQ(format_counter(Counter::Alpha, 5), "đ");
  EXPECT_EQ(format_counter(Counter::Alpha, 7), "g");
  EXPECT_EQ(format_counter(Counter::Alpha, 23), "y");
  EXPECT_EQ(format_counter(Counter::OrdinalWord, 1), "nhất");
  EXPECT_EQ(format_counter(Counter::OrdinalWord, 4), "tư");
  EXPECT_EQ(format_counter(Counter::OrdinalWord, 10), "mười");
}

TEST(HeadingLabel, DangLevelsFromNesting) {
  const Style s = dang();
  ASSERT_EQ(s.levels.size(), 5u);
  EXPECT_EQ(heading_label(s, 0, {1}), "Phần thứ nhất");
  EXPECT_EQ(heading_label(s, 0, {2}), "Phần thứ hai");
  EXPECT_EQ(heading_label(s, 1, {1, 3}), "III-");
  EXPECT_EQ(heading_label(s, 2, {1, 2, 4}), "4-");
  EXPECT_EQ(heading_label(s, 3, {1, 2, 4, 2}), "4.2-");
  EXPECT_EQ(heading_label(s, 4, {1, 2, 4, 2, 2}), "b)");
}

TEST(DangStyle, ConventionNumbers) {
  const Style s = dang();
  EXPECT_EQ(s.page.width, mm(210));
  EXPECT_EQ(s.page.height, mm(297));
  EXPECT_EQ(s.page.top, mm(20));
  EXPECT_EQ(s.page.bottom, mm(20));
  EXPECT_EQ(s.page.left, mm(30));
  EXPECT_EQ(s.page.right, mm(15));
  EXPECT_EQ(s.body.text.size, pt(14));
  EXPECT_GE(s.body.paragraph_space, pt(6));
  EXPECT_EQ(s.page_number.first_page, 2);
  EXPECT_TRUE(s.levels[1].title_style.bold);
  EXPECT_EQ(s.levels[1].title_style.text_case, Case::Upper);
  EXPECT_EQ(s.levels[0].label_style.align, Align::Center);
  EXPECT_EQ(s.header.national.at(0), "ĐẢNG CỘNG SẢN VIỆT NAM");
  EXPECT_EQ(s.header.issuer_mark, "*");
}

TEST(StyleErrors, UnknownStyleNamesTheKnownOnes) {
  try {
    load_style("khong-co", kStyles, ".", {"doc/document.yaml", 1, 8});
    FAIL();
  } catch (const Error& e) {
    const auto& d = e.diagnostics().front();
    EXPECT_EQ(format(d).substr(0, 24), "doc/document.yaml:1:8: e");
    EXPECT_NE(d.message.find("unknown style `khong-co`"), std::string::npos);
    EXPECT_NE(d.hint.find("dang"), std::string::npos);
  }
}

TEST(StyleErrors, UnknownKeyAtItsPlace) {
  const auto d = load_error(dang_with("\nrule-thickness: 0.6pt\n", "\nrule-thicknes: 0.6pt\n"));
  EXPECT_EQ(d.message, "unknown key `rule-thicknes`");
  EXPECT_EQ(d.hint, "did you mean `rule-thickness`?");
  EXPECT_GT(d.pos.line, 80);
  EXPECT_EQ(d.pos.column, 1);
}

TEST(StyleErrors, BadLengthUnit) {
  const auto d = load_error(dang_with("  leading: 18pt", "  leading: 18px"));
  EXPECT_NE(d.message.find("unknown length unit in `18px`"), std::string::npos);
  EXPECT_EQ(d.pos.column, 12);
}

TEST(StyleErrors, MarginsWiderThanThePage) {
  const auto d = load_error(dang_with("left: 30mm", "left: 200mm"));
  EXPECT_NE(d.message.find("margins leave less than 20 mm"), std::string::npos);
}

TEST(StyleErrors, YamlSyntaxErrorAtItsPlaceInCharacters) {
  // "Số" is 2 characters and 3 bytes: the column counts characters.
  const auto d = load_error("name: Số\npage: [210mm, 297mm\nbody: {}\n");
  EXPECT_EQ(d.message, "YAML syntax error: the `[` at line 2, column 7 is not closed");
  EXPECT_EQ(d.pos.line, 3);
  EXPECT_EQ(d.pos.column, 5);
  const auto e = load_error("name: \"Số\nfont: x\n");
  EXPECT_EQ(e.message, "unclosed quote");
  EXPECT_EQ(e.pos.line, 1);
  EXPECT_EQ(e.pos.column, 7);
}

TEST(Case, ApplyCase) {
  EXPECT_EQ(apply_case("Phần thứ nhất", Case::Upper), "PHẦN THỨ NHẤT");
  EXPECT_EQ(apply_case("Phần thứ nhất", Case::AsIs), "Phần thứ nhất");
}

TEST(CopyStamp, DefaultsFromTheMarginsAndKeysFromTheStyle) {
  const Style d = dang();
  EXPECT_EQ(d.copy_stamp.text, "Bản số {number}/{total}");
  EXPECT_EQ(d.copy_stamp.right, d.page.right);
  EXPECT_EQ(d.copy_stamp.baseline, d.page.top / 2);
  const vanban::testing::TempDir dir("vanban-style");
  dir.write("x.yaml", dang_with("\nrule-thickness: 0.6pt\n",
                                "\nrule-thickness: 0.6pt\ncopy-stamp:\n  text: \"Bản {number}\"\n  size: 12pt\n"
                                "  bold: true\n  baseline: 8mm\n  right: 25mm\n"));
  const Style s = load_style("x", dir.str(), ".", {"document.yaml", 1, 8});
  EXPECT_EQ(s.copy_stamp.text, "Bản {number}");
  EXPECT_EQ(s.copy_stamp.delegate, "Đại biểu: {name}");
  EXPECT_EQ(s.copy_stamp.style.size, pt(12));
  EXPECT_TRUE(s.copy_stamp.style.bold);
  EXPECT_EQ(s.copy_stamp.baseline, mm(8));
  EXPECT_EQ(s.copy_stamp.right, mm(25));
}

TEST(CopyStamp, OffThePageOrAnUnknownKeyIsAnError) {
  const auto off = load_error(dang_with("\nrule-thickness: 0.6pt\n", "\nrule-thickness: 0.6pt\ncopy-stamp:\n  baseline: 400mm\n"));
  EXPECT_NE(off.message.find("copy stamp must have a positive size and lie on the page"), std::string::npos) << off.message;
  const auto key = load_error(dang_with("\nrule-thickness: 0.6pt\n", "\nrule-thickness: 0.6pt\ncopy-stamp:\n  txt: x\n"));
  EXPECT_EQ(key.message, "unknown key `txt`");
}

TEST(Marks, NumberedAndPlainMarksAreFoundWithTheirStampAndOrder) {
  const Style s = dang();
  const auto draft = find_mark(s, "du-thao-lan-2");
  ASSERT_TRUE(draft.has_value());
  EXPECT_EQ(draft->name, "du-thao-lan");
  EXPECT_EQ(mark_text(*draft), "Dự thảo lần 2");
  EXPECT_FALSE(find_mark(s, "du-thao-lan-0").has_value());     // drafts count from 1
  EXPECT_FALSE(find_mark(s, "du-thao-lan-1000").has_value());  // at most three digits
  EXPECT_FALSE(find_mark(s, "khan-2").has_value());            // KHẨN has no {n}
  const auto khan = find_mark(s, "khan");
  const auto mat = find_mark(s, "mat");
  ASSERT_TRUE(khan && mat);
  EXPECT_EQ(khan->mark.width, mm(20));
  EXPECT_EQ(khan->mark.height, mm(8));
  EXPECT_EQ(khan->mark.color, (Rgb{255, 0, 0}));
  EXPECT_EQ(khan->mark.group, "urgency");
  EXPECT_LT(mat->mark.order, khan->mark.order);  // MẬT (10a) stacks above KHẨN (10b)
}
