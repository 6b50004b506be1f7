"""Visible checks of assignment 04_fairness (fairness: equity ratios and repeated unfairness).

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
    function_rules,
    missing_rule,
    returned,
)

DISTRIBUTORS = {"P", "Q", "R", "S", "T", "U"}


def _is_number(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    return isinstance(x, (int, float)) or type(x).__name__.startswith(("float", "int"))


def _is_int(x: Any) -> bool:
    return _is_number(x) and float(x) == int(x)


def _letters(answer: Any) -> list[str]:
    if isinstance(answer, str):
        return [c.upper() for c in answer if c.strip() and c not in ",;"]
    return [str(x).strip().upper() for x in answer]


def _letter_set(answer: Any) -> frozenset[str]:
    return frozenset(_letters(answer))


def _series_values(answer: Any) -> list[float]:
    """The values of a Series, ordered by index label, rounded (what q2 fingerprints)."""
    return [round(float(v), 6) for _, v in sorted(answer.items(), key=lambda kv: str(kv[0]))]


def _equity_label_names() -> list[str]:
    from crmlab.glossary import labels

    return labels("equity_state")


q1 = QuestionChecks(
    "q1",
    rules=[
        Rule(
            "number",
            "give the ratio as a number (a float), e.g. 0.05.",
            lambda a: not _is_number(a),
        ),
        missing_rule(),
        Rule(
            "ratio",
            "give the ratio as a fraction such as 0.05 (5 %), not a percentage, and above 0.",
            lambda a: not 0 < float(a) < 1,
        ),
    ],
    mistakes={
        "81dbaec79a754607": "that is the mean of the six ratios. The pooled ratio divides the total rebates "
        "by the total purchases, so large distributors weigh more.",
        "5668fb779b4ab48f": "that is the published rule, not the going rate of these six distributors.",
    },
    normalise=float,
)

q2 = QuestionChecks(
    "q2",
    rules=[
        Rule(
            "series",
            "give a pandas Series indexed by distributor (P ... U).",
            lambda a: type(a).__name__ != "Series",
        ),
        Rule(
            "index",
            "the Series needs one value per distributor P, Q, R, S, T, U, indexed by the letter.",
            lambda a: {str(k) for k in a.index} != DISTRIBUTORS,
        ),
        Rule(
            "numbers",
            "the ratios must be numbers.",
            lambda a: not all(_is_number(v) for v in a.tolist()),
        ),
        missing_rule(
            "some ratios are NaN (missing): a rebate or purchase missing for a distributor, or "
            "rebates and purchases that do not line up by distributor; divide the two columns of "
            "the same table."
        ),
        Rule(
            "fraction",
            "an equity ratio here is rebates / purchases: a fraction well below 1, not a "
            "percentage, and not purchases / rebates.",
            lambda a: not all(0 <= float(v) < 1 for v in a.tolist()),
        ),
    ],
    mistakes={},
    normalise=_series_values,
)


def _letter_rules() -> list[Rule]:
    return [
        Rule(
            "letters-type",
            "give the distributors as a set, list or string of letters, e.g. {'P', 'R'}.",
            lambda a: (
                not isinstance(a, (str, list, tuple, set, frozenset))
                and type(a).__name__ not in ("Index", "ndarray", "Series")
            ),
        ),
        Rule(
            "letters-unknown",
            "use the distributor letters P to U only.",
            lambda a: not set(_letters(a)) <= DISTRIBUTORS,
        ),
        Rule(
            "letters-duplicate",
            "a distributor appears twice in your answer.",
            lambda a: len(_letters(a)) != len(set(_letters(a))),
        ),
    ]


q3 = QuestionChecks(
    "q3",
    rules=[
        *_letter_rules(),
        Rule(
            "letters-empty",
            "your set is empty, but at least one distributor is underpaid here.",
            lambda a: len(_letters(a)) == 0,
        ),
    ],
    mistakes={
        "744b5c52065d4ec8": "your set includes a distributor whose gap is within the tolerance, or you used the "
        "pooled rate. Compare with the published RULE and treat gaps down to -TOLERANCE as fair.",
        "33b63df76288fa94": "that looks like the pooled rate without any tolerance; q3 compares with the "
        "published RULE and allows a gap of TOLERANCE.",
        "99f8c1517aa6bb64": "that distributor is overpaid (its ratio is above the rule), not underpaid.",
    },
    normalise=_letter_set,
)

q4 = QuestionChecks(
    "q4",
    rules=[
        Rule(
            "number",
            "give the total as a number (a float) in 10k yuan.",
            lambda a: not _is_number(a),
        ),
        missing_rule(),
        Rule(
            "positive",
            "the underpaid distributors need a positive extra rebate.",
            lambda a: not float(a) > 0,
        ),
    ],
    mistakes={
        "28d9b3509a2e6617": "you also paid a distributor whose gap is within the tolerance: compensate only the "
        "underpaid distributors of q3.",
        "c4643cd7809c38ac": "that looks like yuan; keep the table's unit, 10k yuan (万元).",
        "d9db60c3028bd4d0": "you brought the distributors up to the pooled rate; q4 asks for the published 4 %.",
        "9de2f3e639344d4b": "you brought every distributor below the pooled rate up to it; q4 asks for the "
        "underpaid distributors of q3 and the published 4 %.",
    },
    normalise=float,
)


def _run_labels(func: Any) -> list[str]:
    """Call the student's function on a small check example (not one the grader uses)."""
    import pandas as pd

    index = list("wxyz")
    outcomes = pd.Series([9.0, 2.0, 10.5, 8.4], index=index)
    inputs = pd.Series([100.0, 40.0, 100.0, 100.0], index=index)
    before = (outcomes.copy(), inputs.copy())
    result = returned(_Q5, func, func(outcomes, inputs))
    if not (outcomes.equals(before[0]) and inputs.equals(before[1])):
        raise _Q5.fail("mutates")
    if not isinstance(result, pd.Series):
        raise _Q5.fail("series")
    if sorted(map(str, result.index)) != index:
        raise _Q5.fail("index")
    got = [str(result[k]) for k in index]
    if not set(got) <= set(_equity_label_names()):
        raise _Q5.fail("labels")
    return got


def _runs_fails(func: Any) -> bool:
    try:
        _run_labels(func)
    except CheckFailed:
        raise
    except Exception:
        return True
    return False


_Q5 = QuestionChecks(
    "q5",
    rules=[
        Rule(
            "callable",
            "q5 asks for a function: define equity_labels(outcomes, inputs, ...) with def.",
            lambda a: not callable(a),
        ),
    ],
    mistakes={
        "37459894ec384fc9": "your reference is the mean of the parties' ratios. The pooled ratio is the sum of "
        "the outcomes divided by the sum of the inputs.",
        "44bf14b879929587": "a gap within the tolerance counts as fair: compare the gap with -tolerance and "
        "+tolerance, not with 0.",
        "ce0b73764ee35c28": "your labels are upside down: the ratio is outcome / input, and a ratio above "
        "the reference is overpaid.",
        "98546667f080bbe7": "all parties came out fair: compare the *relative* gap ratio / reference - 1 with "
        "the tolerance, not the difference ratio - reference.",
    },
    normalise=_run_labels,
)
_Q5.rules.extend(
    [
        *function_rules(),
        Rule(
            "mutates",
            "your function changed a Series passed to it; work on a copy.",
            lambda a: False,
        ),
        Rule("series", "return a pandas Series of labels.", lambda a: False),
        Rule("index", "return one label per party, indexed like outcomes.", lambda a: False),
        Rule(
            "labels",
            'use only the labels "underpaid", "fair" and "overpaid" (lower case).',
            lambda a: False,
        ),
        Rule(
            "runs",
            "your function raised an error on a small example; try it on two Series yourself.",
            lambda a: _runs_fails(a),
        ),
    ]
)

q6 = QuestionChecks(
    "q6",
    rules=[
        Rule("number", "give the difference as a number (a float).", lambda a: not _is_number(a)),
        missing_rule(),
        Rule(
            "fraction",
            "give the difference of two shares as a fraction between -1 and 1 "
            "(0.10 for ten percentage points), not in percent.",
            lambda a: not -1 <= float(a) <= 1,
        ),
    ],
    mistakes={
        "af4bc5551d2bd3aa": "that is the row with 10 % unfair outcomes; q6 asks about 25 %.",
        "811d35aec66eb22d": "that is the difference after interaction 23; q6 asks about the last interaction, 24.",
        "74c408a5045a3a6f": "the sign is reversed: subtract the share without compensation from the share with it.",
    },
    normalise=float,
)

q7 = QuestionChecks(
    "q7",
    rules=[
        Rule("int", "give the interaction as a whole number (an int).", lambda a: not _is_int(a)),
        Rule(
            "range",
            "the simulation runs from interaction 0 to 24.",
            lambda a: not 0 <= int(a) <= 24,
        ),
    ],
    mistakes={
        "7ccc2bc8598d507e": "that is the last interaction at or above 80 %; q7 asks for the first one below it.",
    },
    normalise=int,
)


QUESTIONS: dict[str, QuestionChecks] = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": q4,
    "q5": _Q5,
    "q6": q6,
    "q7": q7,
}
