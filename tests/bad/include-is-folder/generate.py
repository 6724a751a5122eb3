import os
os.mkdir('phu-luc')
