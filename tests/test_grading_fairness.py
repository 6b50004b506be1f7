"""Assignment 04_fairness: visible checks, and the grading contract end to end through the real commands.

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
from crmlab.checks import fairness as fairness_checks
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

A = "04_fairness"
AUTO_POINTS = 12.0
TOTAL_POINTS = 20
grader = for_assignment(A)

# The typical mistake: the going rate taken as the mean of the ratios, the pooled rate used where
# the published rule applies, the answers that follow from it; an off-by-one reading of the simulation.
POOLED = {
    "q1": "pooled_ratio = float((distributors['rebates'] / distributors['purchases']).mean())",
    "q2": "ratios = distributors['rebates'] / distributors['purchases']",
    "q3": "going_rate = distributors['rebates'].sum() / distributors['purchases'].sum()\n"
    "gap = ratios / going_rate - 1\nunderpaid = set(gap.index[gap < -TOLERANCE])",
    "q4": "short = distributors.loc[sorted(underpaid)]\n"
    "compensation_needed = float((RULE * short['purchases'] - short['rebates']).sum())",
    "q5": (
        "def equity_labels(outcomes, inputs, reference_ratio=None, tolerance=0.05):\n"
        "    ratio = outcomes / inputs\n"
        "    if reference_ratio is None:\n"
        "        reference_ratio = ratio.mean()\n"
        "    gap = ratio / reference_ratio - 1\n"
        "    out = pd.Series('fair', index=outcomes.index)\n"
        "    out[gap < -tolerance] = 'underpaid'\n"
        "    out[gap > tolerance] = 'overpaid'\n"
        "    return out\n"
    ),
    "q6": "last = sim[(sim['interaction'] == 24) & (sim['unfair_prob'] == 0.25)].set_index('compensation')\n"
    "compensation_effect = float(last.loc[0.6, 'share_retained'] - last.loc[0.0, 'share_retained'])",
    "q7": "path = sim[(sim['unfair_prob'] == 0.1) & (sim['compensation'] == 0.0)]\n"
    "first_below_80 = int(path.loc[path['share_retained'] >= 0.8, 'interaction'].max())",
}
POOLED_SCORE = 2 + 2  # q2 and q6


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
    assert "mean of the six ratios" in failure("q1", 0.039222222)
    assert "not a percentage" in failure("q1", 4.17)
    assert "not a percentage" in failure("q2", pd.Series([4.0] * 6, index=list("PQRSTU")))
    assert "one value per distributor" in failure("q2", pd.Series([0.04] * 5, index=list("PQRST")))
    assert "within the tolerance" in failure("q3", "QTU")
    assert "overpaid" in failure("q3", ["S"])
    assert "letters P to U" in failure("q3", "QX")
    assert "underpaid distributors of q3" in failure("q4", 3.12)
    assert "10k yuan" in failure("q4", 28000.0)
    assert "10 % unfair outcomes" in failure("q6", 0.439)
    assert "not in percent" in failure("q6", 33.25)
    assert "first one below it" in failure("q7", 9)


def test_function_question_checks():
    def mean_reference(outcomes, inputs, reference_ratio=None, tolerance=0.05):
        ratio = outcomes / inputs
        ref = ratio.mean() if reference_ratio is None else reference_ratio
        gap = ratio / ref - 1
        return gap.map(
            lambda g: "underpaid" if g < -tolerance else "overpaid" if g > tolerance else "fair"
        )

    def no_tolerance(outcomes, inputs, reference_ratio=None, tolerance=0.05):
        ratio = outcomes / inputs
        ref = outcomes.sum() / inputs.sum() if reference_ratio is None else reference_ratio
        return ratio.map(lambda r: "underpaid" if r < ref else "overpaid" if r > ref else "fair")

    def mutates(outcomes, inputs, reference_ratio=None, tolerance=0.05):
        outcomes.iloc[0] = 0.0
        return pd.Series("fair", index=outcomes.index)

    def capitalised(outcomes, inputs, reference_ratio=None, tolerance=0.05):
        return pd.Series("Fair", index=outcomes.index)

    def broken(outcomes, inputs, reference_ratio=None, tolerance=0.05):
        raise KeyError("oops")

    assert "mean of the parties' ratios" in failure("q5", mean_reference)
    assert "not with 0" in failure("q5", no_tolerance)
    assert "changed a Series" in failure("q5", mutates)
    assert "lower case" in failure("q5", capitalised)
    assert "raised an error" in failure("q5", broken)
    assert "define equity_labels" in failure("q5", "equity_labels")
    assert "not attempted" in failure("q5", lambda o, i, r=None, t=0.05: None)


def test_a_well_formed_answer_passes_the_check(capsys):
    grader.check("q1", 0.05)
    grader.check("q3", {"P", "R"})
    grader.check("q7", 3)
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
    source = inspect.getsource(fairness_checks)
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
    submit(root, A, "pooled", fill(release, POOLED))
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
    assert scores(graded, A) == {"ace": AUTO_POINTS, "blank": 0.0, "pooled": float(POOLED_SCORE)}


@pytest.mark.slow
def test_the_typical_mistake_fails_exactly_the_questions_it_touches(graded: Path):
    results = question_results(graded, A, "pooled")
    assert {q for q, ok in results.items() if not ok} == {"q1", "q3", "q4", "q5", "q7"}


@pytest.mark.slow
def test_feedback_shows_results_and_messages_but_nothing_hidden(graded: Path):
    page = (graded / "feedback" / "pooled" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {POOLED_SCORE} of {TOTAL_POINTS} points" in page
    assert "written answer: to be graded by your instructor" in page
    assert "mean of the six ratios" in page  # the visible check named the mistake
    for secret in (
        "BEGIN HIDDEN TESTS",
        "_hidden_tables",
        "[4.85, 5.3, 4.7]",
        "report(&quot;q",
        'report("q',
        "vnd.crmlab.report",
        "MARK SCHEME",
    ):
        assert secret not in page, secret
    ace = (graded / "feedback" / "ace" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {AUTO_POINTS:g} of {TOTAL_POINTS} points" in ace and "✗" not in ace
