// The document-size check made before layout (pipeline/core/limits.hpp): refused at the
// first block past the limit, with its place; a document just under it passes.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/core/limits.hpp"
#include "pipeline/resolve/limits.hpp"

using namespace vanban;

namespace {

content::Block paragraph(const std::string& text, int line) {
  content::Block b;
  b.text.spans.push_back({text, false, false});
  b.text.pos = {"doc.yaml", line, 5};
  b.pos = b.text.pos;
  return b;
}

/// A one-part document of `n` one-word paragraphs on lines 1..n (the part counts as one block).
content::Document paragraphs(std::size_t n) {
  content::Document doc;
  doc.parts.emplace_back();
  doc.parts[0].pos = {"doc.yaml", 1, 1};
  for (std::size_t i = 0; i < n; ++i) doc.parts[0].body.push_back(paragraph("a", static_cast<int>(i) + 1));
  return doc;
}

TEST(DocumentSize, JustUnderTheBlockLimitPasses) {
  EXPECT_NO_THROW(resolve::check_document_size(paragraphs(kMaxBlocks - 1)));
}

TEST(DocumentSize, TooManyBlocksIsRefusedAtTheFirstOneOver) {
  try {
    resolve::check_document_size(paragraphs(kMaxBlocks + 10));
    FAIL() << "no error";
  } catch (const Error& e) {
    const Diagnostic& d = e.diagnostics().at(0);
    EXPECT_EQ(d.pos.line, static_cast<int>(kMaxBlocks));  // the part is block 1, so paragraph kMaxBlocks is past it
    EXPECT_NE(d.message.find("more than " + std::to_string(kMaxBlocks) + " blocks"), std::string::npos) << d.message;
  }
}

TEST(DocumentSize, TableRowsAndListItemsCount) {
  content::Document doc = paragraphs(0);
  content::Block table;
  table.kind = content::Block::Kind::Table;
  table.pos = {"doc.yaml", 3, 5};
  table.table.rows.assign(kMaxBlocks, std::vector<content::Text>(2));
  doc.parts[0].body.push_back(table);
  EXPECT_THROW(resolve::check_document_size(doc), Error);
}

TEST(DocumentSize, TooMuchTextIsRefused) {
  content::Document doc = paragraphs(0);
  const std::string chunk(1 << 20, 'a');  // 1 MB
  for (int i = 0; i <= static_cast<int>(kMaxTextBytes >> 20); ++i) doc.parts[0].body.push_back(paragraph(chunk, i + 1));
  try {
    resolve::check_document_size(doc);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.diagnostics().at(0).pos.line, static_cast<int>(kMaxTextBytes >> 20) + 1);
    EXPECT_NE(e.diagnostics().at(0).message.find("MB of text"), std::string::npos);
  }
}

TEST(MemoryLimit, ZeroMeansNone) { EXPECT_FALSE(limit_memory(0)); }

}  // namespace
