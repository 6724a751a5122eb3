/// No text off the page, none on top of other text (see invariants.hpp).
#include "pipeline/layout/invariants.hpp"

#include "pipeline/text/unicode.hpp"

#include <algorithm>
#include <cstdio>

namespace vanban::layout {

namespace {

/// The part of the size above and below the baseline that a run's box covers: a capital's
/// height and a little of the descenders. (The font's own ascent and descent, 0.89 and 0.22
/// of the size in Times, overlap between lines set at 1.1 of the size or less.)
constexpr double kBoxAbove = 0.65, kBoxBelow = 0.15;
/// Runs may touch or meet with kerning: an overlap of less than this, in either direction,
/// is not counted (0.5 pt; a run set on another overlaps by whole characters).
constexpr Sp kTolerance = kSpPerPt / 2;
/// At most this many violations are reported: the first already says what to fix.
constexpr std::size_t kMaxReported = 5;

struct Box {
  Sp left = 0, right = 0, top = 0, bottom = 0;
  const TextRun* run = nullptr;
};

Box box_of(const TextRun& run, const shape::FontSet& fonts) {
  Box b;
  b.run = &run;
  b.left = run.x;
  b.right = run.x;
  if (!run.glyphs.empty()) {
    const auto& font = fonts[run.font];
    const auto& last = run.glyphs.back();
    const Sp advance = static_cast<Sp>(static_cast<double>(font.advance(last.gid)) * static_cast<double>(run.size) /
                                       static_cast<double>(font.upem()));
    b.right = run.x + last.x + advance;
  }
  b.top = run.y - static_cast<Sp>(kBoxAbove * static_cast<double>(run.size));
  b.bottom = run.y + static_cast<Sp>(kBoxBelow * static_cast<double>(run.size));
  return b;
}

/// The run's text for a message, shortened to about 60 characters.
std::string quote(const TextRun& run) {
  std::string t = run.text;
  if (t.size() > 80) {
    std::size_t cut = 60;
    while (cut > 0 && text::is_continuation(static_cast<unsigned char>(t[cut]))) --cut;
    t = t.substr(0, cut) + "…";
  }
  return "“" + t + "”";
}

std::string millimetres(Sp s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f mm", to_mm(s));
  return buf;
}

/// `v` with the source field of `run` (when layout recorded one).
Violation with_source(Violation v, const TextRun& run, const PagedDocument& doc) {
  if (run.source > 0 && run.source <= doc.sources.size()) {
    v.pos = doc.sources[run.source - 1].first;
    v.field = doc.sources[run.source - 1].second;
  }
  return v;
}

/// Off-page checks of one box on a page of `width` x `height`.
void check_on_page(const Box& b, const Page& page, std::size_t index, const PagedDocument& doc,
                   std::vector<Violation>& out) {
  const auto off = [&](Sp by, const char* edge) {
    if (by > kTolerance)
      out.push_back(with_source({index, "the text " + quote(*b.run) + " runs " + millimetres(by) + " past the " + edge +
                                            " of the page"},
                                *b.run, doc));
  };
  off(-b.left, "left edge");
  off(b.right - page.width, "right edge");
  off(-b.top, "top");
  off(b.bottom - page.height, "bottom");
}

/// An attachment's signature field (an anchor named "attachment-<n>", set in the margin
/// apart from the flow) on `page` must lie on it and cover no text: the signature drawn
/// there would hide it.
void check_fields(const std::vector<Box>& boxes, const Page& page, std::size_t index, const PagedDocument& doc,
                  std::vector<Violation>& out) {
  for (const Anchor& a : doc.anchors) {
    if (a.page != index || !a.name.starts_with("attachment-")) continue;
    if (a.x < 0 || a.y < 0 || a.x + a.width > page.width || a.y + a.height > page.height)
      out.push_back({index, "the signature field " + a.name + " runs past the edge of the page"});
    for (const Box& b : boxes)
      if (std::min(a.x + a.width, b.right) - std::max(a.x, b.left) > kTolerance &&
          std::min(a.y + a.height, b.bottom) - std::max(a.y, b.top) > kTolerance)
        out.push_back(with_source({index, "the signature field " + a.name + " covers " + quote(*b.run)}, *b.run, doc));
  }
}

}  // namespace

std::vector<Violation> find_violations(const PagedDocument& doc, const shape::FontSet& fonts) {
  std::vector<Violation> out;
  std::vector<Box> boxes;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    boxes.clear();
    for (const auto& run : page.runs)
      if (!run.glyphs.empty()) boxes.push_back(box_of(run, fonts));
    for (const auto& b : boxes) check_on_page(b, page, p, doc, out);
    check_fields(boxes, page, p, doc, out);
    // Sweep from the top: only boxes whose bands meet can overlap, and with the bands
    // narrower than the leading those are the runs of one line (a handful).
    std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.top < b.top; });
    for (std::size_t i = 0; i < boxes.size(); ++i)
      for (std::size_t j = i + 1; j < boxes.size() && boxes[j].top < boxes[i].bottom - kTolerance; ++j) {
        const Box &a = boxes[i], &b = boxes[j];
        if (std::min(a.right, b.right) - std::max(a.left, b.left) > kTolerance)
          out.push_back(with_source({p, "the text " + quote(*b.run) + " is set on top of " + quote(*a.run)},
                                    b.run->source ? *b.run : *a.run, doc));
      }
  }
  return out;
}

void check_invariants(const PagedDocument& doc, const shape::FontSet& fonts, const SourcePos& where) {
  const std::vector<Violation> found = find_violations(doc, fonts);
  if (found.empty()) return;
  std::vector<Diagnostic> ds;
  for (std::size_t i = 0; i < found.size() && i < kMaxReported; ++i)
    ds.push_back({Severity::Error, found[i].field.empty() ? where : found[i].pos,
                  "page " + std::to_string(found[i].page + 1) + ": " + found[i].what +
                      (found[i].field.empty() ? "" : " (`" + found[i].field + "`)"),
                  i == 0 ? "shorten the field that holds this text (no PDF was written)" : ""});
  if (found.size() > kMaxReported)
    ds.push_back({Severity::Error, where, "and " + std::to_string(found.size() - kMaxReported) + " more places like these", ""});
  throw Error(std::move(ds));
}

}  // namespace vanban::layout
