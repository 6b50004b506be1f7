# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment 5 · ABC customer classification (ABC客户分类)
#
# This assignment goes with chapter 5 (`notebooks/05_abc.ipynb`). You will classify the 20 distributors
# of the lecture's worked example yourself, with pandas, under a different split, rank distributors by
# how well they met their targets, write your own classification function, and answer two exam questions.
#
# **Sources.** The exam questions come from the Exam collection (《客户关系管理ABC》), one of the five
# lecture materials the course cites, and keep its numbers: S1-S6 is question 6 of set 1, single choice (S = single
# choice 单选, M = multiple choice 多选, T = translation item). The [sources page](../../docs/sources.md) names every material and
# explains the numbers.
#
# **How you are graded.** 13 points are graded automatically and 3 points by your instructor, **16 points** in all:
#
# | question | what | points |
# |---|---|---|
# | q1 | total sales | 1 |
# | q2 | class A at 80 / 15 / 5 | 2 |
# | q3 | class B at 80 / 15 / 5 | 1 |
# | q4 | share of customers in A | 1 |
# | q5 | classes by amount | 1 |
# | q6 | achievement-rate ranking | 2 |
# | q7 | your own `classify` function | 3 |
# | q8 | exam question S1-S6 (single choice) | 1 |
# | q9 | exam question S1-M6 (multiple choice) | 1 |
# | q10 | written answer (graded by hand) | 3 |
#
# Each auto-graded item is all or nothing. Under every answer cell there is a **check cell**: run it
# for instant feedback. It tells you when an answer is not attempted yet, has the wrong format, or
# matches a mistake we often see; passing a check does *not* mean the answer is right. Hidden tests
# decide that when your notebook is graded; your function in q7 is tested on data you have not seen.
# Replace each `...` with your answer, do not rename the variables, and do not delete or copy cells.
# Before you submit, run *Kernel → Restart and run all* (or press **Validate**).

# %% id="code-02" nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from crmlab.checks import for_assignment
from crmlab.datasets import load_distributors

check, report = for_assignment("05_abc").names

# yearly sales of the 20 distributors a-t, in 10k yuan (万元), indexed by distributor
sales = load_distributors().set_index("distributor")["sales"]
sales.head()

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part_a", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part A · The 80 % line
#
# The chapter's worked example closes class A at 70 % of sales. The same lecture material also says
# that class A should deliver **80 %** of the volume, or its customers are downgraded. In this part you
# use the split **A 80 % · B 15 % · C 5 %** with the lecture's rule: sort the distributors from the
# largest to the smallest sales, add them up, and keep a distributor in class A only while the running
# total **does not exceed** 80 % of the total (不超过); class B likewise up to 95 %.
#
# **q1 (1 point).** What is the total yearly sales of the 20 distributors, in 10k yuan? Store it as a float in `total_sales`.

# %% id="q1-answer" nbgrader={"grade": false, "grade_id": "q1-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
total_sales = ...
### BEGIN SOLUTION
total_sales = float(sales.sum())
### END SOLUTION

# %% id="q1-test" nbgrader={"grade": true, "grade_id": "q1", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q1", total_sales)
### BEGIN HIDDEN TESTS
report("q1", total_sales, atol=0.01)
### END HIDDEN TESTS

# %% [markdown] id="md-04" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q2 (2 points).** Which distributors are in class A under the 80 / 15 / 5 split and the do-not-exceed
# rule? Store their letters in `a_class` (a list, a set or a string of letters; the order does not matter).
#
# *Hint:* `sort_values(ascending=False)` and `cumsum()` do most of the work.

# %% id="q2-answer" nbgrader={"grade": false, "grade_id": "q2-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
a_class = ...
### BEGIN SOLUTION
ranked = sales.sort_values(ascending=False, kind="stable")
running = ranked.cumsum()
total = ranked.sum()
a_class = set(ranked.index[running <= 0.80 * total])
### END SOLUTION

# %% id="q2-test" nbgrader={"grade": true, "grade_id": "q2", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q2", a_class)
### BEGIN HIDDEN TESTS
report("q2", a_class, kind="set")
### END HIDDEN TESTS

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q3 (1 point).** Which distributors are in class B (the running total above 80 % but not above 95 %)? Store them in `b_class`.

# %% id="q3-answer" nbgrader={"grade": false, "grade_id": "q3-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
b_class = ...
### BEGIN SOLUTION
b_class = set(ranked.index[(running > 0.80 * total) & (running <= 0.95 * total)])
### END SOLUTION

# %% id="q3-test" nbgrader={"grade": true, "grade_id": "q3", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q3", b_class)
### BEGIN HIDDEN TESTS
report("q3", b_class, kind="set")
### END HIDDEN TESTS

# %% [markdown] id="md-06" nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q4 (1 point).** What share of the 20 distributors is in class A under this split? Give a fraction
# between 0 and 1 in `a_customer_share`. Compare it with the 80/20 rule of thumb.

# %% id="q4-answer" nbgrader={"grade": false, "grade_id": "q4-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
a_customer_share = ...
### BEGIN SOLUTION
a_customer_share = len(a_class) / len(sales)
### END SOLUTION

# %% id="q4-test" nbgrader={"grade": true, "grade_id": "q4", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q4", a_customer_share)
### BEGIN HIDDEN TESTS
report("q4", a_customer_share, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-07" nbgrader={"grade": false, "grade_id": "part_b", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part B · Classes by amount, and the five-step process
#
# **q5 (1 point).** The lecture also classifies by amount: a yearly turnover of 5 million yuan and above
# (500万元以上) is A, from 1 million up to 5 million is B, below 1 million is C. How many distributors fall
# in each class? Mind the unit of the table. Store a dict such as `{"A": 1, "B": 2, "C": 3}` in `threshold_counts`.

# %% id="q5-answer" nbgrader={"grade": false, "grade_id": "q5-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
threshold_counts = ...
### BEGIN SOLUTION
threshold_counts = {
    "A": int((sales >= 500).sum()),
    "B": int(((sales >= 100) & (sales < 500)).sum()),
    "C": int((sales < 100).sum()),
}
### END SOLUTION

# %% id="q5-test" nbgrader={"grade": true, "grade_id": "q5", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q5", threshold_counts)
### BEGIN HIDDEN TESTS
report("q5", threshold_counts)
### END HIDDEN TESTS

# %% [markdown] id="md-08" nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q6 (2 points).** Step 3 of the five-step ABC process is the sales achievement-rate ranking
# (销售额达成率排行榜): achievement rate = actual sales / sales target. Six distributors had the targets
# below (hypothetical figures for this exercise, in 10k yuan). Rank these six from the highest achievement
# rate to the lowest and store the order as one string of letters in `achievement_order` (e.g. `"abcdef"`).

# %% id="code-09" nbgrader={"grade": false, "grade_id": "q6_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
targets = pd.Series({"d": 800.0, "e": 1200.0, "f": 1250.0, "i": 700.0, "n": 800.0, "t": 900.0})
targets

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
achievement_order = ...
### BEGIN SOLUTION
rate = sales[targets.index] / targets
achievement_order = "".join(rate.sort_values(ascending=False, kind="stable").index)
### END SOLUTION

# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", achievement_order)
### BEGIN HIDDEN TESTS
report("q6", achievement_order)
### END HIDDEN TESTS

# %% [markdown] id="md-10" nbgrader={"grade": false, "grade_id": "part_c", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part C · Your own classifier
#
# **q7 (3 points).** Write a function `classify(values, shares=(0.7, 0.2, 0.1))` that takes a pandas
# Series of customer values (the index holds the customers) and returns a Series of the labels `"A"`,
# `"B"` and `"C"`, indexed like `values`, by the do-not-exceed rule:
#
# * sort from the largest value to the smallest; customers with equal values keep their input order;
# * a customer is A while the running total stays at or below `shares[0]` × total, B while it stays at or
#   below `(shares[0] + shares[1])` × total, else C;
# * the largest customer is always A, even when it alone is more than `shares[0]` of the total;
# * a running total that equals a boundary counts as inside it (allow for floating point: `0.3 + 0.6` is not exactly `0.9`);
# * do not change the Series you are given.
#
# Your function is graded on customer lists you have not seen. You may not call `crmlab.abc_classify`
# (it is what the chapter used); write it with pandas.

# %% id="q7-answer" nbgrader={"grade": false, "grade_id": "q7-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def classify(values, shares=(0.7, 0.2, 0.1)):
    """Label each customer A, B or C by the do-not-exceed rule."""
    ### BEGIN SOLUTION
    ordered = values.sort_values(ascending=False, kind="stable")
    total = ordered.sum()
    running = ordered.cumsum()
    tolerance = 1e-9 * total
    labels = pd.Series("C", index=ordered.index)
    labels[running <= (shares[0] + shares[1]) * total + tolerance] = "B"
    labels[running <= shares[0] * total + tolerance] = "A"
    labels.iloc[0] = "A"
    return labels.reindex(values.index)
    ### END SOLUTION


# %% id="q7-test" nbgrader={"grade": true, "grade_id": "q7", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q7", classify)
### BEGIN HIDDEN TESTS
_hidden_inputs = [
    (pd.Series([120.0, 80.0, 300.0, 50.0, 50.0, 400.0], index=list("uvwxyz")), (0.7, 0.2, 0.1)),
    (pd.Series([900.0, 50.0, 30.0, 20.0], index=["k1", "k2", "k3", "k4"]), (0.7, 0.2, 0.1)),
    (pd.Series([3.0, 3.0, 3.0, 1.0], index=list("pqrs")), (0.3, 0.6, 0.1)),
    (pd.Series([10.0, 40.0, 25.0, 25.0], index=[101, 102, 103, 104]), (0.5, 0.3, 0.2)),
    (pd.Series([5.0, 5.0, 5.0, 5.0, 5.0], index=list("abcde")), (0.6, 0.2, 0.2)),
]
report("q7", [classify(values.copy(), shares) for values, shares in _hidden_inputs])
### END HIDDEN TESTS

# %% [markdown] id="md-11" nbgrader={"grade": false, "grade_id": "part_d", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part D · Exam questions
#
# These two questions come from the Exam collection (set S1); the
# Chinese original is given beside our translation.
#
# **q8 (1 point) · S1-S6.** 著名经济学的2:8原理是指（ ） · *The well-known 80/20 principle of economics says that:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 企业80%的销售额来自于20%的老顾客 | 80 % of a firm's sales come from 20 % of its existing customers |
# | B | 企业有80%的新客户和20%的老客户 | a firm has 80 % new customers and 20 % existing customers |
# | C | 企业80%的员工为20%的老客户服务 | 80 % of a firm's staff serve 20 % of its existing customers |
# | D | 企业的80%的利润来自于20%的老顾客 | 80 % of a firm's profit comes from 20 % of its existing customers |
#
# Single choice: store one letter as a string in `q8_answer`, e.g. `"B"`.

# %% id="q8-answer" nbgrader={"grade": false, "grade_id": "q8-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q8_answer = ...
### BEGIN SOLUTION
q8_answer = "D"
### END SOLUTION

# %% id="q8-test" nbgrader={"grade": true, "grade_id": "q8", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q8", q8_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. D is the usual textbook statement (profit), and the lecture material
# states the rule for profit in one place; it also states it for sales (the basis of ABC
# analysis by sales) in another, so A is accepted as well.
report("q8", q8_answer, kind="choice", accept=["A"])
### END HIDDEN TESTS

# %% [markdown] id="md-12" nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q9 (1 point) · S1-M6.** 客户细分的标准有很多，主要包括（ ） · *Of the many criteria for customer segmentation, the main ones are:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 客户与企业的关系 | the customer's relationship with the firm |
# | B | 客户的价值 | the customer's value |
# | C | 企业产品的服务 | the service of the firm's products |
# | D | 企业对客户的反应 | the firm's response to the customer |
# | E | 企业的业务流程 | the firm's business processes |
#
# Multiple choice: store all the letters you choose as one string in `q9_answer`, e.g. `"BD"`.

# %% id="q9-answer" nbgrader={"grade": false, "grade_id": "q9-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q9_answer = ...
### BEGIN SOLUTION
q9_answer = "AB"
### END SOLUTION

# %% id="q9-test" nbgrader={"grade": true, "grade_id": "q9", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q9", q9_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. The course segments customers by the value they bring (ABC analysis,
# the value matrix) and by their relationship with the firm (lifecycle stage, loyalty): A and B.
# C, D and E describe the firm, not the customer.
report("q9", q9_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-13" nbgrader={"grade": false, "grade_id": "q10_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part E · Written answer (graded by your instructor)
#
# **q10 (3 points).** In the lecture's food-company example, class A customers were 10 % of the customers
# and brought 70 % of the sales, while 60 % of the sales force worked on class C customers, who brought
# 10 % of the sales. In 4 to 6 sentences: what would you change in how the sales force is assigned,
# what does the company gain, and what is one risk of neglecting class C customers?

# %% [markdown] id="q10-written" nbgrader={"grade": true, "grade_id": "q10", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Reallocation: move sales effort from C towards A (and B) customers in proportion to their value or
#    potential, e.g. key-account managers for A, regular visits for B, low-cost channels (phone, online,
#    distributors) for C.
# 2. Gain: more sales and profit per salesperson, better service and retention of the few customers that
#    bring most of the sales ("sales waste" removed).
# 3. Risk: some C customers have growth potential (the lecture allows upgrading them) or influence others;
#    neglect can lose future A customers and harm word of mouth, so classes need periodic review.
# === END MARK SCHEME ===
