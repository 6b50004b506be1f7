"""The grading contract end to end on assignment 08_loyalty_value, through the real commands.

generate (release + key) -> submissions -> autograde (nbgrader + key comparison) -> feedback,
in a temporary copy of the course. Scores are asserted exactly. The visible checks are tested
directly, including that the check module holds no answer of the key.
"""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import pandas as pd
import pytest

from crmlab.checks import CheckFailed, for_assignment
from crmlab.checks import loyalty_value as loyalty_checks
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

A = "08_loyalty_value"
AUTO_POINTS = 16.0
grader = for_assignment(A)


def _with(root: Path, changes: dict[str, str]) -> dict[str, str]:
    answers = solution_answers(root, A)
    answers.update(changes)
    return answers


ROWS_AND_T0 = {
    # the typical mistakes: repeat buyers counted by rows (two rows on one day look like two
    # purchases), and a lifetime value whose sum starts at t = 0
    "q1": "repeat_rate = float((cdnow.groupby('customer_id').size() >= 2).mean())",
    "q6": (
        "def lifetime_value(margin, retention, discount, periods):\n"
        "    return sum(margin * retention**t / (1 + discount) ** t for t in range(periods))\n"
    ),
}
ROWS_AND_T0_SCORE = AUTO_POINTS - 1 - 3

SWAPPED = {
    # the value matrix read with the axes swapped (iron for gold), price sensitivity not reversed,
    # and option B of S1-M1 taken for a loyalty measure
    "q5": "gold_current_total = float(business.loc[(business['current_value'] <= business['current_value'].median())"
    " & (business['future_value'] > business['future_value'].median()), 'current_value'].sum())",
    "q7": "loyalty = 100 * ((answers - 1) / 6).mean(axis=1)",
    "q9": 'q9_answer = "ABCD"',
    "q10": 'q10_answer = "dcba"',
}
SWAPPED_SCORE = AUTO_POINTS - 2 - 2 - 1


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_course(tmp_path_factory.mktemp("grading"), [A])
    generated = crmlab(root, "generate", A)
    assert generated.returncode == 0, generated.stderr
    release = release_notebook(root, A)
    submit(root, A, "ace", fill(release, solution_answers(root, A)))
    submit(root, A, "blank", release)
    submit(root, A, "rows", fill(release, _with(root, ROWS_AND_T0)))
    submit(root, A, "swapped", fill(release, _with(root, SWAPPED)))
    result = crmlab(root, "autograde", A)
    assert "ace: 16 / 21" in result.stdout, result.stdout + result.stderr
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
        "rows": ROWS_AND_T0_SCORE,
        "swapped": SWAPPED_SCORE,
    }


@pytest.mark.slow
def test_the_typical_mistakes_fail_exactly_their_questions(graded: Path):
    rows = question_results(graded, A, "rows")
    assert {q for q, ok in rows.items() if not ok} == {"q1", "q6"}
    swapped = question_results(graded, A, "swapped")
    assert {q for q, ok in swapped.items() if not ok} == {"q5", "q7", "q9"}


@pytest.mark.slow
def test_feedback_names_the_mistakes_and_hides_the_key(graded: Path):
    page = (graded / "feedback" / "rows" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {ROWS_AND_T0_SCORE:g} of 21 points" in page
    assert "Count distinct customer-days" in page
    assert "your sum starts at t = 0" in page
    assert "written answer: to be graded by your instructor" in page
    swapped = (graded / "feedback" / "swapped" / A / f"{A}.html").read_text(encoding="utf-8")
    assert (
        "those are the iron customers" in swapped
        and "did not turn price sensitivity around" in swapped
    )
    for secret in (
        "BEGIN HIDDEN TESTS",
        "_hidden_inputs",
        "MARK SCHEME",
        "vnd.crmlab.report",
        "The Exam collection gives no key",
    ):
        assert secret not in page and secret not in swapped, secret


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
    assert "fraction between 0 and 1" in failure("q1", 48.3)
    assert "one number" in failure("q3", "0.6")
    rfm = pd.DataFrame({"recency": [1], "frequency": [1], "monetary": [1.0]})
    assert "one row per customer" in failure("q2", rfm)
    assert "exactly the columns" in failure("q2", rfm.rename(columns={"monetary": "money"}))
    assert "pandas DataFrame" in failure("q2", {"recency": 1})
    assert "total is positive" in failure("q5", -3.0)
    assert "indexed by customer" in failure("q7", [50.0] * 4)
    assert "from 0 to 100" in failure(
        "q7", pd.Series([0.5, 0.4, 0.3, 0.2], index=["k1", "k2", "k3", "k4"])
    )
    assert "single-choice" in failure("q8", "AC")
    assert "option letters A, B, C, D, E" in failure("q10", "F")


def test_rfm_checks_name_the_recency_mistakes():
    ids = pd.Index([f"{i:05d}" for i in range(loyalty_checks.CUSTOMERS)], name="customer_id")
    table = pd.DataFrame({"recency": 10, "frequency": 1, "monetary": 1.0}, index=ids)
    assert "never negative" in failure("q2", table.assign(recency=-1))
    assert "not by position" in failure("q2", table.reset_index(drop=True))
    grader.check("q2", table)  # well formed


def _rfm_counted_to(end: pd.Timestamp, extra_days: int = 0) -> pd.DataFrame:
    """The q2 table of the real sample, with recency counted to ``end`` (plus ``extra_days``)."""
    from crmlab.datasets import load_cdnow

    by_customer = load_cdnow(sample=True).groupby("customer_id")
    return pd.DataFrame(
        {
            "recency": (end - by_customer["date"].max()).dt.days + extra_days,
            "frequency": by_customer.size(),
            "monetary": by_customer["amount"].sum(),
        }
    )


ONE_DAY_OFF = (
    "q2: your recencies are all one day off: count the days from the last purchase to 1998-06-30 "
    "(a purchase on 1998-06-30 has recency 0)."
)


@pytest.mark.parametrize(
    ("end", "extra_days"),
    [("1998-06-30", 1), ("1998-07-01", 0), ("1998-06-29", 0), ("1998-06-30", -1)],
    ids=["days-plus-one", "from-1998-07-01", "from-1998-06-29", "days-minus-one"],
)
def test_an_off_by_one_recency_is_named_as_such(end, extra_days):
    assert failure("q2", _rfm_counted_to(pd.Timestamp(end), extra_days)) == ONE_DAY_OFF


def test_recency_counted_to_today_is_told_not_from_today():
    today = failure("q2", _rfm_counted_to(pd.Timestamp.today()))
    assert today.endswith("measure it back from 1998-06-30, not from today.")
    grader.check("q2", _rfm_counted_to(pd.Timestamp("1998-06-30")))  # the chapter's definition


def test_recency_from_another_date_is_not_said_to_be_from_today():
    message = failure("q2", _rfm_counted_to(pd.Timestamp("1999-12-31")))
    assert "at most 545 days" in message and "today" not in message
    assert "one day off" not in message
    seconds = _rfm_counted_to(pd.Timestamp("1998-06-30"))
    seconds["recency"] = seconds["recency"] * 86_400  # seconds, not days
    assert "today" not in failure("q2", seconds)


def test_function_checks():
    assert "define lifetime_value" in failure("q6", 3)
    assert "returns None" in failure("q6", lambda m, r, d, t: None)
    assert "raised an error" in failure("q6", lambda m, r, d, t: 1 / 0)
    assert "periods = 0" in failure("q6", lambda m, r, d, t: m)

    def discount_one_period_late(m, r, d, t):
        return sum(m * r**k / (1 + d) ** (k - 1) for k in range(1, t + 1))

    assert "power t - 1" in failure("q6", discount_one_period_late)


def test_check_module_holds_no_answers():
    """No constant in the check module equals an answer of the key, or a set of its option letters."""
    key = json.loads((REPO / "keys" / f"{A}.json").read_text())
    cells = list(key["notebooks"][A]["cells"].values())
    choice = {
        frozenset(e["value"]["v"]) for e in cells if e.get("options", {}).get("kind") == "choice"
    }
    numbers = {
        round(v, 3)
        for e in cells
        if e["question"] != "q2"  # q2 is the data itself: recency and spend of every customer
        for v in key_values(e["value"])
        if isinstance(v, float) and v not in (0.0, 1.0)
    }
    constants = [
        n.value
        for n in ast.walk(ast.parse(inspect.getsource(loyalty_checks)))
        if isinstance(n, ast.Constant)
    ]
    for c in constants:
        if isinstance(c, float):
            assert round(c, 3) not in numbers, c
        if isinstance(c, str) and len(c) > 1 and set(c) <= set("ABCDE"):
            assert frozenset(c) not in choice, c
