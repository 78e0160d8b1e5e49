"""The site's search: records from the catalogue and pages, one segmentation shared with the
browser, and a sharded index whose per-query cost does not grow with the catalogue."""

from __future__ import annotations

from .index import build_index, write_index
from .records import Record, catalog_records, html_record, page_url
from .segment import normalize, tokens

__all__ = [
    "Record",
    "build_index",
    "catalog_records",
    "html_record",
    "normalize",
    "page_url",
    "tokens",
    "write_index",
]
