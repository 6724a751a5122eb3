#include "pipeline/content/yaml_cache.hpp"

namespace vanban::content {

YAML::Node load_yaml_shared(const std::string& text) {
  struct Entry {
    std::string text;
    YAML::Node root;
    bool set = false;
  };
  thread_local Entry last;
  if (last.set && last.text == text) return last.root;
  YAML::Node root = YAML::Load(text);  // throws before anything is remembered
  last.text = text;
  last.root = root;
  last.set = true;
  return root;
}

}  // namespace vanban::content
