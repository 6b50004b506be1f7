"""Visible checks of assignment 00_what_is_crm (what CRM is).

Each question's checks test the format of the student's own answer and compare a fingerprint of
it with fingerprints of known mistakes. Only fingerprints of *wrong* answers are stored here;
nothing in this module holds or computes a correct answer. The exam questions are checked for
their format only.
"""

from __future__ import annotations

import math
from typing import Any

from crmlab.checks._core import (
    CheckFailed,
    QuestionChecks,
    Rule,
    choice_question,
    function_rules,
    returned,
)

CARD_COLUMNS = {"purchases", "spend", "first_purchase", "last_purchase", "active_days"}


def _is_number(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    return isinstance(x, (int, float)) or type(x).__name__.startswith(("float", "int"))


def _is_whole(x: Any) -> bool:
    return _is_number(x) and math.isfinite(float(x)) and float(x) == int(x)


def _round4(x: Any) -> float:
    return round(float(x), 4)


def _count_rules(what: str) -> list[Rule]:
    return [
        Rule("number", f"give {what} as one whole number, e.g. 12.", lambda a: not _is_number(a)),
        Rule(
            "whole",
            f"{what} is a count of customers: a whole number, not a share.",
            lambda a: not _is_whole(a),
        ),
        Rule("non-negative", "a count cannot be negative.", lambda a: float(a) < 0),
    ]


def _number_rules(what: str) -> list[Rule]:
    return [
        Rule(
            "number",
            f"give {what} as one number (a float), not a Series or a list.",
            lambda a: not _is_number(a),
        ),
        Rule(
            "finite",
            "your number is not finite (nan or inf): check for a division by zero.",
            lambda a: not math.isfinite(float(a)),
        ),
    ]


def _fraction_rules(what: str) -> list[Rule]:
    return [
        *_number_rules(what),
        Rule(
            "fraction",
            "give a fraction between 0 and 1 (0.25 for 25%), not a percentage or a count.",
            lambda a: not 0 <= float(a) <= 1,
        ),
    ]


q1 = QuestionChecks(
    "q1",
    rules=_count_rules("the number of customers"),
    mistakes={
        "82b5acfc0ff7e019": "that is the number of purchases in 1998; count each customer once (nunique).",
        "e54bb0d4d936cd38": "that is every customer of the sample; keep only those with a purchase dated 1998.",
    },
    normalise=int,
)

q2 = QuestionChecks(
    "q2",
    rules=[
        *_number_rules("the average spend"),
        Rule(
            "positive", "customers spent a positive amount on average.", lambda a: not float(a) > 0
        ),
    ],
    mistakes={
        "8037162e24fa59d4": "that is the average purchase; first add up each customer's purchases, then average "
        "over customers.",
        "ae1f7bd63167cd8d": "that is the median customer; the question asks for the average (mean).",
        "e2dac0a32b99ed98": "divide by all 2,357 customers, not only those who bought in 1998.",
    },
    normalise=_round4,
)

q3 = QuestionChecks(
    "q3",
    rules=_fraction_rules("the share"),
    mistakes={
        "bbda988a95293b16": "give the share as a fraction (0.25 for 25%), not a percentage.",
        "1307d82a2b42d2a2": "take exactly len(spend) // 5 customers (rounded down), not one more.",
        "fbcaf2b86d53bcca": "you ranked single purchases; rank customers by their total spending first.",
        "ca634d260684856c": "that is the share of the other 80% of customers; the question asks about the top 20%.",
        "549a1c096c5636b0": "you took the 20% who spent least: sort from the largest total to the smallest.",
    },
    normalise=_round4,
)

q4 = QuestionChecks(
    "q4",
    rules=_fraction_rules("the share"),
    mistakes={
        "f7ceb3318d40dc13": "you counted customers with one purchase; some bought twice on the same day. "
        "Count the different dates (nunique).",
        "6a11028d1a48512d": "that is the share who came back on another day; the question asks for one-day customers.",
    },
    normalise=_round4,
)

q5 = QuestionChecks(
    "q5",
    rules=_count_rules("the number of customers"),
    mistakes={
        "8f7294e8b8654533": "that counts customers with more than one purchase; count those with more than one "
        "store (nunique of store_id).",
        "0d725cb4ee2a02af": "that covers 2023 and 2024; keep only the purchases of 2023.",
        "af171cc64f3142bd": "that is 2024, the chapter's year; the question asks about 2023.",
        "b252c4073dfd5060": "no customer bought in two cities, but many bought in two stores of one city: "
        "count stores, not cities.",
        "51305c1b7fd7aeed": "that is every customer of 2023; keep those with more than one store.",
    },
    normalise=int,
)


def _run_cards(func: Any) -> list[tuple[str, int, int]]:
    """Call the student's function on a small check example (not one the grader uses)."""
    import pandas as pd

    example = pd.DataFrame(
        {
            "customer_id": ["u", "v", "u", "u"],
            "date": pd.to_datetime(["2001-03-04", "2001-05-06", "2001-03-04", "2001-02-01"]),
            "amount": [12.25, 30.5, 7.75, 4.5],
            "channel": ["web", "shop", "shop", "web"],
        }
    )
    original = example.copy()
    result = returned(_Q6, func, func(example))
    if not example.equals(original):
        raise _Q6.fail("mutates")
    if type(result).__name__ != "DataFrame":
        raise _Q6.fail("frame")
    if set(map(str, result.columns)) != CARD_COLUMNS or len(result.columns) != len(CARD_COLUMNS):
        raise _Q6.fail("columns")
    if sorted(map(str, result.index)) != ["u", "v"]:
        raise _Q6.fail("index")
    for column in ("first_purchase", "last_purchase"):
        if not all(isinstance(v, pd.Timestamp) for v in result[column]):
            raise _Q6.fail("dates")
    return [
        (str(k), int(row["purchases"]), int(row["active_days"]))
        for k, row in result.sort_index().iterrows()
    ]


_Q6 = QuestionChecks(
    "q6",
    rules=[
        Rule(
            "callable",
            "q6 asks for a function: define customer_cards(purchases) with def.",
            lambda a: not callable(a),
        ),
    ],
    mistakes={
        "b38486c26ce05e36": "`purchases` counts rows: two purchases on the same day are two purchases.",
        "8b1701bce1271e3d": "`active_days` counts different dates: two purchases on the same day are one active day.",
    },
    normalise=_run_cards,
)


def _runs_fails(func: Any) -> bool:
    try:
        _run_cards(func)
    except CheckFailed:
        raise
    except Exception:
        return True
    return False


_Q6.rules.extend(
    [
        *function_rules(),
        Rule(
            "mutates",
            "your function changed the DataFrame passed to it; work on a copy.",
            lambda a: False,
        ),
        Rule("frame", "return a pandas DataFrame with one row per customer.", lambda a: False),
        Rule(
            "columns",
            "return exactly the columns purchases, spend, first_purchase, last_purchase, active_days.",
            lambda a: False,
        ),
        Rule("index", "index the result by customer id, one row per customer.", lambda a: False),
        Rule(
            "dates",
            "first_purchase and last_purchase must be dates (pandas Timestamps), as in the input.",
            lambda a: False,
        ),
        Rule(
            "runs",
            "your function raised an error on a small example DataFrame; try it on one yourself.",
            lambda a: _runs_fails(a),
        ),
    ]
)

# exam questions: question -> (number of options, single choice?); format checks only
_CHOICES = {
    "q7": (4, True),
    "q8": (4, True),
    "q9": (4, True),
    "q10": (4, False),
    "q11": (5, False),
    "q12": (4, True),
    "q13": (4, True),
    "q14": (4, True),
    "q15": (4, True),
    "q16": (5, False),
    "q17": (4, True),
    "q18": (5, False),
    "q19": (5, False),
    "q20": (5, False),
    "q21": (5, False),
    "q22": (5, False),
    "q23": (5, False),
    "q24": (5, False),
    "q25": (4, True),
    "q26": (5, False),
    "q27": (4, True),
    "q28": (5, False),
    "q29": (4, True),
    "q30": (4, True),
}
_LETTERS = "ABCDE"

QUESTIONS: dict[str, QuestionChecks] = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": q4,
    "q5": q5,
    "q6": _Q6,
    **{q: choice_question(q, _LETTERS[:n], single=single) for q, (n, single) in _CHOICES.items()},
}
