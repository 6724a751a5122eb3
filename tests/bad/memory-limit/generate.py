# The same 5 MB paragraph as paragraph-5mb (about 400 MB to set): here it meets the
# memory limit given in `expect`, so the generator is shared, not copied.
import os
import runpy

runpy.run_path(os.path.join(os.environ["VANBAN_ROOT"], "tests", "bad", "paragraph-5mb", "generate.py"))
