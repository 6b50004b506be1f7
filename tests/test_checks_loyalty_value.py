"""The visible checks of 08_loyalty_value: every likely mistake is named (fast, without grading)."""

from __future__ import annotations

import pandas as pd
import pytest

from crmlab.checks import loyalty_value as loyalty_checks
from tests.check_helpers import assert_passes, failure_of

A = "08_loyalty_value"
failure = failure_of(A)


def test_format_rules():
    assert "fraction between 0 and 1" in failure("q1", 48.3)
    assert "one number" in failure("q3", "0.6")
    rfm = pd.DataFrame({"recency": [1], "frequency": [1], "monetary": [1.0]})
    assert "one row per customer" in failure("q2", rfm)
    assert "exactly the columns" in failure("q2", rfm.rename(columns={"monetary": "money"}))
    assert "pandas DataFrame" in failure("q2", {"recency": 1})
    assert "total is positive" in failure("q5", -3.0)
    assert "indexed by customer" in failure("q7", [50.0] * 4)
    assert "from 0 to 100" in failure(
        "q7", pd.Series([0.5, 0.4, 0.3, 0.2], index=["k1", "k2", "k3", "k4"])
    )
    assert "single-choice" in failure("q8", "AC")
    assert "option letters A, B, C, D, E" in failure("q10", "F")


def test_rfm_checks_name_the_recency_mistakes():
    ids = pd.Index([f"{i:05d}" for i in range(loyalty_checks.CUSTOMERS)], name="customer_id")
    table = pd.DataFrame({"recency": 10, "frequency": 1, "monetary": 1.0}, index=ids)
    assert "never negative" in failure("q2", table.assign(recency=-1))
    assert "not by position" in failure("q2", table.reset_index(drop=True))
    assert_passes(A, "q2", table)  # well formed


def _rfm_counted_to(end: pd.Timestamp, extra_days: int = 0) -> pd.DataFrame:
    """The q2 table of the real sample, with recency counted to ``end`` (plus ``extra_days``)."""
    from crmlab.datasets import load_cdnow

    by_customer = load_cdnow(sample=True).groupby("customer_id")
    return pd.DataFrame(
        {
            "recency": (end - by_customer["date"].max()).dt.days + extra_days,
            "frequency": by_customer.size(),
            "monetary": by_customer["amount"].sum(),
        }
    )


ONE_DAY_OFF = (
    "q2: your recencies are all one day off: count the days from the last purchase to 1998-06-30 "
    "(a purchase on 1998-06-30 has recency 0)."
)


@pytest.mark.parametrize(
    ("end", "extra_days"),
    [("1998-06-30", 1), ("1998-07-01", 0), ("1998-06-29", 0), ("1998-06-30", -1)],
    ids=["days-plus-one", "from-1998-07-01", "from-1998-06-29", "days-minus-one"],
)
def test_an_off_by_one_recency_is_named_as_such(end, extra_days):
    assert failure("q2", _rfm_counted_to(pd.Timestamp(end), extra_days)) == ONE_DAY_OFF


def test_recency_counted_to_today_is_told_not_from_today():
    today = failure("q2", _rfm_counted_to(pd.Timestamp.today()))
    assert today.endswith("measure it back from 1998-06-30, not from today.")
    assert_passes(A, "q2", _rfm_counted_to(pd.Timestamp("1998-06-30")))  # the chapter's definition


def test_recency_from_another_date_is_not_said_to_be_from_today():
    message = failure("q2", _rfm_counted_to(pd.Timestamp("1999-12-31")))
    assert "at most 545 days" in message and "today" not in message
    assert "one day off" not in message
    seconds = _rfm_counted_to(pd.Timestamp("1998-06-30"))
    seconds["recency"] = seconds["recency"] * 86_400  # seconds, not days
    assert "today" not in failure("q2", seconds)


def test_function_checks():
    assert "returns None" in failure("q6", lambda m, r, d, t: None)
    assert "periods = 0" in failure("q6", lambda m, r, d, t: m)

    def discount_one_period_late(m, r, d, t):
        return sum(m * r**k / (1 + d) ** (k - 1) for k in range(1, t + 1))

    assert "power t - 1" in failure("q6", discount_one_period_late)
