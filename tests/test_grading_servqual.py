"""The grading contract end to end on assignment 07_servqual, through the real commands.

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
from crmlab.checks import servqual as servqual_checks
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

A = "07_servqual"
AUTO_POINTS = 14.0
grader = for_assignment(A)

SPLIT = (
    "questions = list(items['item'])\n"
    "perceptions = survey[survey['kind'] == 'perception'].set_index('respondent_id')[questions]\n"
    "expectations = survey[survey['kind'] == 'expectation'].set_index('respondent_id')[questions]\n"
    "gap = perceptions - expectations\n"
)
ITEM_MEAN = {
    # the typical mistake: the overall gap as the mean over the 22 items (dimensions with five
    # items weigh more), and a gap function that pairs the columns of the two frames by position
    "q1": SPLIT + "q19_gap = float(gap['q19'].mean())",
    "q2": "m = gap.mean()\nbig_shortfalls = list(m[m < -1].index)",
    "q3": "dims = items.set_index('item')['dimension'].astype(str)\nautumn = gap.index > 'R0125'\n"
    "autumn_gaps = gap[autumn].mean().groupby(dims).mean()",
    "q4": "autumn_overall = float(gap[autumn].to_numpy().mean())",
    "q5": "w = pd.Series(importance)\nautumn_weighted = float((autumn_gaps[w.index] * w).sum() / w.sum())",
    "q6": "overall_change = autumn_overall - float(gap[~autumn].to_numpy().mean())",
    "q7": (
        "def dimension_gaps(perceptions, expectations, dimension_of):\n"
        "    diff = pd.DataFrame(perceptions.to_numpy() - expectations.to_numpy(), columns=perceptions.columns)\n"
        "    return diff[list(dimension_of)].mean().groupby(pd.Series(dimension_of)).mean()\n"
    ),
    "q8": 'q8_answer = "ABCD"',
    "q9": 'factor_dimensions = {"access": "empathy", "courtesy": "assurance", "communication": "empathy", '
    '"security": "assurance"}',
}
ITEM_MEAN_SCORE = 1 + 1 + 2 + 1 + 1 + 2  # q1, q2, q3, q5, q8, q9

SIGN = {
    # every gap as expectation minus perception: q1-q7 fail, the exam and factor questions pass
    "q1": SPLIT.replace("perceptions - expectations", "expectations - perceptions")
    + "q19_gap = float(gap['q19'].mean())",
    "q8": 'q8_answer = "abdc"',
    "q9": 'factor_dimensions = {"Access": "Empathy", "courtesy": "assurance", "communication": "empathy", '
    '"security": "assurance"}',
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_course(tmp_path_factory.mktemp("grading"), [A])
    generated = crmlab(root, "generate", A)
    assert generated.returncode == 0, generated.stderr
    release = release_notebook(root, A)
    submit(root, A, "ace", fill(release, solution_answers(root, A)))
    submit(root, A, "blank", release)
    submit(root, A, "itemmean", fill(release, ITEM_MEAN))
    submit(root, A, "sign", fill(release, SIGN))
    result = crmlab(root, "autograde", A)
    assert "ace: 14 / 20" in result.stdout, result.stdout + result.stderr
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
        "itemmean": float(ITEM_MEAN_SCORE),
        "sign": 3.0,
    }


@pytest.mark.slow
def test_the_typical_mistakes_fail_exactly_their_questions(graded: Path):
    item_mean = question_results(graded, A, "itemmean")
    assert {q for q, ok in item_mean.items() if not ok} == {"q4", "q6", "q7"}
    sign = question_results(graded, A, "sign")
    assert {q for q, ok in sign.items() if ok} == {"q8", "q9"}


@pytest.mark.slow
def test_feedback_names_the_mistake_and_hides_the_key(graded: Path):
    page = (graded / "feedback" / "itemmean" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {ITEM_MEAN_SCORE} of 20 points" in page
    assert "mean over the 22 items" in page
    assert "pairs the columns of the two frames by position" in page
    assert "written answer: to be graded by your instructor" in page
    for secret in (
        "BEGIN HIDDEN TESTS",
        "_hidden_inputs",
        "MARK SCHEME",
        "vnd.crmlab.report",
        "The Exam collection gives no key",
    ):
        assert secret not in page, secret
    sign = (graded / "feedback" / "sign" / A / f"{A}.html").read_text(encoding="utf-8")
    assert "perception minus expectation" in sign


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


def test_format_rules_and_named_mistakes():
    assert "one number" in failure("q1", "-0.9")
    assert "between -6 and 6" in failure("q1", 12.0)
    assert "item names q1 ... q22" in failure("q2", ["q5", "x7"])
    assert "appears twice" in failure("q2", ["q5", "q5"])
    assert "six largest shortfalls" in failure("q2", {"q5", "q6", "q12", "q13", "q8", "q7"})
    assert "five English dimension names" in failure("q3", {"tangibles": -0.1})
    assert "Series (or a dict)" in failure("q3", [-0.1] * 5)
    assert "divide the weighted sum" in failure("q5", -86.634)
    assert "option letters A, B, C, D" in failure("q8", "ABE")
    assert "exactly the keys" in failure("q9", {"access": "empathy"})
    assert "each value is one of" in failure(
        "q9",
        {
            "access": "care",
            "courtesy": "assurance",
            "communication": "empathy",
            "security": "assurance",
        },
    )


def test_function_checks():
    def mutates(p, e, d):
        p.iloc[0, 0] = 0
        return pd.Series({v: 0.0 for v in d.values()})

    def wrong_labels(p, e, d):
        return pd.Series({"x": 0.0})

    def broken(p, e, d):
        raise KeyError("oops")

    def sign(p, e, d):
        c = list(d)
        return (e[c] - p.loc[e.index, c]).mean().groupby(pd.Series(d)).mean()

    assert "changed a DataFrame" in failure("q7", mutates)
    assert "one gap per dimension" in failure("q7", wrong_labels)
    assert "raised an error" in failure("q7", broken)
    assert "perception minus expectation" in failure("q7", sign)
    assert "define dimension_gaps" in failure("q7", 3)


def test_a_well_formed_answer_passes_the_check(capsys):
    grader.check("q1", -0.5)
    grader.check("q8", "ab")
    grader.check("q3", pd.Series({d: -0.5 for d in servqual_checks.DIMENSIONS}))
    assert "format OK" in capsys.readouterr().out


def test_check_module_holds_no_answers():
    """No constant in the check module equals an answer of the key, or a set of its option letters."""
    key = json.loads((REPO / "keys" / f"{A}.json").read_text())
    cells = key["notebooks"][A]["cells"].values()
    answers = {entry["question"]: list(key_values(entry["value"])) for entry in cells}
    choice = {e["value"]["v"] for e in cells if e.get("options", {}).get("kind") == "choice"}
    numbers = {
        round(v, 3)
        for vals in answers.values()
        for v in vals
        if isinstance(v, float) and v not in (0.0, 1.0)
    }
    constants = [
        n.value
        for n in ast.walk(ast.parse(inspect.getsource(servqual_checks)))
        if isinstance(n, ast.Constant)
    ]
    for c in constants:
        if isinstance(c, float):
            assert round(c, 3) not in numbers, c
        if isinstance(c, str) and len(c) > 1 and set(c) <= set("ABCDE"):
            assert frozenset(c) not in {frozenset(x) for x in choice}, c
    # the answers of q2 (a set of items) and q9 (a dict of dimensions) are not spelled out anywhere
    source = inspect.getsource(servqual_checks)
    assert '"empathy", "courtesy"' not in source and "q10" not in source
