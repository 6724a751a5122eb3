#include "pipeline/sign/verify.hpp"

#include <algorithm>
#include <string_view>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/sign/changes.hpp"
#include "pipeline/sign/locks.hpp"
#include "pipeline/sign/pdf_read.hpp"

namespace vanban::sign {
namespace {

using namespace PoDoFo;

/// Where each revision ends: just after each `%%EOF` and the line end that follows it.
std::vector<std::size_t> revision_ends(std::string_view bytes) {
  std::vector<std::size_t> ends;
  for (std::size_t at = bytes.find("%%EOF"); at != std::string_view::npos; at = bytes.find("%%EOF", at + 5)) {
    std::size_t end = at + 5;
    while (end < bytes.size() && (bytes[end] == '\r' || bytes[end] == '\n')) ++end;
    ends.push_back(end);
  }
  return ends;
}

/// Hex digits to bytes; stops at the first non-hex character (the string's padding is zeros).
std::string unhex(std::string_view hex) {
  const auto value = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    const int hi = value(hex[i]), lo = value(hex[i + 1]);
    if (hi < 0 || lo < 0) break;
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

/// The signature dictionary (/V) of a signature field, or nullptr for other fields.
PdfObject* signature_value(PdfMemDocument& doc, PdfObject* field) {
  const PdfObject* ft = field->GetDictionary().GetKey("FT");
  if (!ft) {  // (inherited from the parent field)
    PdfObject* parent = resolve(doc, const_cast<PdfObject*>(field->GetDictionary().GetKey("Parent")));
    if (parent && parent->IsDictionary()) ft = parent->GetDictionary().GetKey("FT");
  }
  if (!ft || !ft->IsName() || ft->GetName() != PdfName("Sig")) return nullptr;
  PdfObject* v = resolve(doc, const_cast<PdfObject*>(field->GetDictionary().GetKey("V")));
  return v && v->IsDictionary() ? v : nullptr;
}

std::string string_key(const PdfDictionary& d, const char* key) {
  const PdfObject* o = d.GetKey(key);
  if (o && o->IsString()) return o->GetString().GetStringUtf8();
  if (o && o->IsName()) return o->GetName().GetName();
  return {};
}

/// Checks one signature dictionary against the file's bytes.
SignatureReport check_signature(const std::string& field, const PdfDictionary& sig, std::string_view bytes,
                                const std::vector<std::size_t>& ends, const std::string& trust_file) {
  SignatureReport r;
  r.field = field;
  r.sub_filter = string_key(sig, "SubFilter");
  r.reason = string_key(sig, "Reason");
  r.location = string_key(sig, "Location");
  r.claimed_time = string_key(sig, "M");
  r.docmdp = docmdp_level(sig);
  const PdfObject* br = sig.GetKey("ByteRange");
  std::int64_t v[4] = {-1, -1, -1, -1};
  if (br && br->IsArray() && br->GetArray().size() == 4)
    for (int i = 0; i < 4; ++i)
      if (br->GetArray()[i].IsNumber()) v[i] = br->GetArray()[i].GetNumber();
  const auto n = static_cast<std::int64_t>(bytes.size());
  // [0 a b c]: the first part from the start, the gap exactly the <hex> /Contents string.
  r.range_ok = v[0] == 0 && v[1] > 0 && v[2] > v[1] + 1 && v[3] >= 0 && v[2] + v[3] <= n &&
               bytes[static_cast<std::size_t>(v[1])] == '<' && bytes[static_cast<std::size_t>(v[2] - 1)] == '>';
  if (!r.range_ok) {
    r.cms.problem = tr("the /ByteRange does not cover the file around the signature");
    return r;
  }
  const auto a = static_cast<std::size_t>(v[1]), b = static_cast<std::size_t>(v[2]), c = static_cast<std::size_t>(v[3]);
  const auto it = std::find(ends.begin(), ends.end(), b + c);
  r.revision = it == ends.end() ? 0 : static_cast<int>(it - ends.begin()) + 1;
  r.whole_file = b + c == bytes.size();
  if (r.revision == 0) {
    r.range_ok = false;
    r.cms.problem = tr("the signed bytes do not end where a revision of the file ends");
    return r;
  }
  std::string covered(bytes.substr(0, a));
  covered.append(bytes.substr(b, c));
  r.cms = check_cms(unhex(bytes.substr(a + 1, b - a - 2)), covered, trust_file);
  if (r.sub_filter == "ETSI.CAdES.detached")
    r.level = !r.cms.signing_certificate_v2 ? "CAdES without signing-certificate-v2 (not PAdES)"
              : r.cms.timestamped && r.cms.timestamp.matches ? "PAdES B-T"
                                                              : "PAdES B-B";
  else if (r.sub_filter == "adbe.pkcs7.detached") r.level = "PKCS#7 detached";
  else r.level = r.sub_filter;
  return r;
}

/// Reads each signature's field lock from the revision it covers, and judges the changes
/// after it (in order) by the certification's level from the certifying signature on (else
/// kNoCertification), lowered from a lock's /P on (permissions can be taken away, not
/// added: ISO 32000-2 table 236), and by the fields it locks.
void judge_later_changes(VerifyReport& report, std::string_view bytes, const std::vector<std::size_t>& ends,
                         PdfMemDocument& doc) {
  int level = kNoCertification;
  for (SignatureReport& s : report.signatures) {
    if (s.docmdp != 0) level = s.docmdp;
    if (!s.range_ok || s.revision == 0) continue;
    if (s.whole_file) {
      s.lock = read_field_lock(doc, s.field);
      continue;
    }
    PdfMemDocument signed_revision;
    signed_revision.LoadFromBuffer(bytes.data(), static_cast<long>(ends[static_cast<std::size_t>(s.revision - 1)]));
    s.lock = read_field_lock(signed_revision, s.field);
    if (s.lock && s.lock->permissions != 0) level = std::min(level, s.lock->permissions);
    s.permits = level;
    s.unpermitted = unpermitted_changes(signed_revision, doc, level);
    if (s.lock)
      for (std::string& problem : locked_field_changes(signed_revision, doc, *s.lock, s.field))
        s.unpermitted.push_back(std::move(problem));
  }
}

}  // namespace

bool VerifyReport::valid() const {
  if (signatures.empty()) return false;
  for (const auto& s : signatures)
    if (!s.valid(trust_checked)) return false;
  return signatures.back().whole_file;
}

VerifyReport verify_pdf(const std::string& path, const std::string& trust_file) {
  quiet_podofo();
  const std::string bytes = read_pdf_bytes(path);
  VerifyReport report;
  report.file = path;
  report.trust_checked = !trust_file.empty();
  const std::vector<std::size_t> ends = revision_ends(bytes);
  report.revisions = static_cast<int>(ends.size());
  PdfMemDocument doc;
  try {
    doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    PdfObject* form = resolve(doc, const_cast<PdfObject*>(doc.GetCatalog()->GetDictionary().GetKey("AcroForm")));
    for (const FieldRef& f : form_fields(doc, form))
      if (PdfObject* sig = signature_value(doc, f.object))
        report.signatures.push_back(check_signature(f.name, sig->GetDictionary(), bytes, ends, trust_file));
    std::stable_sort(report.signatures.begin(), report.signatures.end(),
                     [](const SignatureReport& x, const SignatureReport& y) { return x.revision < y.revision; });
    judge_later_changes(report, bytes, ends, doc);
  } catch (const PdfError& e) {
    fail({path, 0, 0}, tr("cannot read the PDF: {}", describe(e)), tr("is the file complete and not encrypted?"));
  }
  return report;
}

}  // namespace vanban::sign
