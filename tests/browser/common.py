"""The browser tests' shared ground: where the repository is, how long to
wait, Chromium's flags and the two widths, serving a built book, and the
pages of a built book.

The checks live one concern a module (session, links, tabs, shown_code,
outputs, search, looks). Each `check_*` function looks at one page of the
built book in a real browser and returns a list of problems, each naming the
page and the reason (empty: no problem). The tests assert that the list is
empty for the real book; test_checks_catch_breakage.py breaks a copy of the
book on purpose and asserts that the same functions report it. Nothing here
keeps a list of pages or examples: pages come from the built book, examples
from the pages, the expected code from the files in examples/.
"""

from __future__ import annotations

import functools
import html
import http.server
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
EXAMPLES = REPO / "examples"

# The time limits, from crates/course-kit/limits.toml ([browser]).
sys.path.insert(0, str(REPO / "tests"))
import limits  # noqa: E402

# Waits for a condition in the browser never take longer than this (ms).
WAIT_MS = limits.BROWSER_WAIT_MS
# A tab switch is a click handler's synchronous work: if it has not happened
# within this time, it will not.
TAB_WAIT_MS = limits.BROWSER_TAB_WAIT_MS
# Launching Chromium (ms).
LAUNCH_MS = limits.BROWSER_LAUNCH_MS
PAGE_LOAD_MS = limits.BROWSER_PAGE_LOAD_MS
# One browser test (s), a tour of the whole book included.
BROWSER_TEST_SECS = limits.BROWSER_TEST_SECS

# Chromium as Debian ships it; the background-networking flags stop it from
# calling home, so the only requests are the ones a page makes. The resolver
# rule makes every host name but 127.0.0.1's unknown and the proxy flag keeps
# a proxy of the environment from resolving it instead, so a request to
# another site fails at once (session.Watch names it).
CHROMIUM_ARGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--no-proxy-server",
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# --- serving a built book -------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # The browser hangs up on a download it no longer needs (the page
        # moved on): that is not the book's fault. Others are printed.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serves `directory` on 127.0.0.1 (a free port) and yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="book-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- the pages of a built book --------------------------------------------


def all_pages(book_dir: Path) -> list[str]:
    """Every .html file of the built book, relative and with `/`, sorted."""
    return sorted(p.relative_to(book_dir).as_posix() for p in book_dir.rglob("*.html"))


def sidebar_pages(book_dir: Path) -> list[str]:
    """The pages the sidebar links to, in order, read from the built toc.html."""
    toc = (book_dir / "toc.html").read_text(encoding="utf-8")
    pages: list[str] = []
    for href in re.findall(r'<a href="([^"#]+)', toc):
        page = unquote(html.unescape(href))
        if page not in pages:
            pages.append(page)
    return pages


@dataclass
class Chapter:
    title: str
    source: str  # relative to src/
    page: str  # relative to the built book


def summary_chapters() -> list[Chapter]:
    """The chapters of src/SUMMARY.md with the page mdBook makes of each."""
    chapters = []
    summary = (SRC / "SUMMARY.md").read_text(encoding="utf-8")
    for title, source in re.findall(r"\[([^\]]+)\]\(([^)]+\.md)\)", summary):
        stem = source.removesuffix(".md")
        if Path(stem).name == "README":  # mdBook renders README.md as index.html
            stem = stem.removesuffix("README") + "index"
        chapters.append(Chapter(title, source, stem + ".html"))
    return chapters


class _Headings(HTMLParser):
    """Collects the text of every <h1> of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.h1: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1":
            self._depth += 1
            self.h1.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.h1[-1] += data


def first_h1(path: Path) -> str | None:
    if not path.is_file():
        return None
    parser = _Headings()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.h1[0].split()) if parser.h1 else None


def pages_with(book_dir: Path, needle: str, pages: list[str]) -> list[str]:
    """Those of `pages` whose built HTML contains `needle` (before any script).
    A missing page has nothing; the load test reports it."""
    return [
        p
        for p in pages
        if (book_dir / p).is_file() and needle in (book_dir / p).read_text(encoding="utf-8")
    ]


def first_difference(shown: str, expected: str) -> str:
    got, want = shown.split("\n"), expected.split("\n")
    for number, (a, b) in enumerate(zip(got, want, strict=False), start=1):
        if a != b:
            return f"line {number} shows {a!r}, the file has {b!r}"
    if len(got) != len(want):
        return f"{len(got)} lines shown, the file has {len(want)}"
    return "same text"


def normal_text(text: str) -> str:
    return text.replace("\r\n", "\n").rstrip("\n")
