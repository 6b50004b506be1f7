"""The grading contract end to end on the capstone project 09_capstone, through the real commands.

generate (release + key) -> submissions -> autograde (nbgrader + key comparison) -> feedback,
in a temporary copy of the course. Scores are asserted exactly: the computed tables are graded
automatically; the three written answers wait for the instructor's rubric.
"""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import pandas as pd
import pytest

from crmlab.checks import CheckFailed, for_assignment
from crmlab.checks import capstone as capstone_checks
from tests.grading_helpers import (
    REPO,
    assert_release_reproduced,
    crmlab,
    fill,
    key_values,
    make_course,
    question_results,
    release_notebook,
    scores,
    solution_answers,
    submit,
)

A = "09_capstone"
AUTO_POINTS = 15.0
grader = for_assignment(A)


def _with(root: Path, changes: dict[str, str]) -> dict[str, str]:
    answers = solution_answers(root, A)
    answers.update(changes)
    return answers


EARLY_RETENTION = {
    # the retention rate taken from H1 to H2, where the cohort's one-time buyers drop out: the
    # rate is wrong, and so are the CLVs built on it (q4, q5); the value-matrix counts are not,
    # because they only ask whether a customer's CLV is above the median (0)
    "q3": (
        "half = pd.cut(cdnow['date'], bins=pd.to_datetime(['1997-01-01', '1997-07-01', '1998-01-01', '1998-07-01']),\n"
        "              right=False, labels=['H1', 'H2', 'H3'])\n"
        "buyers = {h: set(cdnow.loc[half == h, 'customer_id']) for h in ['H1', 'H2', 'H3']}\n"
        "retention_rate = len(buyers['H1'] & buyers['H2']) / len(buyers['H1'])\n"
    ),
}
EARLY_RETENTION_SCORE = AUTO_POINTS - 2 - 2 - 2

RULES = {
    # ties scored together, the crossing ABC rule and the value matrix read with swapped axes
    "q1": (
        "rfm = crmlab.rfm_table(cdnow, 'customer_id', 'date', 'amount', observation_end=END)\n"
        "scores = crmlab.rfm_scores(rfm, ties='together')\n"
        "segment_table = scores.groupby('segment', observed=False).agg(customers=('monetary', 'size'),"
        " revenue=('monetary', 'sum'))\n"
        "scores = crmlab.rfm_scores(rfm)  # the later questions use the default scores\n"
    ),
    "q6": (
        "abc = crmlab.abc_classify(rfm.reset_index(), 'monetary', key='customer_id', rule='crossing')\n"
        "abc_counts = {str(k): int(v) for k, v in abc['abc_class'].value_counts().items()}\n"
    ),
    "q7": (
        "values = pd.DataFrame({'current': customer_clv, 'future': MARGIN * rfm['monetary']})\n"
        "matrix = crmlab.value_matrix(values, 'current', 'future')\n"
        "value_counts = {str(k): int(v) for k, v in matrix['value_class'].value_counts().items()}\n"
    ),
}
RULES_SCORE = AUTO_POINTS - 3 - 2 - 2


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_course(tmp_path_factory.mktemp("grading"), [A])
    generated = crmlab(root, "generate", A)
    assert generated.returncode == 0, generated.stderr
    release = release_notebook(root, A)
    submit(root, A, "ace", fill(release, solution_answers(root, A)))
    submit(root, A, "blank", release)
    submit(root, A, "early", fill(release, _with(root, EARLY_RETENTION)))
    submit(root, A, "rules", fill(release, _with(root, RULES)))
    result = crmlab(root, "autograde", A)
    assert "ace: 15 / 25" in result.stdout, result.stdout + result.stderr
    feedback = crmlab(root, "feedback", A)
    assert feedback.returncode == 0, feedback.stderr
    return root


@pytest.mark.slow
def test_generate_in_a_fresh_course_reproduces_the_committed_release_and_key(graded: Path):
    assert_release_reproduced(graded, A)


@pytest.mark.slow
def test_exact_scores(graded: Path):
    got = scores(graded, A)
    assert got == {
        "ace": AUTO_POINTS,
        "blank": 0.0,
        "early": EARLY_RETENTION_SCORE,
        "rules": RULES_SCORE,
    }


@pytest.mark.slow
def test_the_mistakes_fail_exactly_their_questions(graded: Path):
    early = question_results(graded, A, "early")
    assert {q for q, ok in early.items() if not ok} == {"q3", "q4", "q5"}
    rules = question_results(graded, A, "rules")
    assert {q for q, ok in rules.items() if not ok} == {"q1", "q6", "q7"}


@pytest.mark.slow
def test_feedback_names_the_mistakes_and_waits_for_the_rubric(graded: Path):
    early = (graded / "feedback" / "early" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {EARLY_RETENTION_SCORE:g} of 25 points" in early
    assert "the retention from H1 to H2" in early
    assert early.count("written answer: to be graded by your instructor") == 3
    rules = (graded / "feedback" / "rules" / A / f"{A}.html").read_text(encoding="utf-8")
    assert (
        "ties='together'" in rules
        and "crossing rule" in rules
        and "iron and gold are swapped" in rules
    )
    for secret in ("BEGIN HIDDEN TESTS", "MARK SCHEME", "vnd.crmlab.report", "Rubric (3 points"):
        assert secret not in early and secret not in rules, secret


# --- the visible checks, without the grader


def failure(question: str, answer) -> str:
    with pytest.raises(CheckFailed) as info:
        grader.check(question, answer)
    return str(info.value)


@pytest.mark.parametrize("question", sorted(grader.questions))
def test_blank_answer_reads_not_attempted(question):
    assert (
        failure(question, ...)
        == f"{question}: not attempted yet: replace the `...` with your answer."
    )


def test_format_rules():
    table = pd.DataFrame({"customers": [1], "revenue": [2.0]}, index=["champions"])
    assert "ten segment names" in failure("q1", table)
    assert "shares of the cohort" in failure("q2", pd.Series([100, 20, 10, 9, 8, 7]))
    assert "0 to 5" in failure("q2", pd.Series([1.0, 0.2]))
    assert "fraction between 0 and 1" in failure("q3", 54)
    assert "it is positive" in failure("q4", 0.0)
    assert "leave out the segments without customers" in failure(
        "q5", pd.Series([1.0, float("nan")], index=["champions", "promising"])
    )
    assert "exactly the keys" in failure("q6", {"A": 1, "B": 2})
    assert f"{capstone_checks.CUSTOMERS} customers" in failure(
        "q7", {"lead": 1, "iron": 1, "gold": 1, "platinum": 1}
    )


def test_check_module_holds_no_answers():
    """No number in the check module is a number of the key (the cohort size is data, not an answer)."""
    key = json.loads((REPO / "keys" / f"{A}.json").read_text())
    numbers = {
        round(float(v), 3)
        for e in key["notebooks"][A]["cells"].values()
        for v in key_values(e["value"])
        if isinstance(v, (int, float))
        and not isinstance(v, bool)
        and not (
            float(v).is_integer() and abs(v) < 10
        )  # small whole numbers: quarter labels, rounding digits
    }
    constants = [
        n.value
        for n in ast.walk(ast.parse(inspect.getsource(capstone_checks)))
        if isinstance(n, ast.Constant)
        and isinstance(n.value, (int, float))
        and not isinstance(n.value, bool)
    ]
    for c in constants:
        assert round(float(c), 3) not in numbers or c == capstone_checks.CUSTOMERS, c
