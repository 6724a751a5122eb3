# A named pipe where the signature image should be.
import os
os.mkfifo('chu-ky.png')
