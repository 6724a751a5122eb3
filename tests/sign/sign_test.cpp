// The signing stage: CMS made and checked with OpenSSL, PKCS#12 files read and refused,
// and signing into an empty signature field (the place a build leaves for a signature).
// Keys and certificates are made here, in memory; nothing is committed.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <openssl/pkcs12.h>
#include <png.h>
#include <openssl/rsa.h>
#include <podofo/podofo.h>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/sign/cms.hpp"
#include "pipeline/sign/credentials.hpp"
#include "pipeline/sign/sign.hpp"
#include "pipeline/sign/verify.hpp"
#include "tests/sign/test_signer.hpp"

namespace {

using namespace vanban::sign;
using vanban::sign::test_support::make_signer;
namespace fs = std::filesystem;

/// Writes `c` as a PKCS#12 file protected by `password`.
void write_p12(const Credentials& c, const std::string& path, const char* password) {
  PKCS12* p12 = PKCS12_create(password, "test", c.key.get(), c.certificate.get(), nullptr, 0, 0, 0, 0, 0);
  ASSERT_NE(p12, nullptr);
  unsigned char* der = nullptr;
  const int n = i2d_PKCS12(p12, &der);
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<char*>(der), n);
  OPENSSL_free(der);
  PKCS12_free(p12);
}

fs::path temp_path(const std::string& name) { return fs::temp_directory_path() / ("vanban-sign-test-" + name); }

TEST(Cms, SignedBytesCheckOutWithTheAttributesPadesWants) {
  const Credentials signer = make_signer();
  const std::int64_t when = 1764547200;
  const auto der = make_cms(signer, "the signed bytes", when);
  const std::string_view der_view(reinterpret_cast<const char*>(der.data()), der.size());
  const CmsCheck ok = check_cms(std::string(der_view) + std::string(100, '\0'), "the signed bytes", "");
  EXPECT_TRUE(ok.parsed);
  EXPECT_TRUE(ok.intact) << ok.problem;
  EXPECT_TRUE(ok.signing_certificate_v2);
  EXPECT_EQ(ok.signing_time, when);
  EXPECT_EQ(ok.signer, "Nguyễn Văn An");
  EXPECT_EQ(ok.organisation, "Đảng ủy xã");
  const CmsCheck changed = check_cms(der_view, "the signed bytez", "");
  EXPECT_FALSE(changed.intact);
  EXPECT_FALSE(changed.problem.empty());
  EXPECT_FALSE(check_cms("not DER at all", "x", "").parsed);
}

TEST(Credentials, ReadFromPkcs12AndRefusedWithReasons) {
  const Credentials signer = make_signer();
  const std::string p12 = temp_path("ok.p12");
  write_p12(signer, p12, "đúng");
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  EXPECT_EQ(subject_name(load_credentials(p12, "đúng", now).certificate.get()), "Nguyễn Văn An");
  const auto message = [&](const std::string& path, const char* password, std::int64_t at) -> std::string {
    try {
      load_credentials(path, password, at);
    } catch (const vanban::Error& e) {
      return e.diagnostics().front().message;
    }
    return "accepted";
  };
  EXPECT_EQ(message(p12, "sai", now), "wrong password for the key file");
  EXPECT_NE(message(p12, "đúng", now + 3 * 86400).find("expired on"), std::string::npos);
  EXPECT_NE(message(p12, "đúng", now - 3 * 86400).find("is valid only from"), std::string::npos);
  EXPECT_EQ(message(temp_path("missing.p12"), "x", now), "cannot read the key file");
  fs::remove(p12);
}

TEST(Time, VietnamTimeIsUtcPlusSeven) {
  EXPECT_EQ(vietnam_iso_time(0), "1970-01-01T07:00:00+07:00");
  EXPECT_EQ(vietnam_pdf_date(1764547200), "D:20251201070000+07'00'");
}

/// A one-page PDF with an empty signature field `name` at `rect` (what a build leaves).
void write_pdf_with_empty_field(const std::string& path, const char* name, const PoDoFo::PdfRect& rect) {
  using namespace PoDoFo;
  PdfMemDocument doc;
  PdfPage* page = doc.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
  PdfAcroForm* form = doc.GetAcroForm(ePdfCreateObject, ePdfAcroFormDefaultAppearance_None);
  PdfAnnotation* widget = page->CreateAnnotation(ePdfAnnotation_Widget, rect);
  PdfDictionary& d = widget->GetObject()->GetDictionary();
  d.AddKey("FT", PdfName("Sig"));
  d.AddKey("T", PdfString(name));
  form->GetObject()->GetDictionary().AddKey("Fields", PdfArray(PdfVariant(widget->GetObject()->Reference())));
  doc.Write(path.c_str());
}

TEST(SignPdf, SignsIntoTheEmptyFieldTheDocumentHasKeepingItsPlace) {
  const Credentials signer = make_signer();
  const std::string in = temp_path("field.pdf"), out = temp_path("field-signed.pdf");
  write_pdf_with_empty_field(in, "vanban.signer", PoDoFo::PdfRect(300, 100, 150, 60));
  SignOptions options;
  options.signing_time = static_cast<std::int64_t>(std::time(nullptr));
  options.field = "vanban.signer";
  const std::vector<char> bytes = sign_pdf(in, signer, options);
  std::ofstream(out, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const VerifyReport report = verify_pdf(out, "");
  ASSERT_EQ(report.signatures.size(), 1u);
  EXPECT_EQ(report.signatures[0].field, "vanban.signer");
  EXPECT_TRUE(report.valid());
  PoDoFo::PdfMemDocument back(out.c_str());
  const PoDoFo::PdfRect kept(back.GetPage(0)->GetAnnotation(0)->GetRect());
  EXPECT_EQ(kept.GetLeft(), 300);
  EXPECT_EQ(kept.GetWidth(), 150);
  options.field = "vanban.seal";  // no such field
  EXPECT_THROW(sign_pdf(in, signer, options), vanban::Error);
  fs::remove(in);
  fs::remove(out);
}

/// Writes a 64×64 PNG with an alpha channel: a red disc on a transparent background (a seal).
void write_seal_png(const std::string& path) {
  constexpr int n = 64;
  std::vector<unsigned char> rgba(n * n * 4, 0);
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x)
      if ((x - 32) * (x - 32) + (y - 32) * (y - 32) < 30 * 30) {
        unsigned char* p = &rgba[static_cast<std::size_t>((y * n + x) * 4)];
        p[0] = 220, p[3] = 255;
      }
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = image.height = n;
  image.format = PNG_FORMAT_RGBA;
  ASSERT_NE(png_image_write_to_file(&image, path.c_str(), 0, rgba.data(), 0, nullptr), 0);
}

TEST(SignPdf, DrawsTheSignatureImageSealAndDetailsInTheField) {
  const Credentials signer = make_signer();
  const std::string in = temp_path("drawn.pdf"), out = temp_path("drawn-signed.pdf"), seal = temp_path("seal.png");
  write_pdf_with_empty_field(in, "vanban.org", PoDoFo::PdfRect(300, 100, 200, 130));
  write_seal_png(seal);
  SignOptions options;
  options.signing_time = 1764547200;
  options.appearance.image = std::string(VANBAN_SOURCE_DIR) + "/content/bao-cao-ubnd-xa/chu-ky.png";
  options.appearance.seal = seal;
  options.appearance.seal_diameter = 102;  // 36 mm
  options.appearance.lines = {"Đảng ủy xã An Bình", vietnam_iso_time(options.signing_time)};
  const std::vector<char> bytes = sign_pdf(in, signer, options);
  std::ofstream(out, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  EXPECT_TRUE(verify_pdf(out, "").valid());
  // The widget's normal appearance draws two images and the text, with an embedded font.
  PoDoFo::PdfMemDocument back(out.c_str());
  PoDoFo::PdfObject* ap = back.GetPage(0)->GetAnnotation(0)->GetObject()->GetIndirectKey("AP");
  ASSERT_NE(ap, nullptr);
  PoDoFo::PdfObject* n = ap->GetIndirectKey("N");
  ASSERT_NE(n, nullptr);
  PoDoFo::PdfObject* resources = n->GetIndirectKey("Resources");
  ASSERT_NE(resources, nullptr);
  EXPECT_EQ(resources->GetIndirectKey("XObject")->GetDictionary().GetKeys().size(), 2u);
  PoDoFo::PdfObject* fonts = resources->GetIndirectKey("Font");
  ASSERT_NE(fonts, nullptr);
  PoDoFo::PdfObject* font = back.GetObjects().GetObject(fonts->GetDictionary().GetKeys().begin()->second->GetReference());
  PoDoFo::PdfObject* descendant = font->GetIndirectKey("DescendantFonts");
  ASSERT_NE(descendant, nullptr);
  PoDoFo::PdfObject* cid = back.GetObjects().GetObject(descendant->GetArray()[0].GetReference());
  EXPECT_TRUE(cid->GetIndirectKey("FontDescriptor")->GetDictionary().HasKey("FontFile2"));
  char* stream = nullptr;
  PoDoFo::pdf_long length = 0;
  n->GetStream()->GetFilteredCopy(&stream, &length);
  const std::string content(stream, static_cast<std::size_t>(length));
  PoDoFo::podofo_free(stream);
  EXPECT_NE(content.find("Do"), std::string::npos);
  EXPECT_NE(content.find("Tj"), std::string::npos);
  if (!std::getenv("VANBAN_KEEP_TEST_OUTPUT")) fs::remove(out);
  fs::remove(in);
  fs::remove(seal);
}

}  // namespace
