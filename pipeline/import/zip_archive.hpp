#pragma once
/// Reading entries of a ZIP package (.docx) with libzip, with limits: an entry larger than
/// declared, larger than the limit, or packed far tighter than text packs is refused.
#include <cstdint>
#include <memory>
#include <string>

namespace vanban::importer {

/// An open ZIP file. libzip is loaded with dlopen() at the first use: linked normally it
/// (and the libcrypto it needs) would be loaded by every `vanban build` for nothing.
class ZipArchive {
 public:
  /// Opens `path`; throws Error (placed at the file) when it is not a readable ZIP.
  explicit ZipArchive(const std::string& path);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  /// Whether the package has an entry of that name.
  bool has(const std::string& name) const;

  /// The bytes of entry `name`; throws Error when it is missing, encrypted, damaged, or
  /// (declared or as actually unpacked) larger than `limit` bytes or than its declared size.
  std::string read(const std::string& name, std::uint64_t limit) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban::importer
