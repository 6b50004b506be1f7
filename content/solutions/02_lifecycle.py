# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment 2 · The customer lifecycle (客户生命周期)
#
# This assignment goes with chapter 2 (`notebooks/02_lifecycle.ipynb`). You will work with the purchase
# log of the course's retail chain: find silent customers, follow a cohort, measure how well the
# chapter's stage rules recognise the true stages, write the rules yourself, compute with the
# relationship Markov chain, and answer three exam questions.
#
# **Sources.** The exam questions come from the Exam collection (《客户关系管理ABC》), one of the five
# lecture materials the course cites, and keep its numbers: S1-S4 is question 4 of set 1, single choice (S = single
# choice 单选, M = multiple choice 多选, T = translation item). The [sources page](../../docs/sources.md) names every material and
# explains the numbers.
#
# **How you are graded.** 15 points are graded automatically and 7 points by your instructor, **22 points** in all:
#
# | question | what | points |
# |---|---|---|
# | q1 | customers silent for more than 180 days | 1 |
# | q2 | retention row of the 2023Q1 cohort | 2 |
# | q3 | how often the rules recognise each true stage | 2 |
# | q4 | your own `assign_stage` function | 3 |
# | q5 | committed share after 12 periods | 2 |
# | q6 | share of relationships that end in an exit | 2 |
# | q7 | exam question S1-S4 (single choice) | 1 |
# | q8 | exam question S1-S7 (single choice) | 1 |
# | q9 | exam question S2-M13 (multiple choice) | 1 |
# | q10 | written: S1-T5 and the lifecycle (graded by hand) | 2 |
# | q11 | written: types of customer relationship (graded by hand) | 3 |
# | q12 | written: why the rules miss (graded by hand) | 2 |
#
# Each auto-graded item is all or nothing. Under every answer cell there is a **check cell**: run it
# for instant feedback. It tells you when an answer is not attempted yet, has the wrong format, or
# matches a mistake we often see; passing a check does *not* mean the answer is right. Hidden tests
# decide that when your notebook is graded; your function in q4 is tested on data you have not seen.
# Replace each `...` with your answer, do not rename the variables, and do not delete or copy cells.
# Before you submit, run *Kernel → Restart and run all* (or press **Validate**).

# %% id="code-02" nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import numpy as np
import pandas as pd

from crmlab.checks import for_assignment
from crmlab.datasets import load_retail_customers, load_retail_transactions
from crmlab.lifecycle import default_transition, lifecycle_stage

check, report = for_assignment("02_lifecycle").names

END = pd.Timestamp("2024-12-31")  # the observation day
transactions = load_retail_transactions()  # one row per purchase, 2023-01-01 to 2024-12-31
truth = load_retail_customers().set_index("customer_id")["stage"].astype(str)  # true stage on END
transactions.head()

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part_a", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part A · Silence and cohorts
#
# **q1 (1 point).** The Lecture notes say a relationship can end at any stage; in a shop the end is seen only as
# silence. How many **customers** had made no purchase for more than 180 days on `END`, that is, whose
# last purchase was more than 180 days before 2024-12-31? Store an integer in `n_silent`.

# %% id="q1-answer" nbgrader={"grade": false, "grade_id": "q1-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
n_silent = ...
### BEGIN SOLUTION
last_purchase = transactions.groupby("customer_id")["date"].max()
n_silent = int(((END - last_purchase).dt.days > 180).sum())
### END SOLUTION

# %% id="q1-test" nbgrader={"grade": true, "grade_id": "q1", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q1", n_silent)
### BEGIN HIDDEN TESTS
report("q1", n_silent)
### END HIDDEN TESTS

# %% [markdown] id="md-04" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q2 (2 points).** The 2023Q1 cohort is the customers whose **first** purchase was in January to March
# 2023. For k = 0, 1, ..., 7, what share of this cohort made at least one purchase in the k-th quarter
# after the cohort's quarter (k = 0 is 2023Q1 itself, k = 7 is 2024Q4)? Store the eight shares as a list
# of floats in `cohort_row`. Do not call `crmlab.cohort_retention`: compute it with pandas.
#
# *Hint:* `Series.dt.to_period("Q")` turns dates into quarters; count each customer once per quarter.

# %% id="q2-answer" nbgrader={"grade": false, "grade_id": "q2-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
cohort_row = ...
### BEGIN SOLUTION
first_quarter = transactions.groupby("customer_id")["date"].min().dt.to_period("Q")
cohort = first_quarter.index[first_quarter == pd.Period("2023Q1")]
bought = transactions[transactions["customer_id"].isin(cohort)]
active = bought.groupby(bought["date"].dt.to_period("Q"))["customer_id"].nunique()
quarters = pd.period_range("2023Q1", periods=8, freq="Q")
cohort_row = [float(active.get(q, 0) / len(cohort)) for q in quarters]
### END SOLUTION

# %% id="q2-test" nbgrader={"grade": true, "grade_id": "q2", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q2", cohort_row)
### BEGIN HIDDEN TESTS
report("q2", [float(x) for x in cohort_row], atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "part_b", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part B · Rules against the truth
#
# The chapter assigned stages with `lifecycle_stage` and its default rules. The cell below does the same
# and keeps the stage labels in `rule` (a Series indexed by customer id). `truth` holds the true stages.

# %% id="code-06" nbgrader={"grade": false, "grade_id": "rule_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
rule = lifecycle_stage(transactions, "customer_id", "date", "amount", observation_end=END)["stage"].astype(str)
features = lifecycle_stage(transactions, "customer_id", "date", "amount", observation_end=END).drop(
    columns=["first_purchase", "last_purchase", "monetary", "stage"])
features.head()

# %% [markdown] id="md-07" nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q3 (2 points).** For each true stage, what share of the customers truly in that stage does the rule
# label with that same stage? (For the true stage *maturity*: of all customers whose true stage is
# maturity, the share with `rule == "maturity"`.) Store a dict with the five stage names as keys
# (`"acquisition"`, `"growth"`, `"maturity"`, `"decline"`, `"termination"`) and the shares as float values
# in `recognised`.

# %% id="q3-answer" nbgrader={"grade": false, "grade_id": "q3-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
recognised = ...
### BEGIN SOLUTION
recognised = {
    stage: float((rule[truth == stage] == stage).mean())
    for stage in ["acquisition", "growth", "maturity", "decline", "termination"]
}
### END SOLUTION

# %% id="q3-test" nbgrader={"grade": true, "grade_id": "q3", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q3", recognised)
### BEGIN HIDDEN TESTS
report("q3", {k: float(v) for k, v in recognised.items()}, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-08" nbgrader={"grade": false, "grade_id": "part_q4", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q4 (3 points).** Write the rules yourself. Define a function
# `assign_stage(features, churn_days=180, new_days=90, tolerance=0.2)` that takes a DataFrame like
# `features` above (one row per customer, columns `tenure_days`, `recency_days`, `frequency`,
# `recent_spend`, `earlier_spend`; other columns may be present) and returns a pandas Series of stage
# labels, indexed like `features`. Apply the rules **in this order**, the first that holds decides:
#
# 1. `"termination"` if `recency_days > churn_days`;
# 2. `"acquisition"` if `tenure_days <= new_days` or `frequency == 1`;
# 3. `"growth"` if `recent_spend > (1 + tolerance) * earlier_spend`;
# 4. `"decline"` if `recent_spend < (1 - tolerance) * earlier_spend` or `recent_spend == 0`;
# 5. `"maturity"` otherwise.
#
# Your function is graded on customer tables you have not seen, with other thresholds too. Do not call
# `crmlab.lifecycle_stage` (it needs a purchase log, not features); write the rules with pandas or
# numpy (`np.select` fits well). Do not change the DataFrame you are given.

# %% id="q4-answer" nbgrader={"grade": false, "grade_id": "q4-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def assign_stage(features, churn_days=180, new_days=90, tolerance=0.2):
    """The lifecycle stage of each customer by the chapter's five rules."""
    ### BEGIN SOLUTION
    f = features
    conditions = [
        f["recency_days"] > churn_days,
        (f["tenure_days"] <= new_days) | (f["frequency"] == 1),
        f["recent_spend"] > (1 + tolerance) * f["earlier_spend"],
        (f["recent_spend"] < (1 - tolerance) * f["earlier_spend"]) | (f["recent_spend"] == 0),
    ]
    labels = np.select(conditions, ["termination", "acquisition", "growth", "decline"], default="maturity")
    return pd.Series(labels, index=features.index, dtype=object)
    ### END SOLUTION


# %% id="q4-test" nbgrader={"grade": true, "grade_id": "q4", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q4", assign_stage)
### BEGIN HIDDEN TESTS
_columns = ["tenure_days", "recency_days", "frequency", "recent_spend", "earlier_spend"]
_hidden_inputs = [
    (pd.DataFrame([[400, 181, 6, 0.0, 90.0], [400, 180, 6, 0.0, 0.0], [90, 3, 2, 40.0, 0.0],
                   [91, 3, 2, 40.0, 0.0], [500, 20, 1, 60.0, 0.0], [600, 200, 1, 0.0, 0.0]],
                  columns=_columns, index=["u1", "u2", "u3", "u4", "u5", "u6"]), {}),
    (pd.DataFrame([[300, 10, 5, 100.0, 80.0], [300, 10, 5, 101.0, 80.0], [300, 10, 5, 60.0, 80.0],
                   [300, 10, 5, 59.0, 80.0], [300, 10, 5, 0.0, 0.0], [300, 10, 5, 5.0, 0.0]],
                  columns=_columns, index=[11, 12, 13, 14, 15, 16]), {"tolerance": 0.25}),
    (pd.DataFrame([[50, 40, 3, 10.0, 10.0], [50, 30, 3, 10.0, 10.0], [29, 1, 2, 10.0, 0.0],
                   [200, 30, 4, 30.0, 10.0]],
                  columns=_columns, index=list("wxyz")), {"churn_days": 30, "new_days": 30, "tolerance": 0.1}),
    (lifecycle_stage(load_retail_transactions(), "customer_id", "date", "amount", END).iloc[:300], {}),
]
report("q4", [assign_stage(frame.copy(), **kwargs).astype(str) for frame, kwargs in _hidden_inputs])
### END HIDDEN TESTS

# %% [markdown] id="md-09" nbgrader={"grade": false, "grade_id": "part_c", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part C · The relationship chain
#
# `P` below is the chapter's default transition matrix between the relationship stages (an assumption,
# not an estimate): rows are the current stage, columns the next one, each row sums to 1. Every
# relationship starts in awareness.

# %% id="code-10" nbgrader={"grade": false, "grade_id": "chain_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
P = default_transition()
P

# %% [markdown] id="md-11" nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q5 (2 points).** What share of relationships is in **commitment** after **12** periods? Compute it with
# numpy (a start vector and a matrix power), not with `crmlab.stage_distribution`. Store a float in
# `committed_12`.

# %% id="q5-answer" nbgrader={"grade": false, "grade_id": "q5-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
committed_12 = ...
### BEGIN SOLUTION
p0 = np.array([1.0, 0.0, 0.0, 0.0, 0.0])  # everyone starts in awareness
after_12 = p0 @ np.linalg.matrix_power(P.to_numpy(), 12)
committed_12 = float(after_12[list(P.columns).index("commitment")])
### END SOLUTION

# %% id="q5-test" nbgrader={"grade": true, "grade_id": "q5", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q5", committed_12)
### BEGIN HIDDEN TESTS
report("q5", committed_12, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-12" nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q6 (2 points).** In this chain every relationship ends sooner or later. The Lecture notes call leaving before
# commitment an **exit** (退出) and leaving a committed relationship a **dissolution** (解除). In the long
# run, what share of all relationships ends with an exit, that is, never reaches commitment? Store a
# float in `exit_share` (within 0.001 of the exact value).
#
# *Hint:* a relationship in exploration leaves it either forward or by dissolving; staying only delays
# the choice. What is the chance that it goes forward?

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
exit_share = ...
### BEGIN SOLUTION
reach = 1.0
for stage, following in [("awareness", "exploration"), ("exploration", "expansion"), ("expansion", "commitment")]:
    reach *= P.loc[stage, following] / (P.loc[stage, following] + P.loc[stage, "dissolution"])
exit_share = 1 - reach
### END SOLUTION

# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", exit_share)
### BEGIN HIDDEN TESTS
report("q6", float(exit_share), atol=1e-3)
### END HIDDEN TESTS

# %% [markdown] id="md-13" nbgrader={"grade": false, "grade_id": "part_d", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part D · Exam questions
#
# These three questions come from the Exam collection (sets S1 and
# S2); the Chinese original is given beside our translation.
#
# **q7 (1 point) · S1-S4.** 下列哪个时期属于最具有价值客户的是（ ） · *In which period is a customer most valuable?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 客户关系建立期 | the period of building the relationship |
# | B | 客户关系加强期 | the period of strengthening the relationship |
# | C | 客户关系维持期 | the period of maintaining the relationship |
# | D | 客户关系恢复期 | the period of restoring the relationship |
#
# Single choice: store one letter as a string in `q7_answer`, e.g. `"B"`.

# %% id="q7-answer" nbgrader={"grade": false, "grade_id": "q7-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q7_answer = ...
### BEGIN SOLUTION
q7_answer = "C"
### END SOLUTION

# %% id="q7-test" nbgrader={"grade": true, "grade_id": "q7", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q7", q7_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. C: the maintenance period lines up with maturity (Exam collection) and with
# commitment (Lecture notes), the stage in which the relationship is established and the customer
# brings the most profit (the chapter's map of the stage names; Reichheld & Sasser 1990).
# A and B are stages of investment and growth; D is win-back after a decline.
report("q7", q7_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-14" nbgrader={"grade": false, "grade_id": "q8_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q8 (1 point) · S1-S7.** （ ）阶段不属于客户关系生命周期阶段 · *Which is not a stage of the customer relationship lifecycle?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 潜在期 | potential stage |
# | B | 调整期 | adjustment stage |
# | C | 成长期 | growth stage |
# | D | 成熟期 | maturity stage |
#
# Single choice: store one letter as a string in `q8_answer`.

# %% id="q8-answer" nbgrader={"grade": false, "grade_id": "q8-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q8_answer = ...
### BEGIN SOLUTION
q8_answer = "B"
### END SOLUTION

# %% id="q8-test" nbgrader={"grade": true, "grade_id": "q8", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q8", q8_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. B: the Exam collection's five stages are 潜在获取期 (whose first sub-period is the
# potential customer period, 潜在客户期), 成长期, 成熟期, 衰退期 and 终止期; no model in the
# material has an adjustment stage.
report("q8", q8_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-15" nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q9 (1 point) · S2-M13.** 关系生命周期主要有哪些阶段（ ） · *What are the main stages of the relationship lifecycle?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 认知 | awareness |
# | B | 探测 | exploration |
# | C | 扩展 | expansion |
# | D | 投入 | investment |
# | E | 终止 | termination |
#
# Multiple choice: store all the letters you choose as one string in `q9_answer`, e.g. `"BD"`.

# %% id="q9-answer" nbgrader={"grade": false, "grade_id": "q9-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q9_answer = ...
### BEGIN SOLUTION
q9_answer = "ABCDE"
### END SOLUTION

# %% id="q9-test" nbgrader={"grade": true, "grade_id": "q9", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q9", q9_answer)
### BEGIN HIDDEN TESTS
# The Exam collection keys ABCDE. It matches the Lecture notes' process after relabelling: 扩展 = 扩大 (expansion),
# 投入 (investment, the first mark of commitment) stands for the commitment stage, and 终止 for
# dissolution (解除). Without the relabelling a student might leave out D or E; the key is kept.
report("q9", q9_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-16" nbgrader={"grade": false, "grade_id": "part_e", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part E · Written answers (graded by your instructor)
#
# **q10 (2 points) · S1-T5.** Give the English term for 客户生命周期, and in two or three sentences of your
# own describe it: where it starts, where it ends, and its five stages (with the two sub-periods of the
# first stage) as the Exam collection names them.

# %% [markdown] id="q10-written" nbgrader={"grade": true, "grade_id": "q10", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (2 points, 1 each):
# 1. "Customer lifecycle" (or "customer life cycle"), described as the time from the customer's first
#    contact with (or the firm's first effort to develop) the customer until the business relationship
#    has ended completely and the matters connected with it are settled.
# 2. The five stages in order: acquisition / potential-acquisition (潜在获取期, with the potential customer
#    period and the customer development period), growth (成长期), maturity (成熟期), decline (衰退期),
#    termination (终止期). Half a point if a stage or the sub-periods are missing.
# === END MARK SCHEME ===

# %% [markdown] id="md-17" nbgrader={"grade": false, "grade_id": "q11_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q11 (3 points) · paper A, short answer 4: 客户关系有哪几种类型？** *What types of customer relationship are
# there?* Answer in 5 to 8 sentences from the Lecture notes' Figure 2-1: the two kinds of exchange, the two axes
# that separate them, and the three start paths with who moves first in each, which path is most common
# and why. Give one example of a relationship that starts on path C.

# %% [markdown] id="q11-written" nbgrader={"grade": true, "grade_id": "q11", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Classification by the two sides' interest in a relationship (the seller's and the buyer's, the two
#    axes of Fig. 2-1): discrete transactions (互不关联交易, ordinary sales without a relationship) vs
#    relational exchange (关系型交易, trade guided by a developed relationship).
# 2. Paths A (both equally keen), B (the seller keener, most common because the firm has more information,
#    resources and capabilities), C (the buyer keener); usually one side starts, then both interact.
# 3. A sensible path-C example (e.g. a buyer that needs a scarce input, a custom solution or a reliable
#    local supplier and courts the firm). Credit other classifications mentioned correctly in addition
#    (Kotler's five levels; by loyalty as in S2-M14), but not in place of points 1 and 2.
# === END MARK SCHEME ===

# %% [markdown] id="md-18" nbgrader={"grade": false, "grade_id": "q12_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q12 (2 points).** In q3 the rules recognised some true stages well and others badly. In 3 to 5
# sentences: name the stage the rules recognise worst, explain with the rules why they miss it, and
# propose one change (to the rules or to the data the firm collects) that could help, saying what it
# would cost elsewhere.

# %% [markdown] id="q12-written" nbgrader={"grade": true, "grade_id": "q12", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (2 points, 1 each):
# 1. Maturity is recognised worst (most mature customers are labelled growth): the growth rule compares
#    the last 180 days with the 180 days before, and a customer who reached full activity within the past
#    year still spends more than before; the stages are defined by cost, revenue and intention, which a
#    purchase log does not show. (Also credit the terminated customers labelled growth/decline/acquisition
#    because their silence is shorter than 180 days.)
# 2. A concrete change with its cost: e.g. a longer comparison window or a comparison with the customer's
#    own peak (slower to notice real growth), a shorter churn threshold (more false alarms among slow
#    buyers), or new data such as surveys, contract status or share of wallet (cost of collection). Any
#    well-argued trade-off earns the point.
# === END MARK SCHEME ===
