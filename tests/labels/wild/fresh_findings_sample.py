# Draws an editors' reading: up to 50 sourcing findings per newsroom from copydesk's JSON output
# on wild articles that no earlier labelling or reading touched. Every article of sample A
# (wild-labels.jsonl), of the blind samples (blind-*/sample.json) and of the readings drawn
# before this one (reading-*/judgements.jsonl of folders that sort before it) is left out, and so
# is any file listed in the reading's own exclude.txt (articles whose findings the rule writer saw
# change while the rules under test were written). Neither rule writers nor an earlier reader has
# then seen copydesk's findings on what is read.
#
# A reading's sample.py calls `draw(its folder, its seed)`. Run it from that folder after writing
# all.json with
#   copydesk check ../../../../../shared/wild --format json --fail-on never > all.json
# It writes sample.json and prints the pool per newsroom. Neither all.json nor sample.json is
# kept: copydesk's messages quote the articles' words. judgements.jsonl holds each finding's
# file, rule and byte span, which sample.py gives again on the same build.
import collections, glob, json, os, random

ROOMS = {'guardian': 'guardian-2022-05', 'bbc': 'bbc-2004-05', 'reuters': 'reuters-1987',
         'dailymail': 'dailymail-cnn-2015'}
FAMILIES = {'anonymous-source', 'unattributed-claim'}  # the anonymous-* and unattributed families
PER_NEWSROOM = 50


def seen_before(here):
    labels = os.path.dirname(here)
    this_reading = os.path.basename(here)
    seen = set()
    for line in open(os.path.join(labels, 'wild-labels.jsonl')):
        if line.strip():
            seen.add(json.loads(line)['file'])
    for path in glob.glob(os.path.join(labels, 'blind-*', 'sample.json')):
        seen.update(row[1] for row in json.load(open(path)))
    for path in glob.glob(os.path.join(labels, 'reading-*', 'judgements.jsonl')):
        if os.path.basename(os.path.dirname(path)) >= this_reading:
            continue
        for line in open(path):
            if line.strip():
                seen.add(json.loads(line)['file'].split('wild/')[-1])
    exclude = os.path.join(here, 'exclude.txt')
    if os.path.exists(exclude):
        seen.update(line.strip() for line in open(exclude) if line.strip())
    return seen


def draw(here, seed):
    seen = seen_before(here)
    pool = {k: [] for k in ROOMS}
    articles = {k: 0 for k in ROOMS}
    for f in json.load(open(os.path.join(here, 'all.json')))['files']:
        rel = f['path'].split('wild/')[1]
        room = next((k for k, d in ROOMS.items() if rel.startswith(d + '/')), None)
        if room is None or rel in seen:
            continue
        articles[room] += 1
        for g in f['diagnostics']:
            if g.get('category') in FAMILIES:
                pool[room].append(dict(file=rel, rule=g['rule'], severity=g['severity'],
                                       start=g['span']['start'], end=g['span']['end'],
                                       message=g['message']))
    out = []
    for room, xs in pool.items():
        xs.sort(key=lambda x: (x['file'], x['start'], x['rule']))
        picked = random.Random(seed).sample(xs, min(PER_NEWSROOM, len(xs)))
        print(room, articles[room], 'articles', len(xs), 'findings',
              collections.Counter(x['rule'] for x in xs).most_common())
        out += [dict(newsroom=room, idx=i, **x) for i, x in enumerate(picked)]
    print(len(seen), 'articles left out')
    json.dump(out, open(os.path.join(here, 'sample.json'), 'w'), indent=0)
