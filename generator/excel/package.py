"""Open an .xlsx file for import: bounded before openpyxl reads it, damage named in one line.

openpyxl keeps every cell in memory and turns each merged range and hyperlink range into one
object per cell it covers, so a small file can cost gigabytes. The zip's directory says how
large each part unpacks to (zipfile never unpacks more than it says), so sizes are checked
there first; then the worksheets' XML is scanned for cells and ranges before openpyxl parses
anything. When openpyxl fails all the same, damage.py names the damaged part.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils.cell import range_boundaries

from ..files import read_at_most, system_reason
from ..messages import _
from .damage import _UNPACK_ERRORS, WorkbookFileError, _damaged, _diagnose, _one_line

MAX_WORKBOOK_BYTES = 32 * 2**20  # the file (an export of 100x the source catalogue: ~6 MB)
MAX_UNPACKED_BYTES = 64 * 2**20  # all parts unpacked (~130x the source catalogue)
MAX_PACKING_RATIO = 100  # a large part's unpacked size over its packed size (XML packs ~8x)
MAX_PARTS = 1_000  # files inside the zip (an export has 25)
MAX_CELLS = 2_000_000  # cells of all sheets: openpyxl keeps a few hundred bytes per cell
MAX_RANGE_CELLS = 100_000  # cells covered by merged ranges and hyperlink ranges together

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .xlsx files with a password
_EXCEL_ROWS, _EXCEL_COLUMNS = 1_048_576, 16_384
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# Start tags, with any namespace prefix; attribute values may hold '>'.
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_RANGE_TAG = re.compile(
    rb"""<(?:[A-Za-z_][\w.-]*:)?(mergeCell|hyperlink)\b((?:[^>"']|"[^"]*"|'[^']*')*)>"""
)
_REF = re.compile(rb"""(?:^|\s)ref\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def open_workbook(path: Path) -> Workbook:
    """The workbook at `path`, read by openpyxl once it is known to be within the bounds.

    Raises WorkbookFileError naming what is wrong, and where.
    """
    data = _read(path)
    if data.startswith(_OLE):
        raise WorkbookFileError(
            "",
            _(
                "an old .xls workbook, or one with a password; save it in "
                "Excel as Excel 工作簿 (*.xlsx), without a password"
            ),
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise WorkbookFileError(
            "",
            _(
                "not an .xlsx workbook (the file is not a zip archive); "
                "save it in Excel as Excel 工作簿 (*.xlsx)"
            ),
        ) from None
    with archive:
        _check_sizes(archive)
        sheets = _sheet_parts(archive)
        _scan_parts(archive, sheets)
        try:
            with warnings.catch_warnings():  # e.g. "extension is not supported": not our concern
                warnings.simplefilter("ignore")
                return load_workbook(io.BytesIO(data))
        except Exception as exc:  # noqa: BLE001 - openpyxl raises anything on a damaged part
            raise _diagnose(archive, sheets, exc) from None


def _read(path: Path) -> bytes:
    limit = {"limit": MAX_WORKBOOK_BYTES, "mib": MAX_WORKBOOK_BYTES / 2**20}
    try:
        if path.is_dir():
            raise WorkbookFileError("", _("a folder, not a workbook file"))
        size = path.stat().st_size
        if size > MAX_WORKBOOK_BYTES:
            raise WorkbookFileError(
                "",
                _(
                    "the file has {size:,} bytes, more than the limit of {limit:,} "
                    "({mib:g} MiB) for a workbook",
                    size=size,
                    **limit,
                ),
            )
        with path.open("rb") as handle:
            data = read_at_most(handle, MAX_WORKBOOK_BYTES)
    except FileNotFoundError:
        raise WorkbookFileError("", _("no such file")) from None
    except OSError as exc:
        raise WorkbookFileError(
            "", _("cannot read the file: {reason}", reason=system_reason(exc))
        ) from None
    if data is None:
        raise WorkbookFileError(
            "",
            _(
                "the file has more bytes than the limit of {limit:,} ({mib:g} MiB) for a workbook",
                **limit,
            ),
        )
    return data


def _check_sizes(archive: zipfile.ZipFile) -> None:
    """The bounds the zip's directory can tell, before anything is unpacked."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise WorkbookFileError(
            "",
            _(
                "cannot read the workbook: it holds {count:,} files, "
                "more than the limit of {limit:,}; export a fresh workbook",
                count=len(parts),
                limit=MAX_PARTS,
            ),
        )
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_BYTES:
        raise WorkbookFileError(
            "",
            _(
                "cannot read the workbook: its parts unpack to {total:,} bytes, more than "
                "the limit of {limit:,} ({mib:g} MiB); export a fresh workbook",
                total=total,
                limit=MAX_UNPACKED_BYTES,
                mib=MAX_UNPACKED_BYTES / 2**20,
            ),
        )
    for part in parts:
        if part.flag_bits & 0x1:
            raise WorkbookFileError(
                "",
                _(
                    "cannot read the workbook: its parts are encrypted; "
                    "save it in Excel without a password"
                ),
            )


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet part's name in the zip -> the sheet's name; {} if that cannot be read."""
    try:
        book, rels = (
            archive.read(name) for name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
        )
        if b"<!DOCTYPE" in book or b"<!DOCTYPE" in rels:
            return {}  # refused by _scan_parts, unparsed
        targets = {rel.get("Id"): rel.get("Target") or "" for rel in ET.fromstring(rels)}
        parts = {}
        for element in ET.fromstring(book).iter():
            if element.tag.rpartition("}")[2] == "sheet":
                target = targets.get(element.get(_RELATIONSHIP_ID), "")
                if target:
                    part = target[1:] if target.startswith("/") else f"xl/{target}"
                    parts[posixpath.normpath(part)] = element.get("name") or ""
        return parts
    except (*_UNPACK_ERRORS, ET.ParseError, AttributeError):  # named by _diagnose, if it matters
        return {}


def _scan_parts(archive: zipfile.ZipFile, sheets: dict[str, str]) -> None:
    """Refuse what openpyxl would blow up: packing ratio, entities, cells, covered ranges."""
    cells = covered = 0
    for part in archive.infolist():
        name = part.filename
        sheet = sheets.get(name, "")
        if part.file_size > 2**20 and part.file_size > MAX_PACKING_RATIO * max(
            part.compress_size, 1
        ):
            raise WorkbookFileError(
                sheet,
                _(
                    "{part} unpacks to more than {ratio} times its packed size, the limit "
                    "for a part; export a fresh workbook",
                    part=name,
                    ratio=MAX_PACKING_RATIO,
                ),
            )
        if not name.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            data = archive.read(name)
        except _UNPACK_ERRORS as exc:
            raise _damaged(sheet, name, _one_line(exc)) from None
        if b"<!DOCTYPE" in data:
            raise (
                WorkbookFileError(
                    sheet,
                    _(
                        "the sheet declares XML entities (<!DOCTYPE>), which "
                        "no .xlsx does; export a fresh workbook"
                    ),
                )
                if sheet
                else WorkbookFileError(
                    "",
                    _(
                        "cannot read the workbook: {part} declares XML entities "
                        "(<!DOCTYPE>), which no .xlsx does; export a fresh workbook",
                        part=name,
                    ),
                )
            )
        if not (sheet or name.startswith("xl/worksheets/")):
            continue
        cells += len(_CELL.findall(data))
        if cells > MAX_CELLS:
            raise WorkbookFileError(
                sheet,
                _(
                    "the workbook has more than the limit of {limit:,} cells; "
                    "export a fresh workbook",
                    limit=MAX_CELLS,
                ),
            )
        for tag in _RANGE_TAG.finditer(data):
            ref = _ref(tag.group(2))
            area = _area(ref) if ref else 0
            covered += area
            if covered > MAX_RANGE_CELLS:
                raise WorkbookFileError(
                    f"{sheet or name}!{ref}",
                    _too_large_range(tag.group(1) == b"mergeCell", area, area > MAX_RANGE_CELLS),
                )


def _too_large_range(merged: bool, area: int, alone: bool) -> str:
    """Why merged cells or a hyperlink range are refused; `alone`: it is too large by itself."""
    values = {"area": area, "limit": MAX_RANGE_CELLS}
    if merged and alone:
        return _(
            "merged cells covering {area:,} cells, more than the limit of {limit:,} for "
            "merged cells and linked ranges in a workbook; unmerge them (取消合并单元格)",
            **values,
        )
    if merged:
        return _(
            "merged cells covering {area:,} cells, which with the ranges before it is more "
            "than the limit of {limit:,} for merged cells and linked ranges in a workbook; "
            "unmerge them (取消合并单元格)",
            **values,
        )
    if alone:
        return _(
            "a hyperlink covering {area:,} cells, more than the limit of {limit:,} for "
            "merged cells and linked ranges in a workbook; remove it",
            **values,
        )
    return _(
        "a hyperlink covering {area:,} cells, which with the ranges before it is more "
        "than the limit of {limit:,} for merged cells and linked ranges in a workbook; "
        "remove it",
        **values,
    )


def _ref(attributes: bytes) -> str:
    match = _REF.search(attributes)
    if not match:
        return ""
    value = (match.group(1) if match.group(1) is not None else match.group(2)) or b""
    return html.unescape(value.decode("utf-8", "replace")).strip()


def _area(ref: str) -> int:
    """How many cells openpyxl makes for a range such as A1:C3, A:A or 2:2; 1 for a cell."""
    try:
        low_column, low_row, high_column, high_row = range_boundaries(ref.upper())
    except (ValueError, TypeError):
        return 0  # not a range openpyxl can read either: it fails on it, and says so
    low_column, low_row = low_column or 1, low_row or 1
    high_column, high_row = high_column or _EXCEL_COLUMNS, high_row or _EXCEL_ROWS
    return max(high_column - low_column + 1, 1) * max(high_row - low_row + 1, 1)
