# Checks labels.jsonl against the articles and sample.json, then prints the counts table.
# Usage: python3 verify.py [path to ../shared/wild]
import json, os, sys

base = sys.argv[1] if len(sys.argv) > 1 else '../shared/wild'
here = os.path.dirname(os.path.abspath(__file__))
sample = json.load(open(os.path.join(here, 'sample.json')))
rows = [json.loads(line) for line in open(os.path.join(here, 'labels.jsonl'), encoding='utf-8')]
ROOMS = ['guardian-2022-05', 'bbc-2004-05', 'reuters-1987', 'dailymail-cnn-2015']
ROW_KEYS = {'newsroom', 'file', 'words', 'anonymous_sources', 'vague'}
ANON_KEYS = {'text', 'start', 'end', 'borderline', 'kind'}
VAGUE_KEYS = {'text', 'start', 'end', 'borderline'}
KINDS = {'person', 'group', 'market'}

assert len(rows) == len(sample) == 48, (len(rows), len(sample))
spans = 0
for (room, path, words), row in zip(sample, rows):
    assert set(row) == ROW_KEYS, (path, sorted(row))
    assert (row['newsroom'], row['file']) == (room, path), (row['file'], path)
    data = open(os.path.join(base, path), 'rb').read()
    assert row['words'] == words == len(data.decode('utf-8').split()), (path, row['words'], words)
    for field, keys in (('anonymous_sources', ANON_KEYS), ('vague', VAGUE_KEYS)):
        last = -1
        for span in row[field]:
            assert set(span) == keys, (path, field, sorted(span))
            assert isinstance(span['borderline'], bool), (path, span)
            if field == 'anonymous_sources':
                assert span['kind'] in KINDS, (path, span)
            assert 0 <= span['start'] < span['end'] <= len(data), (path, span)
            assert span['start'] > last, (path, field, 'spans out of order or repeated', span)
            last = span['start']
            got = data[span['start']:span['end']].decode('utf-8')
            assert got == span['text'], (path, span, got)
            spans += 1

print(f'ok: {len(rows)} articles, {spans} spans')
print('| newsroom | articles | words | anonymous (borderline, market) | vague (borderline) | articles with no label |')
print('|---|---|---|---|---|---|')
total = [0] * 8
for room in ROOMS:
    rs = [r for r in rows if r['newsroom'] == room]
    anon = [s for r in rs for s in r['anonymous_sources']]
    vague = [s for r in rs for s in r['vague']]
    c = [len(rs), sum(r['words'] for r in rs), len(anon), sum(s['borderline'] for s in anon),
         sum(s['kind'] == 'market' for s in anon), len(vague), sum(s['borderline'] for s in vague),
         sum(1 for r in rs if not r['anonymous_sources'] and not r['vague'])]
    total = [a + b for a, b in zip(total, c)]
    print(f'| {room} | {c[0]} | {c[1]} | {c[2]} ({c[3]}, {c[4]}) | {c[5]} ({c[6]}) | {c[7]} |')
t = total
print(f'| **total** | {t[0]} | {t[1]} | {t[2]} ({t[3]}, {t[4]}) | {t[5]} ({t[6]}) | {t[7]} |')
