"""Visible checks: one-line messages that name the likely mistake, and never an answer."""

from __future__ import annotations

import ast
import inspect
import json

import pandas as pd
import pytest

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
    with pytest.raises(ValueError, match="unknown assignment"):
        for_assignment("99_nope")


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
