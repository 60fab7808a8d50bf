#!/usr/bin/env python3
"""Counts NewsFANE dev sentences whose middle ten tokens occur in an unlabelled text (plain, gzipped).

Both sides are folded alike and compared without spaces, since NewsFANE splits clitics off (`ب كلية`).
    python3 corpora/unlabelled-ar/newsfane-overlap.py TEXT.txt.gz
"""
import gzip
import re
import sys


def fold(s):
    s = re.sub('[\u200e\u200f\ufeff\u064b-\u0652\u0640]', '', s)
    s = re.sub('[أإآ]', 'ا', s).replace('ى', 'ي').replace('ة', 'ه')
    return ' '.join(re.sub(r'[^\w\s]', ' ', s).split())


def sentences(conll):
    current = []
    for line in open(conll, encoding='utf-8-sig'):
        if line.strip():
            current.append(line.split('\t')[0])
        elif current:
            yield current
            current = []
    if current:
        yield current


probes = []
for tokens in sentences('corpora/newsfane-dev/newsfane-dev.conll'):
    words = fold(' '.join(tokens)).split()
    if len(tokens) >= 12 and len(words) >= 10:
        middle = len(words) // 2
        probes.append(''.join(words[middle - 5:middle + 5]))
text = '|'.join(fold(line).replace(' ', '') for line in gzip.open(sys.argv[1], 'rt', encoding='utf-8'))
found = [p for p in probes if p in text]
print(f'{len(found)} of {len(probes)} probes found')
for p in found:
    print(p)
