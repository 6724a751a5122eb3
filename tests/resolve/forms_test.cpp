// The forms of resolve/forms.cpp and the decision walk: articles numbered on across
// chapters and sections numbered again in each chapter, the letter's summary and Kính gửi,
// "Như trên" added to Nơi nhận, căn cứ punctuation per regime, appendices' headings.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/resolve/resolve.hpp"
#include "pipeline/style/style.hpp"
#include "tests/resolve/helpers.hpp"

using namespace vanban;
using namespace vanban::resolve;
using test::plain;
using test::section;
using test::text;

namespace {

/// Every paragraph of `blocks`, in order, as plain text.
std::vector<std::string> texts(const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  for (const auto& b : blocks)
    for (const auto& p : b.paragraphs) out.push_back(plain(p));
  return out;
}

style::Style load(const char* name) {
  return style::load_style(name, std::string(VANBAN_SOURCE_DIR) + "/styles", ".", {});
}

content::Document document(const std::string& kind) {
  content::Document doc;
  doc.kind = kind;
  doc.header.issuer = "Ủy ban nhân dân xã An Bình";
  doc.header.number = 7;
  doc.header.code = "QĐ-UBND";
  doc.header.date = content::Date{2025, 3, 5};
  doc.title = text("thử nghiệm");
  doc.parts.emplace_back();
  return doc;
}

}  // namespace

TEST(Forms, ArticlesNumberOnAcrossChaptersAndSectionsRestartInEachChapter) {
  const style::Style st = load("nha-nuoc");
  content::Document doc = document("quyet-dinh");
  doc.parts[0].sections = {
      section("Chung", {section("Một", {section("Phạm vi"), section("Đối tượng")}), section("Hai", {section("Giải thích")})}),
      section("Riêng", {section("Ba", {section("Tiếp nhận")}), section("Hiệu lực")})};
  const StyledDocument s = resolve_document(doc, st);
  const std::vector<std::string> want = {"Chương I", "CHUNG", "Mục 1", "MỘT", "Điều 1. Phạm vi", "Điều 2. Đối tượng",
                                         "Mục 2", "HAI", "Điều 3. Giải thích", "Chương II", "RIÊNG", "Mục 1", "BA",
                                         "Điều 4. Tiếp nhận", "Điều 5. Hiệu lực"};
  EXPECT_EQ(texts(s.body), want);
}

TEST(Forms, ADecisionOpensWithAuthorityBasesAndTheEnactingWord) {
  const style::Style st = load("nha-nuoc");
  content::Document doc = document("quyet-dinh");
  doc.authority = text("Chủ tịch Ủy ban nhân dân xã An Bình");
  doc.can_cu = {text("Căn cứ Luật A"), text("Căn cứ Luật B;"), text("Theo đề nghị của Văn phòng")};
  const StyledDocument s = resolve_document(doc, st);
  const std::vector<std::string> want = {"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Căn cứ Luật A;", "Căn cứ Luật B;",
                                         "Theo đề nghị của Văn phòng.", "QUYẾT ĐỊNH:"};
  EXPECT_EQ(texts(s.body), want);
  EXPECT_TRUE(s.body[1].paragraphs[0].spans[0].italic);  // NĐ 30 II.6.a: italic

  const style::Style party = load("dang");
  doc.header.code = "QĐ/ĐU";
  doc.authority = text("Ban Thường vụ Đảng ủy xã An Bình");
  const StyledDocument p = resolve_document(doc, party);
  const std::vector<std::string> party_want = {"- Căn cứ Luật A;", "- Căn cứ Luật B;", "- Theo đề nghị của Văn phòng,",
                                               "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ AN BÌNH", "QUYẾT ĐỊNH:"};
  EXPECT_EQ(texts(p.body), party_want);
}

TEST(Forms, ALetterHasItsSummaryUnderTheNumberAndItsAddressees) {
  const style::Style st = load("nha-nuoc");
  content::Document doc = document("cong-van");
  doc.kinh_gui = {text("Bộ Nội vụ"), text("Bộ Tài chính")};
  doc.recipients = {text("Lưu: VT")};
  const StyledDocument s = resolve_document(doc, st);
  EXPECT_TRUE(s.title.lines.empty());
  ASSERT_EQ(s.header.under_number.size(), 1u);
  EXPECT_EQ(plain(s.header.under_number[0]), "V/v thử nghiệm");
  ASSERT_FALSE(s.body.empty());
  EXPECT_EQ(s.body[0].kind, Block::Kind::Addressees);
  const std::vector<std::string> want = {"Kính gửi:", "- Bộ Nội vụ;", "- Bộ Tài chính."};
  EXPECT_EQ(texts({s.body[0]}), want);
  ASSERT_TRUE(s.closing);
  ASSERT_EQ(s.closing->recipients.size(), 3u);  // the label, "Như trên", "Lưu: VT"
  EXPECT_EQ(plain(s.closing->recipients[1]), "- Như trên;");

  doc.kinh_gui = {text("Bộ Nội vụ")};
  const StyledDocument one = resolve_document(doc, st);
  EXPECT_EQ(texts({one.body[0]}), std::vector<std::string>{"Kính gửi: Bộ Nội vụ"});
}

TEST(Forms, AppendicesStartPagesAndNumberThemselves) {
  const style::Style st = load("nha-nuoc");
  content::Document doc = document("quyet-dinh");
  for (const char* title : {"Danh mục", "Biểu mẫu"}) {
    content::Appendix a;
    a.title = text(title);
    a.of = text("Chủ tịch Ủy ban nhân dân xã An Bình");
    doc.appendices.push_back(a);
  }
  const StyledDocument s = resolve_document(doc, st);
  ASSERT_EQ(s.appendices.size(), 4u);  // a page break and a heading each
  EXPECT_EQ(s.appendices[0].kind, Block::Kind::PageBreak);
  EXPECT_TRUE(s.appendices[1].restart_page_numbers);
  const std::vector<std::string> want = {
      "Phụ lục I", "DANH MỤC",
      "(Kèm theo Quyết định số 07/QĐ-UBND ngày 05 tháng 3 năm 2025 của Chủ tịch Ủy ban nhân dân xã An Bình)",
      "Phụ lục II", "BIỂU MẪU",
      "(Kèm theo Quyết định số 07/QĐ-UBND ngày 05 tháng 3 năm 2025 của Chủ tịch Ủy ban nhân dân xã An Bình)"};
  EXPECT_EQ(texts(s.appendices), want);
}

TEST(Forms, AnUnknownKindIsAnErrorWithTheNearestName) {
  const style::Style st = load("dang");
  content::Document doc = document("ket-lun");
  doc.kind_pos = {"van-ban.yaml", 2, 7};
  try {
    resolve_document(doc, st);
    FAIL() << "no error";
  } catch (const Error& e) {
    const Diagnostic& d = e.diagnostics().at(0);
    EXPECT_EQ(d.pos.line, 2);
    EXPECT_EQ(d.message, "unknown kind `ket-lun` for style dang");
    EXPECT_EQ(d.hint, "did you mean `ket-luan`?");
  }
}
