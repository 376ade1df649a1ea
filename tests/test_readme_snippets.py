"""The expectation snippets in examples/README.md are copies of real files.

A snippet that opens with `# examples/NAME.expected.toml` (or `# from ...`) must
agree with that file on every key it sets, so the README cannot drift from them.
"""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "examples" / "README.md"
SNIPPET = re.compile(r"```toml\n# (?:from )?(examples/\S+\.expected\.toml)\n(.*?)```", re.S)


def snippets() -> list[tuple[str, str]]:
    return SNIPPET.findall(README.read_text(encoding="utf-8"))


def shown_part(body: str) -> str:
    # The first snippet goes on to document optional keys in comments and a
    # made-up [python] table; only what comes before that is a copy.
    return body.split("# Optional keys")[0]


def test_readme_has_snippets_to_check() -> None:
    assert len(snippets()) >= 2, f"{README}: expected expectation snippets to check"


def test_each_snippet_matches_its_file() -> None:
    for path, body in snippets():
        shown = tomllib.loads(shown_part(body))
        real = tomllib.loads((ROOT / path).read_text(encoding="utf-8"))
        for key, value in shown.items():
            assert real.get(key) == value, (
                f"{README.relative_to(ROOT)}: its snippet of {path} shows a `{key}` "
                f"that the file does not have:\n{value}\n--- the file has ---\n{real.get(key)}"
            )


# exercises/README.md shows a real verdict of the grader on a hung answer: the
# one recorded beside that answer, which `cargo grade verify` keeps current.
EXERCISES_README = ROOT / "exercises" / "README.md"
SHOWN_VERDICT = ROOT / "solutions/shared/wrong/shared_bank_transfer/naive_lock_order.verdict"


def test_exercises_readme_shows_the_recorded_verdict() -> None:
    recorded = SHOWN_VERDICT.read_text(encoding="utf-8").rstrip("\n")
    readme = EXERCISES_README.read_text(encoding="utf-8")
    assert f"```text\n{recorded}\n```" in readme, (
        f"{EXERCISES_README.relative_to(ROOT)}: its example of a hung answer's verdict is not "
        f"{SHOWN_VERDICT.relative_to(ROOT)}; copy the file's text into the README"
    )
