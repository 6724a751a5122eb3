// A .docx package: refusals first (encrypted, not a ZIP), then styles and the document.
#include "pipeline/import/docx_reader.hpp"

#include <fstream>

#include "pipeline/core/i18n.hpp"
#include "pipeline/import/docx_xml.hpp"
#include "pipeline/import/legacy_runs.hpp"
#include "pipeline/import/zip_archive.hpp"

namespace vanban::importer {
namespace {

/// word/document.xml of a 1,000-page report is a few MB; beyond this it is not a document.
constexpr std::uint64_t kMaxDocumentXml = 64u << 20;
constexpr std::uint64_t kMaxStylesXml = 16u << 20;

/// The first bytes of an OLE compound file: a Word 97-2003 .doc, or a password-protected
/// .docx (Word wraps the encrypted package in one).
constexpr std::string_view kCompoundFile = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

std::string head_of(const std::string& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return bytes;
}

/// Whether a compound file holds an "EncryptedPackage" stream (its name is UTF-16 in the
/// directory, which sits within the first sectors of a small file; the whole file is searched).
bool is_encrypted_package(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string_view name = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  return bytes.find(std::string(name.data(), 32)) != std::string::npos;
}

}  // namespace

bool is_compound_file(const std::string& path) { return head_of(path, 8) == kCompoundFile; }

Source read_docx(const std::string& path, std::vector<std::string>& notes) {
  const std::string head = head_of(path, 8);
  if (head.empty()) fail({path, 0, 0}, tr("the file is empty"), tr("give the document's .docx file"));
  if (head == kCompoundFile) {
    if (is_encrypted_package(path))
      fail({path, 0, 0}, tr("the .docx is password-protected (encrypted)"),
           tr("open it in Word, remove the password (File > Info > Protect Document), save, and import again"));
    fail({path, 0, 0}, tr("this is a Word 97-2003 .doc file, not a .docx"),
         tr("convert it with `soffice --headless --convert-to docx` (LibreOffice) or save it as .docx from Word"));
  }
  const ZipArchive zip(path);
  if (!zip.has("word/document.xml")) {
    if (zip.has("content.xml"))
      fail({path, 0, 0}, tr("this is an OpenDocument (.odt) file, not a .docx"),
           tr("convert it with `soffice --headless --convert-to docx` (LibreOffice) and import the .docx"));
    fail({path, 0, 0}, tr("the package has no word/document.xml: not a Word document"),
         tr("save it as .docx from Word or LibreOffice"));
  }
  const std::map<std::string, int> headings =
      zip.has("word/styles.xml") ? parse_styles(zip.read("word/styles.xml", kMaxStylesXml), path) : std::map<std::string, int>{};
  LegacyRuns legacy;
  Source src = parse_document(zip.read("word/document.xml", kMaxDocumentXml), path, headings,
                              [&legacy](const Run& r) { return legacy.decode(r.text, r.font); });
  legacy.report(notes);
  return src;
}

}  // namespace vanban::importer
