# Samples up to 50 sourcing findings per newsroom from copydesk's JSON output on the 48 articles of
# blind sample E (../blind-2026-12e/sample.json), after those labels were committed.
# Run from the repo root's tests/labels/wild/reading-2026-12e with e.json written by
#   copydesk check --format json --fail-on never $(list of the 48 files under ../shared/wild)
import json, random, collections, os
here = os.path.dirname(os.path.abspath(__file__))
rooms = {r: [] for r in ['guardian-2022-05', 'bbc-2004-05', 'reuters-1987', 'dailymail-cnn-2015']}
families = {'anonymous-source', 'unattributed-claim'}  # the anonymous-* and unattributed families
wanted = set(x[1] for x in json.load(open(os.path.join(here, '../blind-2026-12e/sample.json'))))
for f in json.load(open('e.json'))['files']:
    rel = f['path'].split('wild/')[1]
    assert rel in wanted, rel
    for g in f['diagnostics']:
        if g.get('category') in families:
            rooms[rel.split('/')[0]].append(dict(file=rel, rule=g['rule'], severity=g['severity'],
                start=g['span']['start'], end=g['span']['end'], message=g['message']))
out = []
for room, xs in rooms.items():
    xs.sort(key=lambda x: (x['file'], x['start'], x['rule']))
    picked = random.Random(20261203).sample(xs, min(50, len(xs)))
    print(room, len(xs), collections.Counter(x['rule'] for x in xs).most_common())
    out += [dict(newsroom=room, **x) for x in picked]
json.dump(out, open('sample.json', 'w'), indent=0)
