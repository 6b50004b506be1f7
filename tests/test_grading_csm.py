"""Assignment 06_csm: visible checks, and the grading contract end to end through the real commands.

generate (release + key) -> submissions -> autograde (nbgrader + key comparison) -> feedback, in a
temporary copy of the course. Scores are asserted exactly.
"""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import pandas as pd
import pytest

from crmlab.checks import CheckFailed, for_assignment
from crmlab.checks import csm as csm_checks
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

A = "06_csm"
AUTO_POINTS = 17.0
TOTAL_POINTS = 22
grader = for_assignment(A)

# Typical mistakes: weights matched by position, an unweighted pillar, each chosen level counted
# once, C = b/a read the other way round (also in the exam question).
MIXED_UP = {
    "q1": "in_sale = survey[survey['attribute'] == 'in-sale service']\n"
    "in_sale_satisfied = float(in_sale['level_zh'].isin(['较满意', '满意', '很满意']).mean())",
    "q2": "value_score = float(survey.loc[survey['attribute'] == 'value for money', 'level_zh'].map(DEFAULT_SCORES).mean())",
    "q3": "percent_scores = survey.assign(s=survey['level_zh'].map(PERCENT_SCORES)).groupby('attribute')['s'].mean()",
    "q4": "overall = float((percent_scores.to_numpy() * attributes['weight'].to_numpy()).sum())",
    "q5": "service_overall = float(percent_scores[['pre-sale service', 'in-sale service', 'after-sale service']].mean())",
    "q6": (
        "def scale_score(answers, scores):\n"
        "    levels = set(a for a in answers if isinstance(a, str))\n"
        "    return float(sum(scores[level] for level in levels) / len(levels))\n"
    ),
    "q7": "c = ratings['expected'] / ratings['perceived']\nsatisfied = set(c.index[c > 1])",
    "q8": 'q8_answer = "A"',
    "q9": 'q9_answer = "B"',
    "q10": 'q10_answer = "A"',
    "q11": 'q11_answer = "DCB"',
}
MIXED_UP_SCORE = 1 + 2 + 2 + 1 + 1 + 1  # q1, q2, q3, q9, q10, q11


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


def test_mistakes_are_named():
    assert "neutral" in failure("q1", 0.75)
    assert "not a count" in failure("q1", 156)
    assert "sign is reversed" in failure("q2", -0.236666667)
    assert "between -3 and +3" in failure("q2", 4.2)
    assert "English attribute names" in failure(
        "q3", pd.Series([50.0, 60.0], index=["功能", "质量"])
    )
    assert "another table" in failure(
        "q3",
        pd.Series(
            -1.0,
            index=[
                "function",
                "quality",
                "value for money",
                "appearance",
                "brand",
                "pre-sale service",
                "in-sale service",
                "after-sale service",
            ],
        ),
    )
    assert "unweighted mean" in failure("q4", 61.879166667)
    assert "by position" in failure("q4", 60.688333333)
    assert "unweighted mean of the three" in failure("q5", 55.377777778)
    assert "do not add up to 1" in failure("q5", 18.8225)
    assert "other way round" in failure("q7", {"Hu", "Yang"})
    assert "just met" in failure("q7", ["Gao", "Lin", "Xu", "Zheng"])
    assert "single-choice" in failure("q8", "AC")
    assert "option letters A, B, C, D" in failure("q11", "BCE")


def test_function_question_checks():
    def distinct_levels(answers, scores):
        levels = set(answers)
        return sum(scores[level] for level in levels) / len(levels)

    def mutates(answers, scores):
        answers.append("很满意")
        return 1.0

    def returns_series(answers, scores):
        return pd.Series(answers).map(scores)

    def broken(answers, scores):
        raise KeyError("oops")

    assert "each respondent counts once" in failure("q6", distinct_levels).lower()
    assert "changed the list or dict" in failure("q6", mutates)
    assert "as a number" in failure("q6", returns_series)
    assert "raised an error" in failure("q6", broken)
    assert "define scale_score" in failure("q6", 3.0)
    assert "not attempted" in failure("q6", lambda answers, scores: None)


PERCENT_SCORES = {
    "很满意": 100,
    "满意": 85,
    "较满意": 70,
    "一般": 50,
    "不太满意": 30,
    "不满意": 15,
    "很不满意": 0,
}
DEFAULT_SCORES = {
    "很满意": 3,
    "满意": 2,
    "较满意": 1,
    "一般": 0,
    "不太满意": -1,
    "不满意": -2,
    "很不满意": -3,
}


def test_missing_scores_are_named_not_given_a_range_message():
    from crmlab.datasets import load_csm_survey

    survey = load_csm_survey()
    # a score table that does not map the levels of one attribute: that attribute's mean is NaN
    unmapped = survey["level_zh"].map(PERCENT_SCORES).where(survey["attribute"] != "quality")
    scores = unmapped.groupby(survey["attribute"]).mean()
    assert scores.isna().sum() == 1
    message = failure("q3", scores)
    assert message == (
        "q3: some scores are NaN (missing): a level that your score table does not map, or an "
        "attribute without answers; check the levels you mapped."
    )
    assert "another table" in failure("q3", scores.fillna(150.0))  # the range rule still runs
    # the English levels mapped with the Chinese table: nothing matches, the mean is NaN
    value = survey.loc[survey["attribute"] == "value for money", "level"].map(DEFAULT_SCORES)
    assert failure("q2", float(value.mean())).startswith("q2: your score is NaN (missing): ")
    for question in ("q1", "q4", "q5"):
        assert failure(question, float("nan")).startswith(f"{question}: your number is NaN")


def test_a_well_formed_answer_passes_the_check(capsys):
    grader.check("q1", 0.3)
    grader.check("q7", {"Gao"})
    grader.check("q8", "d")
    grader.check("q11", "AB")
    assert "format OK" in capsys.readouterr().out


def test_check_module_holds_no_answers():
    """No constant in the check module equals an answer of the key, or its letters as a set."""
    key = json.loads((REPO / "keys" / f"{A}.json").read_text())
    answers = {
        e["question"]: list(key_values(e["value"])) for e in key["notebooks"][A]["cells"].values()
    }
    letter_sets = {frozenset(v for v in vals if isinstance(v, str)) for vals in answers.values()}
    strings = {v for vals in answers.values() for v in vals if isinstance(v, str) and len(v) > 1}
    numbers = {
        v for vals in answers.values() for v in vals if isinstance(v, float) and v not in (0.0, 1.0)
    }
    source = inspect.getsource(csm_checks)
    constants = [n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant)]
    for c in constants:
        if isinstance(c, str):
            assert c not in strings, c
            assert frozenset(c) not in letter_sets or len(c) < 2, c
        if isinstance(c, float):
            assert c not in numbers, c


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
    submit(root, A, "mixed_up", fill(release, MIXED_UP))
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
        "mixed_up": float(MIXED_UP_SCORE),
    }


@pytest.mark.slow
def test_the_typical_mistakes_fail_exactly_their_questions(graded: Path):
    results = question_results(graded, A, "mixed_up")
    assert {q for q, ok in results.items() if not ok} == {"q4", "q5", "q6", "q7", "q8"}


@pytest.mark.slow
def test_feedback_shows_results_and_messages_but_nothing_hidden(graded: Path):
    page = (graded / "feedback" / "mixed_up" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {MIXED_UP_SCORE} of {TOTAL_POINTS} points" in page
    assert "written answer: to be graded by your instructor" in page
    assert "Align them by attribute" in page  # the visible check named the mistake
    for secret in (
        "BEGIN HIDDEN TESTS",
        "_hidden_surveys",
        "means-end",
        "report(&quot;q",
        'report("q',
        "vnd.crmlab.report",
        "MARK SCHEME",
    ):
        assert secret not in page, secret
    ace = (graded / "feedback" / "ace" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {AUTO_POINTS:g} of {TOTAL_POINTS} points" in ace and "✗" not in ace
