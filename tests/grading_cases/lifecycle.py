"""Round trip of 02_lifecycle (15 automatic of 22 points)."""

from tests.grading_cases import Case, Submission

CASE = Case(
    submissions={
        "mistakes": Submission(
            # typical mistakes: "in quarter k or later", precision instead of recall, the rules
            # out of order, one period short, and leaving out the relabelled options of S2-M13
            base="release",
            answers={
                "q1": 'n_silent = int(((END - transactions.groupby("customer_id")["date"].max()).dt.days > 180).sum())',
                "q2": (
                    'first_quarter = transactions.groupby("customer_id")["date"].min().dt.to_period("Q")\n'
                    'cohort = first_quarter.index[first_quarter == pd.Period("2023Q1")]\n'
                    'bought = transactions[transactions["customer_id"].isin(cohort)]\n'
                    'quarter = bought["date"].dt.to_period("Q")\n'
                    'cohort_row = [bought.loc[quarter >= q, "customer_id"].nunique() / len(cohort)\n'
                    '              for q in pd.period_range("2023Q1", periods=8, freq="Q")]'
                ),
                "q3": 'recognised = {s: float((truth[rule == s] == s).mean()) for s in ["acquisition", "growth", "maturity", "decline", "termination"]}',
                "q4": (
                    "def assign_stage(features, churn_days=180, new_days=90, tolerance=0.2):\n"
                    "    f = features\n"
                    "    conditions = [\n"
                    "        (f['tenure_days'] <= new_days) | (f['frequency'] == 1),\n"
                    "        f['recency_days'] > churn_days,\n"
                    "        f['recent_spend'] > (1 + tolerance) * f['earlier_spend'],\n"
                    "        (f['recent_spend'] < (1 - tolerance) * f['earlier_spend']) | (f['recent_spend'] == 0),\n"
                    "    ]\n"
                    "    labels = np.select(conditions, ['acquisition', 'termination', 'growth', 'decline'], default='maturity')\n"
                    "    return pd.Series(labels, index=features.index)\n"
                ),
                "q5": "committed_12 = float((np.array([1.0, 0, 0, 0, 0]) @ np.linalg.matrix_power(P.to_numpy(), 11))[3])",
                "q6": (
                    "reach = 1.0\n"
                    "for here, nxt in [('awareness', 'exploration'), ('exploration', 'expansion'), ('expansion', 'commitment')]:\n"
                    "    reach *= P.loc[here, nxt] / (1 - P.loc[here, here])\n"
                    "exit_share = 1 - reach"
                ),
                "q7": 'q7_answer = "c"',
                "q8": 'q8_answer = "B"',
                "q9": 'q9_answer = "ABC"',
            },
            fails={"q2", "q3", "q4", "q5", "q9"},
            score=5,  # q1 (1), q6 (2), q7 (1), q8 (1)
            shows=(
                "OR LATER",  # q2's check named the cumulative count
                "a column of the table",  # q3: precision instead of recall
                "termination first",  # q4: the rules out of order
                "after 11 periods",  # q5
            ),
        ),
    },
    secrets=("_hidden_inputs", "[400, 181, 6"),
)
