#include "pipeline/content/yaml_cache.hpp"

#include <string>

namespace vanban::content {

yaml::Tree load_yaml_shared(std::string_view text) {
  struct Entry {
    std::string text;
    yaml::Tree tree;
    bool set = false;
  };
  thread_local Entry last;
  if (last.set && last.text == text) return last.tree;
  yaml::Tree tree = yaml::Tree::parse(text);  // throws (bad_alloc) before anything is remembered
  last.text = text;
  last.tree = tree;
  last.set = true;
  return tree;
}

}  // namespace vanban::content
