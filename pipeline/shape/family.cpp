#include "pipeline/shape/family.hpp"

#include <exception>

#include "pipeline/core/i18n.hpp"

namespace vanban::shape {

Family load_family(const std::string& family, const std::vector<std::string>& fallbacks, FontSet& fonts,
                   const SourcePos& where) {
  std::vector<std::string> families{family};
  families.insert(families.end(), fallbacks.begin(), fallbacks.end());
  std::string tried;
  for (const auto& name : families) {
    std::string paths[4];
    bool complete = true;
    for (int i = 0; i < 4 && complete; ++i) {
      paths[i] = find_face(name, static_cast<FaceStyle>(i));
      complete = !paths[i].empty();
    }
    tried += (tried.empty() ? "" : ", ") + name;
    if (!complete) continue;
    Family fam;
    fam.name = name;
    for (int i = 0; i < 4; ++i) {
      try {
        fam.faces[i] = fonts.add(paths[i]);
      } catch (const std::exception& e) {
        fail(where, tr("cannot open font {}: {}", paths[i], e.what()), tr("reinstall the font package"));
      }
    }
    return fam;
  }
  fail(where, tr("none of the style's font families is installed with all four faces ({})", tried),
       tr("install Liberation Serif: apt-get install fonts-liberation2"));
}

}  // namespace vanban::shape
