"""Round trip of 03_trust (12 automatic of 20 points)."""

from tests.grading_cases import Case, Submission

CASE = Case(
    submissions={
        "mistakes": Submission(
            # typical mistakes: "more than 4" for "4 or more", a reverse-keyed item left as it
            # is, and k of the whole scale in alpha-if-deleted; q2, q3 and q6 are right (q3
            # with crmlab's alpha)
            base="release",
            answers={
                "q1": "share_trusting = float((survey[constructs['trust']].mean(axis=1) > 4).mean())",
                "q2": (
                    "sv = survey[constructs['shared values']]\n"
                    "alpha_sv = 4 / 3 * (1 - sv.var().sum() / sv.sum(axis=1).var())"
                ),
                "q3": (
                    "from crmlab import cronbach_alpha\n"
                    "weak_scales = {name for name, cols in constructs.items() if cronbach_alpha(survey[cols]) < 0.7}"
                ),
                "q4": "no_scores = survey_v2[constructs['non-opportunism']].mean(axis=1)",
                "q5": (
                    "def alpha_if_deleted(items):\n"
                    "    k = items.shape[1]\n"
                    "    out = {}\n"
                    "    for item in items.columns:\n"
                    "        rest = items.drop(columns=item)\n"
                    "        out[item] = k / (k - 1) * (1 - rest.var().sum() / rest.sum(axis=1).var())\n"
                    "    return pd.Series(out)\n"
                ),
                "q6": (
                    "scores = pd.DataFrame({n: survey[c].mean(axis=1) for n, c in constructs.items()})\n"
                    "trust_corr = scores.drop(columns='trust').corrwith(scores['trust'])"
                ),
            },
            fails={"q1", "q4", "q5"},
            score=6,  # q2 (2), q3 (2), q6 (2)
            shows=(
                "(>= 4)",  # q1's check named "more than" for "or more"
                "no2 is not recoded",
                "k of the whole scale",
            ),
        ),
    },
    secrets=("_hidden_inputs", '"x1": [5, 4'),
)
