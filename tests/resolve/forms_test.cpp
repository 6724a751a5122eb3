// The forms of resolve/forms.cpp and the decision walk: articles numbered on across
// parts and chapters, sections numbered again in each chapter, subsections in each section,
// Kính trình for a Party tờ trình, the contact footer (box 13), the letter's summary and Kính gửi,
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
  doc.header = test::decision_header();
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

TEST(Forms, PartsAboveChaptersAndSubsectionsUnderSectionsNumberAsTheRulesSay) {
  // NĐ 30, Phụ lục I, II.6.đ: Phần and Chương in Roman, Mục and Tiểu mục in Arabic; the
  // chapters and articles number on across the parts, sections again in each chapter,
  // subsections again in each section.
  const style::Style st = load("nha-nuoc");
  content::Document doc = document("quyet-dinh");
  doc.parts.resize(2);
  doc.parts[0].title = text("Chung");
  doc.parts[0].sections = {section("Một", {section("A", {section("X", {section("Phạm vi")}),
                                                         section("Y", {section("Đối tượng")})}),
                                           section("B", {section("Z", {section("Giải thích")})})})};
  doc.parts[1].title = text("Thi hành");
  doc.parts[1].sections = {section("Hai", {section("C", {section("Hiệu lực")})})};
  const StyledDocument s = resolve_document(doc, st);
  const std::vector<std::string> want = {
      "Phần I",     "CHUNG", "Chương I",  "MỘT", "Mục 1",  "A", "Tiểu mục 1", "X", "Điều 1. Phạm vi", "Tiểu mục 2", "Y",
      "Điều 2. Đối tượng", "Mục 2", "B", "Tiểu mục 1", "Z", "Điều 3. Giải thích", "Phần II", "THI HÀNH", "Chương II",
      "HAI",        "Mục 1", "C",         "Điều 4. Hiệu lực"};
  EXPECT_EQ(texts(s.body), want);
  // The part's label line is bold and centred, its title upper case under it.
  ASSERT_EQ(s.body[0].kind, Block::Kind::PartHeading);
  EXPECT_TRUE(s.body[0].paragraphs[0].spans[0].bold);
  EXPECT_EQ(s.body[0].paragraphs[0].align, style::Align::Center);
  ASSERT_TRUE(s.body[0].outline);
  EXPECT_EQ(s.body[0].outline->title, "Phần I. CHUNG");
}

TEST(Forms, ADecisionOfOnePartPrintsNoPart) {
  const style::Style st = load("nha-nuoc");
  content::Document doc = document("quyet-dinh");
  doc.parts[0].title = text("Chung");
  doc.parts[0].sections = {section("Hiệu lực")};
  EXPECT_EQ(texts(resolve_document(doc, st).body), std::vector<std::string>{"Điều 1. Hiệu lực"});
}

TEST(Forms, ADecisionNestedBelowSubsectionsIsAnError) {
  const style::Style st = load("nha-nuoc");
  content::Document doc = document("quyet-dinh");
  doc.parts[0].sections = {section("1", {section("2", {section("3", {section("4", {section("Điều")})})})})};
  EXPECT_THROW(resolve_document(doc, st), Error);
}

TEST(Forms, APartyToTrinhSaysKinhTrinhAndALetterKinhGui) {
  const style::Style party = load("dang");
  content::Document doc = document("to-trinh");
  doc.header.code = "TTr/ĐU";
  doc.kinh_gui = {text("Ban Thường vụ Huyện ủy")};
  EXPECT_EQ(texts({resolve_document(doc, party).body[0]}),
            std::vector<std::string>{"Kính trình: Ban Thường vụ Huyện ủy"});
  doc.kinh_gui.push_back(text("Ủy ban Kiểm tra Huyện ủy"));
  EXPECT_EQ(texts({resolve_document(doc, party).body[0]})[0], "Kính trình:");
  doc.kind = "cong-van";
  doc.header.code = "CV/ĐU";
  EXPECT_EQ(texts({resolve_document(doc, party).body[0]})[0], "Kính gửi:");
  // The State rules write "Kính gửi:" for a tờ trình too (NĐ 30, ô 9a).
  doc.kind = "to-trinh";
  doc.header.code = "TTr-UBND";
  EXPECT_EQ(texts({resolve_document(doc, load("nha-nuoc")).body[0]})[0], "Kính gửi:");
}

TEST(Forms, TheContactFooterHasTheAddressThenTheOtherFieldsInTheRulesOrder) {
  const style::Style st = load("nha-nuoc");
  content::Document doc = document("thong-bao");
  doc.header.code = "TB-UBND";
  EXPECT_FALSE(resolve_document(doc, st).contact);
  content::Contact c;
  c.address = text("Số 1 Trần Phú");
  c.phone = text("0239 3855 123");
  c.email = text("ubnd@x.gov.vn");
  c.fax = text("0239 3855 124");
  doc.contact = c;
  const StyledDocument s = resolve_document(doc, st);
  ASSERT_TRUE(s.contact);
  ASSERT_EQ(s.contact->lines.size(), 2u);
  EXPECT_EQ(plain(s.contact->lines[0]), "Địa chỉ: Số 1 Trần Phú");
  EXPECT_EQ(plain(s.contact->lines[1]), "E-mail: ubnd@x.gov.vn; Điện thoại: 0239 3855 123; Fax: 0239 3855 124");
  EXPECT_EQ(s.contact->lines[0].spans[0].size, pt(11));  // NĐ 30 III.4: 11–12
  EXPECT_FALSE(s.contact->lines[0].spans[0].bold);
  EXPECT_GT(s.contact->rule, 0);
  // Without an address, one line.
  doc.contact->address = {};
  EXPECT_EQ(resolve_document(doc, st).contact->lines.size(), 1u);
  // HD 36 has the element too: the Party style prints it.
  doc.header.code = "TB/ĐU";
  EXPECT_TRUE(resolve_document(doc, load("dang")).contact);
  // A style without `contact:` refuses it.
  style::Style bare = st;
  bare.contact.set = false;
  EXPECT_THROW(resolve_document(doc, bare), Error);
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
