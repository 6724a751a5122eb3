#pragma once
/// Stable text forms of layout's outputs, which most tests compare (tests/golden).
#include <string>

#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/page.hpp"

namespace vanban::layout {

/// Stable text form of the flow's lines (`vanban build --dump=lines`).
std::string dump_lines(const Flow& flow);

/// Stable text form of the pages (`vanban build --dump=pages`).
std::string dump_pages(const PagedDocument& doc);

}  // namespace vanban::layout
