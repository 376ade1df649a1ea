"""The timelines (xtask/src/timeline.rs) as a reader meets them: on every
page that has one, each figure is drawn, described and fits (timelines.py),
at 390 px and at 1280 px, and the page does not scroll sideways. The pages
are found in the built book, not listed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from common import DESKTOP, PHONE, pages_with, sidebar_pages
from looks import check_no_overflow
from session import Browse

from timelines import FIGURE, check_timelines


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
        problems += check_timelines(browsing.page, rel, viewport["width"])
        problems += check_no_overflow(browsing.page, rel, viewport["width"])
    assert not problems, "\n".join(problems)
