# Reading 2026-12j: findings of build e905b46, seed 20261210. See ../fresh_findings_sample.py for
# what is left out and how to run it.
import os, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
from fresh_findings_sample import draw  # noqa: E402

draw(here, 20261210)
