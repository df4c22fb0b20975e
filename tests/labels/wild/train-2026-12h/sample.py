# Draws the eighth blind sample (H), a training sample: 8 articles of >= 150 words per newsroom,
# none already labelled (samples A, C, D, E, F and G) or read in an editor reading
# (reading-2026-12*/judgements.jsonl).
import json, os, random, sys
base = sys.argv[1] if len(sys.argv) > 1 else '../shared/wild'
here = os.path.dirname(os.path.abspath(__file__))
excl = set(json.loads(l)['file'] for l in open(os.path.join(here, '../wild-labels.jsonl')))
for d in ['blind-2026-12c', 'blind-2026-12d', 'blind-2026-12e', 'blind-2026-12f', 'train-2026-12g']:
    excl |= set(json.loads(l)['file'] for l in open(os.path.join(here, '..', d, 'labels.jsonl')))
for f in sorted(d for d in os.listdir(os.path.join(here, '..')) if d.startswith('reading-2026-12')):
    excl |= set(json.loads(l)['file'] for l in open(os.path.join(here, '..', f, 'judgements.jsonl')))
rooms = {'guardian-2022-05': ['guardian-2022-05'], 'bbc-2004-05': ['bbc-2004-05/politics', 'bbc-2004-05/business'],
         'reuters-1987': ['reuters-1987'], 'dailymail-cnn-2015': ['dailymail-cnn-2015']}
def wc(p): return len(open(os.path.join(base, p), encoding='utf-8').read().split())
out = []
for room, dirs in rooms.items():
    files = sorted(os.path.join(d, f) for d in dirs for f in os.listdir(os.path.join(base, d)) if f.endswith('.txt'))
    pool = [f for f in files if f not in excl]
    rng = random.Random(20261207)
    rng.shuffle(pool)
    out += [(room, p, wc(p)) for p in [p for p in pool if wc(p) >= 150][:8]]
json.dump(out, open(os.path.join(here, 'sample.json'), 'w'), indent=0)
