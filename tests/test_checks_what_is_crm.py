"""The visible checks of 00_what_is_crm: every likely mistake is named (fast, without grading)."""

from __future__ import annotations

import pandas as pd

from tests.check_helpers import assert_passes, failure_of

A = "00_what_is_crm"
failure = failure_of(A)


def test_checks_name_the_typical_mistakes():
    assert "number of purchases in 1998" in failure("q1", 1191)
    assert "whole number" in failure("q1", 0.2)
    assert "average purchase" in failure("q2", 35.2785)
    assert "not a percentage" in failure("q3", 67.4)
    assert "ranked single purchases" in failure("q3", 0.4811)
    assert "same day" in failure("q4", 0.5112)
    assert "count stores, not cities" in failure("q5", 0)
    assert "more than one purchase" in failure("q5", 542)
    assert "2024, the chapter's year" in failure("q5", 879)
    assert "single-choice" in failure("q7", "AB")
    assert "option letters A, B, C, D" in failure("q8", "E")
    assert "string of option letters" in failure("q16", ["A", "B"])


def test_function_question_checks():
    def cards(purchases, *, purchases_as_days=False, days_as_rows=False):
        g = purchases.groupby("customer_id")
        return pd.DataFrame(
            {
                "purchases": g["date"].nunique() if purchases_as_days else g.size(),
                "spend": g["amount"].sum(),
                "first_purchase": g["date"].min(),
                "last_purchase": g["date"].max(),
                "active_days": g.size() if days_as_rows else g["date"].nunique(),
            }
        )

    def mutates(purchases):
        purchases["amount"] = 0.0
        return cards(purchases)

    assert "two purchases on the same day are two purchases" in failure(
        "q6", lambda p: cards(p, purchases_as_days=True)
    )
    assert "one active day" in failure("q6", lambda p: cards(p, days_as_rows=True))
    assert "exactly the columns" in failure("q6", lambda p: cards(p).drop(columns="spend"))
    assert "indexed" not in failure("q6", lambda p: cards(p).reset_index())
    assert "raised an error" in failure("q6", mutates) or "changed the DataFrame" in failure(
        "q6", mutates
    )
    assert "pandas DataFrame" in failure("q6", lambda p: cards(p).to_dict())
    assert "Timestamps" in failure("q6", lambda p: cards(p).assign(last_purchase="x"))
    assert_passes(A, "q6", cards)
