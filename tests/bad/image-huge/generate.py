# A 2 GB (sparse) signature image: never read while images are not drawn.
with open('chu-ky.png', 'wb') as f:
    f.write(b'\x89PNG\r\n\x1a\n')
    f.truncate(2 * 1024 ** 3)
