"""Printing a position in Chromium (A4): its goals on page 1, no heading left at the foot of a
page, no page half empty before the end, the transcription notes only when asked for."""

from __future__ import annotations

import io
import re

import pytest
from conftest import REAL_CATALOG
from pypdf import PdfReader

from generator import load_catalog

CATALOG = load_catalog(REAL_CATALOG)
POSITIONS = CATALOG.positions()
# Below this share of its height a page before the last counts as left empty.
LEAST_FILLED = 0.5


def words(text: str) -> str:
    """Text as compared here: without white space (the PDF's text spaces CJK freely)."""
    return re.sub(r"\s+", "", text)


def lines(page) -> list[tuple[float, str]]:
    """A PDF page's lines, top to bottom: (how far down the page, 0–1; the line's text)."""
    pieces: dict[float, list[tuple[float, str]]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            pieces.setdefault(round(y), []).append((x, text))

    page.extract_text(visitor_text=visit)
    height = float(page.mediabox.height)
    return [
        (1 - y / height, words("".join(t for _, t in sorted(parts))))
        for y, parts in sorted(pieces.items(), reverse=True)
    ]


def print_page(page, url: str) -> PdfReader:
    page.goto(url)
    page.wait_for_load_state("load")
    return PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))


@pytest.fixture(scope="module")
def printed(browser, site_url):
    """Every position printed once: {id: (its PDF's pages as lines, its headings)}."""
    context = browser.new_context()
    page = context.new_page()
    out = {}
    for position in POSITIONS:
        pdf = print_page(page, f"{site_url}/departments/{position.department_id}/{position.id}/")
        headings = {words(t) for t in page.locator("article :is(h1, h2, h3)").all_inner_texts()}
        out[position.id] = ([lines(p) for p in pdf.pages], headings)
    context.close()
    return out


def test_every_position_prints_on_one_or_two_pages(printed):
    pages = {position_id: len(p) for position_id, (p, _) in printed.items()}
    assert set(pages.values()) <= {1, 2}, pages
    assert all(pages[p.id] == 1 for p in POSITIONS if p.is_draft)


def test_page_one_has_the_title_and_the_goals(printed):
    for position in POSITIONS:
        first = "".join(text for _, text in printed[position.id][0][0])
        assert first.startswith(words(position.title)), position.id
        assert "某电信公司·考核标准1.0版（2026-12-01起生效）" in first
        goals = [g for c in CATALOG.company.goal_categories for g in position.goals.get(c, ())]
        if goals:
            assert "岗位目标" in first and words(goals[0].goal) in first, position.id


def test_no_page_ends_with_a_heading(printed):
    for position_id, (pages, headings) in printed.items():
        for number, page in enumerate(pages[:-1], 1):
            foot = page[-1][1]
            assert foot not in headings, (position_id, number, foot)


def test_no_page_before_the_last_is_left_half_empty(printed):
    for position_id, (pages, _) in printed.items():
        for number, page in enumerate(pages[:-1], 1):
            assert page[-1][0] > LEAST_FILLED, (position_id, number, page[-1])


def test_links_and_buttons_do_not_print(printed):
    pages, _ = printed["fin-cashier-income"]
    text = "".join(t for page in pages for _, t in page)
    for absent in ("打开考核计算器", "与其他岗位对比", "下载本岗位JSON", "首页›", "跳转至", "搜索"):
        assert absent not in text


def test_transcription_notes_print_only_when_asked_for(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    url = f"{site_url}/departments/long-distance/ld-manager/"
    note = "本页转录自《公司岗位目标和考核指标文件》第377行"

    def printed_text() -> str:
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
        return words("".join(p.extract_text() for p in pdf.pages))

    page.goto(url)
    notes = page.locator("details.pc-transcription")
    assert notes.get_attribute("open") is None  # folded on the page
    assert page.get_by_text("本页转录自").is_hidden()
    assert note not in printed_text()
    notes.locator("summary").click()  # opened on the page, still not printed
    assert page.get_by_text("本页转录自").is_visible()
    assert note not in printed_text()
    page.get_by_label("打印本页时也打印转录说明").check()
    text = printed_text()
    assert note in text and "打印本页时也打印转录说明" not in text
    context.close()


def test_a_doubtful_wording_links_to_its_note_and_opens_it(page, site_url):
    page.goto(f"{site_url}/departments/long-distance/ld-manager/")
    page.locator(".pc-flag").first.click()
    assert page.locator("details.pc-transcription").get_attribute("open") is not None
    assert page.get_by_text("本页转录自").is_visible()
