#pragma once
/// The environment variables vanban reads, checked before any work starts: a value that
/// is set but wrong is a usage error (exit 2), never silently ignored.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace vanban::cli {

/// SOURCE_DATE_EPOCH in seconds; nullopt when unset or empty. Throws std::invalid_argument
/// (with the message to print) when it is not a whole number, or is outside years 1–9999
/// (a PDF date has four digits for the year).
std::optional<std::int64_t> source_date_epoch();

/// VANBAN_MEMORY_LIMIT_MB, else kMemoryLimitMb (0: no limit). Throws std::invalid_argument
/// when it is not a whole number, or is below kMinMemoryLimitMb: vanban needs that much to
/// start at all (its threads' stacks, fontconfig's set-up), and a smaller limit would make
/// allocations fail inside libraries that cannot report it.
std::size_t memory_limit_mb();

/// The message of the first variable that is set but wrong, or empty when all are fine.
std::string check_environment();

}  // namespace vanban::cli
