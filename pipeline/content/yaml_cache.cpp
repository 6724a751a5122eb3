#include "pipeline/content/yaml_cache.hpp"

#include <mutex>
#include <string>
#include <vector>

namespace vanban::content {

yaml::Tree load_yaml_shared(std::string_view text) {
  struct Entry {
    std::string text;
    yaml::Tree tree;
  };
  // A few entries: documents built side by side may each read their own style. The trees
  // are immutable and shared (copying one copies a pointer), so any thread may read them.
  constexpr std::size_t kEntries = 8;
  static std::mutex mutex;
  static std::vector<Entry> entries;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    for (const auto& e : entries)
      if (e.text == text) return e.tree;
  }
  yaml::Tree tree = yaml::Tree::parse(text);  // outside the lock; throws (bad_alloc) before anything is remembered
  const std::lock_guard<std::mutex> lock(mutex);
  if (entries.size() == kEntries) entries.erase(entries.begin());
  entries.push_back({std::string(text), tree});
  return tree;
}

}  // namespace vanban::content
