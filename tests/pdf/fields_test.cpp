// Empty signature fields (pipeline/pdf/fields.hpp): placed from layout's anchors, written as
// merged /Sig field-widgets on their page, read back with PoDoFo (no code shared with the writer).
#include <gtest/gtest.h>

#include <podofo/podofo.h>

#include <string>
#include <vector>

#include "pipeline/layout/page.hpp"
#include "pipeline/pdf/fields.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/shape/font.hpp"

using namespace vanban;

namespace {

/// Two empty A4 pages; the signature room on page 2, an attachment's corner on page 1.
layout::PagedDocument two_pages() {
  layout::PagedDocument doc;
  for (int i = 0; i < 2; ++i) doc.pages.push_back({pt(595), pt(842), {}, {}, {}});
  doc.anchors.push_back({"signature", 1, pt(300), pt(100), pt(250), pt(150)});  // (no field)
  doc.anchors.push_back({"signature-space", 1, pt(300), pt(130), pt(250), pt(60)});
  doc.anchors.push_back({"attachment-1", 0, pt(400), pt(40), pt(150), pt(50)});
  doc.anchors.push_back({"attachment-2", 0, pt(400), pt(40), 0, pt(50)});  // empty: no field
  return doc;
}

}  // namespace

TEST(SignatureFields, PlacedFromTheAnchorsInPdfCoordinates) {
  const std::vector<pdf::SignatureField> f = pdf::signature_fields(two_pages());
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].name, "signer");
  EXPECT_EQ(f[0].page, 1u);
  EXPECT_NEAR(f[0].x, 300, 1e-3);
  EXPECT_NEAR(f[0].y, 842 - 130 - 60, 1e-3);  // from the bottom of the page
  EXPECT_NEAR(f[0].width, 250, 1e-3);
  EXPECT_NEAR(f[0].height, 60, 1e-3);
  // The organisation's: the same column, as tall as a 36 mm seal, centred on the signer's,
  // reaching left so that a seal whose right edge is at a third of the column is whole.
  const double seal = 36 * 72 / 25.4;
  EXPECT_EQ(f[1].name, "organisation");
  EXPECT_NEAR(f[1].height, seal, 1e-3);
  EXPECT_NEAR(f[1].y + f[1].height / 2, f[0].y + f[0].height / 2, 1e-3);
  EXPECT_NEAR(f[1].x + f[1].width, f[0].x + f[0].width, 1e-3);
  EXPECT_NEAR(f[1].x, f[0].x + f[0].width / 3 - seal, 1e-3);
  EXPECT_EQ(f[2].name, "attachment-1");
  EXPECT_EQ(f[2].page, 0u);
}

TEST(SignatureFields, WrittenOnTheirPagesOnlyWhenAskedFor) {
  const shape::FontSet fonts;
  pdf::Metadata meta;
  const std::vector<char> plain = pdf::write_pdf(two_pages(), fonts, meta);
  EXPECT_EQ(std::string(plain.begin(), plain.end()).find("/AcroForm"), std::string::npos);
  meta.signature_fields = true;
  const std::vector<char> bytes = pdf::write_pdf(two_pages(), fonts, meta);
  PoDoFo::PdfMemDocument doc;
  doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
  PoDoFo::PdfAcroForm* form = doc.GetAcroForm(PoDoFo::ePdfDontCreateObject);
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(form->GetObject()->GetDictionary().GetKey("Fields")->GetArray().size(), 3u);
  const auto widgets_on = [&](int page) {
    std::vector<std::string> names;
    PoDoFo::PdfPage* p = doc.GetPage(page);
    for (int i = 0; i < p->GetNumAnnots(); ++i) {
      PoDoFo::PdfObject* w = p->GetAnnotation(i)->GetObject();
      EXPECT_EQ(w->GetDictionary().GetKey("FT")->GetName().GetName(), "Sig");
      EXPECT_TRUE(w->GetDictionary().HasKey("AP"));  // PDF/A: every widget has an appearance
      EXPECT_FALSE(w->GetDictionary().HasKey("V"));   // empty: for `vanban sign`
      names.push_back(w->GetDictionary().GetKey("T")->GetString().GetStringUtf8());
    }
    return names;
  };
  EXPECT_EQ(widgets_on(0), std::vector<std::string>{"attachment-1"});
  EXPECT_EQ(widgets_on(1), (std::vector<std::string>{"signer", "organisation"}));
  const PoDoFo::PdfRect r = doc.GetPage(1)->GetAnnotation(0)->GetRect();
  EXPECT_NEAR(r.GetBottom(), 842 - 130 - 60, 1e-2);
  EXPECT_NEAR(r.GetHeight(), 60, 1e-2);
}
