#include "pipeline/layout/image.hpp"

#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <new>
#include <stdexcept>
#include <vector>

#include "pipeline/core/limits.hpp"

namespace vanban::layout {
namespace {

constexpr int kMaxSide = 20000;

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
int be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }

/// PNG: the signature, then the IHDR chunk with width and height (PNG spec §11.2.2).
ImageInfo png(const std::vector<unsigned char>& b) {
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (b.size() < 33 || !std::equal(sig, sig + 8, b.begin()) || std::string(b.begin() + 12, b.begin() + 16) != "IHDR")
    throw std::runtime_error("not a valid PNG file (no IHDR header)");
  const std::uint32_t w = be32(&b[16]), h = be32(&b[20]);
  if (w == 0 || h == 0 || w > kMaxSide || h > kMaxSide)
    throw std::runtime_error("PNG of " + std::to_string(w) + "×" + std::to_string(h) + " pixels: sides must be 1 to 20000");
  return {static_cast<int>(w), static_cast<int>(h), "png"};
}

/// JPEG: walk the markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC).
ImageInfo jpeg(const std::vector<unsigned char>& b) {
  std::size_t i = 2;
  while (i + 9 < b.size()) {
    if (b[i] != 0xFF) throw std::runtime_error("not a valid JPEG file (bad marker)");
    const unsigned char m = b[i + 1];
    if (m == 0xFF) { ++i; continue; }
    const int len = be16(&b[i + 2]);
    if (len < 2) throw std::runtime_error("not a valid JPEG file (bad segment length)");
    if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
      const int h = be16(&b[i + 5]), w = be16(&b[i + 7]);
      if (w == 0 || h == 0 || w > kMaxSide || h > kMaxSide)
        throw std::runtime_error("JPEG of " + std::to_string(w) + "×" + std::to_string(h) + " pixels: sides must be 1 to 20000");
      return {w, h, "jpeg"};
    }
    i += 2 + static_cast<std::size_t>(len);
  }
  throw std::runtime_error("not a valid JPEG file (no frame header)");
}

/// What libpng's callbacks and the decoding loop share. Plain data only: libpng leaves a
/// failed read by longjmp, which would skip the destructors of C++ objects in the frames
/// it jumps over, so everything to release afterwards is held here, outside them.
struct PngRead {
  std::FILE* file = nullptr;
  png_structp png = nullptr;
  png_infop info = nullptr;
  png_bytep row = nullptr;  ///< one row, allocated by libpng
};

/// libpng's error handler: back to the setjmp in decode_png_rows, printing nothing (the
/// default handler writes "libpng error: ..." to stderr, with no place in the document).
[[noreturn]] void on_png_error(png_structp png, png_const_charp /*message*/) { png_longjmp(png, 1); }

/// Warnings (a damaged ancillary chunk, extra data after the image) cost nothing to
/// ignore: the image still decodes, in libpng here as in the PDF writer.
void on_png_warning(png_structp /*png*/, png_const_charp /*message*/) {}

/// Decodes every row of the image, one at a time into one row's buffer (a 50-megapixel
/// image is never held whole). False when libpng finds the data damaged: not zlib data,
/// cut short, a bad CRC, a filter type PNG does not have.
bool decode_png_rows(PngRead& r) {
  if (setjmp(png_jmpbuf(r.png))) return false;
  png_init_io(r.png, r.file);
  png_read_info(r.png, r.info);
  // Interlaced images come in 7 passes; each pass reads rows of the whole height.
  const int passes = png_set_interlace_handling(r.png);
  png_read_update_info(r.png, r.info);
  r.row = static_cast<png_bytep>(png_malloc(r.png, png_get_rowbytes(r.png, r.info)));
  const png_uint_32 height = png_get_image_height(r.png, r.info);
  for (int pass = 0; pass < passes; ++pass)
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(r.png, r.row, nullptr);
  return true;
}

/// Checks that the image data of a PNG decodes, as the PDF writer will decode it: with a
/// good header and damaged data, libpng would fail there, with no place to report.
void check_png_data(const std::string& path) {
  PngRead r;
  r.file = std::fopen(path.c_str(), "rb");
  if (r.file == nullptr) throw std::runtime_error("cannot read the image file");
  r.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, on_png_error, on_png_warning);
  if (r.png != nullptr) r.info = png_create_info_struct(r.png);
  const bool created = r.png != nullptr && r.info != nullptr;
  const bool ok = created && decode_png_rows(r);
  if (r.row != nullptr) png_free(r.png, r.row);
  png_destroy_read_struct(&r.png, &r.info, nullptr);
  std::fclose(r.file);
  if (!created) throw std::bad_alloc();
  if (!ok) throw std::runtime_error("not a valid PNG file (damaged image data)");
}

}  // namespace

ImageInfo probe_image(const std::string& path) {
  ImageInfo info = read_image_header(path);
  if (info.format == "png") check_png_data(path);
  return info;
}

ImageInfo read_image_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the image file");
  // Headers sit at the start; 64 KiB covers JPEG files with large EXIF blocks before the frame.
  std::vector<unsigned char> b(65536);
  in.read(reinterpret_cast<char*>(b.data()), static_cast<std::streamsize>(b.size()));
  b.resize(static_cast<std::size_t>(in.gcount()));
  ImageInfo info;
  if (b.size() >= 8 && b[0] == 0x89 && b[1] == 'P') info = png(b);
  else if (b.size() >= 4 && b[0] == 0xFF && b[1] == 0xD8) info = jpeg(b);
  else throw std::runtime_error("not a PNG or JPEG image");
  // The PDF writer decodes the whole image (PoDoFo, libpng): a 1.5 MB PNG of 20000×20000
  // zero pixels took 2 GB and 25 s. Refused from the header instead (core/limits.hpp).
  const auto pixels = static_cast<std::uint64_t>(info.width) * static_cast<std::uint64_t>(info.height);
  if (pixels > kMaxImagePixels)
    throw std::runtime_error(std::string(info.format == "png" ? "PNG" : "JPEG") + " of " + std::to_string(info.width) +
                             "×" + std::to_string(info.height) + " pixels: more than " +
                             std::to_string(kMaxImagePixels / 1000000) + " megapixels");
  return info;
}

}  // namespace vanban::layout
