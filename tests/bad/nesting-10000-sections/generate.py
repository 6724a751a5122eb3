n = 10000
with open('phan-1.yaml', 'w', encoding='utf-8') as f:
    f.write('title: Phần một\nsections:\n  - ' + '{title: a, sections: [' * n + '{title: b}' + ']}' * n + '\n')
