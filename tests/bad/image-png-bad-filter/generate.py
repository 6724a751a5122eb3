# Found by fuzz_build: a PNG whose data inflates fine but whose rows start with a filter
# type that does not exist (7; PNG has 0-4). libpng: "bad adaptive filter value".
import struct
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


w, h = 4, 4
rows = b"".join(b"\x07" + bytes(3 * w) for _ in range(h))
with open("chu-ky.png", "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
