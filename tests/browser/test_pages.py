"""Every page of the built book loads cleanly and offline, with no dead link.

The pages are every .html file of BOOK_DIR (the sidebar's chapters, print.html,
404.html, toc.html), found by walking it, each loaded once at 1280 px by the
session's desktop tour (conftest.py). Loading one must log no console error or
uncaught exception, fail no request, get no HTTP status >= 400 and ask no other
host for anything: every such request is named (and fails), e.g. the
playground's crate list that stock mdBook fetches for runnable Rust blocks.
Every link on a page (the sidebar's too) that stays in the book must reach a
file, and its #fragment an id in it.
"""

from __future__ import annotations

from pathlib import Path

from common import all_pages, sidebar_pages
from session import Tour


def test_every_page_loads_cleanly_and_offline(book_dir: Path, desktop_tour: Tour) -> None:
    pages = all_pages(book_dir)
    assert set(sidebar_pages(book_dir)) <= set(pages), "the sidebar links to missing pages"
    assert desktop_tour.looked_at["load"] == pages
    assert not desktop_tour.problems["load"], desktop_tour.report("load")
    assert desktop_tour.outside == [], "requests to other hosts were made"


def test_no_dead_link(desktop_tour: Tour) -> None:
    assert not desktop_tour.problems["links"], desktop_tour.report("links")


def test_no_runnable_playground_block(book_dir: Path) -> None:
    """book.toml's `runnable = false`: no code block is a playground, so no
    page ever asks play.rust-lang.org for its crate list (the load test above
    would also catch the request itself)."""
    runnable = [
        rel
        for rel in all_pages(book_dir)
        if 'class="playground"' in (book_dir / rel).read_text(encoding="utf-8")
    ]
    assert not runnable, f"pages with runnable playground blocks: {runnable}"
