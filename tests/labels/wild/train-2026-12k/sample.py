# Draws the tenth blind sample (K), a training sample: 10 articles of >= 150 words per newsroom,
# none already labelled (samples A, C, D, E, F, G, H and I) or read in an editor reading
# (reading-2026-12*/judgements.jsonl), with sample G's drawer.
import os, runpy, sys

HERE = os.path.dirname(os.path.abspath(__file__))

if __name__ == '__main__':
    runpy.run_path(os.path.join(HERE, '..', 'train-2026-12g', 'sample.py'))['draw'](
        HERE, sys.argv[1] if len(sys.argv) > 1 else '../shared/wild', 20261210, 10,
        ['blind-2026-12c', 'blind-2026-12d', 'blind-2026-12e', 'blind-2026-12f', 'train-2026-12g',
         'train-2026-12h', 'train-2026-12i'])
