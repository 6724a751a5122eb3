#pragma once
/// Raster images (scanned signatures and seals): their pixel size and kind, read from
/// the file header, so that layout can size them before the PDF writer embeds them, and
/// their data checked, so that a damaged file is reported at its place in the document.
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
ImageInfo read_image_header(const std::string& path);

/// read_image_header, then the image data decoded row by row (libpng, libjpeg), so that
/// damaged data is reported where the image is named rather than when the PDF is written
/// (or, for a JPEG, whose bytes the PDF holds as they are, in the reader's window): throws
/// std::runtime_error "not a valid PNG file (damaged image data)" or "not a valid JPEG file
/// (damaged image data)" then. Nothing is printed. Layout calls this once per image; later
/// stages need only read_image_header.
ImageInfo probe_image(const std::string& path);

}  // namespace vanban::layout
