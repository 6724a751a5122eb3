#pragma once
/// Two known problems, reported by this fuzzer and kept out of its way so that it goes on
/// finding new ones; inputs that would hit them are skipped until the loader handles them:
/// - yaml-cpp 0.7's YAML::LoadAll loops forever, allocating a null document per turn, on a
///   stray `,` where a document starts (jbeder/yaml-cpp#1040, fixed upstream by #1319, not
///   in Debian 12's 0.7.0): tests/bad/yaml-leading-comma;
/// - alias bombs (`*name` repeating an anchor that repeats another ...): the loader walks
///   the shared nodes once per use, exponentially: tests/bad/alias-bomb.
/// The counting handler below is also the shape of the proposed loader pre-pass.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace vanban::fuzz {

/// Counts the values of a YAML stream as the loader would meet them: one per scalar, null,
/// list and map, and for an alias as many as its anchor holds (aliases inside included).
/// Stops counting past `limit`. Also notes where each document starts.
struct ValueCount : YAML::EventHandler {
  explicit ValueCount(std::size_t lim) : limit(lim) {}
  std::size_t limit;
  std::size_t values = 0;
  YAML::Mark start;
  std::map<YAML::anchor_t, std::size_t> sizes;                      // anchor -> values it holds
  std::vector<std::pair<YAML::anchor_t, std::size_t>> open;         // collections being read

  void add(std::size_t n) { values = values > limit ? values : values + n; }
  void node(YAML::anchor_t anchor) {
    add(1);
    if (anchor) sizes[anchor] = 1;
  }
  void begin(YAML::anchor_t anchor) {
    open.emplace_back(anchor, values);
    add(1);
  }
  void end() {
    if (open.empty()) return;
    const auto [anchor, at] = open.back();
    open.pop_back();
    if (anchor) sizes[anchor] = values - at;
  }
  void OnDocumentStart(const YAML::Mark& m) override { start = m; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t a) override { node(a); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t a) override { add(sizes.count(a) ? sizes[a] : 1); }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t a, const std::string&) override { node(a); }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    begin(a);
  }
  void OnSequenceEnd() override { end(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    begin(a);
  }
  void OnMapEnd() override { end(); }
};

/// True when the loader would hang or explode on `text`: yaml-cpp's parser makes no
/// progress from one document to the next, or aliases expand to more than 100,000 values.
inline bool yaml_cpp_loops(const std::string& text) {
  ValueCount h(100000);
  std::istringstream in(text);
  try {
    YAML::Parser parser(in);
    int previous = -1;
    for (int docs = 0; docs < 1000 && parser.HandleNextDocument(h); ++docs) {
      if (h.start.pos == previous || h.values > h.limit) return true;
      previous = h.start.pos;
    }
  } catch (const YAML::Exception&) {
  }
  return false;
}

}  // namespace vanban::fuzz
