// The `vanban` command: reads the command and hands it to its own file (build_command,
// batch, new, watch, schema, import, sign). Diagnostics go to stderr as
// `file:line:column: error: message`; exit 0 = done, 1 = bad input, 2 = bad usage.
#include <unistd.h>

#include <iostream>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "pipeline/cli/build_command.hpp"
#include "pipeline/cli/environment.hpp"
#include "pipeline/cli/fonts_command.hpp"
#include "pipeline/cli/import_command.hpp"
#include "pipeline/cli/new_command.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/cli/output_path.hpp"
#include "pipeline/cli/schema_command.hpp"
#include "pipeline/cli/sign_command.hpp"
#include "pipeline/cli/watch_command.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/core/limits.hpp"

using namespace vanban;

int main(int argc, char** argv) {
  // A build that fails early returns while fontconfig's set-up may still run on its thread;
  // exit() would then destroy the statics that thread reads (data_dir, shape's font list).
  struct JoinFonts {
    ~JoinFonts() { cli::join_fonts(); }
  } join_fonts_on_return;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (const auto code = cli::take_lang_option(args)) return *code;
  if (args.empty()) return cli::usage_error(tr("no command given"));
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::cout << cli::usage_text();
    return 0;
  }
  if (cli::asks_version(args)) {
    std::cout << "vanban " << VANBAN_VERSION << '\n';
    return 0;
  }
  if (args[0] == "schema") return cli::schema_command(args);
  if (args[0] == "fonts") return cli::fonts_command(args);
  if (args[0] == "new") return cli::new_command({args.begin() + 1, args.end()});
  if (args[0] == "watch")
    return cli::watch_command({args.begin() + 1, args.end()}, [](const cli::WatchBuild& w, std::ostream& err) {
      static std::once_flag fonts;
      std::call_once(fonts, cli::start_fonts);
      cli::Options opt;
      opt.command = "build";
      opt.final_mode = w.final_mode;
      opt.document = w.document;
      opt.output = w.output;
      opt.styles_dir = w.styles_dir;
      return cli::build(opt, err);
    });
  if (args[0] == "sign" || args[0] == "issue" || args[0] == "verify" || args[0] == "extract") return cli::run_sign_command(args);
  if (args[0] == "import") return cli::run_import(args);
  if (args[0] != "build" && args[0] != "check") return cli::usage_error(tr("unknown command `{}`", args[0]));
  cli::Options opt;
  opt.command = args[0];
  std::vector<std::string> documents;
  if (const auto code = cli::parse_options(args, opt, documents)) return *code;
  if (const std::string bad = cli::check_environment(); !bad.empty()) return cli::usage_error(bad);
  limit_memory(cli::memory_limit_mb());  // before any thread starts: fontconfig's set-up is under it too
  if (documents.empty()) return cli::usage_error(tr("{} needs a document folder", opt.command));
  if (opt.command == "build") cli::start_fonts();
  if (documents.size() == 1) {
    opt.document = documents[0];
    if (::isatty(STDERR_FILENO) != 1) {
      opt.exit_when_written = true;
      return cli::build(opt, std::cerr);
    }
    return cli::build_all(opt, documents);  // for the progress line
  }
  if (!opt.output.empty())
    return cli::usage_error(tr("-o takes one document; several each go to out/<document name>.pdf"));
  if (!opt.dump.empty()) return cli::usage_error(tr("--dump takes one document"));
  std::set<std::string> outputs;
  for (const auto& d : documents) {
    const std::string out = cli::document_name(d);
    if (out.empty()) return cli::usage_error(tr("`{}` has no name to give its PDF; build it alone with -o", d));
    if (!outputs.insert(out).second)
      return cli::usage_error(
          tr("two documents would both be written to out/{}.pdf; build them one at a time with -o", out));
  }
  return cli::build_all(opt, documents);
}
