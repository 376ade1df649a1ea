"""Check: the code shown on a page is the file on disk (anchors, hidden
lines, compile_fail programs and rustc's recorded error).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from common import REPO, SRC, first_difference, normal_text
from outputs import check_outputs
from playwright.sync_api import (
    Page,
)
from tabs import wait_all_tabs

# --- check: the code shown is the file on disk -----------------------------

_ANCHOR_START = re.compile(r"ANCHOR:\s*([\w-]+)")
_ANCHOR_END = re.compile(r"ANCHOR_END:\s*([\w-]+)")
DIRECTIVE = re.compile(
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
        for kind, name, anchor in DIRECTIVE.findall(md.read_text(encoding="utf-8")):
            key = f"compile_fail/{name}" if kind == "compile_fail" else name
            used.setdefault(key, set()).add(anchor or None)
    return used


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
    visible = normal_text(item["visible"])
    matches = [a for a, want in wanted.items() if visible == normal_text(want)]
    if not matches:
        anchor, want = sorted(wanted.items(), key=lambda kv: str(kv[0]))[0]
        part = f"the part between the ANCHOR {anchor} comments" if anchor else "the file"
        diff = first_difference(visible, normal_text(want))
        return [f"{where}: the code shown is not {part}: {diff}"]
    problems = []
    if shown_path.endswith(".rs") and matches[0] is not None:
        whole = normal_text(without_anchor_lines(text))
        revealed = item.get("revealed")
        if revealed is None and "revealed" in item:
            problems.append(f"{where}: the eye button does not reveal the hidden lines")
        elif revealed is None and visible != whole:
            problems.append(f"{where}: lines outside the anchor are neither shown nor hideable")
        elif revealed is not None and normal_text(revealed) != whole:
            diff = first_difference(normal_text(revealed), whole)
            problems.append(
                f"{where}: with hidden lines shown, the code is not the whole file: {diff}"
            )
    if "/compile_fail/" in shown_path:
        stderr = normal_text(file.with_suffix(".stderr").read_text(encoding="utf-8"))
        said = item.get("said")
        if said is None:
            problems.append(f"{where}: no compiler error shown after the program")
        elif normal_text(said) != stderr:
            diff = first_difference(normal_text(said), stderr)
            problems.append(f"{where}: the error shown is not the .stderr file: {diff}")
    return problems


