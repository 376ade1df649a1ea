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
