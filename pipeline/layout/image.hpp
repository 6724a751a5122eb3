#pragma once
/// Raster images (scanned signatures and seals): their pixel size and kind, read from
/// the file header, so that layout can size them before the PDF writer embeds them.
#include <string>

namespace vanban::layout {

/// What layout needs to know of an image file.
struct ImageInfo {
  int width = 0;   ///< pixels
  int height = 0;  ///< pixels
  std::string format;  ///< "png" or "jpeg"
};

/// Reads the header of a PNG or JPEG file. Throws std::runtime_error with a plain
/// reason when the file cannot be read, is neither format, is truncated, or is larger
/// than 20,000 pixels on a side or kMaxImagePixels in all (a scan for a signature never
/// needs that much).
ImageInfo probe_image(const std::string& path);

}  // namespace vanban::layout
