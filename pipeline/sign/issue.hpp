#pragma once
/// Issuing (the clerk's step, văn thư): the number and date an unissued build left blank
/// (pipeline/pdf/issue_fields.hpp) drawn into their text fields, in the document's own font,
/// as a form fill the leader's certification (DocMDP P=2) permits. `vanban issue` then signs
/// the same incremental update as the organisation (sign.hpp).
#include <string>

#include <podofo/podofo.h>

namespace vanban::sign {

/// The number and date given to `vanban issue`.
struct IssueValues {
  int number = 0;                  ///< 1-9999
  int day = 0, month = 0, year = 0;
};

/// Reads `--number` (1-9999, digits only) and `--date` (YYYY-MM-DD, a real day) into
/// `values`; an empty string when both are sound, else what is wrong with them.
std::string parse_issue_values(const std::string& number, const std::string& date, IssueValues& values);

/// The texts drawn, as a built document writes them (resolve/front_matter.cpp): the number
/// zero-padded to 2 digits, the day below 10 and the months January and February with a
/// leading zero (NĐ 30/2020, Phụ lục I), the year in full. By field name.
std::string issue_text(const IssueValues& values, const std::string& field);

/// Fills the blanks of `doc` (opened for an incremental update from `path`). Throws
/// vanban::Error placed at `path` when the PDF was not built with --unissued, is already
/// issued, is not signed yet, has no empty `organisation` signature field, or a value is
/// longer than its blank.
void fill_issue_fields(PoDoFo::PdfMemDocument& doc, const std::string& path, const IssueValues& values);

/// True when `doc` has blanks to issue and none is filled yet: its first signature then
/// certifies it (DocMDP P=2), so that only the fill and more signatures are permitted after it.
bool awaits_issue(PoDoFo::PdfMemDocument& doc);

}  // namespace vanban::sign
