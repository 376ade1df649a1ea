"""The async twins each carry their own copy of `PausedClock` (the end of the
file, from `class PausedClock` on), so that `python3 examples/NAME.py` runs
alone and the reader finds the whole program in one file (src/async/index.md
says so). This keeps the copies one: a fix made to one copy must be made to
all, or this fails naming the files that differ."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MARK = "\nclass PausedClock("


def clock_part(twin: Path) -> str:
    text = twin.read_text(encoding="utf-8")
    return text[text.index(MARK) :]


def test_every_copy_of_paused_clock_is_the_same() -> None:
    twins = sorted(p for p in EXAMPLES.glob("*.py") if MARK in p.read_text(encoding="utf-8"))
    assert len(twins) >= 2, f"expected several twins with PausedClock in {EXAMPLES}"
    reference = clock_part(twins[0])
    differ = [t.name for t in twins[1:] if clock_part(t) != reference]
    assert not differ, (
        f"PausedClock (from `class PausedClock` to the end of the file) differs from "
        f"{twins[0].name}'s in: {', '.join(differ)}; make every copy the same"
    )
