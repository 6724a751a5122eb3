#pragma once
/// The PDF writer: Pages -> PDF bytes (PDF 1.7, objects written by objects.hpp's PdfFile).
/// Fonts are embedded as Type0/CIDFontType2 Identity-H, subset with hb-subset,
/// with a ToUnicode map built from the glyph->text records the PagedDocument carries.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/layout/page.hpp"
#include "pipeline/pdf/attachments.hpp"
#include "pipeline/pdf/issue_fields.hpp"
#include "pipeline/shape/font.hpp"

namespace vanban::pdf {

/// Document metadata for the Info dictionary and the catalog.
struct Metadata {
  std::string title;
  std::string author;         ///< the issuer
  std::string subject;
  std::string creator = "vanban";
  std::string lang = "vi-VN";
  /// Seconds since the epoch, UTC (document date or SOURCE_DATE_EPOCH); none: no dates are written,
  /// so that the output never depends on the clock.
  std::optional<std::int64_t> created;
  /// PDF/A part (1, 2, 3; conformance B) to conform to, 0 for a plain PDF (see pdfa.hpp).
  int pdfa_part = 0;
  /// Leave empty signature fields where layout put the signature block (fields.hpp), for
  /// `vanban sign` to sign into. Off by default: a draft's bytes do not change.
  bool signature_fields = false;
  /// `build --unissued`: page 1's number and date blanks (figure spaces) become text fields
  /// for `vanban issue`, and the fonts they are set in carry the ten digits
  /// (issue_fields.hpp). write_pdf(doc, fonts, meta) finds `issue_slots` itself.
  bool unissued = false;
  std::vector<IssueSlot> issue_slots;  ///< the blanks (write_pdf from a Prepared needs them given)
  /// PDF/A-3 only: the files the document was made from, embedded as associated files
  /// (attachments.hpp).
  std::vector<AttachedFile> sources;
};

/// A PDF date string for `seconds` since the epoch, UTC: "D:YYYYMMDDHHmmSS+00'00'".
/// Info's CreationDate/ModDate use it (XMP dates must later say the same instant).
std::string pdf_date(std::int64_t seconds);

/// Writes the document as PDF bytes. Same input, same bytes.
std::vector<char> write_pdf(const layout::PagedDocument& doc, const shape::FontSet& fonts,
                            const Metadata& meta);

struct Prepared;
/// The same, from streams already made by prepare() (prepared.hpp), which the imposed and
/// numbered PDFs of the same pages share.
std::vector<char> write_pdf(const layout::PagedDocument& doc, const Prepared& prepared, const Metadata& meta);

/// Writes `bytes` to `path` atomically: a temporary file `.<name>.tmp-<k>` in the same
/// folder, synced to disk, then renamed; SIGINT/SIGTERM/SIGHUP/SIGQUIT wait until that is
/// done. A crash or power cut leaves the old file or the whole new one. Creates the folder
/// if missing. A symbolic link at `path` is written through (its target is replaced, the
/// link stays); a path naming a folder (`dir/`, `x/.`) or an existing non-regular file
/// (device, FIFO, socket, folder) is refused. Each build holds its temporary with flock(), so
/// a temporary left by a killed build is taken over by name by the next build of the same
/// output; the folder is never listed. SIGXFSZ is ignored, so that passing `ulimit -f` is a
/// write error like any other. Throws std::runtime_error on failure (nothing left behind).
void write_file_atomically(const std::string& path, const std::vector<char>& bytes);

}  // namespace vanban::pdf
