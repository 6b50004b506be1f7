"""The visible checks of 01_retention_economics: every likely mistake is named (fast)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.check_helpers import assert_passes, failure_of

A = "01_retention_economics"
failure = failure_of(A)


def test_checks_name_the_typical_mistakes():
    costs = pd.Series({"radio": 500.0, "leaflets": 300.0, "online": 600.0})
    assert "spend / customers won" in failure("q1", 1 / costs)
    assert "0.12, not 12" in failure("q2", 300 / (1500 * 12))
    assert "divide it by 100" in failure("q3", 350 * 40 * 2_500_000.0)
    assert "not a percentage" in failure("q4", 78.7)
    assert "first half's customers" in failure("q4", 901 / 1534)
    assert "not a percentage" in failure("q5", 23.3333)
    assert "m r, not m" in failure("q5", (1 / 0.32) / (1 / 0.37) - 1)
    assert "75% to 80%" in failure("q5", (0.7875 / (1.12 - 0.7875)) / (0.75 / 0.37) - 1)
    quality = pd.Series({"poor": 0.26 / 0.15, "medium": 0.10 / 0.21, "high": 0.01 / 0.31})
    assert "droppers by the adders" in failure("q6", quality)
    assert "exactly 50% is not below" in failure("q8", ["W1", "W3", "W4", "W5"])
    assert "W1 to W6" in failure("q8", ["W9"])
    assert "list, set or tuple" in failure("q8", "W1 W4")
    assert "single" not in failure("q9", "F") and "option letters" in failure("q9", "F")


def test_function_question_checks():
    def no_retention(customers, discount, periods=None):
        if periods == 0:
            return customers["margin"] * 0.0
        return customers["margin"] / (1 + discount - customers["retention"])

    def returns_list(customers, discount, periods=None):
        return [0.0] * len(customers)

    def mutates(customers, discount, periods=None):
        customers["margin"] = 0.0
        return customers["margin"]

    assert "m r / (1 + d - r)" in failure("q7", no_retention)
    assert "pandas Series" in failure("q7", returns_list)
    assert "changed the DataFrame" in failure("q7", mutates)


@pytest.mark.parametrize(("question", "answer"), [("q2", 1.0), ("q8", {"W2"}), ("q10", "ae")])
def test_a_well_formed_answer_passes_the_check(question, answer):
    assert_passes(A, question, answer)
