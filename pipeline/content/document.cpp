#include "pipeline/content/document.hpp"

namespace vanban::content {

std::string Text::plain() const {
  std::string out;
  for (const auto& s : spans) out += s.text;
  return out;
}

}  // namespace vanban::content
