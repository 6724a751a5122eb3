#pragma once
/// Raster images (scanned signatures and seals): their pixel size and kind, read from
/// the file header, so that layout can size them before the PDF writer embeds them, and
/// their data checked, so that a damaged file is reported at its place in the document.
#include <string>
#include <vector>

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

/// An image's data as a PDF image XObject holds it.
struct ImageData {
  int width = 0;   ///< pixels
  int height = 0;  ///< pixels
  int components = 0;          ///< colour components: 1 grey, 3 RGB, 4 CMYK
  bool jpeg = false;           ///< `bytes` is the JPEG file as it is (a PDF reads it with /DCTDecode)
  bool inverted_cmyk = false;  ///< a CMYK JPEG with Adobe's marker, whose samples Adobe software stores inverted
  std::vector<unsigned char> bytes;  ///< the JPEG file, or 8-bit samples row after row (PNG)
  std::vector<unsigned char> alpha;  ///< a PNG's transparency, 8 bits a pixel; empty when it has none
};

/// Reads an image for the PDF writer: a JPEG's bytes as they are and what its header says of
/// its colours; a PNG decoded (libpng) to 8-bit grey or RGB samples, a palette expanded, its
/// transparency (alpha channel or tRNS key) split off as `alpha`. Throws std::runtime_error
/// as probe_image does.
ImageData read_image_data(const std::string& path);

}  // namespace vanban::layout
