# A PNG with a good header and image data that is not zlib data.
import struct
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


with open("chu-ky.png", "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100, 60, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", b"this is not zlib data" * 10) + chunk(b"IEND", b""))
