"""The tooling's time limits, read from crates/course-kit/limits.toml: the one
table that `cargo xtask`, `cargo grade` and these Python tests share."""

from __future__ import annotations

import tomllib
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "crates" / "course-kit" / "limits.toml"
LIMITS: dict[str, dict[str, int]] = tomllib.loads(TABLE.read_text(encoding="utf-8"))

# One run of an example or its twin, unless its expectation says otherwise (s).
EXAMPLE_RUN_SECS = LIMITS["examples"]["run"]
# One pytest test (pytest-timeout), in seconds.
PYTEST_TEST_SECS = LIMITS["pytest"]["test"]
# One browser test, tours of the whole book included (tests/browser/conftest.py).
BROWSER_TEST_SECS = LIMITS["pytest"]["browser_test"]
# Browser waits, in milliseconds.
BROWSER_WAIT_MS = LIMITS["browser"]["wait_ms"]
BROWSER_TAB_WAIT_MS = LIMITS["browser"]["tab_wait_ms"]
BROWSER_LAUNCH_MS = LIMITS["browser"]["launch_ms"]
BROWSER_PAGE_LOAD_MS = LIMITS["browser"]["page_load_ms"]
