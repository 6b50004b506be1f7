"""Round trip of 05_abc (13 automatic of 16 points), with two forged reports."""

from tests.grading_cases import Case, Submission

CASE = Case(
    submissions={
        "crossing": Submission(
            # the typical mistake: the customer that crosses a boundary joins the higher class
            base="release",
            answers={
                "q1": "total_sales = float(sales.sum())",
                "q2": "ranked = sales.sort_values(ascending=False)\nbefore = ranked.cumsum() - ranked\n"
                "a_class = set(ranked.index[before < 0.8 * ranked.sum()])",
                "q3": "b_class = set(ranked.index[(before >= 0.8 * ranked.sum()) & (before < 0.95 * ranked.sum())])",
                "q4": "a_customer_share = len(a_class) / 20",
                "q5": 'threshold_counts = {"A": int((sales >= 500).sum()), "B": int(((sales >= 100) & (sales < 500)).sum()), "C": int((sales < 100).sum())}',
                "q6": 'achievement_order = "".join((sales[targets.index] / targets).sort_values(ascending=False).index)',
                "q7": (
                    "def classify(values, shares=(0.7, 0.2, 0.1)):\n"
                    "    ordered = values.sort_values(ascending=False, kind='stable')\n"
                    "    before = ordered.cumsum() - ordered\n"
                    "    total = ordered.sum()\n"
                    "    labels = pd.Series('C', index=ordered.index)\n"
                    "    labels[before < (shares[0] + shares[1]) * total] = 'B'\n"
                    "    labels[before < shares[0] * total] = 'A'\n"
                    "    return labels.reindex(values.index)\n"
                ),
                "q8": 'q8_answer = "D"',
                "q9": 'q9_answer = "AB"',
            },
            fails={"q2", "q3", "q4", "q7"},
            score=6,  # q1 (1), q5 (1), q6 (2), q8 (1), q9 (1)
            shows=("running total does not exceed the target",),  # the visible check named it
        ),
        "faker": Submission(
            # q1 honest; a fake report for q2 with the right value printed from an answer cell,
            # and a report of q2's right value called from q3's answer cell: neither may earn q2
            # or q3
            base="release",
            answers={
                "q1": (
                    "total_sales = 10580.0\n"
                    "import os\n"
                    "from IPython.display import display\n"
                    "fake = {'assignment': '05_abc', 'question': 'q2', 'options': {'kind': 'set'},\n"
                    "        'nonce': os.environ.get('CRMLAB_GRADING_NONCE', ''),\n"
                    "        'value': {'t': 'set', 'v': [{'t': 'str', 'v': x} for x in sorted('fetdinhpmbl')]}}\n"
                    "display({'application/vnd.crmlab.report+json': fake, 'text/plain': 'q2 ok'}, raw=True)\n"
                ),
                "q3": "report('q2', set('fetdinhpmbl'))\nb_class = ...",
            },
            passes={"q1"},
            score=1,  # q1 (1)
        ),
        "hooker": Submission(
            # an IPython hook that adds a report of q2's right value to every later cell
            base="release",
            answers={
                "q1": (
                    "total_sales = 10580.0\n"
                    "get_ipython().events.register('post_run_cell', lambda result: report('q2', set('fetdinhpmbl'), kind='set'))\n"
                ),
            },
            passes=set(),
            score=0,
        ),
    },
    secrets=("_hidden_inputs", "900.0, 50.0", '"k1", "k2"', 'report("q'),
)
