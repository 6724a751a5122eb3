// An attachment issued as a file of its own (resolve/attachment.cpp): the appendix heading
// made from `attached_to` and the header, no header grid, title block or closing, the
// signature field with the number and symbol; what such a file cannot have is refused at
// its place.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "pipeline/resolve/resolve.hpp"
#include "pipeline/style/style.hpp"
#include "tests/resolve/helpers.hpp"

using namespace vanban;
using namespace vanban::resolve;
using test::plain;
using test::text;

namespace {

style::Style state_style() {
  return style::load_style("nha-nuoc", std::string(VANBAN_SOURCE_DIR) + "/styles", ".", {});
}

/// An attachment of decision 07/QĐ-UBND, its own title "thử nghiệm" and one paragraph.
content::Document attachment() {
  content::Document doc;
  doc.kind = "phu-luc";
  doc.kind_pos = {"van-ban.yaml", 2, 7};
  doc.header = test::decision_header();
  doc.title = text("thử nghiệm");
  doc.parts.emplace_back();
  content::Block p;
  p.text = text("Một đoạn văn.");
  doc.parts[0].body.push_back(p);
  content::AttachedTo a;
  a.kind = "quyet-dinh";
  a.of = text("Chủ tịch Ủy ban nhân dân xã An Bình");
  a.pos = {"van-ban.yaml", 9, 1};
  doc.attached_to = a;
  return doc;
}

/// The first diagnostic `resolve_document` throws for `doc`, or one saying "no error".
Diagnostic error_of(const content::Document& doc) {
  try {
    resolve_document(doc, state_style());
  } catch (const Error& e) {
    return e.diagnostics().at(0);
  }
  return {Severity::Error, {}, "no error", ""};
}

}  // namespace

TEST(Attachment, HasTheAppendixHeadingAndTheFieldButNoHeaderTitleOrClosing) {
  content::Document doc = attachment();
  doc.attached_to->appendix = 2;
  const StyledDocument s = resolve_document(doc, state_style());
  EXPECT_TRUE(s.attachment);
  EXPECT_TRUE(s.header.issuer.text.empty());
  EXPECT_TRUE(s.title.lines.empty());
  EXPECT_FALSE(s.closing);
  ASSERT_EQ(s.body.size(), 2u);
  std::vector<std::string> heading;
  for (const auto& p : s.body[0].paragraphs) heading.push_back(plain(p));
  const std::vector<std::string> want = {
      "Phụ lục II", "THỬ NGHIỆM",
      "(Kèm theo Quyết định số 07/QĐ-UBND ngày 05 tháng 3 năm 2025 của Chủ tịch Ủy ban nhân dân xã An Bình)"};
  EXPECT_EQ(heading, want);
  EXPECT_EQ(plain(s.body[1].paragraphs.at(0)), "Một đoạn văn.");
  ASSERT_TRUE(s.attachment_field);
  EXPECT_EQ(s.attachment_field->name, "attachment-1");
  EXPECT_EQ(s.attachment_field->label, "07/QĐ-UBND");
  EXPECT_EQ(s.attachment_field->width, mm(60));
  EXPECT_EQ(s.attachment_field->height, mm(10));
}

TEST(Attachment, TheOnlyOneIsPhuLucAndAnUnnumberedOneLabelsItsFieldWithTheCode) {
  content::Document doc = attachment();
  doc.header.number.reset();
  const StyledDocument s = resolve_document(doc, state_style());
  EXPECT_EQ(plain(s.body.at(0).paragraphs.at(0)), "Phụ lục");
  EXPECT_EQ(s.attachment_field->label, "/QĐ-UBND");
}

TEST(Attachment, FieldsOfAMainDocumentAreRefusedAtTheirPlace) {
  const SourcePos at{"van-ban.yaml", 20, 1};
  const std::vector<std::pair<std::string, std::function<void(content::Document&)>>> cases = {
      {"signature", [&](content::Document& d) { d.signature = content::Signature{"", "Chủ tịch", "A", "", at, {}, {}}; }},
      {"recipients", [&](content::Document& d) { d.recipients = {text("Lưu: VT", 20)}; }},
      {"can_cu", [&](content::Document& d) { d.can_cu = {text("Căn cứ Luật", 20)}; }},
      {"appendices", [&](content::Document& d) { d.appendices = {content::Appendix{text("Danh mục"), {}, {}, {}, at}}; }},
  };
  for (const auto& [key, add] : cases) {
    content::Document doc = attachment();
    add(doc);
    const Diagnostic d = error_of(doc);
    EXPECT_EQ(d.message, "an attachment issued as its own file has no `" + key + "`");
    EXPECT_EQ(d.pos.line, 20) << key;
  }
}

TEST(Attachment, NeedsAttachedToAndOnlyAnAttachmentMayHaveIt) {
  content::Document doc = attachment();
  doc.attached_to.reset();
  Diagnostic d = error_of(doc);
  EXPECT_EQ(d.message, "`kind: phu-luc` needs `attached_to:`");
  EXPECT_EQ(d.pos.line, 2);

  doc = attachment();
  doc.kind = "quyet-dinh";
  d = error_of(doc);
  EXPECT_EQ(d.message, "`attached_to` is only for an attachment issued as a file of its own");
  EXPECT_EQ(d.pos.line, 9);

  doc = attachment();
  doc.attached_to->kind = "quyet-dnh";
  doc.attached_to->kind_pos = {"van-ban.yaml", 10, 9};
  d = error_of(doc);
  EXPECT_EQ(d.message, "unknown kind `quyet-dnh` for style nha-nuoc");
  EXPECT_EQ(d.pos.line, 10);
}
