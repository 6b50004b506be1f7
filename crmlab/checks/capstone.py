"""Visible checks of the capstone project 09_capstone (CDNOW: RFM, retention, CLV, ABC, value matrix).

Each question's checks test the format of the student's own answer and compare a fingerprint of
it with fingerprints of known mistakes. Only fingerprints of *wrong* answers are stored here;
nothing in this module holds or computes a correct answer.
"""

from __future__ import annotations

from typing import Any

from crmlab.checks._core import MISSING_VALUES, QuestionChecks, Rule, missing_rule
from crmlab.glossary import labels

CUSTOMERS = 23570  # customers in the CDNOW cohort (the data, not an answer)
SEGMENTS = set(labels("rfm_segment"))
VALUE_CLASSES = {"lead", "iron", "gold", "platinum"}


def _is_number(x: Any) -> bool:
    return (isinstance(x, (int, float)) and not isinstance(x, bool)) or type(x).__name__.startswith(
        ("float", "int")
    )


def _is_whole(x: Any) -> bool:
    return _is_number(x) and float(x) == int(float(x))


def _labels(obj: Any) -> set[str]:
    return {str(i) for i in obj.index}


q1 = QuestionChecks(
    "q1",
    rules=[
        Rule(
            "frame",
            "give the segment table as a pandas DataFrame.",
            lambda a: type(a).__name__ != "DataFrame",
        ),
        Rule(
            "columns",
            'give the columns "customers" and "revenue".',
            lambda a: not {"customers", "revenue"} <= set(map(str, a.columns)),
        ),
        Rule(
            "segments",
            "index the table by the ten segment names of crmlab.RFM_SEGMENTS, empty segments "
            "included (groupby(..., observed=False) keeps them).",
            lambda a: _labels(a) != SEGMENTS,
        ),
        Rule(
            "all-customers",
            f"the customers of the segments add up to the {CUSTOMERS} customers of the cohort.",
            lambda a: int(a["customers"].sum()) != CUSTOMERS,
        ),
        Rule(
            "revenue",
            "revenue is a total spend in dollars: a number of 0 or more in every segment.",
            lambda a: a["revenue"].isna().any() or (a["revenue"] < 0).any(),
        ),
    ],
    mistakes={
        "870781eafba9dadc": "you scored with ties='together'; the question asks for crmlab.rfm_scores with its "
        "defaults (ties split, so every level holds a fifth of the customers).",
    },
    normalise=lambda a: {str(k): int(v) for k, v in a["customers"].items()},
)

q2 = QuestionChecks(
    "q2",
    rules=[
        Rule(
            "series",
            "give the retention as a pandas Series (one row of crmlab.cohort_retention).",
            lambda a: type(a).__name__ != "Series",
        ),
        Rule(
            "quarters",
            "give one value per quarter since the first purchase, 0 to 5 (use period='Q').",
            lambda a: sorted(int(i) for i in a.index) != list(range(6)),
        ),
        missing_rule(MISSING_VALUES),
        Rule(
            "shares",
            "give shares of the cohort (fractions from 0 to 1), not numbers of customers.",
            lambda a: any(not _is_number(v) or not 0 <= float(v) <= 1 for v in a.tolist()),
        ),
    ],
    normalise=lambda a: [round(float(v), 4) for v in a.tolist()],
)

q3 = QuestionChecks(
    "q3",
    rules=[
        Rule(
            "number",
            "give the retention rate as one number (a float).",
            lambda a: not _is_number(a),
        ),
        missing_rule(),
        Rule(
            "fraction",
            "give the retention rate as a fraction between 0 and 1.",
            lambda a: not 0 <= float(a) <= 1,
        ),
    ],
    mistakes={
        "ff239b9af6ccf70a": "that is the retention from H1 to H2, which mixes in the many one-time buyers of the "
        "first quarter; the question asks for H2 to H3 (customers active in H2).",
        "393e2296d34d22f4": "that is the share of all customers who bought in H3; divide by the customers who "
        "bought in H2, and count only those who also bought in H3.",
        "3296ae1dfe962ffd": "you divided by the H3 buyers; the rate is the share of the H2 buyers who bought "
        "again in H3.",
    },
    normalise=lambda a: round(float(a), 4),
)

q4 = QuestionChecks(
    "q4",
    rules=[
        Rule(
            "number",
            "give the customer equity as one number (a float), in dollars.",
            lambda a: not _is_number(a),
        ),
        missing_rule(),
        Rule(
            "positive",
            "customer equity is a sum of non-negative CLVs here: it is positive.",
            lambda a: not float(a) > 0,
        ),
    ],
    mistakes={
        "c06723002e0ac573": "you left out the 30% margin: CLV is built on profit (margin), not on spend.",
        "361d7f1229833699": "you used a 10% discount rate per half-year; the question assumes 5% per half-year.",
        "b43912f7bead00c2": "you used each customer's total spend as the half-year margin base; use 30% of their "
        "spend in H3 (January to June 1998).",
    },
    normalise=lambda a: round(float(a), 0),
)

q5 = QuestionChecks(
    "q5",
    rules=[
        Rule(
            "series",
            "give the mean CLVs as a pandas Series indexed by segment name.",
            lambda a: type(a).__name__ != "Series",
        ),
        Rule(
            "segments",
            "index by segment names of crmlab.RFM_SEGMENTS.",
            lambda a: not _labels(a) <= SEGMENTS,
        ),
        Rule(
            "empty",
            "leave out the segments without customers (their mean is undefined: NaN).",
            lambda a: a.isna().any(),
        ),
        Rule("numbers", "a CLV here is 0 or more.", lambda a: (a < 0).any()),
    ],
    normalise=lambda a: {str(k): round(float(v), 2) for k, v in a.items()},
)


def _counts_rules(keys: set[str], example: str) -> list[Rule]:
    return [
        Rule("dict", f"give a dict such as {example}.", lambda a: not isinstance(a, dict)),
        Rule(
            "keys",
            f"use exactly the keys {', '.join(repr(k) for k in sorted(keys))}.",
            lambda a: set(map(str, a)) != keys,
        ),
        missing_rule(MISSING_VALUES),
        Rule(
            "counts",
            "the values are numbers of customers: whole numbers of 0 or more.",
            lambda a: any(not _is_whole(v) or float(v) < 0 for v in a.values()),
        ),
        Rule(
            "sum",
            f"your counts do not add up to the {CUSTOMERS} customers.",
            lambda a: sum(int(v) for v in a.values()) != CUSTOMERS,
        ),
    ]


q6 = QuestionChecks(
    "q6",
    rules=_counts_rules({"A", "B", "C"}, '{"A": 1, "B": 2, "C": 3}'),
    mistakes={
        "23fac25abb8ab626": "you put the customer whose spend crosses the 70% line into class A (the crossing "
        "rule); the lecture's rule stops while the running total does not exceed the target.",
    },
    normalise=lambda a: {str(k): int(v) for k, v in a.items()},
)

q7 = QuestionChecks(
    "q7",
    rules=_counts_rules(VALUE_CLASSES, '{"lead": 1, "iron": 2, "gold": 3, "platinum": 4}'),
    mistakes={
        "75df8fb74226f4a1": "iron and gold are swapped: gold customers have a high current value and a low future "
        "value, iron customers the reverse.",
    },
    normalise=lambda a: {str(k): int(v) for k, v in a.items()},
)

QUESTIONS: dict[str, QuestionChecks] = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": q4,
    "q5": q5,
    "q6": q6,
    "q7": q7,
}
