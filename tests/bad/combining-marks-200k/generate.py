# 200,000 combining marks on one letter, alternating two classes (acute U+0301 above,
# dot below U+0323) so that normalising would sort them: quadratic work before the cap.
with open('document.yaml', 'a', encoding='utf-8') as f:
    f.write('  - "Xa' + '\u0301\u0323' * 100000 + '"\n')
