# Checks every label of one blind sample against the article bytes and prints the counts table
# of its README. Usage: python3 verify_sample.py SAMPLE_DIR [WILD_DIR]
# (WILD_DIR defaults to ../shared/wild from the repo root). Each sample's verify.py calls this.
import json, os, sys, collections


def verify(here, base=None):
    BASE = base or os.path.join(here, '../../../../../shared/wild')
    rows = [json.loads(l) for l in open(os.path.join(here, 'labels.jsonl'), encoding='utf-8')]
    assert len(rows) == 48
    c = collections.OrderedDict(); n = 0
    for r in rows:
        data = open(os.path.join(BASE, r['file']), 'rb').read()
        assert r['words'] == len(data.decode('utf-8').split())
        for lab in r['anonymous_sources'] + r['vague']:
            assert data[lab['start']:lab['end']] == lab['text'].encode('utf-8'), (r['file'], lab); n += 1
            assert isinstance(lab['borderline'], bool)
        for lab in r['anonymous_sources']:
            assert lab['kind'] in ('person', 'group', 'market')
            assert set(lab) == {'text','start','end','borderline','kind'}
        for lab in r['vague']:
            assert set(lab) == {'text','start','end','borderline'}
        k = c.setdefault(r['newsroom'], collections.Counter())
        k['articles'] += 1; k['words'] += r['words']
        k['anon'] += len(r['anonymous_sources']); k['anon_b'] += sum(l['borderline'] for l in r['anonymous_sources'])
        k['anon_m'] += sum(l['kind']=='market' for l in r['anonymous_sources'])
        k['vague'] += len(r['vague']); k['vague_b'] += sum(l['borderline'] for l in r['vague'])
        k['none'] += not (r['anonymous_sources'] or r['vague'])
    print('all', n, 'spans verified')
    tot = collections.Counter()
    for room, k in c.items():
        tot.update(k)
        print(f"| {room} | {k['articles']} | {k['words']} | {k['anon']} ({k['anon_b']}, {k['anon_m']}) | {k['vague']} ({k['vague_b']}) | {k['none']} |")
    k = tot
    print(f"| **total** | {k['articles']} | {k['words']} | {k['anon']} ({k['anon_b']}, {k['anon_m']}) | {k['vague']} ({k['vague_b']}) | {k['none']} |")


if __name__ == '__main__':
    verify(os.path.abspath(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None)
