/// The output path: default name and refusals (see output_path.hpp).
#include "pipeline/cli/output_path.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string_view>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"

namespace vanban::cli {

namespace fs = std::filesystem;

std::string document_name(const std::string& document) {
  const fs::path p = fs::path(document).lexically_normal();
  std::string last = p.filename().string();
  if (last.empty() || last == "." || last == "..") {
    // `doc/` (what tab completion types), `.`, `..`: the folder's real name.
    std::error_code ec;
    const fs::path real = fs::canonical(p.empty() ? fs::path(".") : p, ec);
    last = ec ? std::string() : real.filename().string();
  }
  const fs::path name(last);
  if (name.extension() == ".yaml" || name.extension() == ".yml") return name.stem().string();
  return last;
}

std::string default_output(const std::string& document) {
  const std::string name = document_name(document);
  if (name.empty())
    fail({document, 0, 0}, tr("this folder has no name to give its PDF"), tr("give the output path with -o FILE.pdf"));
  return "out/" + name + ".pdf";
}

namespace {

/// Collects the files of `blocks` (an included file's blocks carry its path), recursively.
void add_block_files(const std::vector<content::Block>& blocks, std::vector<std::string>& files) {
  for (const auto& b : blocks) {
    if (files.empty() || files.back() != b.pos.file) files.push_back(b.pos.file);
    for (const auto& item : b.items) add_block_files(item.children, files);
  }
}

void add_section_files(const std::vector<content::Section>& sections, std::vector<std::string>& files) {
  for (const auto& s : sections) {
    add_block_files(s.body, files);
    add_section_files(s.sections, files);
  }
}

/// True when the file at `path` starts with the PDF header `%PDF-`.
bool starts_as_pdf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[5] = {};
  return in.read(head, sizeof head) && std::string_view(head, sizeof head) == "%PDF-";
}

}  // namespace

std::vector<std::string> build_inputs(const content::Document& doc, const style::Style& st,
                                      const shape::FontSet& fonts, const layout::PagedDocument& paged) {
  std::vector<std::string> files{doc.file, st.file};
  for (const auto& part : doc.parts) {
    files.push_back(part.file);
    add_block_files(part.body, files);
    add_section_files(part.sections, files);
  }
  if (doc.signature && !doc.signature->image.empty()) files.push_back((fs::path(doc.folder) / doc.signature->image).string());
  for (const auto& page : paged.pages)
    for (const auto& im : page.images) files.push_back(im.path);
  for (const auto& font : fonts.fonts) files.push_back(font->path());
  return files;
}

void refuse_output_path(const std::string& output, const std::vector<std::string>& inputs) {
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0) return;  // a new file (or one the writer will report)
  if (!S_ISREG(out.st_mode)) return;  // a device, FIFO, socket or folder: the writer refuses it
  for (const auto& in : inputs) {
    struct stat st {};
    if (!in.empty() && ::stat(in.c_str(), &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
      fail({output, 0, 0}, tr("refusing to overwrite an input file of the document: it is {}", in),
           tr("choose another output path"));
  }
  // Whatever else is there is replaced only if it is a PDF (or empty): a file kept beside
  // the document that this build does not read (a draft part, notes) is not ours to lose.
  // Five bytes read, instead of walking the document's folder for its files.
  if (out.st_size > 0 && !starts_as_pdf(output))
    fail({output, 0, 0}, tr("refusing to overwrite a file that is not a PDF"),
         tr("vanban replaces only PDFs: choose another output path, or remove the file first"));
}

}  // namespace vanban::cli
