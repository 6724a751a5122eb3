// The issue step's values (--number, --date) and the texts drawn from them, and the DocMDP
// level read from a signature dictionary.
#include <gtest/gtest.h>

#include <podofo/podofo.h>

#include "pipeline/sign/changes.hpp"
#include "pipeline/sign/issue.hpp"

namespace {

using namespace vanban::sign;

TEST(Issue, ValuesInTheirFormAreRead) {
  IssueValues v;
  EXPECT_EQ(parse_issue_values("15", "2026-12-02", v), "");
  EXPECT_EQ(v.number, 15);
  EXPECT_EQ(v.day, 2);
  EXPECT_EQ(v.month, 12);
  EXPECT_EQ(v.year, 2026);
  EXPECT_EQ(parse_issue_values("9999", "2028-02-29", v), "");  // a leap day
}

TEST(Issue, ValuesInAnotherFormAreRefusedNamingTheOption) {
  IssueValues v;
  for (const char* n : {"", "0", "00", "12a", "-1", "12345", " 15"})
    EXPECT_NE(parse_issue_values(n, "2026-12-02", v).find("--number"), std::string::npos) << n;
  for (const char* d : {"", "2026-13-01", "2026-02-29", "02/12/2026", "2026-1-2", "2026-12-02x", "1900-01-01"})
    EXPECT_NE(parse_issue_values("15", d, v).find("--date"), std::string::npos) << d;
}

TEST(Issue, TextsAreWrittenAsABuiltDocumentWritesThem) {
  IssueValues v{5, 2, 1, 2026};
  EXPECT_EQ(issue_text(v, "number"), "05");  // zero-padded to 2 digits
  EXPECT_EQ(issue_text(v, "day"), "02");      // a day below 10: a leading zero
  EXPECT_EQ(issue_text(v, "month"), "01");    // January and February: a leading zero (NĐ 30)
  EXPECT_EQ(issue_text(v, "year"), "2026");
  v = {1234, 25, 3, 2026};
  EXPECT_EQ(issue_text(v, "number"), "1234");
  EXPECT_EQ(issue_text(v, "day"), "25");
  EXPECT_EQ(issue_text(v, "month"), "3");  // March on: no zero
}

TEST(Issue, DocMdpLevelIsReadFromTheSignaturesReference) {
  using namespace PoDoFo;
  PdfDictionary sig;
  EXPECT_EQ(docmdp_level(sig), 0);  // an approval signature
  PdfDictionary params;
  params.AddKey("P", static_cast<pdf_int64>(2));
  PdfDictionary ref;
  ref.AddKey("TransformMethod", PdfName("DocMDP"));
  ref.AddKey("TransformParams", params);
  PdfArray refs;
  refs.push_back(ref);
  sig.AddKey("Reference", refs);
  EXPECT_EQ(docmdp_level(sig), 2);
  params.AddKey("P", static_cast<pdf_int64>(1));
  ref.AddKey("TransformParams", params);
  PdfArray one;
  one.push_back(ref);
  sig.AddKey("Reference", one);
  EXPECT_EQ(docmdp_level(sig), 1);
}

}  // namespace
