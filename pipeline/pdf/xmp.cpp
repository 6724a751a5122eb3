#include "pipeline/pdf/xmp.hpp"

namespace vanban::pdf {
namespace {

/// Text as XML character data: &, < and > escaped (quotes too, for attribute values).
std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

/// `<tag><rdf:Alt><rdf:li xml:lang="x-default">value</rdf:li></rdf:Alt></tag>` (a language alternative).
std::string alt(std::string_view tag, std::string_view value) {
  return "   <" + std::string(tag) + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_text(value) + "</rdf:li></rdf:Alt></" +
         std::string(tag) + ">\n";
}

/// `<tag><rdf:Seq|Bag><rdf:li>value</rdf:li></...></tag>` (an ordered or unordered array of one).
std::string list(std::string_view tag, std::string_view kind, std::string_view value) {
  return "   <" + std::string(tag) + "><rdf:" + std::string(kind) + "><rdf:li>" + xml_text(value) + "</rdf:li></rdf:" +
         std::string(kind) + "></" + std::string(tag) + ">\n";
}

std::string simple(std::string_view tag, std::string_view value) {
  return "   <" + std::string(tag) + ">" + xml_text(value) + "</" + std::string(tag) + ">\n";
}

}  // namespace

std::string xmp_date(std::int64_t seconds) {
  std::string d = pdf_date(seconds);  // D:YYYYMMDDHHmmSS+00'00'
  return d.substr(2, 4) + "-" + d.substr(6, 2) + "-" + d.substr(8, 2) + "T" + d.substr(10, 2) + ":" + d.substr(12, 2) +
         ":" + d.substr(14, 2) + "+00:00";
}

std::string xmp_packet(const Metadata& meta, int part) {
  // The packet header's begin attribute is U+FEFF in UTF-8; PDF/A-1 forbids the bytes and
  // encoding attributes. One rdf:Description per namespace keeps each schema together.
  std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  x += simple("dc:format", "application/pdf");
  if (!meta.title.empty()) x += alt("dc:title", meta.title);
  if (!meta.author.empty()) x += list("dc:creator", "Seq", meta.author);
  if (!meta.subject.empty()) x += alt("dc:description", meta.subject);
  if (!meta.lang.empty()) x += list("dc:language", "Bag", meta.lang);
  x += "  </rdf:Description>\n  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
  if (!meta.creator.empty()) x += simple("xmp:CreatorTool", meta.creator);
  if (meta.created) x += simple("xmp:CreateDate", xmp_date(*meta.created)) + simple("xmp:ModifyDate", xmp_date(*meta.created));
  x += "  </rdf:Description>\n  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
  x += simple("pdf:Producer", "vanban");
  x += "  </rdf:Description>\n  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
  x += simple("pdfaid:part", std::to_string(part)) + simple("pdfaid:conformance", "B");
  x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

}  // namespace vanban::pdf
