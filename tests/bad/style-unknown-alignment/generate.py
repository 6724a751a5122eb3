import os
import re

# A style made from the shipped dang.yaml with `align: centred` in its `body:` block, the
# block moved first so that the message's line does not move when dang.yaml changes.
src = open(os.path.join(os.environ["VANBAN_ROOT"], "styles", "dang.yaml"), encoding="utf-8").read()
body = re.search(r"(?m)^body:\n(?:[ ]+.*\n)+", src).group(0)
src = src.replace(body, "")
body = re.sub(r"(?m)^(\s+align:) \w+", r"\1 centred", body, count=1)
open("am.yaml", "w", encoding="utf-8").write(body + src)
