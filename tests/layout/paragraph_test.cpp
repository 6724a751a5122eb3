// Paragraph setting with real fonts (Liberation Serif from fonts-liberation2): break
// rules, measure, justification, coverage errors.
#include <gtest/gtest.h>

#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/paragraph.hpp"
#include "pipeline/text/unicode.hpp"

using namespace vanban;
using namespace vanban::layout;

namespace {

struct Fixture : ::testing::Test {
  shape::FontSet fonts;
  shape::Shaper shaper{fonts};
  shape::FontId regular = fonts.add(shape::find_face("Liberation Serif", shape::FaceStyle::Regular));

  SetParagraph set(const std::string& text, Sp measure, style::Align align = style::Align::Justify) {
    ParagraphShape ps;
    ps.measure = measure;
    ps.indent = mm(10);
    ps.align = align;
    ps.tolerance = 1.0;
    return set_paragraph({{text, regular, pt(14)}}, ps, shaper, {"t.yaml", 3, 5});
  }

  /// Right end of a set line's last glyph (advance included).
  Sp line_end(const SetLine& l) {
    const TextRun& r = l.runs.back();
    const auto& f = fonts[r.font];
    return r.x + r.glyphs.back().x + f.advance(r.glyphs.back().gid) * r.size / f.upem();
  }
};

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_F(Fixture, NoLineStartsWithClosingPunctuation) {
  const std::string text =
      repeat("công tác : chính trị ; tư tưởng , đạo đức . lối sống … tổ chức ) cán bộ ” đạt 100 % các ", 12);
  for (double w = 60; w <= 160; w += 7) {
    const SetParagraph p = set(text, mm(w));
    ASSERT_GT(p.lines.size(), 2u);
    for (const auto& l : p.lines) {
      const char32_t first = text::decode(l.text).at(0);
      EXPECT_EQ(std::u32string(U":;,.…)”%").find(first), std::u32string::npos) << "measure " << w << ": " << l.text;
    }
  }
}

TEST_F(Fixture, NeverBreaksAtNoBreakSpace) {
  const std::string text = repeat("Số\u00A012 và ", 40);
  for (double w = 50; w <= 150; w += 9) {
    for (const auto& l : set(text, mm(w)).lines) {
      EXPECT_FALSE(l.text.ends_with("Số")) << l.text;
      EXPECT_FALSE(l.text.starts_with("12")) << l.text;
    }
  }
}

TEST_F(Fixture, BreaksAfterHyphensDashesAndSlashes) {
  // Long compounds without spaces: only the hyphen, en dash or slash lets them break.
  const std::string text = repeat("kinh-tế-xã-hội-quốc-phòng-an-ninh văn–hóa–giáo–dục số/BC/UBND/VP/TU ", 6);
  bool broke_inside = false;
  for (double w = 40; w <= 120; w += 11) {
    const SetParagraph p = set(text, mm(w));
    EXPECT_FALSE(p.overfull);
    for (const auto& l : p.lines) {
      broke_inside = broke_inside || l.text.ends_with("-") || l.text.ends_with("–") || l.text.ends_with("/");
      EXPECT_LE(line_end(l), mm(w)) << l.text;
    }
  }
  EXPECT_TRUE(broke_inside);
}

TEST_F(Fixture, JustifiedLinesFillTheMeasureExactly) {
  const std::string text = repeat("Đảng bộ xác định giáo dục chính trị, lãnh đạo tư tưởng là nhiệm vụ thường xuyên. ", 8);
  const Sp measure = mm(165);
  const SetParagraph p = set(text, measure);
  ASSERT_GT(p.lines.size(), 3u);
  EXPECT_FALSE(p.emergency);
  for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
    EXPECT_NEAR(to_pt(line_end(p.lines[i])), to_pt(measure), 0.01) << p.lines[i].text;
    EXPECT_GE(p.lines[i].ratio, -1.0);
    EXPECT_LE(p.lines[i].ratio, 1.0);
  }
  EXPECT_LT(line_end(p.lines.back()), measure);                 // ragged last line
  EXPECT_EQ(p.lines.front().runs.front().x, mm(10));             // first-line indent
  EXPECT_EQ(p.lines[1].runs.front().x, 0);
}

TEST_F(Fixture, WordLongerThanTheMeasureIsCutAndReported) {
  const std::string text = "Ngắn " + repeat("dài", 60) + " cuối.";
  const Sp measure = mm(80);
  const SetParagraph p = set(text, measure);
  EXPECT_TRUE(p.overfull);
  for (const auto& l : p.lines) EXPECT_LE(line_end(l), measure) << l.text;
}

TEST_F(Fixture, CentredLinesAreBalanced) {
  const SetParagraph p = set("KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ LẦN THỨ XVI NHIỆM KỲ", mm(120),
                             style::Align::Center);
  ASSERT_EQ(p.lines.size(), 2u);
  // Balanced: the two lines differ by less than a third of the measure, and each is centred.
  EXPECT_LT(std::abs(p.lines[0].natural - p.lines[1].natural), mm(40));
  for (const auto& l : p.lines) EXPECT_NEAR(to_pt(l.runs.front().x), to_pt((mm(120) - l.natural) / 2), 0.01);
}

TEST_F(Fixture, MissingGlyphNamesCharacterFontAndPlace) {
  try {
    set("Việt Nam 中", mm(100));
    FAIL() << "no error";
  } catch (const Error& e) {
    const std::string msg = format(e.diagnostics().front());
    EXPECT_NE(msg.find("t.yaml:3:5: error: character U+4E2D"), std::string::npos) << msg;
    EXPECT_NE(msg.find("LiberationSerif"), std::string::npos) << msg;
  }
}
