# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment 6 · Customer satisfaction measurement (客户满意度测评)
#
# This assignment goes with chapter 6 (`notebooks/06_csm.ipynb`). You will score the chapter's CSM survey
# yourself with pandas by the simple scale score method and the percentage weighted method, write your own
# scoring function, apply the index C = b/a, answer four exam questions, and design a measurement of your
# own.
#
# **Sources.** The exam questions come from the Exam collection (《客户关系管理ABC》), one of the five
# lecture materials the course cites, and keep its numbers: S1-S2 is question 2 of set 1, single choice (S = single
# choice 单选, M = multiple choice 多选, T = translation item). The [sources page](../../docs/sources.md) names every material and
# explains the numbers.
#
# **How you are graded.** 17 points are graded automatically and 5 points by your instructor, **22 points** in all:
#
# | question | what | points |
# |---|---|---|
# | q1 | share of satisfied respondents | 1 |
# | q2 | simple scale score, default table | 2 |
# | q3 | scores of all attributes with another table | 2 |
# | q4 | overall satisfaction, percentage weighted method | 2 |
# | q5 | service satisfaction, percentage weighted method | 1 |
# | q6 | your own `scale_score` function | 3 |
# | q7 | satisfied customers by C = b/a | 2 |
# | q8 | exam question S1-S2 (single choice) | 1 |
# | q9 | exam question S1-S3 (single choice) | 1 |
# | q10 | exam question S1-S8 (single choice) | 1 |
# | q11 | exam question S1-M7 (multiple choice) | 1 |
# | q12 | written: measure a product with both methods (graded by hand) | 3 |
# | q13 | written: satisfied employees (graded by hand) | 2 |
#
# Each auto-graded item is all or nothing. Under every answer cell there is a **check cell**: run it
# for instant feedback. It tells you when an answer is not attempted yet, has the wrong format, or
# matches a mistake we often see; passing a check does *not* mean the answer is right. Hidden tests
# decide that when your notebook is graded; your function in q6 is tested on data you have not seen.
# Replace each `...` with your answer, do not rename the variables, and do not delete or copy cells.
# Before you submit, run *Kernel → Restart and run all* (or press **Validate**).

# %% id="code-02" nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from crmlab.checks import for_assignment
from crmlab.datasets import load_csm_attributes, load_csm_survey

check, report = for_assignment("06_csm").names

# 300 respondents rate 8 attributes on the seven-level CSM scale (synthetic data, one row per answer)
survey = load_csm_survey()
# the 8 attributes, their pillar of the satisfaction platform (aspect) and importance weight (sum 1)
attributes = load_csm_attributes()

# the course's default score table (simple scale score method), Chinese level -> score
DEFAULT_SCORES = {"很满意": 3, "满意": 2, "较满意": 1, "一般": 0, "不太满意": -1, "不满意": -2, "很不满意": -3}
survey.head()

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part_a", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part A · The simple scale score method
#
# Work with pandas on `survey` and `attributes`. In Parts A and B do **not** call `crmlab.csm_counts`,
# `crmlab.csm_score` or `crmlab.weighted_satisfaction` (the chapter used them; the point here is to compute
# the scores yourself). `survey["level_zh"]` holds each answer in Chinese, `survey["level"]` in English.
#
# **q1 (1 point).** What share of the 300 respondents are **at least somewhat satisfied** (较满意, 满意 or
# 很满意) with **in-sale service** (售中服务)? Store a fraction between 0 and 1 in `in_sale_satisfied`.

# %% id="q1-answer" nbgrader={"grade": false, "grade_id": "q1-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
in_sale_satisfied = ...
### BEGIN SOLUTION
in_sale = survey[survey["attribute"] == "in-sale service"]
in_sale_satisfied = float(in_sale["level_zh"].isin(["较满意", "满意", "很满意"]).mean())
### END SOLUTION

# %% id="q1-test" nbgrader={"grade": true, "grade_id": "q1", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q1", in_sale_satisfied)
### BEGIN HIDDEN TESTS
report("q1", in_sale_satisfied, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-04" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q2 (2 points).** Score the answers on **value for money** (性价比) by the simple scale score method with
# `DEFAULT_SCORES`: the mean score over all respondents, each answer scored by its level. Store it as a
# float in `value_score`.

# %% id="q2-answer" nbgrader={"grade": false, "grade_id": "q2-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
value_score = ...
### BEGIN SOLUTION
scored = survey.assign(score=survey["level_zh"].map(DEFAULT_SCORES))
value_score = float(scored.loc[scored["attribute"] == "value for money", "score"].mean())
### END SOLUTION

# %% id="q2-test" nbgrader={"grade": true, "grade_id": "q2", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q2", value_score)
### BEGIN HIDDEN TESTS
report("q2", value_score, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q3 (2 points).** A market research firm scores the seven levels in percent with the table below
# (a hypothetical table for this exercise). Score **every attribute** with it. Store a pandas Series
# indexed by the English attribute names (`survey["attribute"]`) in `percent_scores`.

# %% id="code-06" nbgrader={"grade": false, "grade_id": "q3_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
PERCENT_SCORES = {"很满意": 100, "满意": 85, "较满意": 70, "一般": 50, "不太满意": 30, "不满意": 15, "很不满意": 0}

# %% id="q3-answer" nbgrader={"grade": false, "grade_id": "q3-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
percent_scores = ...
### BEGIN SOLUTION
percent_scores = (
    survey.assign(score=survey["level_zh"].map(PERCENT_SCORES)).groupby("attribute")["score"].mean()
)
### END SOLUTION

# %% id="q3-test" nbgrader={"grade": true, "grade_id": "q3", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q3", percent_scores)
### BEGIN HIDDEN TESTS
report("q3", percent_scores, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-07" nbgrader={"grade": false, "grade_id": "part_b", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part B · The percentage weighted method
#
# **q4 (2 points).** Combine your eight scores from q3 into one overall satisfaction by the percentage
# weighted method: the mean of the attribute scores weighted by `attributes["weight"]`. Mind that the two
# tables may list the attributes in different orders. Store a float in `overall`.

# %% id="q4-answer" nbgrader={"grade": false, "grade_id": "q4-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
overall = ...
### BEGIN SOLUTION
weights = attributes.set_index("attribute")["weight"]
overall = float((percent_scores * weights).sum() / weights.sum())
### END SOLUTION

# %% id="q4-test" nbgrader={"grade": true, "grade_id": "q4", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q4", overall)
### BEGIN HIDDEN TESTS
report("q4", overall, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-08" nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q5 (1 point).** Service satisfaction is "the key" of Slides A's satisfaction platform. Compute the
# weighted satisfaction of the **service** pillar alone (`attributes["aspect"] == "service"`: pre-, in- and
# after-sale service), with the q3 scores and the attributes' weights. Store a float in `service_overall`.

# %% id="q5-answer" nbgrader={"grade": false, "grade_id": "q5-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
service_overall = ...
### BEGIN SOLUTION
service = attributes.loc[attributes["aspect"] == "service"].set_index("attribute")["weight"]
service_overall = float((percent_scores[service.index] * service).sum() / service.sum())
### END SOLUTION

# %% id="q5-test" nbgrader={"grade": true, "grade_id": "q5", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q5", service_overall)
### BEGIN HIDDEN TESTS
report("q5", service_overall, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-09" nbgrader={"grade": false, "grade_id": "part_c", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part C · Your own scoring function
#
# **q6 (3 points).** Write a function `scale_score(answers, scores)` for the simple scale score method:
#
# * `answers` is a list or a pandas Series of answers given as Chinese CSM levels (`"很满意"` …);
# * `scores` is a dict that maps each Chinese level to its score; it may leave out levels nobody chose;
# * return the mean score over the respondents, as a float: each answer counts once, so a level chosen by
#   many respondents weighs more;
# * missing answers (`None` or `NaN`) are skipped: they count neither in the sum nor in the number of respondents;
# * do not change the arguments you are given.
#
# Your function is graded on surveys you have not seen. You may not call `crmlab.csm_score`.

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def scale_score(answers, scores):
    """The simple scale score method: the mean score of the answers."""
    ### BEGIN SOLUTION
    given = pd.Series(list(answers), dtype=object).dropna()
    return float(given.map(scores).mean())
    ### END SOLUTION


# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", scale_score)
### BEGIN HIDDEN TESTS
_percent = {"很满意": 100, "满意": 80, "较满意": 60, "一般": 40, "不太满意": 20, "不满意": 10, "很不满意": 0}
_hidden_surveys = [
    (["很满意", "满意", "一般", "一般", "不满意", "很不满意"], DEFAULT_SCORES),
    (pd.Series(["满意", "满意", "满意", "较满意"], index=[10, 20, 30, 40]), _percent),
    (["满意", None, "较满意", float("nan")], _percent),
    (pd.Series(["不太满意"]), DEFAULT_SCORES),
    (["很满意", "很满意", "很满意", "很不满意"], {"很满意": 5, "很不满意": 1}),
    (pd.Series(["一般", None, "很满意", "很满意", "满意"], index=list("vwxyz")), {"很满意": 7, "满意": 6, "一般": 4}),
]
report("q6", [scale_score(list(a) if isinstance(a, list) else a.copy(), dict(s)) for a, s in _hidden_surveys])
### END HIDDEN TESTS

# %% [markdown] id="md-10" nbgrader={"grade": false, "grade_id": "part_d", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part D · Perceived vs expected: C = b/a
#
# The course reads the exam item C = b/a with **b = perceived performance** and **a = expectation**: C > 1
# satisfied, C = 1 expectation just met, C < 1 dissatisfied. Six customers rated a service before (expected)
# and after (perceived) on a 10-point scale (figures invented for this exercise).
#
# **q7 (2 points).** Which customers are **satisfied** (C > 1)? Store their names in `satisfied` (a set or
# a list of strings).

# %% id="code-11" nbgrader={"grade": false, "grade_id": "q7_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
ratings = pd.DataFrame(
    {"expected": [7.0, 9.0, 6.0, 5.0, 8.0, 4.0], "perceived": [8.0, 8.0, 6.0, 7.0, 7.5, 4.4]},
    index=pd.Index(["Gao", "Hu", "Lin", "Xu", "Yang", "Zheng"], name="customer"),
)
ratings

# %% id="q7-answer" nbgrader={"grade": false, "grade_id": "q7-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
satisfied = ...
### BEGIN SOLUTION
c = ratings["perceived"] / ratings["expected"]
satisfied = set(c.index[c > 1])
### END SOLUTION

# %% id="q7-test" nbgrader={"grade": true, "grade_id": "q7", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q7", satisfied)
### BEGIN HIDDEN TESTS
report("q7", set(satisfied))
### END HIDDEN TESTS

# %% [markdown] id="md-12" nbgrader={"grade": false, "grade_id": "part_e", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part E · Exam questions
#
# These four questions come from the Exam collection (set S1, which gives
# no answers); the Chinese original is given beside our translation.
#
# **q8 (1 point) · S1-S2.** 满意度C=b/a，以下说法正确的是（ ） · *Satisfaction C = b/a. Which statement is correct?*
# (The stem does not say what a and b are; answer with the course's reading above.)
#
# | | 原文 | translation |
# |---|---|---|
# | A | C>1不满意 | C > 1: dissatisfied |
# | B | C<1满意 | C < 1: satisfied |
# | C | C>1满意 | C > 1: satisfied |
# | D | C=0满意 | C = 0: satisfied |
#
# Single choice: store one letter as a string in `q8_answer`, e.g. `"B"`.

# %% id="q8-answer" nbgrader={"grade": false, "grade_id": "q8-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q8_answer = ...
### BEGIN SOLUTION
q8_answer = "C"
### END SOLUTION

# %% id="q8-test" nbgrader={"grade": true, "grade_id": "q8", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q8", q8_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. With b = perceived performance and a = expectation (the course's reading,
# in line with the Exam collection's definition of satisfaction as perceived effect compared with expectation),
# C > 1 means the perception exceeds the expectation: satisfied. A and B would be right only if a and
# b were swapped (a = perceived), a reading no definition in the material supports; D is impossible
# (C = 0 means nothing was perceived, hardly satisfaction).
report("q8", q8_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-13" nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q9 (1 point) · S1-S3.** 满意度与期望值成正比且永无止境，属于下列哪项（ ） · *Satisfaction is proportional
# to expectation and knows no limit: which kind of quality does this describe?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 当然质量 | must-be quality |
# | B | 期望质量 | expected (one-dimensional) quality |
# | C | 迷人质量 | attractive quality |
# | D | 以上都不是 | none of the above |
#
# Single choice: store one letter in `q9_answer`.

# %% id="q9-answer" nbgrader={"grade": false, "grade_id": "q9-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q9_answer = ...
### BEGIN SOLUTION
q9_answer = "B"
### END SOLUTION

# %% id="q9-test" nbgrader={"grade": true, "grade_id": "q9", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q9", q9_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. The stem is the usual Chinese textbook description of Kano's
# one-dimensional quality (期望质量): satisfaction rises in proportion to how far the expected
# attribute is fulfilled, with no ceiling ("the more the better"). Must-be quality (A) only
# prevents dissatisfaction, attractive quality (C) delights without being expected. The key is
# debatable: read literally, "proportional to the expectation" contradicts C = b/a, where a higher
# expectation a lowers satisfaction, which could argue for D. Chapter 6 explains the intended
# reading (期望值 = fulfilment of the expected attribute), so only B is accepted.
report("q9", q9_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-14" nbgrader={"grade": false, "grade_id": "q10_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q10 (1 point) · S1-S8.** 在客户关系管理里，客户的满意度是由以下哪两个因素决定的（ ） · *In CRM, which two
# factors determine customer satisfaction?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 客户的期望和感知 | the customer's expectation and perception |
# | B | 客户的抱怨和忠诚 | the customer's complaints and loyalty |
# | C | 产品的质量和价格 | the product's quality and price |
# | D | 产品的性能和价格 | the product's performance and price |
#
# Single choice: store one letter in `q10_answer`.

# %% id="q10-answer" nbgrader={"grade": false, "grade_id": "q10-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q10_answer = ...
### BEGIN SOLUTION
q10_answer = "A"
### END SOLUTION

# %% id="q10-test" nbgrader={"grade": true, "grade_id": "q10", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q10", q10_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. The Exam collection defines satisfaction as the state reached by comparing the perceived
# effect of a product or service with the expectation: A. Complaints and loyalty (B) are consequences
# of satisfaction; quality, performance and price (C, D) shape the perception but are not the two
# determinants.
report("q10", q10_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-15" nbgrader={"grade": false, "grade_id": "q11_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q11 (1 point) · S1-M7.** 客户满意可以从三个维度来衡量，它们是（ ） · *Customer satisfaction can be measured
# along three dimensions. They are:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 客户知识和经验 | the customer's knowledge and experience |
# | B | 客户所获利益 | the benefits the customer gains |
# | C | 产品或服务所支持的个人价值 | the personal values the product or service supports |
# | D | 产品使用价[值] | the product's use value |
#
# The Exam collection cuts option D off after 产品使用价; it can only read 产品使用价值 (use value), so the question
# stays answerable. Multiple choice: store all the letters you choose as one string in `q11_answer`, e.g. `"AD"`.

# %% id="q11-answer" nbgrader={"grade": false, "grade_id": "q11-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q11_answer = ...
### BEGIN SOLUTION
q11_answer = "BCD"
### END SOLUTION

# %% id="q11-test" nbgrader={"grade": true, "grade_id": "q11", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q11", q11_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key and cuts option D off ("产品使用价" can only be 产品使用价值, use value).
# The three dimensions are the levels of the means-end chain / customer value hierarchy (Gutman 1982;
# Woodruff 1997), taught in chapter 6: product attributes and use value (D), the benefits or
# consequences the customer gains (B), and the personal values and goals the product supports (C).
# The customer's knowledge and experience (A) shape expectations but are not a dimension of
# satisfaction. Kept as a choice item because the visible options suffice.
report("q11", q11_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-16" nbgrader={"grade": false, "grade_id": "q12_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part F · Written answers (graded by your instructor)
#
# **q12 (3 points).** Slides A ends with an exercise: measure one product or service of your
# firm with both methods (试用上述两种方法对贵企业某项产品或服务进行满意度测定). Choose a product or service you
# know. In 6 to 10 lines: list four to six attributes and place each on the satisfaction platform (product,
# visual, service); state the scale and the score table you would use for the simple scale score method;
# say where the importance weights for the percentage weighted method would come from; and say what each
# method tells the manager that the other does not.

# %% [markdown] id="q12-written" nbgrader={"grade": true, "grade_id": "q12", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Attributes (4-6) sensibly placed on the platform: product (function, quality, price/performance,
#    appearance), visual (name, brand), service (pre-, in-, after-sale).
# 2. Simple scale score method specified: the seven CSM levels (很满意 ... 很不满意) and an explicit score
#    table (e.g. +3 ... -3 or 100 ... 0), the mean score per attribute = sum(score x respondents) / respondents;
#    the table stated and kept fixed.
# 3. Percentage weighted method: importance weights from customers (importance ratings, ranking, or
#    derived from the relation with overall satisfaction), normalised; overall = weighted mean of attribute
#    percentages. Contrast: the scale score shows where each attribute stands (and the spread of answers);
#    the weighted score gives one overall figure that reflects what matters to customers, and shows where
#    improving helps most.
# === END MARK SCHEME ===

# %% [markdown] id="md-17" nbgrader={"grade": false, "grade_id": "q13_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q13 (2 points).** Slides B quotes: employee satisfaction up 5 % goes with customer satisfaction up 1.3 %
# and company performance up 0.5 %. In 3 to 5 sentences: what does the chain mean for a firm that wants
# more satisfied customers, what is one reason to be careful with these figures, and what did Gordon
# Bethune do at Continental Airlines that fits the chain (Article)?

# %% [markdown] id="q13-written" nbgrader={"grade": true, "grade_id": "q13", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (2 points):
# 1. (1 point) Meaning: customer satisfaction is produced by employees; investing in employee satisfaction
#    (e.g. along Maslow's five need levels) pays off through customers to performance, with a shrinking
#    pass-through (about 0.26 and 0.38 per step). Plus one caution: one firm's estimate (attributed to
#    Sears, source not named in Slides B), association not proof of cause, units unclear, proportionality
#    is an assumption, diminishing returns.
# 2. (1 point) Continental: any of culture of honesty, trust, dignity and respect; listening to employees and
#    answering quickly; training and personal goals; simplified rulebook; more communication channels; a
#    pay scheme seen as fair; result: customer satisfaction and a turnaround.
# === END MARK SCHEME ===
