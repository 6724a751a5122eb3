/// `vanban fonts` and the fallback notices (see fonts_command.hpp).
#include "pipeline/cli/fonts_command.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "pipeline/cli/build_command.hpp"
#include "pipeline/cli/data_dir.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/core/i18n.hpp"

namespace vanban::cli {

namespace {

constexpr const char* kFaceNames[4] = {"regular", "bold", "italic", "bold italic"};

/// The style files of `dir` by name ("dang", "nha-nuoc"), sorted.
std::vector<std::string> style_names(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".yaml") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

/// The faces of one style: each family it lists, each face's file, and which family a
/// build uses (the first with all four faces).
void print_style(const style::Style& st, std::ostream& out) {
  out << st.name << " (" << st.file << ")\n";
  std::vector<std::string> families{st.family};
  families.insert(families.end(), st.fallback_families.begin(), st.fallback_families.end());
  bool used = false;
  for (const auto& name : families) {
    std::string paths[4];
    bool complete = true;
    for (int i = 0; i < 4; ++i) {
      paths[i] = shape::find_face(name, static_cast<shape::FaceStyle>(i));
      complete = complete && !paths[i].empty();
    }
    const std::string role = complete && !used ? tr("used")
                             : complete        ? tr("installed, not used")
                                               : tr("not installed with all four faces");
    out << "  " << name << (name == st.family ? "" : tr(" (fallback)")) << ": " << role << '\n';
    used = used || complete;
    for (int i = 0; i < 4; ++i)
      out << "    " << kFaceNames[i] << std::string(12 - std::char_traits<char>::length(kFaceNames[i]), ' ')
          << (paths[i].empty() ? "-" : paths[i]) << '\n';
  }
  if (!used) out << "  " << tr("no family is complete: a build with this style fails") << '\n';
}

}  // namespace

int fonts_command(const std::vector<std::string>& args) {
  std::string styles_dir;
  std::vector<std::string> names;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      std::cout << tr(
          "Usage: vanban fonts [--styles DIR] [STYLE...]\n"
          "Prints, for each style (all of the styles folder by default), the font file each\n"
          "face of its family and fallbacks resolves to, and which family a build uses.\n");
      return 0;
    }
    if (args[i] == "--styles" && i + 1 < args.size()) styles_dir = args[++i];
    else if (args[i].rfind("--styles=", 0) == 0) styles_dir = args[i].substr(9);
    else if (!args[i].empty() && args[i][0] == '-')
      return usage_error(tr("unknown option `{}` for fonts", args[i]));
    else names.push_back(args[i]);
  }
  if (styles_dir.empty()) styles_dir = default_styles_dir();
  if (names.empty()) names = style_names(styles_dir);
  if (names.empty()) return usage_error(tr("no style files in {}", styles_dir));
  wait_for_fonts();
  int status = 0;
  for (const auto& name : names) {
    try {
      print_style(style::load_style(name, styles_dir, ".", {}), std::cout);
    } catch (const Error& e) {
      for (const auto& d : e.diagnostics()) std::cerr << format(d) << '\n';
      status = 1;
    }
  }
  return status;
}

std::string fallback_notice(const style::Style& style, const shape::Family& family) {
  if (family.name.empty() || family.name == style.family) return "";
  return "vanban: " + tr("note: {} is not installed: the PDF embeds {} (the same metrics; its name shows in the PDF's "
                         "fonts); `vanban fonts` lists the files",
                         style.family, family.name);
}

std::optional<Diagnostic> final_font_warning(const style::Style& style) {
  wait_for_fonts();
  for (int i = 0; i < 4; ++i)
    if (shape::find_face(style.family, static_cast<shape::FaceStyle>(i)).empty())
      return Diagnostic{
          Severity::Warning,
          {style.file, 0, 0},
          tr("{} is not installed: the PDF would embed {}, whose name e-office checkers see", style.family,
             (style.fallback_families.empty() ? tr("no font") : style.fallback_families[0])),
          tr("install {} before issuing the document; `vanban fonts` lists the files", style.family)};
  return std::nullopt;
}

}  // namespace vanban::cli
