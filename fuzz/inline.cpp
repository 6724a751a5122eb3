/// Fuzzes the inline-markup parser (`**bold**`, `*italic*`, `\*`, `{variable}`, `{{`,
/// placeholders) on one string, with a few variables defined.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "pipeline/content/inline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::map<std::string, std::string> vars = {
      {"dang_bo", "Trường Cao đẳng Y tế Hà Tĩnh"}, {"khoa", "XV"}, {"x", "**"}, {"empty", ""}, {"dots", "…"}};
  const std::string source(reinterpret_cast<const char*>(data), size);
  try {
    const auto text = vanban::content::parse_inline(source, {"f.yaml", 3, 7}, vars);
    (void)text.plain();
  } catch (const vanban::Error&) {
  }
  return 0;
}
