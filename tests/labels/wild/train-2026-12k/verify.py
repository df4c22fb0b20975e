#!/usr/bin/env python3
"""Check labels.jsonl of sample K against the article files and sample.json, and print counts:
the checks of sample G's verify.py, run on this folder.

Usage: python3 verify.py [PATH_TO_SHARED_WILD]
"""
import os
import runpy

HERE = os.path.dirname(os.path.abspath(__file__))

if __name__ == '__main__':
    runpy.run_path(os.path.join(HERE, '..', 'train-2026-12g', 'verify.py'))['main'](HERE)
