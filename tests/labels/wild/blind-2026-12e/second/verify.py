# Checks every label of the second labelling of sample E against the article bytes and prints
# the counts table of README.md. Usage: python3 verify.py [WILD_DIR]
# (WILD_DIR defaults to ../shared/wild from the repo root).
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(here)))
from verify_sample import verify
verify(here, sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '../../../../../../shared/wild'))
