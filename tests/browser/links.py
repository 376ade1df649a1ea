"""Check: no dead link, to a page or to an anchor.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from playwright.sync_api import (
    Page,
)
from session import Watch

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


