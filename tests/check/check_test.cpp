// check_document: each rule with an input that breaks it and one that keeps it, on
// documents loaded from small YAML files and the real styles.
#include "pipeline/check/check.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/content/load.hpp"
#include "tests/content/helpers.hpp"

namespace vanban::check {
namespace {

using content::testing::dump;
using content::testing::TempDir;
using content::testing::where;

const std::string kStyles = std::string(VANBAN_SOURCE_DIR) + "/styles";

style::Style load(const std::string& name) { return style::load_style(name, kStyles, ".", {"document.yaml", 1, 8}); }

/// The text of the real style `name` (styles/<name>.yaml), for tests that change it.
std::string style_file(const std::string& name) {
  std::ifstream in(kStyles + "/" + name + ".yaml");
  std::stringstream buf;
  buf << in.rdbuf();
  EXPECT_FALSE(buf.str().empty()) << name;
  return buf.str();
}

/// A one-file Party document that breaks no rule; tests change one line of it.
const std::string kComplete =
    "style: dang\n"                 // 1
    "kind: bao-cao\n"               // 2
    "header:\n"                     // 3
    "  issuer: ĐẢNG ỦY XÃ A\n"      // 4
    "  number: 12\n"                // 5
    "  code: BC/ĐU\n"               // 6
    "  place: Hà Tĩnh\n"            // 7
    "  date: 2025-03-05\n"          // 8
    "title: Báo cáo\n"              // 9
    "signature:\n"                  // 10
    "  authority: T/M ĐẢNG ỦY\n"    // 11
    "  title: Bí thư\n"             // 12
    "  name: Nguyễn Văn A\n"        // 13
    "recipients:\n"                 // 14
    "  - Lưu Văn phòng\n"           // 15
    "body:\n"                       // 16
    "  - Đoạn.\n";                  // 17

/// `s` with its one occurrence of `from` replaced by `to`.
std::string with(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

/// The State version of kComplete.
std::string state_complete() {
  return with(with(with(kComplete, "style: dang", "style: nha-nuoc"), "code: BC/ĐU", "code: BC-UBND"),
              "authority: T/M ĐẢNG ỦY", "authority: TM. ỦY BAN NHÂN DÂN");
}

/// Writes `yaml` as document.yaml in `dir` and checks it under `style`.
struct Checked {
  std::string file;
  std::vector<Diagnostic> findings;
};
Checked check(const TempDir& dir, const std::string& yaml, const style::Style& style, bool final_mode = false) {
  Checked c;
  c.file = dir.write("document.yaml", yaml);
  c.findings = check_document(content::load_document(dir.str()), style, final_mode);
  return c;
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::size_t errors(const std::vector<Diagnostic>& ds) {
  return static_cast<std::size_t>(
      std::count_if(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

// --- A document that breaks nothing --------------------------------------------------

TEST(Check, ACompleteDocumentHasNoFindings) {
  TempDir dir;
  auto c = check(dir, kComplete, load("dang"));
  EXPECT_TRUE(c.findings.empty()) << dump(c.findings);
  c = check(dir, kComplete, load("dang"), true);
  EXPECT_TRUE(c.findings.empty()) << dump(c.findings);

  TempDir dir2;
  c = check(dir2, state_complete(), load("nha-nuoc"), true);
  EXPECT_TRUE(c.findings.empty()) << dump(c.findings);
}

// --- Placeholders ----------------------------------------------------------------------

TEST(Check, PlaceholdersAreWarningsInADraftAndErrorsInFinal) {
  TempDir dir;
  const std::string yaml = with(kComplete, "  - Đoạn.\n", "  - Ngày … tháng ....\n");  // 17: at 10 and 18
  auto c = check(dir, yaml, load("dang"));
  ASSERT_EQ(c.findings.size(), 2u) << dump(c.findings);
  EXPECT_EQ(where(c.findings[0]), c.file + ":17:10");
  EXPECT_EQ(c.findings[0].severity, Severity::Warning);
  EXPECT_EQ(c.findings[0].message, "unfilled placeholder (1 of 2)");
  EXPECT_EQ(c.findings[0].hint, "fill in the blank before `status: final`");
  EXPECT_EQ(where(c.findings[1]), c.file + ":17:18");
  EXPECT_EQ(c.findings[1].message, "unfilled placeholder (2 of 2)");

  c = check(dir, yaml, load("dang"), true);
  ASSERT_EQ(c.findings.size(), 2u) << dump(c.findings);
  EXPECT_EQ(errors(c.findings), 2u);
  EXPECT_TRUE(has(c.findings[0].hint, "a final document keeps no blanks")) << c.findings[0].hint;
}

// --- Quotes and parentheses ------------------------------------------------------------

TEST(Check, UnbalancedQuotesAndParentheses) {
  TempDir dir;
  const std::string yaml = with(kComplete, "  - Đoạn.\n",
                                "  - Theo Nghị quyết “về công tác cán bộ.\n"      // 17
                                "  - 'Ông nói \"được rồi.'\n"                     // 18
                                "  - Kết quả (đạt 90%.\n"                        // 19
                                "  - Kết quả đạt 90%).\n"                        // 20
                                "  - quote: Đóng” mà không mở.\n");              // 21
  const auto c = check(dir, yaml, load("dang"));
  ASSERT_EQ(c.findings.size(), 5u) << dump(c.findings);
  for (const auto& d : c.findings) EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(where(c.findings[0]), c.file + ":17:5");
  EXPECT_EQ(c.findings[0].message,
            "unbalanced quotes: an opening “ without a closing ”, at `“về công tác cán bộ.`");
  EXPECT_EQ(where(c.findings[1]), c.file + ":18:6");
  EXPECT_EQ(c.findings[1].message, "unbalanced quotes: an odd number of \" (1), at `\"được rồi.`");
  EXPECT_EQ(where(c.findings[2]), c.file + ":19:5");
  EXPECT_EQ(c.findings[2].message, "unbalanced parentheses: an opening ( without a closing ), at `(đạt 90%.`");
  EXPECT_EQ(where(c.findings[3]), c.file + ":20:5");
  EXPECT_EQ(c.findings[3].message, "unbalanced parentheses: a closing ) without an opening (, at `).`");
  EXPECT_EQ(where(c.findings[4]), c.file + ":21:12");
  EXPECT_TRUE(has(c.findings[4].message, "a closing ” without an opening “")) << c.findings[4].message;

  const auto final_c = check(dir, yaml, load("dang"), true);
  EXPECT_EQ(errors(final_c.findings), 5u) << dump(final_c.findings);
}

TEST(Check, BalancedQuotesNestedQuotesAndPointLabelsPass) {
  TempDir dir;
  const std::string yaml = with(kComplete, "  - Đoạn.\n",
                                "  - Nghị quyết “về xây dựng Đảng; “tự diễn biến”, “tự chuyển hóa””.\n"
                                "  - a) Nội dung (đạt) và 'trích \"x\" đủ'.\n"
                                "  - đ) Điểm đ.\n"
                                "  - table:\n"
                                "      rows: [[\"(1)\", \"“a”\"]]\n");
  const auto c = check(dir, yaml, load("dang"), true);
  // Only the typed point labels are found (use sections), not their parentheses.
  ASSERT_EQ(c.findings.size(), 2u) << dump(c.findings);
  for (const auto& f : c.findings) EXPECT_TRUE(has(f.message, "starts with a typed number")) << f.message;
}

/// The findings of `check --final` on a complete Party document whose body is `paragraphs`
/// (YAML list lines), each expected to be a typed-number warning.
std::vector<Diagnostic> typed_number_findings(const std::string& paragraphs) {
  TempDir dir;
  const auto c = check(dir, with(kComplete, "  - Đoạn.\n", paragraphs), load("dang"), true);
  for (const auto& f : c.findings) {
    EXPECT_EQ(f.severity, Severity::Warning) << f.message;
    EXPECT_TRUE(has(f.hint, "use sections")) << f.hint;
  }
  return c.findings;
}

/// The messages of `findings`, in order.
std::vector<std::string> messages(const std::vector<Diagnostic>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.message);
  return out;
}

TEST(Check, TypedHeadingNumbersAreWarnedAbout) {
  const auto found = typed_number_findings(
      "  - I. Tình hình chung.\n"
      "  - \"**II- KHÓ KHĂN**\"\n"
      "  - 1.2. Kết quả.\n"
      "  - 2025 là năm bản lề.\n"
      "  - 1.000 hộ được hỗ trợ.\n"
      "  - C. Mác đã viết.\n"
      "  - Đoạn thường.\n");
  EXPECT_EQ(messages(found), (std::vector<std::string>{"the paragraph starts with a typed number `I.`",
                                                       "the paragraph starts with a typed number `II-`",
                                                       "the paragraph starts with a typed number `1.2.`"}));
}

TEST(Check, TypedDecisionHeadingsAreWarnedAboutButReferencesAreNot) {
  const auto found = typed_number_findings(
      "  - \"**Điều 1.** Phạm vi điều chỉnh\"\n"
      "  - Chương II\n"
      "  - \"Tiểu mục 1: Quy định chung\"\n"
      "  - Điều 5 của Luật này quy định việc tiếp nhận.\n"
      "  - Mục tiêu chung là nâng cao chất lượng.\n"
      "  - Phần lớn hộ dân đã được hỗ trợ.\n");
  EXPECT_EQ(messages(found), (std::vector<std::string>{"the paragraph starts with a typed number `Điều 1.`",
                                                       "the paragraph starts with a typed number `Chương II`",
                                                       "the paragraph starts with a typed number `Tiểu mục 1:`"}));
}

// --- Missing fields --------------------------------------------------------------------

TEST(Check, MissingFieldsAreWarningsInADraftAndErrorsInFinal) {
  TempDir dir;
  const std::string yaml = "style: dang\n"       // 1
                           "kind: bao-cao\n"
                           "header:\n"           // 3
                           "  issuer: ĐẢNG ỦY\n"
                           "title: Báo cáo\n"
                           "body: [Đoạn.]\n";
  auto c = check(dir, yaml, load("dang"));
  ASSERT_EQ(c.findings.size(), 6u) << dump(c.findings);
  const std::string doc = c.file + ":1:1", header = c.file + ":3:1";
  // Sorted by place, then in the order the rules run.
  EXPECT_EQ(where(c.findings[0]), doc);
  EXPECT_EQ(c.findings[0].message, "missing `signature`");
  EXPECT_EQ(c.findings[0].hint,
            "add `signature:` with `authority:`, `title:` and `name:`; see HD 36-HD/VPTW, ô 7a–7c: thẩm quyền, "
            "chức vụ, họ tên người ký");
  EXPECT_EQ(where(c.findings[1]), doc);
  EXPECT_EQ(c.findings[1].message, "missing `recipients`");
  EXPECT_TRUE(has(c.findings[1].hint, "HD 36-HD/VPTW, ô 9")) << c.findings[1].hint;
  EXPECT_EQ(where(c.findings[2]), header);
  EXPECT_EQ(c.findings[2].message, "missing `header.code`");
  EXPECT_TRUE(has(c.findings[2].hint, "TYPE/ISSUER, e.g. `BC/ĐU`; see HD 36-HD/VPTW, ô 3")) << c.findings[2].hint;
  EXPECT_EQ(c.findings[3].message, "missing `header.number`");
  EXPECT_EQ(c.findings[4].message, "missing `header.date`");
  EXPECT_TRUE(has(c.findings[4].hint, "HD 36-HD/VPTW, ô 4")) << c.findings[4].hint;
  EXPECT_EQ(c.findings[5].message, "missing `header.place`");
  for (const auto& d : c.findings) EXPECT_EQ(d.severity, Severity::Warning);

  c = check(dir, yaml, load("dang"), true);
  EXPECT_EQ(errors(c.findings), 6u) << dump(c.findings);

  // The State style cites NĐ 30.
  TempDir dir2;
  c = check(dir2, with(yaml, "style: dang", "style: nha-nuoc"), load("nha-nuoc"));
  ASSERT_EQ(c.findings.size(), 6u) << dump(c.findings);
  EXPECT_TRUE(has(c.findings[1].hint, "NĐ 30/2020/NĐ-CP, Phụ lục I, ô 9a, 9b")) << c.findings[1].hint;
}

TEST(Check, ASignatureNeedsTitleAndNameButNotAnAuthority) {
  TempDir dir;
  const std::string yaml = with(with(kComplete, "  title: Bí thư\n", ""), "  authority: T/M ĐẢNG ỦY\n", "");
  auto c = check(dir, yaml, load("dang"));
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_EQ(where(c.findings[0]), c.file + ":10:1");
  EXPECT_EQ(c.findings[0].message, "missing `signature.title`");
}

// --- Number and symbol -----------------------------------------------------------------

TEST(Check, MalformedSymbolForTheRegime) {
  TempDir dir;
  auto c = check(dir, with(kComplete, "code: BC/ĐU", "code: BC-ĐU"), load("dang"));
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_EQ(where(c.findings[0]), c.file + ":6:9");
  EXPECT_EQ(c.findings[0].severity, Severity::Error);
  EXPECT_EQ(c.findings[0].message, "malformed number/symbol `BC-ĐU` for Đảng (HD 36-HD/VPTW)");
  EXPECT_EQ(c.findings[0].hint,
            "write it as TYPE/ISSUER, e.g. `BC/ĐU`; see HD 36-HD/VPTW, ô 3: số và ký hiệu (Số 12-BC/ĐU)");

  // Lower case is not a symbol either, even in a draft.
  c = check(dir, with(kComplete, "code: BC/ĐU", "code: bc/đu"), load("dang"));
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_TRUE(has(c.findings[0].message, "malformed number/symbol")) << c.findings[0].message;

  TempDir dir2;
  c = check(dir2, with(state_complete(), "code: BC-UBND", "code: BC/UBND"), load("nha-nuoc"));
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_EQ(where(c.findings[0]), c.file + ":6:9");
  EXPECT_EQ(c.findings[0].message, "malformed number/symbol `BC/UBND` for Nhà nước (NĐ 30/2020/NĐ-CP)");
  EXPECT_TRUE(has(c.findings[0].hint, "NĐ 30/2020/NĐ-CP, Phụ lục I, ô 3")) << c.findings[0].hint;
}

TEST(Check, WellFormedSymbolsPass) {
  TempDir dir;
  for (const char* code : {"BC/ĐUK", "BC/TU", "BC/BCĐTW"}) {
    const auto c = check(dir, with(kComplete, "code: BC/ĐU", std::string("code: ") + code), load("dang"));
    EXPECT_TRUE(c.findings.empty()) << code << "\n" << dump(c.findings);
  }
  const auto qd = check(dir, with(with(kComplete, "kind: bao-cao", "kind: quyet-dinh"), "code: BC/ĐU", "code: QĐi/TW"),
                        load("dang"));
  EXPECT_TRUE(qd.findings.empty()) << dump(qd.findings);
  TempDir dir2;
  for (const char* code : {"BC-UBND", "BC-UBND-VX", "TTr-BNV"}) {
    const std::string kind = std::string(code).starts_with("TTr") ? "kind: to-trinh" : "kind: bao-cao";
    const auto c = check(dir2, with(with(state_complete(), "kind: bao-cao", kind), "code: BC-UBND",
                                    std::string("code: ") + code),
                         load("nha-nuoc"));
    EXPECT_TRUE(c.findings.empty()) << code << "\n" << dump(c.findings);
  }
}

TEST(Check, TheTypeOfTheSymbolMatchesTheKind) {
  TempDir dir;
  auto c = check(dir, with(kComplete, "code: BC/ĐU", "code: KH/ĐU"), load("dang"));
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_EQ(where(c.findings[0]), c.file + ":6:9");
  EXPECT_EQ(c.findings[0].message, "the symbol `KH/ĐU` has the type `KH`, but a `bao-cao` is `BC`");
  EXPECT_EQ(c.findings[0].hint,
            "start the symbol with `BC`; see HD 36-HD/VPTW, ô 3: ký hiệu = tên loại viết tắt/cơ quan ban hành");

  c = check(dir, with(with(kComplete, "kind: bao-cao", "kind: quyet-dinh"), "code: BC/ĐU", "code: NQ/TW"),
            load("dang"));
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_EQ(c.findings[0].message, "the symbol `NQ/TW` has the type `NQ`, but a `quyet-dinh` is `QĐ` or `QĐi`");

  TempDir dir2;
  c = check(dir2, with(state_complete(), "code: BC-UBND", "code: QĐ-UBND"), load("nha-nuoc"));
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_TRUE(has(c.findings[0].hint, "NĐ 30/2020/NĐ-CP, Phụ lục III")) << c.findings[0].hint;
}

// --- Dates: the loader's ---------------------------------------------------------------

TEST(Check, AnImpossibleDateNeverReachesTheCheck) {
  TempDir dir;
  dir.write("document.yaml", with(kComplete, "date: 2025-03-05", "date: 2025-02-30"));
  const auto ds = content::testing::load_errors(dir.str());
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(where(ds[0]), dir.file("document.yaml") + ":8:9");
  EXPECT_EQ(ds[0].message, "impossible date 2025-02-30");
}

// --- Signature authority ---------------------------------------------------------------

TEST(Check, TheAuthorityUsesAFormOfTheRegime) {
  TempDir dir;
  auto c = check(dir, with(kComplete, "authority: T/M ĐẢNG ỦY", "authority: TM. ĐẢNG ỦY"), load("dang"));
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_EQ(where(c.findings[0]), c.file + ":11:14");
  EXPECT_EQ(c.findings[0].severity, Severity::Error);
  EXPECT_EQ(c.findings[0].message,
            "the signature authority `TM. ĐẢNG ỦY` does not start with a form of Đảng (HD 36-HD/VPTW) "
            "(`T/M`, `K/T`, `T/L`, `Q.`)");
  EXPECT_EQ(c.findings[0].hint, "write `T/M` for `TM.`; see HD 36-HD/VPTW, ô 7a: thể thức ký T/M, K/T, T/L, Q.");

  c = check(dir, with(kComplete, "authority: T/M ĐẢNG ỦY", "authority: BAN CHẤP HÀNH"), load("dang"));
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_TRUE(has(c.findings[0].hint, "start it with one of `T/M`, `K/T`, `T/L`, `Q.` and a space"))
      << c.findings[0].hint;

  TempDir dir2;
  c = check(dir2, with(state_complete(), "authority: TM. ỦY BAN NHÂN DÂN", "authority: K/T CHỦ TỊCH"),
            load("nha-nuoc"));
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_TRUE(has(c.findings[0].hint, "write `KT.` for `K/T`; see NĐ 30/2020/NĐ-CP, Phụ lục I, ô 7a"))
      << c.findings[0].hint;
}

TEST(Check, AuthoritiesOfTheRegimePass) {
  TempDir dir;
  for (const char* a : {"K/T BÍ THƯ", "T/L BAN THƯỜNG VỤ", "Q. BÍ THƯ", "t/m ban chấp hành"}) {
    const auto c = check(dir, with(kComplete, "authority: T/M ĐẢNG ỦY", std::string("authority: ") + a), load("dang"));
    EXPECT_TRUE(c.findings.empty()) << a << "\n" << dump(c.findings);
  }
  const auto none = check(dir, with(kComplete, "  authority: T/M ĐẢNG ỦY\n", ""), load("dang"));
  EXPECT_TRUE(none.findings.empty()) << dump(none.findings);
}

// --- Heading levels --------------------------------------------------------------------

/// document.yaml of kComplete with `parts: [p.yaml]` instead of its body.
std::string with_part(const TempDir& dir, const std::string& part) {
  dir.write("p.yaml", part);
  return with(kComplete, "body:\n  - Đoạn.\n", "parts: [p.yaml]\n");
}

/// The first 6 lines of a part: sections three levels deep, “I”, “Một”, “Một một”; what
/// follows belongs to “Một một”.
const std::string kThreeLevels =
    "sections:\n"                  // 1
    "  - title: I\n"               // 2
    "    sections:\n"              // 3
    "      - title: Một\n"         // 4
    "        sections:\n"          // 5
    "          - title: Một một\n";  // 6

TEST(Check, SectionsNestedDeeperThanTheStyleHasLevels) {
  TempDir dir;
  const std::string yaml = with_part(dir, kThreeLevels +
                                     "            sections:\n"
                                     "              - title: a\n"
                                     "                sections:\n"
                                     "                  - title: Quá sâu\n"           // 10
                                     "                    sections:\n"
                                     "                      - title: Sâu hơn nữa\n"   // reported once, above
                                     "                  - title: Cũng quá sâu\n");    // 13
  const auto c = check(dir, yaml, load("dang"));
  ASSERT_EQ(c.findings.size(), 2u) << dump(c.findings);
  EXPECT_EQ(where(c.findings[0]), dir.file("p.yaml") + ":10:21");
  EXPECT_EQ(c.findings[0].severity, Severity::Error);
  EXPECT_EQ(c.findings[0].message,
            "section “Quá sâu” is nested 5 levels deep; the dang style numbers 4 levels of sections "
            "(`I-`, `1-`, `1.1-`, `a)`)");
  EXPECT_TRUE(has(c.findings[0].hint, "move it up a level")) << c.findings[0].hint;
  EXPECT_TRUE(has(c.findings[0].hint, "HD 36-HD/VPTW, Phụ lục 3")) << c.findings[0].hint;
  EXPECT_EQ(where(c.findings[1]), dir.file("p.yaml") + ":13:21");
}

TEST(Check, SectionsWithinTheLevelsPassEvenEmpty) {
  TempDir dir;
  const std::string yaml = with_part(dir, kThreeLevels +
                                     "            numbered: false\n"
                                     "            sections:\n"
                                     "              - title: a\n"
                                     "  - title: II\n");  // no body, no subsections
  const auto c = check(dir, yaml, load("dang"), true);
  EXPECT_TRUE(c.findings.empty()) << dump(c.findings);
}

// --- Marks -----------------------------------------------------------------------------

TEST(Check, AMarkTheStyleDoesNotDefine) {
  // A State style that, like NĐ 30, has no draft mark.
  TempDir dir;
  std::string style_text = style_file("nha-nuoc");
  const auto line = style_text.find("  du-thao:");
  ASSERT_NE(line, std::string::npos);
  style_text.erase(line, style_text.find('\n', line) + 1 - line);
  dir.write("styles/nn.yaml", style_text);
  const style::Style nn = style::load_style("nn.yaml", kStyles, dir.str() + "/styles", {"document.yaml", 1, 8});

  const std::string yaml = with(state_complete(), "  date: 2025-03-05\n", "  date: 2025-03-05\n  marks: [khan, du-thao]\n");
  auto c = check(dir, yaml, nn);
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_EQ(where(c.findings[0]), c.file + ":9:17");
  EXPECT_EQ(c.findings[0].severity, Severity::Error);
  EXPECT_EQ(c.findings[0].message, "mark `du-thao` is not defined by the nha-nuoc style");
  EXPECT_TRUE(has(c.findings[0].hint, "marks of this style: `du-thao-lan`, `hoa-toc`, `khan`")) << c.findings[0].hint;
  EXPECT_TRUE(has(c.findings[0].hint, "NĐ 30/2020/NĐ-CP, Phụ lục I, ô 10a, 10b, 11")) << c.findings[0].hint;

  // The real styles define it.
  c = check(dir, yaml, load("nha-nuoc"));
  EXPECT_TRUE(c.findings.empty()) << dump(c.findings);
}

// --- Order -----------------------------------------------------------------------------

TEST(Check, FindingsAreInReadingOrderAcrossFiles) {
  TempDir dir;
  dir.write("a.yaml", "body: [\"Đoạn “a.\"]\n");
  const std::string yaml = with(with_part(dir,
                                          "body:\n"
                                          "  - include: a.yaml\n"
                                          "  - Cuối (phần.\n"),   // 3
                                "code: BC/ĐU", "code: BC-ĐU");      // 6, in document.yaml
  const auto c = check(dir, with(yaml, "  - Lưu Văn phòng\n", "  - Lưu Văn phòng …\n"), load("dang"));
  ASSERT_EQ(c.findings.size(), 4u) << dump(c.findings);
  EXPECT_EQ(where(c.findings[0]), c.file + ":6:9");         // the symbol
  EXPECT_EQ(where(c.findings[1]), c.file + ":15:19");       // the placeholder in the recipients
  EXPECT_EQ(where(c.findings[2]), dir.file("p.yaml") + ":3:5");
  EXPECT_EQ(where(c.findings[3]), dir.file("a.yaml") + ":1:9");  // included: read after p.yaml's start
}

// --- The sample report -----------------------------------------------------------------

TEST(Check, TheSampleReport) {
  const std::string sample = std::string(VANBAN_SOURCE_DIR) + "/content/bao-cao-chinh-tri";
  if (!std::filesystem::exists(sample + "/document.yaml")) GTEST_SKIP() << "no sample document";
  const content::Document doc = content::load_document(sample);
  const style::Style st = load(doc.style);

  const auto draft = check_document(doc, st, false);
  EXPECT_EQ(errors(draft), 0u) << dump(draft);
  std::size_t placeholders = 0;
  for (const auto& d : draft)
    if (d.message.starts_with("unfilled placeholder")) ++placeholders;
  EXPECT_EQ(placeholders, 111u);

  const auto final_findings = check_document(doc, st, true);
  for (const auto& p : doc.placeholder_places) {
    const auto found = std::find_if(final_findings.begin(), final_findings.end(), [&](const Diagnostic& d) {
      return d.severity == Severity::Error && d.pos.file == p.file && d.pos.line == p.line &&
             d.pos.column == p.column && d.message.starts_with("unfilled placeholder");
    });
    EXPECT_NE(found, final_findings.end()) << p.file << ":" << p.line << ":" << p.column;
  }
  EXPECT_EQ(errors(final_findings), final_findings.size());
  EXPECT_GT(final_findings.size(), 111u);  // and the missing number, date, signature, recipients
}

// --- The style's `check:` section ------------------------------------------------------

TEST(Check, ABrokenCheckSectionIsAStyleError) {
  TempDir dir;
  std::string text = with(style_file("dang"), "  cite:\n", "  cites:\n");
  text = with(text, "pattern: \"^([A-ZĐ]", "pattern: \"^(([A-ZĐ]");
  const std::string file = dir.write("dang-x.yaml", text);
  const style::Style st = style::load_style("dang-x.yaml", kStyles, dir.str(), {"document.yaml", 1, 8});
  content::Document doc;
  doc.header.code = "BC/ĐU";
  try {
    check_document(doc, st, false);
    FAIL() << "a broken `check:` section was accepted";
  } catch (const Error& e) {
    const auto& ds = e.diagnostics();
    ASSERT_EQ(ds.size(), 2u) << dump(ds);
    EXPECT_EQ(ds[0].pos.file, file);
    EXPECT_TRUE(has(ds[0].message, "the pattern does not compile")) << ds[0].message;
    EXPECT_EQ(ds[1].message, "unknown key `cites`");
    EXPECT_EQ(ds[1].hint, "did you mean `cite`?");
  }
}

TEST(Check, AStyleWithoutACheckSectionChecksWithoutCitations) {
  TempDir dir;
  std::string text = style_file("dang");
  text.erase(text.find("\n# What `vanban check`"));
  dir.write("plain.yaml", text + "\n");
  const style::Style st = style::load_style("plain.yaml", kStyles, dir.str(), {"document.yaml", 1, 8});
  const auto c = check(dir, with(kComplete, "authority: T/M ĐẢNG ỦY", "authority: TM. ĐẢNG ỦY"), st);
  ASSERT_EQ(c.findings.size(), 1u) << dump(c.findings);
  EXPECT_EQ(c.findings[0].hint, "write `T/M` for `TM.`");
  EXPECT_TRUE(has(c.findings[0].message, "a form of Đảng (HD 36-HD/VPTW)")) << c.findings[0].message;
}

}  // namespace
}  // namespace vanban::check
