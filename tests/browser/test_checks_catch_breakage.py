"""The checks fail, naming the page and the reason, when the book is broken.

Each test copies the built book to a temporary folder, breaks one thing on
purpose (a page deleted, the tabs' script deleted, a dead link, an image from
another host, a runnable playground block, a script error, a changed line of
code or of output, a quiz without its script or its stored answers, a
timeline without its text alternative), serves the copy on its own port and asserts that the same
check functions the other tests use report exactly that. Without these, a
check that can never fail would look like a passing test.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from common import DESKTOP, pages_with, serve, sidebar_pages
from links import check_links
from session import Browse, Browsing, check_loads
from shown_code import check_examples
from tabs import check_tabs

from quizzes import QUIZ, check_quiz
from timelines import FIGURE, check_timelines

Breaker = Callable[[], Iterator[tuple[Path, Browsing]]]


@pytest.fixture
def broken(book_dir: Path, tmp_path: Path, browse: Browse) -> Callable[..., object]:
    """`with broken() as (copy, browsing):` a copy of the book to break,
    served on another port, and a browsing session on that copy."""

    @contextmanager
    def make() -> Iterator[tuple[Path, Browsing]]:
        copy = tmp_path / "html"
        shutil.copytree(book_dir, copy)
        with serve(copy) as url:
            yield copy, browse(base_url=url)

    return make


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} has no {old!r} to break"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_page_with(book_dir: Path, needle: str) -> str:
    pages = pages_with(book_dir, needle, sidebar_pages(book_dir))
    assert pages, f"no page with {needle!r} to break"
    return pages[0]


def test_a_page_that_fails_to_load(book_dir: Path, broken: Callable) -> None:
    victim = sidebar_pages(book_dir)[1]
    with broken() as (copy, browsing):
        (copy / victim).unlink()
        problems = check_loads(browsing.page, browsing.watch, victim)
        assert f"{victim}: HTTP 404 for {victim}" in problems
        assert f"{victim}: the page itself failed to load (HTTP 404)" in problems
        # ... and every link to it is dead, sidebar included.
        check_loads(browsing.page, browsing.watch, "index.html")  # not the point here
        dead = check_links(browsing.page, browsing.watch, copy, "index.html")
        assert any(p.startswith("index.html: dead link") and victim in p for p in dead), dead


def test_a_missing_tab_script(book_dir: Path, broken: Callable) -> None:
    page = first_page_with(book_dir, "mdbook-tabs-container")
    with broken() as (copy, browsing):
        (script,) = (copy / "theme").glob("tabs-*.js")
        script.unlink()
        problems = check_loads(browsing.page, browsing.watch, page)
        assert f"{page}: HTTP 404 for theme/{script.name}" in problems, problems
        tabs = check_tabs(browsing.page, page)
        assert len(tabs) == 1, tabs
        assert tabs[0].startswith(f"{page}: after clicking tab 'Python', not every 'language'")
        assert "is theme/tabs.js loaded?" in tabs[0]


def test_a_dead_link(book_dir: Path, broken: Callable) -> None:
    page = "threads/index.html"
    with broken() as (copy, browsing):
        edit(
            copy / page,
            "</main>",
            '<a href="no-such-page.html">x</a> <a href="spawn-join.html#no-such-id">y</a></main>',
        )
        check_loads(browsing.page, browsing.watch, page)  # not the point here
        problems = check_links(browsing.page, browsing.watch, copy, page)
        assert (
            f"{page}: dead link 'no-such-page.html': no file threads/no-such-page.html" in problems
        )
        assert (
            f"{page}: dead link 'spawn-join.html#no-such-id': spawn-join.html has no id "
            "'no-such-id'" in problems
        ), problems


def test_an_outside_request_is_named(book_dir: Path, broken: Callable) -> None:
    page = "threads/index.html"
    with broken() as (copy, browsing):
        edit(copy / page, "</main>", '<img src="https://example.com/x.png" alt=""></main>')
        problems = check_loads(browsing.page, browsing.watch, page)
        assert f"{page}: request outside the book: https://example.com/x.png" in problems
        assert "https://example.com/x.png" in browsing.watch.outside


def test_a_runnable_playground_block(book_dir: Path, broken: Callable) -> None:
    """What `runnable = false` prevents: mdBook's book.js asks the playground
    for its crate list as soon as a page has a runnable Rust block."""
    page = first_page_with(book_dir, 'class="language-rust"')
    with broken() as (copy, browsing):
        edit(copy / page, "<pre><code class=", '<pre class="playground"><code class=')
        problems = check_loads(browsing.page, browsing.watch, page)
        assert any(
            p.startswith(f"{page}: request outside the book: https://play.rust-lang.org/")
            for p in problems
        ), problems


def test_a_script_error(broken: Callable) -> None:
    page = "threads/index.html"
    with broken() as (copy, browsing):
        edit(copy / page, "</main>", "<script>throw new Error('broken on purpose')</script></main>")
        problems = check_loads(browsing.page, browsing.watch, page)
        assert f"{page}: uncaught exception: Error: broken on purpose" in problems, problems


def test_code_that_is_not_the_file(book_dir: Path, broken: Callable) -> None:
    page = first_page_with(book_dir, 'class="example-file"')
    source = (book_dir / page).read_text(encoding="utf-8")
    shown = re.search(r'class="example-file">File <code>(examples/[\w/]+\.(?:rs|py))', source)
    assert shown
    with broken() as (copy, browsing):
        language = "rust" if shown.group(1).endswith(".rs") else "python"
        edit(
            copy / page,
            f'<code class="language-{language}">',
            f'<code class="language-{language}">let typo = 1;\n',
        )
        check_loads(browsing.page, browsing.watch, page)  # not the point here
        problems = check_examples(browsing.page, page)
        assert problems, "a changed line of code went unnoticed"
        assert problems[0].startswith(f"{page}: {shown.group(1)}: the code shown is not ")
        assert "line 1 shows 'let typo = 1;'" in problems[0]


def test_output_that_is_not_the_recording(book_dir: Path, broken: Callable) -> None:
    page = first_page_with(book_dir, 'class="example-output"')
    with broken() as (copy, browsing):
        text = (copy / page).read_text(encoding="utf-8")
        figure = text.index('<figure class="example-output">')
        at = text.index("<pre><code>", figure) + len("<pre><code>")
        (copy / page).write_text(text[:at] + "an extra line\n" + text[at:], encoding="utf-8")
        check_loads(browsing.page, browsing.watch, page)  # not the point here
        problems = [p for p in check_examples(browsing.page, page) if "recorded output" in p]
        assert len(problems) == 1, problems
        assert "line 1 shows 'an extra line'" in problems[0]


def test_a_quiz_whose_script_is_missing(book_dir: Path, broken: Callable) -> None:
    page = first_page_with(book_dir, QUIZ)
    with broken() as (copy, browsing):
        for script in copy.glob("src/quiz/quiz-embed*.js"):
            script.unlink()
        browsing.open(page)
        problems = check_quiz(browsing, copy, page, "light", DESKTOP["width"])
        assert problems == [
            f"{page}: the quiz did not appear (is mdbook-quiz's script loaded?)"
        ], problems


def test_a_quiz_that_keeps_no_answers(book_dir: Path, broken: Callable) -> None:
    page = first_page_with(book_dir, QUIZ)
    with broken() as (copy, browsing):
        edit(copy / page, ' data-quiz-cache-answers="true"', "")
        browsing.open(page)
        problems = check_quiz(browsing, copy, page, "light", DESKTOP["width"])
        assert f"{page}: the answers were not kept in localStorage" in problems, problems


def test_a_timeline_without_its_text_alternative_or_too_wide(
    book_dir: Path, broken: Callable
) -> None:
    page = first_page_with(book_dir, FIGURE)
    with broken() as (copy, browsing):
        text = (copy / page).read_text(encoding="utf-8")
        text = re.sub(r"<desc id=\"[^\"]*\">[^<]*</desc>", "", text, count=1)
        (copy / page).write_text(text, encoding="utf-8")
        (css,) = (copy / "theme").glob("course-*.css")
        edit(css, "max-width: 540px;", "min-width: 2000px;")
        browsing.open(page)
        problems = check_timelines(browsing.page, page, DESKTOP["width"])
        assert f"{page}, timeline 1: no text alternative (role, title, desc)" in problems, problems
        assert f"{page}, timeline 1: wider than the text column at 1280 px" in problems, problems
