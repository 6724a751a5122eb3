# 250,000 one-word paragraphs: more blocks than the limit checked before layout.
with open('document.yaml', 'a', encoding='utf-8') as f:
    f.write('  - a\n' * 250_000)
