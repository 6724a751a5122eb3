import os
import re

# A style made from the shipped dang.yaml with its `page:` block replaced by the one below,
# put first so that the message's line does not move when dang.yaml changes.
src = open(os.path.join(os.environ["VANBAN_ROOT"], "styles", "dang.yaml"), encoding="utf-8").read()
src = re.sub(r"(?m)^page:\n(?:[ ]+.*\n)+", "", src)
open("nan.yaml", "w", encoding="utf-8").write('page:\n  size: [nanmm, 297mm]\n  margins: {top: 20mm, bottom: 20mm, left: 30mm, right: 15mm}\n' + src)
