#pragma once
/// PDF/A-3 associated files (ISO 19005-3 §6.8, ISO 32000-2 §14.13): the files a document was
/// made from, embedded with /AFRelationship /Source, so the archive keeps them with the PDF
/// (`vanban extract` gets them back).
#include <string>
#include <vector>

#include "pipeline/pdf/objects.hpp"

namespace vanban::pdf {

/// One file to embed: its path relative to the document folder ('/' between folders), its
/// MIME type and its bytes.
struct AttachedFile {
  std::string name;
  std::string mime;
  std::string bytes;
};

/// What the catalog refers to: /AF [...] and /Names <</EmbeddedFiles ...>> (empty when none).
struct AttachmentEntries {
  std::string af;     ///< the /AF array
  std::string names;  ///< the /Names dictionary
};

/// Writes each file as an embedded file stream (its /Subtype the MIME type, its size in
/// /Params) and a file specification (/F and /UF the name, /AFRelationship /Source), in the
/// order given; the name tree lists them sorted by name, as a name tree must.
AttachmentEntries add_attachments(PdfFile& file, const std::vector<AttachedFile>& files);

}  // namespace vanban::pdf
