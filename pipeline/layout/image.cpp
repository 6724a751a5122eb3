#include "pipeline/layout/image.hpp"

#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "pipeline/core/i18n.hpp"

// After <cstdio>: jpeglib.h uses FILE and size_t without including their headers.
#include <jpeglib.h>
#include <jerror.h>  // the message codes (JWRN_..., JERR_...)

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
    throw std::runtime_error(tr("not a valid PNG file (no IHDR header)"));
  const std::uint32_t w = be32(&b[16]), h = be32(&b[20]);
  if (w == 0 || h == 0 || w > kMaxSide || h > kMaxSide)
    throw std::runtime_error(tr("PNG of {}×{} pixels: sides must be 1 to 20000", w, h));
  return {static_cast<int>(w), static_cast<int>(h), "png"};
}

/// JPEG: walk the markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC).
ImageInfo jpeg(const std::vector<unsigned char>& b) {
  std::size_t i = 2;
  while (i + 9 < b.size()) {
    if (b[i] != 0xFF) throw std::runtime_error(tr("not a valid JPEG file (bad marker)"));
    const unsigned char m = b[i + 1];
    if (m == 0xFF) { ++i; continue; }
    const int len = be16(&b[i + 2]);
    if (len < 2) throw std::runtime_error(tr("not a valid JPEG file (bad segment length)"));
    if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
      const int h = be16(&b[i + 5]), w = be16(&b[i + 7]);
      if (w == 0 || h == 0 || w > kMaxSide || h > kMaxSide)
        throw std::runtime_error(tr("JPEG of {}×{} pixels: sides must be 1 to 20000", w, h));
      return {w, h, "jpeg"};
    }
    i += 2 + static_cast<std::size_t>(len);
  }
  throw std::runtime_error(tr("not a valid JPEG file (no frame header)"));
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

/// Decodes every row of the image. Without `keep`, one at a time into one row's buffer (a
/// 50-megapixel image is never held whole): a check. With `keep`, into keep->bytes, as a PDF
/// image holds them. False when libpng finds the data damaged: not zlib data, cut short, a
/// bad CRC, a filter type PNG does not have.
bool decode_png_rows(PngRead& r, ImageData* keep) {
  if (setjmp(png_jmpbuf(r.png))) return false;
  png_init_io(r.png, r.file);
  png_read_info(r.png, r.info);
  if (keep != nullptr) {
    png_set_expand(r.png);     // palette -> RGB, 1/2/4-bit grey -> 8 bits, a tRNS key -> alpha
    png_set_strip_16(r.png);   // 16 bits a sample -> 8
  }
  // Interlaced images come in 7 passes; each pass reads rows of the whole height.
  const int passes = png_set_interlace_handling(r.png);
  png_read_update_info(r.png, r.info);
  const png_size_t row_bytes = png_get_rowbytes(r.png, r.info);
  const png_uint_32 height = png_get_image_height(r.png, r.info);
  if (keep != nullptr) {
    keep->components = png_get_channels(r.png, r.info);
    keep->bytes.resize(row_bytes * height);
  } else {
    r.row = static_cast<png_bytep>(png_malloc(r.png, row_bytes));
  }
  for (int pass = 0; pass < passes; ++pass)
    for (png_uint_32 y = 0; y < height; ++y)
      png_read_row(r.png, keep != nullptr ? keep->bytes.data() + y * row_bytes : r.row, nullptr);
  return true;
}

/// Decodes a PNG: a check when `keep` is null, else its samples into `keep` (see decode_png_rows).
void read_png_data(const std::string& path, ImageData* keep) {
  PngRead r;
  r.file = std::fopen(path.c_str(), "rb");
  if (r.file == nullptr) throw std::runtime_error(tr("cannot read the image file"));
  r.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, on_png_error, on_png_warning);
  if (r.png != nullptr) r.info = png_create_info_struct(r.png);
  const bool created = r.png != nullptr && r.info != nullptr;
  bool ok = false;
  try {
    ok = created && decode_png_rows(r, keep);
  } catch (...) {  // bad_alloc for the samples: release libpng's state first
    png_destroy_read_struct(&r.png, &r.info, nullptr);
    std::fclose(r.file);
    throw;
  }
  if (r.row != nullptr) png_free(r.png, r.row);
  png_destroy_read_struct(&r.png, &r.info, nullptr);
  std::fclose(r.file);
  if (!created) throw std::bad_alloc();
  if (!ok) throw std::runtime_error(tr("not a valid PNG file (damaged image data)"));
}

/// What libjpeg's callbacks and the decoding loop share: plain data only, for the same
/// reason as PngRead (libjpeg's errors leave by longjmp). The error manager comes first, so
/// that the callbacks, which get only the j_common_ptr, find the rest from its address.
struct JpegRead {
  jpeg_error_mgr err{};  ///< must stay the first member
  std::jmp_buf jump{};
  jpeg_progress_mgr progress{};
  jpeg_decompress_struct cinfo{};
  std::FILE* file = nullptr;
  int code = 0;  ///< the libjpeg message that ended the decoding (J_MESSAGE_CODE)
};
static_assert(std::is_standard_layout_v<JpegRead>, "jpeg_read_of casts the error manager's address to JpegRead");

/// More scans than a real progressive JPEG has (they have about ten): a small file can
/// otherwise hold thousands of scans, each a pass over the whole image (libjpeg-turbo
/// advises a limit of this kind against such files).
constexpr int kMaxJpegScans = 500;

JpegRead& jpeg_read_of(j_common_ptr cinfo) { return *reinterpret_cast<JpegRead*>(cinfo->err); }

/// libjpeg's error handler: back to the setjmp in decode_jpeg_rows, instead of printing
/// the message and calling exit() as the default handler does.
[[noreturn]] void on_jpeg_error(j_common_ptr cinfo) {
  JpegRead& r = jpeg_read_of(cinfo);
  r.code = cinfo->err->msg_code;
  std::longjmp(r.jump, 1);
}

/// Warnings that mean the entropy-coded data is damaged: libjpeg goes on with grey or
/// garbled blocks, and the PDF writer, which embeds the file's bytes as they are
/// (DCTDecode), would give a broken image. Treated as errors. Other warnings (an unknown
/// JFIF revision or Adobe transform code, a bad ICC marker) leave the image whole: ignored,
/// as libpng's warnings are. Trace messages (level 1 and up) are never printed.
void on_jpeg_message(j_common_ptr cinfo, int level) {
  if (level >= 0) return;
  switch (cinfo->err->msg_code) {
    case JWRN_ARITH_BAD_CODE:     // bad arithmetic code
    case JWRN_BOGUS_PROGRESSION:  // inconsistent progression sequence
    case JWRN_EXTRANEOUS_DATA:    // bytes that are not a marker between segments
    case JWRN_HIT_MARKER:         // premature end of data segment
    case JWRN_HUFF_BAD_CODE:      // bad Huffman code
    case JWRN_JPEG_EOF:           // premature end of the file
    case JWRN_MUST_RESYNC:        // a marker where a restart marker should be
    case JWRN_NOT_SEQUENTIAL:     // bad SOS parameters
      on_jpeg_error(cinfo);
    default:
      return;
  }
}

void on_jpeg_output(j_common_ptr /*cinfo*/) {}

void on_jpeg_progress(j_common_ptr cinfo) {
  const auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
  if (d->input_scan_number > kMaxJpegScans) {
    cinfo->err->msg_code = JERR_BAD_SCAN_SCRIPT;
    on_jpeg_error(cinfo);
  }
}

/// Decodes every row of the image, one at a time into one row's buffer (the rest is
/// libjpeg's, one row of blocks for a baseline JPEG; a progressive one needs the
/// coefficients of the whole image, 2 bytes a sample). The data is entropy-decoded in
/// full, which is where damage shows; the inverse DCT is asked for at 1/8 scale and in
/// grey, as the pixels themselves are not needed (it cannot fail, whatever the data).
/// False when libjpeg stops on an error or a damage warning. With `keep`, only the header is
/// read, for its colour components (the data was checked when the document was laid out).
bool decode_jpeg_rows(JpegRead& r, const ImageInfo& header, ImageData* keep) {
  if (setjmp(r.jump)) return false;
  jpeg_create_decompress(&r.cinfo);  // keeps cinfo.err; fails only for want of memory
  r.cinfo.progress = &r.progress;
  jpeg_stdio_src(&r.cinfo, r.file);
  jpeg_read_header(&r.cinfo, TRUE);
  // libjpeg reads the frame that read_image_header sized; checked, so that the pixel
  // limit applies to what is decoded.
  if (static_cast<int>(r.cinfo.image_width) != header.width || static_cast<int>(r.cinfo.image_height) != header.height)
    return false;
  if (keep != nullptr) {
    keep->components = r.cinfo.num_components;
    keep->inverted_cmyk = r.cinfo.num_components == 4 && r.cinfo.saw_Adobe_marker;
    return true;
  }
  r.cinfo.scale_num = 1;
  r.cinfo.scale_denom = 8;
  r.cinfo.out_color_space = JCS_GRAYSCALE;  // from YCbCr: the chroma's inverse DCT is skipped
  if (r.cinfo.jpeg_color_space != JCS_YCbCr && r.cinfo.jpeg_color_space != JCS_GRAYSCALE)
    r.cinfo.out_color_space = r.cinfo.jpeg_color_space;  // CMYK, YCCK, RGB: no conversion at all
  r.cinfo.do_fancy_upsampling = FALSE;
  r.cinfo.do_block_smoothing = FALSE;
  jpeg_start_decompress(&r.cinfo);
  JSAMPARRAY row = (*r.cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&r.cinfo), JPOOL_IMAGE,
                                                 r.cinfo.output_width * static_cast<JDIMENSION>(r.cinfo.output_components), 1);
  while (r.cinfo.output_scanline < r.cinfo.output_height) jpeg_read_scanlines(&r.cinfo, row, 1);
  jpeg_finish_decompress(&r.cinfo);  // reads on to the end-of-image marker
  return true;
}

/// Checks that the data of a JPEG decodes, as a PDF viewer will decode it: the PDF writer
/// embeds a JPEG's bytes as they are, after reading only its header (`keep`: see
/// decode_jpeg_rows).
void read_jpeg_data(const std::string& path, const ImageInfo& header, ImageData* keep) {
  JpegRead r;
  r.file = std::fopen(path.c_str(), "rb");
  if (r.file == nullptr) throw std::runtime_error(tr("cannot read the image file"));
  r.cinfo.err = jpeg_std_error(&r.err);
  r.err.error_exit = on_jpeg_error;
  r.err.emit_message = on_jpeg_message;
  r.err.output_message = on_jpeg_output;
  r.progress.progress_monitor = on_jpeg_progress;
  const bool ok = decode_jpeg_rows(r, header, keep);
  jpeg_destroy_decompress(&r.cinfo);  // a no-op when it was not created (cinfo.mem null)
  std::fclose(r.file);
  if (ok) return;
  if (r.code == JERR_OUT_OF_MEMORY) throw std::bad_alloc();
  if (r.code == JERR_BAD_PRECISION || r.code == JERR_SOF_UNSUPPORTED)
    throw std::runtime_error(tr("a JPEG of a kind a PDF cannot hold (12-bit, lossless or hierarchical)"));
  throw std::runtime_error(tr("not a valid JPEG file (damaged image data)"));
}

}  // namespace

ImageInfo probe_image(const std::string& path) {
  ImageInfo info = read_image_header(path);
  if (info.format == "png") read_png_data(path, nullptr);
  else read_jpeg_data(path, info, nullptr);
  return info;
}

ImageData read_image_data(const std::string& path) {
  const ImageInfo info = read_image_header(path);
  ImageData d;
  d.width = info.width;
  d.height = info.height;
  if (info.format == "png") {
    read_png_data(path, &d);
    if (d.components == 2 || d.components == 4) {  // grey + alpha, RGB + alpha: alpha apart
      const auto n = static_cast<std::size_t>(d.components);
      const std::size_t pixels = d.bytes.size() / n;
      d.alpha.resize(pixels);
      for (std::size_t p = 0; p < pixels; ++p) {
        for (std::size_t c = 0; c + 1 < n; ++c) d.bytes[p * (n - 1) + c] = d.bytes[p * n + c];
        d.alpha[p] = d.bytes[p * n + n - 1];
      }
      d.bytes.resize(pixels * (n - 1));
      d.components -= 1;
    }
    return d;
  }
  read_jpeg_data(path, info, &d);
  d.jpeg = true;
  std::ifstream in(path, std::ios::binary);
  d.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) throw std::runtime_error(tr("cannot read the image file"));
  return d;
}

ImageInfo read_image_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(tr("cannot read the image file"));
  // Headers sit at the start; 64 KiB covers JPEG files with large EXIF blocks before the frame.
  std::vector<unsigned char> b(65536);
  in.read(reinterpret_cast<char*>(b.data()), static_cast<std::streamsize>(b.size()));
  b.resize(static_cast<std::size_t>(in.gcount()));
  ImageInfo info;
  if (b.size() >= 8 && b[0] == 0x89 && b[1] == 'P') info = png(b);
  else if (b.size() >= 4 && b[0] == 0xFF && b[1] == 0xD8) info = jpeg(b);
  else
    throw std::runtime_error(tr("not a PNG or JPEG image"));
  // The PDF writer decodes the whole image (libpng): a 1.5 MB PNG of 20000×20000
  // zero pixels took 2 GB and 25 s. Refused from the header instead (core/limits.hpp).
  const auto pixels = static_cast<std::uint64_t>(info.width) * static_cast<std::uint64_t>(info.height);
  if (pixels > kMaxImagePixels)
    throw std::runtime_error(tr("{} of {}×{} pixels: more than {} megapixels", info.format == "png" ? "PNG" : "JPEG",
                                info.width, info.height, kMaxImagePixels / 1000000));
  return info;
}

}  // namespace vanban::layout
