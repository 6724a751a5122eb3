#pragma once
/// Internal to the import stage: the expat handlers that read word/document.xml and
/// word/styles.xml. A DTD (DOCTYPE or entity declaration) stops the parse: Word never
/// writes one, and entities are how an XML bomb explodes.
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "pipeline/import/source.hpp"

namespace vanban::importer {

/// One run of text with its formatting.
struct Run {
  std::string text;  ///< UTF-8 as in the XML
  bool bold = false;
  bool italic = false;
  std::string font;  ///< w:rFonts ascii/hAnsi, for legacy-encoded fonts
};

/// Turns a run's text into Unicode when its font is a legacy one (.VnTime, VNI-Times);
/// returns the text unchanged otherwise.
using RunDecoder = std::function<std::string(const Run&)>;

/// The local part of a prefixed XML name ("w:p" -> "p"); Word's prefixes are fixed.
std::string_view xml_local(const char* name);

/// The value of the attribute whose local name is `name`, or nullptr.
const char* xml_attr(const char** atts, std::string_view name);

/// w:b, w:i and the like: on unless w:val says "0", "false", "off" or "none".
bool xml_toggle_on(const char** atts);

/// Element and text callbacks of one parse; `user` is passed to each.
struct XmlHandlers {
  void* user = nullptr;
  void (*start)(void* user, const char* name, const char** atts) = nullptr;
  void (*end)(void* user, const char* name) = nullptr;
  void (*text)(void* user, const char* s, int len) = nullptr;
};

/// Parses `xml` (the package part `part` of `file`) with expat, refusing any DTD; throws
/// Error on malformed XML or a DTD.
void parse_xml(const std::string& xml, const XmlHandlers& handlers, const std::string& file, const std::string& part);

/// Paragraph style id -> heading level (1 = "heading 1"), from word/styles.xml.
std::map<std::string, int> parse_styles(const std::string& xml, const std::string& file);

/// Reads word/document.xml into items; `headings` from parse_styles. Throws Error at
/// `file` on malformed XML or a DTD.
Source parse_document(const std::string& xml, const std::string& file, const std::map<std::string, int>& headings,
                      const RunDecoder& decode);

/// The paragraph text and inline markup of `runs` (bold and italic as `**`/`*`).
void runs_to_paragraph(const std::vector<Run>& runs, Paragraph& p);

}  // namespace vanban::importer
