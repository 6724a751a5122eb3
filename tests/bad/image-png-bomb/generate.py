# A decompression bomb: a 1.5 MB PNG of 20000 x 20000 transparent pixels (1.6 GB decoded;
# the PDF writer took 2 GB and 25 s before the pixel limit). Sides are within the
# 20000-pixel limit; the pixel count is not.
import struct
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


w = h = 20000
z = zlib.compressobj(9)
row = bytes(1 + 4 * w)
idat = b"".join(z.compress(row) for _ in range(h)) + z.flush()
with open("chu-ky.png", "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", idat) + chunk(b"IEND", b""))
