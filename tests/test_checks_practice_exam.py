"""The visible checks of the practice exam 10_practice_exam (fast, without grading)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.check_helpers import assert_passes, failure_of

A = "10_practice_exam"
failure = failure_of(A)


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

    assert "AND" in failure("q37", both)
    assert "not <= 1" in failure("q37", at_or_below)
    assert "not a Series" in failure("q37", series)
    assert "changed the DataFrame" in failure("q37", mutates)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("q6", "d"),  # format only: any single letter passes
        ("q21", "f"),
        ("q34", 10),
        ("q35", pd.Index(["B001", "B002"])),
        ("q36", 0.2),
        ("q37", lambda data: []),
    ],
)
def test_a_well_formed_answer_passes_the_check(question, answer):
    assert_passes(A, question, answer)
