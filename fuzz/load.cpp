/// Fuzzes the YAML loader: document.yaml (and the part and include files the input
/// carries, see files.hpp) -> Document. Bad input must end in vanban::Error, never in a
/// crash, a hang or another exception.
#include <cstddef>
#include <cstdint>

#include "files.hpp"
#include "pipeline/content/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vanban::fuzz::Scratch dir;
  vanban::fuzz::write_input(dir, data, size);
  try {
    (void)vanban::content::load_document(dir.path().string());
  } catch (const vanban::Error&) {
    // The expected way for bad input to end. Any other exception escapes: libFuzzer
    // reports it, since the CLI would print it without a file:line:column.
  }
  return 0;
}
