// Deciding the levels of the headings from their typed numbers and their context, and
// nesting the events into parts and sections. Every decision that departs from what was
// typed is a warning that quotes the source line: nothing is renumbered silently.
#include <algorithm>
#include <map>

#include "pipeline/core/i18n.hpp"
#include "pipeline/import/inline.hpp"
#include "pipeline/import/recognize.hpp"

namespace vanban::importer {
namespace {

/// Levels below a part that both styles number (I-, 1-, 1.1-, a)).
constexpr int kMaxDepth = 4;

std::string quoted(const std::string& label) { return "`" + label + "`"; }

/// "1 -", "2 -" typed before the part's first "III -": they are its first-level headings
/// I and II (the political report's source does this); promoted, each with a warning.
void promote_first_level(Context& cx, std::vector<Heading*>& hs) {
  std::size_t roman = 0;
  while (roman < hs.size() && !(hs[roman]->mark && hs[roman]->mark->kind == NumberKind::roman)) ++roman;
  if (roman == hs.size() || hs[roman]->mark->values[0] <= 1) return;
  const int r = hs[roman]->mark->values[0];
  std::vector<Heading*> firsts;
  for (std::size_t k = 0; k < roman; ++k)
    if (hs[k]->rank <= 2) firsts.push_back(hs[k]);
  if (static_cast<int>(firsts.size()) != r - 1) return;
  for (int k = 0; k < r - 1; ++k)
    if (!firsts[k]->mark || firsts[k]->mark->kind != NumberKind::arabic || firsts[k]->mark->values.size() != 1 ||
        firsts[k]->mark->values[0] != k + 1)
      return;
  for (Heading* h : firsts) {
    h->rank = 1;
    cx.warn(*h->source,
            tr("typed {} taken as a first-level heading (numbered {} at the first level): {} follows at line {} with "
               "no first-level heading before it",
               quoted(h->mark->label), h->mark->values[0], quoted(hs[roman]->mark->label), hs[roman]->source->pos.line),
            tr("if it was meant as a sub-heading, move it under a first-level heading in the output"));
  }
}

/// The typed value that should count in sequence: the roman or letter value, or the last
/// part of an arabic number ("4.1" -> 1).
int typed_value(const SectionMark& m) { return m.values.back(); }

/// A nested section being filled, with its heading (for the checks of its children).
struct Open {
  OutSection* section;
  const Heading* heading;
};

/// Compares a heading's typed number with the number its place gives it.
void check_sequence(Context& cx, const Heading& h, int place, const Heading* parent) {
  if (!h.mark) return;
  const SectionMark& m = *h.mark;
  if (typed_value(m) != place) {
    cx.warn(
        *h.source,
        parent && parent->mark
            ? tr("typed {0} but it is heading {1} of its level under {2} (line {3}): numbered {1} by its place",
                 quoted(m.label), place, quoted(parent->mark->label), parent->source->pos.line)
            : tr("typed {0} but it is heading {1} of its level: numbered {1} by its place", quoted(m.label), place),
        tr("the numbers come from the order of the headings; if one is missing or misplaced, fix the output's order"));
  } else if (m.kind == NumberKind::arabic && m.values.size() > 1 && parent && parent->mark &&
             parent->mark->kind == NumberKind::arabic && parent->mark->values.back() != m.values[m.values.size() - 2]) {
    cx.warn(*h.source, tr("typed {} under {} (line {}): numbered by its place under it", quoted(m.label),
                          quoted(parent->mark->label), parent->source->pos.line));
  }
  if (h.depth != m.natural_level() && h.rank != 1)
    cx.warn(*h.source,
            tr("typed {} is a level-{} heading here ({}): the style labels it as level {}", quoted(m.label), h.depth,
               (h.depth < m.natural_level() ? tr("no heading of the level above it")
                                            : tr("under a heading of the same form")),
               h.depth));
}

/// Nests one part's events. `depth_of` gives each heading its level from the ranks.
void nest(Context& cx, std::vector<Event*>& events, OutPart& part) {
  std::vector<Open> stack;
  std::vector<int> ranks;
  for (Event* e : events) {
    if (e->type == Event::Type::block) {
      (stack.empty() ? part.body : stack.back().section->body).push_back(std::move(e->block));
      continue;
    }
    Heading& h = e->heading;
    while (!ranks.empty() && ranks.back() >= h.rank) ranks.pop_back(), stack.pop_back();
    h.depth = static_cast<int>(ranks.size()) + 1;
    if (h.depth > kMaxDepth) {
      OutBlock b;
      b.text = "**" + (h.mark ? escape_markup(h.mark->label) + " " : "") + h.title + "**";
      b.line = h.source->pos.line;
      cx.warn(*h.source,
              tr("a heading deeper than {} levels: kept as a bold paragraph with its typed number", kMaxDepth));
      stack.back().section->body.push_back(std::move(b));
      continue;
    }
    auto& siblings = stack.empty() ? part.sections : stack.back().section->sections;
    check_sequence(cx, h, static_cast<int>(siblings.size()) + 1, stack.empty() ? nullptr : stack.back().heading);
    OutSection s;
    s.title = h.title;
    s.typed = h.mark ? h.mark->label : "";
    s.line = h.source->pos.line;
    siblings.push_back(std::move(s));
    stack.push_back({&siblings.back(), &h});
    ranks.push_back(h.rank);
  }
}

/// Warns about headings of one level typed with a separator unlike the others' ("1." among "1 -").
void check_separators(Context& cx, const std::vector<Event>& events) {
  std::map<int, std::map<std::string, int>> counts;
  for (const Event& e : events)
    if (e.type == Event::Type::heading && e.heading.mark) ++counts[e.heading.depth][e.heading.mark->separator];
  for (const Event& e : events) {
    if (e.type != Event::Type::heading || !e.heading.mark) continue;
    const auto& forms = counts[e.heading.depth];
    const auto most = std::max_element(forms.begin(), forms.end(), [](auto& a, auto& b) { return a.second < b.second; });
    if (forms.size() > 1 && most->first != e.heading.mark->separator)
      cx.warn(*e.heading.source,
              tr("typed {} where most level-{} headings are typed with `{}`: the style's label replaces both",
                 quoted(e.heading.mark->label), e.heading.depth, most->first));
  }
}

}  // namespace

void build_parts(Context& cx, std::vector<Event>& events, std::vector<OutBlock> preamble, OutDocument& doc) {
  // Split into parts; what comes before the first "Phần" joins the first part's body.
  std::vector<std::vector<Event*>> groups(1);
  std::vector<Event*> markers(1, nullptr);
  for (Event& e : events) {
    if (e.type == Event::Type::part) {
      groups.emplace_back();
      markers.push_back(&e);
    } else {
      groups.back().push_back(&e);
    }
  }
  doc.has_parts = markers.size() > 1;
  if (doc.has_parts && !groups[0].empty()) {
    cx.warn(*markers[1]->source, tr("text before the first part: put at the start of this part's body"));
    groups[1].insert(groups[1].begin(), groups[0].begin(), groups[0].end());
  }
  for (std::size_t g = doc.has_parts ? 1 : 0; g < groups.size(); ++g) {
    OutPart part;
    if (markers[g]) {
      part.title = markers[g]->part_title;
      part.typed = markers[g]->part.label;
      part.line = markers[g]->source->pos.line;
      if (markers[g]->part.number != static_cast<int>(g))
        cx.warn(*markers[g]->source, tr("typed {} but it is part {}: numbered by its place", quoted(part.typed), g));
      if (part.title.empty())
        cx.warn(*markers[g]->source, tr("a part without a title"), tr("fill in `title:` in its part file"));
    }
    if (doc.parts.empty()) part.body = std::move(preamble);
    std::vector<Heading*> hs;
    for (Event* e : groups[g])
      if (e->type == Event::Type::heading) hs.push_back(&e->heading);
    promote_first_level(cx, hs);
    nest(cx, groups[g], part);
    doc.parts.push_back(std::move(part));
  }
  check_separators(cx, events);
}

}  // namespace vanban::importer
