# A 2 GB (sparse) PNG whose header claims 60000 x 60000 pixels (14 GB once decoded): the
# header is read, the size refused; nothing is decoded.
import struct
import zlib

ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 6, 0, 0, 0)
chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
with open("chu-ky.png", "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk)
    f.truncate(2 * 1024 ** 3)
