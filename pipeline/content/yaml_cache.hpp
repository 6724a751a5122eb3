#pragma once
/// One YAML parse shared by the stages that read the same file: the style file is read by
/// the style stage (layout values) and by the check stage (its rules); parsing it twice
/// would cost more than everything both do with the result.
#include <string_view>

#include "pipeline/content/yaml.hpp"

namespace vanban::content {

/// yaml::Tree::parse(text), remembered for the last few texts parsed in the process (the
/// style is loaded on one thread and its rules read on another): a second call with the
/// same bytes, from any thread, returns the same tree (a tree with a problem too) without
/// parsing again.
yaml::Tree load_yaml_shared(std::string_view text);

}  // namespace vanban::content
