#pragma once
/// Loading a document folder (or a one-file document) into a Document, in two steps: the
/// head of document.yaml (which names the style), then the rest and the parts, so that the
/// caller can load the style and its fonts while the parts load.
#include <memory>
#include <string>

#include "pipeline/content/document.hpp"

namespace vanban::content {

namespace detail {
class Loader;
}

/// document.yaml read as far as its parts: what a caller needs to start loading the style
/// (see load_head). Move-only: it holds the loader that load_body finishes with.
class Head {
 public:
  Head(Head&&) noexcept;
  Head& operator=(Head&&) noexcept;
  ~Head();

  /// The document so far: `style`, `style_pos`, `folder`, `file`, `pos` and `variables`
  /// are set; the rest (header, title, parts...) is left to load_body.
  const Document& document() const { return doc_; }

 private:
  friend Head load_head(const std::string& path);
  friend Document load_body(Head head);
  Head(Document doc, std::unique_ptr<detail::Loader> loader);

  Document doc_;
  std::unique_ptr<detail::Loader> loader_;
};

/// Reads `path` (a folder holding document.yaml, or a document .yaml file) as far as the
/// style it names. Throws vanban::Error when there is no such document or document.yaml
/// cannot be parsed at all; other problems found so far (an unknown key, a bad variable)
/// are kept for load_body to report with the rest.
Head load_head(const std::string& path);

/// Reads the rest of the document and its parts. Throws vanban::Error with
/// `file:line:column` diagnostics on any problem (bad YAML, unknown key, wrong type,
/// unknown variable, missing part file), as many independent ones as it finds, the head's
/// included, in reading order; it never returns a half-valid Document. File names in
/// diagnostics are the path as given joined with the file name; columns count code
/// points (characters), not bytes.
Document load_body(Head head);

/// load_body(load_head(path)): the whole document at once.
Document load_document(const std::string& path);

}  // namespace vanban::content
