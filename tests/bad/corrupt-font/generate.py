import os
import re

# A style made from the shipped dang.yaml with its `font:` block replaced by the one below,
# put first so that the message's line does not move when dang.yaml changes.
src = open(os.path.join(os.environ["VANBAN_ROOT"], "styles", "dang.yaml"), encoding="utf-8").read()
src = re.sub(r"(?m)^font:\n(?:[ ]+.*\n)+", "", src)
open("hong.yaml", "w", encoding="utf-8").write('font:\n  family: Vanban Hong\n  fallback: []\n' + src)
import os
import struct
import subprocess

# A copy of the body font renamed to the family "Vanban Hong" and broken: its maxp table
# says it has no glyphs. fontconfig (FreeType) still indexes it; HarfBuzz finds no glyphs.
# It is found through a fontconfig configuration that adds this folder (FONTCONFIG_FILE).
root = os.environ["VANBAN_ROOT"]
here = os.getcwd()
src = subprocess.run(["fc-match", "-f", "%{file}", "Liberation Serif:style=Regular"], capture_output=True,
                     text=True, check=True).stdout
data = bytearray(open(src, "rb").read())
num_tables = struct.unpack(">H", data[4:6])[0]
tables = {}
for i in range(num_tables):
    tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
    tables[tag] = (offset, length)
old, new = "Liberation Serif", "Vanban Hong     "
data = data.replace(old.encode("utf-16-be"), new.encode("utf-16-be")).replace(old.encode(), new.encode())
maxp = tables[b"maxp"][0]
data[maxp + 4:maxp + 6] = b"\0\0"
os.makedirs("fonts")
for style in ("Regular", "Bold", "Italic", "BoldItalic"):
    d = bytearray(data)
    open(os.path.join("fonts", f"VanbanHong-{style}.ttf"), "wb").write(d)
open("fonts.conf", "w").write(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{here}/fonts</dir>
  <cachedir>{here}/fontcache</cachedir>
</fontconfig>
""")
