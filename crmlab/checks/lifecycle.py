"""Visible checks of assignment 02_lifecycle (the customer lifecycle).

Each question's checks test the format of the student's own answer and compare a fingerprint of
it with fingerprints of known mistakes. Only fingerprints of *wrong* answers are stored here;
nothing in this module holds or computes a correct answer.
"""

from __future__ import annotations

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

STAGES = ("acquisition", "growth", "maturity", "decline", "termination")
N_CUSTOMERS = 2000


def _is_number(x: Any) -> bool:
    return (isinstance(x, (int, float)) and not isinstance(x, bool)) or type(x).__name__.startswith(
        ("float", "int")
    )


def _is_share(x: Any) -> bool:
    return _is_number(x) and 0 <= float(x) <= 1


q1 = QuestionChecks(
    "q1",
    rules=[
        Rule("number", "give the number of customers as an integer.", lambda a: not _is_number(a)),
        Rule("whole", "a number of customers is a whole number.", lambda a: float(a) != int(a)),
        Rule(
            "range",
            f"the log has {N_CUSTOMERS} customers; count customers, not purchases.",
            lambda a: not 0 <= a <= N_CUSTOMERS,
        ),
    ],
    mistakes={
        "91eac392bc7e8c20": "you counted the customers who DID buy in the last 180 days; q1 asks for the silent ones.",
    },
    normalise=int,
)

q2 = QuestionChecks(
    "q2",
    rules=[
        Rule(
            "list",
            "give a list of eight floats, one per quarter k = 0 ... 7.",
            lambda a: (
                not isinstance(a, (list, tuple)) and type(a).__name__ not in ("ndarray", "Series")
            ),
        ),
        Rule("eight", "give exactly eight shares, for k = 0, 1, ..., 7.", lambda a: len(a) != 8),
        missing_rule(
            "some shares are NaN (missing): a division by zero, or a quarter missing from your "
            "counts (a quarter without buyers has share 0); check how you counted each quarter."
        ),
        Rule(
            "shares",
            "each entry is a share of the cohort, between 0 and 1. Count each customer once "
            "per quarter, and divide by the cohort's size.",
            lambda a: not all(_is_share(x) for x in a),
        ),
        Rule(
            "start",
            "in its own quarter (k = 0) every customer of the cohort bought: the first share is 1.",
            lambda a: abs(float(list(a)[0]) - 1) > 1e-9,
        ),
    ],
    mistakes={
        "324cad1b03a47d46": "those are the shares who bought in quarter k OR LATER; q2 asks who bought IN quarter k.",
        "e3a0bc505515ff58": "that looks like the January 2023 cohort only; the cohort is January to March 2023.",
    },
    normalise=lambda a: [float(x) for x in a],
)

q3 = QuestionChecks(
    "q3",
    rules=[
        Rule(
            "dict",
            'give a dict such as {"acquisition": 0.5, ...}.',
            lambda a: not isinstance(a, dict),
        ),
        Rule(
            "keys",
            f"use exactly the five stage names as keys: {', '.join(STAGES)}.",
            lambda a: set(map(str, a)) != set(STAGES),
        ),
        missing_rule(
            "some shares are NaN (missing): a mean over no customers, e.g. a stage name spelt "
            "differently from the labels in the data; check the stages you selected."
        ),
        Rule(
            "shares",
            "each value is a share between 0 and 1, not a count.",
            lambda a: not all(_is_share(v) for v in a.values()),
        ),
    ],
    mistakes={
        "9bd4c708568c98d4": "you divided by the customers the RULE puts in each stage (a column of the table); "
        "q3 divides by the customers truly in each stage (a row).",
    },
    normalise=lambda a: {str(k): float(v) for k, v in a.items()},
)

# ---- q4: the student's assign_stage function, run on a small example (not one the grader uses)

_EXAMPLE_ROWS = {
    # tenure_days, recency_days, frequency, recent_spend, earlier_spend
    "k1": (400, 300, 1, 0.0, 0.0),
    "k2": (300, 10, 5, 200.0, 100.0),
    "k3": (300, 10, 5, 50.0, 100.0),
    "k4": (300, 10, 5, 100.0, 100.0),
    "k5": (30, 5, 2, 50.0, 0.0),
    "k6": (300, 180, 4, 0.0, 0.0),
}


def _run_assign(func: Any) -> list[str]:
    import pandas as pd

    example = pd.DataFrame(
        list(_EXAMPLE_ROWS.values()),
        index=list(_EXAMPLE_ROWS),
        columns=["tenure_days", "recency_days", "frequency", "recent_spend", "earlier_spend"],
    )
    original = example.copy()
    result = returned(_Q4, func, func(example))
    if not example.equals(original):
        raise _Q4.fail("mutates")
    if not isinstance(result, pd.Series):
        raise _Q4.fail("series")
    if sorted(map(str, result.index)) != sorted(_EXAMPLE_ROWS):
        raise _Q4.fail("index")
    labels = [str(result[k]) for k in _EXAMPLE_ROWS]
    if not set(labels) <= set(STAGES):
        raise _Q4.fail("labels")
    return labels


def _runs_fails(func: Any) -> bool:
    try:
        _run_assign(func)
    except CheckFailed:
        raise
    except Exception:
        return True
    return False


_Q4 = QuestionChecks(
    "q4",
    rules=[
        Rule(
            "callable",
            "q4 asks for a function: define assign_stage(features, ...) with def.",
            lambda a: not callable(a),
        ),
        *function_rules(),
        Rule(
            "mutates",
            "your function changed the DataFrame passed to it; work on a copy.",
            lambda a: False,
        ),
        Rule("series", "return a pandas Series of stage labels.", lambda a: False),
        Rule(
            "index",
            "return one label per customer, indexed like the input DataFrame.",
            lambda a: False,
        ),
        Rule("labels", f"use only the stage labels {', '.join(STAGES)}.", lambda a: False),
        Rule(
            "runs",
            "your function raised an error on a small example DataFrame; try it on one yourself.",
            lambda a: _runs_fails(a),
        ),
    ],
    mistakes={
        "42c315696737a134": "a customer who bought once, long ago, came out as acquisition: apply the rules "
        "in the given order, termination first.",
        "bc9e7c7962327f7f": "a customer silent for exactly churn_days days came out as termination: the rule "
        "is recency_days > churn_days (more than), not >=.",
    },
    normalise=_run_assign,
)

q5 = QuestionChecks(
    "q5",
    rules=[
        Rule("number", "give the share as a float.", lambda a: not _is_number(a)),
        missing_rule(),
        Rule("share", "a share lies between 0 and 1.", lambda a: not _is_share(a)),
        Rule(
            "zero",
            "no relationship is in commitment? Rows are the current stage: multiply the row "
            "vector from the left, p0 @ P, not P @ p0.",
            lambda a: float(a) == 0,
        ),
    ],
    mistakes={
        "fea2d6c9bd6da6cd": "that is the share after 11 periods; period 0 is the start, so take the 12th power.",
        "f6724aa3d049d445": "that is the share after 13 periods; take the 12th power of P.",
        "bfdbccff42a6857b": "that is the share in dissolution after 12 periods; q5 asks for commitment.",
    },
    normalise=lambda a: float(a),
)

q6 = QuestionChecks(
    "q6",
    rules=[
        Rule("number", "give the share as a float.", lambda a: not _is_number(a)),
        missing_rule(),
        Rule("share", "a share lies between 0 and 1.", lambda a: not _is_share(a)),
    ],
    mistakes={
        "9131789127304276": "you multiplied the one-period probabilities of advancing; but a relationship can "
        "stay in a stage for several periods before it advances or dissolves.",
        "b2e6e6676609a86c": "that product of one-period probabilities ignores that relationships can stay in a "
        "stage; and q6 asks for the share that never reaches commitment.",
        "4ae1911da5694725": "that is the share of relationships that DO reach commitment; q6 asks for the exits.",
        "b5b63dfc64e13a97": "that is everything dissolved after 24 periods, including dissolutions after commitment.",
        "bfdbccff42a6857b": "that is everything dissolved after 12 periods; q6 asks for the long run, and for exits only.",
    },
    normalise=lambda a: float(a),
)

QUESTIONS: dict[str, QuestionChecks] = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": _Q4,
    "q5": q5,
    "q6": q6,
    "q7": choice_question("q7", "ABCD", single=True),
    "q8": choice_question("q8", "ABCD", single=True),
    "q9": choice_question("q9", "ABCDE", single=False),
}
