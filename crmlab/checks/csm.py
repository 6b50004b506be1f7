"""Visible checks of assignment 06_csm (customer satisfaction measurement).

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


def _is_number(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    return isinstance(x, (int, float)) or type(x).__name__.startswith(("float", "int"))


def _attribute_names() -> set[str]:
    from crmlab.datasets import load_csm_attributes

    return set(load_csm_attributes()["attribute"])


def _is_series(a: Any) -> bool:
    return type(a).__name__ == "Series"


q1 = QuestionChecks(
    "q1",
    rules=[
        Rule("number", "give the share as a number (a float).", lambda a: not _is_number(a)),
        missing_rule(),
        Rule(
            "fraction",
            "give the share as a fraction between 0 and 1 (0.25 for 25 %), not a count "
            "or a percentage.",
            lambda a: not 0 <= float(a) <= 1,
        ),
    ],
    mistakes={
        "4523db4a32d6c4c5": "you counted neutral (一般) answers as satisfied; q1 asks for 较满意 or better.",
        "fbd306183165379a": "you left out 较满意 (somewhat satisfied); q1 counts 较满意, 满意 and 很满意.",
    },
    normalise=float,
)

q2 = QuestionChecks(
    "q2",
    rules=[
        Rule("number", "give the score as a number (a float).", lambda a: not _is_number(a)),
        missing_rule(
            "your score is NaN (missing): no answer matched a level of DEFAULT_SCORES, or no rows "
            "were selected; check the levels you mapped and the attribute you selected."
        ),
        Rule(
            "range",
            "with DEFAULT_SCORES every mean score lies between -3 and +3.",
            lambda a: not -3 <= float(a) <= 3,
        ),
    ],
    mistakes={
        "ba5037a404e266d9": "the sign is reversed: 很满意 scores +3 and 很不满意 -3 in DEFAULT_SCORES.",
        "484542769aeb9294": "that is the mean over all attributes; q2 asks for value for money (性价比) only.",
    },
    normalise=float,
)


def _q3_index_wrong(a: Any) -> bool:
    return {str(k) for k in a.index} != _attribute_names()


q3 = QuestionChecks(
    "q3",
    rules=[
        Rule(
            "series",
            "give a pandas Series of scores indexed by attribute.",
            lambda a: not _is_series(a),
        ),
        Rule(
            "index",
            "index the Series by the eight English attribute names of survey['attribute'], "
            "one value each.",
            _q3_index_wrong,
        ),
        Rule(
            "numbers",
            "the scores must be numbers.",
            lambda a: not all(_is_number(v) for v in a.tolist()),
        ),
        missing_rule(
            "some scores are NaN (missing): a level that your score table does not map, or an "
            "attribute without answers; check the levels you mapped."
        ),
        Rule(
            "range",
            "with PERCENT_SCORES every mean score lies between 0 and 100; did you use another table?",
            lambda a: not all(0 <= float(v) <= 100 for v in a.tolist()),
        ),
    ],
    mistakes={},
)

q4 = QuestionChecks(
    "q4",
    rules=[
        Rule(
            "number",
            "give the overall satisfaction as a number (a float).",
            lambda a: not _is_number(a),
        ),
        missing_rule(),
        Rule(
            "range",
            "a weighted mean of percent scores lies between 0 and 100.",
            lambda a: not 0 <= float(a) <= 100,
        ),
    ],
    mistakes={
        "74ff5cbb0d30937d": "that is the unweighted mean of the eight scores; weight each by its importance.",
        "f9ac98099ebeb5e5": "your weights are matched to the wrong attributes: the scores are sorted by name, "
        "the attribute table is not. Align them by attribute (index), not by position.",
    },
    normalise=float,
)

q5 = QuestionChecks(
    "q5",
    rules=[
        Rule(
            "number",
            "give the service satisfaction as a number (a float).",
            lambda a: not _is_number(a),
        ),
        missing_rule(),
        Rule(
            "range-normalised",
            "a weighted mean of percent scores lies between 0 and 100.",
            lambda a: not 0 <= float(a) <= 100,
        ),
    ],
    mistakes={
        "d948e6a3a87ed4e9": "that is the unweighted mean of the three service attributes; use their weights.",
        "f7ef711dbd5983ac": "divide by the sum of the three service weights: they do not add up to 1.",
    },
    normalise=float,
)


_CHECK_ANSWERS = ["很满意", "满意", "满意", "一般", "不满意"]
_CHECK_SCORES = {
    "很满意": 7,
    "满意": 6,
    "较满意": 5,
    "一般": 4,
    "不太满意": 3,
    "不满意": 2,
    "很不满意": 1,
}


def _run_score(func: Any) -> float:
    """Call the student's function on a small check example (not one the grader uses)."""
    answers, scores = list(_CHECK_ANSWERS), dict(_CHECK_SCORES)
    result = returned(_Q6, func, func(answers, scores))
    if answers != _CHECK_ANSWERS or scores != _CHECK_SCORES:
        raise _Q6.fail("mutates")
    if not _is_number(result):
        raise _Q6.fail("number")
    return round(float(result), 6)


def _runs_fails(func: Any) -> bool:
    try:
        _run_score(func)
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
            "q6 asks for a function: define scale_score(answers, scores) with def.",
            lambda a: not callable(a),
        ),
    ],
    mistakes={
        "767f14d5c504bd94": "you averaged the scores of the levels that were chosen, once each. Each "
        "respondent counts once: a level chosen twice weighs twice.",
        "f58248a7b349a96d": "that is the mean of the score table, whatever was answered; score each answer.",
    },
    normalise=_run_score,
)
_Q6.rules.extend(
    [
        *function_rules(),
        Rule(
            "mutates",
            "your function changed the list or dict passed to it; work on a copy.",
            lambda a: False,
        ),
        Rule("number", "return the mean score as a number (a float).", lambda a: False),
        Rule(
            "runs",
            "your function raised an error on a small example; try it on a short list yourself.",
            lambda a: _runs_fails(a),
        ),
    ]
)


def _names(answer: Any) -> frozenset[str]:
    return frozenset(str(x).strip() for x in answer)


q7 = QuestionChecks(
    "q7",
    rules=[
        Rule(
            "names-type",
            "give the customers' names as a set or list of strings, e.g. {'Gao', 'Hu'}.",
            lambda a: (
                isinstance(a, str)
                or not isinstance(a, (list, tuple, set, frozenset))
                and type(a).__name__ not in ("Index", "ndarray", "Series")
            ),
        ),
        Rule(
            "names-str",
            "give the names as strings, as in the ratings table's index.",
            lambda a: not all(isinstance(x, str) for x in a),
        ),
    ],
    mistakes={
        "1bae9539ce0e11dc": "you read C the other way round. The course reads b as perceived and a as expected: "
        "satisfied means perceived / expected > 1.",
        "73af15e37cccaa81": "C = 1 means the expectation is just met; q7 asks for C > 1.",
        "e9c4e43ccafd587f": "you read C the other way round and also counted C = 1; satisfied means "
        "perceived / expected > 1.",
    },
    normalise=_names,
)


QUESTIONS: dict[str, QuestionChecks] = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": q4,
    "q5": q5,
    "q6": _Q6,
    "q7": q7,
    "q8": choice_question("q8", "ABCD", single=True),
    "q9": choice_question("q9", "ABCD", single=True),
    "q10": choice_question("q10", "ABCD", single=True),
    "q11": choice_question("q11", "ABCD", single=False),
}
