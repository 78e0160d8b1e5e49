"""`import` with careless and hostile workbooks: it cannot destroy the catalogue, it does not
read what cannot be seen, and a damaged or oversized file gets one line, never a traceback."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import REAL_CATALOG
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from test_workbook import cell, edit, everywhere, export, tree

from generator.__main__ import main
from generator.catalog import display_path
from generator.excel import package as workbook_file
from generator.excel.plan import plan_import
from generator.excel.read import read_workbook

M = "departments/sales/sales-manager.yaml"


@pytest.fixture
def book(mini, tmp_path) -> Path:
    return export("catalog", tmp_path / "hr.xlsx")


def run_import(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["import", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


# ------------------------------------------------------------------------------ deletions


def test_deleting_a_position_needs_delete_besides_write(book, mini, capsys):
    edit(book, lambda b: b["岗位"].delete_rows(3))  # sales-rep
    before = tree(mini.root)

    code, out, err = run_import(capsys, str(book))
    assert (code, err) == (0, [])
    assert out[:2] == [
        "change catalog/departments/sales/_department.yaml",
        "delete catalog/departments/sales/sales-rep.yaml",
    ]
    assert out[-1] == (
        "dry run: 2 file(s) would change, deleting 1 position(s): sales-rep; "
        "nothing was written. Run again with --write --delete to write them."
    )

    code, out, err = run_import(capsys, str(book), "--write")
    assert code == 1
    assert err == [
        (
            "refused: this import deletes 1 position(s): sales-rep; nothing was written. "
            "Run again with --write --delete if they are meant to go."
        )
    ]
    assert tree(mini.root) == before

    code, out, err = run_import(capsys, str(book), "--write", "--delete")
    assert (code, err, out[-1]) == (0, [], "wrote 2 file(s)")
    assert not mini.path("departments/sales/sales-rep.yaml").exists()


def remove_positions(ids: set[str]):
    """Delete every row of these positions on every sheet, as HR deleting them would."""

    def step(book):
        for name in ("岗位", "目标", "月度指标", "KPI", "能力态度"):
            sheet = book[name]
            column = 2 if name == "岗位" else 1
            for row in range(sheet.max_row, 1, -1):
                if sheet.cell(row, column).value in ids:
                    sheet.delete_rows(row)

    return step


def test_deleting_more_than_half_of_the_catalogue_is_refused_even_with_delete(tmp_path, capsys):
    copy = tmp_path / "catalog"
    shutil.copytree(REAL_CATALOG, copy)
    path = export(copy, tmp_path / "hr.xlsx")
    ids = [row[1].value for row in load_workbook(path)["岗位"].iter_rows(min_row=2)]
    edit(path, remove_positions(set(ids[:22])))
    before = tree(copy)
    refused = (
        "refused: this import deletes 22 of the catalogue's 42 positions, more than half, "
        "so nothing was written, not even with --delete; if the workbook lost rows, "
        "export a fresh one; to retire so many positions, delete their YAML files"
    )
    for flags in ([], ["--write"], ["--write", "--delete"]):
        code, out, err = run_import(capsys, str(path), "--catalog", str(copy), *flags)
        assert (code, err[-1]) == (1, refused), flags  # after the real catalogue's notes
        assert not any(line.startswith("wrote") for line in out)
    assert tree(copy) == before


@pytest.mark.parametrize(
    "sheets",
    [("岗位",), ("岗位", "目标", "月度指标", "KPI", "能力态度")],
    ids=["positions-sheet", "every-sheet"],
)
def test_workbook_whose_data_rows_were_deleted_deletes_nothing(book, mini, capsys, sheets):
    def empty(book):
        for name in sheets:
            book[name].delete_rows(2, book[name].max_row)

    edit(book, empty)
    before = tree(mini.root)
    code, out, err = run_import(capsys, str(book), "--write", "--delete")
    assert code == 1
    assert err == [
        (
            "岗位: no positions below the header row: importing it would delete every "
            "position, so nothing was read (were the rows deleted? export a fresh "
            "workbook)"
        ),
        "1 error(s); nothing was written.",
    ]
    assert out == []
    assert tree(mini.root) == before


# ------------------------------------------------------------------------- renamed positions


def test_renamed_position_keeps_its_file_and_comments(book, mini, capsys):
    mini.replace(M, "weight: 60", "weight: 60  # agreed with sales, 2026")
    path = export("catalog", book)
    edit(path, everywhere("sales-manager", "sales-head"))
    code, out, err = run_import(capsys, str(path), "--write")
    assert (code, err) == (0, [])
    assert out[:2] == [
        "change catalog/departments/sales/_department.yaml",
        (
            "rename catalog/departments/sales/sales-manager.yaml -> "
            "catalog/departments/sales/sales-head.yaml (same title 销售部经理: its comments are kept)"
        ),
    ]
    assert out[-1] == "wrote 2 file(s)"
    assert not mini.path(M).exists()
    text = mini.path("departments/sales/sales-head.yaml").read_text(encoding="utf-8")
    assert "weight: 60  # agreed with sales, 2026\n" in text
    assert "  - sales-head\n" in mini.path("departments/sales/_department.yaml").read_text("utf-8")


def test_renamed_and_retitled_position_says_its_comments_are_lost(book, mini, capsys):
    mini.replace(M, "weight: 60", "weight: 60  # agreed with sales, 2026")
    path = export("catalog", book)
    edit(path, everywhere("sales-manager", "sales-head"), cell("岗位", "C2", "销售部主管"))
    code, out, err = run_import(capsys, str(path))
    assert (code, err) == (0, [])
    assert out[:4] == [
        "change catalog/departments/sales/_department.yaml",
        "create catalog/departments/sales/sales-head.yaml",
        "delete catalog/departments/sales/sales-manager.yaml",
        (
            "  1 comment(s) are lost with it: # agreed with sales, 2026 (a renamed position keeps "
            "its file's comments when its title stays the same)"
        ),
    ]
    assert out[-1].startswith(
        "dry run: 3 file(s) would change, deleting 1 position(s): sales-manager; "
    )


# ---------------------------------------------------------------------------- hidden sheets


@pytest.mark.parametrize(
    "state, message",
    [
        (
            "hidden",
            (
                "KPI: the sheet is hidden; an import reads hidden sheets too, so show it "
                "(右键点击工作表标签 → 取消隐藏) and check what it holds, then import again"
            ),
        ),
        (
            "veryHidden",
            (
                "KPI: the sheet is very hidden (by a macro or another program: Excel's "
                "menus cannot show it); an import reads hidden sheets too, so export a fresh "
                "workbook and make the edits there"
            ),
        ),
    ],
)
def test_hidden_sheet_holding_edits_is_refused(book, mini, capsys, state, message):
    def hide(book):
        book["KPI"]["D2"].value, book["KPI"]["D3"].value = 70, 30
        book["KPI"].sheet_state = state

    edit(book, hide)
    before = tree(mini.root)
    code, _, err = run_import(capsys, str(book), "--write")
    assert (code, err) == (1, [message, "1 error(s); nothing was written."])
    assert tree(mini.root) == before


def test_hidden_rows_and_columns_are_imported_with_a_warning(book, mini, capsys):
    def hide(book):
        kpis = book["KPI"]
        kpis["D2"].value, kpis["D3"].value = 70, 30
        kpis.row_dimensions[3].hidden = True
        kpis.column_dimensions["D"].hidden = True
        book["目标"].row_dimensions[9].hidden = True  # an empty row: nothing to say

    edit(book, hide)
    code, out, err = run_import(capsys, str(book))
    assert code == 0
    assert err == [
        (
            "KPI: warning: hidden or filtered-out rows are imported all the same: 3; show them "
            "(取消隐藏, 清除筛选) to check them"
        ),
        (
            "KPI: warning: hidden columns are imported all the same: D (权重); show them (取消隐藏) "
            "to check them"
        ),
    ]
    assert "+    weight: 70" in out


def test_hidden_sheet_that_is_not_part_of_the_workbook_is_ignored(book, mini, capsys):
    def add(book):
        sheet = book.create_sheet("备份")
        sheet["A1"].value = "sales-manager"
        sheet.sheet_state = "hidden"

    edit(book, add)
    code, out, err = run_import(capsys, str(book))
    assert (code, err) == (0, ["备份: warning: sheet is not part of the workbook; it was ignored"])
    assert out == ["no changes: the catalogue already matches the workbook"]


# ------------------------------------------------------------------------- damaged workbooks


def rewrite(path: Path, member: str, change) -> None:
    """Replace one part of the .xlsx at `path` with `change(its bytes)`."""
    data = path.read_bytes()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            out.writestr(info.filename, change(content) if info.filename == member else content)


KPI_PART = "xl/worksheets/sheet5.xml"
FRESH = "save the workbook again in Excel, or export a fresh one"


def truncated_inside_c3(data: bytes) -> bytes:
    return data[: data.index(b'<c r="C3"') + 5]


def refused(capsys, path: Path, mini) -> list[str]:
    before = tree(mini.root)
    code, out, err = run_import(capsys, str(path), "--write", "--delete")
    assert (code, out) == (1, [])
    assert tree(mini.root) == before
    assert err[-1] == "1 error(s); nothing was written."
    return err[:-1]


def matches(lines: list[str], *patterns: str) -> bool:
    """Each line is its pattern, where {N} stands for a number (a position expat reports)."""
    return len(lines) == len(patterns) and all(
        re.fullmatch(re.escape(pattern).replace(re.escape("{N}"), "[0-9]+"), line)
        for line, pattern in zip(lines, patterns)
    )


def test_truncated_sheet_names_the_sheet_and_the_last_cell_read(book, mini, capsys):
    rewrite(book, KPI_PART, truncated_inside_c3)
    assert matches(
        refused(capsys, book, mini),
        (
            f"hr.xlsx: KPI!B3: the sheet is damaged in or after this cell ({KPI_PART}: unclosed "
            f"token: line 1, column {{N}}); {FRESH}"
        ),
    )


@pytest.mark.parametrize(
    "member, change, message",
    [
        pytest.param(
            "xl/styles.xml",
            lambda d: d[: d.rindex(b"</styleSheet>")],
            "hr.xlsx: cannot read the workbook: xl/styles.xml is damaged (no element "
            f"found: line 1, column {{N}}); {FRESH}",
            id="styles-truncated",
        ),
        pytest.param(
            "xl/styles.xml",
            lambda d: b"<styleSheet><cellXfs count='1'/></styleSheet>",
            "hr.xlsx: cannot read the workbook: its cell styles (xl/styles.xml) cannot be "
            f"read (IndexError: list index out of range); {FRESH}",
            id="styles-nonsense",
        ),
        pytest.param(
            "xl/workbook.xml",
            lambda d: d[: d.index(b"<sheets>") + 20],
            "hr.xlsx: cannot read the workbook: xl/workbook.xml is damaged (unclosed token: "
            f"line 1, column {{N}}); {FRESH}",
            id="workbook-part-truncated",
        ),
        pytest.param(
            KPI_PART,
            lambda d: b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>' + d,
            "hr.xlsx: KPI: the sheet declares XML entities (<!DOCTYPE>), which no .xlsx "
            "does; export a fresh workbook",
            id="entity-declaration",
        ),
        pytest.param(
            KPI_PART,
            lambda d: d.replace(
                b"</sheetData>",
                b'</sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
            ),
            "hr.xlsx: KPI!A1:XFD1048576: merged cells covering 17,179,869,184 cells, more "
            "than the limit of 100,000 for merged cells and linked ranges in a workbook; "
            "unmerge them (取消合并单元格)",
            id="merged-range-bomb",
        ),
        pytest.param(
            KPI_PART,
            lambda d: d.replace(
                b"</sheetData>",
                b"</sheetData><hyperlinks>"
                b'<hyperlink ref="A1:&#67;400000" display="x"/>'
                b"</hyperlinks>",
            ),
            "hr.xlsx: KPI!A1:C400000: a hyperlink covering 1,200,000 cells, more than the "
            "limit of 100,000 for merged cells and linked ranges in a workbook; remove it",
            id="hyperlink-range-bomb",
        ),
    ],
)
def test_damaged_part_is_named(book, mini, capsys, member, change, message):
    rewrite(book, member, change)
    assert matches(refused(capsys, book, mini), message)


def test_zip_bomb_is_refused_from_the_zip_directory(book, mini, capsys):
    """A 100 KB workbook whose KPI sheet unpacks to 70 MiB: refused before openpyxl reads it."""
    data = book.read_bytes()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            with out.open(info.filename, "w") as part:
                part.write(content)
                if info.filename == KPI_PART:
                    for _ in range(70):
                        part.write(b" " * 2**20)
    assert book.stat().st_size < 500_000
    total = sum(i.file_size for i in zipfile.ZipFile(book).infolist())
    assert refused(capsys, book, mini) == [
        (
            f"hr.xlsx: cannot read the workbook: its parts unpack to {total:,} bytes, more than the "
            "limit of 67,108,864 (64 MiB); export a fresh workbook"
        )
    ]


def test_part_that_unpacks_far_beyond_its_size_is_refused(book, mini, capsys):
    rewrite(book, KPI_PART, lambda d: d + b" " * 4 * 2**20)
    assert refused(capsys, book, mini) == [
        (
            f"hr.xlsx: KPI: {KPI_PART} unpacks to more than 100 times its packed size, the limit "
            "for a part; export a fresh workbook"
        )
    ]


def test_too_many_cells(book, mini, capsys, monkeypatch):
    monkeypatch.setattr(workbook_file, "MAX_CELLS", 100)
    assert refused(capsys, book, mini) == [
        (
            "hr.xlsx: 岗位: the workbook has more than the limit of 100 cells; export a fresh "
            "workbook"
        )
    ]


@pytest.mark.parametrize(
    "make, message",
    [
        pytest.param(
            lambda p: p.write_text("position,title\n", encoding="utf-8"),
            "hr.xlsx: not an .xlsx workbook (the file is not a zip archive); save it in "
            "Excel as Excel 工作簿 (*.xlsx)",
            id="not-a-zip",
        ),
        pytest.param(
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
            "hr.xlsx: an old .xls workbook, or one with a password; save it in Excel as "
            "Excel 工作簿 (*.xlsx), without a password",
            id="old-xls-or-encrypted",
        ),
        pytest.param(
            lambda p: (p.unlink(), p.mkdir()), "hr.xlsx: a folder, not a workbook file", id="folder"
        ),
        pytest.param(lambda p: p.unlink(), "hr.xlsx: no such file", id="missing"),
        pytest.param(
            lambda p: p.open("r+b").truncate(32 * 2**20 + 1),
            "hr.xlsx: the file has 33,554,433 bytes, more than the limit of 33,554,432 "
            "(32 MiB) for a workbook",
            id="too-large",
        ),
    ],
)
def test_file_that_is_not_a_workbook(book, mini, capsys, make, message):
    make(book)
    assert refused(capsys, book, mini) == [message]


def test_endless_device_is_read_only_up_to_the_limit(mini, capsys):
    code, out, err = run_import(capsys, "/dev/zero")
    assert (code, out) == (1, [])
    assert err == [
        f"{display_path(Path('/dev/zero'))}: the file has more bytes than the limit of 33,554,432 (32 MiB) for a workbook",
        "1 error(s); nothing was written.",
    ]


# ------------------------------------------------------------------------- oversized sheets


@pytest.mark.parametrize(
    "where, value, message",
    [
        (
            "A250001",
            "sales-manager",
            "KPI: the sheet reaches row 250,001, beyond the limit of 200,000 rows; delete the rows below the data",
        ),
        (
            "CW2",
            "x",
            "KPI: the sheet reaches column CW, beyond the limit of 100 columns; delete the columns right of the data",
        ),
    ],
)
def test_oversized_sheet(book, mini, capsys, where, value, message):
    edit(book, cell("KPI", where, value))
    assert refused(capsys, book, mini) == [message]


def test_cell_longer_than_excel_allows(book, mini, capsys):
    """openpyxl cuts what it writes at 32,767 characters, so the XML is edited directly."""
    rewrite(book, KPI_PART, lambda d: d.replace("部门业绩".encode(), ("长" * 40_000).encode(), 1))
    assert refused(capsys, book, mini) == [
        "KPI!C2: 40,000 characters, more than the limit of 32,767 for a cell"
    ]


# -------------------------------------------------------------- any damage, no traceback

MUTATIONS = st.sampled_from(
    [
        b"",
        b"<",
        b">",
        b'"',
        b"&",
        b"<x>",
        b"</c>",
        b' r="ZZZ9"',
        b' s="999"',
        b' t="e"',
        b"<v>1e999</v>",
        b"\x00",
        b"\xff",
    ]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    part=st.integers(0, 24),
    where=st.floats(0, 1),
    cut=st.integers(0, 40),
    insert=MUTATIONS,
    truncate=st.booleans(),
)
def test_any_damaged_part_gives_one_line_problems_only(
    book, mini, part, where, cut, insert, truncate
):
    source = zipfile.ZipFile(book)  # one workbook for every example: each damages a copy
    name = source.infolist()[part % len(source.infolist())].filename
    data = source.read(name)
    at = int(where * len(data))
    damaged = data[:at] if truncate else data[:at] + insert + data[at + cut :]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(
                info.filename, damaged if info.filename == name else source.read(info.filename)
            )
    copy = book.with_name("damaged.xlsx")
    copy.write_bytes(out.getvalue())
    imported = read_workbook(copy, "catalog")
    assert all("\n" not in str(problem) for problem in imported.problems)
    if not imported.errors:
        plan_import(imported)
