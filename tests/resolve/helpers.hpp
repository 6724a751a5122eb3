#pragma once
// Test helpers for the resolve stage: content texts and sections made in code, and a
// resolved paragraph's plain text.
#include <string>
#include <utility>
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/resolve/styled.hpp"

namespace vanban::test {

/// A one-span text at `line` of van-ban.yaml.
inline content::Text text(const std::string& s, int line = 1) {
  content::Text t;
  t.spans.push_back({s, false, false});
  t.pos = {"van-ban.yaml", line, 3};
  return t;
}

/// A section titled `title` with `subs` under it.
inline content::Section section(const std::string& title, std::vector<content::Section> subs = {}) {
  content::Section s;
  s.title = text(title);
  s.sections = std::move(subs);
  return s;
}

/// The header of decision 07/QĐ-UBND of 5 March 2025 by Ủy ban nhân dân xã An Bình.
inline content::Header decision_header() {
  content::Header h;
  h.issuer = "Ủy ban nhân dân xã An Bình";
  h.number = 7;
  h.code = "QĐ-UBND";
  h.date = content::Date{2025, 3, 5};
  return h;
}

/// The concatenated texts of a paragraph's spans.
inline std::string plain(const resolve::Paragraph& p) {
  std::string out;
  for (const auto& s : p.spans) out += s.text;
  return out;
}

}  // namespace vanban::test
