"""score: score appraisals (CSV or JSON) into a CSV of results."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..files import write_file
from ..messages import _
from .common import DEFAULT_CATALOG, cannot_write, load

NAME = "score"
HELP = "score appraisals (CSV or JSON) into a CSV"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="appraisals: .csv (one row each) or .json (list)")
    parser.add_argument("--catalog", default=DEFAULT_CATALOG)
    parser.add_argument("-o", "--output", help="CSV file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    return score(args.catalog, Path(args.file), args.output)


def score(catalog_dir: str, path: Path, output: str | None) -> int:
    """Score every appraisal in `path`; bad rows are reported and left unscored.

    A file that cannot be read or exceeds a bound of scoring/batch.py gets one line and no
    output.
    """
    from ..scoring.batch import AppraisalFileError, read_appraisals, score_appraisals, write_csv

    catalog = load(catalog_dir)
    if catalog is None:
        return 1
    try:
        appraisals = read_appraisals(path, catalog)
    except AppraisalFileError as exc:
        print(exc, file=sys.stderr)
        return 1
    rows = score_appraisals(catalog, appraisals)
    text = write_csv(rows)
    if output:
        try:
            write_file(output, text)
        except OSError as exc:
            return cannot_write(_("{file}: cannot write the scored appraisals", file=output), exc)
    else:
        sys.stdout.write(text)
    bad = [r for r in rows if r.get("bad")]
    for row in bad:
        print(
            _("{file}: row {row}: {problems}", file=path, row=row["row"], problems=row["problems"]),
            file=sys.stderr,
        )
    print(
        _("scored {scored} of {count} appraisal(s)", scored=len(rows) - len(bad), count=len(rows)),
        file=sys.stderr,
    )
    return 1 if bad else 0
