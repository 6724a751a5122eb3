#include "pipeline/core/i18n.hpp"
#include "pipeline/sign/issue.hpp"

#include <chrono>
#include <cstdio>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/sign/pdf_read.hpp"

namespace vanban::sign {
namespace {

using namespace PoDoFo;

/// A blank of the unissued build: its field (merged with its widget) and how to draw into it.
struct Blank {
  std::string name;
  PdfObject* field = nullptr;
  const PdfDictionary* issue = nullptr;  ///< /VanbanIssue
};

/// The form's fields with a /VanbanIssue dictionary, and whether any signature field is signed
/// or is the empty `organisation` one.
struct FormState {
  std::vector<Blank> blanks;
  bool signed_before = false, organisation_empty = false;
};

/// The blanks and signature fields of `doc`'s form.
FormState read_form(PdfMemDocument& doc) {
  FormState s;
  PdfObject* form = resolve(doc, const_cast<PdfObject*>(doc.GetCatalog()->GetDictionary().GetKey("AcroForm")));
  for (const FieldRef& f : form_fields(doc, form)) {
    const PdfDictionary& d = f.object->GetDictionary();
    PdfObject* issue = resolve(doc, const_cast<PdfObject*>(d.GetKey("VanbanIssue")));
    if (issue && issue->IsDictionary()) s.blanks.push_back({f.name, f.object, &issue->GetDictionary()});
    const PdfObject* ft = d.GetKey("FT");
    if (ft && ft->IsName() && ft->GetName() == PdfName("Sig")) {
      if (d.HasKey("V")) s.signed_before = true;
      else if (f.name == "organisation") s.organisation_empty = true;  // (pdf/fields.hpp's kOrganisationField)
    }
  }
  return s;
}

/// The number `d[key]` (integer or real), 0 when absent.
double number_key(const PdfDictionary& d, const char* key) {
  const PdfObject* o = d.GetKey(key);
  return o && o->IsNumber() ? static_cast<double>(o->GetNumber()) : o && o->IsReal() ? o->GetReal() : 0;
}

/// "12.5" for a content stream.
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

/// Draws `text` (digits) into the blank: a new appearance stream in the blank's font, and /V.
void fill(PdfMemDocument& doc, const Blank& b, const std::string& text, const std::string& path) {
  const PdfDictionary& is = *b.issue;
  const PdfObject* font = is.GetKey("Font");
  const PdfObject* digits = is.GetKey("Digits");
  const auto count = static_cast<std::size_t>(number_key(is, "Count"));
  if (!font || !font->IsReference() || !digits || !digits->IsHexString() || digits->GetString().GetLength() != 20 ||
      count == 0)
    fail({path, 0, 0}, tr("the blank `{}` is damaged: its /VanbanIssue dictionary is incomplete", b.name));
  if (text.size() > count)
    fail({path, 0, 0}, tr("`{}` is longer than the {} digits the blank `{}` has room for", text, count, b.name));
  const PdfObject* rect = b.field->GetDictionary().GetKey("Rect");
  if (!rect || !rect->IsArray() || rect->GetArray().size() != 4)
    fail({path, 0, 0}, tr("the blank `{}` has no rectangle", b.name));
  const PdfArray& r = rect->GetArray();
  const auto coord = [&](int i) { return r[i].IsReal() ? r[i].GetReal() : static_cast<double>(r[i].GetNumber()); };
  const double width = coord(2) - coord(0), height = coord(3) - coord(1);
  const double advance = number_key(is, "Advance");
  const double free = static_cast<double>(count - text.size()) * advance;
  const double x = b.name == "number" ? free : free / 2;  // the number ends at its "/"; a date part is centred
  const char* cids = digits->GetString().GetString();  // (the hex string's bytes: 2 per digit)
  std::string hex = "<";
  for (const char c : text) {
    char buf[8];
    const auto at = static_cast<std::size_t>(c - '0') * 2;
    std::snprintf(buf, sizeof buf, "%02X%02X", static_cast<unsigned char>(cids[at]), static_cast<unsigned char>(cids[at + 1]));
    hex += buf;
  }
  hex += '>';
  const std::string content = "/Tx BMC q BT /F " + num(number_key(is, "Size")) + " Tf " + num(x) + " " +
                              num(number_key(is, "Baseline")) + " Td " + hex + " Tj ET Q EMC\n";
  PdfObject* ap = doc.GetObjects().CreateObject();
  PdfDictionary& d = ap->GetDictionary();
  d.AddKey("Type", PdfName("XObject"));
  d.AddKey("Subtype", PdfName("Form"));
  PdfArray bbox;
  for (const double v : {0.0, 0.0, width, height}) bbox.push_back(PdfVariant(v));
  d.AddKey("BBox", bbox);
  PdfDictionary fonts;
  fonts.AddKey("F", font->GetReference());
  PdfDictionary resources;
  resources.AddKey("Font", fonts);
  d.AddKey("Resources", resources);
  ap->GetStream()->Set(content.data(), static_cast<pdf_long>(content.size()));
  PdfDictionary appearance;
  appearance.AddKey("N", ap->Reference());
  b.field->GetDictionary().AddKey("AP", appearance);
  b.field->GetDictionary().AddKey("V", PdfString(text));
}

}  // namespace

std::string parse_issue_values(const std::string& number, const std::string& date, IssueValues& v) {
  if (number.empty() || number.size() > 4 || number.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(number) == 0)
    return tr("--number takes the document's number, 1 to 9999 (digits only), not `{}`", number);
  v.number = std::stoi(number);
  unsigned d = 0, m = 0;
  int y = 0;
  char tail = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3 || date[4] != '-' ||
      date[7] != '-')
    return tr("--date takes the day of issue as YYYY-MM-DD (e.g. 2026-12-02), not `{}`", date);
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok() || y < 1945 || y > 9999) return "--date " + date + " is not a day of the calendar";
  v.year = y;
  v.month = static_cast<int>(m);
  v.day = static_cast<int>(d);
  return {};
}

std::string issue_text(const IssueValues& v, const std::string& field) {
  const auto padded = [](int n, bool pad) { return (pad && n < 10 ? "0" : "") + std::to_string(n); };
  if (field == "number") return padded(v.number, true);
  if (field == "day") return padded(v.day, true);
  if (field == "month") return padded(v.month, v.month < 3);
  if (field == "year") return std::to_string(v.year);
  return {};
}

void fill_issue_fields(PdfMemDocument& doc, const std::string& path, const IssueValues& values) {
  const FormState s = read_form(doc);
  if (s.blanks.empty())
    fail({path, 0, 0}, tr("the PDF has no blank number or date to fill"),
         tr("`vanban issue` fills a PDF built with `vanban build --unissued` and signed by the leader"));
  for (const Blank& b : s.blanks)
    if (b.field->GetDictionary().HasKey("V"))
      fail({path, 0, 0}, tr("the PDF is already issued (its `{}` is filled)", b.name),
           tr("a document is issued once; build it again with --unissued for a new issue"));
  if (!s.signed_before)
    fail({path, 0, 0}, tr("the PDF is not signed yet"), tr("the leader signs first (`vanban sign --field signer`), then the clerk issues it"));
  if (!s.organisation_empty)
    fail({path, 0, 0}, tr("the PDF has no empty `organisation` signature field to sign the issue in"),
         tr("build with --unissued, which leaves it, and sign the leader's signature into `signer`"));
  for (const Blank& b : s.blanks) fill(doc, b, issue_text(values, b.name), path);
}

bool awaits_issue(PdfMemDocument& doc) {
  const FormState s = read_form(doc);
  if (s.blanks.empty() || s.signed_before) return false;
  for (const Blank& b : s.blanks)
    if (b.field->GetDictionary().HasKey("V")) return false;
  return true;
}

}  // namespace vanban::sign
