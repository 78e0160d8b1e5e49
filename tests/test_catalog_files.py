"""What the loader reads from disk: only regular files of the catalogue folder, of a sane size;
links out, pipes and huge files are refused with one line each, before anything is read."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import REAL_CATALOG

from generator import CatalogError, load_catalog
from generator import catalog as catalog_module
from generator.__main__ import main
from generator.catalog import MAX_FILE_BYTES, MAX_VOCABULARY_BYTES

R = "departments/sales/sales-rep.yaml"
SECRET = "root:x:0:0:secret-first-line"

needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")


def errors(folder: str = "catalog") -> list[str]:
    with pytest.raises(CatalogError) as raised:
        load_catalog(folder)
    return [str(p) for p in raised.value.errors]


@pytest.fixture
def outside(tmp_path):
    """A folder next to the catalogue, with a file whose first line must never be quoted."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "passwd").write_text(f"{SECRET}\n", encoding="utf-8")
    return folder


@needs_links
def test_a_link_to_a_file_outside_is_refused_unread(mini, outside):
    mini.remove(R)
    os.symlink(outside / "passwd", mini.path(R))
    found = errors()
    assert found == [
        (
            "catalog/departments/sales/sales-rep.yaml: is a link to a file outside the "
            "catalogue folder; it was not read (put the file itself into the catalogue)"
        )
    ]
    assert not any("secret" in line for line in found)


@needs_links
@pytest.mark.parametrize("name, kind", [("company.yaml", "file"), ("vocabulary.yaml", "file")])
def test_a_top_level_file_linked_outside_is_refused(mini, outside, name, kind):
    mini.remove(name)
    os.symlink(outside / "passwd", mini.path(name))
    assert errors() == [
        (
            f"catalog/{name}: is a link to a {kind} outside the catalogue folder; it "
            f"was not read (put the {kind} itself into the catalogue)"
        )
    ]


@needs_links
def test_a_link_inside_the_catalogue_is_followed(mini):
    mini.remove(R)
    mini.write("shared/sales-rep.yaml", "title: 销售部销售代表\nstatus: draft\n")
    os.symlink("../../shared/sales-rep.yaml", mini.path(R))
    assert load_catalog("catalog").positions()[1].title == "销售部销售代表"


@needs_links
def test_a_department_folder_linked_outside_is_refused(mini, outside):
    shutil.move(mini.path("departments/sales"), outside / "sales")
    os.symlink(outside / "sales", mini.path("departments/sales"))
    assert errors() == [
        (
            "catalog/departments/sales: is a link to a folder outside the catalogue "
            "folder; it was not read (put the folder itself into the catalogue)"
        )
    ]


@needs_links
def test_the_departments_folder_linked_outside_is_refused(mini, outside):
    shutil.move(mini.path("departments"), outside / "departments")
    os.symlink(outside / "departments", mini.path("departments"))
    assert errors() == [
        (
            "catalog/departments: is a link to a folder outside the catalogue "
            "folder; it was not read (put the folder itself into the catalogue)"
        )
    ]


@needs_links
def test_a_dangling_link_and_a_link_loop(mini):
    mini.remove(R)
    os.symlink("nowhere.yaml", mini.path(R))
    assert errors() == [
        ("catalog/departments/sales/sales-rep.yaml: is a link to a file that does not exist")
    ]
    mini.remove(R)
    os.symlink("sales-rep.yaml", mini.path(R))
    assert errors() == [
        (
            "catalog/departments/sales/sales-rep.yaml: is a link that cannot be "
            "followed (a loop?); the catalogue reads only its own files"
        )
    ]


def test_a_huge_file_is_refused_before_it_is_read(mini, monkeypatch):
    with open(mini.path(R), "ab") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    parse = catalog_module.parse_bytes

    def parse_small(raw: bytes, display: str):
        assert len(raw) <= MAX_FILE_BYTES, f"{display} was read"
        return parse(raw, display)

    monkeypatch.setattr(catalog_module, "parse_bytes", parse_small)
    assert errors() == [
        (
            "catalog/departments/sales/sales-rep.yaml: file is 5.0 MB; a catalogue "
            "file is at most 5.0 MB, so it was not read"
        )
    ]


def test_the_vocabulary_may_be_larger_but_not_without_a_limit(mini):
    with open(mini.path("vocabulary.yaml"), "ab") as file:
        file.truncate(MAX_VOCABULARY_BYTES + 1)
    assert errors() == [
        (
            "catalog/vocabulary.yaml: file is 128.0 MB; a catalogue file is at most "
            "128.0 MB, so it was not read"
        )
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_refused_without_blocking(mini):
    mini.remove(R)
    os.mkfifo(mini.path(R))
    assert errors() == [
        (
            "catalog/departments/sales/sales-rep.yaml: is not a regular file (a pipe, "
            "device or socket); a catalogue file is plain text"
        )
    ]


def test_an_unreadable_file(mini, monkeypatch):
    os.chmod(mini.path(R), 0)
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root reads it anyway (as in CI): the
        opened = os.open  # refusal the system gives any other account, for this file only

        def refuse(path, flags, *args, **kwargs):
            if Path(path).resolve() == mini.path(R).resolve():
                raise PermissionError(13, "Permission denied", str(path))
            return opened(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    try:
        assert errors() == [
            (
                "catalog/departments/sales/sales-rep.yaml: cannot be read: permission "
                "denied (let the account that runs the check read it)"
            )
        ]
    finally:
        os.chmod(mini.path(R), 0o644)


def test_a_file_where_a_folder_belongs(mini):
    shutil.rmtree(mini.path("departments"))
    mini.write("departments", "sales\n")
    assert errors() == [
        "catalog/departments: is a file; the catalogue needs a folder here",
    ]


def test_not_a_catalogue_folder(mini):
    assert errors("catalog/company.yaml") == [
        "catalog/company.yaml: not a catalogue: a file, not a folder"
    ]
    assert errors("nowhere") == ["nowhere: not a catalogue: no company.yaml in this folder"]


def test_a_department_folder_with_thousands_of_files(mini):
    for n in range(2000):
        mini.write(f"departments/sales/p{n}.yaml", "title: 岗位\nstatus: draft\n")
    found = errors()
    assert len(found) == 2000
    assert found[0] == (
        "catalog/departments/sales/p0.yaml:1: position is not listed in "
        "_department.yaml `positions`"
    )


# ---------------------------------------------------------------------------- search dictionary

DICTIONARY = "search-dictionary.txt"


def test_the_real_search_dictionary_passes(mini):
    shutil.copy(REAL_CATALOG / DICTIONARY, mini.path(DICTIONARY))
    assert load_catalog("catalog").warnings == ()


def test_a_search_dictionary_that_is_not_utf8(mini):
    mini.write(DICTIONARY, "掉线率 20000 n\n欠费率 20000 n\n".encode("gbk"))
    assert errors() == [
        (
            "catalog/search-dictionary.txt:1: file is not UTF-8 text (it looks like GBK/GB18030, as "
            "some Windows editors save): byte 0xb5 cannot be read; save it as UTF-8"
        )
    ]


def test_malformed_search_dictionary_lines(mini):
    mini.write(
        DICTIONARY,
        "掉线率 20000 n\n欠费率\t20000\n托收率  200 n\n回款率 n 200\n"
        "转正率 200 n x\n流失率 2000000000000 n\n\ufeff\n准确率 20 N\n\n   \n合格率\n"
        "满意度 3\n履行率 nz\n",
    )
    assert errors() == [
        (
            "catalog/search-dictionary.txt:2: the line holds a tab; separate word, frequency and tag "
            "with single spaces"
        ),
        (
            "catalog/search-dictionary.txt:3: expected 'word [frequency] [tag]' with single spaces "
            "between, e.g. '掉线率 20000 n' (a lowercase tag), got '托收率  200 n'"
        ),
        (
            "catalog/search-dictionary.txt:4: expected 'word [frequency] [tag]' with single spaces "
            "between, e.g. '掉线率 20000 n' (a lowercase tag), got '回款率 n 200'"
        ),
        (
            "catalog/search-dictionary.txt:5: expected 'word [frequency] [tag]' with single spaces "
            "between, e.g. '掉线率 20000 n' (a lowercase tag), got '转正率 200 n x'"
        ),
        (
            "catalog/search-dictionary.txt:6: frequency '2000000000000' is too large: at most 9 "
            "digits"
        ),
        (
            "catalog/search-dictionary.txt:7: the line holds the invisible character U+FEFF; remove "
            "it (jieba cannot use the line)"
        ),
        (
            "catalog/search-dictionary.txt:8: expected 'word [frequency] [tag]' with single spaces "
            "between, e.g. '掉线率 20000 n' (a lowercase tag), got '准确率 20 N'"
        ),
    ]


def test_lines_the_check_passes_are_lines_jieba_reads(mini, tmp_path):
    """What passes the check loads in jieba as the word it names."""
    jieba = pytest.importorskip("jieba")
    text = "掉线率 20000 n\n六西格玛\n满意度 3\n履行率 nz\n\n"
    mini.write(DICTIONARY, "\ufeff" + text)
    assert [w.level for w in load_catalog("catalog").warnings] == ["warning"]
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(mini.path(DICTIONARY)))
    assert {"掉线率", "六西格玛", "满意度", "履行率"} <= set(tokenizer.FREQ)


@needs_links
def test_a_search_dictionary_linked_outside_is_refused(mini, outside):
    os.symlink(outside / "passwd", mini.path(DICTIONARY))
    assert errors() == [
        (
            "catalog/search-dictionary.txt: is a link to a file outside the "
            "catalogue folder; it was not read (put the file itself into the "
            "catalogue)"
        )
    ]


def test_check_reports_the_dictionary_and_exits_1(mini, capsys):
    mini.write(DICTIONARY, "掉线率 20000 n\n\ufeff\n")
    assert main(["check", "catalog"]) == 1
    assert capsys.readouterr().err == (
        "catalog/search-dictionary.txt:2: the line holds the invisible character U+FEFF; remove "
        "it (jieba cannot use the line)\n"
        "1 error(s); nothing was written.\n"
    )
