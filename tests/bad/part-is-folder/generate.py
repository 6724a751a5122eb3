import os
os.mkdir('phan-1.yaml')
