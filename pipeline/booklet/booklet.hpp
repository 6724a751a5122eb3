#pragma once
/// A booklet: a folder holding booklet.yaml, which lists document folders to be set as one
/// A5 book with a cover and contents (docs/booklets.md). This is the file as plain values;
/// nothing here knows about pages or fonts.
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/units.hpp"

namespace vanban::booklet {

/// One document of the booklet, in the order printed.
struct Entry {
  std::string folder;       ///< the document folder, joined to the booklet's as the user wrote it
  std::string short_title;  ///< running head and contents line; empty: the document's title
  SourcePos pos;            ///< where the entry is written
};

/// `imposition:` as written. The booklet stage only reads and checks it: the PDF stage
/// (pipeline/pdf/impose) puts the pages on printer sheets.
struct Imposition {
  std::string mode = "none";  ///< saddle-stitch | none
  Sp creep = 0;               ///< shift per sheet toward the spine
  bool crop_marks = false;
  Sp bleed = 0;
  int signature = 0;          ///< pages per folded section (multiple of 4); 0: one section
};

/// The cover's month and year.
struct MonthYear {
  int month = 0, year = 0;
};

/// A whole booklet.yaml.
struct Booklet {
  std::string folder;                 ///< the booklet folder, as given
  std::string file;                   ///< booklet.yaml, as given joined
  std::string style = "so-tay-a5";    ///< booklet style name or path to a .yaml
  SourcePos style_pos;
  std::string parent;                 ///< cover: superior body (may be empty)
  std::string issuer;                 ///< cover: issuing body
  std::vector<std::string> title;     ///< cover: title lines, "VĂN KIỆN ĐẠI HỘI"
  std::string congress;               ///< cover: the congress, "ĐẠI HỘI ĐẠI BIỂU ... LẦN THỨ I"
  std::string term;                   ///< cover: "NHIỆM KỲ 2025 – 2030"
  std::string place;                  ///< cover foot
  std::optional<MonthYear> date;      ///< cover foot
  std::string cover_image;            ///< the emblem, a path found from the booklet folder; empty: none
  SourcePos cover_image_pos;
  std::vector<Entry> documents;
  bool toc = true;                    ///< a contents after the cover
  Imposition imposition;
  int copies = 0;                     ///< numbered copies to write; 0: none
  SourcePos pos;                      ///< start of the file's top map
};

/// True when `path` is a folder holding booklet.yaml (a booklet, not a document).
bool is_booklet(const std::string& path);

/// Reads `folder`/booklet.yaml. Throws vanban::Error with every problem found, each at its
/// `file:line:column` with a hint: unknown keys (with "did you mean"), wrong types, values
/// out of range, document folders that do not exist or hold no document.yaml.
Booklet load_booklet(const std::string& folder);

}  // namespace vanban::booklet
