#pragma once
/// Loading the PDF stage (libvanban-pdf.so, see pipeline/pdf/module.hpp) while the document
/// is laid out.
#include "pipeline/pdf/module.hpp"

namespace vanban::cli {

/// Starts loading the module on a thread of its own (once; later calls do nothing).
void start_pdf_module();

/// The module's table, once loaded (waits for start_pdf_module's thread, or loads it now).
/// Throws vanban::Error naming the file and the loader's reason when it cannot be loaded.
const pdf::ModuleApi& pdf_module();

}  // namespace vanban::cli
