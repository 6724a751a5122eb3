// vanban-sign: the `vanban sign` and `vanban verify` commands. A program of its own, which
// `vanban` runs (exec) for these commands, so that PoDoFo and OpenSSL (and the 3-4 ms their
// libraries take to load) stay out of every `vanban build`.
// Exit 0 = done/valid, 1 = bad input or a signature that does not hold, 2 = bad usage.
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/sign/extract.hpp"
#include "pipeline/sign/pdf_read.hpp"
#include "pipeline/sign/sign.hpp"
#include "pipeline/sign/issue.hpp"
#include "pipeline/sign/verify.hpp"

using namespace vanban;

namespace {

constexpr const char* kUsage = N_(R"(Usage:
  vanban sign <in.pdf> -o <out.pdf> --p12 <key.p12> [--password-file FILE]
              [--reason TEXT] [--location TEXT] [--field NAME]
              [--image SIGNATURE.png] [--seal SEAL.png --seal-diameter MM]
              [--tsa URL]
  vanban issue <signed.pdf> --number N --date YYYY-MM-DD -o <out.pdf>
              --p12 <org.p12> [sign's options]
  vanban verify <file.pdf> [--json] [--ca CA.pem]
  vanban extract <file.pdf> -o <folder>

sign     Adds a PAdES B-B signature (ETSI.CAdES.detached, SHA-256) made with the
         key and certificate of a PKCS#12 file, as an incremental update: the
         input's bytes, and any signature already in it, are kept as they are.
         The password is read from --password-file (its first line) or from
         the VANBAN_P12_PASSWORD environment variable, never from the command
         line. The output is written to a temporary file and renamed.
         The signature goes into the document's empty signature field (the
         one named by --field, else the first), keeping its place on the
         page; a document without one gets an invisible signature.
         In a field, --image draws the signer's signature image, centred;
         --seal the organisation's seal (MM wide, 36 if not given) over the
         left third of it, with the organisation's name and the signing time
         (ISO 8601, +07:00) in 10 pt below (NĐ 30/2020, Phụ lục I).
         An attachment's field (attachment-1, top right of page 1) shows no
         image: the main document's number and symbol (the field's /TU) and
         the signing time, right-aligned (Phụ lục I, III.1.d).
         --tsa adds an RFC 3161 timestamp from the timestamping authority at
         URL (http://) over the signature (PAdES B-T).
issue    The clerk's step: fills the number and date a `build --unissued`
         left blank (in the document's own font, where a built one has
         them) and signs as the organisation into the empty `organisation`
         field, in one incremental update that keeps the leader's signature
         valid (its DocMDP P=2 certification permits a form fill and
         signatures). Refused: a PDF not built with --unissued, one not yet
         signed, one already issued, a number (1-9999) or a date
         (YYYY-MM-DD) in another form, no empty `organisation` field.
verify   Checks every signature: the bytes it covers are intact, its range
         ends at a revision of the file, and the last one covers the whole
         file, and that each change made after a signature is one it
         permits (its DocMDP level, P=2 when none: filling form fields,
         signing; P=1: nothing); a change it does not permit is named.
         --ca checks each signer's certificate against the PEM trust
         list too. Exit 0 only when everything holds; --json prints the
         report as JSON.
extract  Writes the source files a --pdfa 3b build embedded (document.yaml,
         parts, included files, images) into the folder, which builds the
         same PDF again.
)");

int usage_error(const std::string& message) {
  std::cerr << "vanban: " << message << '\n' << tr("Try `vanban sign --help`.") << '\n';
  return 2;
}

/// The PKCS#12 password: the first line of `file`, else $VANBAN_P12_PASSWORD.
std::optional<std::string> read_password(const std::string& file) {
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) fail({file, 0, 0}, tr("cannot read the password file"));
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  if (const char* env = std::getenv("VANBAN_P12_PASSWORD")) return std::string(env);
  return std::nullopt;
}

/// Takes the value of option args[i] into `into`; false when there is none.
bool take(const std::vector<std::string>& args, std::size_t& i, std::string& into) {
  if (i + 1 >= args.size()) return false;
  into = args[++i];
  return true;
}

/// `sign`, or `issue` (which also takes --number and --date and signs into `organisation`).
int run_sign(const std::vector<std::string>& args) {
  const bool issue = args[0] == "issue";
  std::string input, output, p12, password_file, seal_mm = "36", number, date;
  sign::SignOptions options;
  if (issue) options.field = "organisation";
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    bool ok = true;
    if (a == "-h" || a == "--help") return std::cout << translate(kUsage), 0;
    if (a == "-o" || a == "--output") ok = take(args, i, output);
    else if (a == "--p12") ok = take(args, i, p12);
    else if (a == "--password-file") ok = take(args, i, password_file);
    else if (a == "--reason") ok = take(args, i, options.reason);
    else if (a == "--location") ok = take(args, i, options.location);
    else if (a == "--field") ok = take(args, i, options.field);
    else if (a == "--image") ok = take(args, i, options.appearance.image);
    else if (a == "--seal") ok = take(args, i, options.appearance.seal);
    else if (a == "--seal-diameter") ok = take(args, i, seal_mm);
    else if (a == "--tsa") ok = take(args, i, options.tsa_url);
    else if (issue && a == "--number") ok = take(args, i, number);
    else if (issue && a == "--date") ok = take(args, i, date);
    else if (a == "--password" || a.rfind("--password=", 0) == 0)
      return usage_error(
          tr("passwords are never taken from the command line (other users can see it); use --password-file or "
             "VANBAN_P12_PASSWORD"));
    else if (!a.empty() && a[0] == '-')
      return usage_error(tr("unknown option `{}`", a));
    else if (input.empty()) input = a;
    else
      return usage_error(tr("sign takes one input PDF"));
    if (!ok) return usage_error(tr("{} needs a value", a));
  }
  if (input.empty() || output.empty() || p12.empty())
    return usage_error(tr("{} needs <in.pdf>, -o <out.pdf> and --p12 <key.p12>", args[0]));
  sign::IssueValues values;
  if (issue) {
    if (number.empty() || date.empty()) return usage_error(tr("issue needs --number N and --date YYYY-MM-DD"));
    if (const std::string problem = sign::parse_issue_values(number, date, values); !problem.empty()) return usage_error(problem);
    options.before_signing = [&](PoDoFo::PdfMemDocument& doc) { sign::fill_issue_fields(doc, input, values); };
    if (options.reason.empty()) options.reason = "Phát hành";
  }
  const std::optional<std::string> password = read_password(password_file);
  if (!password) return usage_error(tr("no password for {}: set VANBAN_P12_PASSWORD or give --password-file", p12));
  options.signing_time = static_cast<std::int64_t>(std::time(nullptr));
  const sign::Credentials signer = sign::load_credentials(p12, *password, options.signing_time);
  if (!options.appearance.seal.empty()) {
    char* end = nullptr;
    const double mm = std::strtod(seal_mm.c_str(), &end);
    if (end == seal_mm.c_str() || *end != '\0' || mm <= 0 || mm > 100)
      return usage_error(tr("--seal-diameter takes millimetres, e.g. 36"));
    options.appearance.seal_diameter = mm * 72 / 25.4;
    std::string organisation = sign::subject_organisation(signer.certificate.get());
    if (organisation.empty()) organisation = sign::subject_name(signer.certificate.get());
    options.appearance.lines = {organisation, sign::vietnam_iso_time(options.signing_time)};
  }
  pdf::write_file_atomically(output, sign::sign_pdf(input, signer, options));
  std::cerr << (issue ? "issued " : "signed ") << output << " as " << sign::subject_name(signer.certificate.get()) << " at "
            << sign::vietnam_iso_time(options.signing_time) << '\n';
  return 0;
}

int run_verify(const std::vector<std::string>& args) {
  std::string file, ca;
  bool json = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") return std::cout << translate(kUsage), 0;
    if (a == "--json") json = true;
    else if (a == "--ca") {
      if (!take(args, i, ca)) return usage_error(tr("--ca needs a value"));
    } else if (!a.empty() && a[0] == '-')
      return usage_error(tr("unknown option `{}`", a));
    else if (file.empty()) file = a;
    else
      return usage_error(tr("verify takes one PDF"));
  }
  if (file.empty()) return usage_error(tr("verify needs a PDF"));
  const sign::VerifyReport report = sign::verify_pdf(file, ca);
  std::cout << (json ? sign::format_report_json(report) : sign::format_report(report));
  return report.valid() ? 0 : 1;
}

int run_extract(const std::vector<std::string>& args) {
  std::string file, folder;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") return std::cout << translate(kUsage), 0;
    if (a == "-o" || a == "--output") {
      if (!take(args, i, folder)) return usage_error(tr("{} needs a value", a));
    } else if (!a.empty() && a[0] == '-')
      return usage_error(tr("unknown option `{}`", a));
    else if (file.empty()) file = a;
    else
      return usage_error(tr("extract takes one PDF"));
  }
  if (file.empty() || folder.empty()) return usage_error(tr("extract needs <file.pdf> and -o <folder>"));
  const auto files = sign::embedded_sources(file);  // (all read before any is written)
  for (const auto& [name, bytes] : files)
    pdf::write_file_atomically((std::filesystem::path(folder) / name).string(), std::vector<char>(bytes.begin(), bytes.end()));
  std::cerr << tr("extracted {} files into {}", files.size(), folder) << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  choose_language("");  // VANBAN_LANG from the vanban that runs this, else the environment
  if (args.empty() || args[0] == "-h" || args[0] == "--help")
    return std::cout << translate(kUsage), args.empty() ? 2 : 0;
  try {
    if (args[0] == "sign" || args[0] == "issue") {
      const int status = run_sign(args);
      sign::release_podofo_globals();
      return status;
    }
    if (args[0] == "verify") return run_verify(args);
    if (args[0] == "extract") return run_extract(args);
    return usage_error(tr("unknown command `{}`", args[0]));
  } catch (const Error& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format(d) << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "vanban: error: " << e.what() << '\n';
    return 1;
  }
}
