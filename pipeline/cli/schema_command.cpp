// `vanban schema`: the JSON Schemas of docs/schema/, compiled in (see cmake/embed-text.cmake),
// so that an installed vanban can hand an editor the schema that matches its own loader.
#include "pipeline/cli/schema_command.hpp"

#include <iostream>
#include <string_view>

#include "pipeline/core/i18n.hpp"
#include "schema_text.hpp"

namespace vanban::cli {

namespace {

constexpr const char* kSchemaUsage = N_(R"(Usage: vanban schema [document|part|style|booklet|booklet-style]

Prints the JSON Schema (draft-07) of a document.yaml (the default), of a part file
(or an included file), of a style file, of a booklet's booklet.yaml or of a booklet
style (styles/so-tay-a5.yaml). Save it and point your editor's YAML
language server at it, or put this first line in a file:
  # yaml-language-server: $schema=<path to>/document.schema.json
)");

struct Schema {
  std::string_view name;
  std::string_view text;
};

constexpr Schema kSchemas[] = {
    {"document", embedded::kDocumentSchema},
    {"part", embedded::kPartSchema},
    {"style", embedded::kStyleSchema},
    {"booklet", embedded::kBookletSchema},
    {"booklet-style", embedded::kBookletStyleSchema},
};

}  // namespace

int schema_command(const std::vector<std::string>& args) {
  if (args.size() > 2) {
    std::cerr << "vanban: " << tr("schema takes one name: document, part, style, booklet or booklet-style") << '\n'
              << tr("Try `vanban schema --help`.") << '\n';
    return 2;
  }
  const std::string which = args.size() == 2 ? args[1] : "document";
  if (which == "-h" || which == "--help") {
    std::cout << translate(kSchemaUsage);
    return 0;
  }
  for (const auto& s : kSchemas) {
    if (s.name == which) {
      std::cout << s.text << std::flush;
      return 0;
    }
  }
  std::cerr << "vanban: " << tr("unknown schema `{}`: use document, part, style, booklet or booklet-style", which)
            << '\n'
            << tr("Try `vanban schema --help`.") << '\n';
  return 2;
}

}  // namespace vanban::cli
