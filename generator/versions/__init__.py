"""Versions of the catalogue: a side from a folder or git, what changed, the history."""
