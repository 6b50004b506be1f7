"""The visible checks of 03_trust: every likely mistake is named (fast, without grading)."""

from __future__ import annotations

import pandas as pd

from crmlab.checks import trust as trust_checks
from crmlab.datasets import load_trust_survey
from tests.check_helpers import assert_passes, failure_of

A = "03_trust"
failure = failure_of(A)


def test_format_rules():
    survey = load_trust_survey().set_index("respondent_id")
    assert "fraction between 0 and 1" in failure("q1", 38.5)
    assert "at most 1" in failure("q2", 1.2)
    assert "TOTAL" in failure("q2", -6.98)
    assert "construct names exactly" in failure("q3", {"dependence"})
    assert "those below it" in failure(
        "q3", {"shared wishes", "shared values", "communication quality", "trust"}
    )
    assert "Series" in failure("q4", [3.0] * 400)
    assert "did you add the items up" in failure(
        "q4", survey[["no1", "no2", "no3", "no4"]].sum(axis=1)
    )
    scores = pd.DataFrame(
        {
            c: survey[[f"{p}{i}" for i in range(1, 5)]].mean(axis=1)
            for c, p in zip(
                trust_checks.CONSTRUCTS, ["sw", "sv", "md", "cq", "no", "tr"], strict=True
            )
        }
    )
    assert 'leave "trust" itself out' in failure("q6", scores.corr()["trust"])
    assert "item tr1 alone" in failure("q6", scores.drop(columns="trust").corrwith(survey["tr1"]))
    assert "Spearman" in failure("q6", scores.corr(method="spearman")["trust"].drop("trust"))


def test_function_question_checks():
    def alpha(frame, k=None):
        k = frame.shape[1] if k is None else k
        return k / (k - 1) * (1 - frame.var().sum() / frame.sum(axis=1).var())

    def whole_scale(items):
        return pd.Series(alpha(items), index=items.columns)

    def full_k(items):
        return pd.Series({c: alpha(items.drop(columns=c), k=items.shape[1]) for c in items.columns})

    def mutates(items):
        items.iloc[0, 0] = 5
        return pd.Series(0.5, index=items.columns)

    assert "leave each item out" in failure("q5", whole_scale)
    assert "k of the whole scale" in failure("q5", full_k)
    assert "changed the DataFrame" in failure("q5", mutates)
    assert "order of the columns" in failure(
        "q5", lambda items: pd.Series(0.5, index=items.columns[::-1])
    )
    assert_passes(
        A, "q5", lambda items: pd.Series({c: alpha(items.drop(columns=c)) for c in items.columns})
    )
