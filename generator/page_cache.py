"""Generated files kept between rebuilds of `mkdocs serve`, with the inputs they came from."""

from __future__ import annotations


class PageCache:
    """Generated files kept from one SiteRenderer to the next (`mkdocs serve`), each with the
    inputs it was made from: a file whose inputs are the same objects again (the catalogue's
    loader gives unchanged files' objects again) is not made again.

    The inputs are what the package's own templates read, listed where each file is made;
    a template a site replaces may read anything, so its pages are always rendered."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[tuple, str | bytes]] = {}
        self.made = 0  # files made (not taken from here) by the last SiteRenderer

    def get(self, uri: str, inputs: tuple) -> str | bytes | None:
        kept = self.files.get(uri)
        return kept[1] if kept is not None and kept[0] == inputs else None

    def put(self, uri: str, inputs: tuple, content: str | bytes) -> None:
        self.made += 1
        self.files[uri] = (inputs, content)

    def keep_only(self, uris) -> None:
        """Forget the files that are gone."""
        for uri in [u for u in self.files if u not in uris]:
            del self.files[uri]
