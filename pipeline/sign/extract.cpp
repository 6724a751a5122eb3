#include "pipeline/sign/extract.hpp"

#include <podofo/podofo.h>

#include <filesystem>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/sign/pdf_read.hpp"

namespace vanban::sign {

namespace {

using namespace PoDoFo;

/// Whether `name` stays inside the folder it is written to.
bool safe_name(const std::string& name) {
  const std::filesystem::path p(name);
  if (name.empty() || p.is_absolute()) return false;
  for (const auto& part : p)
    if (part == ".." || part == ".") return false;
  return true;
}

/// The decoded stream of the file specification `spec`'s /EF /F, with its name (/UF, else /F).
std::pair<std::string, std::string> read_spec(PdfMemDocument& doc, PdfObject* spec, const std::string& path) {
  const PdfDictionary& d = spec->GetDictionary();
  const PdfObject* name = d.HasKey("UF") ? d.GetKey("UF") : d.GetKey("F");
  PdfObject* ef = resolve(doc, const_cast<PdfObject*>(d.GetKey("EF")));
  PdfObject* stream = ef && ef->IsDictionary() ? resolve(doc, const_cast<PdfObject*>(ef->GetDictionary().GetKey("F"))) : nullptr;
  if (!name || !name->IsString() || !stream || !stream->HasStream())
    fail({path, 0, 0}, tr("an embedded file has no name or no data"));
  const std::string file = name->GetString().GetStringUtf8();
  if (!safe_name(file)) fail({path, 0, 0}, tr("an embedded file is named `{}`, outside its folder", file));
  char* data = nullptr;
  pdf_long len = 0;
  stream->GetStream()->GetFilteredCopy(&data, &len);
  std::string bytes(data, static_cast<std::size_t>(len));
  podofo_free(data);
  return {file, std::move(bytes)};
}

}  // namespace

std::vector<std::pair<std::string, std::string>> embedded_sources(const std::string& path) {
  quiet_podofo();
  const std::string bytes = read_pdf_bytes(path);
  PdfMemDocument doc;
  std::vector<std::pair<std::string, std::string>> out;
  try {
    doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    PdfObject* af = resolve(doc, const_cast<PdfObject*>(doc.GetCatalog()->GetDictionary().GetKey("AF")));
    if (af && af->IsArray())
      for (PdfObject& item : af->GetArray()) {
        PdfObject* spec = resolve(doc, &item);
        if (!spec || !spec->IsDictionary()) continue;
        const PdfObject* rel = spec->GetDictionary().GetKey("AFRelationship");
        if (rel && rel->IsName() && rel->GetName() == PdfName("Source")) out.push_back(read_spec(doc, spec, path));
      }
  } catch (const PdfError& e) {
    fail({path, 0, 0}, tr("cannot read the PDF: {}", describe(e)), tr("is the file complete and not encrypted?"));
  }
  if (out.empty())
    fail({path, 0, 0}, tr("the PDF has no embedded source files"), tr("a build with --pdfa 3b embeds them"));
  return out;
}

}  // namespace vanban::sign
