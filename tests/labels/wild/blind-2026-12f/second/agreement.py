# Agreement between the two labellings of sample F: the shared ../../agreement.py, run on this
# folder. Usage: python3 agreement.py [--per-article]
import os
import runpy
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.argv = [sys.argv[0], here] + sys.argv[1:]
runpy.run_path(os.path.join(here, '..', '..', 'agreement.py'), run_name='__main__')
