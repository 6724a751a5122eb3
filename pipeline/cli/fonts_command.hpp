#pragma once
/// `vanban fonts`: which font file each face of each style resolves to; and the notices a
/// build and `check --final` give when a style's family is not installed.
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/shape/font.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::cli {

/// Runs `vanban fonts [--styles DIR] [STYLE...]` (args[0] is "fonts"); returns the exit status.
int fonts_command(const std::vector<std::string>& args);

/// One line for stderr when the build uses a fallback instead of the style's family
/// (Liberation Serif for Times New Roman): empty when the style's own family is used.
std::string fallback_notice(const style::Style& style, const shape::Family& family);

/// For `check --final`: a warning at the style when its own family is not installed (the PDF
/// would name the fallback, which e-office checkers look at). Waits for fontconfig.
std::optional<Diagnostic> final_font_warning(const style::Style& style);

}  // namespace vanban::cli
