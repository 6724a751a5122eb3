import os
open('phan-1.yaml', 'w').write('title: Một\n')
os.chmod('phan-1.yaml', 0)
