"""The grading contract on assignment 00_what_is_crm, through the real commands.

generate (release + key) -> submissions -> autograde -> feedback, in a temporary copy of the
course; scores are asserted exactly. The visible checks are tested without grading.
"""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import pandas as pd
import pytest

from crmlab.checks import CheckFailed, for_assignment
from crmlab.checks import what_is_crm as checks_module
from tests.grading_helpers import (
    REPO,
    answer_values,
    assert_release_reproduced,
    crmlab,
    fill,
    make_course,
    question_results,
    release_notebook,
    scores,
    solution_answers,
    submit,
)

A = "00_what_is_crm"
AUTO_POINTS = 33.0
TOTAL_POINTS = 38

ROWS = {
    # the typical mistake: counting purchases (rows) where the question asks about customers
    "q1": "active_1998 = int((purchases['date'].dt.year == 1998).sum())",
    "q2": (
        "spend = purchases.groupby('customer_id')['amount'].sum()\n"
        "spend_per_customer = float(purchases['amount'].mean())"
    ),
    "q4": "one_day_share = float((purchases.groupby('customer_id').size() == 1).mean())",
    "q6": (
        "def customer_cards(purchases):\n"
        "    g = purchases.groupby('customer_id')\n"
        "    return pd.DataFrame({'purchases': g['date'].nunique(), 'spend': g['amount'].sum(),\n"
        "                         'first_purchase': g['date'].min(), 'last_purchase': g['date'].max(),\n"
        "                         'active_days': g['date'].nunique()})\n"
    ),
}
ROWS_SCORE = AUTO_POINTS - 1 - 1 - 1 - 3  # q1, q2, q4, q6 lost

ALTERNATIVES = {
    # keys the material also supports (accepted), and two wrong choices
    "q10": 'q10_answer = "ABC"',
    "q12": 'q12_answer = "d"',
    "q17": 'q17_answer = "D"',
    "q20": 'q20_answer = "ABCDE"',
}
ALTERNATIVES_SCORE = AUTO_POINTS - 1 - 1  # q17, q20 lost

grader = for_assignment(A)


def failure(question: str, answer) -> str:
    with pytest.raises(CheckFailed) as info:
        grader.check(question, answer)
    return str(info.value)


# ------------------------------------------------------------------------------------------
# visible checks (fast)


@pytest.mark.parametrize("question", sorted(grader.questions))
def test_blank_answer_reads_not_attempted(question):
    assert (
        failure(question, ...)
        == f"{question}: not attempted yet: replace the `...` with your answer."
    )


def test_every_graded_item_of_the_solution_has_checks():
    import nbformat

    nb = nbformat.read(REPO / "solutions" / A / f"{A}.ipynb", as_version=4)
    auto = {
        c.metadata["nbgrader"]["grade_id"]
        for c in nb.cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")
    }
    assert auto == set(grader.questions)


def test_checks_name_the_typical_mistakes():
    assert "number of purchases in 1998" in failure("q1", 1191)
    assert "whole number" in failure("q1", 0.2)
    assert "average purchase" in failure("q2", 35.2785)
    assert "not a percentage" in failure("q3", 67.4)
    assert "ranked single purchases" in failure("q3", 0.4811)
    assert "same day" in failure("q4", 0.5112)
    assert "count stores, not cities" in failure("q5", 0)
    assert "more than one purchase" in failure("q5", 542)
    assert "2024, the chapter's year" in failure("q5", 879)
    assert "single-choice" in failure("q7", "AB")
    assert "option letters A, B, C, D" in failure("q8", "E")
    assert "string of option letters" in failure("q16", ["A", "B"])


def test_function_question_checks():
    def cards(purchases, *, purchases_as_days=False, days_as_rows=False):
        g = purchases.groupby("customer_id")
        return pd.DataFrame(
            {
                "purchases": g["date"].nunique() if purchases_as_days else g.size(),
                "spend": g["amount"].sum(),
                "first_purchase": g["date"].min(),
                "last_purchase": g["date"].max(),
                "active_days": g.size() if days_as_rows else g["date"].nunique(),
            }
        )

    def mutates(purchases):
        purchases["amount"] = 0.0
        return cards(purchases)

    assert "two purchases on the same day are two purchases" in failure(
        "q6", lambda p: cards(p, purchases_as_days=True)
    )
    assert "one active day" in failure("q6", lambda p: cards(p, days_as_rows=True))
    assert "exactly the columns" in failure("q6", lambda p: cards(p).drop(columns="spend"))
    assert "indexed" not in failure("q6", lambda p: cards(p).reset_index())
    assert "raised an error" in failure("q6", mutates) or "changed the DataFrame" in failure(
        "q6", mutates
    )
    assert "pandas DataFrame" in failure("q6", lambda p: cards(p).to_dict())
    assert "Timestamps" in failure("q6", lambda p: cards(p).assign(last_purchase="x"))
    assert "not attempted" in failure("q6", lambda p: None)
    assert "define customer_cards" in failure("q6", "cards")
    grader.check("q6", cards)


def test_check_module_holds_no_answers():
    """No constant in the check module equals an answer of the key, or its letters as a set."""
    key = json.loads((REPO / "keys" / f"{A}.json").read_text())
    answers = {
        e["question"]: list(answer_values(e["value"]))
        for e in key["notebooks"][A]["cells"].values()
    }
    letter_sets = {frozenset(v for v in vals if isinstance(v, str)) for vals in answers.values()}
    strings = {v for vals in answers.values() for v in vals if isinstance(v, str) and len(v) > 1}
    numbers = {
        round(v, 6)
        for vals in answers.values()
        for v in vals
        if isinstance(v, (int, float)) and not isinstance(v, bool) and v not in (0, 1)
    }
    constants = [
        n.value
        for n in ast.walk(ast.parse(inspect.getsource(checks_module)))
        if isinstance(n, ast.Constant)
    ]
    for c in constants:
        if isinstance(c, str):
            assert c not in strings, c
            assert frozenset(c) not in letter_sets or len(c) < 2, c
        if isinstance(c, (int, float)) and not isinstance(c, bool):
            assert round(c, 6) not in numbers, c


# ------------------------------------------------------------------------------------------
# the round trip (slow)


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_course(tmp_path_factory.mktemp("grading"), [A])
    generated = crmlab(root, "generate", A)
    assert generated.returncode == 0, generated.stderr
    release = release_notebook(root, A)
    right = solution_answers(root, A)
    submit(root, A, "ace", fill(release, right))
    submit(root, A, "blank", release)
    submit(root, A, "rows", fill(release, {**right, **ROWS}))
    submit(root, A, "alternatives", fill(release, {**right, **ALTERNATIVES}))
    result = crmlab(root, "autograde", A)
    assert f"ace: {AUTO_POINTS:g} / {TOTAL_POINTS}" in result.stdout, result.stdout + result.stderr
    feedback = crmlab(root, "feedback", A)
    assert feedback.returncode == 0, feedback.stderr
    return root


@pytest.mark.slow
def test_generate_in_a_fresh_course_reproduces_the_committed_release_and_key(graded: Path):
    assert_release_reproduced(graded, A)


@pytest.mark.slow
def test_exact_scores(graded: Path):
    assert scores(graded, A) == {
        "ace": AUTO_POINTS,
        "blank": 0.0,
        "rows": ROWS_SCORE,
        "alternatives": ALTERNATIVES_SCORE,
    }


@pytest.mark.slow
def test_the_typical_mistake_fails_exactly_its_questions(graded: Path):
    rows = question_results(graded, A, "rows")
    assert {q for q, ok in rows.items() if not ok} == {"q1", "q2", "q4", "q6"}
    alternatives = question_results(graded, A, "alternatives")
    assert {q for q, ok in alternatives.items() if not ok} == {"q17", "q20"}


@pytest.mark.slow
def test_feedback_names_the_mistake_and_hides_the_tests(graded: Path):
    page = (graded / "feedback" / "rows" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {ROWS_SCORE:g} of {TOTAL_POINTS} points" in page
    assert "count each customer once" in page
    assert "written answer: to be graded by your instructor" in page
    for secret in (
        "BEGIN HIDDEN TESTS",
        "_hidden_inputs",
        "MARK SCHEME",
        "vnd.crmlab.report",
        "accept=",
        "Exam collection&#x27;s key",
        "Exam collection's key",
    ):
        assert secret not in page, secret
    ace = (graded / "feedback" / "ace" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {AUTO_POINTS:g} of {TOTAL_POINTS} points" in ace and "✗" not in ace
