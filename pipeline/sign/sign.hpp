#pragma once
/// Signing a PDF (PoDoFo 0.9.8 + OpenSSL CMS): an incremental update that appends a
/// signature field and its PAdES signature, leaving every earlier byte (and so every earlier
/// signature) as it was.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/sign/appearance.hpp"
#include "pipeline/sign/credentials.hpp"

namespace vanban::sign {

/// What the signature dictionary says besides the signature itself.
struct SignOptions {
  std::string reason;    ///< /Reason, e.g. "Ký ban hành"
  std::string location;  ///< /Location, e.g. "Hà Nội"
  /// The signing time, seconds since the epoch: /M and the CMS signing-time attribute.
  std::int64_t signing_time = 0;
  /// The empty signature field to sign into (its full name); empty: the first empty
  /// signature field of the document, else a new invisible one on page 1.
  std::string field;
  /// What the signature shows in its field (nothing: an invisible signature).
  AppearanceSpec appearance;
  /// An RFC 3161 timestamping authority (http://...): its timestamp over the signature
  /// value makes the signature PAdES B-T. Empty: B-B.
  std::string tsa_url;
  /// Changes made in the same incremental update before the signature (`vanban issue`'s
  /// fill of the number and date); called with the document opened for update.
  std::function<void(PoDoFo::PdfMemDocument&)> before_signing;
  /// Entries to add to the signature dictionary before it is signed (a test's FieldMDP
  /// /Reference that locks fields); called once vanban's own entries are in it.
  std::function<void(PoDoFo::PdfDictionary&)> signature_entries;
};

/// The bytes of `input` (a PDF file) followed by an incremental update holding a PAdES B-B
/// signature (/SubFilter /ETSI.CAdES.detached) made with `signer`, as the value of an empty
/// signature field the document has (the place its build left for the signature: the
/// field keeps its page and rectangle), else of a new invisible field on page 1. Throws
/// vanban::Error, placed at `input`, when the file is not a PDF PoDoFo can read for update
/// (corrupt, encrypted), forbids more changes, or has no empty field named options.field;
/// The first signature of a document awaiting issue (issue.hpp) certifies it with DocMDP
/// P=2: filling the form and signing stay permitted, nothing else;
/// std::runtime_error when OpenSSL fails.
std::vector<char> sign_pdf(const std::string& input, const Credentials& signer, const SignOptions& options);

/// `seconds` since the epoch in Vietnam's time (UTC+7, no daylight saving), ISO 8601:
/// "2026-12-02T17:44:15+07:00", the form NĐ 30 prescribes for a signature's time.
std::string vietnam_iso_time(std::int64_t seconds);

/// The same instant as a PDF date string: "D:20261202174415+07'00'".
std::string vietnam_pdf_date(std::int64_t seconds);

}  // namespace vanban::sign
