"""The visible checks of 07_servqual: every likely mistake is named (fast, without grading)."""

from __future__ import annotations

import pandas as pd
import pytest

from crmlab.checks import servqual as servqual_checks
from tests.check_helpers import assert_passes, failure_of

A = "07_servqual"
failure = failure_of(A)


def test_format_rules_and_named_mistakes():
    assert "one number" in failure("q1", "-0.9")
    assert "between -6 and 6" in failure("q1", 12.0)
    assert "item names q1 ... q22" in failure("q2", ["q5", "x7"])
    assert "appears twice" in failure("q2", ["q5", "q5"])
    assert "six largest shortfalls" in failure("q2", {"q5", "q6", "q12", "q13", "q8", "q7"})
    assert "five English dimension names" in failure("q3", {"tangibles": -0.1})
    assert "Series (or a dict)" in failure("q3", [-0.1] * 5)
    assert "divide the weighted sum" in failure("q5", -86.634)
    assert "option letters A, B, C, D" in failure("q8", "ABE")
    assert "exactly the keys" in failure("q9", {"access": "empathy"})
    assert "each value is one of" in failure(
        "q9",
        {
            "access": "care",
            "courtesy": "assurance",
            "communication": "empathy",
            "security": "assurance",
        },
    )


def test_function_checks():
    def mutates(p, e, d):
        p.iloc[0, 0] = 0
        return pd.Series({v: 0.0 for v in d.values()})

    def wrong_labels(p, e, d):
        return pd.Series({"x": 0.0})

    def sign(p, e, d):
        c = list(d)
        return (e[c] - p.loc[e.index, c]).mean().groupby(pd.Series(d)).mean()

    assert "changed a DataFrame" in failure("q7", mutates)
    assert "one gap per dimension" in failure("q7", wrong_labels)
    assert "perception minus expectation" in failure("q7", sign)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("q1", -0.5),
        ("q8", "ab"),
        ("q3", pd.Series({d: -0.5 for d in servqual_checks.DIMENSIONS})),
    ],
)
def test_a_well_formed_answer_passes_the_check(question, answer):
    assert_passes(A, question, answer)
