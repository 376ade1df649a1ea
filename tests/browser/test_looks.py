"""How the book looks: screenshots for a person to look at, and what a
machine can check of them.

- Screenshots of the Threads chapter (its first page, and the first Threads
  pages that show a program, an output whose order varies and a compile
  error) at 1280 px and 390 px, in the light theme and in navy (the book's
  preferred dark theme), chosen through the theme picker, saved to
  SCREENSHOT_DIR as PAGE--WIDTH--THEME.png; each must be a real image (not
  blank) of a page with visible text.
- In all five mdBook themes, the course's own elements (file line, output
  figure, any-order bar, no-twin and compiler notes) and the tabs keep a
  readable contrast (WCAG AA: 4.5 for text, 3 for the bar).
- At phone width (390 px) no page scrolls sideways.
- At both widths, rustc's error blocks wrap rather than cut their lines, and
  every table fits the text column (all its columns visible).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from common import DESKTOP, PHONE, pages_with, sidebar_pages
from looks import blank_png, check_contrast, check_no_overflow, set_theme
from session import Browse, Tour

THEMES = ["light", "rust", "coal", "navy", "ayu"]
# The default theme, and the one book.toml prefers for readers in dark mode.
SCREENSHOT_THEMES = ["light", "navy"]
SHOWCASE = [
    'class="example-file"',
    'class="any-order"',
    'class="compiler-says"',
]


def showcase_pages(book_dir: Path) -> list[str]:
    """threads/index.html, then the first Threads page with each kind of
    course element (spawn-join.html if none has any yet)."""
    threads = [p for p in sidebar_pages(book_dir) if p.startswith("threads/")]
    chosen = ["threads/index.html"]
    for needle in SHOWCASE:
        found = pages_with(book_dir, needle, threads)
        if found and found[0] not in chosen:
            chosen.append(found[0])
    if len(chosen) == 1:
        chosen.append("threads/spawn-join.html")
    return chosen


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_screenshots(book_dir: Path, browse: Browse, screenshot_dir: Path, width: str) -> None:
    browsing = browse(viewport=DESKTOP if width == "desktop" else PHONE)
    page = browsing.page
    problems: list[str] = []
    for rel in showcase_pages(book_dir):
        problems += browsing.open(rel)
        main = page.locator("main")
        box = main.bounding_box()
        if not box or box["width"] < 200 or box["height"] < 100:
            problems.append(f"{rel}: main is {box}")
        words = main.inner_text().split()
        if len(words) < 3:
            problems.append(f"{rel}: main shows almost no text: {words}")
        if width == "phone":
            problems += check_no_overflow(page, rel, PHONE["width"])
        for theme in SCREENSHOT_THEMES:
            set_theme(page, theme)
            name = f"{rel.removesuffix('.html').replace('/', '-')}--{width}--{theme}.png"
            data = page.screenshot(
                path=screenshot_dir / name, full_page=True, animations="disabled"
            )
            reason = blank_png(data)
            if reason:
                problems.append(f"{rel}: screenshot {name} looks blank: {reason}")
            problems += check_contrast(page, rel, theme)
    assert not problems, "\n".join(problems)


def test_contrast_in_every_theme(book_dir: Path, browse: Browse) -> None:
    pages = sidebar_pages(book_dir)
    # The first page with each course element, so every rule is measured.
    chosen: list[str] = []
    for needle in [*SHOWCASE, 'class="example-output"', 'class="no-twin"']:
        found = pages_with(book_dir, needle, pages)
        if found and found[0] not in chosen:
            chosen.append(found[0])
    assert chosen, "no page with an element of the course"
    browsing = browse()
    problems: list[str] = []
    for rel in chosen:
        problems += browsing.open(rel)
        for theme in THEMES:  # through the picker: no reload needed
            set_theme(browsing.page, theme)
            problems += check_contrast(browsing.page, rel, theme)
    assert not problems, "\n".join(problems)


def test_every_chapter_at_phone_width(phone_tour: Tour) -> None:
    """Each chapter loads cleanly at 390 px too, and never scrolls sideways."""
    assert not phone_tour.problems["load"], phone_tour.report("load")
    assert not phone_tour.problems["overflow"], phone_tour.report("overflow")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_no_box_cuts_off_its_end(
    desktop_tour: Tour, phone_tour: Tour, book_dir: Path, width: str
) -> None:
    """rustc's error blocks and the tables show all they hold, at 1280 px and
    at 390 px."""
    tour = desktop_tour if width == "desktop" else phone_tour
    with_errors = pages_with(book_dir, 'class="compiler-says"', sidebar_pages(book_dir))
    with_tables = pages_with(book_dir, "<table", sidebar_pages(book_dir))
    assert with_errors and with_tables, "no page with a compile error or a table to look at"
    assert set(with_errors + with_tables) <= set(tour.looked_at["fit"])
    assert not tour.problems["fit"], tour.report("fit")
