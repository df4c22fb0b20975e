# Agreement between the two labellings of a blind sample (SAMPLE/labels.jsonl, "first", and
# SAMPLE/second/labels.jsonl, "second"), per category and newsroom. Prints counts only, never
# article text. Each sample's second/agreement.py runs it on its own folder.
#
# Matching is that of tests/corpus_wild.rs: two spans agree when their byte ranges overlap
# (a.start < b.end and b.start < a.end). A label of one annotator counts as agreed when it overlaps
# any label of the other in the same category; agreement is the F1 of one labelling scored against
# the other (P = second's agreed share, R = first's agreed share; F1 is symmetric). "pairs" is a
# one-to-one matching of overlapping labels (greedy in text order), for reference.
# "non-borderline" is scored like the corpus test's recall: only labels not marked borderline are
# counted on either side, but they may agree with any label of the other, borderline or not.
# "either" pools anonymous and vague, as the test's precision does.
# Only articles present in both files are compared (a second labelling may be partial).
# Usage: python3 agreement.py SAMPLE/second [--per-article]
import json, os, sys, collections

if len(sys.argv) < 2 or sys.argv[1].startswith('--'):
    sys.exit('usage: python3 agreement.py SECOND_LABELLING_DIR [--per-article]')
here = os.path.abspath(sys.argv[1])


def load(path):
    rows = [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]
    return {r['file']: r for r in rows}


first = load(os.path.join(here, '..', 'labels.jsonl'))
second = load(os.path.join(here, 'labels.jsonl'))
order = [r[1] for r in json.load(open(os.path.join(here, '..', 'sample.json')))]
order = [f for f in order if f in first and f in second]
missing = [r[1] for r in json.load(open(os.path.join(here, '..', 'sample.json'))) if r[1] not in order]
rooms = list(dict.fromkeys(f.split('/')[0] for f in order))
CATS = [('anonymous_sources', 'anonymous'), ('vague', 'vague'), ('either', 'either')]


def overlaps(a, b):
    return a['start'] < b['end'] and b['start'] < a['end']


def spans(row, cat):
    if cat == 'either':
        return row['anonymous_sources'] + row['vague']
    return row[cat]


def pairs(xs, ys):
    used, n = set(), 0
    ys = sorted(ys, key=lambda l: l['start'])
    for x in sorted(xs, key=lambda l: l['start']):
        for j, y in enumerate(ys):
            if j not in used and overlaps(x, y):
                used.add(j); n += 1
                break
    return n


def score(c, xs, ys, nonborderline):
    # xs: second ("findings"), ys: first ("labels")
    cx = [x for x in xs if not (nonborderline and x['borderline'])]
    cy = [y for y in ys if not (nonborderline and y['borderline'])]
    c['n1'] += len(cy); c['n2'] += len(cx)
    c['agreed2'] += sum(any(overlaps(x, y) for y in ys) for x in cx)
    c['agreed1'] += sum(any(overlaps(y, x) for x in xs) for y in cy)
    c['pairs'] += pairs(cx, cy)


def f1(c):
    if not c['n1'] and not c['n2']:
        return None
    p = c['agreed2'] / c['n2'] if c['n2'] else None
    r = c['agreed1'] / c['n1'] if c['n1'] else None
    if p is None or r is None or p + r == 0:
        return None if (p is None or r is None) else 0.0
    return 2 * p * r / (p + r)


def fmt(x, bold=False):
    if x is None:
        return 'n/a'
    s = f'{x:.2f}'
    return f'**{s}**' if bold else s


def frac(a, n):
    return f'{a}/{n}' if n else '–'


def counters(cat, files):
    c, cn = collections.Counter(), collections.Counter()
    for f in files:
        score(c, spans(second[f], cat), spans(first[f], cat), False)
        score(cn, spans(second[f], cat), spans(first[f], cat), True)
    return c, cn


print('| category | newsroom | first | second | pairs | first agreed | second agreed | F1 | '
      'F1 non-borderline (first/second counted) |')
print('|---|---|---|---|---|---|---|---|---|')
for cat, name in CATS:
    groups = [(room, [f for f in order if f.startswith(room + '/')]) for room in rooms]
    groups.append(('**all**', order))
    if cat == 'either':
        groups = groups[-1:]
    for room, files in groups:
        c, cn = counters(cat, files)
        bold = room == '**all**'
        nb = f1(cn)
        if nb is None and (cn['n1'] or cn['n2']):
            nbs = (f"n/a ({cn['n1']}/{cn['n2']}, "
                   f"{cn['agreed1'] + cn['agreed2']} of {cn['n1'] + cn['n2']} agreed)")
        else:
            nbs = f"{fmt(nb, bold)} ({cn['n1']}/{cn['n2']})"
        print(f"| {name} | {room} | {c['n1']} | {c['n2']} | {c['pairs']} | "
              f"{frac(c['agreed1'], c['n1'])} | {frac(c['agreed2'], c['n2'])} | {fmt(f1(c), bold)} | {nbs} |")

# Category disagreements: a label of one annotator that overlaps only a label of the other
# category in the other labelling.
cross = collections.Counter()
for f in order:
    for who, mine, other in [('first', first[f], second[f]), ('second', second[f], first[f])]:
        for cat, alt in [('anonymous_sources', 'vague'), ('vague', 'anonymous_sources')]:
            for x in mine[cat]:
                if not any(overlaps(x, y) for y in other[cat]) and any(overlaps(x, y) for y in other[alt]):
                    cross[(who, cat)] += 1
print('\nlabels that the other annotator put in the other category:')
if not cross:
    print('  none')
for (who, cat), n in sorted(cross.items()):
    print(f'  {who} {cat}: {n}')

# Among overlapping same-category pairs: does the borderline flag (and, for anonymous, the kind) agree?
flag = collections.Counter()
for f in order:
    for cat in ['anonymous_sources', 'vague']:
        for x in second[f][cat]:
            for y in first[f][cat]:
                if overlaps(x, y):
                    flag[(cat, 'pairs')] += 1
                    flag[(cat, 'borderline differs')] += x['borderline'] != y['borderline']
                    if cat == 'anonymous_sources':
                        flag[(cat, 'kind differs')] += x['kind'] != y['kind']
                    break
print('\noverlapping pairs whose flags differ:')
for (cat, what), n in sorted(flag.items()):
    print(f'  {cat} {what}: {n}')

if missing:
    print(f'\nnot compared ({len(missing)}): ' + ', '.join(missing))

# Optional: per-article unmatched counts (no text), to guide the "Kinds of disagreement" notes.
if '--per-article' in sys.argv:
    print('\nper-article unmatched labels (first only / second only), anonymous | vague:')
    for f in order:
        out = []
        for cat in ['anonymous_sources', 'vague']:
            a = sum(not any(overlaps(y, x) for x in second[f][cat]) for y in first[f][cat])
            b = sum(not any(overlaps(x, y) for y in first[f][cat]) for x in second[f][cat])
            out.append(f'{a}/{b}')
        if out != ['0/0', '0/0']:
            print(f'  {f}: ' + ' | '.join(out))
