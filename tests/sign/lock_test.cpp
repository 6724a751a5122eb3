// Field locks: a signature that locks form fields (a FieldMDP transform in its signature
// dictionary, or its field's /Lock) makes `verify` refuse a later revision that changes or
// removes a locked field, and still permits changes to the fields it leaves open.
// The PDFs are made here with PoDoFo, signed with sign_pdf, then changed in an incremental
// update as another tool would; the keys are made at test time.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <tuple>

#include <podofo/podofo.h>

#include "pipeline/sign/changes.hpp"
#include "pipeline/sign/locks.hpp"
#include "pipeline/sign/pdf_read.hpp"
#include "pipeline/sign/sign.hpp"
#include "pipeline/sign/verify.hpp"
#include "tests/sign/test_signer.hpp"

namespace {

using namespace vanban::sign;
using namespace PoDoFo;
namespace fs = std::filesystem;

fs::path temp_path(const std::string& name) { return fs::temp_directory_path() / ("vanban-lock-test-" + name); }

/// One signer for the whole file: making an RSA key is the slow part.
const Credentials& signer() {
  static const Credentials c = test_support::make_signer();
  return c;
}

/// A one-page PDF whose form has the filled text fields `a` and `b` and the empty signature
/// fields `signer` and `organisation`.
void write_form_pdf(const std::string& path) {
  PdfMemDocument doc;
  PdfPage* page = doc.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
  PdfAcroForm* form = doc.GetAcroForm(ePdfCreateObject, ePdfAcroFormDefaultAppearance_None);
  PdfArray fields;
  double y = 700;
  for (const auto& [name, type, value] : {std::tuple{"a", "Tx", "one"}, std::tuple{"b", "Tx", "two"},
                                          std::tuple{"signer", "Sig", ""}, std::tuple{"organisation", "Sig", ""}}) {
    PdfAnnotation* widget = page->CreateAnnotation(ePdfAnnotation_Widget, PdfRect(100, y -= 100, 200, 60));
    PdfDictionary& d = widget->GetObject()->GetDictionary();
    d.AddKey("FT", PdfName(type));
    d.AddKey("T", PdfString(name));
    if (*value) d.AddKey("V", PdfString(value));
    fields.push_back(widget->GetObject()->Reference());
  }
  form->GetObject()->GetDictionary().AddKey("Fields", fields);
  doc.Write(path.c_str());
}

/// A lock dictionary's /Action and /Fields.
PdfDictionary lock_entries(const char* action, const std::vector<std::string>& names) {
  PdfDictionary d;
  d.AddKey("Action", PdfName(action));
  PdfArray fields;
  for (const std::string& n : names) fields.push_back(PdfString(n));
  if (!names.empty()) d.AddKey("Fields", fields);
  return d;
}

/// The terminal field named `name` of `doc`'s form.
PdfObject* field(PdfMemDocument& doc, const std::string& name) {
  PdfObject* form = resolve(doc, const_cast<PdfObject*>(doc.GetCatalog()->GetDictionary().GetKey("AcroForm")));
  for (const FieldRef& f : form_fields(doc, form))
    if (f.name == name) return f.object;
  ADD_FAILURE() << "no field " << name;
  return nullptr;
}

/// Signs `in` into `field_name`, with a FieldMDP transform `mdp` in the signature dictionary
/// and a /Lock `lock` on the field (each when it has an /Action), into `out`; `change` is
/// made in the same incremental update first (a clerk's fill before the signature).
void sign_into(const std::string& in, const std::string& out, const std::string& field_name, const PdfDictionary& mdp,
               const PdfDictionary& lock, const std::function<void(PdfMemDocument&)>& change = {}) {
  SignOptions options;
  options.signing_time = 1764547200;
  options.field = field_name;
  if (mdp.HasKey("Action"))
    options.signature_entries = [&](PdfDictionary& sig) {
      PdfDictionary params = mdp;
      params.AddKey("Type", PdfName("TransformParams"));
      params.AddKey("V", PdfName("1.2"));
      PdfDictionary ref;
      ref.AddKey("Type", PdfName("SigRef"));
      ref.AddKey("TransformMethod", PdfName("FieldMDP"));
      ref.AddKey("TransformParams", params);
      PdfArray refs;
      refs.push_back(ref);
      sig.AddKey("Reference", refs);
    };
  options.before_signing = [&](PdfMemDocument& doc) {
    if (change) change(doc);
    if (lock.HasKey("Action")) {
      // An indirect lock, as signing tools write it. (An object made from a value,
      // CreateObject(typed), would not be written: PoDoFo's update writes the objects marked
      // changed, and AddKey marks.)
      PdfObject* indirect = doc.GetObjects().CreateObject();
      indirect->GetDictionary().AddKey("Type", PdfName("SigFieldLock"));
      for (const auto& [key, value] : lock.GetKeys()) indirect->GetDictionary().AddKey(key, *value);
      field(doc, field_name)->GetDictionary().AddKey("Lock", indirect->Reference());
    }
  };
  const std::vector<char> bytes = sign_pdf(in, signer(), options);
  std::ofstream(out, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// `in` with an incremental update that `change` makes (as a form-filling tool would), into `out`.
void update(const std::string& in, const std::string& out, const std::function<void(PdfMemDocument&)>& change) {
  PdfMemDocument doc;
  doc.Load(in.c_str(), /*bForUpdate=*/true);
  change(doc);
  doc.WriteUpdate(out.c_str());
}

/// The PDFs of one test, removed at its end.
class FieldLocks : public ::testing::Test {
 protected:
  void SetUp() override { write_form_pdf(form_); }
  void TearDown() override {
    if (!std::getenv("VANBAN_KEEP_TEST_OUTPUT"))
      for (const std::string& p : {form_, signed_, changed_}) fs::remove(p);
  }
  /// The first signature's report after `name` was filled with `value` in a later revision,
  /// which the organisation signed (so that the file is valid when the fill is permitted);
  /// `valid`: the whole report's verdict.
  SignatureReport after_filling(const std::string& name, const char* value, bool* valid = nullptr) {
    sign_into(signed_, changed_, "organisation", {}, {},
              [&](PdfMemDocument& doc) { field(doc, name)->GetDictionary().AddKey("V", PdfString(value)); });
    const VerifyReport report = verify_pdf(changed_, "");
    EXPECT_EQ(report.revisions, 3);
    EXPECT_EQ(report.signatures.size(), 2u);
    if (valid) *valid = report.valid();
    return report.signatures.at(0);
  }
  /// A file of this test's own (ctest runs the tests side by side).
  static std::string path(const char* what) {
    return temp_path(std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" + what);
  }
  const std::string form_ = path("form.pdf"), signed_ = path("signed.pdf"), changed_ = path("changed.pdf");
};

const std::string kChangedA = "the field `a` that signature `signer` locked was changed";

TEST_F(FieldLocks, FieldMdpIncludeRefusesAChangeToTheLockedFieldOnly) {
  sign_into(form_, signed_, "signer", lock_entries("Include", {"a"}), {});
  const VerifyReport before = verify_pdf(signed_, "");
  ASSERT_EQ(before.signatures.size(), 1u);
  ASSERT_TRUE(before.signatures[0].lock.has_value());  // read from the signature, also when nothing follows it
  EXPECT_TRUE(before.signatures[0].lock->from_reference);
  EXPECT_EQ(before.signatures[0].lock->fields, std::vector<std::string>{"a"});
  EXPECT_TRUE(before.valid());
  bool valid = true;
  const SignatureReport a = after_filling("a", "changed", &valid);
  EXPECT_EQ(a.unpermitted, std::vector<std::string>{kChangedA});
  EXPECT_FALSE(valid);
  const SignatureReport b = after_filling("b", "changed", &valid);
  EXPECT_TRUE(b.unpermitted.empty()) << b.unpermitted.front();
  EXPECT_TRUE(b.cms.intact);
  EXPECT_TRUE(valid);
}

TEST_F(FieldLocks, TheFieldsLockIsReadWhenTheSignatureHasNoFieldMdp) {
  sign_into(form_, signed_, "signer", {}, lock_entries("Include", {"a"}));
  bool valid = true;
  const SignatureReport a = after_filling("a", "changed", &valid);
  ASSERT_TRUE(a.lock.has_value());
  EXPECT_FALSE(a.lock->from_reference);
  EXPECT_EQ(a.unpermitted, std::vector<std::string>{kChangedA});
  EXPECT_FALSE(valid);
  EXPECT_TRUE(after_filling("b", "changed", &valid).unpermitted.empty());
  EXPECT_TRUE(valid);
}

TEST_F(FieldLocks, TheSignedFieldMdpRulesOverTheFieldsLock) {
  sign_into(form_, signed_, "signer", lock_entries("Include", {"a"}), lock_entries("Include", {"b"}));
  EXPECT_EQ(after_filling("a", "changed").unpermitted, std::vector<std::string>{kChangedA});
  EXPECT_TRUE(after_filling("b", "changed").unpermitted.empty());
}

TEST_F(FieldLocks, ActionAllLocksEveryField) {
  sign_into(form_, signed_, "signer", lock_entries("All", {}), {});
  EXPECT_EQ(after_filling("a", "changed").unpermitted, std::vector<std::string>{kChangedA});
  EXPECT_EQ(after_filling("b", "changed").unpermitted,
            std::vector<std::string>{"the field `b` that signature `signer` locked was changed"});
}

TEST_F(FieldLocks, ActionExcludeLocksAllButTheFieldsNamed) {
  sign_into(form_, signed_, "signer", lock_entries("Exclude", {"b"}), {});
  EXPECT_EQ(after_filling("a", "changed").unpermitted, std::vector<std::string>{kChangedA});
  bool valid = false;
  EXPECT_TRUE(after_filling("b", "changed", &valid).unpermitted.empty());
  EXPECT_TRUE(valid);
}

TEST_F(FieldLocks, ANewAppearanceOfALockedFieldIsAChangeToo) {
  sign_into(form_, signed_, "signer", lock_entries("Include", {"a"}), {});
  sign_into(signed_, changed_, "organisation", {}, {}, [](PdfMemDocument& doc) {
    PdfObject* look = doc.GetObjects().CreateObject();  // (what a reader shows: the value stays "one")
    look->GetDictionary().AddKey("Type", PdfName("XObject"));
    look->GetDictionary().AddKey("Subtype", PdfName("Form"));
    look->GetDictionary().AddKey("BBox", PdfArray(PdfVariant(static_cast<pdf_int64>(0))));
    look->GetStream()->Set("BT ET\n");
    PdfDictionary ap;
    ap.AddKey("N", look->Reference());
    field(doc, "a")->GetDictionary().AddKey("AP", ap);
  });
  const VerifyReport report = verify_pdf(changed_, "");
  EXPECT_EQ(report.signatures.at(0).unpermitted, std::vector<std::string>{kChangedA});
  EXPECT_FALSE(report.valid());
}

TEST_F(FieldLocks, ALockedFieldRemovedFromTheFormIsNamed) {
  sign_into(form_, signed_, "signer", lock_entries("Include", {"a"}), {});
  update(signed_, changed_, [](PdfMemDocument& doc) {
    PdfObject* form = resolve(doc, const_cast<PdfObject*>(doc.GetCatalog()->GetDictionary().GetKey("AcroForm")));
    PdfArray kept;
    for (const PdfObject& f : form->GetDictionary().GetKey("Fields")->GetArray())
      if (f.GetReference() != field(doc, "a")->Reference()) kept.push_back(f);
    form->GetDictionary().AddKey("Fields", kept);
  });
  const VerifyReport report = verify_pdf(changed_, "");
  EXPECT_EQ(report.signatures.at(0).unpermitted,
            std::vector<std::string>{"the field `a` that signature `signer` locked was removed"});
  EXPECT_FALSE(report.valid());
}

TEST_F(FieldLocks, AnEmptySignatureFieldLockedByAllCanStillBeSigned) {
  sign_into(form_, signed_, "signer", lock_entries("All", {}), {});
  sign_into(signed_, changed_, "organisation", {}, {});
  const VerifyReport report = verify_pdf(changed_, "");
  ASSERT_EQ(report.signatures.size(), 2u);
  EXPECT_NE(report.signatures[0].permits, 0);  // (the changes after it were judged)
  EXPECT_TRUE(report.signatures[0].unpermitted.empty()) << report.signatures[0].unpermitted.front();
  EXPECT_TRUE(report.valid());
}

TEST_F(FieldLocks, ALocksPermissionsHoldTheChangesAfterItToThatLevel) {
  PdfDictionary lock = lock_entries("Include", {"a"});
  lock.AddKey("P", static_cast<pdf_int64>(1));  // (PDF 2.0: no change after this signature)
  sign_into(form_, signed_, "signer", {}, lock);
  bool valid = true;
  const SignatureReport b = after_filling("b", "changed", &valid);  // (b is not locked)
  ASSERT_TRUE(b.lock.has_value());
  EXPECT_EQ(b.lock->permissions, 1);
  EXPECT_EQ(b.permits, 1);
  ASSERT_FALSE(b.unpermitted.empty());
  EXPECT_NE(b.unpermitted.front().find("the signature permits no change"), std::string::npos) << b.unpermitted.front();
  EXPECT_FALSE(valid);
}

TEST_F(FieldLocks, WithoutALockFillingAFieldIsPermitted) {
  sign_into(form_, signed_, "signer", {}, {});
  bool valid = false;
  const SignatureReport a = after_filling("a", "changed", &valid);
  EXPECT_FALSE(a.lock.has_value());
  EXPECT_EQ(a.permits, kNoCertification);
  EXPECT_TRUE(a.unpermitted.empty());
  EXPECT_TRUE(valid);
}

TEST(FieldLock, ANameStandsForTheFieldAndTheFieldsUnderIt) {
  FieldLock include{FieldLock::Action::Include, {"x", "y.z"}};
  EXPECT_TRUE(include.locks("x"));
  EXPECT_TRUE(include.locks("x.kid"));
  EXPECT_TRUE(include.locks("y.z"));
  EXPECT_FALSE(include.locks("xy"));
  EXPECT_FALSE(include.locks("y"));
  FieldLock exclude{FieldLock::Action::Exclude, {"x"}};
  EXPECT_FALSE(exclude.locks("x.kid"));
  EXPECT_TRUE(exclude.locks("xy"));
  EXPECT_TRUE(FieldLock{}.locks("anything"));  // (All)
  EXPECT_EQ(describe_lock(include), "the fields x, y.z");
  EXPECT_EQ(describe_lock(exclude), "all fields but x");
  EXPECT_EQ(describe_lock(FieldLock{}), "all fields");
}

}  // namespace
