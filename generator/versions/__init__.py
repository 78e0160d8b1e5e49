"""Versions of the catalogue compared, in plain Chinese; no MkDocs, no CLI.

`side` reads a side (a folder, or a git revision through `archive`), `compare` and
`positions` work out the `changes`, `format` writes them as text or Markdown, `history`
compares every published version with the one before it. Rendering a page needs only
`changes` and `format`: git and tar are imported by whoever reads a side.
"""
