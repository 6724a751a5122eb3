# One paragraph of 5 MB: it takes about 400 MB to set, more than the limit given in `expect`.
words = 'Đảng bộ xác định giáo dục chính trị lãnh đạo tư tưởng là nhiệm vụ thường xuyên liên tục'.split()
out, size, i = [], 0, 0
while size < 5_000_000:
    w = words[(i * 7) % len(words)]
    out.append(w)
    size += len(w.encode()) + 1
    i += 1
with open('document.yaml', 'a', encoding='utf-8') as f:
    f.write('  - "' + ' '.join(out) + '"\n')
