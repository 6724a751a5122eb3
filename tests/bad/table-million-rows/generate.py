with open('document.yaml', 'a', encoding='utf-8') as f:
    for i in range(1_000_000):
        f.write(f'        - [{i}, a]\n')
