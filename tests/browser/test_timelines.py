"""The timelines (xtask/src/timeline.rs) as a reader meets them: on every
page that has one, each figure is drawn (an <svg> with lanes), carries its
text alternative (an accessible name from its <title> and a description from
its <desc>, and "The figure in words" below it), and fits the text column
at 390 px and at 1280 px. The pages are found in the built book, not listed
by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from common import DESKTOP, PHONE, pages_with, sidebar_pages
from looks import check_no_overflow
from session import Browse

FIGURE = 'class="timeline"'

# What each figure must have, measured in the page.
_FIGURES = """
() => Array.from(document.querySelectorAll('figure.timeline')).map((figure, index) => {
    const svg = figure.querySelector('svg.timeline');
    const main = document.querySelector('main').getBoundingClientRect();
    const box = svg ? svg.getBoundingClientRect() : null;
    const byId = id => document.getElementById(id)?.textContent.trim() ?? '';
    const labelled = svg ? (svg.getAttribute('aria-labelledby') || '').split(' ') : [];
    return {
        index,
        svg: !!svg,
        role: svg?.getAttribute('role'),
        title: labelled.length ? byId(labelled[0]) : '',
        desc: labelled.length > 1 ? byId(labelled[1]) : '',
        bars: svg ? svg.querySelectorAll('rect').length : 0,
        words: figure.querySelector('details')?.textContent.trim().length ?? 0,
        width: box ? box.width : 0,
        height: box ? box.height : 0,
        fits: box ? box.left >= main.left - 1 && box.right <= main.right + 1 : false,
    };
})
"""


@pytest.fixture(scope="module")
def figure_pages(book_dir: Path) -> list[str]:
    pages = pages_with(book_dir, FIGURE, sidebar_pages(book_dir))
    assert pages, "no page of the book has a timeline"
    return pages


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_every_timeline_is_drawn_described_and_fits(
    figure_pages: list[str], browse: Browse, width: str
) -> None:
    viewport = DESKTOP if width == "desktop" else PHONE
    browsing = browse(viewport=viewport)
    problems: list[str] = []
    for rel in figure_pages:
        problems += browsing.open(rel)
        for figure in browsing.page.evaluate(_FIGURES):
            where = f"{rel}, timeline {figure['index'] + 1}"
            if not figure["svg"] or figure["bars"] < 2:
                problems.append(f"{where}: no figure drawn")
                continue
            if figure["role"] != "img" or len(figure["title"]) < 10 or len(figure["desc"]) < 40:
                problems.append(f"{where}: no text alternative (role, title, desc): {figure}")
            if figure["words"] < 40:
                problems.append(f"{where}: no 'figure in words' below it")
            if figure["width"] < 200 or figure["height"] < 60:
                problems.append(f"{where}: drawn {figure['width']}x{figure['height']} px")
            if not figure["fits"]:
                problems.append(f"{where}: wider than the text column at {viewport['width']} px")
        problems += check_no_overflow(browsing.page, rel, viewport["width"])
    assert not problems, "\n".join(problems)
