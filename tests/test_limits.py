"""The time limits live in crates/course-kit/limits.toml; pytest's own
per-test limit in pyproject.toml (for a plain `pytest` run) must say the same."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import expect  # noqa: E402
import limits  # noqa: E402

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_pyproject_per_test_limit_is_the_table_s() -> None:
    ini = tomllib.loads(PYPROJECT.read_text())["tool"]["pytest"]["ini_options"]
    assert ini["timeout"] == limits.PYTEST_TEST_SECS, (
        "pyproject.toml's [tool.pytest.ini_options] timeout must equal "
        "[pytest] test in crates/course-kit/limits.toml"
    )


def test_every_limit_is_positive_and_an_example_run_fits_in_a_test() -> None:
    for section, values in limits.LIMITS.items():
        for key, value in values.items():
            assert isinstance(value, int) and value > 0, f"{section}.{key}"
    assert expect.DEFAULT_TIMEOUT_SECS == limits.EXAMPLE_RUN_SECS
    assert limits.EXAMPLE_RUN_SECS < limits.PYTEST_TEST_SECS
    assert limits.PYTEST_TEST_SECS <= limits.BROWSER_TEST_SECS
