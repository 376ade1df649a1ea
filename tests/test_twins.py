"""Runs every Python twin in examples/ and checks it against the expectation
its Rust example is checked against. Twins are found from the files, so a new
one is tested without touching this file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import expect  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TWINS = sorted(EXAMPLES.glob("*.py"))


def test_there_are_twins() -> None:
    assert TWINS, f"no Python twins found in {EXAMPLES}"


@pytest.mark.parametrize("twin", TWINS, ids=[t.stem for t in TWINS])
def test_twin_matches_its_rust_example(twin: Path) -> None:
    rust = twin.with_suffix(".rs")
    assert rust.exists(), f"{twin}: a Python twin without {rust.name}"
    expectation_path = EXAMPLES / f"{twin.stem}.expected.toml"
    assert expectation_path.exists(), f"{twin}: no {expectation_path.name}"
    expectation = expect.load(expectation_path)
    assert expectation.has_twin, f"{expectation_path}: says `twin = false`, but {twin} exists"
    expected = expectation.for_python
    try:
        run = subprocess.run(
            [sys.executable, str(twin)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=expected.timeout_secs,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(
            f"Python twin {twin.stem} ({twin.relative_to(ROOT)}) timed out after "
            f"{expected.timeout_secs} s and was killed (a hang or a deadlock?)\n"
            f"stdout so far:\n{timeout.stdout!r}"
        )
    found = expect.problems(expected, run.stdout, run.stderr, run.returncode)
    assert not found, (
        f"Python twin {twin.stem} does not match {expectation_path.relative_to(ROOT)}:\n"
        + "\n".join(found)
    )
