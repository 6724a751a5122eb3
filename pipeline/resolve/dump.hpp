#pragma once
/// Stable text form of the styled document (`vanban build --dump=styled`).
#include <string>

#include "pipeline/resolve/styled.hpp"

namespace vanban::resolve {

/// One line per paragraph or header text: its kind, look and text. A span is written
/// `[size flags]text`, flags b (bold), i (italic), u (underline); sizes in points.
std::string dump_styled(const StyledDocument& doc);

}  // namespace vanban::resolve
