// Paragraph setting with real fonts (Liberation Serif from fonts-liberation2): break
// rules, measure, justification, coverage errors.
#include <gtest/gtest.h>

#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/paragraph.hpp"
#include "pipeline/text/unicode.hpp"

#include <sstream>
#include <stdexcept>

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

namespace {

/// Everything a set paragraph draws, as text, for comparing two settings.
std::string describe(const SetParagraph& p) {
  std::string out = p.emergency ? "emergency\n" : "";
  if (p.overfull) out += "overfull\n";
  for (const auto& l : p.lines) {
    out += l.text + " | " + std::to_string(l.ratio) + " " + std::to_string(l.natural) + "\n";
    for (const auto& r : l.runs) {
      out += "  " + std::to_string(r.font) + " " + std::to_string(r.size) + " " + std::to_string(r.x) + " " + r.text + ":";
      for (const auto& g : r.glyphs)
        out += " " + std::to_string(g.gid) + "@" + std::to_string(g.x) + "," + std::to_string(g.y);
      out += "\n";
    }
  }
  return out;
}

}  // namespace

TEST_F(Fixture, WordsShapedTogetherSetLikeWordsShapedAlone) {
  // A paragraph's new words are shaped in joint HarfBuzz runs (Shaper::shape_all). Set once
  // with a Shaper that has shaped every word alone beforehand (so the paragraph only looks
  // them up), and once with a fresh one: everything drawn must be the same. Capitals that
  // kern with a following space (V, W, Y, T, “) and a word split across fonts are included.
  const shape::FontId bold = fonts.add(shape::find_face("Liberation Serif", shape::FaceStyle::Bold));
  const std::vector<StyledText> parts = {
      {"Đảng bộ xã AV lãnh đạo thực hiện thắng lợi Nghị quyết Đại hội lần thứ XV", regular, pt(14)},
      {"I, nhiệm kỳ 2020 – 2025; TỔNG KẾT “VĂN KIỆN” WTO YÊN TÂY, ", bold, pt(14)},
      {"đạt và vượt 18 trên 20 chỉ tiêu (90%). Y tế, văn hóa, xã hội có nhiều tiến bộ; quốc phòng – an ninh "
       "được giữ vững. Tổ chức cơ sở đảng được củng cố, kiện toàn; đội ngũ cán bộ, đảng viên …………………… "
       "T. V. W. Y. “Lão” ‘Tí’ AT&T ĐẠI HỘI ĐẠI BIỂU lần thứ XVI.",
       regular, pt(13)},
  };
  ParagraphShape ps;
  ps.measure = mm(120);
  ps.indent = mm(10);
  ps.tolerance = 1.0;
  for (const auto align : {style::Align::Justify, style::Align::Left, style::Align::Center}) {
    ps.align = align;
    shape::Shaper alone(fonts);
    for (const auto& part : parts) {
      alone.shape(part.font, " ");  // (for the width of the spaces)
      std::istringstream words(part.text);
      for (std::string w; words >> w;) alone.shape(part.font, w);
    }
    const std::size_t known = alone.cache_size();
    const std::string want = describe(set_paragraph(parts, ps, alone, {"t.yaml", 1, 1}));
    EXPECT_EQ(alone.cache_size(), known) << "the paragraph had a word not shaped alone beforehand";
    shape::Shaper together(fonts);
    EXPECT_EQ(describe(set_paragraph(parts, ps, together, {"t.yaml", 1, 1})), want);
  }
}

TEST_F(Fixture, IllFormedUtf8IsReportedLikeTextDecode) {
  // check_coverage decodes UTF-8 in place: it must refuse exactly what text::decode refuses
  // (overlong forms, surrogates, code points past U+10FFFF, truncated sequences), with the
  // same exception, and accept the rest.
  const std::vector<int> next = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF};
  std::vector<std::string> cases;
  for (int a = 0; a < 256; ++a) {
    cases.push_back(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) cases.push_back({static_cast<char>(a), static_cast<char>(b)});
    if (a < 0xE0) continue;
    for (int b : next)
      for (int c : next) {
        cases.push_back({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        if (a < 0xF0) continue;
        for (int d : next)
          cases.push_back({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)});
      }
  }
  int invalid = 0;
  for (const auto& bytes : cases) {
    for (const std::string& text : {bytes, "a" + bytes + "b"}) {
      bool want_invalid = false;
      try {
        text::decode(text);
      } catch (const std::invalid_argument&) {
        want_invalid = true;
      }
      bool got_invalid = false;
      try {
        check_coverage({{text, regular, pt(14)}}, shaper, {"t.yaml", 1, 1});
      } catch (const std::invalid_argument&) {
        got_invalid = true;
      } catch (const Error&) {  // a control character or one the font lacks: decoded fine
      }
      ASSERT_EQ(got_invalid, want_invalid) << testing::PrintToString(text);
      invalid += want_invalid;
    }
  }
  EXPECT_GT(invalid, 1000);
}

TEST_F(Fixture, IllFormedUtf8ComesBeforeAMissingCharacter) {
  // As when every part was decoded before the check: ill-formed text in a later part is
  // reported rather than a missing character in an earlier one.
  EXPECT_THROW(check_coverage({{"中", regular, pt(14)}, {"a\xC3", regular, pt(14)}}, shaper, {"t.yaml", 1, 1}),
               std::invalid_argument);
  EXPECT_THROW(check_coverage({{"\x01", regular, pt(14)}, {"\xED\xA0\x80", regular, pt(14)}}, shaper, {"t.yaml", 1, 1}),
               std::invalid_argument);
  EXPECT_THROW(check_coverage({{"中", regular, pt(14)}, {"ok", regular, pt(14)}}, shaper, {"t.yaml", 1, 1}), Error);
}

TEST_F(Fixture, MarksPiledAcrossPartsAreRefusedBeforeShaping) {
  // Each part within the cap, together past it (text put together from several fields):
  // an error at the paragraph's place, not minutes of shaping.
  std::string marks;
  for (int i = 0; i < 20; ++i) marks += "\u0301";
  try {
    check_coverage({{"a" + marks, regular, pt(14)}, {marks + "b", regular, pt(14)}}, shaper, {"t.yaml", 4, 2});
    FAIL() << "64 marks on one letter passed";
  } catch (const Error& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_NE(e.diagnostics()[0].message.find("combining marks on one letter"), std::string::npos) << e.what();
    EXPECT_EQ(e.diagnostics()[0].pos.line, 4);
  }
  EXPECT_NO_THROW(check_coverage({{"a" + marks, regular, pt(14)}, {"b" + marks, regular, pt(14)}}, shaper, {"t.yaml", 4, 2}));
}

TEST_F(Fixture, EveryAsciiCharacterJudgedLikeTheFont) {
  // check_coverage passes bytes it already knows without decoding them: each character must
  // still be judged as the rules say, before and after the cache knows it.
  std::string printable;
  for (char c = 0x20; c < 0x7F; ++c) printable += c;
  for (int pass = 0; pass < 2; ++pass) {
    EXPECT_NO_THROW(check_coverage({{printable + "\t\n\r\u00A0", regular, pt(14)}}, shaper, {"t.yaml", 1, 1}));
    for (int c = 0; c < 0xA0; ++c) {
      if (c >= 0x20 && c < 0x7F) continue;
      if (c == '\t' || c == '\n' || c == '\r') continue;
      std::string control;
      text::append_utf8(control, static_cast<char32_t>(c));
      try {
        check_coverage({{printable + control, regular, pt(14)}}, shaper, {"t.yaml", 1, 1});
        ADD_FAILURE() << "no error for U+" << c;
      } catch (const Error& e) {
        EXPECT_NE(e.diagnostics().front().message.find("control character"), std::string::npos) << c;
      }
    }
  }
}

TEST_F(Fixture, SoftHyphenBreaksWithAHyphenOnlyWhenTaken) {
  // Long words with soft hyphens (U+00AD) and no spaces between their syllables: the only
  // breaks inside them are the soft hyphens, and a line broken there ends with "-".
  const std::string word = "chuyên\u00ADnghiệp\u00ADhóa\u00ADhiện\u00ADđại\u00ADhóa";
  const std::string text = repeat(word + " ", 12);
  bool broke_at_soft_hyphen = false;
  for (double w = 45; w <= 120; w += 8) {
    const SetParagraph p = set(text, mm(w));
    EXPECT_FALSE(p.overfull);
    for (std::size_t k = 0; k < p.lines.size(); ++k) {
      const SetLine& l = p.lines[k];
      EXPECT_EQ(l.text.find("\u00AD"), std::string::npos) << "a soft hyphen is never drawn: " << l.text;
      EXPECT_LE(line_end(l), mm(w)) << l.text;
      if (l.text.ends_with("-")) {
        broke_at_soft_hyphen = true;
        ASSERT_LT(k + 1, p.lines.size());
        EXPECT_FALSE(p.lines[k + 1].text.starts_with("chuyên")) << "the word continues: " << p.lines[k + 1].text;
      }
    }
  }
  EXPECT_TRUE(broke_at_soft_hyphen);
  // Unbroken, the word reads whole: no hyphen, no soft hyphen.
  const SetParagraph wide = set(word, mm(300));
  ASSERT_EQ(wide.lines.size(), 1u);
  EXPECT_EQ(wide.lines[0].text, "chuyênnghiệphóahiệnđạihóa");
}

TEST_F(Fixture, LineSeparatorEndsTheLine) {
  // U+2028 breaks the line there, however much room is left, and the line before it is
  // not stretched to the measure.
  const SetParagraph p = set("Kính gửi:\u2028Ban Thường vụ Huyện ủy\u2028Ban Tổ chức", mm(150));
  ASSERT_EQ(p.lines.size(), 3u);
  EXPECT_EQ(p.lines[0].text, "Kính gửi:");
  EXPECT_EQ(p.lines[1].text, "Ban Thường vụ Huyện ủy");
  EXPECT_EQ(p.lines[2].text, "Ban Tổ chức");
  EXPECT_LT(line_end(p.lines[0]), mm(100));
}
