"""Fixtures of the browser tests: the built book served on 127.0.0.1, one
Chromium for the whole session, and fresh, offline browser contexts.

Environment (set by `cargo xtask test`):
- BOOK_DIR: the built book (book/html); without it the tests are skipped;
- CHROMIUM: the Chromium binary (default /usr/bin/chromium);
- SCREENSHOT_DIR: where test_looks.py saves its screenshots
  (default target/screenshots).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from common import (
    BROWSER_TEST_SECS,
    CHROMIUM_ARGS,
    DESKTOP,
    LAUNCH_MS,
    PHONE,
    REPO,
    all_pages,
    serve,
    sidebar_pages,
)
from links import check_links
from looks import check_boxes_fit, check_no_overflow
from playwright.sync_api import Browser, sync_playwright
from session import Browse, Browsing, Check, Leg, MakeChecks, Tour, new_browsing, run_legs, split
from shown_code import check_examples
from tabs import check_tabs


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each browser test's time limit is [pytest] browser_test of
    crates/course-kit/limits.toml: the first test to use a tour pays for
    loading every page of the book."""
    for item in items:
        if item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(BROWSER_TEST_SECS))


@pytest.fixture(scope="session")
def book_dir() -> Path:
    value = os.environ.get("BOOK_DIR")
    if not value:
        pytest.skip("BOOK_DIR is not set: build the book and point BOOK_DIR at book/html")
    path = Path(value).resolve()
    if not (path / "index.html").is_file() or not (path / "toc.html").is_file():
        pytest.fail(f"BOOK_DIR={path} holds no built book (no index.html or toc.html)")
    return path


@pytest.fixture(scope="session")
def base_url(book_dir: Path) -> Iterator[str]:
    """The book, served by a ThreadingHTTPServer on a free port of 127.0.0.1."""
    with serve(book_dir) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> str:
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).is_file():
        pytest.fail(f"no Chromium at {executable} (set CHROMIUM)")
    return executable


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS, timeout=LAUNCH_MS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    path = Path(os.environ.get("SCREENSHOT_DIR", REPO / "target" / "screenshots"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def browse(browser: Browser, base_url: str) -> Iterator[Browse]:
    """Makes browsing sessions, each with its own localStorage: `browse()` on
    the book at 1280 px, `browse(viewport=PHONE)`, `browse(base_url=...)`."""
    made: list[Browsing] = []

    def make(viewport: dict[str, int] = DESKTOP, base_url: str = base_url) -> Browsing:
        made.append(new_browsing(browser, base_url, viewport))
        return made[-1]

    yield make
    for browsing in made:
        browsing.context.close()


@pytest.fixture
def browsing(browse: Browse) -> Browsing:
    """A desktop-sized (1280 px) session on the book."""
    return browse()


# Loading a page costs a few tenths of a second, mostly spent waiting for the
# browser, so the per-page checks share two tours of the book, one per width,
# each page loaded once, and the tours run as legs at the same time (each in a
# Chromium of its own, session.run_legs); each test then asserts on its own
# check's findings.

# How many legs the desktop tour is cut into (the phone tour is one more).
DESKTOP_LEGS = 2


def _desktop_checks(book_dir: Path) -> MakeChecks:
    """At 1280 px: links, tabs (where there are tabs), examples (on the
    sidebar's pages; print.html repeats them) and boxes that cut off their
    ends."""
    chapters = set(sidebar_pages(book_dir))

    def make(browsing: Browsing) -> dict[str, Check]:
        return {
            "links": lambda rel: check_links(browsing.page, browsing.watch, book_dir, rel),
            "tabs": lambda rel: check_tabs(browsing.page, rel),
            "examples": lambda rel: check_examples(browsing.page, rel) if rel in chapters else [],
            "fit": lambda rel: check_boxes_fit(browsing.page, rel),
        }

    return make


def _phone_checks(browsing: Browsing) -> dict[str, Check]:
    """At 390 px: no sideways scrolling, and no box that cuts off its end."""
    return {
        "overflow": lambda rel: check_no_overflow(browsing.page, rel, PHONE["width"]),
        "fit": lambda rel: check_boxes_fit(browsing.page, rel),
    }


@pytest.fixture(scope="session")
def tours(chromium: str, base_url: str, book_dir: Path) -> dict[str, Tour]:
    """Every page at 1280 px and every chapter at 390 px, each loaded once
    (and checked on load: see Tour)."""
    desktop = [
        Leg(DESKTOP, part, _desktop_checks(book_dir))
        for part in split(all_pages(book_dir), DESKTOP_LEGS)
    ]
    phone = Leg(PHONE, sidebar_pages(book_dir), _phone_checks)
    # Within the first test's own limit, so that a stuck leg is named.
    deadline = 0.8 * BROWSER_TEST_SECS
    *desktop_parts, phone_tour = run_legs(chromium, base_url, [*desktop, phone], deadline)
    return {"desktop": Tour.joined(desktop_parts), "phone": phone_tour}


@pytest.fixture(scope="session")
def desktop_tour(tours: dict[str, Tour]) -> Tour:
    return tours["desktop"]


@pytest.fixture(scope="session")
def phone_tour(tours: dict[str, Tour]) -> Tour:
    return tours["phone"]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After a failure (a timeout included), the command that re-runs just
    that test against the book already built, in a few seconds."""
    failed = terminalreporter.stats.get("failed", []) + terminalreporter.stats.get("error", [])
    if not failed:
        return
    book = os.environ.get("BOOK_DIR", str(REPO / "book" / "html"))
    python = sys.executable
    terminalreporter.write_line("")
    terminalreporter.write_line("Re-run one failed test (the book in BOOK_DIR is already built):")
    for report in failed:
        terminalreporter.write_line(f"  BOOK_DIR={book} {python} -m pytest '{report.nodeid}'")
