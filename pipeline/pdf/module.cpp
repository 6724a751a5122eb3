/// The module's entry point (see module.hpp).
#include "pipeline/pdf/module.hpp"

extern "C" __attribute__((visibility("default"))) const vanban::pdf::ModuleApi* vanban_pdf_module() {
  static const vanban::pdf::ModuleApi api{vanban::pdf::kModuleAbi, &vanban::pdf::write_pdf,
                                          &vanban::pdf::write_file_atomically};
  return &api;
}
