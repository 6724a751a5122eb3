# Eight files of 20 lines, each including the next 20 times: 20^8 paragraphs once
# expanded. The limit on blocks must stop the expansion at once (it took 48 s and 3.4 GB
# before "out of memory" when the blocks were counted only after loading).
for k in range(1, 9):
    with open(f'f{k}.yaml', 'w', encoding='utf-8') as f:
        f.write('body:\n')
        for _ in range(20):
            f.write(f'  - include: f{k + 1}.yaml\n' if k < 8 else '  - Đoạn văn lặp lại.\n')
