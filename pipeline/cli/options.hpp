#pragma once
/// The options of `vanban build` and `vanban check`, read from the command line.
#include <optional>
#include <string>
#include <vector>

#include "pipeline/pdf/impose.hpp"

namespace vanban::cli {

/// What one `build` or `check` is asked to do.
struct Options {
  std::string command;       ///< "build" or "check"
  bool final_mode = false;   ///< --final
  std::string document;      ///< the document folder or one-file document
  std::string output;        ///< -o (empty: out/<name>.pdf)
  std::string dump;          ///< --dump=styled|lines|pages (empty: write the PDF)
  std::string styles_dir;    ///< --styles (empty: the installation's styles)
  int pdfa_part = 0;         ///< --pdfa: 1, 2, 3 (0: a plain PDF)
  bool unissued = false;     ///< --unissued: number and date left blank for `vanban issue`
  bool sign = false;         ///< --sign: build, then sign with vanban-sign (build_sign.hpp)
  std::vector<std::string> sign_args;  ///< --p12 FILE, --tsa URL, ...: passed on to `vanban sign`
  /// --imposition saddle-stitch, --creep, --crop-marks, --bleed, --signature
  pdf::ImposeOptions impose;
  int copies = 0;            ///< --copies N: numbered copies (0: none)
  std::string copies_from;   ///< --copies-from FILE: a copy per name listed
  /// End the process as soon as the PDF is written (a single build; see finish_now).
  bool exit_when_written = false;
};

/// The text `vanban --help` prints.
const char* usage_text();

/// Takes `--lang vi|en` (or `--lang=vi`) out of `args`, anywhere before a `--`, and chooses
/// the language of messages (the environment's without it); an exit status on a usage error.
/// The first thing main does, so that every later message is in that language.
std::optional<int> take_lang_option(std::vector<std::string>& args);

/// Prints a usage error and the hint to try --help; returns exit status 2.
int usage_error(const std::string& message);

/// True when `--version` or `-V` comes anywhere before a `--`.
bool asks_version(const std::vector<std::string>& args);

/// Reads the options and documents of `build` and `check` (args[0] is the command) into
/// `opt` and `documents`; returns an exit status when there is nothing more to do (--help,
/// a usage error).
std::optional<int> parse_options(const std::vector<std::string>& args, Options& opt,
                                 std::vector<std::string>& documents);

}  // namespace vanban::cli
