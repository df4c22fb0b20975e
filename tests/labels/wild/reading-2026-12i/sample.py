# Reading 2026-12i: findings of build f8e5312, seed 20261206. See ../fresh_findings_sample.py for
# what is left out and how to run it.
import os, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
from fresh_findings_sample import draw  # noqa: E402

draw(here, 20261206)
