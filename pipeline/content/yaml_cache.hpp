#pragma once
/// One YAML parse shared by the stages that read the same file: the style file is read by
/// the style stage (layout values) and by the check stage (its rules), and yaml-cpp's parse
/// of it costs more than everything both do with the result.
#include <yaml-cpp/yaml.h>

#include <string>

namespace vanban::content {

/// YAML::Load(text), remembered for the last text loaded on this thread: a second call with
/// the same bytes returns the same tree without parsing again. Parse errors are not
/// remembered (the call throws as YAML::Load does, every time). The tree is shared: callers
/// must only read it. One entry per thread, since yaml-cpp trees are not safe to read from
/// two threads at once (several documents build side by side).
YAML::Node load_yaml_shared(const std::string& text);

}  // namespace vanban::content
