"""Finding one's way: the sidebar reaches every chapter of src/SUMMARY.md (at
desktop width, and at phone width through its toggle), print.html holds every
chapter, and search finds a word that only the Threads chapter uses.

The search word is computed, not hard-coded: the most frequent word of
src/threads/*.md (7+ letters) that no other chapter has, neither in its text
nor in the programs it shows; a test also proves it is absent from every other
built page, so a result outside threads/ would be a search bug.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from common import PHONE, WAIT_MS, first_h1, sidebar_pages, summary_chapters
from search import search, words_only_in
from session import Browse, Browsing

NUMBER = re.compile(r"^\d+(\.\d+)*\.\s*")


def sidebar_links(browsing: Browsing) -> dict[str, str]:
    """The sidebar as built by toc.js: page (relative to the book) -> title."""
    page = browsing.page
    page.locator("#mdbook-sidebar a[href]").first.wait_for(state="attached", timeout=WAIT_MS)
    links = page.eval_on_selector_all(
        "#mdbook-sidebar a[href]", "links => links.map(a => [a.href, a.innerText])"
    )
    return {
        browsing.watch.name(href.split("#")[0]): NUMBER.sub("", " ".join(text.split()))
        for href, text in links
    }


def test_sidebar_reaches_every_chapter(book_dir: Path, browsing: Browsing) -> None:
    chapters = summary_chapters()
    assert chapters, "src/SUMMARY.md lists no chapter"
    browsing.visit("index.html")
    assert browsing.page.locator("#mdbook-sidebar").is_visible(), "no sidebar at 1280 px"
    links = sidebar_links(browsing)
    missing = [
        f"{c.title} ({c.source} -> {c.page}): "
        + ("no link" if c.page not in links else f"link titled {links[c.page]!r}")
        for c in chapters
        if links.get(c.page) != c.title or not (book_dir / c.page).is_file()
    ]
    assert not missing, "the sidebar does not reach:\n" + "\n".join(missing)
    assert [c.page for c in chapters] == sidebar_pages(book_dir), "toc.html differs from SUMMARY"


def test_sidebar_works_at_phone_width(browse: Browse) -> None:
    browsing = browse(viewport=PHONE)
    page = browsing.page
    browsing.visit("index.html")
    sidebar = page.locator("#mdbook-sidebar")
    assert not sidebar.locator("a").first.is_visible(), "sidebar open over the page on a phone"
    page.locator("#mdbook-sidebar-toggle").click()
    last = summary_chapters()[-1]
    link = sidebar.locator(f'a[href$="{last.page}"]')
    link.click()
    page.wait_for_url(f"**/{last.page}", timeout=WAIT_MS)
    assert browsing.watch.take() == []


def test_print_page_holds_every_chapter(book_dir: Path, browsing: Browsing) -> None:
    browsing.visit("print.html")
    printed = [" ".join(t.split()) for t in browsing.page.locator("main h1").all_inner_texts()]
    missing, order = [], []
    for chapter in summary_chapters():
        title = first_h1(book_dir / chapter.page)
        if title is None or title not in printed:
            missing.append(f"{chapter.title} ({chapter.page}, heading {title!r})")
        else:
            order.append(printed.index(title))
    assert not missing, "print.html lacks:\n" + "\n".join(missing)
    assert order == sorted(order), "print.html has the chapters out of SUMMARY's order"


@pytest.fixture(scope="module")
def threads_word() -> str:
    words = words_only_in("threads")
    assert words, "no word of src/threads/ is absent from every other chapter"
    return words[0]


def test_search_word_is_only_in_threads(book_dir: Path, threads_word: str) -> None:
    word = re.compile(rf"\b{threads_word}\b", re.IGNORECASE)
    elsewhere = []
    for rel in sidebar_pages(book_dir):
        if not (book_dir / rel).is_file():
            continue  # the load test reports it
        text = (book_dir / rel).read_text(encoding="utf-8")
        main = text[text.find("<main>") : text.find("</main>")]
        if not rel.startswith("threads/") and word.search(main):
            elsewhere.append(rel)
    assert not elsewhere, f"{threads_word!r} is also on {elsewhere}"


def test_search_finds_a_threads_only_word(browsing: Browsing, threads_word: str) -> None:
    browsing.visit("index.html")
    results = search(browsing.page, threads_word)
    assert results, f"searching {threads_word!r} finds nothing"
    outside = [r for r in results if not r.startswith("threads/")]
    assert not outside, f"searching {threads_word!r} finds pages outside threads/: {outside}"
    assert browsing.watch.take() == []
