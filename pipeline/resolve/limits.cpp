#include "pipeline/resolve/limits.hpp"

#include <string>

#include "pipeline/core/i18n.hpp"
#include "pipeline/core/limits.hpp"

namespace vanban::resolve {

namespace {

class SizeCheck {
 public:
  void document(const content::Document& doc) {
    text(doc.title, doc.title.pos);
    for (const auto& s : doc.subtitle) text(s, s.pos);
    for (const auto& r : doc.recipients) text(r, r.pos);
    for (const auto& part : doc.parts) {
      count(part.pos);
      text(part.title, part.pos);
      blocks(part.body);
      for (const auto& s : part.sections) section(s);
    }
  }

 private:
  void section(const content::Section& s) {
    count(s.pos);
    text(s.title, s.pos);
    blocks(s.body);
    for (const auto& sub : s.sections) section(sub);
  }

  void blocks(const std::vector<content::Block>& body) {
    for (const auto& b : body) {
      count(b.pos);
      text(b.text, b.pos);
      for (const auto& item : b.items) {
        count(item.text.pos.line ? item.text.pos : b.pos);
        text(item.text, b.pos);
        blocks(item.children);
      }
      for (const auto& c : b.table.columns) text(c, b.pos);
      for (const auto& row : b.table.rows) {
        const SourcePos& at = !row.empty() && row[0].pos.line ? row[0].pos : b.pos;
        count(at);
        for (const auto& cell : row) text(cell, at);
      }
    }
  }

  void count(const SourcePos& at) {
    if (++blocks_ > kMaxBlocks)
      fail(
          at,
          tr("the document is too large: more than {} blocks (paragraphs, list items, table rows, headings)",
             kMaxBlocks),
          tr("split it into several documents; one this long would take minutes to set and run to thousands of pages"));
  }

  void text(const content::Text& t, const SourcePos& at) {
    for (const auto& span : t.spans) bytes_ += span.text.size();
    if (bytes_ > kMaxTextBytes)
      fail(t.pos.line ? t.pos : at, tr("the document is too large: more than {} MB of text", kMaxTextBytes >> 20),
           tr("split it into several documents"));
  }

  std::size_t blocks_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace

void check_document_size(const content::Document& doc) { SizeCheck().document(doc); }

}  // namespace vanban::resolve
