// Image probing (pipeline/layout/image.cpp): a PNG's data is decoded where layout probes
// the image, so a damaged file is refused with a plain reason (and libpng prints nothing)
// instead of failing later inside the PDF writer. The PNGs are built here, byte by byte,
// with stored (uncompressed) deflate blocks, so each damage is exactly the one named.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
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
