#include "benchmarks/common.hpp"

#include <cstdlib>
#include <sstream>

#include "pipeline/content/load.hpp"

namespace vanban::bench {

std::string document_path() {
  if (const char* p = std::getenv("VANBAN_BENCH_DOC"); p && *p) return p;
  return std::string(VANBAN_SOURCE_DIR) + "/content/bao-cao-chinh-tri";
}

namespace {

void collect(const std::vector<content::Block>& blocks, Sample& s);

void add_text(const content::Text& t, Sample& s) {
  std::vector<layout::StyledText> parts;
  for (const auto& span : t.spans) {
    layout::StyledText st;
    st.text = span.text;
    st.font = s.family.face(shape::face_style(span.bold, span.italic));
    st.size = s.style.body.text.size;
    parts.push_back(std::move(st));
  }
  if (!parts.empty()) s.paragraphs.push_back(std::move(parts));
}

void collect(const std::vector<content::Block>& blocks, Sample& s) {
  for (const auto& b : blocks) {
    if (b.kind == content::Block::Kind::Paragraph) add_text(b.text, s);
    for (const auto& item : b.items) {
      add_text(item.text, s);
      collect(item.children, s);
    }
  }
}

void collect(const std::vector<content::Section>& sections, Sample& s) {
  for (const auto& sec : sections) {
    collect(sec.body, s);
    collect(sec.sections, s);
  }
}

std::unique_ptr<Sample> load() {
  auto s = std::make_unique<Sample>();
  s->doc = content::load_document(document_path());
  s->style = style::load_style(s->doc.style, std::string(VANBAN_SOURCE_DIR) + "/styles", s->doc.folder,
                               s->doc.style_pos);
  shape::add_font_dir(std::string(VANBAN_SOURCE_DIR) + "/fonts");
  s->family = layout::load_family(s->style, s->fonts, {s->style.file, 0, 0});
  for (const auto& part : s->doc.parts) {
    collect(part.body, *s);
    collect(part.sections, *s);
  }
  auto& ps = s->body_shape;
  ps.measure = s->style.page.text_width();
  ps.indent = s->style.body.indent;
  ps.align = style::Align::Justify;
  ps.space_stretch = s->style.body.space_stretch;
  ps.space_shrink = s->style.body.space_shrink;
  ps.tolerance = s->style.body.tolerance;
  return s;
}

}  // namespace

Sample& sample() {
  static std::unique_ptr<Sample> s = load();
  return *s;
}

std::vector<Word> sample_words() {
  std::vector<Word> out;
  for (const auto& para : sample().paragraphs)
    for (const auto& part : para) {
      std::istringstream in(part.text);
      std::string w;
      while (in >> w) out.push_back({w, part.font, part.size});
    }
  return out;
}

}  // namespace vanban::bench
