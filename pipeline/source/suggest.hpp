#pragma once
/// "Did you mean": the nearest of the valid names to a word that is not one of them.
#include <string>
#include <string_view>
#include <vector>

namespace vanban::source {

/// Damerau–Levenshtein distance (optimal string alignment), counted in code points.
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` within distance 2 (and shorter than `word`), or "".
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

/// "`a`, `b`, `c`": candidates listed for a hint.
std::string list_names(const std::vector<std::string>& names);

/// "did you mean `x`?" when a candidate is near `word`, else `listing` (a translated
/// template, its `{}` the list) filled with the list of `valid` names ("valid keys in
/// `header`: `parent`, `issuer`, ...").
std::string suggestion(std::string_view word, const std::vector<std::string>& valid, const std::string& listing);

}  // namespace vanban::source
