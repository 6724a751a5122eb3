// word/document.xml -> Source: the element handlers of the body.
#include <cstring>
#include <vector>

#include "pipeline/import/docx_xml.hpp"
#include "pipeline/import/inline.hpp"

namespace vanban::importer {
namespace {

/// A paragraph being read: its properties and runs.
struct OpenParagraph {
  Paragraph p;
  std::vector<Run> runs;
  Run run;  ///< the run being read (its w:rPr, then its text)
};

/// A table being read (nested tables are read into the cells of the outermost one).
struct OpenTable {
  Table t;
  bool borders = false;  ///< some border is drawn (w:tblBorders other than none/nil, or a grid style)
};

struct Document {
  const std::string& file;
  const std::map<std::string, int>& headings;
  const RunDecoder& decode;
  Source src;
  std::vector<OpenParagraph> paragraphs;  // nested through text boxes
  std::vector<OpenTable> tables;
  std::vector<Unknown> pending;           // reported after the current top-level item
  int number = 0;                         // paragraphs read, the "line" of a .docx place
  int skip = 0;                           // inside w:del or mc:Fallback: not read
  int in_text = 0, in_rpr = 0, in_tblborders = 0;
  int drawing = 0, textbox = 0;
  bool drawing_has_textbox = false;
  std::string textbox_text;

  Document(const std::string& f, const std::map<std::string, int>& h, const RunDecoder& d) : file(f), headings(h), decode(d) {}

  SourcePos here() const { return {file, number, 1}; }

  void start(std::string_view n, const char** atts) {
    if (n == "del" || n == "Fallback") {
      ++skip;
      return;
    }
    if (skip) return;
    if (n == "p") {
      paragraphs.emplace_back();
      paragraphs.back().p.pos = {file, ++number, 1};
    } else if (n == "tbl") {
      tables.emplace_back();
      tables.back().t.pos = {file, number + 1, 1};
    } else if (n == "tr" && tables.size() == 1) {
      tables.back().t.rows.emplace_back();
    } else if (n == "tc" && tables.size() == 1 && !tables.back().t.rows.empty()) {
      tables.back().t.rows.back().emplace_back();
    } else if (n == "tblBorders") {
      ++in_tblborders;
    } else if (in_tblborders && !tables.empty()) {
      const char* v = xml_attr(atts, "val");
      if (v && std::strcmp(v, "nil") != 0 && std::strcmp(v, "none") != 0) tables.back().borders = true;
    } else if (n == "tblStyle" && !tables.empty()) {
      const char* v = xml_attr(atts, "val");
      if (v && std::strstr(v, "Grid")) tables.back().borders = true;
    } else if (paragraphs.empty()) {
      return;
    } else if (n == "pStyle") {
      const char* v = xml_attr(atts, "val");
      if (const auto it = v ? headings.find(v) : headings.end(); it != headings.end()) paragraphs.back().p.heading_level = it->second;
    } else if (n == "outlineLvl" && !in_rpr) {
      if (const char* v = xml_attr(atts, "val"); v && std::atoi(v) < 9) paragraphs.back().p.heading_level = std::atoi(v) + 1;
    } else if (n == "jc" && !in_rpr) {
      const char* v = xml_attr(atts, "val");
      paragraphs.back().p.centered = v && std::strcmp(v, "center") == 0;
    } else if (n == "numPr") {
      paragraphs.back().p.list_item = true;
    } else if (n == "r") {
      paragraphs.back().run = Run{};
    } else if (n == "rPr") {
      ++in_rpr;
    } else if (n == "b" && in_rpr) {
      paragraphs.back().run.bold = xml_toggle_on(atts);
    } else if (n == "i" && in_rpr) {
      paragraphs.back().run.italic = xml_toggle_on(atts);
    } else if (n == "rFonts" && in_rpr) {
      const char* v = xml_attr(atts, "ascii");
      if (!v) v = xml_attr(atts, "hAnsi");
      if (v) paragraphs.back().run.font = v;
    } else if (n == "t") {
      ++in_text;
    } else if (n == "tab" || n == "br" || n == "cr") {
      paragraphs.back().run.text += ' ';
    } else if (n == "noBreakHyphen") {
      paragraphs.back().run.text += '-';
    } else if (n == "drawing" || n == "pict" || n == "object") {
      if (drawing++ == 0) drawing_has_textbox = false;
    } else if (n == "txbxContent") {
      ++textbox;
      drawing_has_textbox = true;
    } else if (n == "footnoteReference" || n == "endnoteReference") {
      pending.push_back({std::string(n == "footnoteReference" ? "a footnote" : "an endnote") +
                             " (its text, in the package's notes part, is not imported)", here()});
    }
  }

  void end(std::string_view n) {
    if (n == "del" || n == "Fallback") {
      --skip;
      return;
    }
    if (skip) return;
    if (n == "p" && !paragraphs.empty()) {
      end_paragraph();
    } else if (n == "r" && !paragraphs.empty()) {
      OpenParagraph& op = paragraphs.back();
      if (!op.run.text.empty()) {
        op.run.text = decode(op.run);
        op.runs.push_back(std::move(op.run));
      }
      op.run = Run{};
    } else if (n == "rPr") {
      --in_rpr;
    } else if (n == "t") {
      --in_text;
    } else if (n == "tblBorders") {
      --in_tblborders;
    } else if (n == "tbl" && !tables.empty()) {
      OpenTable t = std::move(tables.back());
      tables.pop_back();
      if (tables.empty()) {
        t.t.borderless = !t.borders;
        src.items.emplace_back(std::move(t.t));
        flush_pending();
      }
    } else if (n == "txbxContent") {
      --textbox;
    } else if (n == "drawing" || n == "pict" || n == "object") {
      if (--drawing == 0) {
        if (drawing_has_textbox)
          pending.push_back({"a text box (its text: " + (textbox_text.empty() ? std::string("none") : textbox_text) + ")", here()});
        else
          pending.push_back({n == "object" ? "an embedded object" : "an image or drawing", here()});
        textbox_text.clear();
      }
    }
  }

  void end_paragraph() {
    OpenParagraph op = std::move(paragraphs.back());
    paragraphs.pop_back();
    runs_to_paragraph(op.runs, op.p);
    if (textbox) {
      if (!op.p.plain.empty()) textbox_text += (textbox_text.empty() ? "" : " / ") + op.p.plain;
      return;
    }
    if (!tables.empty()) {
      auto& rows = tables.front().t.rows;
      if (!rows.empty() && !rows.back().empty()) rows.back().back().paragraphs.push_back(std::move(op.p));
      return;
    }
    if (!op.p.plain.empty() || pending.empty()) src.items.emplace_back(std::move(op.p));
    flush_pending();
  }

  void flush_pending() {
    for (Unknown& u : pending) src.items.emplace_back(std::move(u));
    pending.clear();
  }

  void text(const char* s, int len) {
    if (skip || !in_text || paragraphs.empty()) return;
    paragraphs.back().run.text.append(s, static_cast<std::size_t>(len));
  }
};

void on_start(void* d, const char* name, const char** atts) { static_cast<Document*>(d)->start(xml_local(name), atts); }
void on_end(void* d, const char* name) { static_cast<Document*>(d)->end(xml_local(name)); }
void on_text(void* d, const char* s, int len) { static_cast<Document*>(d)->text(s, len); }

}  // namespace

Source parse_document(const std::string& xml, const std::string& file, const std::map<std::string, int>& headings,
                      const RunDecoder& decode) {
  Document doc(file, headings, decode);
  doc.src.file = file;
  parse_xml(xml, XmlHandlers{&doc, on_start, on_end, on_text}, file, "word/document.xml");
  doc.flush_pending();
  return std::move(doc.src);
}

}  // namespace vanban::importer
