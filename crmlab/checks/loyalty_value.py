"""Visible checks of assignment 08_loyalty_value (loyalty, RFM and customer value).

Each question's checks test the format of the student's own answer and compare a fingerprint of
it with fingerprints of known mistakes. Only fingerprints of *wrong* answers are stored here;
nothing in this module holds or computes a correct answer.
"""

from __future__ import annotations

import string
from typing import Any

from crmlab.checks._core import (
    CheckFailed,
    QuestionChecks,
    Rule,
    choice_question,
    function_rules,
    missing_rule,
    returned,
)

CUSTOMERS = 2357  # customers in the CDNOW sample (the data, not an answer)
LAST_DAY_SPAN = 545  # days from 1997-01-01 to 1998-06-30: no recency can be larger
LAST_DAY = "1998-06-30"  # the last day of the data, the date recency counts back from
RFM_COLUMNS = {"recency", "frequency", "monetary"}
LOYALTY_CUSTOMERS = {"k1", "k2", "k3", "k4"}


def _is_number(x: Any) -> bool:
    return (isinstance(x, (int, float)) and not isinstance(x, bool)) or type(x).__name__.startswith(
        ("float", "int")
    )


def _fraction_rules(what: str) -> list[Rule]:
    return [
        Rule("number", f"give {what} as one number (a float).", lambda a: not _is_number(a)),
        missing_rule(),
        Rule(
            "fraction",
            f"give {what} as a fraction between 0 and 1 (0.25 for 25%), not a percentage or a count.",
            lambda a: not 0 <= float(a) <= 1,
        ),
    ]


def _round(a: Any) -> float:
    return round(float(a), 4)


q1 = QuestionChecks(
    "q1",
    rules=_fraction_rules("the repeat purchase rate"),
    mistakes={
        "c48a91f5abd309fe": "you counted rows: a customer with two rows on the same day made one purchase. Count "
        "distinct customer-days.",
    },
    normalise=_round,
)


def _off_by_one(recency: Any) -> bool:
    """Every recency one day too many or too few (e.g. ``.dt.days + 1``, or from 1998-07-01).

    The log has purchases on its first day and on its last, so recency spans 0 to
    LAST_DAY_SPAN; one day off, it spans 1 to LAST_DAY_SPAN + 1 or -1 to LAST_DAY_SPAN - 1.
    """
    try:
        low, high = int(recency.min()), int(recency.max())
    except Exception:  # missing or not whole numbers of days: another rule names it
        return False
    return low in (-1, 1) and high - low == LAST_DAY_SPAN


def _from_today(recency: Any) -> bool:
    """Recencies counted to the current date instead of 1998-06-30 (thousands of days larger)."""
    import pandas as pd

    offset = (pd.Timestamp.today().normalize() - pd.Timestamp(LAST_DAY)).days
    try:
        low, high = float(recency.min()), float(recency.max())
    except Exception:  # not numbers of days: another rule names it
        return False
    return offset - 3 <= low and high <= offset + LAST_DAY_SPAN + 3


def _rfm_summary(frame: Any) -> tuple[int, int, float]:
    return (
        int(frame["recency"].sum()),
        int(frame["frequency"].sum()),
        round(float(frame["monetary"].sum()), 2),
    )


q2 = QuestionChecks(
    "q2",
    rules=[
        Rule(
            "frame",
            "give the RFM table as a pandas DataFrame.",
            lambda a: type(a).__name__ != "DataFrame",
        ),
        Rule(
            "columns",
            'use exactly the columns "recency", "frequency" and "monetary".',
            lambda a: set(map(str, a.columns)) != RFM_COLUMNS,
        ),
        Rule(
            "rows",
            f"one row per customer: the sample has {CUSTOMERS} customers, indexed by customer_id.",
            lambda a: len(a) != CUSTOMERS or a.index.has_duplicates,
        ),
        Rule(
            "index",
            'index the table by customer_id (e.g. with groupby("customer_id")), not by position.',
            lambda a: a.index.dtype.kind in "iu",
        ),
        Rule(
            "recency-off-by-one",
            "your recencies are all one day off: count the days from the last purchase to "
            "1998-06-30 (a purchase on 1998-06-30 has recency 0).",
            lambda a: _off_by_one(a["recency"]),
        ),
        Rule(
            "recency-sign",
            "recency counts days back from 1998-06-30, so it is never negative.",
            lambda a: (a["recency"] < 0).any(),
        ),
        Rule(
            "recency-today",
            f"the data run from 1997-01-01 to 1998-06-30, so recency is at most {LAST_DAY_SPAN} "
            "days; measure it back from 1998-06-30, not from today.",
            lambda a: _from_today(a["recency"]),
        ),
        Rule(
            "recency-span",
            f"the data run from 1997-01-01 to 1998-06-30, so recency is at most {LAST_DAY_SPAN} "
            "days: count the days from each customer's last purchase to 1998-06-30.",
            lambda a: (a["recency"] > LAST_DAY_SPAN).any(),
        ),
        Rule(
            "frequency",
            "every customer in the table bought at least once.",
            lambda a: (a["frequency"] < 1).any(),
        ),
    ],
    mistakes={
        "77bffee5c5909c83": "your recency is the time between a customer's first and last purchase; recency is the "
        "time from the last purchase to 1998-06-30.",
        "49ad59a4a8ac29ce": "your recency runs from the first purchase to 1998-06-30; it starts at the last purchase.",
        "bf8082f5d1e86668": "your frequency counts distinct purchase days; this table counts every row of the log, "
        "as the chapter's rfm_table does.",
    },
    normalise=_rfm_summary,
)

q3 = QuestionChecks(
    "q3",
    rules=_fraction_rules("the share"),
    mistakes={
        "4ec27c667c97b909": "you took the 20% of customers who bought most often; the question ranks them by "
        "monetary value (total spend).",
    },
    normalise=_round,
)

q4 = QuestionChecks(
    "q4",
    rules=_fraction_rules("the share"),
    mistakes={
        "42f504f35c554ce7": "a customer whose last purchase was exactly 365 days ago is not lapsed: the question "
        "says more than 365 days.",
    },
    normalise=_round,
)

q5 = QuestionChecks(
    "q5",
    rules=[
        Rule("number", "give the total as one number (a float).", lambda a: not _is_number(a)),
        missing_rule(),
        Rule(
            "positive",
            "current values are positive, so a total is positive.",
            lambda a: not float(a) > 0,
        ),
    ],
    mistakes={
        "fa6eb02ff375f648": "those are the iron customers (low current, high future value). Gold customers have a "
        "high current value and a low future value.",
        "794121153413b389": "that is the gold customers' future value; the question asks for their current value.",
    },
    normalise=lambda a: round(float(a), 2),
)


def _run_clv(func: Any) -> list[float]:
    """Call the student's function on small check examples (not the ones the grader uses)."""
    results = []
    for args in ((100, 0.5, 0.1, 2), (60.0, 0.7, 0.0, 1)):
        value = returned(_Q6, func, func(*args))
        if not _is_number(value):
            raise _Q6.fail("number")
        results.append(round(float(value), 4))
    if func(100, 0.5, 0.1, 0) not in (0, 0.0):
        raise _Q6.fail("zero-periods")
    return results


def _runs_fails(func: Any) -> bool:
    try:
        _run_clv(func)
    except CheckFailed:
        raise
    except Exception:
        return True
    return False


_Q6 = QuestionChecks(
    "q6",
    rules=[
        Rule(
            "callable",
            "q6 asks for a function: define lifetime_value(margin, retention, discount, periods) "
            "with def.",
            lambda a: not callable(a),
        ),
    ],
    mistakes={
        "3b005571b9e4aeb1": "your sum starts at t = 0: the first margin comes at the end of period 1, after one "
        "retention and one period of discounting.",
        "eb7273a4730c58ba": "you discount with (1 + d) to the power t - 1; the margin of period t is discounted t "
        "periods, like its retention.",
        "1a34ad25ef1607f1": "you apply the retention r to the power t - 1; the customer must have been retained t "
        "times to bring the margin of period t.",
    },
    normalise=_run_clv,
)
_Q6.rules.extend(
    [
        *function_rules(),
        Rule("number", "return one number (a float).", lambda a: False),
        Rule(
            "zero-periods",
            "with periods = 0 there are no margins, so the value is 0.",
            lambda a: False,
        ),
        Rule(
            "runs",
            "your function raised an error on a small example; try lifetime_value(100, 0.5, 0.1, 2) yourself.",
            lambda a: _runs_fails(a),
        ),
    ]
)


def _loyalty(answer: Any) -> dict[str, float]:
    return {str(k): round(float(v), 2) for k, v in answer.items()}


q7 = QuestionChecks(
    "q7",
    rules=[
        Rule(
            "series",
            "give the indexes as a pandas Series indexed by customer (k1 ... k4).",
            lambda a: type(a).__name__ != "Series",
        ),
        Rule(
            "customers",
            "one index per customer k1, k2, k3, k4: keep the index of `answers`.",
            lambda a: set(map(str, a.index)) != LOYALTY_CUSTOMERS,
        ),
        missing_rule(
            "some loyalty indexes are NaN (missing): a measure missing for a customer, or values "
            "that do not line up by customer; check the three columns you combined."
        ),
        Rule(
            "scale",
            "the index runs from 0 to 100: multiply the mean of the 0-1 scores by 100.",
            lambda a: (
                any(not _is_number(v) or not 0 <= float(v) <= 100 for v in a.tolist())
                or all(float(v) <= 1 for v in a.tolist())
            ),
        ),
    ],
    mistakes={
        "431f96eb58d47489": "you did not turn price sensitivity around: a customer very sensitive to price is less "
        "loyal, so its score is 1 - z.",
        "92f4b5d4c9cb2518": "you scaled each measure by its minimum and maximum over the four customers; use the "
        "questionnaire's range 1 to 7, as the question says.",
    },
    normalise=_loyalty,
)

_ABCD = string.ascii_uppercase[:4]  # option letters A-D
_ABCDE = string.ascii_uppercase[:5]  # option letters A-E

QUESTIONS: dict[str, QuestionChecks] = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": q4,
    "q5": q5,
    "q6": _Q6,
    "q7": q7,
    "q8": choice_question("q8", _ABCD, single=True),
    "q9": choice_question("q9", _ABCD, single=False),
    "q10": choice_question("q10", _ABCDE, single=False),
    "q11": choice_question("q11", _ABCDE, single=False),
}
