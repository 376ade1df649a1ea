"""The expectation format of examples/NAME.expected.toml, for the Python twins.

The same rules as xtask/src/expect.rs; tests/expect_cases.toml holds the cases
both implementations must decide the same way.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from limits import EXAMPLE_RUN_SECS

ANY_ORDER = "[any order]"
END = "[end]"
ELLIPSIS = "..."
WILDCARD = "[..]"
DEFAULT_TIMEOUT_SECS = EXAMPLE_RUN_SECS

TOP_KEYS = {"stdout", "stderr", "exit_code", "timeout_secs", "python"}
PYTHON_KEYS = {"reason", "twin", "stdout", "stderr", "exit_code"}


class MalformedExpectation(Exception):
    """An expectation file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Expected:
    stdout: str
    stderr: str
    exit_code: int
    timeout_secs: int


@dataclass(frozen=True)
class Expectation:
    path: Path
    has_twin: bool
    for_python: Expected


def load(path: Path) -> Expectation:
    """Reads an expectation; every problem names the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return _validated(path, data)
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise MalformedExpectation(f"{path}: malformed expectation: {error}") from error


def _validated(path: Path, data: dict) -> Expectation:
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise ValueError(f"unknown keys {sorted(unknown)}")
    if not isinstance(data.get("stdout"), str):
        raise ValueError("`stdout` (a string) is required")
    python = data.get("python", {})
    unknown = set(python) - PYTHON_KEYS
    if unknown:
        raise ValueError(f"unknown keys in [python]: {sorted(unknown)}")
    if python:
        if not str(python.get("reason", "")).strip():
            raise ValueError("[python] needs a `reason` saying why the twin differs")
        overrides = any(key in python for key in ("stdout", "stderr", "exit_code"))
        if not python.get("twin", True) and overrides:
            raise ValueError("[python] says `twin = false` but also gives expectations")
        if python.get("twin", True) and not overrides:
            raise ValueError("[python] overrides nothing: drop it or add `twin = false`")
    for key in ("stdout", "stderr"):
        _validate_markers(key, data.get(key, ""))
        _validate_markers(f"python.{key}", python.get(key, ""))
    expected = Expected(
        stdout=python.get("stdout", data["stdout"]),
        stderr=python.get("stderr", data.get("stderr", "")),
        exit_code=int(python.get("exit_code", data.get("exit_code", 0))),
        timeout_secs=int(data.get("timeout_secs", DEFAULT_TIMEOUT_SECS)),
    )
    return Expectation(path=path, has_twin=bool(python.get("twin", True)), for_python=expected)


def _validate_markers(key: str, text: str) -> None:
    open_at: int | None = None
    for line_no, line in enumerate(text.splitlines(), start=1):
        if line == ANY_ORDER:
            if open_at is not None:
                raise ValueError(f"{key} line {line_no}: `[any order]` inside an open block")
            open_at = line_no
        elif line == END:
            if open_at is None:
                raise ValueError(f"{key} line {line_no}: `[end]` without `[any order]`")
            open_at = None
        elif line == ELLIPSIS and open_at is not None:
            raise ValueError(f"{key} line {line_no}: `...` inside an `[any order]` block")
    if open_at is not None:
        raise ValueError(f"{key} line {open_at}: `[any order]` is never closed by `[end]`")


def line_matches(pattern: str, actual: str) -> bool:
    """Does one line match one pattern line (`[..]` = any text)?"""
    pieces = pattern.split(WILDCARD)
    if len(pieces) == 1:
        return pattern == actual
    first, last = pieces[0], pieces[-1]
    fits = len(actual) >= len(first) + len(last)
    if not (fits and actual.startswith(first) and actual.endswith(last)):
        return False
    rest = actual[len(first) : len(actual) - len(last)]
    for piece in pieces[1:-1]:
        at = rest.find(piece)
        if at < 0:
            return False
        rest = rest[at + len(piece) :]
    return True


def _items(pattern: str) -> list[tuple[str, object]]:
    items: list[tuple[str, object]] = []
    block: list[str] | None = None
    for line in pattern.splitlines():
        if line == ANY_ORDER:
            block = []
        elif line == END and block is not None:
            items.append(("block", block))
            block = None
        elif block is not None:
            block.append(line)
        elif line == ELLIPSIS:
            items.append(("any", None))
        else:
            items.append(("line", line))
    return items


def _match(items: list[tuple[str, object]], lines: list[str]) -> bool:
    if not items:
        return not lines
    (kind, value), rest = items[0], items[1:]
    if kind == "line":
        return bool(lines) and line_matches(str(value), lines[0]) and _match(rest, lines[1:])
    if kind == "any":
        return any(_match(rest, lines[skip:]) for skip in range(len(lines) + 1))
    patterns = list(value)  # type: ignore[call-overload]
    n = len(patterns)
    return len(lines) >= n and _block_matches(patterns, lines[:n]) and _match(rest, lines[n:])


THREAD_SEPARATOR = ": "


def thread_label(line: str) -> str | None:
    """The thread a line of an `[any order]` block says printed it: the text
    before its first `": "`, if not empty and without `[..]`."""
    label, found, _ = line.partition(THREAD_SEPARATOR)
    if not found or not label.strip() or WILDCARD in label:
        return None
    return label


def _block_matches(patterns: list[str], lines: list[str]) -> bool:
    """The block's lines as a multiset, and each thread's own lines in order."""
    return _multiset_matches(patterns, lines) and _threads_keep_their_order(patterns, lines)


def _threads_keep_their_order(patterns: list[str], lines: list[str]) -> bool:
    labels = {label for p in patterns if (label := thread_label(p)) is not None}
    for label in labels:
        wanted, printed = _lines_of(label, patterns), _lines_of(label, lines)
        if len(wanted) != len(printed):
            return False
        if not all(line_matches(p, line) for p, line in zip(wanted, printed, strict=True)):
            return False
    return True


def _lines_of(label: str, texts: list[str]) -> list[str]:
    """The texts whose label (before the first `": "`) is `label`, in order."""
    kept = []
    for text in texts:
        head, separator, _ = text.partition(THREAD_SEPARATOR)
        if separator and head == label:
            kept.append(text)
    return kept


def _multiset_matches(patterns: list[str], lines: list[str]) -> bool:
    unused = list(lines)
    exact = [p for p in patterns if WILDCARD not in p]
    wild = [p for p in patterns if WILDCARD in p]
    for pattern in exact + wild:
        at = next((i for i, line in enumerate(unused) if line_matches(pattern, line)), None)
        if at is None:
            return False
        unused.pop(at)
    return not unused


def text_matches(pattern: str, actual: str) -> bool:
    """Does the whole output match the pattern?"""
    return _match(_items(pattern), actual.splitlines())


def diff(expected: str, actual: str) -> str:
    """A unified diff of the expectation against the output."""
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile="expected",
        tofile="actual",
    )
    return "".join(lines)


def problems(expected: Expected, stdout: str, stderr: str, exit_code: int) -> list[str]:
    """Everything that differs between a run and its expectation."""
    found = []
    if exit_code != expected.exit_code:
        found.append(f"exit code: expected {expected.exit_code}, got {exit_code}")
    for stream, pattern, text in (
        ("stdout", expected.stdout, stdout),
        ("stderr", expected.stderr, stderr),
    ):
        if not text_matches(pattern, text):
            found.append(f"{stream} differs (- expected, + actual):\n{diff(pattern, text)}")
    return found
