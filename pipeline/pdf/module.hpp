#pragma once
/// The PDF stage's entry points as one table, for the command line, which loads the stage
/// as a module (libvanban-pdf.so) on a thread of its own while the text is set: loading
/// hb-subset and libdeflate costs about half a millisecond, hidden there. Tests and
/// benchmarks link the stage directly and never go through this table.
#include <string>
#include <vector>

#include "pipeline/pdf/write.hpp"

namespace vanban::pdf {

/// Changes whenever ModuleApi or a type it passes changes: an executable and a module from
/// different builds refuse each other instead of misreading memory.
inline constexpr int kModuleAbi = 1;

/// What the module offers (see write.hpp for each function).
struct ModuleApi {
  int abi = kModuleAbi;
  std::vector<char> (*write_pdf)(const layout::PagedDocument&, const shape::FontSet&, const Metadata&) = nullptr;
  void (*write_file_atomically)(const std::string&, const std::vector<char>&) = nullptr;
};

/// The module's one exported symbol, looked up with dlsym.
inline constexpr const char* kModuleSymbol = "vanban_pdf_module";

}  // namespace vanban::pdf

/// The table of the PDF stage this module was built from.
extern "C" const vanban::pdf::ModuleApi* vanban_pdf_module();
