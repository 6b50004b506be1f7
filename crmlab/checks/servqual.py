"""Visible checks of assignment 07_servqual (service quality, complaints and SERVQUAL).

Each question's checks test the format of the student's own answer and compare a fingerprint of
it with fingerprints of known mistakes. Only fingerprints of *wrong* answers are stored here;
nothing in this module holds or computes a correct answer.
"""

from __future__ import annotations

import string
from typing import Any

from crmlab.checks._core import (
    QuestionChecks,
    Rule,
    choice_question,
    function_rules,
    missing_rule,
    returned,
)

ITEMS = {f"q{i}" for i in range(1, 23)}
DIMENSIONS = {"tangibles", "reliability", "responsiveness", "assurance", "empathy"}
FACTORS = {"access", "courtesy", "communication", "security"}


def _is_number(x: Any) -> bool:
    return (isinstance(x, (int, float)) and not isinstance(x, bool)) or type(x).__name__.startswith(
        ("float", "int")
    )


def _number_rules(low: float, high: float, what: str) -> list[Rule]:
    return [
        Rule(
            "number",
            f"give {what} as one number (a float), e.g. -0.5.",
            lambda a: not _is_number(a),
        ),
        missing_rule(),
        Rule(
            "range",
            f"{what} is a difference of means of 1-7 answers, so it lies between {low:g} and {high:g}.",
            lambda a: not low <= float(a) <= high,
        ),
    ]


def _round(a: Any) -> float:
    return round(float(a), 3)


_SIGN = (
    "your gap has the wrong sign: SERVQUAL's gap is perception minus expectation (P - E), "
    "negative when the service falls short."
)

q1 = QuestionChecks(
    "q1",
    rules=_number_rules(-6, 6, "the mean gap"),
    mistakes={
        "214b4b715c0f765e": _SIGN,
        "27854c84117e430a": "that is a sum over the respondents; the question asks for the mean gap.",
    },
    normalise=_round,
)


def _names(answer: Any) -> list[str]:
    if isinstance(answer, str):
        return [answer.strip().lower()]
    return [str(x).strip().lower() for x in answer]


q2 = QuestionChecks(
    "q2",
    rules=[
        Rule(
            "names-type",
            'give the items as a list or set of names, e.g. ["q1", "q2"].',
            lambda a: isinstance(a, (str, dict)) or not hasattr(a, "__iter__"),
        ),
        Rule(
            "names-unknown",
            "use the item names q1 ... q22 (the columns of the survey).",
            lambda a: not set(_names(a)) <= ITEMS,
        ),
        Rule(
            "names-empty",
            "your list is empty: at least one item falls more than one point short.",
            lambda a: len(_names(a)) == 0,
        ),
        Rule(
            "names-duplicate",
            "an item appears twice in your answer.",
            lambda a: len(_names(a)) != len(set(_names(a))),
        ),
    ],
    mistakes={
        "e17ed97530e4e591": "those are the six largest shortfalls that the chapter shows; the question asks for "
        "every item whose mean gap is below -1.",
        "5d120ad106073800": "you kept the items with a gap above -1; the question asks for those below -1.",
    },
    normalise=lambda a: frozenset(_names(a)),
)


def _as_dict(answer: Any) -> dict[str, Any]:
    if isinstance(answer, dict):
        return {str(k): v for k, v in answer.items()}
    if type(answer).__name__ == "Series":
        return {str(k): v for k, v in answer.items()}
    raise TypeError("not a Series or dict")


def _dimension_rules(what: str) -> list[Rule]:
    return [
        Rule(
            "gaps-type",
            f"give {what} as a pandas Series (or a dict) indexed by dimension name.",
            lambda a: not isinstance(a, dict) and type(a).__name__ != "Series",
        ),
        Rule(
            "gaps-labels",
            'index the gaps by the five English dimension names: "tangibles", "reliability", '
            '"responsiveness", "assurance", "empathy".',
            lambda a: set(_as_dict(a)) != DIMENSIONS,
        ),
        missing_rule(
            "some gaps are NaN (missing): a dimension without items, e.g. items matched to "
            "dimensions by another name or index; check how you grouped the items by dimension."
        ),
        Rule(
            "gaps-numbers",
            "each gap is one number between -6 and 6.",
            lambda a: any(
                not _is_number(v) or not -6 <= float(v) <= 6 for v in _as_dict(a).values()
            ),
        ),
    ]


q3 = QuestionChecks(
    "q3",
    rules=_dimension_rules("the gaps"),
    mistakes={
        "8f083d564b85ffd5": _SIGN,
        "8305e427d416a368": "those are the gaps of all 250 respondents (the chapter's table); this question asks "
        "for the autumn wave only (R0126 to R0250).",
        "c45fb67fcd3ca3c6": "those are the gaps of the spring wave; this question asks for the autumn wave "
        "(R0126 to R0250).",
    },
    normalise=lambda a: {k: _round(v) for k, v in _as_dict(a).items()},
)

q4 = QuestionChecks(
    "q4",
    rules=_number_rules(-6, 6, "the overall gap"),
    mistakes={
        "5a6446aac53a62bf": "that is the mean over the 22 items, which gives the dimensions with five items more "
        "weight; the overall gap is the mean of the five dimension gaps.",
        "720e94f21d1dfe32": _SIGN,
        "7adee424bf1ac111": "that is the overall gap of all 250 respondents (the chapter's value); this question "
        "asks for the autumn wave.",
        "149e845f9d660be6": "that is the overall gap of the spring wave; this question asks for the autumn wave.",
    },
    normalise=_round,
)

q5 = QuestionChecks(
    "q5",
    rules=_number_rules(-6, 6, "the weighted gap")[
        :1
    ],  # no range rule: it would hide the mistake below
    mistakes={
        "5161efe7f7deee7e": "the weights are points out of 100: divide the weighted sum by the total of the weights.",
        "585ed999c71eeda7": "that is the weighted gap of all 250 respondents; this question asks for the autumn wave.",
        "1a138f57ff426f2b": _SIGN,
    },
    normalise=_round,
)

q6 = QuestionChecks(
    "q6",
    rules=_number_rules(-12, 12, "the change"),
    mistakes={
        "d4725abbb6951a6c": "you took spring minus autumn; the question asks for autumn minus spring.",
        "6f87f3d599f6164c": "that is the change of the mean over the 22 items; use the overall gap of q4 (the mean "
        "of the five dimension gaps) for both waves.",
    },
    normalise=_round,
)


def _run_gaps(func: Any) -> dict[str, float]:
    """Call the student's function on a small check example (not one the grader uses)."""
    import pandas as pd

    p = pd.DataFrame({"k1": [6, 4, 5], "k2": [3, 5, 4], "k3": [2, 2, 6]}, index=["u", "v", "w"])
    e = pd.DataFrame({"k3": [7, 4, 5], "k1": [6, 6, 2], "k2": [7, 5, 6]}, index=["w", "v", "u"])
    items = {"k1": "one", "k2": "one", "k3": "two"}
    p0, e0 = p.copy(), e.copy()
    result = returned(_Q7, func, func(p, e, dict(items)))
    if not (p.equals(p0) and e.equals(e0)):
        raise _Q7.fail("mutates")
    try:
        out = _as_dict(result)
    except TypeError:
        raise _Q7.fail("series") from None
    if set(out) != {"one", "two"}:
        raise _Q7.fail("labels")
    if any(not _is_number(v) for v in out.values()):
        raise _Q7.fail("numbers")
    return {k: _round(v) for k, v in out.items()}


def _runs_fails(func: Any) -> bool:
    from crmlab.checks._core import CheckFailed

    try:
        _run_gaps(func)
    except CheckFailed:
        raise
    except Exception:
        return True
    return False


_Q7 = QuestionChecks(
    "q7",
    rules=[
        Rule(
            "callable",
            "q7 asks for a function: define dimension_gaps(perceptions, expectations, dimension_of) "
            "with def.",
            lambda a: not callable(a),
        ),
    ],
    mistakes={
        "524d3e24da6a9219": _SIGN,
        "326dbec406c47928": "your function pairs the columns of the two frames by position; pair them by item name "
        "(and the rows by respondent), as the two frames may be in different orders.",
    },
    normalise=_run_gaps,
)
_Q7.rules.extend(
    [
        *function_rules(),
        Rule(
            "mutates",
            "your function changed a DataFrame passed to it; work on copies.",
            lambda a: False,
        ),
        Rule(
            "series", "return a pandas Series of gaps indexed by dimension name.", lambda a: False
        ),
        Rule(
            "labels",
            "return one gap per dimension named in dimension_of, indexed by the dimension names.",
            lambda a: False,
        ),
        Rule("numbers", "each gap must be a number.", lambda a: False),
        Rule(
            "runs",
            "your function raised an error on a small example; try it on two small DataFrames yourself.",
            lambda a: _runs_fails(a),
        ),
    ]
)


def _factor_dict(answer: Any) -> dict[str, str]:
    return {str(k).strip().lower(): str(v).strip().lower() for k, v in answer.items()}


q9 = QuestionChecks(
    "q9",
    rules=[
        Rule(
            "dict",
            'give a dict such as {"access": "tangibles", ...}.',
            lambda a: not isinstance(a, dict),
        ),
        Rule(
            "keys",
            'use exactly the keys "access", "courtesy", "communication" and "security".',
            lambda a: set(_factor_dict(a)) != FACTORS,
        ),
        Rule(
            "values",
            'each value is one of "tangibles", "reliability", "responsiveness", "assurance", "empathy".',
            lambda a: not set(_factor_dict(a).values()) <= DIMENSIONS,
        ),
    ],
    normalise=_factor_dict,
)

QUESTIONS: dict[str, QuestionChecks] = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": q4,
    "q5": q5,
    "q6": q6,
    "q7": _Q7,
    "q8": choice_question("q8", string.ascii_uppercase[:4], single=False),  # options A-D
    "q9": q9,
}
