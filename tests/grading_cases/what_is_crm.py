"""Round trip of 00_what_is_crm (33 automatic of 38 points)."""

from tests.grading_cases import Case, Submission

CASE = Case(
    submissions={
        "rows": Submission(
            # the typical mistake: counting purchases (rows) where the question asks about customers
            base="solution",
            answers={
                "q1": "active_1998 = int((purchases['date'].dt.year == 1998).sum())",
                "q2": (
                    "spend = purchases.groupby('customer_id')['amount'].sum()\n"
                    "spend_per_customer = float(purchases['amount'].mean())"
                ),
                "q4": "one_day_share = float((purchases.groupby('customer_id').size() == 1).mean())",
                "q6": (
                    "def customer_cards(purchases):\n"
                    "    g = purchases.groupby('customer_id')\n"
                    "    return pd.DataFrame({'purchases': g['date'].nunique(), 'spend': g['amount'].sum(),\n"
                    "                         'first_purchase': g['date'].min(), 'last_purchase': g['date'].max(),\n"
                    "                         'active_days': g['date'].nunique()})\n"
                ),
            },
            fails={"q1", "q2", "q4", "q6"},
            score=27,  # 33 - 1 (q1) - 1 (q2) - 1 (q4) - 3 (q6)
            shows=("count each customer once",),
        ),
        "alternatives": Submission(
            # keys the material also supports (accepted), and two wrong choices
            base="solution",
            answers={
                "q10": 'q10_answer = "ABC"',
                "q12": 'q12_answer = "d"',
                "q17": 'q17_answer = "D"',
                "q20": 'q20_answer = "ABCDE"',
            },
            fails={"q17", "q20"},
            score=31,  # 33 - 1 (q17) - 1 (q20)
        ),
    },
    secrets=("_hidden_inputs", "accept=", "Exam collection's key"),
)
