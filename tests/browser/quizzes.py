"""Check: a "Check yourself" quiz (mdbook-quiz) works as a reader meets it.

`check_quiz` answers the page's quiz with one question wrong and the others
right, and returns what a reader would not see: the quiz not starting, an
option missing, unreadable text, sideways scrolling, no score, no
explanation of the missed question, answers not kept in the browser. The
questions and answers are read from the page itself.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from common import PAGE_LOAD_MS, WAIT_MS
from looks import check_contrast, check_no_overflow
from playwright.sync_api import Error as PlaywrightError
from session import Browsing

QUIZ = 'class="quiz-placeholder"'
# What the reader reads in a quiz, and the contrast it needs (WCAG AA).
QUIZ_CONTRAST = [
    (".mdbook-quiz .prompt p", "text", 4.5),
    (".mdbook-quiz .choice label", "text", 4.5),
    (".mdbook-quiz header h3", "text", 4.5),
]
# The question answered with a distractor.
WRONG = 1


def quiz_on(path: Path) -> tuple[str, list[dict]]:
    """The quiz's name and questions, from the page's placeholder."""
    text = path.read_text(encoding="utf-8")
    name = re.search(r'data-quiz-name="([^"]*)"', text)
    questions = re.search(r'data-quiz-questions="([^"]*)"', text)
    assert name and questions, f"{path}: no quiz data"
    return json.loads(html.unescape(name.group(1))), json.loads(
        html.unescape(questions.group(1))
    )["questions"]


def plain(markdown: str) -> str:
    """Text as the reader sees it: no Markdown marks, spaces collapsed."""
    return " ".join(re.sub(r"[`*_]", "", markdown).split())


def answers(question: dict) -> list[str]:
    answer = question["answer"]["answer"]
    return answer if isinstance(answer, list) else [answer]


def check_quiz(
    browsing: Browsing, book_dir: Path, rel: str, theme: str, width: int
) -> list[str]:
    """Answers the quiz of `rel` (already open) in the page's current theme;
    returns what went wrong, one line each, naming the page."""
    name, questions = quiz_on(book_dir / rel)
    page = browsing.page
    quiz = page.locator(".mdbook-quiz")
    try:
        quiz.locator("button.start").click(timeout=WAIT_MS)
    except PlaywrightError:
        return [f"{rel}: the quiz did not appear (is mdbook-quiz's script loaded?)"]
    for index, question in enumerate(questions):
        counter = f"Question {index + 1} / {len(questions)}"
        try:
            quiz.locator("header .counter").filter(has_text=counter).wait_for(timeout=WAIT_MS)
        except PlaywrightError:
            return [f"{rel}: the quiz never showed {counter!r}"]
        pick = [question["prompt"]["distractors"][0]] if index == WRONG else answers(question)
        choices = quiz.locator('input[name="answer"]')
        values = [choices.nth(i).get_attribute("value") for i in range(choices.count())]
        if not set(pick) <= set(values):
            return [f"{rel}: question {index + 1} does not offer {pick}"]
        for i, value in enumerate(values):
            if value in pick:
                choices.nth(i).check()
        if index == 0:
            problems = check_contrast(page, rel, theme, QUIZ_CONTRAST)
            problems += check_no_overflow(page, rel, width)
            if problems:
                return problems
        quiz.locator('input[type="submit"]').click()

    score = f"You answered {len(questions) - 1}/{len(questions)} questions correctly"
    try:
        quiz.get_by_text(score).wait_for(timeout=WAIT_MS)
    except PlaywrightError:
        return [f"{rel}: no score {score!r} after answering"]
    # The reader asks for the right answers: the one they missed is explained.
    quiz.get_by_role("button", name="see the correct answers").first.click()
    problems = []
    if plain(questions[WRONG]["context"])[:60] not in plain(quiz.inner_text()):
        problems.append(f"{rel}: the explanation of question {WRONG + 1} is not shown")
    problems += check_no_overflow(page, rel, width)
    # Kept in this browser only: after a reload the review is still there.
    if not page.evaluate("key => localStorage.getItem(key)", f"mdbook-quiz:{name}"):
        problems.append(f"{rel}: the answers were not kept in localStorage")
    page.reload(wait_until="load", timeout=PAGE_LOAD_MS)
    try:
        page.locator(".mdbook-quiz").get_by_text(score).wait_for(timeout=WAIT_MS)
    except PlaywrightError:
        problems.append(f"{rel}: after a reload, the answers are gone")
    return problems + browsing.watch.take()
