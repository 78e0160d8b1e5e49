"""What is wrong with a workbook that cannot be imported: the error, and the damaged part named.

When openpyxl fails on a workbook, the first part that is not well-formed XML (and the sheet
and last cell read, for a sheet) is found and named in one line.
"""

from __future__ import annotations

import traceback
import xml.etree.ElementTree as ET
import zipfile
import zlib

from ..messages import _

# What unpacking a part can raise: a bad CRC, a truncated stream, a method zipfile lacks, ...
_UNPACK_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    KeyError,
)


class WorkbookFileError(Exception):
    """The file cannot be imported: `where` (a sheet, sheet!cell or '') and a message."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}" if where else message)
        self.where, self.message = where, message


def _diagnose(
    archive: zipfile.ZipFile, sheets: dict[str, str], error: Exception
) -> WorkbookFileError:
    """What openpyxl failed on: the first part that is not well-formed XML, or a guess."""
    for part in archive.infolist():
        name = part.filename
        if not name.endswith((".xml", ".rels")):
            continue
        problem, last_cell = _xml_problem(archive, name)
        if problem:
            return _damaged(sheets.get(name, ""), name, problem, last_cell)
    detail = f"{type(error).__name__}: {_one_line(error)}"
    frames = traceback.extract_tb(error.__traceback__)
    styles = any("/openpyxl/styles/" in frame.filename.replace("\\", "/") for frame in frames)
    if styles or isinstance(error, IndexError) and frames and frames[-1].name == "bind_cells":
        # (bind_cells: a cell names a style that xl/styles.xml does not have)
        return WorkbookFileError(
            "",
            _(
                "cannot read the workbook: its cell styles (xl/styles.xml) cannot be read "
                "({detail}); save the workbook again in Excel, or export a fresh one",
                detail=detail,
            ),
        )
    return WorkbookFileError(
        "",
        _(
            "cannot read the workbook: it is damaged, or not an .xlsx workbook ({detail}); "
            "save the workbook again in Excel, or export a fresh one",
            detail=detail,
        ),
    )


def _damaged(sheet: str, name: str, problem: str, last_cell: str = "") -> WorkbookFileError:
    if sheet and last_cell:
        return WorkbookFileError(
            f"{sheet}!{last_cell}",
            _(
                "the sheet is damaged in or after this cell ({part}: {problem}); "
                "save the workbook again in Excel, or export a fresh one",
                part=name,
                problem=problem,
            ),
        )
    if sheet:
        return WorkbookFileError(
            sheet,
            _(
                "the sheet is damaged ({part}: {problem}); "
                "save the workbook again in Excel, or export a fresh one",
                part=name,
                problem=problem,
            ),
        )
    return WorkbookFileError(
        "",
        _(
            "cannot read the workbook: {part} is damaged ({problem}); "
            "save the workbook again in Excel, or export a fresh one",
            part=name,
            problem=problem,
        ),
    )


def _xml_problem(archive: zipfile.ZipFile, name: str) -> tuple[str, str]:
    """Why part `name` is not well-formed XML ('' if it is), and the last cell started."""
    parser = ET.XMLPullParser(events=("start", "end"))
    last_cell = ""
    try:
        with archive.open(name) as handle:
            while chunk := handle.read(1 << 16):
                parser.feed(chunk)
                last_cell = _last_cell(parser, last_cell)
        parser.close()
    except ET.ParseError as exc:
        return _one_line(exc), _last_cell(parser, last_cell)
    except _UNPACK_ERRORS as exc:
        return _one_line(exc), last_cell
    return "", ""


def _last_cell(parser: ET.XMLPullParser, last_cell: str) -> str:
    for event, element in parser.read_events():
        if event == "start" and element.tag.rpartition("}")[2] == "c":
            last_cell = element.get("r") or last_cell
        elif event == "end":
            element.clear()  # keep memory flat on a large sheet
    return last_cell


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= 200 else f"{text[:200]}…"
