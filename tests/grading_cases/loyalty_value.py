"""Round trip of 08_loyalty_value (16 automatic of 21 points)."""

from tests.grading_cases import Case, Submission

CASE = Case(
    submissions={
        "rows": Submission(
            # the typical mistakes: repeat buyers counted by rows (two rows on one day look like
            # two purchases), and a lifetime value whose sum starts at t = 0
            base="solution",
            answers={
                "q1": "repeat_rate = float((cdnow.groupby('customer_id').size() >= 2).mean())",
                "q6": (
                    "def lifetime_value(margin, retention, discount, periods):\n"
                    "    return sum(margin * retention**t / (1 + discount) ** t for t in range(periods))\n"
                ),
            },
            fails={"q1", "q6"},
            score=12,  # 16 - 1 (q1) - 3 (q6)
            shows=("Count distinct customer-days", "your sum starts at t = 0"),
        ),
        "swapped": Submission(
            # the value matrix read with the axes swapped (iron for gold), price sensitivity not
            # reversed, and option B of S1-M1 taken for a loyalty measure
            base="solution",
            answers={
                "q5": "gold_current_total = float(business.loc[(business['current_value'] <= business['current_value'].median())"
                " & (business['future_value'] > business['future_value'].median()), 'current_value'].sum())",
                "q7": "loyalty = 100 * ((answers - 1) / 6).mean(axis=1)",
                "q9": 'q9_answer = "ABCD"',
                "q10": 'q10_answer = "dcba"',
            },
            fails={"q5", "q7", "q9"},
            score=11,  # 16 - 2 (q5) - 2 (q7) - 1 (q9)
            shows=("those are the iron customers", "did not turn price sensitivity around"),
        ),
    },
    secrets=("_hidden_inputs", "The Exam collection gives no key"),
)
