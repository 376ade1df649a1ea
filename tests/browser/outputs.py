"""Check: the recorded outputs shown are the expectation files, rendered as
xtask/src/preprocess.rs renders them.
"""

from __future__ import annotations

import re
import tomllib

from common import EXAMPLES, first_difference, normal_text
from playwright.sync_api import (
    Page,
)


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
        # Under the Python tab too: where the twin prints the same, the
        # caption names its command beside `cargo run`.
        twin = EXAMPLES / f"{name}.py"
        if twin.is_file() and "python" not in expected:
            command = f"python3 examples/{name}.py"
            if command not in figure["caption"]:
                problems.append(
                    f"{where}: the caption names only `cargo run`, not `{command}`, though "
                    "the Python twin prints the same: under the Python tab it would be wrong"
                )
        streams = [expected.get("stdout", "")]
        if expected.get("stderr"):
            streams.append(expected["stderr"])
        if len(figure["blocks"]) != len(streams):
            problems.append(
                f"{where}: {len(figure['blocks'])} blocks shown, expected {len(streams)}"
            )
            continue
        for shown, stream in zip(figure["blocks"], streams, strict=True):
            if normal_text(shown) != normal_text(render_expected(stream)):
                diff = first_difference(normal_text(shown), normal_text(render_expected(stream)))
                problems.append(f"{where}: not the recorded output: {diff}")
        for bar in figure["bars"]:
            if bar["drawn"] == bar["drawn"] and abs(bar["drawn"] - bar["lines"]) > 0.1:
                problems.append(
                    f"{where}: the any-order bar spans {bar['drawn']:.1f} lines, "
                    f"the block has {bar['lines']}: it marks lines whose order is fixed"
                )
        blocks = [b for s in streams for b in any_order_blocks(s)]
        rendered = [normal_text(render_expected(b)) for b in blocks]
        if [normal_text(b) for b in figure["anyOrder"]] != rendered:
            problems.append(
                f"{where}: the lines marked 'any order' are {figure['anyOrder']!r}, "
                f"the expectation has {blocks!r}"
            )
    return problems


