/// Loading libvanban-pdf.so (see pdf_module.hpp).
#include "pipeline/cli/pdf_module.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <future>
#include <mutex>
#include <string>

#include "pipeline/core/diagnostic.hpp"

namespace vanban::cli {

namespace {

/// The module sits beside the executable (the build folder), or else in VANBAN_MODULE_DIR.
std::string module_path() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = self.parent_path() / "libvanban-pdf.so";
    if (fs::exists(beside, ec)) return beside.string();
  }
  return std::string(VANBAN_MODULE_DIR) + "/libvanban-pdf.so";
}

struct Loaded {
  const pdf::ModuleApi* api = nullptr;
  std::string error;  ///< why it could not be loaded
};

Loaded load() {
  const std::string path = module_path();
  // RTLD_NOW: every relocation is done here, on the loading thread, not lazily later on the
  // thread that writes the PDF. RTLD_LOCAL: its symbols never mix with the executable's.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return {nullptr, "cannot load the PDF writer " + path + ": " + dlerror()};
  using Entry = const pdf::ModuleApi* (*)();
  const auto entry = reinterpret_cast<Entry>(dlsym(handle, pdf::kModuleSymbol));
  if (!entry) return {nullptr, "the PDF writer " + path + " has no entry point: " + dlerror()};
  const pdf::ModuleApi* api = entry();
  if (!api || api->abi != pdf::kModuleAbi)
    return {nullptr, "the PDF writer " + path + " is from another build of vanban"};
  return {api, {}};  // never unloaded: the process ends soon after writing
}

std::once_flag started;
std::shared_future<Loaded> loading;

}  // namespace

void start_pdf_module() {
  std::call_once(started, [] { loading = std::async(std::launch::async, load).share(); });
}

const pdf::ModuleApi& pdf_module() {
  start_pdf_module();
  const Loaded& loaded = loading.get();
  if (!loaded.api) fail({"vanban", 0, 0}, loaded.error, "rebuild vanban (cmake --build), or reinstall it");
  return *loaded.api;
}

}  // namespace vanban::cli
