# 10,001 forced page breaks: one page more than the page builder's limit.
with open('document.yaml', 'a', encoding='utf-8') as f:
    f.write('  - Trang đầu.\n' + '  - page-break: true\n  - Trang.\n' * 10_000)
