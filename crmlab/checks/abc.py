"""Visible checks of assignment 05_abc (ABC customer classification).

Each question's checks test the format of the student's own answer and compare a fingerprint of
it with fingerprints of known mistakes. Only fingerprints of *wrong* answers are stored here;
nothing in this module holds or computes a correct answer.
"""

from __future__ import annotations

from typing import Any

from crmlab.checks._core import (
    MISSING_VALUES,
    QuestionChecks,
    Rule,
    choice_question,
    function_rules,
    missing_rule,
    returned,
)

LETTERS = {chr(c) for c in range(ord("a"), ord("t") + 1)}


def _is_number(x: Any) -> bool:
    return (
        isinstance(x, (int, float))
        and not isinstance(x, bool)
        or type(x).__name__.startswith(("float", "int"))
    )


def _letters(answer: Any) -> list[str]:
    if isinstance(answer, str):
        return [c for c in answer.lower() if c.strip() and c not in ",;"]
    return [str(x).strip().lower() for x in answer]


def _letter_set_rules() -> list[Rule]:
    return [
        Rule(
            "letters-type",
            "give the distributors as a list, set or string of letters, e.g. ['f', 'e'].",
            lambda a: (
                not isinstance(a, (str, list, tuple, set, frozenset))
                and type(a).__name__ not in ("Index", "ndarray", "Series")
            ),
        ),
        Rule(
            "letters-unknown",
            "use the distributor letters a to t only.",
            lambda a: not set(_letters(a)) <= LETTERS,
        ),
        Rule(
            "letters-empty",
            "your class is empty: every class in this question has members.",
            lambda a: len(_letters(a)) == 0,
        ),
        Rule(
            "letters-duplicate",
            "a distributor appears twice in your answer.",
            lambda a: len(_letters(a)) != len(set(_letters(a))),
        ),
    ]


def _letter_set(answer: Any) -> frozenset[str]:
    return frozenset(_letters(answer))


_CROSSING = (
    "you included the distributor whose sales cross the boundary. This course uses the "
    "lecture's rule: add customers only while the running total does not exceed the target."
)


q1 = QuestionChecks(
    "q1",
    rules=[
        Rule(
            "number",
            "give the total as a number (a float), e.g. 123.0.",
            lambda a: not _is_number(a),
        ),
        missing_rule(),
        Rule("positive", "sales add up to a positive total.", lambda a: not a > 0),
    ],
    mistakes={
        "faf703928ecd30a7": "that looks like yuan; keep the table's unit, 10k yuan (万元).",
    },
    normalise=float,
)

q2 = QuestionChecks(
    "q2",
    rules=[
        *_letter_set_rules(),
        Rule(
            "letters-largest",
            "class A always contains the distributor with the largest sales.",
            lambda a: "f" not in _letter_set(a),
        ),
    ],
    mistakes={
        "dccd7b207ac7bb21": _CROSSING,
        "e17c428bb7d4b725": "that is class A of the worked example, at 70%. This question puts the A line at 80%.",
        "af3ca512aaf46fee": "that is a 70% split with the crossing customer; this question uses 80% and the do-not-exceed rule.",
    },
    normalise=_letter_set,
)

q3 = QuestionChecks(
    "q3",
    rules=_letter_set_rules(),
    mistakes={
        "317ee19e3e1c5da5": _CROSSING,
        "6f8feb6d95be8ba5": "that is class B of the worked example (70/20/10). Here A ends at 80% and B at 95%.",
        "e104bd0c5498cb3b": "that is class B of a 70/20/10 split under the crossing rule; use 80/15/5 and do not exceed.",
    },
    normalise=_letter_set,
)

q4 = QuestionChecks(
    "q4",
    rules=[
        Rule("number", "give the share as a number.", lambda a: not _is_number(a)),
        missing_rule(),
        Rule(
            "fraction",
            "give the share as a fraction between 0 and 1 (0.25 for 25%), not a percentage.",
            lambda a: not 0 <= a <= 1,
        ),
    ],
    mistakes={
        "aadd0b5c8f0a1a72": "your class A includes the customer that crosses 80%: " + _CROSSING,
        "77b3b8875ea1355a": "that is the share at the 70% line of the worked example, not at 80%.",
    },
    normalise=lambda a: round(float(a), 6),
)

q5 = QuestionChecks(
    "q5",
    rules=[
        Rule(
            "dict",
            'give a dict such as {"A": 1, "B": 2, "C": 3}.',
            lambda a: not isinstance(a, dict),
        ),
        Rule("keys", 'use exactly the keys "A", "B" and "C".', lambda a: set(a) != {"A", "B", "C"}),
        missing_rule(MISSING_VALUES),
        Rule(
            "counts",
            "the values are numbers of distributors: whole numbers from 0 to 20.",
            lambda a: any(not _is_number(v) or v != int(v) or not 0 <= v <= 20 for v in a.values()),
        ),
        Rule(
            "sum",
            "your counts do not add up to the 20 distributors.",
            lambda a: sum(a.values()) != 20,
        ),
    ],
    mistakes={
        "056a58bf2b28e1e9": "everyone is C: the table is in 10k yuan (万元), so 5 million yuan is 500 and 1 million is 100.",
    },
    normalise=lambda a: {k: int(v) for k, v in a.items()},
)

q6 = QuestionChecks(
    "q6",
    rules=[
        Rule(
            "string",
            'give the order as one string of letters, e.g. "abcdef".',
            lambda a: not isinstance(a, str),
        ),
        Rule(
            "six",
            "rank exactly the six distributors that have a target (d, e, f, i, n, t), each once.",
            lambda a: sorted(a.replace(" ", "").lower()) != sorted("defint"),
        ),
    ],
    mistakes={
        "c24edc55a3561d3a": "that is the order by sales. Rank by achievement rate = sales / target.",
        "90ff5e50680903b1": "you ranked from the lowest rate to the highest; the ranking starts with the best.",
    },
    normalise=lambda a: a.replace(" ", "").lower(),
)


def _run_classify(func: Any) -> list[str]:
    """Call the student's function on a small check example (not one the grader uses)."""
    import pandas as pd

    example = pd.Series([50.0, 30.0, 15.0, 5.0], index=list("wxyz"))
    original = example.copy()
    result = returned(_Q7, func, func(example, (0.7, 0.2, 0.1)))
    if not example.equals(original):
        raise _Q7.fail("mutates")
    if not isinstance(result, pd.Series):
        raise _Q7.fail("series")
    if sorted(map(str, result.index)) != list("wxyz"):
        raise _Q7.fail("index")
    labels = [str(result[k]) for k in "wxyz"]
    if not set(labels) <= {"A", "B", "C"}:
        raise _Q7.fail("labels")
    if labels[0] != "A":
        raise _Q7.fail("largest")
    if labels != sorted(labels):
        raise _Q7.fail("monotone")
    return labels


_Q7 = QuestionChecks(
    "q7",
    rules=[
        Rule(
            "callable",
            "q7 asks for a function: define classify(values, shares) with def.",
            lambda a: not callable(a),
        ),
    ],
    mistakes={"d44c2a4d171ae57a": _CROSSING},
    normalise=_run_classify,
)
_Q7.rules.extend(
    [
        *function_rules(),
        Rule(
            "mutates",
            "your function changed the Series passed to it; work on a copy.",
            lambda a: False,
        ),
        Rule("series", "return a pandas Series of class labels.", lambda a: False),
        Rule(
            "index",
            "return one label per customer, indexed like the input Series.",
            lambda a: False,
        ),
        Rule("labels", 'use only the labels "A", "B" and "C".', lambda a: False),
        Rule("largest", "the customer with the largest value must be in class A.", lambda a: False),
        Rule(
            "monotone",
            "a customer with a larger value never gets a lower class than a smaller one.",
            lambda a: False,
        ),
        Rule(
            "runs",
            "your function raised an error on a small example Series; try it on one yourself.",
            lambda a: _runs_fails(a),
        ),
    ]
)


def _runs_fails(func: Any) -> bool:
    try:
        _run_classify(func)
    except Exception as exc:  # CheckFailed from the structural rules propagates as itself
        from crmlab.checks._core import CheckFailed

        if isinstance(exc, CheckFailed):
            raise
        return True
    return False


QUESTIONS: dict[str, QuestionChecks] = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": q4,
    "q5": q5,
    "q6": q6,
    "q7": _Q7,
    "q8": choice_question("q8", "ABCD", single=True),
    "q9": choice_question("q9", "ABCDE", single=False),
}
