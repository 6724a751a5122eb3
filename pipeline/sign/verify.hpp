#pragma once
/// Verifying the signatures of a PDF: each signature field's /ByteRange is checked against
/// the file (it must cover everything but its own /Contents and end where a revision ends),
/// the CMS over those bytes is checked with OpenSSL, and the changes made after it are
/// judged against what it permits (changes.hpp: the DocMDP level; locks.hpp: the fields it locks).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/sign/cms.hpp"
#include "pipeline/sign/locks.hpp"

namespace vanban::sign {

/// One signature as `vanban verify` reports it.
struct SignatureReport {
  std::string field;       ///< the field's full name
  std::string sub_filter;  ///< e.g. "ETSI.CAdES.detached"
  std::string level;       ///< "PAdES B-B", "PKCS#7 detached", or the SubFilter when unknown
  std::string reason, location;
  std::string claimed_time;  ///< /M as written
  int revision = 0;          ///< the revision (1 = the original file) whose end the signature covers; 0: none
  bool range_ok = false;     ///< /ByteRange is [0 a b c] around exactly the /Contents string, ending at a revision
  bool whole_file = false;   ///< it covers the file to its last byte
  CmsCheck cms;
  int docmdp = 0;            ///< the DocMDP level this signature certifies the document with (0: an approval signature)
  int permits = 0;           ///< the level the changes after it were judged by (changes.hpp); 0: none followed
  std::optional<FieldLock> lock;         ///< the fields it locks (locks.hpp), as its own revision says
  std::vector<std::string> unpermitted;  ///< the changes after it that it does not permit (locked fields too), in words
  /// Whether this signature holds: its range is sound, its bytes intact, its timestamp (if
  /// any) over its signature value, the changes after it permitted (and its certificate
  /// trusted, when a trust list was given).
  bool valid(bool trust_checked) const {
    return range_ok && cms.intact && (!cms.timestamped || cms.timestamp.matches) && (!trust_checked || cms.trusted) &&
           unpermitted.empty();
  }
};

/// Everything `vanban verify` found in one file.
struct VerifyReport {
  std::string file;
  int revisions = 0;  ///< incremental revisions in the file (1 = no update)
  std::vector<SignatureReport> signatures;  ///< in the order they were made (by the end of their range)
  bool trust_checked = false;               ///< a trust list was given
  /// Valid: at least one signature, all of them hold, and the last one covers the whole
  /// file (so no unsigned change follows any of them).
  bool valid() const;
};

/// Reads and checks `path`. `trust_file` (PEM, may be empty) is the list of trusted CA
/// certificates. Throws vanban::Error when the file is not a PDF PoDoFo can read.
VerifyReport verify_pdf(const std::string& path, const std::string& trust_file);

/// The report as text for people: one block per signature, then a verdict line.
std::string format_report(const VerifyReport& report);

/// The report as JSON, one object: {"file", "revisions", "valid", "signatures": [...]}.
std::string format_report_json(const VerifyReport& report);

}  // namespace vanban::sign
