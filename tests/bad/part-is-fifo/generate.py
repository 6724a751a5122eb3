# A named pipe where the part file should be: reading it would wait forever.
import os
os.mkfifo('phan-1.yaml')
