# The part file's name on disk in NFD (as macOS writes accented names): "phần" with the
# a, a circumflex and a grave as separate code points; the document names it in NFC.
import unicodedata
name = unicodedata.normalize('NFD', 'phần-1.yaml')
with open(name, 'w', encoding='utf-8') as f:
    f.write('body:\n  - Đoạn một.\n')
