#pragma once
/// The files a PDF/A-3 build embeds as its sources (`--pdfa 3b`): every input of the build
/// inside the document folder (document.yaml, parts, included files, images), so that the
/// folder `vanban extract` rebuilds from them gives the same PDF.
#include <string>
#include <vector>

#include "pipeline/pdf/attachments.hpp"

namespace vanban::cli {

/// Of `inputs` (build_inputs()), those inside `folder`, each once, in the order given, with
/// their paths relative to it and their bytes. Throws std::runtime_error when one cannot be
/// read.
std::vector<pdf::AttachedFile> source_files(const std::vector<std::string>& inputs, const std::string& folder);

}  // namespace vanban::cli
