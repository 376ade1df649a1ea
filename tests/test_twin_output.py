"""Checks that every Python twin in which more than one thread or process may
write to stdout writes whole lines with one `sys.stdout.write` call each.

Python's `print()` writes its text and its line ending as two separate writes,
so with unbuffered output (the twins run with PYTHONUNBUFFERED=1) another
thread can write in between and glue two messages on one line (see the last
section of src/threads/spawn-join.md). A twin is held to this rule when it
imports `threading`, `_thread`, `concurrent.futures`, `multiprocessing`,
`queue`, `socketserver` or `subprocess`, or uses `to_thread`,
`run_in_executor` or `os.fork`. A purely single-threaded asyncio twin has
one writer and may keep `print`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TWINS = sorted(EXAMPLES.glob("*.py"))
CONCURRENT_MODULES = {
    "threading",
    "_thread",
    "concurrent",
    "multiprocessing",
    "queue",
    "socketserver",
    "subprocess",
}
CONCURRENT_NAMES = {"to_thread", "run_in_executor", "fork"}


def starts_threads(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
            if any(alias.name in CONCURRENT_NAMES for alias in node.names):
                return True
        elif isinstance(node, ast.Attribute) and node.attr in CONCURRENT_NAMES:
            return True
        else:
            continue
        if any(module.split(".")[0] in CONCURRENT_MODULES for module in modules):
            return True
    return False


def print_lines(tree: ast.Module) -> list[int]:
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "print"
    )


def test_there_are_twins() -> None:
    assert TWINS, f"no Python twins found in {EXAMPLES}"


@pytest.mark.parametrize("twin", TWINS, ids=[t.stem for t in TWINS])
def test_threaded_twin_writes_whole_lines(twin: Path) -> None:
    tree = ast.parse(twin.read_text(encoding="utf-8"), filename=str(twin))
    if not starts_threads(tree):
        return
    lines = print_lines(tree)
    assert not lines, (
        f"examples/{twin.name} runs more than one thread or process but calls print() at "
        + ", ".join(f"examples/{twin.name}:{line}" for line in lines)
        + ": print() writes the text and the newline separately, so lines from two threads "
        'can glue together. Write each whole line with one sys.stdout.write(line + "\\n"), '
        "e.g. via a small say() helper as in examples/threads_spawn_join.py."
    )
