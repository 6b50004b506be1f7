# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment 4 · Fairness (公平性)
#
# This assignment goes with chapter 4 (`notebooks/04_fairness.ipynb`). You will measure distributive
# fairness with equity ratios on a small table of distributors, write your own equity-labelling function,
# read the output of the repeated-unfairness simulation, and answer three short written questions on
# procedural and distributive fairness.
#
# **How you are graded.** 12 points are graded automatically and 8 points by your instructor, **20 points** in all:
#
# | question | what | points |
# |---|---|---|
# | q1 | the pooled reference ratio ("going rate") | 1 |
# | q2 | each distributor's equity ratio | 2 |
# | q3 | who is underpaid against the published rule | 2 |
# | q4 | the compensation that restores the rule | 1 |
# | q5 | your own `equity_labels` function | 3 |
# | q6 | what compensation saves, read from the simulation | 2 |
# | q7 | when retention falls below 80 % | 1 |
# | q8 | written: a hidden surcharge (graded by hand) | 3 |
# | q9 | written: nominal vs factual fairness (graded by hand) | 3 |
# | q10 | written: the simulation's assumptions (graded by hand) | 2 |
#
# Each auto-graded item is all or nothing. Under every answer cell there is a **check cell**: run it
# for instant feedback. It tells you when an answer is not attempted yet, has the wrong format, or
# matches a mistake we often see; passing a check does *not* mean the answer is right. Hidden tests
# decide that when your notebook is graded; your function in q5 is tested on data you have not seen.
# Replace each `...` with your answer, do not rename the variables, and do not delete or copy cells.
# Before you submit, run *Kernel → Restart and run all* (or press **Validate**).
#
# The Exam collection (《客户关系管理ABC》, one of the five lecture materials the course cites; the
# [sources page](../../docs/sources.md) names them all) has no choice questions on fairness, so this assignment has none;
# the written items follow the short-answer style (简答题) of its open exam papers.

# %% id="code-02" nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

import crmlab
from crmlab.checks import for_assignment

check, report = for_assignment("04_fairness").names

# Six distributors of a supplier, one year, in 10k yuan (万元); figures invented for this assignment.
# purchases: what each distributor bought (its input); rebates: the rebates and support it received (its outcome).
# The supplier's published rule: rebates worth 4 % of purchases.
distributors = pd.DataFrame(
    {"purchases": [250.0, 400.0, 150.0, 600.0, 80.0, 320.0],
     "rebates": [10.0, 14.0, 6.2, 30.0, 2.4, 12.48]},
    index=pd.Index(["P", "Q", "R", "S", "T", "U"], name="distributor"),
)
RULE = 0.04        # the published rebate rate
TOLERANCE = 0.05   # a relative gap up to 5 % is judged fair
distributors

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part_a", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part A · Equity ratios by hand
#
# Equity theory (公平理论, Adams 1965) compares each party's **equity ratio** = outcome / input with a
# reference ratio; the relative gap is ratio / reference − 1. Work with pandas: do **not** call
# `crmlab.equity_ratios` in this part (it is what the chapter used; the point is to compute it yourself).
#
# **q1 (1 point).** Without a published rule, distributors compare themselves with the going rate: the
# **pooled** ratio of all six, total rebates / total purchases. Store it as a float in `pooled_ratio`
# (a ratio such as 0.05, not a percentage).

# %% id="q1-answer" nbgrader={"grade": false, "grade_id": "q1-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
pooled_ratio = ...
### BEGIN SOLUTION
pooled_ratio = float(distributors["rebates"].sum() / distributors["purchases"].sum())
### END SOLUTION

# %% id="q1-test" nbgrader={"grade": true, "grade_id": "q1", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q1", pooled_ratio)
### BEGIN HIDDEN TESTS
report("q1", pooled_ratio, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-04" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q2 (2 points).** Compute each distributor's equity ratio (rebates / purchases). Store a pandas
# Series indexed by distributor (P … U) in `ratios`.

# %% id="q2-answer" nbgrader={"grade": false, "grade_id": "q2-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
ratios = ...
### BEGIN SOLUTION
ratios = distributors["rebates"] / distributors["purchases"]
### END SOLUTION

# %% id="q2-test" nbgrader={"grade": true, "grade_id": "q2", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q2", ratios)
### BEGIN HIDDEN TESTS
report("q2", ratios, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q3 (2 points).** Now take the **published rule** (`RULE`, 4 %) as the reference. A distributor is
# *underpaid* (报酬不足) when its gap ratio / RULE − 1 is below −`TOLERANCE`. Which distributors are
# underpaid? Store their letters in `underpaid` (a set, a list or a string of letters).

# %% id="q3-answer" nbgrader={"grade": false, "grade_id": "q3-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
underpaid = ...
### BEGIN SOLUTION
gap = ratios / RULE - 1
underpaid = set(gap.index[gap < -TOLERANCE])
### END SOLUTION

# %% id="q3-test" nbgrader={"grade": true, "grade_id": "q3", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q3", underpaid)
### BEGIN HIDDEN TESTS
report("q3", underpaid, kind="set")
### END HIDDEN TESTS

# %% [markdown] id="md-06" nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q4 (1 point).** "Unfair now, compensated next time" (Lecture notes). How much extra rebate, in 10k yuan,
# must the supplier pay **the underpaid distributors of q3** so that each of them receives exactly 4 % of
# its purchases? Store the total as a float in `compensation_needed`.

# %% id="q4-answer" nbgrader={"grade": false, "grade_id": "q4-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
compensation_needed = ...
### BEGIN SOLUTION
short = distributors.loc[sorted(underpaid)]
compensation_needed = float((RULE * short["purchases"] - short["rebates"]).sum())
### END SOLUTION

# %% id="q4-test" nbgrader={"grade": true, "grade_id": "q4", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q4", compensation_needed)
### BEGIN HIDDEN TESTS
report("q4", compensation_needed, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-07" nbgrader={"grade": false, "grade_id": "part_b", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part B · Your own equity labels
#
# **q5 (3 points).** Write a function `equity_labels(outcomes, inputs, reference_ratio=None, tolerance=0.05)`
# that takes two pandas Series with the same index (one row per party; inputs are all greater than 0) and
# returns a Series of the labels `"underpaid"`, `"fair"` and `"overpaid"`, indexed like `outcomes`:
#
# * each party's ratio is outcome / input;
# * the reference is `reference_ratio` when it is given, else the **pooled** ratio: sum of outcomes / sum of inputs;
# * gap = ratio / reference − 1; `"underpaid"` when gap < −tolerance, `"overpaid"` when gap > tolerance,
#   else `"fair"` (a gap exactly at the tolerance is fair);
# * do not change the Series you are given.
#
# Your function is graded on tables you have not seen. You may not call `crmlab.equity_ratios`; write it with pandas.

# %% id="q5-answer" nbgrader={"grade": false, "grade_id": "q5-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def equity_labels(outcomes, inputs, reference_ratio=None, tolerance=0.05):
    """Label each party underpaid, fair or overpaid by its equity ratio."""
    ### BEGIN SOLUTION
    ratio = outcomes / inputs.reindex(outcomes.index)
    if reference_ratio is None:
        reference_ratio = outcomes.sum() / inputs.sum()
    gap = ratio / reference_ratio - 1
    labels = pd.Series("fair", index=outcomes.index)
    labels[gap < -tolerance] = "underpaid"
    labels[gap > tolerance] = "overpaid"
    return labels
    ### END SOLUTION


# %% id="q5-test" nbgrader={"grade": true, "grade_id": "q5", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q5", equity_labels)
### BEGIN HIDDEN TESTS
_hidden_tables = [
    (pd.Series([30.0, 10.0, 20.0], index=list("abc")), pd.Series([100.0, 100.0, 100.0], index=list("abc")), None, 0.05),
    (pd.Series([5.0, 4.0, 6.0, 0.0], index=list("klmn")), pd.Series([50.0, 50.0, 50.0, 50.0], index=list("klmn")), 0.1, 0.1),
    (pd.Series([12.0, 9.8, 10.4], index=[101, 102, 103]), pd.Series([10.0, 10.0, 10.0], index=[101, 102, 103]), 1.0, 0.05),
    (pd.Series([2.0, 2.0, 3.0], index=list("pqr")), pd.Series([1.0, 1.0, 1.0], index=list("pqr")), None, 0.0),
    (pd.Series([1.0, 1.0, 1.0], index=list("zyx")), pd.Series([1.0, 2.0, 0.5], index=list("zyx")), None, 0.05),
    (pd.Series([4.85, 5.3, 4.7], index=["g1", "g2", "g3"]), pd.Series([100.0, 100.0, 100.0], index=["g1", "g2", "g3"]), 0.05, 0.05),
    (pd.Series([8.0, 2.0, 10.0, 9.0], index=list("efgh")), pd.Series([100.0, 40.0, 100.0, 100.0], index=list("efgh")), None, 0.05),
]
report("q5", [equity_labels(o.copy(), i.copy(), r, t) for o, i, r, t in _hidden_tables])
### END HIDDEN TESTS

# %% [markdown] id="md-08" nbgrader={"grade": false, "grade_id": "part_c", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part C · Reading the simulation
#
# The cell below runs the chapter's simulation of repeated unfairness (`crmlab.simulate_fairness`, with its
# default assumptions: one uncompensated unfair outcome is tolerated, each further unit of grievance makes a
# customer leave with probability 0.3, compensated outcomes are forgiven, nothing is forgotten). Two rates of
# unfair outcomes (10 % and 25 % of interactions) are crossed with two compensation policies (none, and
# 60 % of unfair outcomes compensated); 2,000 customers, 24 interactions, seed 11. Read the answers from
# `sim` with pandas.

# %% id="code-09" nbgrader={"grade": false, "grade_id": "sim", "locked": true, "schema_version": 3, "solution": false, "task": false}
sim = crmlab.simulate_fairness(2000, 24, [0.1, 0.25], compensation=[0.0, 0.6], seed=11)
sim.head()

# %% [markdown] id="md-10" nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q6 (2 points).** After the last interaction (24), with unfair outcomes in 25 % of interactions, how
# much larger is the share of customers retained with 60 % compensation than without compensation? Give
# the difference of the two shares as a fraction (0.10 for ten percentage points) in `compensation_effect`.

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
compensation_effect = ...
### BEGIN SOLUTION
last = sim[(sim["interaction"] == 24) & (sim["unfair_prob"] == 0.25)].set_index("compensation")
compensation_effect = float(last.loc[0.6, "share_retained"] - last.loc[0.0, "share_retained"])
### END SOLUTION

# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", compensation_effect)
### BEGIN HIDDEN TESTS
report("q6", compensation_effect, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-11" nbgrader={"grade": false, "grade_id": "q7_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q7 (1 point).** With unfair outcomes in 10 % of interactions and no compensation, at which interaction
# does the share of customers retained first fall **below 80 %**? Store the interaction number as an int
# in `first_below_80`.

# %% id="q7-answer" nbgrader={"grade": false, "grade_id": "q7-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
first_below_80 = ...
### BEGIN SOLUTION
path = sim[(sim["unfair_prob"] == 0.1) & (sim["compensation"] == 0.0)]
first_below_80 = int(path.loc[path["share_retained"] < 0.8, "interaction"].min())
### END SOLUTION

# %% id="q7-test" nbgrader={"grade": true, "grade_id": "q7", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q7", first_below_80)
### BEGIN HIDDEN TESTS
report("q7", first_below_80)
### END HIDDEN TESTS

# %% [markdown] id="md-12" nbgrader={"grade": false, "grade_id": "q8_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part D · Written answers (graded by your instructor)
#
# **q8 (3 points).** A broadband provider advertises "99 yuan a month". The first bill is 114 yuan: a
# 15-yuan "line maintenance fee" is described only in an appendix of the contract, which the sales staff did
# not mention. A competitor charges 114 yuan a month, all included. In 4 to 6 sentences: which kind of
# fairness does the provider violate, and which of the two typical violations named in the Lecture notes are these?
# Why may the customer feel cheated although the total equals the competitor's price? What could the
# provider promise instead?

# %% [markdown] id="q8-written" nbgrader={"grade": true, "grade_id": "q8", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Procedural fairness (程序公平) is violated: a hidden surcharge (价外加价) and deliberately created
#    information asymmetry (故意制造信息不对称: the fee hidden in an appendix, not mentioned by staff). Both named: full point.
# 2. The unfairness lies in the procedure, not the amount: the rule was hidden and changed the deal after the
#    customer committed; with unfair procedures even a fair outcome is suspected, trust (and assurance) is
#    shaken (Lecture notes: procedural fairness is the foundation).
# 3. What can be promised: procedures (all-inclusive published prices, every fee stated before signing, the
#    same rules for everyone, a way to complain and correct), not a fair outcome every time (only "best
#    effort"); fair procedures also make outcomes predictable.
# === END MARK SCHEME ===

# %% [markdown] id="md-13" nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q9 (3 points).** A customer of a logistics firm suggests a new routing of deliveries. The firm pays the
# usual 500-yuan reward for suggestions, adopts the idea, and saves 300,000 yuan in the first year. Using
# the Lecture notes' terms, explain in 4 to 6 sentences why the reward is fair in one sense and unfair in another,
# and propose a reward rule that reaches the "highest level" of distributive fairness. State any number
# you choose as your assumption.

# %% [markdown] id="q9-written" nbgrader={"grade": true, "grade_id": "q9", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Nominal distributive fairness (名义分配公平): as payment for a suggestion used as input to the firm's
#    decisions, the standard reward treats all suggestions alike and is fair.
# 2. Factual distributive fairness (事实分配公平) is violated: the adopted suggestion created new profit
#    (300,000 yuan), of which the customer receives a negligible share (equity ratio about 0.17 %); the Lecture notes:
#    part of the new benefit should be paid to the customer.
# 3. A rule stated in advance (a procedure) that shares part of the new profit, e.g. a stated percentage of
#    first-year savings, with the number marked as an assumption; the highest level is a fair, exactly
#    computed split every time. Accept any reasoned share.
# === END MARK SCHEME ===

# %% [markdown] id="md-14" nbgrader={"grade": false, "grade_id": "q10_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q10 (2 points).** Your answer to q6 comes from a model, not from data. Name two of the simulation's
# assumptions that drive the size of the compensation effect, and for one of them say what data a firm
# could collect to check it.

# %% [markdown] id="q10-written" nbgrader={"grade": true, "grade_id": "q10", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (2 points):
# 1. (1 point) Two assumptions named, e.g.: tolerance of one uncompensated unfair outcome; churn step 0.3 per
#    unit of grievance; full forgiveness of compensated outcomes (recovery = 1); no forgetting; independent
#    unfair outcomes with a fixed probability; no other churn; customers never return.
# 2. (1 point) A sensible check, e.g.: complaint and compensation records linked to later churn per customer
#    (survival analysis), a survey after service recovery, an A/B test of a compensation policy, the number
#    of incidents before customers leave.
# === END MARK SCHEME ===
