// Files named in a document (parts, includes, the signature image) stay inside its folder,
// symbolic links followed.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "pipeline/content/load.hpp"
#include "tests/content/helpers.hpp"

namespace vanban::content {
namespace {

namespace fs = std::filesystem;
using testing::expect_one_error;
using testing::kMinimalHead;
using testing::TempDir;

TEST(LoadPaths, APartLinkedFromOutsideIsRefused) {
  TempDir dir;
  dir.write("ngoai.yaml", "body: [x]\n");
  dir.write("doc/document.yaml", std::string(kMinimalHead) +
                                     "parts:\n"
                                     "  - phan-1.yaml\n");  // 6
  fs::create_symlink("../ngoai.yaml", dir.file("doc/phan-1.yaml"));
  expect_one_error(dir.file("doc"), dir.file("doc/document.yaml") + ":6:5",
                   "part path leaves the document folder: phan-1.yaml", "symbolic link");
}

TEST(LoadPaths, AnIncludeThroughALinkedFolderIsRefused) {
  TempDir dir;
  dir.write("chung/phu-luc.yaml", "body: [x]\n");
  dir.write("doc/document.yaml", std::string(kMinimalHead) +
                                     "body:\n"
                                     "  - include: chung/phu-luc.yaml\n");  // 6
  fs::create_directory_symlink("../chung", dir.file("doc/chung"));
  expect_one_error(dir.file("doc"), dir.file("doc/document.yaml") + ":6:14",
                   "include path leaves the document folder: chung/phu-luc.yaml");
}

TEST(LoadPaths, ASignatureImageLinkedFromOutsideIsRefused) {
  TempDir dir;
  dir.write("chu-ky.png", "png");
  dir.write("doc/document.yaml", std::string(kMinimalHead) +
                                     "body: [x]\n"
                                     "signature:\n"
                                     "  image: chu-ky.png\n");  // 7
  fs::create_symlink("../chu-ky.png", dir.file("doc/chu-ky.png"));
  expect_one_error(dir.file("doc"), dir.file("doc/document.yaml") + ":7:10",
                   "signature image path leaves the document folder: chu-ky.png");
}

TEST(LoadPaths, LinksThatStayInsideAndALinkedDocumentFolderAreFine) {
  TempDir dir;
  // Listed as phan-1.yaml, the part resolves its include from the document folder.
  dir.write("doc/parts/phan-1.yaml", "body:\n  - include: them/phu-luc.yaml\n");
  dir.write("doc/them/phu-luc.yaml", "body: [y]\n");
  dir.write("doc/document.yaml", std::string(kMinimalHead) +
                                     "parts:\n"
                                     "  - ./parts/../phan-1.yaml\n");
  fs::create_symlink("parts/phan-1.yaml", dir.file("doc/phan-1.yaml"));
  fs::create_directory_symlink("doc", dir.file("link-to-doc"));
  for (const std::string& folder : {dir.file("doc"), dir.file("link-to-doc")}) {
    const Document d = load_document(folder);
    ASSERT_EQ(d.parts.size(), 1u) << folder;
    ASSERT_EQ(d.parts[0].body.size(), 1u) << folder;
    EXPECT_EQ(d.parts[0].body[0].text.plain(), "y");
  }
}

}  // namespace
}  // namespace vanban::content
