"""Visible checks of assignment 03_trust (trust and commitment).

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

CONSTRUCTS = (
    "shared wishes",
    "shared values",
    "mutual dependence",
    "communication quality",
    "non-opportunism",
    "trust",
)
ANTECEDENTS = CONSTRUCTS[:-1]
N_RESPONDENTS = 400


def _is_number(x: Any) -> bool:
    return (isinstance(x, (int, float)) and not isinstance(x, bool)) or type(x).__name__.startswith(
        ("float", "int")
    )


def _is_series(x: Any) -> bool:
    return type(x).__name__ == "Series"


q1 = QuestionChecks(
    "q1",
    rules=[
        Rule("number", "give the share as a float.", lambda a: not _is_number(a)),
        missing_rule(),
        Rule(
            "fraction",
            "give the share as a fraction between 0 and 1 (0.25 for 25%), not a percentage "
            "or a count.",
            lambda a: not 0 <= float(a) <= 1,
        ),
    ],
    mistakes={
        "c7648de8ef55973c": "you counted scores above 4 only; q1 asks for scores of 4 or more (>= 4).",
        "d3ef67e1cf57da73": "that uses item tr1 alone; the trust score is the mean of tr1 to tr4.",
        "161650fc092ae2ea": "that compares the SUM of the four items with 4; the score is their mean.",
        "048e43af1656efe9": "that is the share of single answers of 4 or more; q1 asks about respondents' mean scores.",
    },
    normalise=lambda a: float(a),
)

q2 = QuestionChecks(
    "q2",
    rules=[
        Rule("number", "give alpha as a float.", lambda a: not _is_number(a)),
        Rule("at-most-one", "Cronbach's alpha is at most 1.", lambda a: float(a) > 1 + 1e-12),
        Rule(
            "very-negative",
            "such a negative alpha usually means the variance of the MEAN score was used; "
            "s_T^2 is the variance of each respondent's TOTAL over the items.",
            lambda a: float(a) < -1,
        ),
    ],
    mistakes={
        "470dc5db4154b65c": "you left out the factor k / (k - 1) in front of the bracket.",
        "975a710fe486cb23": "that is the standardised alpha, computed from the mean correlation; q2 asks for "
        "the formula with variances.",
    },
    normalise=lambda a: float(a),
)

q3 = QuestionChecks(
    "q3",
    rules=[
        Rule(
            "set",
            'give a set of construct names, e.g. {"shared wishes"}.',
            lambda a: not isinstance(a, (set, frozenset, list, tuple)),
        ),
        Rule(
            "names",
            f"use the construct names exactly as in `constructs`: {', '.join(CONSTRUCTS)}.",
            lambda a: not {str(x) for x in a} <= set(CONSTRUCTS),
        ),
        Rule(
            "duplicate",
            "a construct appears twice in your answer.",
            lambda a: len(list(a)) != len(set(a)),
        ),
    ],
    mistakes={
        "11fc38b9e2995e0b": "compare every alpha with 0.7 exactly, without rounding it first.",
        "7eecc53e40ebfe30": "you listed the scales that pass the 0.7 line; q3 asks for those below it.",
    },
    normalise=lambda a: frozenset(str(x) for x in a),
)


def _score_rules() -> list[Rule]:
    return [
        Rule(
            "series", "give a pandas Series indexed by respondent id.", lambda a: not _is_series(a)
        ),
        Rule(
            "length",
            f"give one score per respondent: {N_RESPONDENTS} of them.",
            lambda a: len(a) != N_RESPONDENTS,
        ),
        Rule(
            "index",
            "index the scores by respondent id (R0001 ...), like survey_v2.",
            lambda a: not all(str(i).startswith("R") for i in a.index),
        ),
        missing_rule(
            "some scores are NaN (missing): a respondent with no values to average, or columns "
            "that do not line up by respondent id; check the columns you combined."
        ),
        Rule(
            "scale",
            "a mean score stays on the 1-5 scale of the answers; did you add the items up?",
            lambda a: not bool(((a >= 1) & (a <= 5)).all()),
        ),
    ]


q4 = QuestionChecks(
    "q4",
    rules=_score_rules(),
    mistakes={
        "d1e197be24be1b58": "no2 is not recoded: its answers still run against the other items.",
        "e3411fdc9a585968": "recode on the 1-5 scale as min + max - answer = 6 - answer, not 5 - answer.",
    },
    normalise=lambda a: [float(x) for x in a.sort_index()],
)

# ---- q5: the student's alpha_if_deleted function, run on a small example (not one the grader uses)

_EXAMPLE = {
    "p": [4, 3, 5, 2, 4, 1],
    "q": [5, 3, 4, 2, 3, 2],
    "r": [4, 2, 5, 3, 4, 1],
    "s": [3, 3, 4, 1, 5, 2],
}


def _run_alpha(func: Any) -> list[float]:
    import pandas as pd

    example = pd.DataFrame(_EXAMPLE, index=[f"e{i}" for i in range(6)])
    original = example.copy()
    result = returned(_Q5, func, func(example))
    if not example.equals(original):
        raise _Q5.fail("mutates")
    if not _is_series(result):
        raise _Q5.fail("series")
    if [str(i) for i in result.index] != list(_EXAMPLE):
        raise _Q5.fail("index")
    values = [float(result[k]) for k in _EXAMPLE]
    if any(v > 1 + 1e-12 for v in values):
        raise _Q5.fail("at-most-one")
    return values


def _runs_fails(func: Any) -> bool:
    try:
        _run_alpha(func)
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
            "q5 asks for a function: define alpha_if_deleted(items) with def.",
            lambda a: not callable(a),
        ),
        *function_rules(),
        Rule(
            "mutates",
            "your function changed the DataFrame passed to it; work on a copy.",
            lambda a: False,
        ),
        Rule("series", "return a pandas Series of floats.", lambda a: False),
        Rule(
            "index",
            "index the Series by the item columns, in the order of the columns.",
            lambda a: False,
        ),
        Rule("at-most-one", "an alpha is at most 1.", lambda a: False),
        Rule(
            "runs",
            "your function raised an error on a small example DataFrame; try it on one yourself.",
            lambda a: _runs_fails(a),
        ),
    ],
    mistakes={
        "a32194d671b301f6": "you used k of the whole scale in k / (k - 1); without the item, the scale has k - 1 items.",
        "791a94dbb3a2d2fd": "that is the alpha of the whole scale for every item; leave each item out in turn.",
    },
    normalise=_run_alpha,
)

q6 = QuestionChecks(
    "q6",
    rules=[
        Rule(
            "series",
            "give a pandas Series indexed by the five antecedent names.",
            lambda a: not _is_series(a),
        ),
        Rule(
            "no-trust",
            'leave "trust" itself out: its correlation with itself is 1.',
            lambda a: "trust" in {str(i) for i in a.index},
        ),
        Rule(
            "names",
            f"index the Series by the five antecedents: {', '.join(ANTECEDENTS)}.",
            lambda a: sorted(str(i) for i in a.index) != sorted(ANTECEDENTS),
        ),
        missing_rule(
            "some correlations are NaN (missing): a score that is constant or missing for every "
            "respondent has no correlation; check the items of each construct."
        ),
        Rule(
            "range",
            "a correlation lies between -1 and 1.",
            lambda a: not bool(((a >= -1) & (a <= 1)).all()),
        ),
    ],
    mistakes={
        "fe46bbaa75b11f3f": "you correlated with item tr1 alone; use the trust score, the mean of tr1 to tr4.",
        "b62c843e7ab09a3a": "those are rank (Spearman) correlations; q6 asks for Pearson's, the pandas default.",
    },
    normalise=lambda a: {str(k): float(v) for k, v in a.items()},
)

QUESTIONS: dict[str, QuestionChecks] = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": q4,
    "q5": _Q5,
    "q6": q6,
}
