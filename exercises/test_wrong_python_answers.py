"""Proves that the Python tests of the exercises can fail: each known-wrong
Python answer, solutions/CHAPTER/wrong/NAME/KIND.py, is run against
exercises/CHAPTER/tests/test_NAME.py and must fail with the message that its
first lines declare (`# message: TEXT`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WRONG = sorted(ROOT.glob("solutions/*/wrong/*/*.py"))


def declared_message(answer: Path) -> str:
    for line in answer.read_text().splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# message:"):
            return line.removeprefix("# message:").strip()
    raise AssertionError(f"{answer.relative_to(ROOT)}: no `# message: TEXT` on its first lines")


@pytest.mark.parametrize("answer", WRONG, ids=[f"{p.parent.name}/{p.stem}" for p in WRONG])
def test_a_wrong_python_answer_fails_as_declared(answer: Path) -> None:
    chapter, name = answer.parent.parent.parent.name, answer.parent.name
    tests = ROOT / "exercises" / chapter / "tests" / f"test_{name}.py"
    assert tests.is_file(), f"{answer.relative_to(ROOT)}: no {tests.relative_to(ROOT)}"
    message = declared_message(answer)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", str(tests)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "EXERCISE_PY": str(answer)},
    )
    assert run.returncode == 1, f"the tests did not fail:\n{run.stdout}{run.stderr}"
    assert message in run.stdout, f"failed without {message!r}:\n{run.stdout}"
