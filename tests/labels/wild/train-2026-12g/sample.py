# Draws the seventh blind sample (G), a training sample: 6 articles of >= 150 words per newsroom,
# none already labelled (samples A, C, D, E and F) or read in an editor reading
# (reading-2026-12*/judgements.jsonl). Sample H's sample.py draws with `draw` too.
import json, os, random, sys


def draw(here, base, seed, per_room, labelled):
    """`per_room` articles of >= 150 words per newsroom of `base`, shuffled by `seed`, none in
    sample A, in the `labelled` sample folders or in an editor reading; written to `here`."""
    excl = set(json.loads(l)['file'] for l in open(os.path.join(here, '../wild-labels.jsonl')))
    for d in labelled:
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
        rng = random.Random(seed)
        rng.shuffle(pool)
        out += [(room, p, wc(p)) for p in [p for p in pool if wc(p) >= 150][:per_room]]
    json.dump(out, open(os.path.join(here, 'sample.json'), 'w'), indent=0)


if __name__ == '__main__':
    draw(os.path.dirname(os.path.abspath(__file__)), sys.argv[1] if len(sys.argv) > 1 else '../shared/wild',
         20261206, 6, ['blind-2026-12c', 'blind-2026-12d', 'blind-2026-12e', 'blind-2026-12f'])
