/// Numbered copies' stamps: texts and runs (see copy_stamp.hpp).
#include "pipeline/layout/copy_stamp.hpp"

#include <optional>
#include <string_view>

#include "pipeline/layout/paragraph.hpp"
#include "pipeline/text/template.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::layout {

std::vector<std::string> copy_stamp_texts(const style::CopyStamp& stamp, std::size_t total,
                                          const std::vector<std::string>& names) {
  const std::string all = std::to_string(total);
  std::vector<std::string> texts;
  texts.reserve(total);
  for (std::size_t i = 0; i < total; ++i) {
    std::string number = std::to_string(i + 1);
    number.insert(0, all.size() - number.size(), '0');
    const auto value = [&](std::string_view key) -> std::optional<std::string> {
      if (key == "number") return number;
      if (key == "total") return all;
      if (key == "name" && i < names.size()) return names[i];
      return std::nullopt;
    };
    texts.push_back(text::nfc(text::fill(names.empty() ? stamp.text : stamp.delegate, value)));
  }
  return texts;
}

std::vector<TextRun> copy_stamp_runs(const std::vector<std::string>& texts, const std::vector<SourcePos>& where,
                                     const style::CopyStamp& stamp, Sp page_width, const shape::Family& family,
                                     shape::Shaper& shaper) {
  const shape::FontId font = family.face(shape::face_style(stamp.style.bold, stamp.style.italic));
  std::vector<TextRun> runs;
  runs.reserve(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const StyledText t{texts[i], font, stamp.style.size, false};
    check_coverage({t}, shaper, i < where.size() ? where[i] : SourcePos{});
    Sp width = 0;
    TextRun r = set_run(t, shaper, width);
    r.x = page_width - stamp.right - width;
    r.y = stamp.baseline;
    runs.push_back(std::move(r));
  }
  return runs;
}

}  // namespace vanban::layout
