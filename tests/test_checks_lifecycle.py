"""The visible checks of 02_lifecycle: every likely mistake is named (fast, without grading)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlab.checks import lifecycle as lifecycle_checks
from tests.check_helpers import assert_passes, failure_of

A = "02_lifecycle"
failure = failure_of(A)


def test_format_rules():
    assert "count customers, not purchases" in failure("q1", 14287)
    assert "eight" in failure("q2", [1.0, 0.5])
    assert "first share is 1" in failure("q2", [0.9] * 8)
    assert "between 0 and 1" in failure("q2", [1.0, 2.7, 4.3, 1, 1, 1, 1, 1])
    assert "five stage names" in failure("q3", {"new": 0.5})
    assert "not a count" in failure("q3", dict.fromkeys(lifecycle_checks.STAGES, 12))
    assert "p0 @ P" in failure("q5", 0.0)
    assert "between 0 and 1" in failure("q6", 70)
    assert "single-choice" in failure("q7", "AC")
    assert "option letters A, B, C, D, E" in failure("q9", "F")


def _rules(order_wrong=False, at_least=False):
    def assign_stage(features, churn_days=180, new_days=90, tolerance=0.2):
        f = features
        silent = f["recency_days"] >= churn_days if at_least else f["recency_days"] > churn_days
        new = (f["tenure_days"] <= new_days) | (f["frequency"] == 1)
        first = [new, silent] if order_wrong else [silent, new]
        labels = ["acquisition", "termination"] if order_wrong else ["termination", "acquisition"]
        rest = [
            f["recent_spend"] > (1 + tolerance) * f["earlier_spend"],
            (f["recent_spend"] < (1 - tolerance) * f["earlier_spend"]) | (f["recent_spend"] == 0),
        ]
        return pd.Series(
            np.select(first + rest, labels + ["growth", "decline"], default="maturity"),
            index=f.index,
        )

    return assign_stage


def test_function_question_checks():
    def mutates(features, **kwargs):
        features["frequency"] = 0
        return pd.Series("growth", index=features.index)

    assert "termination first" in failure("q4", _rules(order_wrong=True))
    assert "more than), not >=" in failure("q4", _rules(at_least=True))
    assert "changed the DataFrame" in failure("q4", mutates)
    assert "pandas Series" in failure("q4", lambda features, **kw: ["growth"] * len(features))
    assert "stage labels" in failure(
        "q4", lambda features, **kw: pd.Series("new", index=features.index)
    )
    assert_passes(A, "q4", _rules())
