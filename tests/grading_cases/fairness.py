"""Round trip of 04_fairness (12 automatic of 20 points)."""

from tests.grading_cases import Case, Submission

CASE = Case(
    submissions={
        "pooled": Submission(
            # the typical mistake: the going rate taken as the mean of the ratios, the pooled rate
            # used where the published rule applies, the answers that follow from it; an
            # off-by-one reading of the simulation
            base="release",
            answers={
                "q1": "pooled_ratio = float((distributors['rebates'] / distributors['purchases']).mean())",
                "q2": "ratios = distributors['rebates'] / distributors['purchases']",
                "q3": "going_rate = distributors['rebates'].sum() / distributors['purchases'].sum()\n"
                "gap = ratios / going_rate - 1\nunderpaid = set(gap.index[gap < -TOLERANCE])",
                "q4": "short = distributors.loc[sorted(underpaid)]\n"
                "compensation_needed = float((RULE * short['purchases'] - short['rebates']).sum())",
                "q5": (
                    "def equity_labels(outcomes, inputs, reference_ratio=None, tolerance=0.05):\n"
                    "    ratio = outcomes / inputs\n"
                    "    if reference_ratio is None:\n"
                    "        reference_ratio = ratio.mean()\n"
                    "    gap = ratio / reference_ratio - 1\n"
                    "    out = pd.Series('fair', index=outcomes.index)\n"
                    "    out[gap < -tolerance] = 'underpaid'\n"
                    "    out[gap > tolerance] = 'overpaid'\n"
                    "    return out\n"
                ),
                "q6": "last = sim[(sim['interaction'] == 24) & (sim['unfair_prob'] == 0.25)].set_index('compensation')\n"
                "compensation_effect = float(last.loc[0.6, 'share_retained'] - last.loc[0.0, 'share_retained'])",
                "q7": "path = sim[(sim['unfair_prob'] == 0.1) & (sim['compensation'] == 0.0)]\n"
                "first_below_80 = int(path.loc[path['share_retained'] >= 0.8, 'interaction'].max())",
            },
            fails={"q1", "q3", "q4", "q5", "q7"},
            score=4,  # q2 (2), q6 (2)
            shows=("mean of the six ratios",),  # the visible check named the mistake
        ),
    },
    secrets=("_hidden_tables", "[4.85, 5.3, 4.7]", 'report("q'),
)
