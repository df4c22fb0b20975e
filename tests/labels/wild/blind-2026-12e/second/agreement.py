# Agreement between the two labellings of sample E (../labels.jsonl, "first", and labels.jsonl
# here, "second"), per category and newsroom. Prints counts only, never article text.
#
# Matching is that of tests/corpus_wild.rs: two spans agree when their byte ranges overlap
# (a.start < b.end and b.start < a.end). A label of one annotator counts as agreed when it overlaps
# any label of the other in the same category; agreement is the F1 of one labelling scored against
# the other (P = second's agreed share, R = first's agreed share; F1 is symmetric). "pairs" is a
# one-to-one matching of overlapping labels (greedy in text order), for reference.
# "non-borderline" is scored like the corpus test's recall: only labels not marked borderline are
# counted on either side, but they may agree with any label of the other, borderline or not.
# "either category" pools anonymous and vague, as the test's precision does.
# Usage: python3 agreement.py
import json, os, collections

here = os.path.dirname(os.path.abspath(__file__))


def load(path):
    rows = [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]
    return {r['file']: r for r in rows}


first = load(os.path.join(here, '..', 'labels.jsonl'))
second = load(os.path.join(here, 'labels.jsonl'))
assert first.keys() == second.keys()
order = [r[1] for r in json.load(open(os.path.join(here, '..', 'sample.json')))]
rooms = list(dict.fromkeys(f.split('/')[0] for f in order))


def overlaps(a, b):
    return a['start'] < b['end'] and b['start'] < a['end']


def spans(row, cat):
    if cat == 'either category':
        return row['anonymous_sources'] + row['vague']
    return row[cat]


def pairs(xs, ys):
    used, n = set(), 0
    for x in sorted(xs, key=lambda l: l['start']):
        for j, y in enumerate(sorted(ys, key=lambda l: l['start'])):
            if j not in used and overlaps(x, y):
                used.add(j); n += 1
                break
    return n


def score(c, xs, ys, nonborderline):
    cx = [x for x in xs if not (nonborderline and x['borderline'])]
    cy = [y for y in ys if not (nonborderline and y['borderline'])]
    c['n1'] += len(cy); c['n2'] += len(cx)
    c['agreed2'] += sum(any(overlaps(x, y) for y in ys) for x in cx)
    c['agreed1'] += sum(any(overlaps(y, x) for x in xs) for y in cy)
    c['pairs'] += pairs(cx, cy)


def line(label, c):
    p = c['agreed2'] / c['n2'] if c['n2'] else float('nan')
    r = c['agreed1'] / c['n1'] if c['n1'] else float('nan')
    f = 2 * p * r / (p + r) if p + r else float('nan')
    return (f"| {label} | {c['n1']} | {c['n2']} | {c['pairs']} | {c['agreed1']}/{c['n1']} | "
            f"{c['agreed2']}/{c['n2']} | {f:.2f} |")


for cat in ['anonymous_sources', 'vague', 'either category']:
    for nb in [False, True]:
        print(f"\n{cat}, {'non-borderline' if nb else 'all spans'}")
        print('| newsroom | first | second | pairs | first agreed | second agreed | F1 |')
        print('|---|---|---|---|---|---|---|')
        tot = collections.Counter()
        for room in rooms:
            c = collections.Counter()
            for f in order:
                if f.startswith(room + '/'):
                    # second plays the "findings", first the "labels"
                    score(c, spans(second[f], cat), spans(first[f], cat), nb)
            tot.update(c)
            print(line(room, c))
        print(line('**all**', tot))

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
for (who, cat), n in sorted(cross.items()):
    print(f'  {who} {cat}: {n}')

# Among overlapping same-category pairs: does the borderline flag (and, for anonymous, the kind)
# agree?
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
