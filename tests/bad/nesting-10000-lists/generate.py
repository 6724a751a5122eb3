# 10,000 lists, each the nested block of an item of the one before, in flow style
# (block style would need 200 MB of indentation).
n = 10000
with open('document.yaml', 'a', encoding='utf-8') as f:
    f.write('      - a\n      - ' + '{list: [a, ' * n + 'b' + ']}' * n + '\n')
