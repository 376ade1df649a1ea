"""The Python matcher decides every shared case as the Rust one must
(xtask runs the same cases), and rejects malformed expectation files."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import expect  # noqa: E402

CASES = tomllib.loads((Path(__file__).parent / "expect_cases.toml").read_text())["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_shared_case(case: dict) -> None:
    assert expect.text_matches(case["pattern"], case["actual"]) is case["matches"]


@pytest.mark.parametrize(
    "text",
    [
        'stdout = "[any order]\\na\\n"',
        'stdout = "[end]\\n"',
        'stdout = "a"\nunknown = 1',
        '[python]\nreason = "x"',
        'stdout = "a"\n[python]\nreason = ""\nstdout = "b"',
        "stdout = ",
    ],
)
def test_malformed_expectation_names_the_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "broken.expected.toml"
    path.write_text(text)
    with pytest.raises(expect.MalformedExpectation, match="broken.expected.toml"):
        expect.load(path)
