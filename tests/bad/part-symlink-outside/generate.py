import os
open('../ngoai.yaml', 'w').write('title: Ngoài\nbody:\n  - Ngoài thư mục.\n')
os.symlink('../ngoai.yaml', 'phan-1.yaml')
