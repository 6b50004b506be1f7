"""The grading contract on assignment 01_retention_economics, through the real commands.

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
from crmlab.checks import retention_economics as checks_module
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

A = "01_retention_economics"
AUTO_POINTS = 15.0
TOTAL_POINTS = 18

PERCENT = {
    # the typical mistake: percentages used as if they were fractions (and the reverse)
    "q2": "payback_years = float(cost_per_customer.min() / (1_500 * 12))",
    "q3": "yearly_replacement_spend = float(figures.loc['acquisition_cost', 'value'] "
    "* figures.loc['yearly_churn', 'value'] * 2_500_000)",
    "q5": "retention_effect = 100 * ((0.80 / (1.12 - 0.80)) / (0.75 / (1.12 - 0.75)) - 1)",
}
PERCENT_SCORE = AUTO_POINTS - 1 - 2 - 2  # q2, q3, q5 lost

FORMULA = {
    # lifetime value without the retention in the numerator, and retention over the wrong base
    "q4": (
        "y = transactions[transactions['date'].dt.year == 2024]\n"
        "h1 = set(y.loc[y['date'].dt.month <= 6, 'customer_id'])\n"
        "h2 = set(y.loc[y['date'].dt.month >= 7, 'customer_id'])\n"
        "half_year_retention = len(h1 & h2) / len(h2)"
    ),
    "q7": (
        "def customer_clv(customers, discount, periods=None):\n"
        "    m, r = customers['margin'], customers['retention']\n"
        "    if periods is None:\n"
        "        return m / (1 + discount - r)\n"
        "    q = r / (1 + discount)\n"
        "    return m * sum(q**t for t in range(periods)) if periods else m * 0.0\n"
    ),
}
FORMULA_SCORE = AUTO_POINTS - 1 - 3  # q4, q7 lost

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


def test_checks_name_the_typical_mistakes():
    costs = pd.Series({"radio": 500.0, "leaflets": 300.0, "online": 600.0})
    assert "spend / customers won" in failure("q1", 1 / costs)
    assert "0.12, not 12" in failure("q2", 300 / (1500 * 12))
    assert "divide it by 100" in failure("q3", 350 * 40 * 2_500_000.0)
    assert "not a percentage" in failure("q4", 78.7)
    assert "first half's customers" in failure("q4", 901 / 1534)
    assert "not a percentage" in failure("q5", 23.3333)
    assert "m r, not m" in failure("q5", (1 / 0.32) / (1 / 0.37) - 1)
    assert "75% to 80%" in failure("q5", (0.7875 / (1.12 - 0.7875)) / (0.75 / 0.37) - 1)
    quality = pd.Series({"poor": 0.26 / 0.15, "medium": 0.10 / 0.21, "high": 0.01 / 0.31})
    assert "droppers by the adders" in failure("q6", quality)
    assert "exactly 50% is not below" in failure("q8", ["W1", "W3", "W4", "W5"])
    assert "W1 to W6" in failure("q8", ["W9"])
    assert "list, set or tuple" in failure("q8", "W1 W4")
    assert "single" not in failure("q9", "F") and "option letters" in failure("q9", "F")


def test_function_question_checks():
    def no_retention(customers, discount, periods=None):
        if periods == 0:
            return customers["margin"] * 0.0
        return customers["margin"] / (1 + discount - customers["retention"])

    def returns_list(customers, discount, periods=None):
        return [0.0] * len(customers)

    def mutates(customers, discount, periods=None):
        customers["margin"] = 0.0
        return customers["margin"]

    def broken(customers, discount, periods=None):
        raise KeyError("oops")

    assert "m r / (1 + d - r)" in failure("q7", no_retention)
    assert "pandas Series" in failure("q7", returns_list)
    assert "changed the DataFrame" in failure("q7", mutates)
    assert "raised an error" in failure("q7", broken)
    assert "define customer_clv" in failure("q7", 3)
    assert "not attempted" in failure("q7", lambda customers, discount, periods=None: None)


def test_a_well_formed_answer_passes_the_check(capsys):
    grader.check("q2", 1.0)
    grader.check("q8", {"W2"})
    grader.check("q10", "ae")
    assert "format OK" in capsys.readouterr().out


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
    submit(root, A, "ace", fill(release, solution_answers(root, A)))
    submit(root, A, "blank", release)
    right = solution_answers(root, A)
    submit(root, A, "percent", fill(release, {**right, **PERCENT}))
    submit(root, A, "formula", fill(release, {**right, **FORMULA}))
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
        "percent": PERCENT_SCORE,
        "formula": FORMULA_SCORE,
    }


@pytest.mark.slow
def test_the_typical_mistakes_fail_exactly_their_questions(graded: Path):
    percent = question_results(graded, A, "percent")
    assert {q for q, ok in percent.items() if not ok} == {"q2", "q3", "q5"}
    formula = question_results(graded, A, "formula")
    assert {q for q, ok in formula.items() if not ok} == {"q4", "q7"}


@pytest.mark.slow
def test_feedback_names_the_mistake_and_hides_the_tests(graded: Path):
    page = (graded / "feedback" / "percent" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {PERCENT_SCORE:g} of {TOTAL_POINTS} points" in page
    assert "divide it by 100" in page
    assert "written answer: to be graded by your instructor" in page
    for secret in (
        "BEGIN HIDDEN TESTS",
        "_hidden_inputs",
        "MARK SCHEME",
        "vnd.crmlab.report",
        "&quot;solo&quot;",
        '"solo"',
    ):
        assert secret not in page, secret
    ace = (graded / "feedback" / "ace" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {AUTO_POINTS:g} of {TOTAL_POINTS} points" in ace and "✗" not in ace
