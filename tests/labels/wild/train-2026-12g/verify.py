#!/usr/bin/env python3
"""Check labels.jsonl of sample G against the article files and sample.json, and print counts.

Usage: python3 verify.py [PATH_TO_SHARED_WILD]
Default: ../../../../../shared/wild relative to this script if it exists, else /work/shared/wild.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def wild_dir(here=HERE):
    if len(sys.argv) > 1:
        return sys.argv[1]
    rel = os.path.normpath(os.path.join(here, '..', '..', '..', '..', '..', 'shared', 'wild'))
    return rel if os.path.isdir(rel) else '/work/shared/wild'


def main(here=HERE):
    """Checks the sample in folder `here` (this one by default; sample H's verify.py passes its own)."""
    wild = wild_dir(here)
    sample = json.load(open(os.path.join(here, 'sample.json'), encoding='utf-8'))
    rows = [json.loads(line) for line in open(os.path.join(here, 'labels.jsonl'), encoding='utf-8') if line.strip()]
    errors = []

    def err(msg):
        errors.append(msg)

    if len(rows) != len(sample):
        err(f'{len(rows)} rows but sample.json has {len(sample)}')
    keys = {'newsroom', 'file', 'words', 'anonymous_sources', 'vague'}
    akeys = {'text', 'start', 'end', 'borderline', 'kind'}
    vkeys = {'text', 'start', 'end', 'borderline'}
    stats = {}
    order = []
    for i, (row, (news, f, words)) in enumerate(zip(rows, sample)):
        where = f'row {i + 1} ({row.get("file")})'
        if set(row) != keys:
            err(f'{where}: keys {sorted(row)}')
            continue
        if (row['newsroom'], row['file']) != (news, f):
            err(f'{where}: expected {news} {f} (sample.json order)')
        data = open(os.path.join(wild, row['file']), 'rb').read()
        nwords = len(data.decode('utf-8').split())
        if row['words'] != nwords or row['words'] != words:
            err(f'{where}: words {row["words"]}, file {nwords}, sample.json {words}')
        for name, want in (('anonymous_sources', akeys), ('vague', vkeys)):
            spans = row[name]
            if not isinstance(spans, list):
                err(f'{where}: {name} is not a list')
                continue
            prev = None
            for s in spans:
                if not isinstance(s, dict) or set(s) != want:
                    err(f'{where}: {name} span keys {sorted(s) if isinstance(s, dict) else s}')
                    continue
                if not (isinstance(s['start'], int) and isinstance(s['end'], int)
                        and 0 <= s['start'] < s['end'] <= len(data)):
                    err(f'{where}: {name} bad offsets {s["start"]}..{s["end"]}')
                    continue
                if not isinstance(s['borderline'], bool):
                    err(f'{where}: {name} borderline not bool: {s}')
                if not isinstance(s['text'], str) or not s['text'].strip():
                    err(f'{where}: {name} empty text')
                if name == 'anonymous_sources' and s['kind'] not in ('person', 'group', 'market'):
                    err(f'{where}: bad kind {s["kind"]!r}')
                try:
                    got = data[s['start']:s['end']].decode('utf-8')
                except UnicodeDecodeError:
                    got = None
                if got != s['text']:
                    err(f'{where}: {name} bytes[{s["start"]}:{s["end"]}] = {got!r} != {s["text"]!r}')
                if prev is not None and (s['start'], s['end']) <= prev:
                    err(f'{where}: {name} spans out of order at {s["start"]}')
                prev = (s['start'], s['end'])
        st = stats.setdefault(row['newsroom'], [0, 0, 0, 0, 0, 0, 0, 0])
        if row['newsroom'] not in order:
            order.append(row['newsroom'])
        an, va = row['anonymous_sources'], row['vague']
        st[0] += 1
        st[1] += row['words']
        st[2] += len(an)
        st[3] += sum(1 for s in an if s.get('borderline') is True)
        st[4] += sum(1 for s in an if s.get('kind') == 'market')
        st[5] += len(va)
        st[6] += sum(1 for s in va if s.get('borderline') is True)
        st[7] += 0 if (an or va) else 1

    print('| newsroom | articles | words | anonymous (borderline, market) | vague (borderline) | articles with no label |')
    print('|---|---|---|---|---|---|')
    tot = [0] * 8
    for n in order:
        st = stats[n]
        tot = [a + b for a, b in zip(tot, st)]
        print(f'| {n} | {st[0]} | {st[1]} | {st[2]} ({st[3]}, {st[4]}) | {st[5]} ({st[6]}) | {st[7]} |')
    print(f'| **total** | {tot[0]} | {tot[1]} | {tot[2]} ({tot[3]}, {tot[4]}) | {tot[5]} ({tot[6]}) | {tot[7]} |')
    if errors:
        print(f'\nFAILED: {len(errors)} problem(s)', file=sys.stderr)
        for e in errors:
            print('  ' + e, file=sys.stderr)
        return 1
    print(f'\nOK: {len(rows)} rows checked against {wild}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
