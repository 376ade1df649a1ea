"""Search: every word of the book's programs can be found.
"""

from __future__ import annotations

import re
from pathlib import Path

from common import EXAMPLES, SRC, WAIT_MS
from playwright.sync_api import (
    Page,
)
from shown_code import DIRECTIVE

# --- search ---------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+")
_MARKUP = re.compile(r"\{\{#[^}]*\}\}|<[^>]+>|\]\([^)]*\)")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(_MARKUP.sub(" ", text))}


def _included_files(md: str) -> list[Path]:
    """The example files a chapter shows: their words are on the page too."""
    files = []
    for kind, name, _ in DIRECTIVE.findall(md):
        folder = EXAMPLES / "compile_fail" if kind == "compile_fail" else EXAMPLES
        files += [folder / f"{name}{suffix}" for suffix in (".rs", ".py", ".stderr")]
    for name in re.findall(r"\{\{#output\s+(\w+)\s*\}\}", md):
        files.append(EXAMPLES / f"{name}.expected.toml")
    return [f for f in files if f.is_file()]


def words_only_in(folder: str) -> list[str]:
    """Words of the chapters under src/<folder>/ that no other chapter has,
    neither in its text nor in the programs it shows, best first. A word
    whose first four letters begin any word elsewhere is left out too, as
    search stems words (spawning, spawned, spawn; copying and copy share the
    stem "copi", so five letters are not enough)."""
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
    prefixes = {w[:4] for w in outside}
    # Titles from SUMMARY are in every page's sidebar, but search indexes
    # only the chapters' own text, so SUMMARY.md is not "elsewhere".
    found = [w for w in inside if len(w) >= 7 and w not in outside and w[:4] not in prefixes]
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


