"""Visible checks of assignment 01_retention_economics (the economics of keeping customers).

Each question's checks test the format of the student's own answer and compare a fingerprint of
it with fingerprints of known mistakes. Only fingerprints of *wrong* answers are stored here;
nothing in this module holds or computes a correct answer.
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

CAMPAIGNS = {"radio", "leaflets", "online"}
QUALITIES = {"poor", "medium", "high"}
WALLET_IDS = {f"W{i}" for i in range(1, 7)}


def _is_number(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    return isinstance(x, (int, float)) or type(x).__name__.startswith(("float", "int"))


def _is_series(x: Any) -> bool:
    return type(x).__name__ == "Series"


def _round4(x: Any) -> float:
    return round(float(x), 4)


def _by_label(series: Any) -> dict[str, float]:
    return {str(k): _round4(v) for k, v in series.items()}


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


def _series_rules(labels: set[str], what: str) -> list[Rule]:
    return [
        Rule(
            "series",
            f"give a pandas Series with one value per {what}.",
            lambda a: not _is_series(a),
        ),
        Rule(
            "labels",
            f"index the Series by {what}: {', '.join(sorted(labels))}.",
            lambda a: {str(k) for k in a.index} != labels or len(a) != len(labels),
        ),
        Rule(
            "numbers",
            "the Series must hold finite numbers.",
            lambda a: not all(_is_number(v) and math.isfinite(float(v)) for v in a),
        ),
    ]


q1 = QuestionChecks(
    "q1",
    rules=_series_rules(CAMPAIGNS, "campaign"),
    mistakes={
        "c9267e9789b900da": "you divided customers by spend: that is customers won per yuan. "
        "The cost of a new customer is spend / customers won.",
    },
    normalise=_by_label,
)

q2 = QuestionChecks(
    "q2",
    rules=[
        *_number_rules("the number of years"),
        Rule(
            "positive",
            "the payback time is a positive number of years.",
            lambda a: not float(a) > 0,
        ),
    ],
    mistakes={
        "910fbad9b644f71a": "the margin is 12%, that is 0.12, not 12.",
        "580c693d83e1822c": "you divided by the yearly revenue; the cost is repaid from profit = revenue x margin.",
        "fc0d68d2c32f1ea1": "that is the most expensive campaign; the question asks about the cheapest.",
        "6f34cc98dd1fe515": "you used the average cost over all campaigns; the question asks about the cheapest.",
        "54cfbfd4dfbba0b2": "you used the mean of the three costs; the question asks about the cheapest campaign.",
    },
    normalise=_round4,
)

q3 = QuestionChecks(
    "q3",
    rules=[
        *_number_rules("the yearly spend"),
        Rule("positive", "the spend is a positive number of dollars.", lambda a: not float(a) > 0),
    ],
    mistakes={
        "00c67929d50ee346": "the table stores the churn rate in percent (40 means 40%): divide it by 100.",
        "e85eaf58cc73b538": "the firm replaces only the customers it loses in a year, not all of them.",
        "427d0d09fccc738b": "you divided by the churn rate; the customers lost a year are customers x churn.",
        "785e7ecb5b295ed8": "that is the cost per customer; multiply by the 2.5 million customers.",
        "e614719b75266f52": "you divided by the churn rate, given in percent; multiply by churn / 100 instead.",
    },
    normalise=lambda a: round(float(a), 2),
)

q4 = QuestionChecks(
    "q4",
    rules=_fraction_rules("the retention rate"),
    mistakes={
        "b3e8ee054173f21b": "you divided by the customers of the second half; retention is a share of the "
        "first half's customers.",
        "2713119bfcebc10f": "the first half runs from January to June, month 6 included.",
        "7b251cd64ba6c8c2": "you divided by all customers of 2024; divide by the customers of the first half.",
        "cd7a3010c4b5079a": "that is the share who did NOT come back (churn); the question asks for retention.",
    },
    normalise=_round4,
)

q5 = QuestionChecks(
    "q5",
    rules=[
        *_number_rules("the relative rise"),
        Rule(
            "fraction",
            "give the rise as a fraction (0.10 for 10%), not a percentage.",
            lambda a: float(a) > 5,
        ),
    ],
    mistakes={
        "74e36603625ac1ab": "give the rise as a fraction (0.10 for 10%), not a percentage.",
        "8a132d8d6bdddfa1": "the margin of year t comes only if the customer has stayed t times: the "
        "numerator is m r, not m.",
        "a1c4b0c42effcd97": "five percentage points means 75% to 80%, not 75% x 1.05.",
        "f0280ddf320db0fd": "that is the difference of the two values per unit of margin; the question asks "
        "by what fraction the value rises.",
        "03e2666727464dab": "that is the relative rise of the retention rate itself, not of the lifetime value.",
    },
    normalise=_round4,
)

q6 = QuestionChecks(
    "q6",
    rules=_series_rules(QUALITIES, "CRM quality level"),
    mistakes={
        "aa70cb089c7e3b72": "you divided the droppers by the adders; the question asks for adders per dropper.",
        "23efd3b7cbb8b608": "that is adders minus droppers; the question asks how many adders there are per dropper.",
    },
    normalise=_by_label,
)


def _run_clv(func: Any) -> list[float]:
    """Call the student's function on a small check example (not one the grader uses)."""
    import pandas as pd

    example = pd.DataFrame({"margin": [90.0, 40.0], "retention": [0.8, 0.5]}, index=["a", "b"])
    original = example.copy()
    result = returned(_Q7, func, func(example, 0.1))
    if not example.equals(original):
        raise _Q7.fail("mutates")
    if not _is_series(result):
        raise _Q7.fail("series")
    if sorted(map(str, result.index)) != ["a", "b"]:
        raise _Q7.fail("index")
    if not all(_is_number(v) and math.isfinite(float(v)) for v in result):
        raise _Q7.fail("numbers")
    zero = func(example, 0.1, 0)
    if not _is_series(zero) or any(float(v) != 0 for v in zero):
        raise _Q7.fail("zero-periods")
    return [_round4(result[k]) for k in ("a", "b")]


_Q7 = QuestionChecks(
    "q7",
    rules=[
        Rule(
            "callable",
            "q7 asks for a function: define customer_clv(customers, discount, periods=None) with def.",
            lambda a: not callable(a),
        ),
    ],
    mistakes={
        "64cdcca5603c7ab0": "the margin of year t comes only if the customer has stayed t times: over an "
        "unlimited horizon the sum is m r / (1 + d - r), not m / (1 + d - r).",
        "476088d4fa066f64": "you counted a margin at the start (t = 0) too; the first margin comes at the end "
        "of year 1.",
        "53bfd2f5c6c7d13c": "discount every year, not only the first: the sum of (r / (1 + d))^t is "
        "r / (1 + d - r).",
        "cf995dacaa54894b": "you left out the discount rate (and counted a margin at t = 0).",
        "b9e783dd1c9a6abd": "you left out the discount rate: money in year t is worth 1 / (1 + d)^t today.",
    },
    normalise=_run_clv,
)


def _runs_fails(func: Any) -> bool:
    try:
        _run_clv(func)
    except CheckFailed:
        raise
    except Exception:
        return True
    return False


_Q7.rules.extend(
    [
        *function_rules(),
        Rule(
            "mutates",
            "your function changed the DataFrame passed to it; work on a copy.",
            lambda a: False,
        ),
        Rule(
            "series",
            "return a pandas Series of lifetime values, one per customer.",
            lambda a: False,
        ),
        Rule(
            "index",
            "return one value per customer, indexed like the input DataFrame.",
            lambda a: False,
        ),
        Rule(
            "numbers", "your function returned values that are not finite numbers.", lambda a: False
        ),
        Rule(
            "zero-periods",
            "with periods=0 there are no margins to add up: return 0 for every customer.",
            lambda a: False,
        ),
        Rule(
            "runs",
            "your function raised an error on a small example DataFrame; try it on one yourself.",
            lambda a: _runs_fails(a),
        ),
    ]
)


def _ids(answer: Any) -> frozenset[str]:
    return frozenset(str(x).strip() for x in answer)


q8 = QuestionChecks(
    "q8",
    rules=[
        Rule(
            "collection",
            'give the customer ids as a list, set or tuple of strings, e.g. ["W1", "W2"].',
            lambda a: (
                not isinstance(a, (list, tuple, set, frozenset))
                and type(a).__name__ not in ("Index", "ndarray")
            ),
        ),
        Rule("ids", "use the customer ids W1 to W6 only.", lambda a: not _ids(a) <= WALLET_IDS),
    ],
    mistakes={
        "b37fa57e1eee3ddd": "a customer share of exactly 50% is not below 50%.",
        "5f778fe7d0224f01": "you divided by the firm's total sales; customer share divides by the customer's "
        "own spending on the whole category.",
        "b35f5e4b70f23a88": "those customers have a share above 50%; the question asks for below 50%.",
        "111c6d65c20cb249": "those are the customers at or above 50%; the question asks for below 50%.",
    },
    normalise=_ids,
)

QUESTIONS: dict[str, QuestionChecks] = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": q4,
    "q5": q5,
    "q6": q6,
    "q7": _Q7,
    "q8": q8,
    "q9": choice_question("q9", "ABCDE", single=False),
    "q10": choice_question("q10", "ABCDE", single=False),
    "q11": choice_question("q11", "ABCDE", single=False),
}
