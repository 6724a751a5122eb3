// Image probing (pipeline/layout/image.cpp): a PNG's or JPEG's data is decoded where layout
// probes the image, so a damaged file is refused with a plain reason (and libpng or libjpeg
// prints nothing) instead of failing later inside the PDF writer, or reaching the PDF. The
// PNGs are built here, byte by byte, with stored (uncompressed) deflate blocks, and the
// JPEGs with one-code Huffman tables, so each damage is exactly the one named.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "pipeline/layout/image.hpp"

using namespace vanban;

namespace {

using Bytes = std::string;

void put32(Bytes& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

std::uint32_t crc32(const Bytes& data) {
  std::uint32_t c = 0xFFFFFFFF;
  for (const char ch : data) {
    c ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
  }
  return ~c;
}

Bytes chunk(const std::string& kind, const Bytes& data) {
  Bytes out;
  put32(out, static_cast<std::uint32_t>(data.size()));
  out += kind + data;
  put32(out, crc32(kind + data));
  return out;
}

/// A zlib stream holding `raw` in stored blocks (RFC 1950/1951), with its Adler-32.
Bytes zlib_stored(const Bytes& raw) {
  Bytes out = "\x78\x01";
  std::size_t at = 0;
  do {
    const std::size_t n = std::min<std::size_t>(raw.size() - at, 65535);
    const bool last = at + n == raw.size();
    out += static_cast<char>(last ? 1 : 0);
    out += static_cast<char>(n & 0xFF);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(~n & 0xFF);
    out += static_cast<char>((~n >> 8) & 0xFF);
    out += raw.substr(at, n);
    at += n;
  } while (at < raw.size());
  std::uint32_t a = 1, b = 0;
  for (const char ch : raw) {
    a = (a + static_cast<unsigned char>(ch)) % 65521;
    b = (b + a) % 65521;
  }
  put32(out, (b << 16) | a);
  return out;
}

/// Filtered rows of an 8-bit RGB image (`filters` cycles through the rows' filter bytes).
Bytes rows(int width, int height, const std::string& filters) {
  Bytes raw;
  for (int y = 0; y < height; ++y) {
    raw += filters[static_cast<std::size_t>(y) % filters.size()];
    for (int x = 0; x < 3 * width; ++x) raw += static_cast<char>((x * 7 + y * 13) & 0xFF);
  }
  return raw;
}

Bytes png(int width, int height, const Bytes& idat, int interlace = 0) {
  Bytes ihdr;
  put32(ihdr, static_cast<std::uint32_t>(width));
  put32(ihdr, static_cast<std::uint32_t>(height));
  ihdr += std::string{8, 2, 0, 0, static_cast<char>(interlace)};  // 8-bit RGB
  return "\x89PNG\r\n\x1a\n" + chunk("IHDR", ihdr) + chunk("IDAT", idat) + chunk("IEND", "");
}

/// The image data of an interlaced (Adam7) RGB image: each pass's rows, filter type 0.
Bytes adam7_rows(int width, int height) {
  struct Pass {
    int y0, x0, dy, dx;
  };
  constexpr Pass passes[] = {{0, 0, 8, 8}, {0, 4, 8, 8}, {4, 0, 8, 4}, {0, 2, 4, 4},
                             {2, 0, 4, 2}, {0, 1, 2, 2}, {1, 0, 2, 1}};
  Bytes raw;
  for (const Pass& p : passes) {
    const int w = (width - p.x0 + p.dx - 1) / p.dx, h = (height - p.y0 + p.dy - 1) / p.dy;
    if (w <= 0 || h <= 0) continue;
    raw += rows(w, h, std::string(1, '\0'));
  }
  return raw;
}

/// A JPEG segment: the marker, then its length (which counts itself) and its body.
Bytes segment(unsigned char marker, const Bytes& body) {
  const std::size_t n = body.size() + 2;
  return Bytes{'\xFF', static_cast<char>(marker), static_cast<char>(n >> 8), static_cast<char>(n & 0xFF)} + body;
}

/// A start-of-scan segment for the one component, with its spectral selection and its
/// successive approximation (progressive JPEG, ITU T.81 G.1.1).
Bytes sos(int ss, int se, int ah, int al) {
  return segment(0xDA, Bytes{1, 1, 0, static_cast<char>(ss), static_cast<char>(se), static_cast<char>(ah << 4 | al)});
}

/// The entropy-coded data of `blocks` blocks that each take `bits` 0 bits, padded with 1
/// bits to a whole byte (never a 0xFF byte, so nothing to stuff).
Bytes zero_bits(int blocks, int bits) {
  const int n = blocks * bits;
  Bytes out(static_cast<std::size_t>((n + 7) / 8), '\0');
  if (n % 8 != 0) out.back() = static_cast<char>(0xFF >> (n % 8));
  return out;
}

/// A grey JPEG of flat blocks, made by hand: each table holds one code, "0", for symbol 0,
/// which is a DC difference of 0 in the DC table and end-of-block in the AC table, so
/// every block of a baseline scan is the two bits 00. The frame and tables, up to the
/// first scan: SOF0 (baseline) or SOF2 (progressive), `precision` bits.
Bytes jpeg_head(int width, int height, bool progressive = false, int precision = 8) {
  const Bytes one_code = Bytes{1} + Bytes(15, '\0') + Bytes(1, '\0');  // 1 code of length 1: symbol 0
  return Bytes{'\xFF', '\xD8'} + segment(0xDB, Bytes(1, '\0') + Bytes(64, '\1')) +
         segment(progressive ? 0xC2 : 0xC0, Bytes{static_cast<char>(precision), static_cast<char>(height >> 8),
                                                  static_cast<char>(height & 0xFF), static_cast<char>(width >> 8),
                                                  static_cast<char>(width & 0xFF), 1, 1, 0x11, 0}) +
         segment(0xC4, Bytes(1, '\0') + one_code) + segment(0xC4, Bytes(1, '\x10') + one_code);
}

constexpr Bytes::size_type kJpegEnd = 2;  // the end-of-image marker
const Bytes kEoi{'\xFF', '\xD9'};

/// A whole baseline JPEG of flat grey blocks.
Bytes baseline_jpeg(int width, int height) {
  const int blocks = ((width + 7) / 8) * ((height + 7) / 8);
  return jpeg_head(width, height) + sos(0, 63, 0, 0) + zero_bits(blocks, 2) + kEoi;
}

/// A progressive JPEG of flat grey blocks (8 x 8 pixels, one block): the DC scan, then one
/// scan per AC coefficient (1 to 63) and bit (`rounds` of successive approximation, from
/// bit 13 down), each block an end-of-band "0": 1 + 63 x rounds scans, all of them valid.
Bytes progressive_jpeg(int rounds) {
  Bytes out = jpeg_head(8, 8, true) + sos(0, 0, 0, 0) + zero_bits(1, 1);
  for (int r = 0; r < rounds; ++r)
    for (int k = 1; k <= 63; ++k) out += sos(k, k, r == 0 ? 0 : 14 - r, 13 - r) + zero_bits(1, 1);
  return out + kEoi;
}

/// A file in the temp folder, removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(const Bytes& bytes) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = (std::filesystem::temp_directory_path() /
             ("vanban-image-" + std::string(info->name()) + "-" + std::to_string(::getpid()) + ".png"))
                .string();
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// The reason probe_image gives for `bytes`, checking that libpng printed nothing.
std::string refusal(const Bytes& bytes) {
  TempFile f(bytes);
  ::testing::internal::CaptureStderr();
  std::string reason = "(accepted)";
  try {
    layout::probe_image(f.path());
  } catch (const std::runtime_error& e) {
    reason = e.what();
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  return reason;
}

constexpr const char* kDamaged = "not a valid PNG file (damaged image data)";
constexpr const char* kDamagedJpeg = "not a valid JPEG file (damaged image data)";

}  // namespace

TEST(ProbeImage, GoodPngDecodes) {
  TempFile f(png(5, 6, zlib_stored(rows(5, 6, std::string{0, 1, 2, 3, 4}))));
  const auto info = layout::probe_image(f.path());
  EXPECT_EQ(info.width, 5);
  EXPECT_EQ(info.height, 6);
  EXPECT_EQ(info.format, "png");
}

TEST(ProbeImage, InterlacedPngDecodes) {
  TempFile f(png(11, 9, zlib_stored(adam7_rows(11, 9)), 1));
  EXPECT_EQ(layout::probe_image(f.path()).width, 11);
}

TEST(ProbeImage, SampleSignatureDecodes) {
  const auto info = layout::probe_image(VANBAN_SOURCE_DIR "/content/bao-cao-ubnd-xa/chu-ky.png");
  EXPECT_EQ(info.width, 360);
  EXPECT_EQ(info.height, 140);
}

TEST(ProbeImage, TruncatedPngIsDamaged) {
  const Bytes whole = png(40, 30, zlib_stored(rows(40, 30, std::string(1, '\0'))));
  // Cut in the middle of the image data, as a download that stopped.
  EXPECT_EQ(refusal(whole.substr(0, whole.size() / 2)), kDamaged);
  // Cut right after the header: no image data at all.
  EXPECT_EQ(refusal(whole.substr(0, 33)), kDamaged);
}

TEST(ProbeImage, BadFilterByteIsDamaged) {
  // Row 3 uses filter type 7; PNG has 0 to 4.
  EXPECT_EQ(refusal(png(4, 4, zlib_stored(rows(4, 4, std::string{0, 0, 7, 0})))), kDamaged);
}

TEST(ProbeImage, DataThatIsNotZlibIsDamaged) {
  EXPECT_EQ(refusal(png(10, 6, std::string(200, 'x'))), kDamaged);
}

TEST(ProbeImage, BadChecksumIsDamaged) {
  Bytes bytes = png(4, 4, zlib_stored(rows(4, 4, std::string(1, '\0'))));
  bytes[33 + 8 + 20] ^= 0x55;  // a byte of IDAT's data: its CRC no longer matches
  EXPECT_EQ(refusal(bytes), kDamaged);
}

TEST(ProbeImage, HeaderAloneDoesNotDecode) {
  // read_image_header is what later stages use: it reads no further than the header.
  TempFile f(png(4, 4, zlib_stored(rows(4, 4, std::string(1, '\7')))));
  EXPECT_EQ(layout::read_image_header(f.path()).width, 4);
  EXPECT_THROW(layout::probe_image(f.path()), std::runtime_error);
}

// JPEG: the PDF writer embeds the file's bytes as they are (reading only its header),
// so damaged scan data would reach the PDF, and the reader's window, unless decoded here.

TEST(ProbeImage, GoodJpegDecodes) {
  TempFile f(baseline_jpeg(40, 24));
  ::testing::internal::CaptureStderr();
  const auto info = layout::probe_image(f.path());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(info.width, 40);
  EXPECT_EQ(info.height, 24);
  EXPECT_EQ(info.format, "jpeg");
}

TEST(ProbeImage, GoodProgressiveJpegDecodes) {
  // 1 + 63 x 7 = 442 scans, under the limit of 500.
  EXPECT_EQ(refusal(progressive_jpeg(7)), "(accepted)");
}

TEST(ProbeImage, TruncatedJpegIsDamaged) {
  const Bytes whole = baseline_jpeg(64, 64);  // 64 blocks: 16 bytes of scan data
  const Bytes::size_type scan = whole.size() - kJpegEnd - 16;
  // Cut in the middle of the scan data, as a download that stopped ("Premature end of
  // JPEG file"; libjpeg would go on with zeros, which decode here: only the warning tells).
  EXPECT_EQ(refusal(whole.substr(0, scan + 8)), kDamagedJpeg);
  // Cut in the middle, the end-of-image marker kept ("premature end of data segment").
  EXPECT_EQ(refusal(whole.substr(0, scan + 8) + kEoi), kDamagedJpeg);
  // Cut right after the scan header: no data at all.
  EXPECT_EQ(refusal(whole.substr(0, scan)), kDamagedJpeg);
  // All the data, only the end-of-image marker missing: refused too (the file was cut).
  EXPECT_EQ(refusal(whole.substr(0, whole.size() - kJpegEnd)), kDamagedJpeg);
  // Cut short, made by a real encoder (libjpeg-turbo, 360 x 140): the catalogue's case.
  std::ifstream in(VANBAN_SOURCE_DIR "/tests/bad/image-jpeg-truncated-scan/chu-ky.jpg", std::ios::binary);
  EXPECT_EQ(refusal(Bytes(std::istreambuf_iterator<char>(in), {})), kDamagedJpeg);
}

TEST(ProbeImage, GarbageJpegScanIsDamaged) {
  const Bytes head = jpeg_head(64, 64) + sos(0, 63, 0, 0);
  // Bits that are no code of the tables ("bad Huffman code").
  EXPECT_EQ(refusal(head + Bytes(16, 'x') + kEoi), kDamagedJpeg);
  // Codes that decode, but more data than the image has ("extraneous bytes before marker").
  EXPECT_EQ(refusal(head + zero_bits(64, 2) + Bytes(8, '\0') + kEoi), kDamagedJpeg);
  // Text in place of the scan, after a real encoder's tables: the catalogue's case.
  std::ifstream in(VANBAN_SOURCE_DIR "/tests/bad/image-jpeg-garbage-scan/chu-ky.jpg", std::ios::binary);
  EXPECT_EQ(refusal(Bytes(std::istreambuf_iterator<char>(in), {})), kDamagedJpeg);
}

TEST(ProbeImage, DamagedJpegTablesAreRefused) {
  // A Huffman table counting three codes (two of length 1 and one of length 2, more than a
  // prefix code can have) in a segment that holds one.
  Bytes bytes = baseline_jpeg(16, 16);
  const auto dht = bytes.find("\xFF\xC4");
  ASSERT_NE(dht, Bytes::npos);
  bytes[dht + 5] = 2;
  bytes[dht + 6] = 1;
  EXPECT_EQ(refusal(bytes), kDamagedJpeg);
}

TEST(ProbeImage, JpegWithTooManyScansIsRefused) {
  // 1 + 63 x 8 = 505 scans, each valid, each a pass over the whole image: a few bytes
  // each, so a small file could make decoding take minutes (libjpeg-turbo advises a limit).
  EXPECT_EQ(refusal(progressive_jpeg(8)), kDamagedJpeg);
}

TEST(ProbeImage, TwelveBitJpegIsRefused) {
  // A PDF holds 8-bit JPEG data only (DCTDecode); libjpeg here decodes 8 bits too.
  Bytes bytes = baseline_jpeg(16, 16);
  bytes[bytes.find("\xFF\xC0") + 4] = 12;  // the frame's sample precision
  EXPECT_EQ(refusal(bytes), "a JPEG of a kind a PDF cannot hold (12-bit, lossless or hierarchical)");
}

TEST(ProbeImage, JpegHeaderAloneDoesNotDecode) {
  // read_image_header stops at the frame header: a JPEG cut after it still has a size.
  const Bytes whole = baseline_jpeg(64, 64);
  TempFile f(whole.substr(0, whole.size() - kJpegEnd - 16));
  EXPECT_EQ(layout::read_image_header(f.path()).width, 64);
  EXPECT_THROW(layout::probe_image(f.path()), std::runtime_error);
}
