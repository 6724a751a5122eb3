// Part files after the first are parsed and converted on worker threads, each by a loader
// of its own: the document must come out as if they were read one after the other, with
// every problem in its place in the order a reader meets them, and "nested too deeply",
// which is said once per document, said once.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/content/load.hpp"
#include "tests/content/helpers.hpp"

namespace vanban::content {
namespace {

using testing::expect_errors;
using testing::kMinimalHead;
using testing::load_errors;
using testing::TempDir;

/// A part holding `depth` sections, each nested in the one before.
std::string nested_sections(int depth) {
  std::string s = "sections:\n";
  std::string indent;
  for (int i = 0; i < depth; ++i) {
    s += indent + "  - title: Mục\n";
    s += indent + "    sections:\n";
    indent += "    ";
  }
  return s + indent + "  - title: Cuối\n";
}

/// A folder whose document.yaml lists `parts` (written as given).
void write_document(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string doc = std::string(kMinimalHead) + "parts:\n";
  for (const auto& [name, text] : parts) {
    doc += "  - " + name + "\n";
    dir.write(name, text);
  }
  dir.write("document.yaml", doc);
}

TEST(Parts, PartsConvertedAheadLoadInOrder) {
  TempDir dir;
  write_document(dir, {{"phan-1.yaml", "title: Một\nbody: [a ...., b]\n"},
                       {"phan-2.yaml", "title: Hai\nbody:\n  - c …\n  - include: them.yaml\n"},
                       {"phan-3.yaml", "title: Ba\nsections:\n  - title: d\n    body: [e ....]\n"}});
  dir.write("them.yaml", "body: [f ....]\n");
  const Document doc = load_document(dir.str());
  ASSERT_EQ(doc.parts.size(), 3u);
  EXPECT_EQ(doc.parts[0].title.plain(), "Một");
  EXPECT_EQ(doc.parts[1].title.plain(), "Hai");
  EXPECT_EQ(doc.parts[2].title.plain(), "Ba");
  ASSERT_EQ(doc.parts[1].body.size(), 2u);  // the included block is spliced in
  EXPECT_EQ(doc.parts[1].body[1].text.plain(), "f ....");
  EXPECT_EQ(doc.parts[1].file, dir.file("phan-2.yaml"));
  ASSERT_EQ(doc.placeholder_places.size(), 4u);
  EXPECT_EQ(doc.placeholder_places[0].file, dir.file("phan-1.yaml"));
  EXPECT_EQ(doc.placeholder_places[1].file, dir.file("phan-2.yaml"));
  EXPECT_EQ(doc.placeholder_places[2].file, dir.file("them.yaml"));
  EXPECT_EQ(doc.placeholder_places[3].file, dir.file("phan-3.yaml"));
}

TEST(Parts, ProblemsOfEveryPartComeInReadingOrder) {
  TempDir dir;
  write_document(dir, {{"phan-1.yaml", "title: Một\nbody: [\"{x}\"]\n"},
                       {"phan-2.yaml", "title: Hai\nbody:\n  - include: them.yaml\n  - \"**a\"\n"},
                       {"phan-3.yaml", "title: Ba\nbogus: 1\n"}});
  dir.write("them.yaml", "body: [\"}\"]\n");
  expect_errors(load_errors(dir.str()), {{dir.file("phan-1.yaml") + ":2:9", "unknown variable `{x}`"},
                                         {dir.file("phan-2.yaml") + ":4:6", "unclosed `**` (bold)"},
                                         {dir.file("them.yaml") + ":1:9", "`}` without a matching `{`"},
                                         {dir.file("phan-3.yaml") + ":2:1", "unknown key `bogus`"}});
}

TEST(Parts, NestedTooDeeplyIsSaidOncePerDocument) {
  // Both parts are too deep: only the first says so (the second part, converted ahead by a
  // loader that had not seen the first, is converted again).
  TempDir dir;
  write_document(dir, {{"phan-1.yaml", nested_sections(70)}, {"phan-2.yaml", nested_sections(70)}});
  const auto ds = load_errors(dir.str());
  ASSERT_EQ(ds.size(), 1u) << testing::dump(ds);
  EXPECT_EQ(ds[0].pos.file, dir.file("phan-1.yaml"));
  EXPECT_EQ(ds[0].message, "the content is nested too deeply");

  // The same when the first too-deep part is itself one converted ahead.
  TempDir dir3;
  write_document(dir3, {{"phan-1.yaml", "title: Một\n"},
                        {"phan-2.yaml", nested_sections(70)},
                        {"phan-3.yaml", nested_sections(70)}});
  const auto ds3 = load_errors(dir3.str());
  ASSERT_EQ(ds3.size(), 1u) << testing::dump(ds3);
  EXPECT_EQ(ds3[0].pos.file, dir3.file("phan-2.yaml"));
}

}  // namespace
}  // namespace vanban::content
