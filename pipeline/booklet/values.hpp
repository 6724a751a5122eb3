#pragma once
/// Typed values the booklet files hold beyond what source::Fields reads: lengths and whole
/// numbers, reported the Fields way (a diagnostic at the value, the value absent).
#include <optional>
#include <string>

#include "pipeline/core/units.hpp"
#include "pipeline/source/fields.hpp"

namespace vanban::booklet::detail {

/// A length `20mm`, `11pt`, `0.1mm` or `0` from 0 to 1000 mm; nullopt when absent or not
/// one (reported).
std::optional<Sp> length(source::Fields& f, const std::string& key, const source::Entry* e);

/// A whole number from `low` to `high`; nullopt when absent or not one (reported).
std::optional<int> whole(source::Fields& f, const std::string& key, const source::Entry* e, int low, int high);

}  // namespace vanban::booklet::detail
