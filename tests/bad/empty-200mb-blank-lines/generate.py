# document.yaml of 200 MB of blank lines (it took 12.6 s and 2.3 GB to call it empty).
with open('document.yaml', 'wb') as f:
    block = b'\n' * (1 << 20)
    for _ in range(200):
        f.write(block)
