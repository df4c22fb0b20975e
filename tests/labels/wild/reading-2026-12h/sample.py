# Samples up to 50 sourcing findings (reading 2026-12h: build 0e49383, seed 20261205) per newsroom from copydesk's JSON output on wild articles
# that no earlier labelling or reading touched: every article of sample A (../wild-labels.jsonl),
# of the blind samples (../blind-*/sample.json) and of the earlier readings (../reading-*/
# judgements.jsonl) is left out, so neither the rule writers nor an earlier reader has seen
# copydesk's findings on what is read here.
#
# Run from this folder, after writing all.json with
#   copydesk check ../../../../../shared/wild --format json --fail-on never > all.json
# Writes sample.json and prints the pool per newsroom. Neither all.json nor sample.json is kept:
# copydesk's messages quote the articles' words. judgements.jsonl holds each finding's file,
# rule and byte span, which sample.py gives again on the same build.
import collections, glob, json, os, random

here = os.path.dirname(os.path.abspath(__file__))
labels = os.environ.get('LABELS', os.path.join(here, '..'))
rooms = {'guardian': 'guardian-2022-05', 'bbc': 'bbc-2004-05', 'reuters': 'reuters-1987',
         'dailymail': 'dailymail-cnn-2015'}
families = {'anonymous-source', 'unattributed-claim'}  # the anonymous-* and unattributed families

seen = set()
for line in open(os.path.join(labels, 'wild-labels.jsonl')):
    if line.strip():
        seen.add(json.loads(line)['file'])
for path in glob.glob(os.path.join(labels, 'blind-*', 'sample.json')):
    seen.update(row[1] for row in json.load(open(path)))
for path in glob.glob(os.path.join(labels, 'reading-*', 'judgements.jsonl')):
    for line in open(path):
        if line.strip():
            f = json.loads(line)['file']
            seen.add(f.split('wild/')[-1])

# Articles whose findings changed while this session's rules were written: their rule writer
# has seen copydesk's findings on them.
exclude = os.path.join(here, 'exclude.txt')
if os.path.exists(exclude):
    seen.update(line.strip() for line in open(exclude) if line.strip())
pool = {k: [] for k in rooms}
articles = {k: 0 for k in rooms}
for f in json.load(open(os.path.join(here, 'all.json')))['files']:
    rel = f['path'].split('wild/')[1]
    room = next((k for k, d in rooms.items() if rel.startswith(d + '/')), None)
    if room is None or rel in seen:
        continue
    articles[room] += 1
    for g in f['diagnostics']:
        if g.get('category') in families:
            pool[room].append(dict(file=rel, rule=g['rule'], severity=g['severity'],
                                   start=g['span']['start'], end=g['span']['end'],
                                   message=g['message']))
out = []
for room, xs in pool.items():
    xs.sort(key=lambda x: (x['file'], x['start'], x['rule']))
    picked = random.Random(20261205).sample(xs, min(50, len(xs)))
    print(room, articles[room], 'articles', len(xs), 'findings',
          collections.Counter(x['rule'] for x in xs).most_common())
    out += [dict(newsroom=room, idx=i, **x) for i, x in enumerate(picked)]
print(len(seen), 'articles left out')
json.dump(out, open(os.path.join(here, 'sample.json'), 'w'), indent=0)
