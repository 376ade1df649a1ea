"""The "Check yourself" quizzes (mdbook-quiz) as a reader meets them: one
quiz answered with one question wrong and the others right, at 1280 px in
the light theme and at 390 px in navy. What the reader must see: each
question in turn, the score, the explanation of the question they got
wrong, readable text, no sideways scrolling, and, after a reload, their
answers again (kept in the browser's localStorage only, with no request
outside the book).

The quiz is the first one of the book with at least two questions, found in
the built pages; its questions and answers are read from the page itself.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from common import DESKTOP, PHONE, WAIT_MS, pages_with, sidebar_pages
from looks import check_contrast, check_no_overflow, set_theme
from session import Browse

QUIZ = 'class="quiz-placeholder"'
# What the reader reads in a quiz, and the contrast it needs (WCAG AA).
QUIZ_CONTRAST = [
    (".mdbook-quiz .prompt p", "text", 4.5),
    (".mdbook-quiz .choice label", "text", 4.5),
    (".mdbook-quiz header h3", "text", 4.5),
]


def quiz_on(path: Path) -> tuple[str, list[dict]]:
    """The quiz's name and questions, from the page's placeholder."""
    text = path.read_text(encoding="utf-8")
    name = re.search(r'data-quiz-name="([^"]*)"', text)
    questions = re.search(r'data-quiz-questions="([^"]*)"', text)
    assert name and questions, f"{path}: no quiz data"
    return json.loads(html.unescape(name.group(1))), json.loads(
        html.unescape(questions.group(1))
    )["questions"]


def first_quiz(book_dir: Path) -> tuple[str, str, list[dict]]:
    for rel in pages_with(book_dir, QUIZ, sidebar_pages(book_dir)):
        name, questions = quiz_on(book_dir / rel)
        if len(questions) >= 2:
            return rel, name, questions
    pytest.fail("no page of the book has a quiz of two questions or more")


def plain(markdown: str) -> str:
    """Text as the reader sees it: no Markdown marks, spaces collapsed."""
    return " ".join(re.sub(r"[`*_]", "", markdown).split())


def answers(question: dict) -> list[str]:
    answer = question["answer"]["answer"]
    return answer if isinstance(answer, list) else [answer]


@pytest.mark.parametrize(
    ("width", "theme"),
    [("desktop", "light"), ("desktop", "rust"), ("desktop", "coal"), ("desktop", "ayu"),
     ("phone", "navy")],
)
def test_a_quiz_answered_one_wrong_shows_the_score_and_why(
    book_dir: Path, browse: Browse, width: str, theme: str
) -> None:
    rel, name, questions = first_quiz(book_dir)
    viewport = DESKTOP if width == "desktop" else PHONE
    browsing = browse(viewport=viewport)
    page = browsing.page
    browsing.visit(rel)
    set_theme(page, theme)
    quiz = page.locator(".mdbook-quiz")
    quiz.locator("button.start").click()
    wrong = 1  # the second question is answered with a distractor
    for index, question in enumerate(questions):
        counter = quiz.locator("header .counter")
        counter.filter(has_text=f"Question {index + 1} / {len(questions)}").wait_for(
            timeout=WAIT_MS
        )
        pick = [question["prompt"]["distractors"][0]] if index == wrong else answers(question)
        choices = quiz.locator('input[name="answer"]')
        values = [choices.nth(i).get_attribute("value") for i in range(choices.count())]
        assert set(pick) <= set(values), f"{rel}: question {index + 1} lacks options {pick}"
        for i, value in enumerate(values):
            if value in pick:
                choices.nth(i).check()
        if index == 0:
            problems = check_contrast(page, rel, theme, QUIZ_CONTRAST)
            problems += check_no_overflow(page, rel, viewport["width"])
            assert not problems, "\n".join(problems)
        quiz.locator('input[type="submit"]').click()

    score = f"You answered {len(questions) - 1}/{len(questions)} questions correctly"
    quiz.get_by_text(score).wait_for(timeout=WAIT_MS)
    # The reader asks for the right answers: the one they missed is explained.
    quiz.get_by_role("button", name="see the correct answers").first.click()
    context = plain(questions[wrong]["context"])[:60]
    shown = plain(quiz.inner_text())
    assert context in shown, f"{rel}: the explanation of question {wrong + 1} is not shown"
    assert not check_no_overflow(page, rel, viewport["width"])

    # Kept in this browser only: after a reload the review is still there.
    stored = page.evaluate("key => localStorage.getItem(key)", f"mdbook-quiz:{name}")
    assert stored, f"{rel}: the answers were not kept in localStorage"
    page.reload(wait_until="load")
    page.locator(".mdbook-quiz").get_by_text(score).wait_for(timeout=WAIT_MS)
    assert not browsing.watch.take(), f"{rel}: {browsing.watch.problems}"
