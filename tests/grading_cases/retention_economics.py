"""Round trip of 01_retention_economics (15 automatic of 18 points)."""

from tests.grading_cases import Case, Submission

CASE = Case(
    submissions={
        "percent": Submission(
            # the typical mistake: percentages used as if they were fractions (and the reverse)
            base="solution",
            answers={
                "q2": "payback_years = float(cost_per_customer.min() / (1_500 * 12))",
                "q3": "yearly_replacement_spend = float(figures.loc['acquisition_cost', 'value'] "
                "* figures.loc['yearly_churn', 'value'] * 2_500_000)",
                "q5": "retention_effect = 100 * ((0.80 / (1.12 - 0.80)) / (0.75 / (1.12 - 0.75)) - 1)",
            },
            fails={"q2", "q3", "q5"},
            score=10,  # 15 - 1 (q2) - 2 (q3) - 2 (q5)
            shows=("divide it by 100",),
        ),
        "formula": Submission(
            # lifetime value without the retention in the numerator, and retention over the wrong base
            base="solution",
            answers={
                "q4": (
                    "y = transactions[transactions['date'].dt.year == 2024]\n"
                    "h1 = set(y.loc[y['date'].dt.month <= 6, 'customer_id'])\n"
                    "h2 = set(y.loc[y['date'].dt.month >= 7, 'customer_id'])\n"
                    "half_year_retention = len(h1 & h2) / len(h2)"
                ),
                "q7": (
                    "def customer_clv(customers, discount, periods=None):\n"
                    "    m, r = customers['margin'], customers['retention']\n"
                    "    if periods is None:\n"
                    "        return m / (1 + discount - r)\n"
                    "    q = r / (1 + discount)\n"
                    "    return m * sum(q**t for t in range(periods)) if periods else m * 0.0\n"
                ),
            },
            fails={"q4", "q7"},
            score=11,  # 15 - 1 (q4) - 3 (q7)
        ),
    },
    secrets=("_hidden_inputs", '"solo"'),
)
