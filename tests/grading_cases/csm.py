"""Round trip of 06_csm (17 automatic of 22 points)."""

from tests.grading_cases import Case, Submission

CASE = Case(
    submissions={
        "mixed_up": Submission(
            # typical mistakes: weights matched by position, an unweighted pillar, each chosen
            # level counted once, C = b/a read the other way round (also in the exam question)
            base="release",
            answers={
                "q1": "in_sale = survey[survey['attribute'] == 'in-sale service']\n"
                "in_sale_satisfied = float(in_sale['level_zh'].isin(['较满意', '满意', '很满意']).mean())",
                "q2": "value_score = float(survey.loc[survey['attribute'] == 'value for money', 'level_zh'].map(DEFAULT_SCORES).mean())",
                "q3": "percent_scores = survey.assign(s=survey['level_zh'].map(PERCENT_SCORES)).groupby('attribute')['s'].mean()",
                "q4": "overall = float((percent_scores.to_numpy() * attributes['weight'].to_numpy()).sum())",
                "q5": "service_overall = float(percent_scores[['pre-sale service', 'in-sale service', 'after-sale service']].mean())",
                "q6": (
                    "def scale_score(answers, scores):\n"
                    "    levels = set(a for a in answers if isinstance(a, str))\n"
                    "    return float(sum(scores[level] for level in levels) / len(levels))\n"
                ),
                "q7": "c = ratings['expected'] / ratings['perceived']\nsatisfied = set(c.index[c > 1])",
                "q8": 'q8_answer = "A"',
                "q9": 'q9_answer = "B"',
                "q10": 'q10_answer = "A"',
                "q11": 'q11_answer = "DCB"',
            },
            fails={"q4", "q5", "q6", "q7", "q8"},
            score=8,  # q1 (1), q2 (2), q3 (2), q9 (1), q10 (1), q11 (1)
            shows=("Align them by attribute",),  # the visible check named the mistake
        ),
    },
    secrets=("_hidden_surveys", "means-end", 'report("q'),
)
