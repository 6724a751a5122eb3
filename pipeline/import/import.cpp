// The import command's work: read the file, recognise the document, write the folder.
#include "pipeline/import/import.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/core/i18n.hpp"
#include "pipeline/import/convert.hpp"
#include "pipeline/import/docx_reader.hpp"
#include "pipeline/import/recognize.hpp"
#include "pipeline/import/text_reader.hpp"
#include "pipeline/import/yaml_writer.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::importer {
namespace fs = std::filesystem;
namespace {

/// Larger text files are not documents anyone typed (64 MB, the content loader's limit).
constexpr std::uintmax_t kMaxTextBytes = 64u << 20;

std::string read_bytes(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) fail({path, 0, 0}, tr("is a folder, not a file"), tr("give a .txt or .docx file"));
  std::ifstream in(path, std::ios::binary);
  if (!in) fail({path, 0, 0}, tr("cannot open the file: {}", std::strerror(errno)));
  std::string bytes;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxTextBytes)
      fail({path, 0, 0}, tr("the file is larger than 64 MB"), tr("split it, or import the .docx"));
  }
  return bytes;
}

bool is_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && std::string_view(magic, 4) == std::string_view("PK\x03\x04", 4);
}

std::string extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

void write_file(const fs::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(tr("cannot write {}: {}", path.string(), std::strerror(errno)));
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      throw std::runtime_error(tr("cannot write {}: {}", path.string(), std::strerror(err)));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0)
    throw std::runtime_error(tr("cannot write {}: {}", path.string(), std::strerror(errno)));
}

/// Writes `files` into a temporary folder beside `output`, then renames it to `output`.
void write_folder_atomically(const std::string& output, const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path target = fs::path(output).lexically_normal();
  std::error_code ec;
  if (fs::exists(target, ec) && !(fs::is_directory(target, ec) && fs::is_empty(target, ec)))
    fail({output, 0, 0}, tr("the output folder exists and is not empty"),
         tr("choose a new folder name, or remove it first"));
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  std::string pattern = (parent / ("." + target.filename().string() + ".import-XXXXXX")).string();
  if (!::mkdtemp(pattern.data()))
    throw std::runtime_error(tr("cannot create a folder in {}: {}", parent.string(), std::strerror(errno)));
  const fs::path temp(pattern);
  try {
    for (const auto& [name, text] : files) write_file(temp / name, text);
    if (::rename(temp.c_str(), target.c_str()) != 0)
      throw std::runtime_error(tr("cannot rename to {}: {}", target.string(), std::strerror(errno)));
  } catch (...) {
    fs::remove_all(temp, ec);
    throw;
  }
}

}  // namespace

OutDocument recognise(const Source& src, std::vector<Finding>& findings, ParagraphCounts& counts, bool docx) {
  Context cx{src, findings, {}, docx};
  OutDocument doc;
  std::vector<OutBlock> preamble;
  const std::size_t body = read_front(cx, doc, preamble);
  const std::size_t tail = read_tail(cx, doc, body);
  std::vector<Event> events = read_body(cx, body, std::max(body, tail));
  build_parts(cx, events, std::move(preamble), doc);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return a.diagnostic.pos.line < b.diagnostic.pos.line;
  });
  counts = cx.counts;
  return doc;
}

Source read_source(const std::string& input, std::vector<std::string>& notes, std::optional<text::Legacy> encoding) {
  const std::string ext = extension(input);
  std::error_code ec;
  if (!fs::exists(input, ec)) fail({input, 0, 0}, tr("no such file"));
  if (needs_conversion(ext)) {
    char work[] = "/tmp/vanban-import-XXXXXX";
    if (!::mkdtemp(work)) throw std::runtime_error(tr("cannot create a temporary folder: {}", std::strerror(errno)));
    try {
      Source src = read_docx(convert_to_docx(input, work), notes);
      src.file = input;
      notes.push_back("converted " + input + " to .docx with LibreOffice (soffice --headless --convert-to docx)");
      fs::remove_all(work, ec);
      return src;
    } catch (...) {
      fs::remove_all(work, ec);
      throw;
    }
  }
  if (ext == ".docx" || is_zip(input) || is_compound_file(input)) return read_docx(input, notes);
  std::string bytes = read_bytes(input);
  if (bytes.empty() || bytes.find_first_not_of(" \t\r\n") == std::string::npos)
    fail({input, 0, 0}, tr("the file is empty"), tr("give the document's .txt or .docx file"));
  if (encoding || !text::valid_utf8(bytes)) {
    const auto legacy = encoding ? encoding : text::guess_legacy(bytes);
    if (legacy) {
      bytes = text::legacy_to_utf8(bytes, *legacy);
      notes.push_back("read " + input + " as " + std::string(text::legacy_name(*legacy)) + " text, converted to Unicode" +
                      (encoding ? "" : " (guessed; name another with --encoding tcvn3|vni|cp1258)"));
    }
  }
  return read_text(bytes, input);
}

std::vector<std::pair<std::string, std::string>> content_files(const OutDocument& doc, const std::string& source_name) {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> names;
  for (std::size_t k = 0; k < doc.parts.size(); ++k)
    names.push_back(doc.has_parts ? "phan-" + std::to_string(k + 1) + ".yaml" : "noi-dung.yaml");
  files.emplace_back("document.yaml", document_yaml(doc, names, source_name));
  for (std::size_t k = 0; k < doc.parts.size(); ++k) files.emplace_back(names[k], part_yaml(doc.parts[k], source_name));
  return files;
}

ImportResult import_file(const std::string& input, const std::string& output, std::optional<text::Legacy> encoding) {
  ImportResult result;
  const Source src = read_source(input, result.notes, encoding);
  const bool docx = src.lines.empty();  // only the text reader keeps lines
  const OutDocument doc = recognise(src, result.findings, result.counts, docx);
  const auto files = content_files(doc, fs::path(input).filename().string());
  write_folder_atomically(output, files);
  for (const auto& f : files) result.files.push_back(f.first);
  return result;
}

}  // namespace vanban::importer
