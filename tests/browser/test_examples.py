"""The programs and outputs a reader sees are the files on disk.

Which example a page shows is read from the page itself: each program has an
`example-file` line naming `examples/NAME.rs` (or `.py`, or
`examples/compile_fail/NAME.rs`). Its code is read as the reader sees it
(`innerText`, with its tab brought to the front) and compared with the file:

- visible text == the lines between the `ANCHOR: x` / `ANCHOR_END: x`
  comments, for an anchor x the chapters use with that example (mdBook's
  rustdoc_include hides the rest of a Rust file as "boring" lines);
- for Rust, after clicking the eye button that reveals hidden lines, the text
  == the whole file minus its anchor comments.

Comparing both ways, through the page's own button, needs no knowledge of
mdBook's markup and catches a wrong anchor, a stale build, a mangled line and
lines that should be hidden but are not. A compile_fail program's error must
be its `.stderr` file, and each output figure its expectation's stdout/stderr
with one `.any-order` bar per `[any order]` block.
"""

from __future__ import annotations

from pathlib import Path

from common import pages_with, sidebar_pages
from outputs import render_expected
from session import Tour
from shown_code import anchored, without_anchor_lines


def test_code_and_output_shown_are_the_files(book_dir: Path, desktop_tour: Tour) -> None:
    pages = sidebar_pages(book_dir)
    with_code = pages_with(book_dir, 'class="example-file"', pages)
    assert with_code, "no page shows an example: nothing would be checked"
    assert set(with_code) <= set(desktop_tour.looked_at["examples"])
    assert not desktop_tour.problems["examples"], desktop_tour.report("examples")


def test_anchor_rules_are_mdbooks() -> None:
    """The expected text follows mdBook's take_anchored_lines: other anchors'
    comment lines inside the part are dropped, the part ends at its own end."""
    text = "a\n// ANCHOR: main\nb\n// ANCHOR: inner\nc\n// ANCHOR_END: inner\nd\n"
    text += "// ANCHOR_END: main\ne\n"
    assert anchored(text, "main") == "b\nc\nd"
    assert anchored(text, "inner") == "c"
    assert anchored(text, "missing") == ""
    assert without_anchor_lines(text) == "a\nb\nc\nd\ne"


def test_output_rendering_follows_the_preprocessor() -> None:
    stdout = "start\n[any order]\nx [..]\ny\n[end]\n...\nend\n"
    assert render_expected(stdout) == "start\nx …\ny\n⋮\nend"
