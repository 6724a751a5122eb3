#pragma once
/// Known yaml-cpp 0.7 bug, reported by this fuzzer and kept out of its way so that it goes
/// on finding new ones: YAML::LoadAll loops forever, allocating a null document per turn,
/// on a stray `,` where a document starts (jbeder/yaml-cpp#1040, fixed upstream by #1319,
/// not in Debian 12's 0.7.0). Until the loader stops calling LoadAll (see
/// tests/bad/yaml-leading-comma), inputs that would hit it are skipped.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <string>

namespace vanban::fuzz {

/// True when yaml-cpp's parser makes no progress from one document to the next on `text`.
inline bool yaml_cpp_loops(const std::string& text) {
  struct Marks : YAML::EventHandler {
    YAML::Mark start;
    void OnDocumentStart(const YAML::Mark& m) override { start = m; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
  } h;
  std::istringstream in(text);
  try {
    YAML::Parser parser(in);
    int previous = -1;
    for (int docs = 0; docs < 1000 && parser.HandleNextDocument(h); ++docs) {
      if (h.start.pos == previous) return true;
      previous = h.start.pos;
    }
  } catch (const YAML::Exception&) {
  }
  return false;
}

}  // namespace vanban::fuzz
