// The two forms of `vanban verify`'s report: text for people, JSON for machines.
#include <sstream>

#include "pipeline/core/i18n.hpp"
#include "pipeline/sign/sign.hpp"
#include "pipeline/sign/verify.hpp"

namespace vanban::sign {
namespace {

/// A JSON string literal (quotes, backslashes and control characters escaped; UTF-8 kept).
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string signing_time(const SignatureReport& s) {
  return s.cms.signing_time ? vietnam_iso_time(*s.cms.signing_time) : std::string();
}

/// What follows the signature: nothing, or revisions that later signatures cover.
std::string later_changes(const SignatureReport& s, const VerifyReport& r) {
  if (s.whole_file) return tr("the whole file");
  const auto later = static_cast<unsigned long>(r.revisions - s.revision);
  return tr("revision {} of {}; {}", s.revision, r.revisions, ntr("{} later revision", "{} later revisions", later, later)) +
         (r.signatures.back().whole_file ? tr(", covered by later signatures") : tr(", NOT covered by any signature"));
}

/// The RFC 3161 timestamp as JSON: null, or {"valid", "time", "tsa"}.
std::string timestamp_json(const SignatureReport& s) {
  if (!s.cms.timestamped) return "null";
  const TimestampCheck& t = s.cms.timestamp;
  return std::string("{\"valid\": ") + (t.matches ? "true" : "false") +
         ", \"time\": " + json_string(t.time ? vietnam_iso_time(*t.time) : "") + ", \"tsa\": " + json_string(t.tsa) + "}";
}

/// The level of changes a signature permits, in words.
std::string permitted(int level) {
  return level == 1   ? tr("no change")
         : level == 2 ? tr("form filling and signing")
                      : tr("form filling, signing and annotations");
}

/// A JSON array of strings.
std::string strings_json(const std::vector<std::string>& strings) {
  std::string out = "[";
  for (std::size_t i = 0; i < strings.size(); ++i) out += (i ? ", " : "") + json_string(strings[i]);
  return out + "]";
}

/// The field lock as JSON: null, or {"action": "All"|"Include"|"Exclude", "fields", "from":
/// "FieldMDP"|"Lock", "p": its /P, 0 when absent}.
std::string lock_json(const SignatureReport& s) {
  if (!s.lock) return "null";
  const FieldLock& l = *s.lock;
  const char* action = l.action == FieldLock::Action::Include   ? "Include"
                       : l.action == FieldLock::Action::Exclude ? "Exclude"
                                                                : "All";
  return std::string("{\"action\": \"") + action + "\", \"fields\": " + strings_json(l.fields) +
         ", \"from\": \"" + (l.from_reference ? "FieldMDP" : "Lock") + "\", \"p\": " + std::to_string(l.permissions) + "}";
}

}  // namespace

std::string format_report(const VerifyReport& r) {
  std::ostringstream out;
  // TRANSLATORS: the labels of `vanban verify`'s report keep their spaces, so that the
  // values after them line up.
  if (r.signatures.empty()) out << tr("{}: no signatures", r.file) << '\n';
  for (std::size_t i = 0; i < r.signatures.size(); ++i) {
    const SignatureReport& s = r.signatures[i];
    out << tr("signature {} of {}: {}", i + 1, r.signatures.size(), s.field) << '\n';
    out << tr("  signer:       ") << (s.cms.signer.empty() ? tr("(unknown)") : s.cms.signer);
    if (!s.cms.organisation.empty()) out << " (" << s.cms.organisation << ')';
    out << '\n' << tr("  signing time: ")
        << (s.cms.signing_time ? signing_time(s) : tr("(none signed) {}", s.claimed_time)) << '\n';
    if (s.cms.timestamped)
      out << tr("  timestamp:    ")
          << (s.cms.timestamp.matches && s.cms.timestamp.time
                  ? tr("{} by {}", vietnam_iso_time(*s.cms.timestamp.time), s.cms.timestamp.tsa)
                  : tr("NOT VALID"))
          << '\n';
    out << tr("  format:       ") << (s.level.empty() ? s.sub_filter : s.level) << '\n';
    if (!s.reason.empty()) out << tr("  reason:       ") << s.reason << '\n';
    if (!s.location.empty()) out << tr("  location:     ") << s.location << '\n';
    if (s.range_ok)
      out << tr("  covers:       ")
          << (s.whole_file ? tr("revision {} of {}, the whole file", s.revision, r.revisions) : later_changes(s, r))
          << '\n';
    out << tr("  bytes:        ") << (s.cms.intact ? tr("intact") : tr("NOT INTACT")) << '\n';
    if (s.docmdp != 0) out << tr("  certifies:    DocMDP P={} (permits {})", s.docmdp, permitted(s.docmdp)) << '\n';
    if (s.lock)
      out << tr("  locks:        ") << describe_lock(*s.lock) << (s.lock->from_reference ? " (FieldMDP" : " (/Lock")
          << (s.lock->permissions != 0 ? ", P=" + std::to_string(s.lock->permissions) : std::string()) << ")\n";
    if (s.permits != 0)
      out << tr("  changes after: ")
          << (s.unpermitted.empty() ? tr("permitted ({})", permitted(s.permits)) : tr("NOT PERMITTED")) << '\n';
    for (const std::string& c : s.unpermitted) out << tr("    not permitted: ") << c << '\n';
    if (r.trust_checked) out << tr("  certificate:  ") << (s.cms.trusted ? tr("trusted") : tr("NOT TRUSTED")) << '\n';
    if (!s.cms.problem.empty()) out << tr("  problem:      ") << s.cms.problem << '\n';
    if (!s.cms.timestamp.problem.empty()) out << tr("  problem:      ") << s.cms.timestamp.problem << '\n';
  }
  out << tr("{}: {} signature(s), {} revision(s)", r.valid() ? tr("valid") : tr("NOT VALID"), r.signatures.size(),
            r.revisions);
  if (!r.trust_checked) out << tr("; certificates not checked against a trust list (--ca)");
  out << '\n';
  return out.str();
}

std::string format_report_json(const VerifyReport& r) {
  std::ostringstream out;
  out << "{\"file\": " << json_string(r.file) << ", \"revisions\": " << r.revisions
      << ", \"valid\": " << (r.valid() ? "true" : "false") << ", \"trust_checked\": " << (r.trust_checked ? "true" : "false")
      << ", \"signatures\": [";
  for (std::size_t i = 0; i < r.signatures.size(); ++i) {
    const SignatureReport& s = r.signatures[i];
    out << (i ? ", " : "") << "{\"field\": " << json_string(s.field) << ", \"signer\": " << json_string(s.cms.signer)
        << ", \"organisation\": " << json_string(s.cms.organisation) << ", \"signing_time\": " << json_string(signing_time(s))
        << ", \"claimed_time\": " << json_string(s.claimed_time)
        << ", \"timestamp\": " << timestamp_json(s) << ", \"sub_filter\": " << json_string(s.sub_filter)
        << ", \"level\": " << json_string(s.level) << ", \"reason\": " << json_string(s.reason)
        << ", \"location\": " << json_string(s.location) << ", \"revision\": " << s.revision
        << ", \"whole_file\": " << (s.whole_file ? "true" : "false") << ", \"range_ok\": " << (s.range_ok ? "true" : "false")
        << ", \"intact\": " << (s.cms.intact ? "true" : "false") << ", \"trusted\": "
        << (r.trust_checked ? (s.cms.trusted ? "true" : "false") : "null") << ", \"problem\": " << json_string(s.cms.problem)
        << ", \"docmdp\": " << s.docmdp << ", \"changes_permitted\": " << (s.unpermitted.empty() ? "true" : "false")
        << ", \"locks\": " << lock_json(s) << ", \"unpermitted_changes\": " << strings_json(s.unpermitted) << '}';
  }
  out << "]}\n";
  return out.str();
}

}  // namespace vanban::sign
