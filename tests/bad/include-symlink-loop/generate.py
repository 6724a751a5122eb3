# A symbolic link that points at itself: it used to be "not found; did you mean `vong.yaml`?".
import os
os.symlink('vong.yaml', 'vong.yaml')
