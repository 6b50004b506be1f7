"""The grading contract end to end on assignment 03_trust, through the real commands.

generate (release + key) -> submissions -> autograde (nbgrader + key comparison) -> feedback,
in a temporary copy of the course. Scores are asserted exactly. The visible checks of the
assignment are tested here too (fast, without grading).
"""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import pandas as pd
import pytest

from crmlab.checks import CheckFailed, for_assignment
from crmlab.checks import trust as trust_checks
from crmlab.datasets import load_trust_survey
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

A = "03_trust"
AUTO_POINTS = 12.0
TOTAL_POINTS = 20

MISTAKES = {
    # typical mistakes: "more than 4" for "4 or more", a reverse-keyed item left as it is, and
    # k of the whole scale in alpha-if-deleted; q2, q3 and q6 are right (q3 with crmlab's alpha)
    "q1": "share_trusting = float((survey[constructs['trust']].mean(axis=1) > 4).mean())",
    "q2": (
        "sv = survey[constructs['shared values']]\n"
        "alpha_sv = 4 / 3 * (1 - sv.var().sum() / sv.sum(axis=1).var())"
    ),
    "q3": (
        "from crmlab import cronbach_alpha\n"
        "weak_scales = {name for name, cols in constructs.items() if cronbach_alpha(survey[cols]) < 0.7}"
    ),
    "q4": "no_scores = survey_v2[constructs['non-opportunism']].mean(axis=1)",
    "q5": (
        "def alpha_if_deleted(items):\n"
        "    k = items.shape[1]\n"
        "    out = {}\n"
        "    for item in items.columns:\n"
        "        rest = items.drop(columns=item)\n"
        "        out[item] = k / (k - 1) * (1 - rest.var().sum() / rest.sum(axis=1).var())\n"
        "    return pd.Series(out)\n"
    ),
    "q6": (
        "scores = pd.DataFrame({n: survey[c].mean(axis=1) for n, c in constructs.items()})\n"
        "trust_corr = scores.drop(columns='trust').corrwith(scores['trust'])"
    ),
}
MISTAKES_SCORE = 2 + 2 + 2  # q2, q3, q6


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
    assert {q for q, ok in results.items() if not ok} == {"q1", "q4", "q5"}


@pytest.mark.slow
def test_feedback_names_the_mistakes_and_hides_the_tests(graded: Path):
    page = (graded / "feedback" / "mistakes" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {MISTAKES_SCORE} of {TOTAL_POINTS} points" in page
    assert "(&gt;= 4)" in page or "(>= 4)" in page  # q1's check named "more than" for "or more"
    assert "no2 is not recoded" in page
    assert "k of the whole scale" in page
    for secret in (
        "BEGIN HIDDEN TESTS",
        "_hidden_inputs",
        "MARK SCHEME",
        "vnd.crmlab.report",
        '"x1": [5, 4',
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
    survey = load_trust_survey().set_index("respondent_id")
    assert "fraction between 0 and 1" in failure("q1", 38.5)
    assert "at most 1" in failure("q2", 1.2)
    assert "TOTAL" in failure("q2", -6.98)
    assert "construct names exactly" in failure("q3", {"dependence"})
    assert "those below it" in failure(
        "q3", {"shared wishes", "shared values", "communication quality", "trust"}
    )
    assert "Series" in failure("q4", [3.0] * 400)
    assert "did you add the items up" in failure(
        "q4", survey[["no1", "no2", "no3", "no4"]].sum(axis=1)
    )
    scores = pd.DataFrame(
        {
            c: survey[[f"{p}{i}" for i in range(1, 5)]].mean(axis=1)
            for c, p in zip(
                trust_checks.CONSTRUCTS, ["sw", "sv", "md", "cq", "no", "tr"], strict=True
            )
        }
    )
    assert 'leave "trust" itself out' in failure("q6", scores.corr()["trust"])
    assert "item tr1 alone" in failure("q6", scores.drop(columns="trust").corrwith(survey["tr1"]))
    assert "Spearman" in failure("q6", scores.corr(method="spearman")["trust"].drop("trust"))


def test_function_question_checks(capsys):
    def alpha(frame, k=None):
        k = frame.shape[1] if k is None else k
        return k / (k - 1) * (1 - frame.var().sum() / frame.sum(axis=1).var())

    def whole_scale(items):
        return pd.Series(alpha(items), index=items.columns)

    def full_k(items):
        return pd.Series({c: alpha(items.drop(columns=c), k=items.shape[1]) for c in items.columns})

    def mutates(items):
        items.iloc[0, 0] = 5
        return pd.Series(0.5, index=items.columns)

    assert "leave each item out" in failure("q5", whole_scale)
    assert "k of the whole scale" in failure("q5", full_k)
    assert "changed the DataFrame" in failure("q5", mutates)
    assert "order of the columns" in failure(
        "q5", lambda items: pd.Series(0.5, index=items.columns[::-1])
    )
    assert "raised an error" in failure("q5", lambda items: items["nope"])
    assert "define alpha_if_deleted" in failure("q5", "alpha")
    grader.check(
        "q5", lambda items: pd.Series({c: alpha(items.drop(columns=c)) for c in items.columns})
    )
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
    """No number of the key is a constant of the check module, and no collection in it is the q3 set."""
    key = json.loads((REPO / "keys" / f"{A}.json").read_text())
    cells = key["notebooks"][A]["cells"].values()
    numbers = {
        v
        for entry in cells
        for v in _key_leaves(entry["value"])
        if isinstance(v, float) and v not in (0.0, 1.0)
    }
    weak = next(frozenset(_key_leaves(e["value"])) for e in cells if e["question"] == "q3")
    tree = ast.parse(inspect.getsource(trust_checks))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, float):
            assert all(abs(node.value - v) > 1e-9 for v in numbers), node.value
        if isinstance(node, (ast.Tuple, ast.Set, ast.List)):
            members = frozenset(n.value for n in node.elts if isinstance(n, ast.Constant))
            assert members != weak, members
