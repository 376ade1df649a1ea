"""Proves that the Python tests of the exercises can fail: each known-wrong
Python answer, solutions/CHAPTER/wrong/NAME/KIND.py, is run against
exercises/CHAPTER/tests/test_NAME.py and must fail with the message that its
first lines declare (`# message: TEXT`)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
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


def command(answer: Path) -> tuple[list[str], dict[str, str]]:
    chapter, name = answer.parent.parent.parent.name, answer.parent.name
    tests = ROOT / "exercises" / chapter / "tests" / f"test_{name}.py"
    assert tests.is_file(), f"{answer.relative_to(ROOT)}: no {tests.relative_to(ROOT)}"
    argv = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", str(tests)]
    return argv, {**os.environ, "EXERCISE_PY": str(answer)}


# Runs at the same time, at most: most of a wrong answer's run is spent
# waiting (for a meeting point that never opens, or a timeout), so a few at
# once take about as long as the slowest; more would only load the machine.
AT_ONCE = 6


def run(answer: Path) -> subprocess.CompletedProcess[str]:
    argv, env = command(answer)
    return subprocess.run(
        argv,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def runs() -> Iterator[dict[Path, Future[subprocess.CompletedProcess[str]]]]:
    """Every wrong answer's run, started together, AT_ONCE at a time."""
    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        yield {answer: pool.submit(run, answer) for answer in WRONG}


@pytest.mark.parametrize("answer", WRONG, ids=[f"{p.parent.name}/{p.stem}" for p in WRONG])
def test_a_wrong_python_answer_fails_as_declared(
    answer: Path, runs: dict[Path, Future[subprocess.CompletedProcess[str]]]
) -> None:
    message = declared_message(answer)
    done = runs[answer].result()
    output = done.stdout + done.stderr
    assert done.returncode == 1, f"the tests did not fail:\n{output}"
    assert message in output, f"failed without {message!r}:\n{output}"
