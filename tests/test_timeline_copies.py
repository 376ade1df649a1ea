"""The twins that record a timeline each carry their own copy of the
`Timeline` class (between `# ANCHOR: trace` and `# ANCHOR_END: trace`), so
that `python3 examples/NAME.py` runs alone. This keeps the copies one: a fix
made to one copy must be made to all, or this fails naming the files that
differ (src/measuring/timelines.md shows the copy of threads_timeline.py)."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
START = "# ANCHOR: trace\n"
END = "# ANCHOR_END: trace\n"


def trace_part(twin: Path) -> str:
    text = twin.read_text(encoding="utf-8")
    return text[text.index(START) : text.index(END)]


def test_every_copy_of_timeline_is_the_same() -> None:
    twins = sorted(p for p in EXAMPLES.glob("*.py") if START in p.read_text(encoding="utf-8"))
    assert twins, f"expected twins with a Timeline in {EXAMPLES}"
    reference_twin = EXAMPLES / "threads_timeline.py"
    assert reference_twin in twins, "threads_timeline.py, whose copy the book shows, has none"
    reference = trace_part(reference_twin)
    differ = [t.name for t in twins if trace_part(t) != reference]
    assert not differ, (
        f"the Timeline class (between the trace anchors) differs from "
        f"threads_timeline.py's in: {', '.join(differ)}; make every copy the same"
    )
