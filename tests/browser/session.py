"""Browsing sessions: watching what a page does (requests, console errors),
loading a page cleanly, and touring every page once per width.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from common import CHROMIUM_ARGS, LAUNCH_MS, PAGE_LOAD_MS, WAIT_MS
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

# --- watching what a page does --------------------------------------------


@dataclass
class Watch:
    """Records what goes wrong in a browser context, naming page and URL.

    Every request to anything but the book's own server (another host, or
    another port) is recorded as a problem, once per page, so the tests fail
    on any attempt to reach the network. Chromium also refuses to look up any
    host name and to use a proxy (CHROMIUM_ARGS), so a request by name fails
    at once; one to a bare IP address is named but not stopped (this
    machine has no route out anyway). Watching, not routing: a Playwright
    route turns the browser's cache off and holds every request until Python
    answers, which doubled the time it takes to load a page.
    """

    base_url: str
    problems: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def install(self, context: BrowserContext) -> None:
        context.on("request", self._request)
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

    def _request(self, request: Request) -> None:
        url = request.url
        if self._local(url):
            return
        if url not in self.outside:
            self.outside.append(url)
        # _add keeps one line per page and URL.
        self._add(self._page_of(request), f"request outside the book: {url}")

    def _console(self, page: Page, msg: ConsoleMessage) -> None:
        # "Failed to load resource" repeats what _response and _request report,
        # with the URL, so only other errors are recorded here.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            where = msg.location.get("url", "")
            where = f" (at {self.name(where)}:{msg.location.get('lineNumber')})" if where else ""
            self._add(page.url, f"console error: {msg.text}{where}")

    def _request_failed(self, request: Request) -> None:
        if request.url in self.outside:
            return  # already recorded by _request
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
        response = page.goto(url, wait_until="load", timeout=PAGE_LOAD_MS)
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
    watch that records what goes wrong and names every outside request."""

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


def new_browsing(browser: Browser, base_url: str, viewport: dict[str, int]) -> Browsing:
    """A fresh context (its own localStorage) at that window size, watched."""
    context = browser.new_context(
        viewport=viewport,
        color_scheme="light",
        reduced_motion="reduce",
        service_workers="block",
        device_scale_factor=1,
    )
    context.set_default_timeout(WAIT_MS)
    watch = Watch(base_url)
    watch.install(context)
    return Browsing(context, context.new_page(), watch)


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

    @staticmethod
    def joined(parts: list[Tour]) -> Tour:
        """The tour made of consecutive parts, in their order."""
        tour = Tour([page for part in parts for page in part.pages])
        for part in parts:
            for name, found in part.problems.items():
                tour.problems.setdefault(name, []).extend(found)
                tour.looked_at.setdefault(name, []).extend(part.looked_at[name])
            tour.outside += part.outside
        return tour

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


# A tour's checks, made for the browsing session they look at.
MakeChecks = Callable[[Browsing], dict[str, Check]]


@dataclass
class Leg:
    """One part of a tour: these pages at this window size, in a Chromium of
    its own, on a thread of its own."""

    viewport: dict[str, int]
    pages: list[str]
    make_checks: MakeChecks


def run_legs(chromium: str, base_url: str, legs: list[Leg], timeout_s: float) -> list[Tour]:
    """Runs the legs at the same time and returns their tours, in order.

    Most of a page's time is spent waiting for the browser to answer, so
    several legs at once finish sooner than one after the other.
    Playwright's sync API is not thread-safe: each thread starts its own
    Playwright and its own Chromium. The threads are daemons, so a stuck leg
    cannot keep pytest from exiting; past `timeout_s` this raises, naming it.
    """
    results: list[Tour | BaseException | None] = [None] * len(legs)

    def walk(index: int, leg: Leg) -> None:
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium, args=CHROMIUM_ARGS, timeout=LAUNCH_MS
                )
                try:
                    browsing = new_browsing(browser, base_url, leg.viewport)
                    results[index] = run_tour(browsing, leg.pages, leg.make_checks(browsing))
                finally:
                    browser.close()
        except BaseException as error:  # reported by the caller, on its thread
            results[index] = error

    threads = [
        threading.Thread(target=walk, args=(i, leg), daemon=True, name=f"tour-{i}")
        for i, leg in enumerate(legs)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout_s
    for index, thread in enumerate(threads):
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            pages = len(legs[index].pages)
            raise TimeoutError(f"tour leg {index} ({pages} pages) took over {timeout_s} s")
    tours = []
    for index, result in enumerate(results):
        if not isinstance(result, Tour):
            raise RuntimeError(f"tour leg {index} broke down: {result!r}") from (
                result if isinstance(result, BaseException) else None
            )
        tours.append(result)
    return tours


def split(pages: list[str], parts: int) -> list[list[str]]:
    """The pages cut into `parts` consecutive runs of about equal length."""
    size = max(1, -(-len(pages) // parts))
    return [pages[i : i + size] for i in range(0, len(pages), size)]
