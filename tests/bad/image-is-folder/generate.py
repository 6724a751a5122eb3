import os
os.mkdir('chu-ky.png')
