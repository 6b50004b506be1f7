"""The visible checks of 04_fairness: every likely mistake is named (fast, without grading)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.check_helpers import assert_passes, failure_of

A = "04_fairness"
failure = failure_of(A)


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

    assert "mean of the parties' ratios" in failure("q5", mean_reference)
    assert "not with 0" in failure("q5", no_tolerance)
    assert "changed a Series" in failure("q5", mutates)
    assert "lower case" in failure("q5", capitalised)


@pytest.mark.parametrize(("question", "answer"), [("q1", 0.05), ("q3", {"P", "R"}), ("q7", 3)])
def test_a_well_formed_answer_passes_the_check(question, answer):
    assert_passes(A, question, answer)
