"""A recorded run (examples/recorded/NAME.txt, written by tests/record_run.py)
shows real output on a page: each command's output must still match the
example's expectation, Rust's or its twin's, so that a page never shows a
run that the program could not print today."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from expect import diff, load, text_matches

ROOT = Path(__file__).resolve().parent.parent
RECORDED = sorted((ROOT / "examples" / "recorded").glob("*.txt"))


def sections(text: str) -> list[tuple[str, str]]:
    """The `$ command` lines and the output under each."""
    found: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif found:
            found[-1][1].append(line)
    return [(command, "\n".join(lines).strip("\n") + "\n") for command, lines in found]


@pytest.mark.parametrize("recorded", RECORDED, ids=lambda p: p.stem)
def test_recorded_output_matches_the_expectation(recorded: Path) -> None:
    name = recorded.stem
    expectation = ROOT / "examples" / f"{name}.expected.toml"
    assert expectation.exists(), f"{recorded}: no example {name} to have recorded"
    rust = tomllib.loads(expectation.read_text(encoding="utf-8"))["stdout"]
    python = load(expectation).for_python.stdout
    text = recorded.read_text(encoding="utf-8")
    assert text.startswith(f"# Recorded by `python3 tests/record_run.py {name}"), (
        f"{recorded}: write it with tests/record_run.py, which also records the machine"
    )
    runs = sections(text)
    assert runs, f"{recorded}: no `$ command` line"
    for command, output in runs:
        pattern = python if command.endswith(f"examples/{name}.py") else rust
        assert text_matches(pattern, output), (
            f"{recorded}: the output of `{command}` no longer matches "
            f"{expectation.name}:\n{diff(pattern, output)}"
        )
