# Checks every label of the second labelling of sample F against the article bytes and prints
# the counts table of README.md. Usage: python3 verify.py [WILD_DIR]
# (WILD_DIR defaults to ../shared/wild from the repo root).
# Self-contained: reads only ../sample.json and ./labels.jsonl (plus the article files).
# A partial labels.jsonl (a prefix-ordered subset of sample.json) is accepted; missing articles are listed.
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
wild = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '../../../../../../shared/wild')
sample = [(s[0], s[1]) for s in json.load(open(os.path.join(here, '..', 'sample.json')))]
rows = [json.loads(l) for l in open(os.path.join(here, 'labels.jsonl'), encoding='utf-8') if l.strip()]

KEYS = {'newsroom', 'file', 'words', 'anonymous_sources', 'vague'}
AKEYS = {'text', 'start', 'end', 'borderline', 'kind'}
VKEYS = {'text', 'start', 'end', 'borderline'}
KINDS = {'person', 'group', 'market'}

errors = []
def err(msg):
    errors.append(msg)

# Articles must appear in sample.json order, each at most once.
order = {f: i for i, (_, f) in enumerate(sample)}
nr_of = dict((f, nr) for nr, f in sample)
last = -1
seen = set()
for r in rows:
    if set(r) != KEYS:
        err(f'{r.get("file")}: keys {sorted(r)}')
        continue
    f = r['file']
    if f not in order:
        err(f'{f}: not in sample.json'); continue
    if f in seen:
        err(f'{f}: duplicate'); continue
    seen.add(f)
    if order[f] <= last:
        err(f'{f}: out of sample.json order')
    last = order[f]
    if r['newsroom'] != nr_of[f]:
        err(f'{f}: newsroom {r["newsroom"]} != {nr_of[f]}')
    data = open(os.path.join(wild, f), 'rb').read()
    words = len(data.decode('utf-8').split())
    if r['words'] != words:
        err(f'{f}: words {r["words"]} != {words}')
    for cat, keys in (('anonymous_sources', AKEYS), ('vague', VKEYS)):
        prev = -1
        for s in r[cat]:
            if set(s) != keys:
                err(f'{f} {cat}: keys {sorted(s)}'); continue
            if not isinstance(s['borderline'], bool):
                err(f'{f} {cat}: borderline not bool: {s}')
            if cat == 'anonymous_sources' and s['kind'] not in KINDS:
                err(f'{f}: bad kind {s["kind"]!r}')
            a, b = s['start'], s['end']
            if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(data)):
                err(f'{f} {cat}: bad offsets {a}-{b}'); continue
            try:
                got = data[a:b].decode('utf-8')
            except UnicodeDecodeError:
                err(f'{f} {cat}: offsets {a}-{b} split a character'); continue
            if got != s['text']:
                err(f'{f} {cat}: bytes {a}-{b} = {got!r} != {s["text"]!r}')
            if a < prev:
                err(f'{f} {cat}: span {s["text"]!r} out of text order')
            prev = a

missing = [f for _, f in sample if f not in seen]

# Counts table
newsrooms = []
for nr, _ in sample:
    if nr not in newsrooms:
        newsrooms.append(nr)
def count(rs):
    an = [s for r in rs for s in r['anonymous_sources']]
    va = [s for r in rs for s in r['vague']]
    return (len(rs), sum(r['words'] for r in rs),
            len(an), sum(s['borderline'] for s in an), sum(s['kind'] == 'market' for s in an),
            len(va), sum(s['borderline'] for s in va),
            sum(1 for r in rs if not r['anonymous_sources'] and not r['vague']))
print('| newsroom | articles | words | anonymous (borderline, market) | vague (borderline) | articles with no label |')
print('|---|---|---|---|---|---|')
ok_rows = [r for r in rows if set(r) == KEYS]
for nr in newsrooms:
    c = count([r for r in ok_rows if r['newsroom'] == nr])
    print(f'| {nr} | {c[0]} | {c[1]} | {c[2]} ({c[3]}, {c[4]}) | {c[5]} ({c[6]}) | {c[7]} |')
c = count(ok_rows)
print(f'| **total** | {c[0]} | {c[1]} | {c[2]} ({c[3]}, {c[4]}) | {c[5]} ({c[6]}) | {c[7]} |')

if missing:
    print(f'\nNOT LABELLED ({len(missing)} of {len(sample)}):')
    for f in missing:
        print('  ' + f)
if errors:
    print(f'\n{len(errors)} ERROR(S):')
    for e in errors:
        print('  ' + e)
    sys.exit(1)
print(f'\nOK: {len(rows)} articles, every span matches its bytes.')
