"""Visible checks: one-line messages that name the likely mistake, and never an answer."""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import pandas as pd
import pytest

import crmlab.checks
from crmlab.checks import CheckFailed, fingerprint, for_assignment, serialise
from crmlab.checks import abc as abc_checks
from tests.grading_helpers import REPO, key_values

grader = for_assignment("05_abc")


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


def test_failure_renders_as_one_line_not_a_traceback():
    with pytest.raises(CheckFailed) as info:
        grader.check("q2", ...)
    lines = info.value._render_traceback_()
    assert len(lines) == 1 and "not attempted yet" in lines[0] and "Traceback" not in lines[0]


def test_crossing_rule_is_named():
    crossing = set("fetdinhpmbls")  # the customer that crosses 80% included
    assert "does not exceed the target" in failure("q2", crossing)
    assert "does not exceed the target" in failure("q2", "".join(sorted(crossing)))


def test_worked_example_answer_is_recognised():
    assert "80%" in failure("q2", list("fetdinhpm"))


def test_format_rules():
    assert "letters a to t" in failure("q2", ["f", "z"])
    assert "largest sales" in failure("q2", ["e", "t"])
    assert "twice" in failure("q3", ["a", "a"])
    assert "fraction between 0 and 1" in failure("q4", 55)
    assert "20 distributors" in failure("q5", {"A": 1, "B": 1, "C": 1})
    assert "10k yuan" in failure("q5", {"A": 0, "B": 0, "C": 20})
    assert "order by sales" in failure("q6", "fetdin")
    assert "single-choice" in failure("q8", "AD")
    assert "option letters A, B, C, D" in failure("q8", "E")
    assert "string of option letters" in failure("q9", ["A", "B"])


def test_a_well_formed_answer_passes_the_check(capsys):
    grader.check("q8", "c")  # format only: any single letter passes
    grader.check("q9", "ACE")
    grader.check("q2", {"f", "e"})
    assert "format OK" in capsys.readouterr().out


def test_function_question_checks():
    def returns_list(values, shares=(0.7, 0.2, 0.1)):
        return ["A"] * len(values)

    def crossing(values, shares=(0.7, 0.2, 0.1)):
        ordered = values.sort_values(ascending=False)
        before = ordered.cumsum() - ordered
        out = pd.Series("C", index=ordered.index)
        out[before < 0.9 * ordered.sum()] = "B"
        out[before < 0.7 * ordered.sum()] = "A"
        return out

    def mutates(values, shares=(0.7, 0.2, 0.1)):
        values.iloc[0] = 0
        return pd.Series("A", index=values.index)

    def broken(values, shares=(0.7, 0.2, 0.1)):
        raise KeyError("oops")

    assert "return a pandas Series" in failure("q7", returns_list)
    assert "does not exceed the target" in failure("q7", crossing)
    assert "changed the Series" in failure("q7", mutates)
    assert "raised an error" in failure("q7", broken)
    assert "define classify" in failure("q7", 42)
    assert "not attempted" in failure("q7", lambda values, shares=None: None)


def test_check_modules_hold_no_answers():
    """No constant in the check module equals an answer of the key, or its letters as a set."""
    key = json.loads((REPO / "keys" / "05_abc.json").read_text())
    answers = {
        entry["question"]: list(key_values(entry["value"]))
        for entry in key["notebooks"]["05_abc"]["cells"].values()
    }
    letter_sets = {frozenset(v for v in vals if isinstance(v, str)) for vals in answers.values()}
    strings = {v for vals in answers.values() for v in vals if isinstance(v, str) and len(v) > 1}
    numbers = {
        v for vals in answers.values() for v in vals if isinstance(v, float) and v not in (0.0, 1.0)
    }
    constants = [
        n.value
        for n in ast.walk(ast.parse(inspect.getsource(abc_checks)))
        if isinstance(n, ast.Constant)
    ]
    for c in constants:
        if isinstance(c, str):
            assert c not in strings, c
            assert frozenset(c) not in letter_sets or len(c) < 2, c
        if isinstance(c, float):
            assert c not in numbers, c


def test_unknown_question_and_assignment():
    with pytest.raises(ValueError, match="no question 'q99'"):
        grader.check("q99", 1)
    with pytest.raises(ValueError, match="unknown assignment '99_nope': crmlab has no module"):
        for_assignment("99_nope")
    with pytest.raises(ValueError, match="an assignment id is a two-digit number"):
        for_assignment("abc")


def test_every_assignment_of_the_manifest_has_its_check_module_and_no_module_is_orphaned():
    from crmlab.checks import checks_module
    from crmlab.course.manifest import load_course

    course = load_course(Path(__file__).resolve().parents[1])
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
