"""The Rust/Python tabs: clicking one switches every tab group of the page
(mdbook-tabs' global key "language"), and the choice, kept in localStorage
`mdbook-tabs-language`, holds on the next page and after a reload.

The pages with tabs are found in the built book, not listed by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from common import PAGE_LOAD_MS, pages_with, sidebar_pages
from session import Browsing, Tour
from tabs import describe_tabs, wait_all_tabs

TABS = 'class="mdbook-tabs-container" data-tabglobal="language"'


@pytest.fixture(scope="module")
def tab_pages(book_dir: Path) -> list[str]:
    pages = pages_with(book_dir, TABS, sidebar_pages(book_dir))
    assert pages, "no page of the book has Rust/Python tabs"
    return pages


def test_tabs_switch_together_on_every_page(tab_pages: list[str], desktop_tour: Tour) -> None:
    """On every page with tabs (visited by the desktop tour), clicking Python
    then Rust in the first group switches every group, and is stored."""
    assert set(tab_pages) <= set(desktop_tour.looked_at["tabs"]), "pages with tabs not checked"
    assert not desktop_tour.problems["tabs"], desktop_tour.report("tabs")


def test_tab_choice_survives_next_page_and_reload(
    book_dir: Path, tab_pages: list[str], browsing: Browsing
) -> None:
    page = browsing.page
    first = tab_pages[0]
    # The next page with tabs, or else any other page and then back.
    route = [tab_pages[1]] if len(tab_pages) > 1 else [sidebar_pages(book_dir)[0], first]
    browsing.visit(first)
    assert wait_all_tabs(page, "Rust"), f"{first}: Rust is not the first tab shown"
    page.locator('.mdbook-tabs-container[data-tabglobal="language"]').first.locator(
        '.mdbook-tab[data-tabname="Python"]'
    ).click()
    assert wait_all_tabs(page, "Python"), f"{first}: {describe_tabs(page, 'Python')}"
    for rel in route:
        browsing.visit(rel)
    landed = route[-1]
    assert wait_all_tabs(page, "Python"), (
        f"{landed}: Python was chosen on {first}, but {describe_tabs(page, 'Python')}"
    )
    page.reload(wait_until="load", timeout=PAGE_LOAD_MS)
    assert wait_all_tabs(page, "Python"), (
        f"{landed} after a reload: {describe_tabs(page, 'Python')}"
    )
    assert page.evaluate("localStorage.getItem('mdbook-tabs-language')") == "Python"
