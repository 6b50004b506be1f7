"""The visible checks of the capstone project 09_capstone (fast, without grading)."""

from __future__ import annotations

import pandas as pd

from crmlab.checks import capstone as capstone_checks
from tests.check_helpers import failure_of

A = "09_capstone"
failure = failure_of(A)


def test_format_rules():
    table = pd.DataFrame({"customers": [1], "revenue": [2.0]}, index=["champions"])
    assert "ten segment names" in failure("q1", table)
    assert "shares of the cohort" in failure("q2", pd.Series([100, 20, 10, 9, 8, 7]))
    assert "0 to 5" in failure("q2", pd.Series([1.0, 0.2]))
    assert "fraction between 0 and 1" in failure("q3", 54)
    assert "it is positive" in failure("q4", 0.0)
    assert "leave out the segments without customers" in failure(
        "q5", pd.Series([1.0, float("nan")], index=["champions", "promising"])
    )
    assert "exactly the keys" in failure("q6", {"A": 1, "B": 2})
    assert f"{capstone_checks.CUSTOMERS} customers" in failure(
        "q7", {"lead": 1, "iron": 1, "gold": 1, "platinum": 1}
    )
