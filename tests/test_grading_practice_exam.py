"""The practice exam 10_practice_exam: visible checks, the exam's shape, and the grading contract end
to end through the real commands.

generate (release + key) -> submissions -> autograde (nbgrader + key comparison) -> feedback, in a
temporary copy of the course. Scores are asserted exactly.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
from difflib import SequenceMatcher
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from crmlab.checks import CheckFailed, for_assignment
from crmlab.checks import practice_exam as exam_checks
from crmlab.datasets import load_exam_questions
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

A = "10_practice_exam"
AUTO_POINTS = 34.0
TOTAL_POINTS = 100
SOURCE = REPO / "solutions" / A / f"{A}.ipynb"
CHOICE = [f"q{n}" for n in range(6, 21)]
TRUE_FALSE = [f"q{n}" for n in range(21, 31)]
grader = for_assignment(A)

# The typical mistakes: the crossing rule in the data case (q34 to q36 fail their checks), dissolution
# for exit (q11), technical for functional quality (q18), the crossing customer in A (q26) and
# "same count, same performance" (q22). The function q37 is right.
CROSSING = {
    "q11": 'q11_answer = "A"',
    "q18": 'q18_answer = "A"',
    "q22": 'q22_answer = "T"',
    "q26": 'q26_answer = "T"',
    "q34": (
        "def class_a(values):\n"
        "    ordered = values.sort_values(ascending=False)\n"
        "    before = ordered.cumsum() - ordered\n"
        "    return set(ordered.index[before < 0.7 * ordered.sum()])\n"
        "by_id = customers.set_index('customer_id')\n"
        "a_profit = class_a(by_id['current_value'])\n"
        "n_a_profit = len(a_profit)\n"
    ),
    "q35": "sales_not_profit = class_a(by_id['sales_this_year']) - a_profit",
    "q36": "t = by_id.loc[sorted(a_profit)]\na_missed_share = float((t['sales_this_year'] < t['sales_target']).mean())",
}
CROSSING_SCORE = 15 - 2 + 10 - 2 + 3  # all choice and true/false items but four, and q37

# Format slips: lower-case letters are fine, Python booleans and a percentage are not.
FORMAT_TF = {"q26": True, "q27": False, "q28": True, "q29": False, "q30": True}
FORMAT_SCORE = 15 + 5 + 2 + 2 + 3  # q6-q25, q34, q35, q37


def failure(question: str, answer) -> str:
    with pytest.raises(CheckFailed) as info:
        grader.check(question, answer)
    return str(info.value)


def _source() -> nbformat.NotebookNode:
    return nbformat.read(SOURCE, as_version=4)


def _cell(grade_id: str) -> nbformat.NotebookNode:
    return next(
        c for c in _source().cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )


# ------------------------------------------------------------------------------------------
# the exam's shape (fast)


def test_points_follow_the_exam_collection_format():
    """Definitions 5 x 6, single choice 15, true/false 10, short answers 15, cases 2 x 15 (Exam collection)."""
    points = {
        c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
        for c in _source().cells
        if c.metadata.get("nbgrader", {}).get("grade")
    }
    part = {
        "definitions": [f"q{n}" for n in range(1, 6)],
        "single choice": CHOICE,
        "true/false": TRUE_FALSE,
        "short answers": ["q31", "q32", "q33"],
        "case 1": ["q34", "q35", "q36", "q37", "q38"],
        "case 2": ["q39", "q40", "q41"],
    }
    totals = {name: sum(points[q] for q in qs) for name, qs in part.items()}
    assert totals == {
        "definitions": 30,
        "single choice": 15,
        "true/false": 10,
        "short answers": 15,
        "case 1": 15,
        "case 2": 15,
    }
    assert all(points[q] == 6 for q in part["definitions"])
    assert sum(points.values()) == TOTAL_POINTS
    manual = {
        g
        for g, c in (
            (c.metadata["nbgrader"]["grade_id"], c)
            for c in _source().cells
            if c.metadata.get("nbgrader", {}).get("grade")
        )
        if c.cell_type == "markdown"
    }
    assert sum(points[q] for q in manual) == TOTAL_POINTS - AUTO_POINTS


def test_every_written_item_has_a_model_answer_and_rubric_citing_a_chapter():
    for cell in _source().cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and meta.get("grade"):
            text = cell.source
            assert text.startswith("YOUR ANSWER HERE"), meta["grade_id"]
            scheme = text.split("=== BEGIN MARK SCHEME ===", 1)[1].split(
                "=== END MARK SCHEME ===", 1
            )[0]
            assert "Model answer (chapter" in scheme and "Rubric" in scheme, meta["grade_id"]


def test_choice_keys_are_explained_in_the_hidden_block():
    for q in CHOICE + TRUE_FALSE:
        hidden = _cell(q).source.split("### BEGIN HIDDEN TESTS", 1)[1]
        assert re.search(r"# (Key [A-D]|True|False) \(chapter \d", hidden), q
        assert f'report("{q}", {q}_answer, kind="choice")' in hidden


def test_choice_items_are_new_not_the_exam_collection_questions():
    """The Exam collection's S1/S2/S3 choice questions are graded in the chapter assignments, not here."""
    mine = [
        _cell(f"{q}_text").source.split("**", 2)[2].strip().split("\n")[0].split(" · ")[0]
        for q in CHOICE + TRUE_FALSE
    ]
    assert all(re.search(r"[\u4e00-\u9fff]", stem) for stem in mine)
    collection = [re.sub(r"[（(]\s*[）)]", "", s).strip() for s in load_exam_questions()["stem_zh"]]
    for stem in mine:
        closest = max(SequenceMatcher(None, stem, s).ratio() for s in collection)
        assert closest < 0.6, stem


# ------------------------------------------------------------------------------------------
# visible checks (fast)


@pytest.mark.parametrize("question", sorted(grader.questions))
def test_blank_answer_reads_not_attempted(question):
    assert (
        failure(question, ...)
        == f"{question}: not attempted yet: replace the `...` with your answer."
    )


def test_choice_and_true_false_formats():
    assert "single-choice" in failure("q6", "AB")
    assert "option letters A, B, C, D" in failure("q7", "E")
    assert "not True or False" in failure("q21", True)
    assert "exactly one letter" in failure("q22", "TF")
    assert "exactly one letter" in failure("q23", "对")
    assert "string" in failure("q24", 1)


def test_mistakes_are_named():
    assert "does not exceed 70 %" in failure("q34", 57)
    assert "this year's sales" in failure("q34", 60)
    assert "whole number" in failure("q34", 56.5)
    assert "wrong way round" in failure("q35", {"B003", "B050", "B129", "B132", "B160"})
    assert "B001" in failure("q35", ["C1"])
    assert "twice" in failure("q35", ["B001", "B001"])
    assert "all 200 customers" in failure("q36", 0.635)
    assert "met or beat" in failure("q36", 0.4286)
    assert "not a percentage or a count" in failure("q36", 57.14)
    assert "not a percentage or a count" in failure("q36", 32)


def test_function_question_checks():
    def both(data):
        rate = data["sales_this_year"] / data["sales_target"]
        growth = data["sales_this_year"] / data["sales_last_year"] - 1
        return list(data.loc[rate[(rate < 1) & (growth < 0)].sort_values().index, "customer_id"])

    def at_or_below(data):
        rate = data["sales_this_year"] / data["sales_target"]
        growth = data["sales_this_year"] / data["sales_last_year"] - 1
        return list(
            data.loc[
                rate[(rate <= 1) | (growth < 0)].sort_values(kind="stable").index, "customer_id"
            ]
        )

    def series(data):
        rate = data["sales_this_year"] / data["sales_target"]
        return data.loc[rate < 1, "customer_id"]

    def mutates(data):
        data["rate"] = data["sales_this_year"] / data["sales_target"]
        return list(data.loc[data["rate"] < 1, "customer_id"])

    def broken(data):
        return list(data["achievement"])

    assert "AND" in failure("q37", both)
    assert "not <= 1" in failure("q37", at_or_below)
    assert "not a Series" in failure("q37", series)
    assert "changed the DataFrame" in failure("q37", mutates)
    assert "raised an error" in failure("q37", broken)
    assert "define watch_list" in failure("q37", [])
    assert "not attempted" in failure("q37", lambda data: None)


def test_a_well_formed_answer_passes_the_check(capsys):
    grader.check("q6", "d")  # format only: any single letter passes
    grader.check("q21", "f")
    grader.check("q34", 10)
    grader.check("q35", pd.Index(["B001", "B002"]))
    grader.check("q36", 0.2)
    grader.check("q37", lambda data: [])
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
        v
        for vals in answers.values()
        for v in vals
        if isinstance(v, (int, float)) and v not in (0, 1)
    }
    source = inspect.getsource(exam_checks)
    constants = [n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant)]
    for c in constants:
        if isinstance(c, str):
            assert c not in strings, c
            assert frozenset(c) not in letter_sets or len(c) < 2, c
        if isinstance(c, (int, float)) and not isinstance(c, bool):
            assert c not in numbers, c


# ------------------------------------------------------------------------------------------
# the round trip (slow)


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_course(tmp_path_factory.mktemp("grading"), [A])
    generated = crmlab(root, "generate", A)
    assert generated.returncode == 0, generated.stderr
    release = release_notebook(root, A)
    solution = solution_answers(root, A)
    submit(root, A, "ace", fill(release, solution))
    submit(root, A, "blank", release)
    submit(root, A, "crossing", fill(release, solution | CROSSING))
    slips = {q: solution[q].lower() for q in CHOICE + TRUE_FALSE[:5]}  # e.g. q6_answer = "c"
    slips |= {q: f"{q}_answer = {value}" for q, value in FORMAT_TF.items()}
    slips |= {q: solution[q] for q in ("q34", "q35", "q37")}
    slips["q36"] = solution["q36"] + "\na_missed_share = 100 * a_missed_share"
    submit(root, A, "slips", fill(release, slips))
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
        "crossing": float(CROSSING_SCORE),
        "slips": float(FORMAT_SCORE),
    }


@pytest.mark.slow
def test_the_typical_mistakes_fail_exactly_the_questions_they_touch(graded: Path):
    crossing = question_results(graded, A, "crossing")
    assert {q for q, ok in crossing.items() if not ok} == {
        "q11",
        "q18",
        "q22",
        "q26",
        "q34",
        "q35",
        "q36",
    }
    slips = question_results(graded, A, "slips")
    assert {q for q, ok in slips.items() if not ok} == {*FORMAT_TF, "q36"}


@pytest.mark.slow
def test_feedback_shows_results_and_messages_but_nothing_hidden(graded: Path):
    page = (graded / "feedback" / "crossing" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {CROSSING_SCORE} of {TOTAL_POINTS} points" in page
    assert "written answer: to be graded by your instructor" in page
    assert "does not exceed 70 %" in page  # the visible check named the mistake
    for secret in (
        "BEGIN HIDDEN TESTS",
        "_hidden_tables",
        "# Key ",
        "report(&quot;q",
        'report("q',
        "vnd.crmlab.report",
        "MARK SCHEME",
        "Model answer",
    ):
        assert secret not in page, secret
    slips = (graded / "feedback" / "slips" / A / f"{A}.html").read_text(encoding="utf-8")
    assert "not True or False" in slips and "not a percentage or a count" in slips
    ace = (graded / "feedback" / "ace" / A / f"{A}.html").read_text(encoding="utf-8")
    assert f"Score: {AUTO_POINTS:g} of {TOTAL_POINTS} points" in ace and "✗" not in ace
