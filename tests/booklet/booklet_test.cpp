// The booklet stage: booklet.yaml read into plain values (and refused with located errors),
// the booklet style read, and a document's own style adapted to the booklet's page.
#include <gtest/gtest.h>

#include "pipeline/booklet/book_style.hpp"
#include "pipeline/booklet/booklet.hpp"
#include "tests/common/temp_dir.hpp"

namespace vanban::booklet {
namespace {

/// A booklet folder with `yaml` as booklet.yaml and a document folder `doc` beside it.
std::string booklet_folder(const testing::TempDir& dir, const std::string& yaml) {
  dir.write("doc/document.yaml", "kind: bao-cao\n");
  return std::filesystem::path(dir.write("tap/booklet.yaml", yaml)).parent_path().string();
}

/// The messages of the Error that loading `folder` throws.
std::vector<std::string> errors_of(const std::string& folder) {
  try {
    load_booklet(folder);
  } catch (const Error& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.message);
    return out;
  }
  return {};
}

TEST(Booklet, ReadsEveryKey) {
  testing::TempDir dir;
  const std::string folder = booklet_folder(dir,
      "style: so-tay-a5\nparent: ĐẢNG BỘ TỈNH\nissuer: ĐẢNG BỘ XÃ\ntitle: [VĂN KIỆN, ĐẠI HỘI]\n"
      "congress: ĐẠI HỘI LẦN THỨ I\nterm: NHIỆM KỲ 2025 – 2030\nplace: An Bình\ndate: 2025-06\n"
      "documents:\n  - ../doc\ntoc: false\n"
      "imposition: {mode: saddle-stitch, creep: 0.1mm, crop-marks: true, bleed: 3mm, signature: 16}\ncopies: 300\n");
  const Booklet b = load_booklet(folder);
  EXPECT_EQ(b.issuer, "ĐẢNG BỘ XÃ");
  EXPECT_EQ(b.parent, "ĐẢNG BỘ TỈNH");
  EXPECT_EQ(b.title, (std::vector<std::string>{"VĂN KIỆN", "ĐẠI HỘI"}));
  EXPECT_EQ(b.term, "NHIỆM KỲ 2025 – 2030");
  ASSERT_TRUE(b.date);
  EXPECT_EQ(b.date->month, 6);
  EXPECT_EQ(b.date->year, 2025);
  ASSERT_EQ(b.documents.size(), 1u);
  EXPECT_EQ(b.documents[0].folder, folder + "/../doc");
  EXPECT_FALSE(b.toc);
  EXPECT_EQ(b.imposition.mode, "saddle-stitch");
  EXPECT_EQ(b.imposition.creep, mm(0.1));
  EXPECT_TRUE(b.imposition.crop_marks);
  EXPECT_EQ(b.imposition.bleed, mm(3));
  EXPECT_EQ(b.imposition.signature, 16);
  EXPECT_EQ(b.copies, 300);
}

TEST(Booklet, ShortTitleAndImpositionAlone) {
  testing::TempDir dir;
  const Booklet b = load_booklet(booklet_folder(dir,
      "issuer: X\ntitle: T\ndocuments:\n  - {folder: ../doc, short-title: Báo cáo}\nimposition: none\n"));
  EXPECT_EQ(b.documents.at(0).short_title, "Báo cáo");
  EXPECT_EQ(b.imposition.mode, "none");
  EXPECT_TRUE(b.toc);
  EXPECT_EQ(b.style, "so-tay-a5");
}

TEST(Booklet, EveryProblemAtItsPlace) {
  testing::TempDir dir;
  const auto errs = errors_of(booklet_folder(dir,
      "issuer: X\ntitle: T\ntoc: maybe\ndocuments: [../doc, ../none]\ncopies: -3\nimposition: {signature: 6}\n"));
  ASSERT_EQ(errs.size(), 4u);
  EXPECT_EQ(errs[0], "3:6 `toc` must be true or false");
  EXPECT_EQ(errs[1].substr(0, 30), "4:21 no document folder `../no");
  EXPECT_EQ(errs[2], "5:9 `copies` must be a whole number from 1 to 9999, not `-3`");
  EXPECT_EQ(errs[3], "6:25 `signature` must be a whole number from 8 to 32, not `6`");
}

TEST(Booklet, RequiredKeysAndEmptyLists) {
  testing::TempDir dir;
  const auto missing = errors_of(booklet_folder(dir, "issuer: X\n"));
  const auto empty = errors_of(booklet_folder(dir, "issuer: X\ntitle: []\ndocuments: []\n"));
  EXPECT_EQ(missing, (std::vector<std::string>{"1:1 missing `title` in booklet.yaml",
                                               "1:1 missing `documents` in booklet.yaml"}));
  EXPECT_EQ(empty, (std::vector<std::string>{"2:8 `title` is an empty list", "3:12 `documents` is an empty list"}));
}

TEST(Booklet, IsTheFolderWithBookletYaml) {
  testing::TempDir dir;
  const std::string folder = booklet_folder(dir, "issuer: X\n");
  EXPECT_TRUE(is_booklet(folder));
  EXPECT_FALSE(is_booklet(dir.file("doc")));
}

TEST(BookStyle, TheA5StyleAndItsPage) {
  const BookStyle s = load_book_style("so-tay-a5", VANBAN_SOURCE_DIR "/styles", ".", {});
  EXPECT_EQ(s.width, mm(148));
  EXPECT_EQ(s.height, mm(210));
  EXPECT_GE(s.body_size, pt(11));
  const style::PageGeometry g = s.page();
  EXPECT_EQ(g.left_of(0), s.inner);  // a right-hand page: the spine on the left
  EXPECT_EQ(g.left_of(1), s.outer);  // a left-hand page: the spine on the right
}

TEST(BookStyle, ADocumentStyleIsRefused) {
  try {
    load_book_style("dang", VANBAN_SOURCE_DIR "/styles", ".", {"booklet.yaml", 1, 8});
    FAIL() << "dang was taken for a booklet style";
  } catch (const Error& e) {
    EXPECT_EQ(e.diagnostics().at(0).message, "`dang` is not a booklet style: it has no `kind: booklet`");
  }
}

TEST(Adapt, PageAndSizesFromTheBookletConventionsFromTheRegime) {
  const BookStyle book = load_book_style("so-tay-a5", VANBAN_SOURCE_DIR "/styles", ".", {});
  const style::Style dang = style::load_style("dang", VANBAN_SOURCE_DIR "/styles", ".", {});
  const style::Style a = adapt(dang, book);
  EXPECT_EQ(a.page.width, mm(148));
  EXPECT_TRUE(a.page.mirror);
  EXPECT_EQ(a.body.text.size, book.body_size);
  EXPECT_FALSE(a.page_number.show);
  // Scaled by 11/14: the 16 pt type name becomes 12.57 pt; 12 pt recipients stay at 9 pt at least.
  EXPECT_NEAR(to_pt(a.title.title.size), 16.0 * 11 / 14, 0.01);
  EXPECT_GE(a.recipients.item.size, book.min_size);
  // The header grid keeps its share of the text width.
  const double share = static_cast<double>(dang.header.left_width) / static_cast<double>(dang.page.text_width());
  EXPECT_NEAR(static_cast<double>(a.header.left_width) / static_cast<double>(a.page.text_width()), share, 1e-6);
  // The regime's conventions stay: labels, cases, the star, marks.
  EXPECT_EQ(a.levels.at(0).label, dang.levels.at(0).label);
  EXPECT_EQ(a.header.issuer_mark, "*");
  EXPECT_EQ(a.marks.at("du-thao").text, "DỰ THẢO");
  EXPECT_EQ(a.title.title.text_case, dang.title.title.text_case);
}

}  // namespace
}  // namespace vanban::booklet
