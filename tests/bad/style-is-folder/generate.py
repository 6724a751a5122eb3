# A folder where the style file should be (git cannot hold an empty folder).
import os
os.mkdir('kieu.yaml')
