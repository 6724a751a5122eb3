// The PDF file syntax (pipeline/pdf/objects.hpp), and our PDFs read back with PoDoFo: a
// reader that shares no code with the writer.
#include <gtest/gtest.h>

#include <podofo/podofo.h>
#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <jpeglib.h>  // after <cstdio>: it uses FILE without including it

#include "pipeline/layout/page.hpp"
#include "pipeline/pdf/objects.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/shape/font.hpp"
#include "pipeline/shape/glyph_text.hpp"
#include "pipeline/shape/shaper.hpp"
#include "tests/common/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace vanban;
using namespace std::string_literals;

namespace {

std::string name(std::string_view n) {
  std::string out;
  pdf::append_name(out, n);
  return out;
}

std::string text(std::string_view utf8) {
  std::string out;
  pdf::append_text_string(out, utf8);
  return out;
}

/// A whole document read back by PoDoFo from bytes.
struct ReadBack {
  PoDoFo::PdfMemDocument doc;
  explicit ReadBack(const std::vector<char>& bytes) { doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size())); }
};

/// The image XObjects of a document (Subtype /Image), in object order.
std::vector<PoDoFo::PdfObject*> images_of(PoDoFo::PdfMemDocument& doc) {
  std::vector<PoDoFo::PdfObject*> out;
  for (PoDoFo::PdfObject* o : doc.GetObjects()) {
    if (!o->IsDictionary()) continue;
    const PoDoFo::PdfObject* sub = o->GetDictionary().GetKey("Subtype");
    if (sub != nullptr && sub->IsName() && sub->GetName().GetName() == "Image") out.push_back(o);
  }
  return out;
}

/// A stream's data, decoded (Flate) or as it is in the file.
std::string stream_data(PoDoFo::PdfObject* o, bool decode = true) {
  char* buf = nullptr;
  PoDoFo::pdf_long len = 0;
  if (decode) o->GetStream()->GetFilteredCopy(&buf, &len);
  else o->GetStream()->GetCopy(&buf, &len);
  std::string s(buf, static_cast<std::size_t>(len));
  PoDoFo::podofo_free(buf);
  return s;
}

std::int64_t integer(PoDoFo::PdfObject* o, const char* key) { return o->GetDictionary().GetKey(key)->GetNumber(); }
std::string name_of(PoDoFo::PdfObject* o, const char* key) { return o->GetDictionary().GetKey(key)->GetName().GetName(); }

/// Writes a PNG with libpng: `color_type` as libpng names it, 8 bits a sample unless `bits`.
void write_png(const fs::path& path, int w, int h, int color_type, const std::vector<unsigned char>& samples,
               int bits = 8, const std::vector<png_color>& palette = {}, const std::vector<unsigned char>& trns = {}) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_init_io(png, f);
  png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), bits, color_type,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (!palette.empty()) png_set_PLTE(png, info, palette.data(), static_cast<int>(palette.size()));
  if (!trns.empty()) png_set_tRNS(png, info, trns.data(), static_cast<int>(trns.size()), nullptr);
  png_write_info(png, info);
  const std::size_t row = samples.size() / static_cast<std::size_t>(h);
  for (int y = 0; y < h; ++y) png_write_row(png, samples.data() + static_cast<std::size_t>(y) * row);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(f);
}

/// Writes a 4x4 CMYK JPEG with libjpeg (which adds Adobe's marker to CMYK files).
void write_cmyk_jpeg(const fs::path& path) {
  jpeg_compress_struct c{};
  jpeg_error_mgr err{};
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  jpeg_stdio_dest(&c, f);
  c.image_width = 4;
  c.image_height = 4;
  c.input_components = 4;
  c.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&c);
  jpeg_start_compress(&c, TRUE);
  std::vector<unsigned char> row(16, 200);
  JSAMPROW rows[1] = {row.data()};
  for (int y = 0; y < 4; ++y) jpeg_write_scanlines(&c, rows, 1);
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  std::fclose(f);
}

/// A one-page document drawing each of `paths` once.
layout::PagedDocument with_images(const std::vector<fs::path>& paths) {
  layout::PagedDocument d;
  layout::Page p{mm(210), mm(297), {}, {}, {}};
  for (std::size_t i = 0; i < paths.size(); ++i)
    p.images.push_back({paths[i].string(), pt(72), pt(72 + 100.0 * static_cast<double>(i)), pt(50), pt(50)});
  d.pages.push_back(p);
  return d;
}

}  // namespace

TEST(PdfSyntax, NamesEscapeDelimitersAndBytesOutsidePrintableAscii) {
  EXPECT_EQ(name("FontDescriptor"), "/FontDescriptor");
  EXPECT_EQ(name("ABCDEF+Liberation Serif"), "/ABCDEF+Liberation#20Serif");
  EXPECT_EQ(name("a/b#c(d)"), "/a#2Fb#23c#28d#29");
  EXPECT_EQ(name("\xC3\xA0"), "/#C3#A0");
}

TEST(PdfSyntax, TextStringsAreAsciiLiteralsOrUtf16WithByteOrderMark) {
  EXPECT_EQ(text("vanban (1)"), "(vanban \\(1\\))");
  EXPECT_EQ(text("Hà"), "(\xFE\xFF\0H\0\xE0)"s);
  // U+1F600 as a surrogate pair; U+0029 ")" escaped; U+0D0D, two CR bytes, as \r\r.
  EXPECT_EQ(text("\U0001F600)\u0D0D"), "(\xFE\xFF\xD8\x3D\xDE\x00\0\\)\\r\\r)"s);
}

TEST(PdfSyntax, DictionariesAndArraysKeepTheirOrderAndEscapeTheirNames) {
  const std::string d = pdf::Dict()
                            .name("Type", "Font")
                            .integer("Flags", -6)
                            .real("ItalicAngle", -12.5)
                            .ref("FontFile2", 4)
                            .text("Title", "Hà")
                            .literal("Lang", "vi-VN")
                            .raw("Kids", pdf::Array().ref(3).name("XYZ").raw("null").number(722.168, 3).integer(0).str())
                            .name("Base Font", "A/B")
                            .str();
  EXPECT_EQ(d, "<</Type /Font /Flags -6 /ItalicAngle -12.5 /FontFile2 4 0 R /Title (\xFE\xFF\0H\0\xE0) /Lang (vi-VN)"
               " /Kids [3 0 R /XYZ null 722.168 0] /Base#20Font /A#2FB>>"s);
  EXPECT_EQ(pdf::Dict().str(), "<<>>");
  EXPECT_EQ(pdf::Array().str(), "[]");
  EXPECT_EQ(pdf::Dict().name("Filter", "FlateDecode").integer("Length1", 9).entries(), "/Filter /FlateDecode /Length1 9");
}

TEST(PdfSyntax, CrossReferenceOffsetsPointAtTheirObjects) {
  pdf::PdfFile f;
  const pdf::ObjNum a = f.reserve(), b = f.reserve(), c = f.reserve();
  f.write_object(c, "<</Type /Catalog /Pages 2 0 R>>");
  f.write_stream(b, "/Filter /None", std::string_view("12345"));
  f.write_object(a, "<</Producer (x)>>");
  EXPECT_THROW(f.write_object(a, "null"), std::logic_error);
  EXPECT_THROW(f.write_object(9, "null"), std::logic_error);
  const std::vector<char> bytes = f.finish(c, a);
  const std::string s(bytes.begin(), bytes.end());
  EXPECT_EQ(s.rfind("%PDF-1.7\n", 0), 0u);
  EXPECT_NE(s.find("2 0 obj\n<</Filter /None /Length 5>>\nstream\n12345\nendstream\nendobj\n"), std::string::npos);
  // xref: one 20-byte entry per object, each the offset of "N 0 obj".
  const std::size_t xref = s.find("xref\n0 4\n0000000000 65535 f \n");
  ASSERT_NE(xref, std::string::npos);
  for (int n = 1; n <= 3; ++n) {
    const std::size_t at = std::stoul(s.substr(xref + 30 + 20 * static_cast<std::size_t>(n - 1), 10));
    EXPECT_EQ(s.substr(at, std::to_string(n).size() + 6), std::to_string(n) + " 0 obj") << n;
  }
  EXPECT_NE(s.find("/Size 4 /Root 3 0 R /Info 1 0 R /ID [<"), std::string::npos);
  EXPECT_NE(s.find("startxref\n" + std::to_string(xref) + "\n%%EOF\n"), std::string::npos);
}

TEST(PdfSyntax, UnwrittenObjectIsRefused) {
  pdf::PdfFile f;
  const pdf::ObjNum a = f.reserve();
  f.reserve();
  f.write_object(a, "<<>>");
  EXPECT_THROW(f.finish(a, a), std::logic_error);
}

TEST(PdfSyntax, FileIdDependsOnTheBytes) {
  const auto id = [](std::string_view body) {
    pdf::PdfFile f;
    const pdf::ObjNum a = f.reserve();
    f.write_object(a, body);
    const auto bytes = f.finish(a, a);
    const std::string s(bytes.begin(), bytes.end());
    return s.substr(s.find("/ID [<") + 6, 32);
  };
  EXPECT_EQ(id("<</A 1>>"), id("<</A 1>>"));
  EXPECT_NE(id("<</A 1>>"), id("<</A 2>>"));
  EXPECT_TRUE(std::regex_match(id("<<>>"), std::regex("[0-9A-F]{32}")));
}

TEST(PdfReadBack, PoDoFoReadsPagesFontsInfoAndOutline) {
  shape::FontSet fonts;
  const std::string r = shape::find_face("Liberation Serif", shape::FaceStyle::Regular);
  ASSERT_FALSE(r.empty());
  const shape::FontId f = fonts.add(r);
  shape::Shaper shaper(fonts);
  layout::PagedDocument d;
  for (int k = 0; k < 3; ++k) {
    layout::Page p{mm(148), mm(210), {}, {}, {}};
    layout::TextRun run;
    run.font = f;
    run.size = pt(12);
    run.x = pt(50);
    run.y = pt(60);
    for (const auto& g : shaper.shape(f, "Trang").glyphs) run.glyphs.push_back(layout::place_glyph(g.gid, 0, 0));
    p.runs.push_back(run);
    d.pages.push_back(p);
  }
  d.outline = {{"Mở đầu", 0, 0, pt(60)}, {"Mục (1)", 1, 1, pt(60)}, {"Kết luận", 0, 2, pt(60)}};
  d.glyph_texts = shape::glyph_texts(shaper);
  pdf::Metadata meta;
  meta.title = "Nghị quyết (dự thảo)";
  meta.author = "Chi bộ";
  ReadBack back(pdf::write_pdf(d, fonts, meta));

  ASSERT_EQ(back.doc.GetPageCount(), 3);
  const PoDoFo::PdfRect box = back.doc.GetPage(2)->GetMediaBox();
  EXPECT_NEAR(box.GetWidth(), 419.528, 0.001);  // A5: 148 mm
  EXPECT_NEAR(box.GetHeight(), 595.276, 0.001);
  PoDoFo::PdfObject* font = back.doc.GetPage(0)->GetFromResources("Font", "F0");
  ASSERT_NE(font, nullptr);
  EXPECT_EQ(name_of(font, "Subtype"), "Type0");
  EXPECT_EQ(name_of(font, "Encoding"), "Identity-H");
  EXPECT_EQ(back.doc.GetInfo()->GetTitle().GetStringUtf8(), "Nghị quyết (dự thảo)");
  EXPECT_EQ(back.doc.GetInfo()->GetAuthor().GetStringUtf8(), "Chi bộ");

  PoDoFo::PdfOutlines* outlines = back.doc.GetOutlines(PoDoFo::ePdfDontCreateObject);
  ASSERT_NE(outlines, nullptr);
  PoDoFo::PdfOutlineItem* first = outlines->First();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->GetTitle().GetStringUtf8(), "Mở đầu");
  ASSERT_NE(first->First(), nullptr);
  EXPECT_EQ(first->First()->GetTitle().GetStringUtf8(), "Mục (1)");
  ASSERT_NE(first->Next(), nullptr);
  EXPECT_EQ(first->Next()->GetTitle().GetStringUtf8(), "Kết luận");
  EXPECT_EQ(first->Next()->Next(), nullptr);
  EXPECT_EQ(outlines->GetObject()->GetDictionary().GetKey("Count")->GetNumber(), 3);
}

TEST(PdfImages, PngAlphaBecomesSoftMaskAndPaletteIsExpanded) {
  vanban::testing::TempDir dir;
  // 2x1 RGBA: opaque red, half-transparent blue.
  const fs::path rgba = fs::path(dir.file("rgba.png"));
  write_png(rgba, 2, 1, PNG_COLOR_TYPE_RGB_ALPHA, {255, 0, 0, 255, 0, 0, 255, 128});
  // 3x1, 2 bits a pixel: indices 0 1 2 (0b00011000); a tRNS entry makes colour 1 transparent.
  const fs::path pal = fs::path(dir.file("palette.png"));
  write_png(pal, 3, 1, PNG_COLOR_TYPE_PALETTE, {0x18}, 2, {{10, 20, 30}, {40, 50, 60}, {70, 80, 90}}, {255, 0});
  // 2x1 grey, 16 bits a sample: kept as 8 (the high byte).
  const fs::path grey = fs::path(dir.file("grey16.png"));
  write_png(grey, 2, 1, PNG_COLOR_TYPE_GRAY, {0xAB, 0xCD, 0x12, 0x34}, 16);

  shape::FontSet fonts;
  ReadBack back(pdf::write_pdf(with_images({rgba, pal, grey}), fonts, {}));
  const auto ims = images_of(back.doc);
  // rgba + its mask, palette + its mask, grey.
  ASSERT_EQ(ims.size(), 5u);
  PoDoFo::PdfObject* im0 = back.doc.GetPage(0)->GetFromResources("XObject", "Im0");
  PoDoFo::PdfObject* im1 = back.doc.GetPage(0)->GetFromResources("XObject", "Im1");
  PoDoFo::PdfObject* im2 = back.doc.GetPage(0)->GetFromResources("XObject", "Im2");
  ASSERT_TRUE(im0 && im1 && im2);

  EXPECT_EQ(name_of(im0, "ColorSpace"), "DeviceRGB");
  EXPECT_EQ(stream_data(im0), "\xFF\0\0\0\0\xFF"s);
  PoDoFo::PdfObject* mask0 = back.doc.GetObjects().GetObject(im0->GetDictionary().GetKey("SMask")->GetReference());
  ASSERT_NE(mask0, nullptr);
  EXPECT_EQ(name_of(mask0, "ColorSpace"), "DeviceGray");
  EXPECT_EQ(stream_data(mask0), "\xFF\x80"s);

  EXPECT_EQ(name_of(im1, "ColorSpace"), "DeviceRGB");
  EXPECT_EQ(integer(im1, "Width"), 3);
  EXPECT_EQ(stream_data(im1), "\x0A\x14\x1E\x28\x32\x3C\x46\x50\x5A"s);  // indices 0 1 2
  PoDoFo::PdfObject* mask1 = back.doc.GetObjects().GetObject(im1->GetDictionary().GetKey("SMask")->GetReference());
  ASSERT_NE(mask1, nullptr);
  EXPECT_EQ(stream_data(mask1), "\xFF\x00\xFF"s);

  EXPECT_EQ(name_of(im2, "ColorSpace"), "DeviceGray");
  EXPECT_FALSE(im2->GetDictionary().HasKey("SMask"));
  EXPECT_EQ(stream_data(im2), "\xAB\x12"s);
}

TEST(PdfImages, JpegIsEmbeddedAsItIsAndAdobeCmykInverted) {
  vanban::testing::TempDir dir;
  const fs::path cmyk = fs::path(dir.file("cmyk.jpg"));
  write_cmyk_jpeg(cmyk);
  std::ifstream in(cmyk, std::ios::binary);
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  shape::FontSet fonts;
  ReadBack back(pdf::write_pdf(with_images({cmyk}), fonts, {}));
  PoDoFo::PdfObject* im = back.doc.GetPage(0)->GetFromResources("XObject", "Im0");
  ASSERT_NE(im, nullptr);
  EXPECT_EQ(name_of(im, "Filter"), "DCTDecode");
  EXPECT_EQ(name_of(im, "ColorSpace"), "DeviceCMYK");
  const PoDoFo::PdfObject* decode = im->GetDictionary().GetKey("Decode");
  ASSERT_NE(decode, nullptr);
  EXPECT_EQ(decode->GetArray().size(), 8u);
  EXPECT_EQ(stream_data(im, false), file);
}
