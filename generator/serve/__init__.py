"""Incremental rebuilds for `mkdocs serve`."""
