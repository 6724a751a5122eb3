// build_flow's deferred paragraphs: errors and warnings come out as if every paragraph had
// been set when the walk through the document reached it. (Documents are made as content,
// then resolved: the texts and places are easier to write so.)
#include <gtest/gtest.h>

#include <string>

#include "pipeline/layout/flow.hpp"
#include "pipeline/resolve/resolve.hpp"
#include "pipeline/shape/family.hpp"

using namespace vanban;
using namespace vanban::layout;

namespace {

content::Text text(const std::string& s, int line) {
  content::Text t;
  t.spans.push_back({s, false, false});
  t.pos = {"phan-1.yaml", line, 5};
  return t;
}

content::Block paragraph(const std::string& s, int line) {
  content::Block b;
  b.kind = content::Block::Kind::Paragraph;
  b.text = text(s, line);
  b.pos = b.text.pos;
  return b;
}

/// A table whose columns (2 × 400 mm) are wider than the text: an error as soon as the walk
/// reaches it (tables are set at once, not deferred).
content::Block too_wide_table(int line) {
  content::Block b;
  b.kind = content::Block::Kind::Table;
  b.pos = {"phan-1.yaml", line, 5};
  b.table.columns = {text("A", line), text("B", line)};
  b.table.widths = {{400, "mm", {}}, {400, "mm", {}}};
  return b;
}

/// A table row with a word too long for its column: a warning given as soon as the walk
/// reaches it.
content::Block narrow_table(int line) {
  content::Block b;
  b.kind = content::Block::Kind::Table;
  b.pos = {"phan-1.yaml", line, 5};
  b.table.rows = {{text(std::string(80, 'M'), line), text("b", line)}};
  b.table.widths = {{20, "mm", {}}, {1, "", {}}};
  return b;
}

struct FlowOrder : ::testing::Test {
  style::Style st = style::load_style("dang", std::string(VANBAN_SOURCE_DIR) + "/styles", ".", {});
  shape::FontSet fonts;
  shape::Shaper shaper{fonts};
  shape::Family family = shape::load_family(st.family, st.fallback_families, fonts, {});
  content::Document doc;
  Diagnostics diags;

  FlowOrder() {
    doc.header.issuer = "ĐẢNG BỘ XÃ AN BÌNH";
    doc.title = text("BÁO CÁO", 1);
    doc.parts.emplace_back();
  }

  /// The error build_flow reports (first line), or "" when it builds.
  std::string error() {
    try {
      build_flow(resolve::resolve_document(doc, st), family, shaper, diags);
    } catch (const Error& e) {
      return format(e.diagnostics().front());
    }
    return "";
  }
};

}  // namespace

TEST_F(FlowOrder, MissingCharacterBeforeALaterErrorIsReported) {
  auto& body = doc.parts[0].body;
  body.push_back(paragraph("Một đoạn văn.", 2));
  body.push_back(paragraph("Đoạn có chữ 中 lạ.", 3));
  body.push_back(too_wide_table(4));
  body.push_back(paragraph("Đoạn có chữ 日 lạ.", 5));
  EXPECT_NE(error().find("phan-1.yaml:3:5: error: character U+4E2D"), std::string::npos);
}

TEST_F(FlowOrder, LaterErrorBeforeAMissingCharacterIsReported) {
  auto& body = doc.parts[0].body;
  body.push_back(paragraph("Một đoạn văn.", 2));
  body.push_back(too_wide_table(3));
  body.push_back(paragraph("Đoạn có chữ 中 lạ.", 4));
  EXPECT_NE(error().find("phan-1.yaml:3:5: error: the table is wider than the text"), std::string::npos);
}

TEST_F(FlowOrder, FirstOfSeveralMissingCharactersIsReported) {
  auto& body = doc.parts[0].body;
  const std::string long_text =
      "Đoạn văn bình thường, đủ dài để chia việc cho nhiều luồng; Đảng bộ lãnh đạo thực hiện thắng lợi các chỉ tiêu.";
  for (int i = 0; i < 300; ++i) body.push_back(paragraph(long_text, 10 + i));  // text enough for several threads
  body.push_back(paragraph("Đoạn có chữ 中 lạ.", 400));
  for (int i = 0; i < 300; ++i) body.push_back(paragraph("Đoạn có chữ 日 lạ.", 500 + i));
  content::Section s;
  s.title = text("Mục 中", 900);
  doc.parts[0].sections.push_back(s);
  EXPECT_NE(error().find("phan-1.yaml:400:5: error: character U+4E2D"), std::string::npos);
}

TEST_F(FlowOrder, WarningsAfterTheMissingCharacterAreNotGiven) {
  // The table's warning comes after the missing character in reading order: when the error
  // is reported, it has not been given (nor the long paragraph's, before it: a paragraph's
  // warnings are added once all are set).
  auto& body = doc.parts[0].body;
  body.push_back(paragraph(std::string(200, 'W'), 2));
  body.push_back(paragraph("Đoạn có chữ 中 lạ.", 3));
  body.push_back(narrow_table(4));
  EXPECT_NE(error().find("phan-1.yaml:3:5: error: character U+4E2D"), std::string::npos);
  EXPECT_TRUE(diags.items.empty()) << format(diags.items.front());
}

TEST_F(FlowOrder, WarningsInReadingOrder) {
  auto& body = doc.parts[0].body;
  body.push_back(paragraph(std::string(200, 'W'), 2));
  body.push_back(narrow_table(3));
  body.push_back(paragraph(std::string(200, 'V'), 4));
  EXPECT_EQ(error(), "");
  std::string lines;
  for (const auto& d : diags.items) lines += std::to_string(d.pos.line) + " ";
  EXPECT_EQ(lines, "2 2 3 4 4 ");  // overfull and loose for each paragraph, overfull for the row
}
