# A PNG cut after its header: no image data at all.
import struct
import zlib

ihdr = struct.pack(">IIBBBBB", 100, 60, 8, 2, 0, 0, 0)
with open("chu-ky.png", "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)))
