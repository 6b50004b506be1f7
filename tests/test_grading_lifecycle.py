"""The grading contract end to end on assignment 02_lifecycle, through the real commands.

generate (release + key) -> submissions -> autograde (nbgrader + key comparison) -> feedback,
in a temporary copy of the course. Scores are asserted exactly. The visible checks of the
assignment are tested here too (fast, without grading).
"""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crmlab.checks import CheckFailed, for_assignment
from crmlab.checks import lifecycle as lifecycle_checks
from tests.grading_helpers import (
    REPO,
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

A = "02_lifecycle"
AUTO_POINTS = 15.0
TOTAL_POINTS = 22

MISTAKES = {
    # typical mistakes: "in quarter k or later", precision instead of recall, the rules out of
    # order, one period short, and leaving out the relabelled options of S2-M13
    "q1": 'n_silent = int(((END - transactions.groupby("customer_id")["date"].max()).dt.days > 180).sum())',
    "q2": (
        'first_quarter = transactions.groupby("customer_id")["date"].min().dt.to_period("Q")\n'
        'cohort = first_quarter.index[first_quarter == pd.Period("2023Q1")]\n'
        'bought = transactions[transactions["customer_id"].isin(cohort)]\n'
        'quarter = bought["date"].dt.to_period("Q")\n'
        'cohort_row = [bought.loc[quarter >= q, "customer_id"].nunique() / len(cohort)\n'
        '              for q in pd.period_range("2023Q1", periods=8, freq="Q")]'
    ),
    "q3": 'recognised = {s: float((truth[rule == s] == s).mean()) for s in ["acquisition", "growth", "maturity", "decline", "termination"]}',
    "q4": (
        "def assign_stage(features, churn_days=180, new_days=90, tolerance=0.2):\n"
        "    f = features\n"
        "    conditions = [\n"
        "        (f['tenure_days'] <= new_days) | (f['frequency'] == 1),\n"
        "        f['recency_days'] > churn_days,\n"
        "        f['recent_spend'] > (1 + tolerance) * f['earlier_spend'],\n"
        "        (f['recent_spend'] < (1 - tolerance) * f['earlier_spend']) | (f['recent_spend'] == 0),\n"
        "    ]\n"
        "    labels = np.select(conditions, ['acquisition', 'termination', 'growth', 'decline'], default='maturity')\n"
        "    return pd.Series(labels, index=features.index)\n"
    ),
    "q5": "committed_12 = float((np.array([1.0, 0, 0, 0, 0]) @ np.linalg.matrix_power(P.to_numpy(), 11))[3])",
    "q6": (
        "reach = 1.0\n"
        "for here, nxt in [('awareness', 'exploration'), ('exploration', 'expansion'), ('expansion', 'commitment')]:\n"
        "    reach *= P.loc[here, nxt] / (1 - P.loc[here, here])\n"
        "exit_share = 1 - reach"
    ),
    "q7": 'q7_answer = "c"',
    "q8": 'q8_answer = "B"',
    "q9": 'q9_answer = "ABC"',
}
MISTAKES_SCORE = 1 + 2 + 1 + 1  # q1, q6, q7, q8


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_course(tmp_path_factory.mktemp("grading"), [A])
    generated = crmlab(root, "generate", A)
    assert generated.returncode == 0, generated.stderr
    release = release_notebook(root, A)
    submit(root, A, "ace", fill(release, solution_answers(root, A)))
    submit(root, A, "blank", release)
    submit(root, A, "mistakes", fill(release, MISTAKES))
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
        "mistakes": float(MISTAKES_SCORE),
    }


@pytest.mark.slow
def test_typical_mistakes_fail_exactly_their_questions(graded: Path):
    results = question_results(graded, A, "mistakes")
    assert {q for q, ok in results.items() if not ok} == {"q2", "q3", "q4", "q5", "q9"}


@pytest.mark.slow
def test_feedback_names_the_mistakes_and_hides_the_tests(graded: Path):
    page = (graded / "feedback" / "mistakes" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {MISTAKES_SCORE} of {TOTAL_POINTS} points" in page
    assert "OR LATER" in page  # q2's check named the cumulative count
    assert "a column of the table" in page  # q3: precision instead of recall
    assert "termination first" in page  # q4: the rules out of order
    assert "after 11 periods" in page  # q5
    for secret in (
        "BEGIN HIDDEN TESTS",
        "_hidden_inputs",
        "MARK SCHEME",
        "vnd.crmlab.report",
        "[400, 181, 6",
    ):
        assert secret not in page, secret
    ace = (graded / "feedback" / "ace" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {AUTO_POINTS:g} of {TOTAL_POINTS} points" in ace and "✗" not in ace


# ---- the visible checks (fast)

grader = for_assignment(A)


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
    assert "count customers, not purchases" in failure("q1", 14287)
    assert "eight" in failure("q2", [1.0, 0.5])
    assert "first share is 1" in failure("q2", [0.9] * 8)
    assert "between 0 and 1" in failure("q2", [1.0, 2.7, 4.3, 1, 1, 1, 1, 1])
    assert "five stage names" in failure("q3", {"new": 0.5})
    assert "not a count" in failure("q3", dict.fromkeys(lifecycle_checks.STAGES, 12))
    assert "p0 @ P" in failure("q5", 0.0)
    assert "between 0 and 1" in failure("q6", 70)
    assert "single-choice" in failure("q7", "AC")
    assert "option letters A, B, C, D, E" in failure("q9", "F")


def _rules(order_wrong=False, at_least=False):
    def assign_stage(features, churn_days=180, new_days=90, tolerance=0.2):
        f = features
        silent = f["recency_days"] >= churn_days if at_least else f["recency_days"] > churn_days
        new = (f["tenure_days"] <= new_days) | (f["frequency"] == 1)
        first = [new, silent] if order_wrong else [silent, new]
        labels = ["acquisition", "termination"] if order_wrong else ["termination", "acquisition"]
        rest = [
            f["recent_spend"] > (1 + tolerance) * f["earlier_spend"],
            (f["recent_spend"] < (1 - tolerance) * f["earlier_spend"]) | (f["recent_spend"] == 0),
        ]
        return pd.Series(
            np.select(first + rest, labels + ["growth", "decline"], default="maturity"),
            index=f.index,
        )

    return assign_stage


def test_function_question_checks(capsys):
    def mutates(features, **kwargs):
        features["frequency"] = 0
        return pd.Series("growth", index=features.index)

    def broken(features, **kwargs):
        raise KeyError("recency")

    assert "termination first" in failure("q4", _rules(order_wrong=True))
    assert "more than), not >=" in failure("q4", _rules(at_least=True))
    assert "changed the DataFrame" in failure("q4", mutates)
    assert "raised an error" in failure("q4", broken)
    assert "pandas Series" in failure("q4", lambda features, **kw: ["growth"] * len(features))
    assert "stage labels" in failure(
        "q4", lambda features, **kw: pd.Series("new", index=features.index)
    )
    assert "define assign_stage" in failure("q4", 42)
    grader.check("q4", _rules())
    assert "format OK" in capsys.readouterr().out


def _key_leaves(node):
    if isinstance(node, dict):
        if node.get("t") in ("str", "int", "float"):
            yield node["v"]
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from _key_leaves(value)
    elif isinstance(node, list):
        for item in node:
            yield from _key_leaves(item)


def test_check_module_holds_no_answers():
    """No constant of the check module equals an answer of the key (option alphabets and stage names aside)."""
    key = json.loads((REPO / "keys" / f"{A}.json").read_text())
    cells = key["notebooks"][A]["cells"].values()
    leaves = [v for entry in cells for v in _key_leaves(entry["value"])]
    numbers = {
        v
        for v in leaves
        if isinstance(v, (int, float)) and not isinstance(v, bool) and v not in (0, 1)
    }
    choice_keys = {
        entry["value"]["v"] for entry in cells if entry["options"].get("kind") == "choice"
    }
    constants = [
        n.value
        for n in ast.walk(ast.parse(inspect.getsource(lifecycle_checks)))
        if isinstance(n, ast.Constant)
    ]
    alphabets = {"ABCD", "ABCDE"}  # the option letters printed with every question
    for c in constants:
        if isinstance(c, (int, float)) and not isinstance(c, bool):
            assert all(abs(c - v) > 1e-9 for v in numbers), c
        if isinstance(c, str) and c not in alphabets:
            assert c not in choice_keys, c
    # the check example of q4 is not a hidden input, and its expected labels are nowhere in the module
    assert not any(
        isinstance(c, str) and c.count(",") >= 5 and "termination" in c for c in constants
    )
