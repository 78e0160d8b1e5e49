"""Scaling benchmark of the site build: `python -m bench --help` (run from the repo root).

Not a test and not part of the installed package: synthetic catalogues 1x, 10x, 100x (and
1000x on request) the size of catalog/, each measured step in a fresh process.
"""
