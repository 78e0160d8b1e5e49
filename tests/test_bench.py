"""The benchmark (python -m bench) runs end to end at a tiny scale and writes the JSON its
readers expect. Only the shape is checked: times and sizes depend on the machine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import engines
from generator import load_catalog

ROOT = Path(__file__).resolve().parent.parent
NUMBER = (int, float)
STEP_KEYS = {"command", "returncode", "timed_out", "seconds", "cpu_seconds", "peak_rss_mib", "log"}


def run_bench(tmp: Path, *options: str) -> dict:
    out = tmp / "results.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--scales",
            "1,2",
            "--out",
            str(out),
            "--workdir",
            str(tmp / "work"),
            "--browser",
            "no",
            "--pairs",
            "1",
            "--serve-edits",
            "1",
            *options,
        ],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "full/bare" in result.stdout  # the table
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def with_builds(tmp_path_factory) -> dict:
    return run_bench(tmp_path_factory.mktemp("bench"))


def check_step(step: dict) -> None:
    assert set(step) >= STEP_KEYS
    assert step["returncode"] == 0 and step["timed_out"] is False
    for key in ("seconds", "cpu_seconds", "peak_rss_mib"):
        assert isinstance(step[key], NUMBER) and step[key] >= 0


def check_common(results: dict) -> None:
    assert results["format"] == "position-standards-bench/1"
    machine = results["machine"]
    assert isinstance(machine["cpu_count"], int)
    assert isinstance(machine["python"], str) and isinstance(machine["date"], str)
    assert [s["scale"] for s in results["scales"]] == [1, 2]
    source = load_catalog(ROOT / "catalog")
    for entry in results["scales"]:
        scale, catalog = entry["scale"], entry["catalog"]
        assert catalog["positions"] == scale * len(source.positions())
        assert catalog["departments"] == scale * len(source.departments)
        assert catalog["competencies"] == scale * len(source.competencies)
        check_step(entry["steps"]["check"])
        check_step(entry["steps"]["render"])
        phases = entry["steps"]["render"]["phases"]
        assert {"load_seconds", "render_seconds", "write_seconds", "files", "bytes"} <= set(phases)


def test_json_shape_with_builds(with_builds):
    check_common(with_builds)
    for entry in with_builds["scales"]:
        check_step(entry["steps"]["build_full"])
        check_step(entry["steps"]["build_bare"])
        assert isinstance(entry["full_over_bare"], NUMBER)
        pairs = entry["pairs"]  # one round after the warm-up pair
        for side in ("full", "bare", "bare_no_search"):
            [step] = pairs[side]
            check_step(step)
        assert len(pairs["ratios"]) == len(pairs["ratios_no_search"]) == 1
        assert pairs["ratio_min"] <= pairs["ratio_median"] <= pairs["ratio_max"]
        serve = entry["steps"]["serve"]
        check_step(serve)
        phases = serve["phases"]
        assert len(phases["edits"]) == 1 and phases["served_median_seconds"] > 0
        for key in ("first_build_seconds", "error_shown_seconds", "error_fixed_seconds"):
            assert isinstance(phases[key], NUMBER) and phases[key] > 0, key
        site = entry["site"]
        for key in ("files", "html_pages", "total_bytes", "html_bytes", "search_index_bytes"):
            assert isinstance(site[key], int) and site[key] > 0
        for key in ("position_page", "department_page", "largest_page"):
            assert isinstance(site[key]["path"], str) and site[key]["bytes"] > 0, key
        assert sum(s["pages"] for s in site["html_by_section"].values()) == site["html_pages"]
        # the bare build is the same site without the plugin: the same pages
        assert entry["bare_site"]["html_pages"] == site["html_pages"]
        calculator = entry["calculator"]
        assert calculator["position"] == with_builds["position"]
        kinds = {f["kind"] for f in calculator["files"]}
        assert {"page", "stylesheet", "script", "data"} <= kinds
        assert all(isinstance(f["bytes"], int) for f in calculator["files"]), calculator["files"]
        assert calculator["total_bytes"] == sum(f["bytes"] for f in calculator["files"])
        assert isinstance(calculator["theme_on_load"], list)
        assert isinstance(calculator["theme_on_load_bytes"], int)
        assert calculator["browser"] is None
        zensical = entry["zensical"]  # the test extras install Zensical
        check_step(zensical["render"])
        for kind in ("clean", "cached"):  # a warm-up and one round
            assert len(zensical[kind]) == 2
            for step in zensical[kind]:
                check_step(step)
            low, median, high = (zensical[f"{kind}_seconds_{k}"] for k in ("min", "median", "max"))
            assert 0 < low <= median <= high
        # Zensical builds the pages MkDocs builds (its own search adds none)
        assert zensical["pages"] == site["html_pages"]
    _, rows = engines.table_rows(with_builds)
    assert [row[0] for row in rows] == ["1x", "2x"]
    assert all("—" not in row for row in rows)  # every scale measured


def test_the_calculator_files_include_the_position_data(with_builds):
    calculator = with_builds["scales"][0]["calculator"]
    paths = [f["path"] for f in calculator["files"]]
    assert any(
        p.startswith(f"/data/calculator/positions/{calculator['position']}.") for p in paths
    ), paths
    assert "/calculator/" in paths


def test_json_shape_without_builds(tmp_path):
    results = run_bench(tmp_path, "--skip-build")
    check_common(results)
    for entry in results["scales"]:
        assert entry["steps"]["build_full"] is None and entry["steps"]["build_bare"] is None
        assert "serve" not in entry["steps"] and entry["pairs"] is None
        assert entry["site"] is None and entry["calculator"] is None
        assert entry["full_over_bare"] is None and entry["zensical"] is None


def test_synthetic_catalogue_is_valid_and_deterministic(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))  # bench/ is a folder of scripts, not installed
    from bench.synthetic import make_catalog

    counts = make_catalog(ROOT / "catalog", tmp_path / "a", 3)
    make_catalog(ROOT / "catalog", tmp_path / "b", 3)
    files = sorted(
        p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
    )
    assert files == sorted(
        p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file()
    )
    assert all(
        (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files
    )
    catalog = load_catalog(tmp_path / "a")
    assert len(catalog.positions()) == counts["positions"]
    ids = [p.id for p in catalog.positions()]
    assert len(set(ids)) == len(ids)
