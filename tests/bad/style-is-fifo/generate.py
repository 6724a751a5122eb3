# A named pipe where the style file should be: reading it would wait forever.
import os
os.mkfifo('kieu.yaml')
