"""Visible checks of the practice exam 10_practice_exam (模拟试卷).

The single-choice and true/false items are checked for their format only. The data case (q34 to
q37) has format rules and fingerprints of known mistakes. Only fingerprints of *wrong* answers are
stored here; nothing in this module holds or computes a correct answer. The written items (q1 to
q5, q31 to q33, q38 to q41) are graded by hand and have no checks.
"""

from __future__ import annotations

import re
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

_ID = re.compile(r"B\d{3}")
_COLLECTIONS = (list, tuple, set, frozenset)


def _is_number(x: Any) -> bool:
    return (isinstance(x, (int, float)) and not isinstance(x, bool)) or type(x).__name__.startswith(
        ("float", "int")
    )


def _is_whole(x: Any) -> bool:
    return _is_number(x) and float(x) == int(x)


def true_false_question(question: str) -> QuestionChecks:
    """Checks of a true/false item: the string "T" or "F", never the key.

    >>> q = true_false_question("q21")
    >>> q.run("t")
    >>> q.run(True)
    Traceback (most recent call last):
    crmlab.checks._core.CheckFailed: q21: write the string "T" (true, 对) or "F" (false, 错), not True or False.
    """
    return QuestionChecks(
        question,
        rules=[
            Rule(
                "bool",
                'write the string "T" (true, 对) or "F" (false, 错), not True or False.',
                lambda a: isinstance(a, bool) or type(a).__name__ == "bool_",
            ),
            Rule(
                "not-a-string",
                'write your answer as the string "T" (true, 对) or "F" (false, 错).',
                lambda a: not isinstance(a, str),
            ),
            Rule(
                "t-or-f",
                'give exactly one letter, "T" (true, 对) or "F" (false, 错).',
                lambda a: a.strip().upper() not in ("T", "F"),
            ),
        ],
    )


# --- q34: how many customers are in class A by profit ---------------------------------------

q34 = QuestionChecks(
    "q34",
    rules=[
        Rule(
            "whole-number",
            "give the number of customers as a whole number, e.g. 42.",
            lambda a: not _is_whole(a),
        ),
        Rule(
            "range",
            "the number of class-A customers lies between 1 and 200.",
            lambda a: not 1 <= a <= 200,
        ),
    ],
    mistakes={
        "63af437ebf62826b": "you put the customer that crosses the 70 % line into class A. The lecture's rule: "
        "a customer stays in A only while the running total does not exceed 70 %.",
        "8610088bc8f8761d": "that is class A by this year's sales. This question classifies by profit "
        "contribution (current_value).",
        "f797223ec2b54477": "that is class A by last year's sales or by the sales target. Classify by this "
        "year's profit contribution (current_value).",
        "abdd3844d089e1bb": "that is class A by future value. This question uses this year's profit "
        "contribution (current_value).",
        "d587620c26f1c7d4": "that looks like an 80 % line. This case uses the lecture's 70 / 20 / 10 split.",
    },
    normalise=lambda a: int(a),
)


# --- q35: class A by sales but not by profit -------------------------------------------------


def _ids(answer: Any) -> list[str]:
    return [str(x).strip().upper() for x in answer]


q35 = QuestionChecks(
    "q35",
    rules=[
        Rule(
            "collection",
            'give the customer ids as a set or list of strings, e.g. {"B001", "B002"}.',
            lambda a: (
                not isinstance(a, _COLLECTIONS)
                and type(a).__name__ not in ("Index", "ndarray", "Series")
            ),
        ),
        Rule(
            "ids",
            'use the customer ids of the data, "B001" to "B200".',
            lambda a: any(not _ID.fullmatch(x) or not 1 <= int(x[1:]) <= 200 for x in _ids(a)),
        ),
        Rule(
            "duplicate",
            "a customer appears twice in your answer.",
            lambda a: len(_ids(a)) != len(set(_ids(a))),
        ),
        Rule(
            "empty",
            "your answer is empty: compare the two classes A by their customer ids "
            "(e.g. with sets and the - operator).",
            lambda a: len(_ids(a)) == 0,
        ),
    ],
    mistakes={
        "0b13d5cfa75bdf6e": "the difference is the wrong way round: those customers are A by profit but not "
        "by sales.",
        "23b6bce6211bd4d0": "you put the customers that cross the 70 % line into class A. The lecture's rule: "
        "a customer stays in A only while the running total does not exceed 70 %.",
        "d66e9b806833f89b": "those are the customers that are A in exactly one of the two lists; the question "
        "asks only for those that are A by sales and not A by profit.",
        "fd78873718599d38": "that is the whole class A by sales; remove the customers that are also A by profit.",
    },
    normalise=lambda a: frozenset(_ids(a)),
)


# --- q36: share of the key accounts that missed their target ---------------------------------

q36 = QuestionChecks(
    "q36",
    rules=[
        Rule("number", "give the share as a number.", lambda a: not _is_number(a)),
        missing_rule(),
        Rule(
            "fraction",
            "give the share as a fraction between 0 and 1 (0.25 for 25 %), not a percentage or a count.",
            lambda a: not 0 <= a <= 1,
        ),
    ],
    mistakes={
        "8f8db565a0c66697": "that is the share of all 200 customers; the question asks about the class-A "
        "customers by profit (q34) only.",
        "87f5f26671a436b9": "that is the share among the class-A customers by sales; use class A by profit (q34).",
        "2f88be9a3e6a4626": "you put the customer that crosses the 70 % line into class A. The lecture's rule: "
        "a customer stays in A only while the running total does not exceed 70 %.",
        "8c38ff4681eda22d": "that is the share that met or beat the target; the question asks for the share "
        "that missed it (achievement rate below 1).",
    },
    normalise=lambda a: round(float(a), 3),
)


# --- q37: the watch-list function ------------------------------------------------------------


def _example():
    """A small check example (not one the grader uses)."""
    import pandas as pd

    return pd.DataFrame(
        {
            "customer_id": ["X1", "X2", "X3", "X4", "X5"],
            "sales_last_year": [100.0, 100.0, 100.0, 100.0, 100.0],
            "sales_this_year": [90.0, 120.0, 95.0, 110.0, 130.0],
            "sales_target": [100.0, 150.0, 90.0, 110.0, 100.0],
        }
    )


def _run_watch_list(func: Any) -> list[str]:
    """Call the student's function on the check example and test the form of its result."""
    example = _example()
    original = example.copy()
    result = returned(_Q37, func, func(example))
    if not example.equals(original):
        raise _Q37.fail("mutates")
    if not isinstance(result, list):
        raise _Q37.fail("list")
    ids = [str(x) for x in result]
    if not set(ids) <= set(example["customer_id"]):
        raise _Q37.fail("ids")
    if len(ids) != len(set(ids)):
        raise _Q37.fail("duplicate")
    return ids


def _runs_fails(func: Any) -> bool:
    try:
        _run_watch_list(func)
    except CheckFailed:
        raise
    except Exception:
        return True
    return False


_Q37 = QuestionChecks(
    "q37",
    rules=[
        Rule(
            "callable",
            "q37 asks for a function: define watch_list(data) with def.",
            lambda a: not callable(a),
        ),
    ],
    mistakes={
        "4cdad382776b0b4e": "you flagged only customers that missed the target AND shrank; a customer needs a "
        "visit if either is true (or).",
        "07a50b0caa0f2b3d": "your list runs from the highest achievement rate to the lowest; start with the lowest.",
        "3b2dc0dda825f8fd": "a customer exactly on target (achievement rate 1) has not missed it: use < 1, not <= 1.",
        "ff222c10bec79eb8": "you left out the customers that shrank (growth rate below 0) but met their target.",
        "ce8b35d28624b0be": "you left out the customers that missed their target but grew.",
        "3082946b99b66864": "your list keeps the order of the input rows; order it by achievement rate, lowest first.",
        "d86bda2a2b1793e0": "your list is ordered by growth rate; order it by achievement rate, lowest first.",
    },
    normalise=_run_watch_list,
)
_Q37.rules.extend(
    [
        *function_rules(),
        Rule(
            "mutates",
            "your function changed the DataFrame passed to it; work on a copy.",
            lambda a: False,
        ),
        Rule(
            "list",
            "return a list of customer ids (e.g. list(...)), not a Series, Index or DataFrame.",
            lambda a: False,
        ),
        Rule(
            "ids",
            "return customer ids from the customer_id column of the data you were given.",
            lambda a: False,
        ),
        Rule("duplicate", "a customer appears twice in your list.", lambda a: False),
        Rule(
            "runs",
            "your function raised an error on a small example table; try it on one yourself.",
            lambda a: _runs_fails(a),
        ),
    ]
)


QUESTIONS: dict[str, QuestionChecks] = {
    **{f"q{n}": choice_question(f"q{n}", "ABCD", single=True) for n in range(6, 21)},
    **{f"q{n}": true_false_question(f"q{n}") for n in range(21, 31)},
    "q34": q34,
    "q35": q35,
    "q36": q36,
    "q37": _Q37,
}
