// word/document.xml and word/styles.xml through expat: paragraphs, runs, tables, and the
// things that are reported instead of imported (images, text boxes, footnotes).
#include "pipeline/import/docx_xml.hpp"

#include <expat.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

#include "pipeline/core/i18n.hpp"
#include "pipeline/import/inline.hpp"

namespace vanban::importer {
namespace {

/// expat's user data: the caller's handlers, and whether a DTD stopped the parse.
struct Parse {
  XML_Parser parser;
  const XmlHandlers* handlers;
  bool dtd = false;
};

void stop_at_dtd(void* data) {
  auto* p = static_cast<Parse*>(data);
  p->dtd = true;
  XML_StopParser(p->parser, XML_FALSE);
}
void on_doctype(void* d, const XML_Char*, const XML_Char*, const XML_Char*, int) { stop_at_dtd(d); }
void on_entity(void* d, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
  stop_at_dtd(d);
}
void on_start(void* d, const XML_Char* name, const XML_Char** atts) {
  const auto* p = static_cast<Parse*>(d);
  if (p->handlers->start) p->handlers->start(p->handlers->user, name, atts);
}
void on_end(void* d, const XML_Char* name) {
  const auto* p = static_cast<Parse*>(d);
  if (p->handlers->end) p->handlers->end(p->handlers->user, name);
}
void on_text(void* d, const XML_Char* s, int len) {
  const auto* p = static_cast<Parse*>(d);
  if (p->handlers->text) p->handlers->text(p->handlers->user, s, len);
}

struct Styles {
  std::map<std::string, int> levels;
  std::string id;
  int level = 0;
  static void start(void* data, const char* name, const char** atts) {
    auto* s = static_cast<Styles*>(data);
    const std::string_view n = xml_local(name);
    if (n == "style") {
      const char* id = xml_attr(atts, "styleId");
      s->id = id ? id : "";
      s->level = 0;
    } else if (n == "name") {
      const char* v = xml_attr(atts, "val");
      std::string low = v ? v : "";
      for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (low.rfind("heading ", 0) == 0) s->level = std::atoi(low.c_str() + 8);
    } else if (n == "outlineLvl" && s->level == 0) {
      if (const char* v = xml_attr(atts, "val")) s->level = std::atoi(v) + 1;
    }
  }
  static void end(void* data, const char* name) {
    auto* s = static_cast<Styles*>(data);
    if (xml_local(name) == "style" && s->level > 0 && s->level < 10 && !s->id.empty()) s->levels[s->id] = s->level;
  }
};

}  // namespace

std::string_view xml_local(const char* name) {
  const char* colon = std::strchr(name, ':');
  return colon ? std::string_view(colon + 1) : std::string_view(name);
}

const char* xml_attr(const char** atts, std::string_view name) {
  for (int i = 0; atts[i]; i += 2)
    if (xml_local(atts[i]) == name) return atts[i + 1];
  return nullptr;
}

bool xml_toggle_on(const char** atts) {
  const char* v = xml_attr(atts, "val");
  return !v || !(std::strcmp(v, "0") == 0 || std::strcmp(v, "false") == 0 || std::strcmp(v, "off") == 0 || std::strcmp(v, "none") == 0);
}

void parse_xml(const std::string& xml, const XmlHandlers& handlers, const std::string& file, const std::string& part) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"), XML_ParserFree);
  if (!parser) throw std::bad_alloc();
  Parse p{parser.get(), &handlers};
  XML_SetUserData(p.parser, &p);
  XML_SetElementHandler(p.parser, on_start, on_end);
  XML_SetCharacterDataHandler(p.parser, on_text);
  // Word never writes a DTD; refusing one before it is read means no entity is ever expanded.
  XML_SetStartDoctypeDeclHandler(p.parser, on_doctype);
  XML_SetEntityDeclHandler(p.parser, on_entity);
  XML_SetParamEntityParsing(p.parser, XML_PARAM_ENTITY_PARSING_NEVER);
  if (xml.size() > static_cast<std::size_t>(INT32_MAX)) fail({file, 0, 0}, tr("{} is too large", part));
  const auto ok = XML_Parse(p.parser, xml.data(), static_cast<int>(xml.size()), 1);
  if (p.dtd)
    fail({file, 0, 0}, tr("{} declares a DTD (<!DOCTYPE> or entities), which Word never writes", part),
         tr("refused: entity declarations are how an XML bomb expands; save the document again from Word or "
            "LibreOffice"));
  if (ok != XML_STATUS_OK)
    fail({file, 0, 0},
         tr("{} is not well-formed XML (line {}: {})", part, XML_GetCurrentLineNumber(p.parser),
            XML_ErrorString(XML_GetErrorCode(p.parser))),
         tr("open the document in Word or LibreOffice and save it again"));
}

std::map<std::string, int> parse_styles(const std::string& xml, const std::string& file) {
  Styles s;
  parse_xml(xml, XmlHandlers{&s, Styles::start, Styles::end, nullptr}, file, "word/styles.xml");
  return s.levels;
}

void runs_to_paragraph(const std::vector<Run>& runs, Paragraph& p) {
  std::string text, plain;
  bool bold = false, italic = false, all_bold = true, any = false;
  for (const Run& r : runs) {
    plain += r.text;
    const bool blank = trim(r.text).empty();
    if (!blank) {
      any = true;
      all_bold = all_bold && r.bold;
      // One star toggles italic, two bold, three both: the change from the last run.
      const int stars = (r.bold != bold ? 2 : 0) + (r.italic != italic ? 1 : 0);
      if (stars) {
        std::size_t at = text.size();
        const bool closing = (bold || !r.bold) && (italic || !r.italic);
        while (closing && at > 0 && text[at - 1] == ' ') --at;  // "**a** b", not "**a **b"
        text.insert(at, std::string(static_cast<std::size_t>(stars), '*'));
      }
      bold = r.bold, italic = r.italic;
    }
    text += escape_markup(r.text);
  }
  const int stars = (bold ? 2 : 0) + (italic ? 1 : 0);
  std::size_t at = text.size();
  while (at > 0 && text[at - 1] == ' ') --at;
  text.insert(at, std::string(static_cast<std::size_t>(stars), '*'));
  p.text = squeeze_spaces(text);
  p.plain = squeeze_spaces(plain);
  p.bold = any && all_bold;
}

}  // namespace vanban::importer
