#pragma once
/// Small text helpers the readers and the recogniser share: content-format escaping,
/// whitespace, case and prefix tests on UTF-8.
#include <string>
#include <string_view>

namespace vanban::importer {

/// `text` with the characters content-format reads as markup escaped (`*` -> `\*`,
/// `{` -> `{{`, `}` -> `}}`), so that it loads back as the same characters.
std::string escape_markup(std::string_view text);

/// Runs of spaces and tabs made one space; leading and trailing ones removed. A no-break
/// space (U+00A0) is kept: content-format keeps it as written.
std::string squeeze_spaces(std::string_view text);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// True when `text` has letters and none of them is lower case ("ĐẢNG BỘ …").
bool is_upper_text(std::string_view text);

/// True when the first letter of `text` is lower case.
bool starts_lower(std::string_view text);

/// "BÁO CÁO CHÍNH TRỊ" -> "Báo cáo chính trị": lower case, the first letter capital.
std::string sentence_case(std::string_view text);

/// Upper case of UTF-8 `text` in NFC (for comparisons that ignore case).
std::string upper_nfc(std::string_view text);

/// True when `text`, compared in upper case, starts with `prefix` (given in upper case).
bool starts_with_upper(std::string_view text, std::string_view prefix);

/// True when `text` is only rule characters ("-----", a star, underscores).
bool is_decoration(std::string_view text);

}  // namespace vanban::importer
