# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment 3 · Trust and commitment (信任与承诺)
#
# This assignment goes with chapter 3 (`notebooks/03_trust.ipynb`). You will measure trust and its five
# antecedents in the course's survey of 400 business customers: compute scale scores and Cronbach's
# alpha yourself with pandas, deal with a reverse-keyed item, write an "alpha if item deleted" function,
# relate the antecedents to trust, and answer three written questions from the open exam papers of the
# lecture material.
#
# **Sources.** The written questions come from the three open exam papers (A, B and C) of the Exam
# collection (《客户关系管理ABC》), one of the five lecture materials the course cites; the
# [sources page](../../docs/sources.md) names every material.
#
# **How you are graded.** 12 points are graded automatically and 8 points by your instructor, **20 points** in all:
#
# | question | what | points |
# |---|---|---|
# | q1 | share of respondents who trust the supplier | 1 |
# | q2 | Cronbach's alpha of the shared-values scale | 2 |
# | q3 | the scales below the 0.7 line | 2 |
# | q4 | non-opportunism scores with a reverse-keyed item | 2 |
# | q5 | your own `alpha_if_deleted` function | 3 |
# | q6 | correlations of the antecedents with trust | 2 |
# | q7 | written: opportunism (graded by hand) | 3 |
# | q8 | written: relationship marketing and trust (graded by hand) | 3 |
# | q9 | written: satisfaction, trust and loyalty (graded by hand) | 2 |
#
# Each auto-graded item is all or nothing. Under every answer cell there is a **check cell**: run it
# for instant feedback. It tells you when an answer is not attempted yet, has the wrong format, or
# matches a mistake we often see; passing a check does *not* mean the answer is right. Hidden tests
# decide that when your notebook is graded; your function in q5 is tested on data you have not seen.
# Replace each `...` with your answer, do not rename the variables, and do not delete or copy cells.
# Before you submit, run *Kernel → Restart and run all* (or press **Validate**).

# %% id="code-02" nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import numpy as np
import pandas as pd

from crmlab.checks import for_assignment
from crmlab.datasets import load_trust_items, load_trust_survey

check, report = for_assignment("03_trust").names

# 400 business customers rate 24 statements about one supplier, 1 strongly disagree ... 5 strongly agree
survey = load_trust_survey().set_index("respondent_id")
items = load_trust_items()
# construct name -> its four item columns, e.g. "trust": ["tr1", "tr2", "tr3", "tr4"]
constructs = {name: group["item"].tolist() for name, group in items.groupby("construct", sort=False)}
constructs

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part_a", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part A · Scale scores and alpha
#
# **q1 (1 point).** A respondent's trust score is the mean of the four trust items `tr1` to `tr4`. What share
# of the 400 respondents has a trust score of **4 or more** (on average at least "agree")? Store a float
# between 0 and 1 in `share_trusting`.

# %% id="q1-answer" nbgrader={"grade": false, "grade_id": "q1-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
share_trusting = ...
### BEGIN SOLUTION
trust_score = survey[constructs["trust"]].mean(axis=1)
share_trusting = float((trust_score >= 4).mean())
### END SOLUTION

# %% id="q1-test" nbgrader={"grade": true, "grade_id": "q1", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q1", share_trusting)
### BEGIN HIDDEN TESTS
report("q1", share_trusting, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-04" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q2 (2 points).** Compute Cronbach's alpha of the **shared values** scale (items `sv1` to `sv4`) with pandas:
#
# $$\alpha = \frac{k}{k-1}\left(1 - \frac{\sum_i s_i^2}{s_T^2}\right)$$
#
# with *k* items, the item variances $s_i^2$ and the variance $s_T^2$ of each respondent's **total** over
# the *k* items. Do not call `crmlab.cronbach_alpha` (the chapter used it); store a float in `alpha_sv`.

# %% id="q2-answer" nbgrader={"grade": false, "grade_id": "q2-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
alpha_sv = ...
### BEGIN SOLUTION
sv = survey[constructs["shared values"]]
k = sv.shape[1]
alpha_sv = float(k / (k - 1) * (1 - sv.var(ddof=1).sum() / sv.sum(axis=1).var(ddof=1)))
### END SOLUTION

# %% id="q2-test" nbgrader={"grade": true, "grade_id": "q2", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q2", alpha_sv)
### BEGIN HIDDEN TESTS
report("q2", alpha_sv, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q3 (2 points).** Which of the six scales have a Cronbach's alpha **below 0.7**, the usual rule of thumb?
# Here you may use `crmlab.cronbach_alpha` or your own code. Store the construct names exactly as in
# `constructs` (e.g. `"shared wishes"`) as a set in `weak_scales`.

# %% id="q3-answer" nbgrader={"grade": false, "grade_id": "q3-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
weak_scales = ...
### BEGIN SOLUTION
def _alpha(frame):
    k = frame.shape[1]
    return k / (k - 1) * (1 - frame.var().sum() / frame.sum(axis=1).var())

weak_scales = {name for name, cols in constructs.items() if _alpha(survey[cols]) < 0.7}
### END SOLUTION

# %% id="q3-test" nbgrader={"grade": true, "grade_id": "q3", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q3", weak_scales)
### BEGIN HIDDEN TESTS
report("q3", set(weak_scales))
### END HIDDEN TESTS

# %% [markdown] id="md-06" nbgrader={"grade": false, "grade_id": "part_b", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part B · A reverse-keyed item
#
# In a second wave the supplier reworded item `no2` against the construct: "该企业会向我推销我不需要的产品"
# (*This company pushes products I do not need*). For this exercise the table `survey_v2` holds the same
# respondents, with `no2` answered as the mirror image of their first answer; the other items are
# unchanged. Agreeing with the new `no2` now means *more* opportunism.

# %% id="code-07" nbgrader={"grade": false, "grade_id": "v2_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
survey_v2 = survey.assign(no2=6 - survey["no2"])
survey_v2[constructs["non-opportunism"]].head()

# %% [markdown] id="md-08" nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q4 (2 points).** Compute each respondent's **non-opportunism** score from `survey_v2`: the mean of
# `no1` to `no4`, with the reverse-keyed `no2` recoded first (min + max − answer on the 1-5 scale). Store a
# pandas Series indexed by respondent id (like `survey_v2`) in `no_scores`.

# %% id="q4-answer" nbgrader={"grade": false, "grade_id": "q4-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
no_scores = ...
### BEGIN SOLUTION
recoded = survey_v2[constructs["non-opportunism"]].assign(no2=1 + 5 - survey_v2["no2"])
no_scores = recoded.mean(axis=1)
### END SOLUTION

# %% id="q4-test" nbgrader={"grade": true, "grade_id": "q4", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q4", no_scores)
### BEGIN HIDDEN TESTS
report("q4", no_scores.astype(float), atol=1e-9)
### END HIDDEN TESTS

# %% [markdown] id="md-09" nbgrader={"grade": false, "grade_id": "part_c", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part C · Alpha if item deleted
#
# **q5 (3 points).** Write a function `alpha_if_deleted(items)` that takes a DataFrame of the items of one
# scale (one row per respondent, one column per item, at least three items, reverse-keyed items already
# recoded) and returns a pandas **Series** indexed by the item columns, in their order: for each item, the
# Cronbach's alpha of the scale **without** that item. Use sample variances (`ddof=1`). Do not call
# `crmlab.cronbach_alpha`; write alpha with pandas (a small helper function is fine). Do not change the
# DataFrame you are given. Your function is graded on item tables you have not seen.

# %% id="q5-answer" nbgrader={"grade": false, "grade_id": "q5-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def alpha_if_deleted(items):
    """Cronbach's alpha of the scale without each item in turn."""
    ### BEGIN SOLUTION
    def alpha(frame):
        k = frame.shape[1]
        return k / (k - 1) * (1 - frame.var(ddof=1).sum() / frame.sum(axis=1).var(ddof=1))

    return pd.Series({item: alpha(items.drop(columns=[item])) for item in items.columns},
                     index=items.columns, dtype=float)
    ### END SOLUTION


# %% id="q5-test" nbgrader={"grade": true, "grade_id": "q5", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q5", alpha_if_deleted)
### BEGIN HIDDEN TESTS
_hidden_inputs = [
    pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [2, 2, 3, 5, 4], "c": [1, 3, 3, 4, 5]}),
    pd.DataFrame({"x1": [5, 4, 4, 2, 1, 3], "x2": [4, 4, 5, 2, 2, 3], "x3": [5, 5, 3, 1, 2, 2],
                  "x4": [1, 2, 2, 4, 5, 3]}),
    pd.DataFrame({1: [3, 4, 2, 5, 1, 4, 3, 2], 2: [3, 5, 2, 4, 2, 4, 3, 1], 3: [2, 4, 3, 5, 1, 5, 2, 2],
                  4: [4, 4, 2, 4, 2, 3, 3, 3]}, index=[f"r{i}" for i in range(8)]),
    load_trust_survey().set_index("respondent_id")[["md1", "md2", "md3", "md4"]],
]
report("q5", [alpha_if_deleted(frame.copy()).astype(float) for frame in _hidden_inputs], atol=1e-9)
### END HIDDEN TESTS

# %% [markdown] id="md-10" nbgrader={"grade": false, "grade_id": "part_d", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part D · Which factors go with trust?
#
# **q6 (2 points).** Compute every respondent's scale score (the mean of its four items) for each of the
# six constructs, then the correlation (Pearson) of each of the **five antecedents** with the trust score.
# Store a Series indexed by the five antecedent names (as in `constructs`, without `"trust"`) in
# `trust_corr`.

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
trust_corr = ...
### BEGIN SOLUTION
scores = pd.DataFrame({name: survey[cols].mean(axis=1) for name, cols in constructs.items()})
trust_corr = scores.corr()["trust"].drop("trust")
### END SOLUTION

# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", trust_corr)
### BEGIN HIDDEN TESTS
report("q6", trust_corr.astype(float), atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-11" nbgrader={"grade": false, "grade_id": "part_e", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part E · Written answers (graded by your instructor)
#
# **q7 (3 points) · opportunism.** Define opportunism (机会主义) as the Lecture notes do, in your own words. Give one
# example of opportunism on the firm's side and one on the customer's side. Then say which items of the
# trust survey (see `items`) would reveal the firm's opportunism, and how a firm could use the scale
# scores (for example, to find the customers whose trust is at risk). 5 to 8 sentences.

# %% [markdown] id="q7-written" nbgrader={"grade": true, "grade_id": "q7", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Definition: seeing (and taking) only the side of an opportunity that benefits oneself while ignoring
#    the harm it does the other side (Lecture notes); also credit Williamson's "self-interest seeking with guile".
# 2. One example on each side: the firm pushes products the customer does not need / hides a price rise or a
#    shrinking product / adds hidden charges; the customer exploits the firm's goodwill (takes special terms
#    or free advice and buys elsewhere, returns used goods, abuses a guarantee). Both needed for the point.
# 3. Measurement: the non-opportunism items no1-no4 (no advantage taken, no unneeded products pushed, promises
#    kept, integrity); a low non-opportunism (or trust) score flags customers at risk, to be followed up,
#    segmented or compared over time; mention that the scale's alpha should be checked first.
# === END MARK SCHEME ===

# %% [markdown] id="md-12" nbgrader={"grade": false, "grade_id": "q8_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q8 (3 points) · papers A and C: 关系营销的本质特征是什么？** *What are the essential features of relationship
# marketing?* Name at least three features and, for each, show its link to what the Lecture notes say about trust
# (its definition, its benefits or the factors that build it). 6 to 10 sentences.

# %% [markdown] id="q8-written" nbgrader={"grade": true, "grade_id": "q8", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 per feature linked to trust, up to 3):
# Features commonly listed in Chinese CRM textbooks, any of which earns credit when explained:
# two-way communication (双向沟通) ~ high-quality communication builds trust; cooperation / coordination
# (合作, 协同) ~ trust's first benefit, 1+1>2; mutual benefit / win-win (互利, 双赢) ~ shared wishes,
# lasting benefit, trust in both sides' common interest; emotional satisfaction / closeness (亲密, 情感) ~
# affective assurance; control and timely feedback (控制, 反馈) ~ monitoring trust and dependence,
# reacting to dissatisfaction (Fig. 2-2). Also credit "long-term relationship rather than single
# transactions" linked to commitment. A feature without a link to trust earns half a point.
# === END MARK SCHEME ===

# %% [markdown] id="md-13" nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q9 (2 points) · paper B: 简述客户满意度与客户忠诚度的关系.** *Briefly describe the relation between customer
# satisfaction and customer loyalty.* Use Slides B's view that repeated satisfaction is the basis of trust,
# and place trust between the two. 3 to 5 sentences.

# %% [markdown] id="q9-written" nbgrader={"grade": true, "grade_id": "q9", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (2 points, 1 each):
# 1. Satisfaction is the customer's (largely emotional) evaluation of products and services against
#    expectations; reinforced again and again, it becomes the basis of trust (Slides B); loyalty is the
#    result of this reinforced satisfaction, grounded in reason (rational identification and reliance).
# 2. The relation is not automatic: satisfied customers can still defect (satisfaction is necessary, not
#    sufficient), and trust and commitment (and switching costs, fairness) turn satisfaction into loyalty;
#    credit a mention of Garbarino & Johnson (1999) or of the satisfaction-trust-commitment chain.
# === END MARK SCHEME ===
