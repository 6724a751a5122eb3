// Source files, the byte checks made before YAML parsing, and "did you mean" suggestions.
#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "pipeline/content/detail.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::content::detail {

namespace {

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

/// Length of the well-formed UTF-8 sequence at `i`, or 0. Lighter than a full decoder
/// (no overlong check): it only sorts bytes for the legacy-encoding heuristic.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return 0;
  return n;
}

/// Text in TCVN3 (ABC), VNI or Windows-1258 is mostly ASCII with single high bytes where
/// the accented letters are; UTF-8 with one damaged byte has many good multi-byte
/// sequences and few bad bytes. That difference is enough for a hint.
bool looks_legacy(std::string_view s) {
  std::size_t good = 0, bad = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = sequence_length(s, i);
    if (n == 0) {
      ++bad;
      ++i;
    } else {
      if (n > 1) ++good;
      i += n;
    }
  }
  return bad > good;
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

}  // namespace

SourceFile::SourceFile(std::string display, std::string bytes)
    : display_(std::move(display)), text_(std::move(bytes)) {
  // Editors do not count a BOM as a column; yaml-cpp skips it too.
  if (text_.starts_with("\xEF\xBB\xBF")) text_.erase(0, 3);
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

std::size_t SourceFile::offset(int line0, int column0) const {
  if (line0 < 0) return 0;
  const auto line = static_cast<std::size_t>(line0);
  if (line >= line_starts_.size()) return text_.size();
  const std::size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : text_.size();
  return std::min(line_starts_[line] + static_cast<std::size_t>(std::max(column0, 0)), end);
}

SourcePos SourceFile::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
  int column = 1;
  for (std::size_t i = *it; i < offset; ++i)
    if (!is_continuation(static_cast<unsigned char>(text_[i]))) ++column;
  return {display_, static_cast<int>(it - line_starts_.begin()) + 1, column};
}

bool check_bytes(const SourceFile& file, Diagnostics& diags) {
  const std::string& s = file.text();
  if (const auto bad = text::invalid_utf8_at(s); bad != std::string::npos) {
    const auto byte = static_cast<unsigned char>(s[bad]);
    std::string hint;
    if (s.starts_with("\xFF\xFE") || s.starts_with("\xFE\xFF"))
      hint = "the file is UTF-16; save it as UTF-8";
    else if (looks_legacy(s))
      hint = "the file looks like a legacy Vietnamese encoding (TCVN3/ABC, VNI or Windows-1258); "
             "convert it to Unicode UTF-8 (e.g. with UniKey's converter) and save it as UTF-8";
    else
      hint = "the file is not UTF-8 here; retype the character or save the file as UTF-8";
    diags.error(file.at(bad), "the file is not valid UTF-8 (byte " + hex_byte(byte) + ")",
                std::move(hint));
    return false;
  }
  if (const auto nul = s.find('\0'); nul != std::string::npos) {
    diags.error(file.at(nul), "the file contains a NUL byte", "the file is probably UTF-16; save it as UTF-8");
    return false;
  }
  // YAML forbids tabs in indentation; yaml-cpp's own message for it is cryptic or missing.
  // Comment and blank lines are skipped: a tab there harms nothing.
  std::size_t first_tab = std::string::npos;
  int tab_lines = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i, tab = std::string::npos;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) {
      if (s[j] == '\t' && tab == std::string::npos) tab = j;
      ++j;
    }
    const bool content = j < s.size() && s[j] != '\n' && s[j] != '\r' && s[j] != '#';
    if (tab != std::string::npos && content) {
      if (first_tab == std::string::npos) first_tab = tab;
      ++tab_lines;
    }
    const auto nl = s.find('\n', j);
    i = nl == std::string::npos ? s.size() : nl + 1;
  }
  if (first_tab != std::string::npos) {
    std::string hint = "indent with spaces: YAML does not allow tabs in indentation";
    if (tab_lines > 1) hint += " (" + std::to_string(tab_lines) + " lines of this file are indented with tabs)";
    diags.error(file.at(first_tab), "tab character used for indentation", std::move(hint));
    return false;
  }
  return true;
}

std::vector<OpenQuote> multi_line_quotes(std::string_view s) {
  // A light YAML scan: a quote opens a quoted scalar only where a scalar may start (after
  // the indentation, `- `, `: `, `? `, or `[`, `{`, `,` in flow), as in YAML itself, so
  // apostrophes and quotes inside plain text are left alone. Block scalars (`|`, `>`) are
  // skipped by indentation.
  std::vector<OpenQuote> found;
  int flow = 0;
  int block_indent = -1;  // indentation of the line that opened a block scalar, or -1
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t k = i;
    while (k < s.size() && s[k] == ' ') ++k;
    const int indent = static_cast<int>(k - i);
    const bool blank = k == s.size() || s[k] == '\n' || s[k] == '\r';
    if (block_indent >= 0 && (blank || indent > block_indent)) {
      const auto nl = s.find('\n', k);
      i = nl == std::string_view::npos ? s.size() : nl + 1;
      continue;
    }
    block_indent = -1;
    bool at_start = true;
    std::size_t line_start = i;               // start of the physical line holding `last`
    std::size_t last = std::string_view::npos;  // last significant character of the line
    for (; k < s.size() && s[k] != '\n'; ++k) {
      const char c = s[k];
      if (c == ' ' || c == '\t' || c == '\r') continue;
      if (c == '#' && (k == line_start || s[k - 1] == ' ' || s[k - 1] == '\t')) {
        while (k < s.size() && s[k] != '\n') ++k;
        break;
      }
      const bool spaced = k + 1 >= s.size() || s[k + 1] == ' ' || s[k + 1] == '\n' || s[k + 1] == '\r';
      if ((c == '"' || c == '\'') && at_start) {
        std::size_t m = k + 1;
        for (; m < s.size(); ++m) {
          if (c == '"' && s[m] == '\\') {
            ++m;  // skip the escaped character
          } else if (s[m] == c) {
            if (c == '\'' && m + 1 < s.size() && s[m + 1] == '\'') {
              ++m;  // '' is a quote inside single quotes
            } else {
              break;
            }
          }
        }
        if (m >= s.size()) {
          found.push_back({k, std::string_view::npos});
          return found;
        }
        if (s.substr(k, m - k).find('\n') != std::string_view::npos) {
          found.push_back({k, m});
          line_start = s.rfind('\n', m) + 1;
        }
        k = m;
        last = m;
        at_start = false;
        continue;
      }
      if (at_start && c == '-' && spaced) continue;  // a sequence entry: the scalar follows
      if (c == ':' && spaced) {
        at_start = true;
      } else if (c == '?' && at_start && spaced) {
        // an explicit key: the scalar follows
      } else if ((c == '[' || c == '{') && (at_start || flow > 0)) {
        ++flow;
        at_start = true;
      } else if ((c == ']' || c == '}') && flow > 0) {
        --flow;
        at_start = false;
      } else if (c == ',' && flow > 0) {
        at_start = true;
      } else {
        at_start = false;
      }
      last = k;
    }
    if (last != std::string_view::npos) {
      // `key: |`, `key: >-`, `- |2`: a block scalar header ends the line.
      std::size_t h = last;
      while (h > line_start && s[h] != '|' && s[h] != '>' && s[h] != ' ' &&
             (s[h] == '-' || s[h] == '+' || (s[h] >= '0' && s[h] <= '9')))
        --h;
      if ((s[h] == '|' || s[h] == '>') && (h == line_start || s[h - 1] == ' ')) block_indent = indent;
    }
    i = k + 1;
  }
  return found;
}

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
  int length = 0;
  for (unsigned char c : word) length += is_continuation(c) ? 0 : 1;
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

}  // namespace vanban::content::detail
