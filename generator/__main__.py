"""Command line: python -m generator check | export | import | render | score | diff."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path

from .catalog import load_catalog
from .errors import NOTE, CatalogError

# Commands import what they need when they run: `check` stays fast (no Jinja, openpyxl, ...).
DEFAULT_CATALOG = "catalog"
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "site_templates"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Position standards catalogue tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the catalogue; report every problem")
    check.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    export = commands.add_parser("export", help="write the whole catalogue as one document")
    export.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    export.add_argument("--format", choices=["json", "xlsx"], default="json",
                        help="json (the public download) or xlsx (the workbook HR edits)")
    export.add_argument("-o", "--output", help="file to write (default: standard output; "
                        "xlsx needs it)")
    importer = commands.add_parser("import", help="check a workbook edited by HR and show the "
                                   "changes it makes to the YAML; --write writes them")
    importer.add_argument("workbook", help="the .xlsx file (as exported, then edited)")
    importer.add_argument("--catalog", default=DEFAULT_CATALOG)
    importer.add_argument("--write", action="store_true",
                          help="write the changes (default: only show them)")
    importer.add_argument("--delete", action="store_true",
                          help="with --write: also delete the positions the workbook no longer "
                          "has (never more than half of the catalogue)")
    render = commands.add_parser("render", help="write the generated site pages to a folder")
    render.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    render.add_argument("--out", required=True, help="folder to write the pages into")
    render.add_argument("--templates", default=str(TEMPLATES_DIR))
    scorer = commands.add_parser("score", help="score appraisals (CSV or JSON) into a CSV")
    scorer.add_argument("file", help="appraisals: .csv (one row each) or .json (list)")
    scorer.add_argument("--catalog", default=DEFAULT_CATALOG)
    scorer.add_argument("-o", "--output", help="CSV file to write (default: standard output)")
    differ = commands.add_parser("diff", help="what changed between two catalogue versions")
    differ.add_argument("old", help="a catalogue folder, or a git revision (REV or REV:path)")
    differ.add_argument("new", help="a catalogue folder, or a git revision (REV or REV:path)")
    differ.add_argument("--format", choices=["text", "markdown"], default="text")
    args = parser.parse_args(argv)
    if args.command == "diff":
        return print_diff(args.old, args.new, args.format)
    if args.command == "export" and args.format == "xlsx" and not args.output:
        parser.error("export --format xlsx needs -o FILE")
    if args.command == "import":
        return import_workbook(Path(args.workbook), args.catalog, args.write, args.delete)
    try:
        catalog = load_catalog(args.catalog)
    except CatalogError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.errors)} error(s); nothing was written.", file=sys.stderr)
        return 1
    for warning in catalog.warnings:
        print(warning, file=sys.stderr)
    if args.command == "check":
        positions = catalog.positions()
        drafts = sum(p.is_draft for p in positions)
        notes = sum(w.level == NOTE for w in catalog.warnings)
        print(f"{args.catalog}: OK: {len(catalog.departments)} departments, {len(positions)} "
              f"positions ({drafts} drafts), {len(catalog.competencies)} competencies, "
              f"{len(catalog.warnings) - notes} warning(s), {notes} note(s)")
        return 0
    if args.command == "score":
        return score_file(catalog, Path(args.file), args.output)
    if args.command == "render":
        return render_to(catalog, Path(args.catalog), Path(args.templates), Path(args.out))
    if args.format == "xlsx":  # the export command
        from .excel.workbook import write_workbook

        write_workbook(catalog, args.output)
        print(f"wrote {args.output}: {len(catalog.positions())} positions", file=sys.stderr)
        return 0
    from .export import catalog_to_data, to_json

    text = to_json(catalog_to_data(catalog))
    if args.output:
        write_atomically(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def import_workbook(workbook: Path, catalog_dir: str, write: bool, delete: bool = False) -> int:
    """Check `workbook` against the catalogue; show the changes, and write them if `write`.

    Positions are deleted only with `delete` as well, and never more than half of them.
    """
    from .excel.workbook import (
        apply_import,
        deleted_positions,
        describe_changes,
        id_list,
        plan_import,
        read_workbook,
        too_many_deletions,
    )

    imported = read_workbook(workbook, catalog_dir)
    for problem in imported.problems:
        print(problem, file=sys.stderr)
    if imported.errors:
        print(f"{len(imported.errors)} error(s); nothing was written.", file=sys.stderr)
        return 1
    try:
        changes = plan_import(imported)
    except CatalogError as exc:  # the result would not load: a bug, but still write nothing
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.errors)} error(s); nothing was written.", file=sys.stderr)
        return 1
    if not changes:
        print("no changes: the catalogue already matches the workbook")
        return 0
    sys.stdout.write(describe_changes(changes))
    deleted = deleted_positions(changes)
    refusal = too_many_deletions(deleted, imported.catalog)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    if write and deleted and not delete:
        print(f"refused: this import deletes {len(deleted)} position(s): {id_list(deleted)}; "
              "nothing was written. Run again with --write --delete if they are meant to go.",
              file=sys.stderr)
        return 1
    if write:
        try:
            apply_import(changes)
        except OSError as exc:
            print(f"{exc.filename or catalog_dir}: cannot write: {exc.strerror or exc}",
                  file=sys.stderr)
            return 1
        print(f"wrote {len(changes)} file(s)")
    elif deleted:
        print(f"dry run: {len(changes)} file(s) would change, deleting {len(deleted)} "
              f"position(s): {id_list(deleted)}; nothing was written. Run again with --write "
              "--delete to write them.")
    else:
        print(f"dry run: {len(changes)} file(s) would change; nothing was written. "
              "Run again with --write to write them.")
    return 0


def score_file(catalog, path: Path, output: str | None) -> int:
    """Score every appraisal in `path`; bad rows are reported and left unscored.

    A file that cannot be read or exceeds a bound of batch.py gets one line and no output.
    """
    from .scoring.batch import AppraisalFileError, read_appraisals, score_appraisals, write_csv

    try:
        appraisals = read_appraisals(path, catalog)
    except AppraisalFileError as exc:
        print(exc, file=sys.stderr)
        return 1
    rows = score_appraisals(catalog, appraisals)
    text = write_csv(rows)
    if output:
        try:
            write_atomically(Path(output), text)
        except OSError as exc:
            print(f"{output}: cannot write the scored appraisals: {exc.strerror or exc}",
                  file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    bad = [r for r in rows if r.get("bad")]
    for row in bad:
        print(f"{path}: row {row['row']}: {row['problems']}", file=sys.stderr)
    print(f"scored {len(rows) - len(bad)} of {len(rows)} appraisal(s)", file=sys.stderr)
    return 1 if bad else 0


def render_to(catalog, catalog_dir: Path, templates: Path, out: Path) -> int:
    """Write every generated page under `out`, replacing only what the render produces."""
    from .render import SiteRenderer
    from .versions.history import load_history

    pages = SiteRenderer(catalog, templates, history=load_history(catalog, catalog_dir)).pages()
    try:
        write_all_or_nothing({out / uri: content for uri, content in pages.items()})
    except OSError as exc:  # a full disk, a read-only folder: no page has changed
        print(f"cannot write the pages to {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(pages)} files to {out}")
    return 0


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` completely or not at all."""
    write_all_or_nothing({path: content})


def write_all_or_nothing(files: dict[Path, str | bytes]) -> None:
    """Write every file whole, or (OSError) change none of them: each is written to a
    temporary file beside it, and all are renamed into place once all are written."""
    umask = os.umask(0)
    os.umask(umask)
    made: list[Path] = []  # folders made here: removed again if the writing fails
    written: list[tuple[str, Path]] = []
    try:
        for path, content in files.items():
            for folder in reversed([path.parent, *path.parent.parents]):
                if not folder.is_dir():
                    folder.mkdir()
                    made.append(folder)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            written.append((tmp, path))
            with os.fdopen(fd, "wb") as out:
                out.write(content.encode("utf-8") if isinstance(content, str) else content)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; give it a normal mode
        for tmp, path in written:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def print_diff(old: str, new: str, form: str) -> int:
    """Print what changed from side `old` to side `new` (folders or git revisions)."""
    from .versions.diff import SideError, diff_catalogs, format_markdown, format_text, load_side

    try:
        diff = diff_catalogs(load_side(old), load_side(new))
    except SideError as exc:
        print(exc, file=sys.stderr)
        for problem in exc.problems[1:]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    sys.stdout.write(format_markdown(diff) if form == "markdown" else format_text(diff))
    return 0


if __name__ == "__main__":
    sys.exit(main())
