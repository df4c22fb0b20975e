# Checks every label against the article bytes and prints the counts table of README.md.
# Usage: python3 verify.py [WILD_DIR]   (WILD_DIR defaults to ../shared/wild from the repo root)
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
from verify_sample import verify
# The labels must follow sample.json article for article, so a re-drawn sample cannot pass silently.
rows = [json.loads(l) for l in open(os.path.join(here, 'labels.jsonl'), encoding='utf-8')]
assert [[r['newsroom'], r['file'], r['words']] for r in rows] == json.load(open(os.path.join(here, 'sample.json')))
assert all(set(r) == {'newsroom', 'file', 'words', 'anonymous_sources', 'vague'} for r in rows)
verify(here, sys.argv[1] if len(sys.argv) > 1 else None)
