# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment 7 · Service quality, complaints and SERVQUAL (服务质量、投诉与SERVQUAL)
#
# This assignment goes with chapter 7 (`notebooks/07_servqual.ipynb`). You will compute SERVQUAL gaps
# (perception − expectation) yourself with pandas, item by item, per dimension and overall, compare two
# survey waves, write your own gap function, place four of the lecture's nine quality factors in the
# SERVQUAL dimensions, answer an exam question on complaints, and handle a complaint in writing.
#
# **Sources.** The exam questions come from the Exam collection (《客户关系管理ABC》), one of the five
# lecture materials the course cites, and keep its numbers: S1-M2 is question 2 of set 1, multiple choice (S = single
# choice 单选, M = multiple choice 多选, T = translation item). The [sources page](../../docs/sources.md) names every material and
# explains the numbers.
#
# **How you are graded.** 14 points are graded automatically and 6 points by your instructor, **20 points** in all:
#
# | question | what | points |
# |---|---|---|
# | q1 | the gap of one item | 1 |
# | q2 | items more than one point short | 1 |
# | q3 | gaps per dimension, autumn wave | 2 |
# | q4 | overall gap, autumn wave | 2 |
# | q5 | weighted overall gap, autumn wave | 1 |
# | q6 | change from spring to autumn | 1 |
# | q7 | your own `dimension_gaps` function | 3 |
# | q8 | exam question S1-M2 (multiple choice) | 1 |
# | q9 | four of the nine factors in SERVQUAL | 2 |
# | q10 | written answer: reading the two waves (graded by hand) | 3 |
# | q11 | written answer: handling a complaint (graded by hand) | 3 |
#
# Each auto-graded item is all or nothing. Under every answer cell there is a **check cell**: run it
# for instant feedback. It tells you when an answer is not attempted yet, has the wrong format, or
# matches a mistake we often see; passing a check does *not* mean the answer is right. Hidden tests
# decide that when your notebook is graded; your function in q7 is tested on data you have not seen.
# Compute with pandas: do not call `crmlab.servqual_gaps` (the chapter used it; here you show that you
# can do what it does). Replace each `...` with your answer, do not rename the variables, and do not
# delete or copy cells. Before you submit, run *Kernel → Restart and run all* (or press **Validate**).

# %% id="code-02" nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from crmlab.checks import for_assignment
from crmlab.datasets import load_servqual_items, load_servqual_survey

check, report = for_assignment("07_servqual").names

# the 22 SERVQUAL items and their dimensions
items = load_servqual_items()
# 250 customers of a bank branch, two rows each: kind = "expectation" (E) or "perception" (P),
# answers to the items q1 ... q22 on a 1-7 scale
survey = load_servqual_survey()
survey.head(4)

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part_a", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part A · Item gaps
#
# Start by splitting `survey` into two DataFrames, one of perceptions and one of expectations, each with
# one row per respondent (indexed by `respondent_id`) and one column per item `q1` … `q22`. The SERVQUAL
# gap of an answer is **P − E**.
#
# **q1 (1 point).** What is the mean gap of item `q19` ("has operating hours convenient to customers")
# over all 250 respondents? Store it as a float in `q19_gap`.

# %% id="q1-answer" nbgrader={"grade": false, "grade_id": "q1-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q19_gap = ...
### BEGIN SOLUTION
questions = list(items["item"])
perceptions = survey[survey["kind"] == "perception"].set_index("respondent_id")[questions]
expectations = survey[survey["kind"] == "expectation"].set_index("respondent_id")[questions]
gap = perceptions - expectations
q19_gap = float(gap["q19"].mean())
### END SOLUTION

# %% id="q1-test" nbgrader={"grade": true, "grade_id": "q1", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q1", q19_gap)
### BEGIN HIDDEN TESTS
report("q1", q19_gap, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-04" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q2 (1 point).** Which items have a mean gap **below −1**, that is, perceptions more than one scale
# point short of expectations, over all 250 respondents? Store their names in `big_shortfalls` (a list
# or set such as `["q1", "q2"]`; the order does not matter).

# %% id="q2-answer" nbgrader={"grade": false, "grade_id": "q2-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
big_shortfalls = ...
### BEGIN SOLUTION
item_gaps = gap.mean()
big_shortfalls = set(item_gaps[item_gaps < -1].index)
### END SOLUTION

# %% id="q2-test" nbgrader={"grade": true, "grade_id": "q2", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q2", big_shortfalls)
### BEGIN HIDDEN TESTS
report("q2", {str(x).strip().lower() for x in big_shortfalls})
### END HIDDEN TESTS

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "part_b", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part B · Two waves
#
# The branch ran the survey in two waves of 125 customers. **Assume** that respondents `R0001` to `R0125`
# were interviewed in the spring and `R0126` to `R0250` in the autumn (the synthetic data has no dates;
# this split is part of the exercise). Answer q3 to q5 for the **autumn wave** only.
#
# **q3 (2 points).** For each of the five dimensions, the gap is the mean of P − E over the wave's
# respondents and the dimension's items (use the `dimension` column of `items`). Store the five gaps in
# `autumn_gaps`: a pandas Series (or a dict) indexed by the English dimension names `"tangibles"`,
# `"reliability"`, `"responsiveness"`, `"assurance"`, `"empathy"`.

# %% id="q3-answer" nbgrader={"grade": false, "grade_id": "q3-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
autumn_gaps = ...
### BEGIN SOLUTION
dimension_of = items.set_index("item")["dimension"].astype(str)
autumn = gap.index > "R0125"
def _by_dimension(g):
    # mean over respondents and the dimension's items: mean of the item means (every item has all respondents)
    return g.mean().groupby(dimension_of).mean()
autumn_gaps = _by_dimension(gap[autumn])
### END SOLUTION

# %% id="q3-test" nbgrader={"grade": true, "grade_id": "q3", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q3", autumn_gaps)
### BEGIN HIDDEN TESTS
report("q3", pd.Series(dict(autumn_gaps), dtype="float64"), atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-06" nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q4 (2 points).** The overall SERVQUAL gap of the autumn wave is the **mean of the five dimension
# gaps** (each dimension counts once, whatever its number of items). Store it as a float in `autumn_overall`.

# %% id="q4-answer" nbgrader={"grade": false, "grade_id": "q4-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
autumn_overall = ...
### BEGIN SOLUTION
autumn_overall = float(autumn_gaps.mean())
### END SOLUTION

# %% id="q4-test" nbgrader={"grade": true, "grade_id": "q4", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q4", autumn_overall)
### BEGIN HIDDEN TESTS
report("q4", autumn_overall, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-07" nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q5 (1 point).** Suppose the branch's customers split 100 importance points over the dimensions as
# below (an assumption for this exercise). What is the **weighted** overall gap of the autumn wave, the
# dimension gaps weighted by their share of the points? Store it as a float in `autumn_weighted`.

# %% id="code-08" nbgrader={"grade": false, "grade_id": "q5_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
importance = {"tangibles": 15, "reliability": 35, "responsiveness": 20, "assurance": 15, "empathy": 15}

# %% id="q5-answer" nbgrader={"grade": false, "grade_id": "q5-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
autumn_weighted = ...
### BEGIN SOLUTION
weights = pd.Series(importance, dtype="float64")
autumn_weighted = float((autumn_gaps[weights.index] * weights).sum() / weights.sum())
### END SOLUTION

# %% id="q5-test" nbgrader={"grade": true, "grade_id": "q5", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q5", autumn_weighted)
### BEGIN HIDDEN TESTS
report("q5", autumn_weighted, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-09" nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q6 (1 point).** By how much did the overall (unweighted, as in q4) gap change from the spring wave to
# the autumn wave? Give **autumn minus spring** as a float in `overall_change` (negative: the gap grew
# and service fell further behind expectations).

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
overall_change = ...
### BEGIN SOLUTION
spring_overall = float(_by_dimension(gap[~autumn]).mean())
overall_change = autumn_overall - spring_overall
### END SOLUTION

# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", overall_change)
### BEGIN HIDDEN TESTS
report("q6", overall_change, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-10" nbgrader={"grade": false, "grade_id": "part_c", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part C · Your own gap function
#
# **q7 (3 points).** Write a function `dimension_gaps(perceptions, expectations, dimension_of)` that
# returns the SERVQUAL gap of each dimension:
#
# * `perceptions` and `expectations` are DataFrames with one row per respondent (the index holds the
#   respondent ids) and one column per item. They hold the same respondents and the same items, but
#   **not necessarily in the same order** of rows or columns; they may hold extra columns that are not items;
# * `dimension_of` is a dict item → dimension name; only the items in it count;
# * the gap of a dimension is the mean of P − E over all respondents and all of the dimension's items
#   (every respondent answered every item);
# * return a pandas Series of floats indexed by the dimension names (in any order);
# * do not change the DataFrames you are given.
#
# Your function is graded on surveys you have not seen. Do not call `crmlab.servqual_gaps`.

# %% id="q7-answer" nbgrader={"grade": false, "grade_id": "q7-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def dimension_gaps(perceptions, expectations, dimension_of):
    """Mean P - E per dimension."""
    ### BEGIN SOLUTION
    columns = list(dimension_of)
    difference = perceptions[columns] - expectations.loc[perceptions.index, columns]
    labels = pd.Series(dimension_of)
    return difference.mean().groupby(labels).mean().astype("float64")
    ### END SOLUTION


# %% id="q7-test" nbgrader={"grade": true, "grade_id": "q7", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q7", dimension_gaps)
### BEGIN HIDDEN TESTS
_p1 = pd.DataFrame({"a1": [7, 6, 5], "a2": [6, 6, 6], "b1": [3, 4, 2]}, index=["x", "y", "z"])
_e1 = pd.DataFrame({"b1": [5, 6, 7], "a2": [7, 7, 5], "a1": [6, 6, 6]}, index=["z", "y", "x"])
_p2 = pd.DataFrame({"t1": [5.0, 4.0], "r1": [2.0, 3.0], "r2": [4.0, 4.0], "r3": [1.0, 7.0], "note": [0.0, 0.0]},
                   index=[101, 102])
_e2 = pd.DataFrame({"t1": [4.0, 4.0], "r1": [6.0, 6.0], "r2": [6.0, 5.0], "r3": [7.0, 7.0], "note": [9.0, 9.0]},
                   index=[101, 102])
_items3 = {f"i{k}": ("有形性" if k < 2 else "empathy") for k in range(5)}
_p3 = pd.DataFrame([[1, 2, 3, 4, 5], [5, 4, 3, 2, 1], [7, 7, 7, 7, 7], [2, 2, 2, 2, 2]],
                   columns=[f"i{k}" for k in range(5)], index=list("pqrs"))
_e3 = pd.DataFrame([[4, 4, 4, 4, 4], [6, 6, 6, 6, 6], [1, 2, 3, 4, 5], [3, 3, 3, 3, 3]],
                   columns=[f"i{k}" for k in range(5)], index=list("srqp"))
_hidden_inputs = [
    (_p1, _e1, {"a1": "A", "a2": "A", "b1": "B"}),
    (_p2, _e2, {"t1": "tangibles", "r1": "reliability", "r2": "reliability", "r3": "reliability"}),
    (_p3, _e3, _items3),
]
report("q7", [pd.Series(dimension_gaps(p.copy(), e.copy(), dict(d)), dtype="float64")
              for p, e, d in _hidden_inputs], atol=1e-9)
### END HIDDEN TESTS

# %% [markdown] id="md-11" nbgrader={"grade": false, "grade_id": "part_d", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part D · The lecture's factors and an exam question
#
# **q8 (1 point) · S1-M2.** This question comes from the Exam collection (set S1); the Chinese original is given beside our translation.
#
# 客户投诉的需求包含哪些（ ） · *What needs does a complaining customer have?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 被关心 | to be cared about |
# | B | 被倾听 | to be listened to |
# | C | 服务人员专业化 | professional service staff |
# | D | 迅速反应 | a quick response |
#
# Multiple choice: store all the letters you choose as one string in `q8_answer`, e.g. `"BD"`.

# %% id="q8-answer" nbgrader={"grade": false, "grade_id": "q8-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q8_answer = ...
### BEGIN SOLUTION
q8_answer = "ABCD"
### END SOLUTION

# %% id="q8-test" nbgrader={"grade": true, "grade_id": "q8", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q8", q8_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. All four are needs of a complaining customer: the customer wants the firm to
# care about the trouble caused (A), to listen to the whole story (B), to deal with someone competent
# who can decide (C) and to get an answer fast (D). Chapter 7 maps each onto a step of the complaint
# handling flow; none of the options is a distractor.
report("q8", q8_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-12" nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q9 (2 points).** Slides B refines the quality factors into nine detailed factors; Parasuraman,
# Zeithaml and Berry (1988) condensed their detailed determinants into the five SERVQUAL dimensions.
# Place these four of the nine factors in the SERVQUAL dimension each belongs to:
#
# | key | factor in Slides B | meaning |
# |---|---|---|
# | `"access"` | 可接近性 | how easy the service is to reach and use |
# | `"courtesy"` | 礼节 | politeness, respect and friendliness of contact staff |
# | `"communication"` | 交流 | telling customers things in a language they understand |
# | `"security"` | 保障 | freedom from danger, risk and doubt |
#
# Store a dict with these four keys in `factor_dimensions`; each value is one of `"tangibles"`,
# `"reliability"`, `"responsiveness"`, `"assurance"`, `"empathy"`.

# %% id="q9-answer" nbgrader={"grade": false, "grade_id": "q9-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
factor_dimensions = ...
### BEGIN SOLUTION
factor_dimensions = {"access": "empathy", "courtesy": "assurance", "communication": "empathy", "security": "assurance"}
### END SOLUTION

# %% id="q9-test" nbgrader={"grade": true, "grade_id": "q9", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q9", factor_dimensions)
### BEGIN HIDDEN TESTS
# Parasuraman, Zeithaml & Berry (1988): assurance = competence, courtesy, credibility, security;
# empathy = access, communication, understanding the customer.
report("q9", {str(k).strip().lower(): str(v).strip().lower() for k, v in factor_dimensions.items()})
### END HIDDEN TESTS

# %% [markdown] id="md-13" nbgrader={"grade": false, "grade_id": "q10_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part E · Written answers (graded by your instructor)
#
# **q10 (3 points).** The branch manager reads your results and says: "Service got worse from spring to
# autumn, and we must fix tangibles first because that gap grew the most." In 4 to 6 sentences, answer
# the manager: (1) is a change of the size you found in q6 larger than you would expect by chance between two
# samples of 125 customers? Use the chapter's idea of control limits: the standard deviation of a
# respondent's mean gap is about 0.73, so the standard error of a wave's mean is about 0.73 / √125; (2) which
# dimension would you improve first, and why (use the size of the gaps, not only their change)?
# (3) which of the three ways of monitoring service quality would you set up to follow it?

# %% [markdown] id="q10-written" nbgrader={"grade": true, "grade_id": "q10", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Chance: the standard error of a wave mean is about 0.73 / sqrt(125) = 0.065, of the difference of two
#    waves about 0.09; the change of about -0.10 (q6) is about one standard error, well inside +-3 standard
#    errors (roughly 0.28): not evidence that service got worse; keep watching. Full mark for the
#    comparison with a stated limit; an answer that treats the change as real without checking gets 0 here.
# 2. Priority: reliability (and responsiveness) have by far the largest gaps in both waves (about -1.1 and
#    -1.0) and customers expect the most there; tangibles is the smallest gap even after its change, so fix
#    reliability first (keeping promises, doing it right the first time, q5-q9).
# 3. Monitoring: names one of the three ways of Slides B and applies it: a regular survey with a control
#    chart (statistical process monitoring), staff reporting failures (e.g. missed promised dates), or
#    customers (complaints, comment cards, mystery shoppers).
# === END MARK SCHEME ===

# %% [markdown] id="md-14" nbgrader={"grade": false, "grade_id": "q11_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q11 (3 points).** A customer comes to the counter, angry: a transfer the branch promised for Monday
# arrived on Thursday, and she paid a late fee to her landlord. Write what the customer manager says and does,
# step by step, following the six steps to calm a dissatisfied customer from the chapter. For each step,
# name which of the four needs of a complaining customer (q8) it serves, and end with one customer-care
# action the branch takes afterwards (from the bank-branch training of the Exam collection).

# %% [markdown] id="q11-written" nbgrader={"grade": true, "grade_id": "q11", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. The six steps in a sensible order with concrete words or actions: listen and let her explain without
#    interrupting; show understanding; apologise sincerely without blaming others; find the cause and
#    propose a remedy (e.g. refund the late fee, explain what went wrong); act at once with a stated time;
#    follow up to check she is satisfied. At most one step missing for the point.
# 2. The needs are linked correctly: listening -> to be heard; understanding/apology -> to be cared about;
#    competent diagnosis and a decision on the spot -> professional service; fast action and a clear
#    deadline -> quick response.
# 3. A customer-care action after the complaint from the training: keep her details, send a thank-you
#    letter, keep in touch, tell her promptly the bank's solution, send a satisfaction questionnaire, or
#    send service information; and/or log the case in the problem list so that the cause (reliability,
#    q5/q8) is fixed.
# === END MARK SCHEME ===
