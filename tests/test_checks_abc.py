"""The visible checks of 05_abc: every likely mistake is named (fast, without grading)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.check_helpers import assert_passes, failure_of

A = "05_abc"
failure = failure_of(A)


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


@pytest.mark.parametrize(
    ("question", "answer"),
    [("q8", "c"), ("q9", "ACE"), ("q2", {"f", "e"})],  # q8: format only, any single letter
)
def test_a_well_formed_answer_passes_the_check(question, answer):
    assert_passes(A, question, answer)


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

    assert "return a pandas Series" in failure("q7", returns_list)
    assert "does not exceed the target" in failure("q7", crossing)
    assert "changed the Series" in failure("q7", mutates)
