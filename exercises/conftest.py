"""The Python version of every exercise: `exercises/CHAPTER/tests/test_NAME.py`
tests `solutions/CHAPTER/NAME.py` through the `solution` fixture, which loads
that file by its path. `EXERCISE_PY=FILE` loads FILE instead (a known-wrong
answer: see test_wrong_python_answers.py)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The tests' helpers (`from exercise_support import Rendezvous`).
sys.path.insert(0, str(ROOT / "exercises" / "support"))


def solution_file(test_file: Path) -> Path:
    """exercises/CHAPTER/tests/test_NAME.py -> solutions/CHAPTER/NAME.py"""
    chapter = test_file.parent.parent.name
    name = test_file.stem.removeprefix("test_")
    return ROOT / "solutions" / chapter / f"{name}.py"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader, f"cannot load {path}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def solution(request: pytest.FixtureRequest) -> ModuleType:
    """The Python solution that this test file tests."""
    override = os.environ.get("EXERCISE_PY")
    return load(Path(override) if override else solution_file(Path(request.path)))
