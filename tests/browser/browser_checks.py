"""The checks behind the browser tests, as functions that return problems.

Each `check_*` function looks at one page of the built book in a real browser
and returns a list of problems, each naming the page and the reason (empty:
no problem). The tests assert that the list is empty for the real book; the
tests in test_checks_catch_breakage.py break a copy of the book on purpose and
assert that the same functions report it. Nothing here keeps a list of pages
or examples: pages come from the built book, examples from the pages, the
expected code from the files in examples/.
"""

from __future__ import annotations

import functools
import html
import http.server
import re
import sys
import threading
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from playwright.sync_api import (
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    Route,
)
from playwright.sync_api import Error as PlaywrightError

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
EXAMPLES = REPO / "examples"

# Waits for a condition in the browser never take longer than this (ms).
WAIT_MS = 5_000
# A tab switch is a click handler's synchronous work: if it has not happened
# within this time, it will not.
TAB_WAIT_MS = 1_000

# Chromium as Debian ships it; the background-networking flags stop it from
# calling home, so the only requests are the ones a page makes.
CHROMIUM_ARGS = [
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


# --- watching what a page does --------------------------------------------


@dataclass
class Watch:
    """Records what goes wrong in a browser context, naming page and URL.

    Every request goes through a route: one to the book's own server goes
    on, any other (another host, or another port) is aborted and recorded,
    so the tests never reach the network and fail on any attempt to.
    """

    base_url: str
    problems: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def install(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        context.on("page", self.attach)
        for page in context.pages:
            self.attach(page)

    def attach(self, page: Page) -> None:
        page.on("console", lambda msg: self._console(page, msg))
        page.on(
            "pageerror",
            lambda exc: self._add(page.url, f"uncaught exception: {exc.name}: {exc.message}"),
        )
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)

    def take(self) -> list[str]:
        """The problems recorded since the last call."""
        found, self.problems = self.problems, []
        return found

    def name(self, url: str) -> str:
        """A URL of the book as a path relative to it (others unchanged)."""
        return url.removeprefix(self.base_url) or "index.html"

    def _add(self, page_url: str, what: str) -> None:
        problem = f"{self.name(page_url)}: {what}"
        if problem not in self.problems:
            self.problems.append(problem)

    def _local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("data", "blob", "about") or url.startswith(self.base_url)

    @staticmethod
    def _page_of(request: Request) -> str:
        if request.is_navigation_request():
            return request.url  # the page being loaded
        try:
            return request.frame.url
        except PlaywrightError:  # a request with no frame (worker)
            return "?"

    def _route(self, route: Route) -> None:
        url = route.request.url
        if self._local(url):
            route.continue_()
            return
        self.outside.append(url)
        self._add(self._page_of(route.request), f"request to another host (blocked): {url}")
        route.abort("blockedbyclient")

    def _console(self, page: Page, msg: ConsoleMessage) -> None:
        # "Failed to load resource" repeats what _response and _route report,
        # with the URL, so only other errors are recorded here.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            where = msg.location.get("url", "")
            where = f" (at {self.name(where)}:{msg.location.get('lineNumber')})" if where else ""
            self._add(page.url, f"console error: {msg.text}{where}")

    def _request_failed(self, request: Request) -> None:
        if request.url in self.outside:
            return  # already recorded, with its reason, by _route
        if request.failure == "net::ERR_ABORTED":
            return  # cancelled by the next navigation (the favicon); a missing file is a 404
        self._add(self._page_of(request), f"request failed: {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            page = self._page_of(response.request)
            self._add(page, f"HTTP {response.status} for {self.name(response.url)}")


# --- check: a page loads cleanly ------------------------------------------


def check_loads(page: Page, watch: Watch, rel: str) -> list[str]:
    """Opens the page; any console error, failed request, HTTP error or
    request to another host while it loads is a problem, as is a page
    without a heading."""
    url = watch.base_url + rel
    problems: list[str] = []
    try:
        response = page.goto(url, wait_until="load", timeout=WAIT_MS * 2)
    except PlaywrightError as error:
        return [f"{rel}: does not load: {error.message.splitlines()[0]}"]
    problems += watch.take()
    if response is None or not response.ok:
        status = response.status if response else "no response"
        reason = f"{rel}: the page itself failed to load (HTTP {status})"
        if reason not in problems:
            problems.append(reason)
    elif rel != "toc.html" and page.locator("h1").count() == 0:
        problems.append(f"{rel}: loaded, but shows no heading")
    return problems


@dataclass
class Browsing:
    """One browser context (its own localStorage), a page in it, and the
    watch that records what goes wrong and blocks every outside request."""

    context: BrowserContext
    page: Page
    watch: Watch

    def open(self, rel: str) -> list[str]:
        """Opens a page of the book; returns the problems seen while loading."""
        return check_loads(self.page, self.watch, rel)

    def visit(self, rel: str) -> None:
        """Opens a page of the book, which must load cleanly."""
        problems = self.open(rel)
        if problems:
            raise AssertionError("\n".join(problems))


# Makes a Browsing: browse(viewport=..., base_url=...) (the fixture in conftest.py).
Browse = Callable[..., Browsing]
# A check of the loaded page named by its path: returns its problems.
Check = Callable[[str], list[str]]


@dataclass
class Tour:
    """What one visit of each page found: problems by check, and the pages
    each check had something to look at (for "was anything checked?")."""

    pages: list[str]
    problems: dict[str, list[str]] = field(default_factory=dict)
    looked_at: dict[str, list[str]] = field(default_factory=dict)
    outside: list[str] = field(default_factory=list)  # requests to other hosts

    def report(self, check: str) -> str:
        found = self.problems[check]
        return f"{len(found)} problem(s) on {len(self.looked_at[check])} page(s):\n" + "\n".join(
            found
        )


# What each check needs on a page to have something to look at.
_SUBJECT = {
    "tabs": ".mdbook-tabs-container",
    "examples": "p.example-file, figure.example-output",
}


def run_tour(browsing: Browsing, pages: list[str], checks: dict[str, Check]) -> Tour:
    """Loads each page once and runs every check on it; a check that crashes
    (a Playwright error) is a problem of that page, the tour goes on."""
    tour = Tour(pages, {"load": []} | {name: [] for name in checks})
    tour.looked_at = {name: [] for name in tour.problems}
    for rel in pages:
        loading = browsing.open(rel)
        tour.problems["load"] += loading
        tour.looked_at["load"].append(rel)
        if any("failed to load" in p or "does not load" in p for p in loading):
            continue
        for name, check in checks.items():
            subject = _SUBJECT.get(name)
            if subject and browsing.page.locator(subject).count() == 0:
                continue
            tour.looked_at[name].append(rel)
            try:
                tour.problems[name] += check(rel)
            except PlaywrightError as error:
                first = error.message.splitlines()[0]
                tour.problems[name].append(f"{rel}: the {name} check broke down: {first}")
        tour.problems["load"] += browsing.watch.take()  # late ones, caused by the checks
    tour.outside = list(browsing.watch.outside)
    return tour


# --- check: no dead link --------------------------------------------------

_ids_cache: dict[Path, set[str]] = {}


def _ids(path: Path) -> set[str]:
    if path not in _ids_cache:
        text = path.read_text(encoding="utf-8", errors="replace")
        _ids_cache[path] = {html.unescape(i) for i in re.findall(r'\sid="([^"]+)"', text)}
    return _ids_cache[path]


def check_links(page: Page, watch: Watch, book_dir: Path, rel: str) -> list[str]:
    """Every link on the (loaded) page, the JS-built sidebar included, that
    stays in the book must reach a file of the book, and its #fragment an
    element of that page. Links to other sites are not followed (offline)."""
    hrefs: list[str] = page.eval_on_selector_all(
        "a[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    problems = []
    page_url = page.url
    for href in dict.fromkeys(hrefs):
        target = urljoin(page_url, href)
        if not target.startswith(watch.base_url):
            continue
        parts = urlsplit(target)
        path = unquote(parts.path.removeprefix(urlsplit(watch.base_url).path))
        file = book_dir / (path or "index.html")
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            problems.append(f"{rel}: dead link {href!r}: no file {watch.name(target)}")
            continue
        fragment = unquote(parts.fragment)
        if fragment and file.suffix == ".html" and fragment not in _ids(file):
            problems.append(f"{rel}: dead link {href!r}: {file.name} has no id {fragment!r}")
    return problems


# --- check: the Rust/Python tabs ------------------------------------------

_TAB_STATE = """
global => Array.from(
    document.querySelectorAll(`.mdbook-tabs-container[data-tabglobal="${global}"]`),
    container => {
        const shown = Array.from(container.querySelectorAll(':scope > .mdbook-tab-content'))
            .filter(panel => panel.offsetParent !== null || panel.getClientRects().length > 0)
            .map(panel => panel.dataset.tabname);
        const active = Array.from(container.querySelectorAll(':scope > .mdbook-tabs > .active'))
            .map(tab => tab.dataset.tabname);
        return {shown, active};
    })
"""


def tab_state(page: Page, global_key: str = "language") -> list[dict[str, list[str]]]:
    """For each tab group with that global key: which panels show, which tab is active."""
    return page.evaluate(_TAB_STATE, global_key)


def wait_all_tabs(
    page: Page, name: str, global_key: str = "language", timeout: float = TAB_WAIT_MS
) -> bool:
    """Waits until every group of that key shows exactly the panel `name`."""
    try:
        page.wait_for_function(
            f"""([name, global]) => ({_TAB_STATE})(global).every(
                g => g.shown.length === 1 && g.shown[0] === name
                     && g.active.length === 1 && g.active[0] === name)""",
            arg=[name, global_key],
            timeout=timeout,
        )
    except PlaywrightError:
        return False
    return True


def describe_tabs(page: Page, name: str, global_key: str = "language") -> str:
    """Which groups do not show `name`, and what they show instead."""
    wrong: dict[str, list[str]] = {}
    for number, group in enumerate(tab_state(page, global_key), start=1):
        if group["shown"] != [name] or group["active"] != [name]:
            state = f"show {group['shown']} with tab {group['active']} active"
            wrong.setdefault(state, []).append(str(number))
    return "; ".join(f"groups {', '.join(n)} {state}" for state, n in wrong.items())


def check_tabs(page: Page, rel: str, global_key: str = "language") -> list[str]:
    """On the (loaded) page, clicking each tab of the first group must switch
    every group with the same global key, and remember the choice."""
    groups = page.locator(f'.mdbook-tabs-container[data-tabglobal="{global_key}"]')
    if groups.count() == 0:
        return []
    names = groups.first.locator(":scope > .mdbook-tabs > .mdbook-tab").evaluate_all(
        "tabs => tabs.map(t => t.dataset.tabname)"
    )
    problems = []
    for name in [*names[1:], names[0]]:  # away from the default, then back
        groups.first.locator(f':scope > .mdbook-tabs > [data-tabname="{name}"]').click()
        if not wait_all_tabs(page, name, global_key):
            problems.append(
                f"{rel}: after clicking tab {name!r}, not every {global_key!r} tab group "
                f"follows ({describe_tabs(page, name, global_key)}); is theme/tabs.js loaded?"
            )
            break
        stored = page.evaluate("key => localStorage.getItem(key)", f"mdbook-tabs-{global_key}")
        if stored != name:
            problems.append(
                f"{rel}: after clicking tab {name!r}, localStorage "
                f"mdbook-tabs-{global_key} is {stored!r}"
            )
    return problems


# --- check: the code shown is the file on disk -----------------------------

_ANCHOR_START = re.compile(r"ANCHOR:\s*([\w-]+)")
_ANCHOR_END = re.compile(r"ANCHOR_END:\s*([\w-]+)")
_DIRECTIVE = re.compile(
    r"(?<!\\)\{\{#(example|compile_fail)\s+([\w/-]+)\s*(?::\s*([\w-]+))?\s*\}\}"
)


def anchored(text: str, anchor: str) -> str:
    """The lines between `ANCHOR: anchor` and `ANCHOR_END: anchor`, without
    any anchor line, as mdBook's {{#include file:anchor}} takes them."""
    kept: list[str] = []
    inside = False
    for line in text.splitlines():
        if inside:
            end = _ANCHOR_END.search(line)
            if end and end.group(1) == anchor:
                break
            if not end and not _ANCHOR_START.search(line):
                kept.append(line)
        else:
            start = _ANCHOR_START.search(line)
            inside = bool(start and start.group(1) == anchor)
    return "\n".join(kept)


def without_anchor_lines(text: str) -> str:
    """The whole file minus its anchor comments: what mdBook's
    {{#rustdoc_include file:anchor}} shows once the hidden lines are revealed."""
    return "\n".join(
        line
        for line in text.splitlines()
        if not _ANCHOR_START.search(line) and not _ANCHOR_END.search(line)
    )


@functools.cache
def anchors_used() -> dict[str, set[str | None]]:
    """For every example (or compile_fail/NAME), the anchors the chapters
    show it with (None: the whole file), from the {{#…}} directives of src/."""
    used: dict[str, set[str | None]] = {}
    for md in SRC.rglob("*.md"):
        for kind, name, anchor in _DIRECTIVE.findall(md.read_text(encoding="utf-8")):
            key = f"compile_fail/{name}" if kind == "compile_fail" else name
            used.setdefault(key, set()).add(anchor or None)
    return used


def _first_difference(shown: str, expected: str) -> str:
    got, want = shown.split("\n"), expected.split("\n")
    for number, (a, b) in enumerate(zip(got, want, strict=False), start=1):
        if a != b:
            return f"line {number} shows {a!r}, the file has {b!r}"
    if len(got) != len(want):
        return f"{len(got)} lines shown, the file has {len(want)}"
    return "same text"


def _normal(text: str) -> str:
    return text.replace("\r\n", "\n").rstrip("\n")


# For every `example-file` line whose tab is showing (or that is in no tab):
# the file it names, the visible text of the code block right after it, the
# text once the block's "Show hidden lines" button is clicked, and for a
# compile_fail program the text of the block after its `compiler-says` line.
_READ_EXAMPLES = """
() => {
    const codeAfter = el => {
        const pre = el && el.nextElementSibling;
        return pre && pre.tagName === 'PRE' ? pre.querySelector(':scope > code') : null;
    };
    return Array.from(document.querySelectorAll('p.example-file'), (line, index) => {
        const panel = line.closest('.mdbook-tab-content');
        const item = {index, path: line.querySelector('code')?.innerText.trim() ?? '',
                      tab: panel ? panel.dataset.tabname : null,
                      shown: line.getClientRects().length > 0};
        if (!item.shown) return item;
        const code = codeAfter(line);
        item.visible = code ? code.innerText : null;
        const reveal = code && code.parentElement.querySelector(
            ':scope > .buttons > button[title="Show hidden lines"]');
        if (reveal) {
            reveal.click();  // the page's own button, as a reader would
            item.revealed = code.classList.contains('hide-boring') ? null : code.innerText;
            code.parentElement.querySelector(
                ':scope > .buttons > button[title="Hide lines"]')?.click();
        }
        let says = line.nextElementSibling;
        while (says && !says.matches('p.compiler-says, p.example-file')) {
            says = says.nextElementSibling;
        }
        if (says && says.matches('p.compiler-says')) item.said = codeAfter(says)?.innerText;
        return item;
    });
}
"""


def check_examples(page: Page, rel: str) -> list[str]:
    """Every program on the (loaded) page, found by its `example-file` line,
    must show exactly its file: the visible text (mdBook hides a Rust file's
    lines outside the anchor) equals the anchored part, and with the hidden
    lines revealed (the block's eye button) the whole file minus anchor
    comments. Each is read with its tab in front, as the reader sees it. A
    compile_fail program's error must be its .stderr file, and every
    recorded output figure its expectation file."""
    problems: list[str] = []
    read: dict[int, dict] = {}
    tabs = page.evaluate(
        "() => [...new Set(Array.from(document.querySelectorAll('p.example-file'),"
        " p => p.closest('.mdbook-tab-content')?.dataset.tabname ?? null))]"
    )
    for tab in tabs:
        if tab is not None:  # bring that language to the front, by a real click
            page.locator(f'.mdbook-tab[data-tabname="{tab}"]').first.click()
            wait_all_tabs(page, tab)
        for item in page.evaluate(_READ_EXAMPLES):
            if item["shown"] and item["tab"] == tab:
                read[item["index"]] = item
    for item in page.evaluate(_READ_EXAMPLES):
        if item["index"] not in read:
            where = f"{rel}: {item['path']}"
            problems.append(f"{where}: never shown, whichever tab is clicked")
    for _, item in sorted(read.items()):
        problems += _check_example(rel, item)
    problems += check_outputs(page, rel)
    return problems


def _check_example(rel: str, item: dict) -> list[str]:
    shown_path = item["path"]
    where = f"{rel}: {shown_path}"
    file = REPO / shown_path
    if not shown_path.startswith("examples/") or not file.is_file():
        return [f"{where}: the page names a file that does not exist"]
    if item["visible"] is None:
        return [f"{where}: no code block right after the file line"]
    text = file.read_text(encoding="utf-8")
    key = Path(shown_path).relative_to("examples").with_suffix("").as_posix()
    anchors = anchors_used().get(key)
    if not anchors:
        return [f"{where}: shown, but no chapter in src/ has a directive for it"]
    wanted = {a: anchored(text, a) if a else text for a in anchors}
    visible = _normal(item["visible"])
    matches = [a for a, want in wanted.items() if visible == _normal(want)]
    if not matches:
        anchor, want = sorted(wanted.items(), key=lambda kv: str(kv[0]))[0]
        part = f"the part between the ANCHOR {anchor} comments" if anchor else "the file"
        diff = _first_difference(visible, _normal(want))
        return [f"{where}: the code shown is not {part}: {diff}"]
    problems = []
    if shown_path.endswith(".rs") and matches[0] is not None:
        whole = _normal(without_anchor_lines(text))
        revealed = item.get("revealed")
        if revealed is None and "revealed" in item:
            problems.append(f"{where}: the eye button does not reveal the hidden lines")
        elif revealed is None and visible != whole:
            problems.append(f"{where}: lines outside the anchor are neither shown nor hideable")
        elif revealed is not None and _normal(revealed) != whole:
            diff = _first_difference(_normal(revealed), whole)
            problems.append(
                f"{where}: with hidden lines shown, the code is not the whole file: {diff}"
            )
    if "/compile_fail/" in shown_path:
        stderr = _normal(file.with_suffix(".stderr").read_text(encoding="utf-8"))
        said = item.get("said")
        if said is None:
            problems.append(f"{where}: no compiler error shown after the program")
        elif _normal(said) != stderr:
            diff = _first_difference(_normal(said), stderr)
            problems.append(f"{where}: the error shown is not the .stderr file: {diff}")
    return problems


def render_expected(text: str) -> str:
    """An expectation's lines as the book shows them (see render_lines in
    xtask/src/preprocess.rs): markers of any order dropped, `...` as ⋮,
    `[..]` as …."""
    shown = []
    for line in text.splitlines():
        if line in ("[any order]", "[end]"):
            continue
        shown.append("⋮" if line == "..." else line.replace("[..]", "…"))
    return "\n".join(shown)


def any_order_blocks(text: str) -> list[str]:
    blocks, current = [], None
    for line in text.splitlines():
        if line == "[any order]":
            current = []
        elif line == "[end]" and current is not None:
            blocks.append("\n".join(current))
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def check_outputs(page: Page, rel: str) -> list[str]:
    """Every `example-output` figure shows its expectation file's stdout
    (and stderr), with a bar (`.any-order`) around each block of any order."""
    problems = []
    figures = page.evaluate(
        """() => Array.from(document.querySelectorAll('figure.example-output'), f => ({
            caption: f.querySelector('figcaption')?.innerText ?? '',
            // Only the caption, notes and <pre> belong in the figure, and only the
            // any-order spans in its code: anything else is markdown that got
            // parsed because the raw HTML block ended early.
            stray: [
                ...Array.from(f.children).filter(c => !['FIGCAPTION', 'PRE'].includes(c.tagName)
                    && !c.matches('p.output-note')),
                ...f.querySelectorAll('pre > code *:not(span.any-order)'),
            ].map(e => '<' + e.tagName.toLowerCase() + '>'),
            blocks: Array.from(f.querySelectorAll(':scope > pre > code'), c => c.innerText),
            anyOrder: Array.from(f.querySelectorAll('.any-order'), s => s.innerText),
            // How tall the bar beside each any-order block is, in lines.
            bars: Array.from(f.querySelectorAll('.any-order'), s => {
                const lines = s.textContent.replace(/\\n$/, '').split('\\n').length;
                const line = s.getClientRects()[0]?.height ?? 0;
                const bar = getComputedStyle(s, '::before');
                const high = bar.position === 'absolute' ? parseFloat(bar.height) : NaN;
                return {lines, drawn: line > 0 ? high / line : NaN};
            }),
        }))"""
    )
    for figure in figures:
        found = re.search(r"cargo run --example (\w+)", figure["caption"])
        if not found:
            problems.append(f"{rel}: an output figure names no example: {figure['caption']!r}")
            continue
        name = found.group(1)
        where = f"{rel}: output of {name}"
        if figure["stray"]:
            stray = ", ".join(dict.fromkeys(figure["stray"]))
            problems.append(
                f"{where}: the figure holds markup that is not output ({stray}): its raw HTML "
                "ended early, at a blank line, and markdown took over (see render_output in "
                "xtask/src/preprocess.rs)"
            )
        expected_file = EXAMPLES / f"{name}.expected.toml"
        if not expected_file.is_file():
            problems.append(f"{where}: no examples/{name}.expected.toml")
            continue
        expected = tomllib.loads(expected_file.read_text(encoding="utf-8"))
        streams = [expected.get("stdout", "")]
        if expected.get("stderr"):
            streams.append(expected["stderr"])
        if len(figure["blocks"]) != len(streams):
            problems.append(
                f"{where}: {len(figure['blocks'])} blocks shown, expected {len(streams)}"
            )
            continue
        for shown, stream in zip(figure["blocks"], streams, strict=True):
            if _normal(shown) != _normal(render_expected(stream)):
                diff = _first_difference(_normal(shown), _normal(render_expected(stream)))
                problems.append(f"{where}: not the recorded output: {diff}")
        for bar in figure["bars"]:
            if bar["drawn"] == bar["drawn"] and abs(bar["drawn"] - bar["lines"]) > 0.1:
                problems.append(
                    f"{where}: the any-order bar spans {bar['drawn']:.1f} lines, "
                    f"the block has {bar['lines']}: it marks lines whose order is fixed"
                )
        blocks = [b for s in streams for b in any_order_blocks(s)]
        if [_normal(b) for b in figure["anyOrder"]] != [_normal(b) for b in blocks]:
            problems.append(
                f"{where}: the lines marked 'any order' are {figure['anyOrder']!r}, "
                f"the expectation has {blocks!r}"
            )
    return problems


# --- search ---------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+")
_MARKUP = re.compile(r"\{\{#[^}]*\}\}|<[^>]+>|\]\([^)]*\)")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(_MARKUP.sub(" ", text))}


def _included_files(md: str) -> list[Path]:
    """The example files a chapter shows: their words are on the page too."""
    files = []
    for kind, name, _ in _DIRECTIVE.findall(md):
        folder = EXAMPLES / "compile_fail" if kind == "compile_fail" else EXAMPLES
        files += [folder / f"{name}{suffix}" for suffix in (".rs", ".py", ".stderr")]
    for name in re.findall(r"\{\{#output\s+(\w+)\s*\}\}", md):
        files.append(EXAMPLES / f"{name}.expected.toml")
    return [f for f in files if f.is_file()]


def words_only_in(folder: str) -> list[str]:
    """Words of the chapters under src/<folder>/ that no other chapter has,
    neither in its text nor in the programs it shows, best first. A word
    whose first five letters begin any word elsewhere is left out too, as
    search stems words (spawning, spawned, spawn)."""
    inside: dict[str, int] = {}
    outside: set[str] = set()
    for md in sorted(SRC.rglob("*.md")):
        if md.name == "SUMMARY.md":
            continue
        text = md.read_text(encoding="utf-8")
        if md.relative_to(SRC).parts[0] == folder:
            for word in _WORD.findall(_MARKUP.sub(" ", text)):
                inside[word.lower()] = inside.get(word.lower(), 0) + 1
        else:
            outside |= _words(text)
            for file in _included_files(text):
                outside |= _words(file.read_text(encoding="utf-8"))
    prefixes = {w[:5] for w in outside}
    # Titles from SUMMARY are in every page's sidebar, but search indexes
    # only the chapters' own text, so SUMMARY.md is not "elsewhere".
    found = [w for w in inside if len(w) >= 7 and w not in outside and w[:5] not in prefixes]
    return sorted(found, key=lambda w: (-inside[w], w))


def search(page: Page, term: str) -> list[str]:
    """Types `term` into the book's search box; returns the result links."""
    page.locator("#mdbook-search-toggle").click()
    box = page.locator("#mdbook-searchbar")
    box.wait_for(state="visible", timeout=WAIT_MS)
    box.fill(term)
    box.press("End")  # the search runs on keyup
    # The header says "N search results for 'term'" once the index has answered.
    page.wait_for_function(
        "term => document.querySelector('#mdbook-searchresults-header').innerText.includes(term)",
        arg=term,
        timeout=WAIT_MS,
    )
    return page.locator("#mdbook-searchresults a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


# --- looks ----------------------------------------------------------------

_CONTRAST = """
(selectors) => {
    const parse = s => {
        const m = s.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, below) =>
        top.slice(0, 3).map((v, i) => v * top[3] + below[i] * (1 - top[3]));
    const background = el => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
        }
        let colour = [255, 255, 255];
        for (const layer of layers.reverse()) colour = over(layer, colour);
        return colour;
    };
    const luminance = c => {
        const [r, g, b] = c.map(v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
    };
    const out = [];
    for (const [selector, kind] of selectors) {
        const el = Array.from(document.querySelectorAll(selector))
            .find(e => e.getClientRects().length > 0);
        if (!el) continue;
        const style = getComputedStyle(el);
        const bg = background(el);
        let fg;
        if (kind === 'bar') {
            // A bar drawn on the left, by a border or by a ::before.
            const before = getComputedStyle(el, '::before');
            const drawn = parseFloat(style.borderLeftWidth) >= 2
                ? style.borderLeftColor
                : before.content !== 'none' && parseFloat(before.width) >= 2
                    ? before.backgroundColor : null;
            if (!drawn) {
                out.push({selector, kind, ratio: 0, note: 'no bar on the left'});
                continue;
            }
            fg = parse(drawn);
        } else {
            fg = parse(style.color);
        }
        const shown = `rgb(${fg.slice(0, 3).map(Math.round).join(', ')})`;
        out.push({selector, kind, ratio: ratio(over(fg, bg), bg), note:
                  `${shown} on rgb(${bg.map(Math.round).join(', ')})`});
    }
    return out;
}
"""

# (selector, what is measured, minimum contrast): WCAG AA asks 4.5 for text
# and 3 for a graphical mark such as the any-order bar.
CONTRAST_RULES: list[tuple[str, str, float]] = [
    ("main p", "text", 4.5),
    (".mdbook-tab.active", "text", 4.5),
    (".mdbook-tab:not(.active)", "text", 4.5),
    ("p.example-file", "text", 4.5),
    ("p.example-file code", "text", 4.5),
    ("figure.example-output figcaption", "text", 4.5),
    ("figure.example-output p.output-note", "text", 4.5),
    ("figure.example-output pre code", "text", 4.5),
    (".any-order", "text", 4.5),
    (".any-order", "bar", 3.0),
    ("p.no-twin", "text", 4.5),
    ("p.compiler-says", "text", 4.5),
]


def check_contrast(page: Page, rel: str, theme: str) -> list[str]:
    """Text of the course's own elements (and the tabs) is readable on its
    background in the page's current theme."""
    measured = page.evaluate(_CONTRAST, [[s, k] for s, k, _ in CONTRAST_RULES])
    minimum = {(s, k): m for s, k, m in CONTRAST_RULES}
    return [
        f"{rel} ({theme} theme): {m['selector']} {m['kind']} contrast {m['ratio']:.2f} "
        f"< {minimum[(m['selector'], m['kind'])]} ({m['note']})"
        for m in measured
        if m["ratio"] < minimum[(m["selector"], m["kind"])]
    ]


def check_no_overflow(page: Page, rel: str, width: int) -> list[str]:
    """At this window width the page itself never scrolls sideways (a code
    block may, inside its own box)."""
    wide = page.evaluate(
        """() => {
            const doc = document.documentElement;
            if (doc.scrollWidth <= window.innerWidth) return null;
            const culprits = Array.from(document.querySelectorAll('main *'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => !e.closest('pre'))
                .slice(0, 3)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
            return {scroll: doc.scrollWidth, inner: window.innerWidth, culprits};
        }"""
    )
    if wide is None:
        return []
    return [
        f"{rel}: at {width} px wide the page scrolls sideways "
        f"(scrollWidth {wide['scroll']} > {wide['inner']}); wider than the window: "
        f"{', '.join(wide['culprits']) or 'nothing in main'}"
    ]


def set_theme(page: Page, theme: str) -> None:
    """Chooses a theme the way a reader does: the brush button, then the name."""
    picker = page.locator("#mdbook-theme-list")
    if not picker.is_visible():
        page.locator("#mdbook-theme-toggle").click()
    page.locator(f"#mdbook-theme-{theme}").click()
    page.wait_for_function(
        "theme => document.documentElement.classList.contains(theme)", arg=theme, timeout=WAIT_MS
    )
    page.keyboard.press("Escape")  # the picker stays open until then
    picker.wait_for(state="hidden", timeout=WAIT_MS)
    page.evaluate("() => document.activeElement?.blur()")  # no focus ring in screenshots


def blank_png(data: bytes) -> str | None:
    """Why a PNG looks blank, or None. Without an image library: a blank or
    near-blank screenshot compresses to a tiny file of few distinct bytes."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "not a PNG"
    if len(data) < 8_000:
        return f"only {len(data)} bytes"
    if len(set(data)) < 200:
        return f"only {len(set(data))} distinct byte values"
    return None
