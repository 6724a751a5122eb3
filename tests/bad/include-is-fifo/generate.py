# A named pipe where the included file should be: reading it would wait forever.
import os
os.mkfifo('phu-luc.yaml')
