#pragma once
/// The PDFs a build writes for the printer beside the document's own: with `--imposition
/// saddle-stitch`, the imposed sheets, `<output without .pdf>.imposed.pdf`; with `--copies`
/// or `--copies-from`, the numbered copies, `<output without .pdf>.copies.pdf`.
#include <string>
#include <vector>

#include "pipeline/cli/options.hpp"
#include "pipeline/layout/page.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/shape/family.hpp"
#include "pipeline/shape/font.hpp"
#include "pipeline/shape/shaper.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::cli {

/// One file to write, whole.
struct OutputFile {
  std::string path;
  std::vector<char> bytes;
};

/// What the numbered copies' stamps are set with.
struct StampSetting {
  const style::CopyStamp& stamp;
  const shape::Family& family;
  shape::Shaper& shaper;  ///< the build's own, whose records give the ToUnicode maps
  bool draft = false;     ///< `status: draft`: the stamp goes on every page
};

/// Where the imposed sheets of `output` go: `out/a.pdf` → `out/a.imposed.pdf`; a name
/// without `.pdf` gets `.imposed.pdf` added.
std::string imposed_output(const std::string& output);

/// Where the numbered copies of `output` go: `out/a.pdf` → `out/a.copies.pdf` (likewise).
std::string copies_output(const std::string& output);

/// The document's PDF at `output` and, as the options ask, its imposed sheets and its
/// numbered copies (stamped as `stamps` says); the streams
/// (font subsets, page contents) are made once for all of them. Each extra path is refused
/// like the output when it is one of `inputs` (vanban::Error).
std::vector<OutputFile> make_outputs(const Options& opt, const layout::PagedDocument& paged, const shape::FontSet& fonts,
                                     const pdf::Metadata& meta, const std::string& output,
                                     const std::vector<std::string>& inputs, const StampSetting& stamps);

}  // namespace vanban::cli
