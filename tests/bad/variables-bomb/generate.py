# A 12.5 KB variable used 6,000 times in 30 KB of YAML: 75 MB of text once expanded, past
# the 64 MB a document may hold. (A 600 KB file of the same kind took `check` 33 s and
# 2.9 GB of memory before the limit was reached at the resolve stage.)
with open('document.yaml', 'a', encoding='utf-8') as f:
    f.write('variables:\n  v: "' + 'chữ ' * 2500 + '"\nbody:\n')
    for _ in range(4):
        f.write('  - "' + '{v}' * 1500 + '"\n')
