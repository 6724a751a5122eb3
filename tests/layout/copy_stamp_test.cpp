// Numbered copies' stamps: the wording filled from the style, the runs placed at the top
// right of the page in the style's family; a character the font lacks is a located error.
#include <gtest/gtest.h>

#include "pipeline/layout/copy_stamp.hpp"
#include "pipeline/layout/paragraph.hpp"

using namespace vanban;
using namespace vanban::layout;

namespace {

struct Stamps : ::testing::Test {
  style::Style st = style::load_style("dang", std::string(VANBAN_SOURCE_DIR) + "/styles", ".", {});
  shape::FontSet fonts;
  shape::Shaper shaper{fonts};
  shape::Family family = shape::load_family(st.family, st.fallback_families, fonts, {});
};

}  // namespace

TEST_F(Stamps, NumbersZeroPaddedToTheDigitsOfTheTotal) {
  const auto texts = copy_stamp_texts(st.copy_stamp, 300);
  ASSERT_EQ(texts.size(), 300u);
  EXPECT_EQ(texts[0], "Bản số 001/300");
  EXPECT_EQ(texts[41], "Bản số 042/300");
  EXPECT_EQ(texts[299], "Bản số 300/300");
  EXPECT_EQ(copy_stamp_texts(st.copy_stamp, 9)[8], "Bản số 9/9");
}

TEST_F(Stamps, NamesFillTheDelegateWordingAndTheStyleCanChangeIt) {
  style::CopyStamp s = st.copy_stamp;
  EXPECT_EQ(copy_stamp_texts(s, 2, {"Nguyễn Văn An", "Trần Thị Bình"})[1], "Đại biểu: Trần Thị Bình");
  s.delegate = "{number}. {name}";
  s.text = "Bản {number} trong {total}";
  EXPECT_EQ(copy_stamp_texts(s, 12, {})[2], "Bản 03 trong 12");
  std::vector<std::string> names(12, "X");
  EXPECT_EQ(copy_stamp_texts(s, 12, names)[10], "11. X");
}

TEST_F(Stamps, EndAtTheRightMarginOnTheStampBaseline) {
  const auto texts = copy_stamp_texts(st.copy_stamp, 2);
  const auto runs = copy_stamp_runs(texts, {}, st.copy_stamp, st.page.width, family, shaper);
  ASSERT_EQ(runs.size(), 2u);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    Sp width = 0;
    set_run({texts[i], runs[i].font, runs[i].size, false}, shaper, width);
    EXPECT_EQ(runs[i].x + width, st.page.width - st.page.right);  // the style's default: the right margin
    EXPECT_EQ(runs[i].y, st.page.top / 2);                          // half the top margin
    EXPECT_EQ(runs[i].size, st.body.text.size);
    EXPECT_FALSE(runs[i].glyphs.empty());
  }
}

TEST_F(Stamps, AMissingCharacterIsAnErrorAtTheName) {
  const SourcePos at{"dai-bieu.yaml", 3, 3};
  try {
    copy_stamp_runs({"Đại biểu: \U0001F600"}, {at}, st.copy_stamp, st.page.width, family, shaper);
    FAIL() << "no error";
  } catch (const Error& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    EXPECT_EQ(e.diagnostics()[0].pos.file, "dai-bieu.yaml");
    EXPECT_EQ(e.diagnostics()[0].pos.line, 3);
  }
}
