# Draws the sixth blind sample (F): 12 articles of >= 150 words per newsroom, none already labelled
# (samples A, C, D and E) or read in an editor reading (reading-2026-12*/judgements.jsonl).
import json, os, random, sys
base = sys.argv[1] if len(sys.argv) > 1 else '../shared/wild'
here = os.path.dirname(os.path.abspath(__file__))
excl = set(json.loads(l)['file'] for l in open(os.path.join(here, '../wild-labels.jsonl')))
for d in ['blind-2026-12c', 'blind-2026-12d', 'blind-2026-12e']:
    excl |= set(json.loads(l)['file'] for l in open(os.path.join(here, '..', d, 'labels.jsonl')))
for f in ['reading-2026-12', 'reading-2026-12b', 'reading-2026-12c', 'reading-2026-12e']:
    excl |= set(json.loads(l)['file'] for l in open(os.path.join(here, '..', f, 'judgements.jsonl')))
rooms = {'guardian-2022-05': ['guardian-2022-05'], 'bbc-2004-05': ['bbc-2004-05/politics', 'bbc-2004-05/business'],
         'reuters-1987': ['reuters-1987'], 'dailymail-cnn-2015': ['dailymail-cnn-2015']}
def wc(p): return len(open(os.path.join(base, p), encoding='utf-8').read().split())
out = []
for room, dirs in rooms.items():
    files = sorted(os.path.join(d, f) for d in dirs for f in os.listdir(os.path.join(base, d)) if f.endswith('.txt'))
    pool = [f for f in files if f not in excl]
    rng = random.Random(20261203617)
    rng.shuffle(pool)
    out += [(room, p, wc(p)) for p in [p for p in pool if wc(p) >= 150][:12]]
json.dump(out, open(os.path.join(here, 'sample.json'), 'w'), indent=0)
