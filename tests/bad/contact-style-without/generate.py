import os
import re

# A style made from the shipped nha-nuoc.yaml without its `contact:` section (box 13).
src = open(os.path.join(os.environ["VANBAN_ROOT"], "styles", "nha-nuoc.yaml"), encoding="utf-8").read()
src = re.sub(r"(?m)^contact:\n(?:[ ]+.*\n)+", "", src)
open("khong-hop-thu.yaml", "w", encoding="utf-8").write(src)
