"""Round trip of 07_servqual (14 automatic of 20 points)."""

from tests.grading_cases import Case, Submission

SPLIT = (
    "questions = list(items['item'])\n"
    "perceptions = survey[survey['kind'] == 'perception'].set_index('respondent_id')[questions]\n"
    "expectations = survey[survey['kind'] == 'expectation'].set_index('respondent_id')[questions]\n"
    "gap = perceptions - expectations\n"
)

CASE = Case(
    submissions={
        "itemmean": Submission(
            # the typical mistake: the overall gap as the mean over the 22 items (dimensions with
            # five items weigh more), and a gap function that pairs the columns of the two frames
            # by position
            base="release",
            answers={
                "q1": SPLIT + "q19_gap = float(gap['q19'].mean())",
                "q2": "m = gap.mean()\nbig_shortfalls = list(m[m < -1].index)",
                "q3": "dims = items.set_index('item')['dimension'].astype(str)\nautumn = gap.index > 'R0125'\n"
                "autumn_gaps = gap[autumn].mean().groupby(dims).mean()",
                "q4": "autumn_overall = float(gap[autumn].to_numpy().mean())",
                "q5": "w = pd.Series(importance)\nautumn_weighted = float((autumn_gaps[w.index] * w).sum() / w.sum())",
                "q6": "overall_change = autumn_overall - float(gap[~autumn].to_numpy().mean())",
                "q7": (
                    "def dimension_gaps(perceptions, expectations, dimension_of):\n"
                    "    diff = pd.DataFrame(perceptions.to_numpy() - expectations.to_numpy(), columns=perceptions.columns)\n"
                    "    return diff[list(dimension_of)].mean().groupby(pd.Series(dimension_of)).mean()\n"
                ),
                "q8": 'q8_answer = "ABCD"',
                "q9": 'factor_dimensions = {"access": "empathy", "courtesy": "assurance", "communication": "empathy", '
                '"security": "assurance"}',
            },
            fails={"q4", "q6", "q7"},
            score=8,  # q1 (1), q2 (1), q3 (2), q5 (1), q8 (1), q9 (2)
            shows=("mean over the 22 items", "pairs the columns of the two frames by position"),
        ),
        "sign": Submission(
            # every gap as expectation minus perception: q1-q7 fail, the exam and factor
            # questions pass
            base="release",
            answers={
                "q1": SPLIT.replace("perceptions - expectations", "expectations - perceptions")
                + "q19_gap = float(gap['q19'].mean())",
                "q8": 'q8_answer = "abdc"',
                "q9": 'factor_dimensions = {"Access": "Empathy", "courtesy": "assurance", "communication": "empathy", '
                '"security": "assurance"}',
            },
            passes={"q8", "q9"},
            score=3,  # q8 (1), q9 (2)
            shows=("perception minus expectation",),
        ),
    },
    secrets=("_hidden_inputs", "The Exam collection gives no key"),
)
