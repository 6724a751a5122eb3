#pragma once
/// `vanban extract`: the source files a PDF/A-3 build embedded (/AFRelationship /Source),
/// read back with PoDoFo.
#include <string>
#include <utility>
#include <vector>

namespace vanban::sign {

/// The embedded source files of the PDF `path`: (relative path, bytes), in the order of the
/// catalog's /AF. Throws vanban::Error placed at `path` when it is not a readable PDF, has
/// none, or names a file outside its folder (an absolute path, `..`).
std::vector<std::pair<std::string, std::string>> embedded_sources(const std::string& path);

}  // namespace vanban::sign
