"""The "Check yourself" quizzes (mdbook-quiz) as a reader meets them: one
quiz answered with one question wrong and the others right (quizzes.py), at
1280 px in the light, rust, coal and ayu themes and at 390 px in navy: each
question in turn, the score, the explanation of the question missed,
readable text, no sideways scrolling, and, after a reload, the answers again
(kept in the browser's localStorage only, with no request outside the book).

The quiz is the first one of the book with at least two questions, found in
the built pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from common import DESKTOP, PHONE, pages_with, sidebar_pages
from looks import set_theme
from session import Browse

from quizzes import QUIZ, check_quiz, quiz_on


def first_quiz(book_dir: Path) -> str:
    for rel in pages_with(book_dir, QUIZ, sidebar_pages(book_dir)):
        if len(quiz_on(book_dir / rel)[1]) >= 2:
            return rel
    pytest.fail("no page of the book has a quiz of two questions or more")


@pytest.mark.parametrize(
    ("width", "theme"),
    [
        ("desktop", "light"),
        ("desktop", "rust"),
        ("desktop", "coal"),
        ("desktop", "ayu"),
        ("phone", "navy"),
    ],
)
def test_a_quiz_answered_one_wrong_shows_the_score_and_why(
    book_dir: Path, browse: Browse, width: str, theme: str
) -> None:
    rel = first_quiz(book_dir)
    viewport = DESKTOP if width == "desktop" else PHONE
    browsing = browse(viewport=viewport)
    browsing.visit(rel)
    set_theme(browsing.page, theme)
    problems = check_quiz(browsing, book_dir, rel, theme, viewport["width"])
    assert not problems, "\n".join(problems)
