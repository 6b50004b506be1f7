"""Round trip of the practice exam 10_practice_exam (34 automatic of 100 points)."""

from collections.abc import Mapping

from tests.grading_cases import Case, Submission

CHOICE = [f"q{n}" for n in range(6, 21)]
TRUE_FALSE = [f"q{n}" for n in range(21, 31)]
# Python booleans where the letters T and F are asked for
BOOLEANS = {"q26": True, "q27": False, "q28": True, "q29": False, "q30": True}


def format_slips(solution: Mapping[str, str]) -> dict[str, str]:
    """Lower-case letters are fine, Python booleans and a percentage are not."""
    slips = {q: solution[q].lower() for q in CHOICE + TRUE_FALSE[:5]}  # e.g. q6_answer = "c"
    slips |= {q: f"{q}_answer = {value}" for q, value in BOOLEANS.items()}
    slips |= {q: solution[q] for q in ("q34", "q35", "q37")}
    slips["q36"] = solution["q36"] + "\na_missed_share = 100 * a_missed_share"
    return slips


CASE = Case(
    submissions={
        "crossing": Submission(
            # the typical mistakes: the crossing rule in the data case (q34 to q36 fail their
            # checks), dissolution for exit (q11), technical for functional quality (q18), the
            # crossing customer in A (q26) and "same count, same performance" (q22); the
            # function q37 is right
            base="solution",
            answers={
                "q11": 'q11_answer = "A"',
                "q18": 'q18_answer = "A"',
                "q22": 'q22_answer = "T"',
                "q26": 'q26_answer = "T"',
                "q34": (
                    "def class_a(values):\n"
                    "    ordered = values.sort_values(ascending=False)\n"
                    "    before = ordered.cumsum() - ordered\n"
                    "    return set(ordered.index[before < 0.7 * ordered.sum()])\n"
                    "by_id = customers.set_index('customer_id')\n"
                    "a_profit = class_a(by_id['current_value'])\n"
                    "n_a_profit = len(a_profit)\n"
                ),
                "q35": "sales_not_profit = class_a(by_id['sales_this_year']) - a_profit",
                "q36": "t = by_id.loc[sorted(a_profit)]\na_missed_share = float((t['sales_this_year'] < t['sales_target']).mean())",
            },
            fails={"q11", "q18", "q22", "q26", "q34", "q35", "q36"},
            score=24,  # choice 15 - 2, true/false 10 - 2, q37 (3)
            shows=("does not exceed 70 %",),  # the visible check named the mistake
        ),
        "slips": Submission(
            base="release",
            answers=format_slips,
            fails={*BOOLEANS, "q36"},
            score=27,  # q6-q25 (20), q34 (2), q35 (2), q37 (3)
            shows=("not True or False", "not a percentage or a count"),
        ),
    },
    secrets=("_hidden_tables", "# Key ", 'report("q', "Model answer"),
)
