# A key of a million characters (with its `:`): YAML stops reading a key at 1024.
with open('document.yaml', 'a', encoding='utf-8') as f:
    f.write('k' * 1_000_000 + ': giá trị\n')
