#include "pipeline/source/suggest.hpp"

#include <algorithm>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::source {

int edit_distance(std::string_view a, std::string_view b) {
  std::u32string x, y;
  try {
    x = text::decode(a);
    y = text::decode(b);
  } catch (const std::invalid_argument&) {
    x.assign(a.begin(), a.end());
    y.assign(b.begin(), b.end());
  }
  const std::size_t n = x.size(), m = y.size();
  // Three rows suffice for the optimal-string-alignment variant (adjacent swaps).
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = x[i - 1] == y[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  // Within 2 edits, and fewer edits than the word has characters: "x" is not a typo of "kind".
  std::string best;
  int best_d = 3;
  const auto length = static_cast<int>(text::count_code_points(word));
  for (const auto& c : candidates) {
    const int d = edit_distance(word, c);
    if (d < best_d && d < length) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

std::string list_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += '`' + n + '`';
  }
  return out;
}

std::string suggestion(std::string_view word, const std::vector<std::string>& valid, const std::string& listing) {
  if (auto near = closest(word, valid); !near.empty()) return tr("did you mean `{}`?", near);
  return fill_placeholders(listing, {list_names(valid)});
}

}  // namespace vanban::source
