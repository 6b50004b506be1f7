"""Round trip of the capstone project 09_capstone (15 automatic of 25 points).

The computed tables are graded automatically; the three written answers wait for the
instructor's rubric.
"""

from tests.grading_cases import Case, Submission

WRITTEN = "written answer: to be graded by your instructor"

CASE = Case(
    submissions={
        "early": Submission(
            # the retention rate taken from H1 to H2, where the cohort's one-time buyers drop
            # out: the rate is wrong, and so are the CLVs built on it (q4, q5); the value-matrix
            # counts are not, because they only ask whether a customer's CLV is above the median
            base="solution",
            answers={
                "q3": (
                    "half = pd.cut(cdnow['date'], bins=pd.to_datetime(['1997-01-01', '1997-07-01', '1998-01-01', '1998-07-01']),\n"
                    "              right=False, labels=['H1', 'H2', 'H3'])\n"
                    "buyers = {h: set(cdnow.loc[half == h, 'customer_id']) for h in ['H1', 'H2', 'H3']}\n"
                    "retention_rate = len(buyers['H1'] & buyers['H2']) / len(buyers['H1'])\n"
                ),
            },
            fails={"q3", "q4", "q5"},
            score=9,  # 15 - 2 (q3) - 2 (q4) - 2 (q5)
            shows=("the retention from H1 to H2",),
            times={WRITTEN: 3},
        ),
        "rules": Submission(
            # ties scored together, the crossing ABC rule and the value matrix read with swapped axes
            base="solution",
            answers={
                "q1": (
                    "rfm = crmlab.rfm_table(cdnow, 'customer_id', 'date', 'amount', observation_end=END)\n"
                    "scores = crmlab.rfm_scores(rfm, ties='together')\n"
                    "segment_table = scores.groupby('segment', observed=False).agg(customers=('monetary', 'size'),"
                    " revenue=('monetary', 'sum'))\n"
                    "scores = crmlab.rfm_scores(rfm)  # the later questions use the default scores\n"
                ),
                "q6": (
                    "abc = crmlab.abc_classify(rfm.reset_index(), 'monetary', customer='customer_id', rule='crossing')\n"
                    "abc_counts = {str(k): int(v) for k, v in abc['abc_class'].value_counts().items()}\n"
                ),
                "q7": (
                    "values = pd.DataFrame({'current': customer_clv, 'future': MARGIN * rfm['monetary']})\n"
                    "matrix = crmlab.value_matrix(values, 'current', 'future')\n"
                    "value_counts = {str(k): int(v) for k, v in matrix['value_class'].value_counts().items()}\n"
                ),
            },
            fails={"q1", "q6", "q7"},
            score=8,  # 15 - 3 (q1) - 2 (q6) - 2 (q7)
            shows=("ties='together'", "crossing rule", "iron and gold are swapped"),
        ),
    },
    secrets=("Rubric (3 points",),
)
