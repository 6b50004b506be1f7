"""Visible checks: one-line messages that name the likely mistake, and never an answer.

What every assignment's checks share is tested here, over every assignment of course.toml; the
messages of each assignment's questions are in tests/test_checks_<slug>.py, and that no check
module holds an answer in tests/test_checks_hold_no_answers.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import crmlab.checks
from crmlab.checks import CheckFailed, fingerprint, for_assignment, serialise
from crmlab.course.manifest import load_course
from tests.check_helpers import failure
from tests.grading_helpers import REPO

ASSIGNMENTS = load_course(REPO).assignments


@pytest.mark.parametrize(
    ("assignment", "question"),
    [(a, q) for a in ASSIGNMENTS for q in sorted(for_assignment(a).questions)],
)
def test_blank_answer_reads_not_attempted(assignment, question):
    assert (
        failure(assignment, question, ...)
        == f"{question}: not attempted yet: replace the `...` with your answer."
    )


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_graded_item_of_the_solution_has_checks(assignment):
    solution = nbformat.read(REPO / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
    graded = {
        c.metadata["nbgrader"]["grade_id"]
        for c in solution.cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")
    }
    assert graded == set(for_assignment(assignment).questions)


def test_failure_renders_as_one_line_not_a_traceback():
    with pytest.raises(CheckFailed) as info:
        for_assignment("05_abc").check("q2", ...)
    lines = info.value._render_traceback_()
    assert len(lines) == 1 and "not attempted yet" in lines[0] and "Traceback" not in lines[0]


def test_unknown_question_and_assignment():
    with pytest.raises(ValueError, match="no question 'q99'"):
        for_assignment("05_abc").check("q99", 1)
    with pytest.raises(ModuleNotFoundError, match="No module named 'crmlab.checks.nope'"):
        for_assignment("99_nope")
    with pytest.raises(ValueError, match="an assignment id is a two-digit number"):
        for_assignment("abc")


def test_every_assignment_of_the_manifest_has_its_check_module_and_no_module_is_orphaned():
    from crmlab.checks import checks_module

    course = load_course(REPO)
    modules = {checks_module(a) for a in course.assignments}
    for chapter in course.chapters:
        if chapter.assignment:
            assert chapter.assignment == f"{chapter.number:02d}_{chapter.slug}"
            assert for_assignment(chapter.assignment).questions, chapter.assignment
    folder = Path(crmlab.checks.__file__).parent
    on_disk = {f"crmlab.checks.{p.stem}" for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert on_disk == modules


def test_fingerprint_is_order_insensitive_for_sets_only():
    assert fingerprint({"a", "b"}) == fingerprint(frozenset("ba"))
    assert fingerprint(["a", "b"]) != fingerprint(["b", "a"])


def test_serialise_pandas():
    s = serialise(pd.Series([1.5, float("nan")], index=["x", "y"], name="v"))
    assert s["t"] == "series" and s["values"][1] == {"t": "float", "v": "nan"}
    frame = serialise(pd.DataFrame({"a": [1, 2]}, index=["p", "q"]))
    assert frame["columns"] == [{"t": "str", "v": "a"}] and frame["data"] == [
        [{"t": "int", "v": 1}, {"t": "int", "v": 2}]
    ]
    with pytest.raises(TypeError, match="cannot report"):
        serialise(object())


# --- messages that must name the right mistake (issue 17 §3)

NAN = float("nan")
_DIMENSIONS = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]
_STAGES = ["acquisition", "growth", "maturity", "decline", "termination"]


def _csm_attributes() -> list[str]:
    from crmlab.datasets import load_csm_attributes

    return sorted(load_csm_attributes()["attribute"])


def _antecedents() -> list[str]:
    from crmlab.checks.trust import ANTECEDENTS

    return list(ANTECEDENTS)


# every question whose answer holds several values checked against bounds: an answer with one NaN,
# and the same answer with that value filled in (which must not get the NaN message)
SERIES_WITH_NAN = {
    ("06_csm", "q3"): lambda v: pd.Series([50.0] * 7 + [v], index=_csm_attributes()),
    ("04_fairness", "q2"): lambda v: pd.Series(
        [0.04, 0.05, v, 0.03, 0.04, 0.05], index=list("PQRSTU")
    ),
    ("02_lifecycle", "q2"): lambda v: [1.0, 0.5, v, 0.3, 0.2, 0.2, 0.1, 0.1],
    ("02_lifecycle", "q3"): lambda v: dict(zip(_STAGES, [0.5, v, 0.5, 0.5, 0.5], strict=True)),
    ("08_loyalty_value", "q7"): lambda v: pd.Series(
        [50.0, v, 40.0, 30.0], index=["k1", "k2", "k3", "k4"]
    ),
    ("07_servqual", "q3"): lambda v: pd.Series([-1.0, v, -0.5, -0.4, -0.3], index=_DIMENSIONS),
    ("07_servqual", "q3 dict"): lambda v: dict(
        zip(_DIMENSIONS, [-1.0, v, -0.5, -0.4, -0.3], strict=True)
    ),
    ("03_trust", "q4"): lambda v: pd.Series(
        [3.0] * 399 + [v], index=[f"R{i:04d}" for i in range(1, 401)]
    ),
    ("03_trust", "q6"): lambda v: pd.Series([0.5, v, 0.4, 0.3, 0.2], index=_antecedents()),
    ("05_abc", "q5"): lambda v: {"A": 3, "B": v, "C": 10},
    ("09_capstone", "q2"): lambda v: pd.Series([1.0, 0.2, v, 0.1, 0.1, 0.1], index=range(6)),
    ("09_capstone", "q6"): lambda v: {"A": 1, "B": v, "C": 3},
    ("09_capstone", "q7"): lambda v: {"lead": 1, "iron": v, "gold": 3, "platinum": 4},
}
SERIES_FILLED = {
    ("06_csm", "q3"): 60.0,
    ("04_fairness", "q2"): 0.04,
    ("02_lifecycle", "q2"): 0.3,
    ("02_lifecycle", "q3"): 0.5,
    ("08_loyalty_value", "q7"): 45.0,
    ("07_servqual", "q3"): -0.2,
    ("07_servqual", "q3 dict"): -0.2,
    ("03_trust", "q4"): 3.0,
    ("03_trust", "q6"): 0.1,
    ("05_abc", "q5"): 7,
    ("09_capstone", "q2"): 0.1,
    ("09_capstone", "q6"): 2,
    ("09_capstone", "q7"): 2,
}


def _question_failure(assignment: str, question: str, answer) -> CheckFailed | None:
    try:
        for_assignment(assignment).check(question, answer)
    except CheckFailed as failed:
        return failed
    return None


@pytest.mark.parametrize("case", sorted(SERIES_WITH_NAN), ids=" ".join)
def test_a_missing_value_is_named_before_any_range_message(case):
    assignment, label = case
    question = label.split()[0]
    failed = _question_failure(assignment, question, SERIES_WITH_NAN[case](NAN))
    assert failed is not None and failed.code == "missing", failed
    assert "NaN (missing)" in failed.message and "between" not in failed.message
    catalogue = for_assignment(assignment).questions[question].messages()
    assert failed.message == catalogue["missing"]  # the feedback page may quote it
    filled = _question_failure(assignment, question, SERIES_WITH_NAN[case](SERIES_FILLED[case]))
    assert filled is None or filled.code != "missing", filled


# every question with one number checked against bounds (what_is_crm and retention_economics
# already had their "not finite" rule)
NUMBER_QUESTIONS = [
    ("02_lifecycle", "q5"),
    ("02_lifecycle", "q6"),
    ("03_trust", "q1"),
    ("04_fairness", "q1"),
    ("04_fairness", "q4"),
    ("04_fairness", "q6"),
    ("05_abc", "q1"),
    ("05_abc", "q4"),
    ("06_csm", "q1"),
    ("06_csm", "q2"),
    ("06_csm", "q4"),
    ("06_csm", "q5"),
    ("07_servqual", "q1"),
    ("07_servqual", "q4"),
    ("07_servqual", "q6"),
    ("08_loyalty_value", "q1"),
    ("08_loyalty_value", "q3"),
    ("08_loyalty_value", "q4"),
    ("08_loyalty_value", "q5"),
    ("09_capstone", "q3"),
    ("09_capstone", "q4"),
    ("10_practice_exam", "q36"),
]


@pytest.mark.parametrize(("assignment", "question"), NUMBER_QUESTIONS)
def test_a_nan_number_is_named_before_any_range_message(assignment, question):
    import numpy as np

    for nan in (NAN, np.float64("nan")):
        failed = _question_failure(assignment, question, nan)
        assert failed is not None and failed.code == "missing", failed
        assert "NaN (missing)" in failed.message and "between" not in failed.message


# every function question: (assignment, question, function name)
FUNCTION_QUESTIONS = [
    ("00_what_is_crm", "q6", "customer_cards"),
    ("01_retention_economics", "q7", "customer_clv"),
    ("02_lifecycle", "q4", "assign_stage"),
    ("03_trust", "q5", "alpha_if_deleted"),
    ("04_fairness", "q5", "equity_labels"),
    ("05_abc", "q7", "classify"),
    ("06_csm", "q6", "scale_score"),
    ("07_servqual", "q7", "dimension_gaps"),
    ("08_loyalty_value", "q6", "lifetime_value"),
    ("10_practice_exam", "q37", "watch_list"),
]
STUB = "pass  # YOUR CODE HERE"


def _raises(*args, **kwargs):
    raise KeyError("oops")


def _wrong_column(first, *args, **kwargs):
    return first["no such column"]  # a KeyError on a table, a TypeError on a number


@pytest.mark.parametrize(("assignment", "question", "name"), FUNCTION_QUESTIONS)
def test_a_function_question_names_a_missing_function_one_that_raises_and_an_empty_one(
    assignment, question, name
):
    for not_a_function in (3, [], name):
        assert failure(assignment, question, not_a_function).startswith(
            f"{question}: {question} asks for a function: define {name}("
        ), not_a_function
    for broken in (_raises, _wrong_column, lambda *args, **kwargs: 1 / 0):
        message = failure(assignment, question, broken)
        assert message.startswith(f"{question}: your function raised an error on a small example")
    empty = failure(assignment, question, lambda *args, **kwargs: None)
    assert empty.startswith(f"{question}: not attempted yet: your function returns None")


def _release_function_cell(assignment: str, name: str) -> str:
    """The source of the release's answer cell that defines ``name`` (with its stub body)."""
    notebook = json.loads((REPO / "exercises" / assignment / f"{assignment}.ipynb").read_text())
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and f"def {name}(" in source and STUB in source:
            return source
    raise AssertionError(f"no stub of {name} in the release of {assignment}")


def _define(source: str, name: str):
    """Run a cell's source in a fresh namespace, as a notebook kernel does, and take ``name``."""
    namespace: dict = {}
    exec(compile(source, f"<cell {name}>", "exec"), namespace)
    return namespace[name]


@pytest.mark.parametrize(("assignment", "question", "name"), FUNCTION_QUESTIONS)
def test_a_stub_function_is_not_attempted_but_a_printing_one_must_return(
    assignment, question, name
):
    cell = _release_function_cell(assignment, name)
    stub = _question_failure(assignment, question, _define(cell, name))
    assert str(stub) == (
        f"{question}: not attempted yet: your function returns None; write its body in place of "
        "`pass`."
    )
    printing = cell.replace(STUB, 'print("my result")')
    left_in = cell.replace(STUB, f"result = 0\n    {STUB}")  # a body above the stub line
    for source in (printing, left_in):
        failed = _question_failure(assignment, question, _define(source, name))
        assert str(failed) == (
            f"{question}: your function returned None: it must `return` its result (printing it "
            "is not returning it)."
        )
        assert failed.message in for_assignment(assignment).questions[question].messages().values()


def test_is_stub_reads_the_compiled_body():
    from crmlab.checks._core import is_stub

    assert is_stub(_define('def f(x):\n    """Doc."""\n    pass  # YOUR CODE HERE\n', "f"))
    assert is_stub(_define("def f(x):\n    ...\n", "f"))
    assert is_stub(lambda x: None)
    assert not is_stub(_define("def f(x):\n    print(x)\n", "f"))
    assert not is_stub(_define("def f(x):\n    return x\n", "f"))
    assert not is_stub(len) and not is_stub(print)


@pytest.mark.parametrize(
    ("assignment", "question", "example"),
    [("05_abc", "q8", '"A"'), ("05_abc", "q9", '"AC"'), ("08_loyalty_value", "q9", '"AC"')],
)
def test_an_empty_choice_is_named_empty(assignment, question, example):
    for empty in ("", "  ", " , "):
        failed = _question_failure(assignment, question, empty)
        assert failed is not None and failed.code == "empty", failed
        assert failed.message.startswith("your answer is empty: give the letter")
        assert failed.message.endswith(f"e.g. {example}.")
        assert "option letters A, B" not in failed.message
    assert "option letters" in str(_question_failure(assignment, question, "AZ"))
