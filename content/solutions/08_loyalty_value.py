# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment 8 · Loyalty, RFM and customer value (客户忠诚、RFM与客户价值)
#
# This assignment goes with chapter 8 (`notebooks/08_loyalty_value.ipynb`). You will measure repeat
# buying on real purchase data (the CDNOW sample), build an RFM table with pandas, check the 80/20 rule,
# place business customers in the value matrix, write your own customer-lifetime-value function, compute a
# loyalty index by hand, answer five exam questions and recommend where to spend a retention budget.
#
# **Sources.** The exam questions come from the Exam collection (《客户关系管理ABC》), one of the five
# lecture materials the course cites, and keep its numbers: S1-S5 is question 5 of set 1, single choice (S = single
# choice 单选, M = multiple choice 多选, T = translation item). The [sources page](../../docs/sources.md) names every material and
# explains the numbers.
#
# **How you are graded.** 16 points are graded automatically and 5 points by your instructor, **21 points** in all:
#
# | question | what | points |
# |---|---|---|
# | q1 | repeat purchase rate | 1 |
# | q2 | the RFM table | 2 |
# | q3 | revenue share of the top 20 % | 1 |
# | q4 | share of lapsed customers | 1 |
# | q5 | current value of the gold customers | 2 |
# | q6 | your own `lifetime_value` function | 3 |
# | q7 | a loyalty index by hand | 2 |
# | q8 | exam question S1-S5 (single choice) | 1 |
# | q9 | exam question S1-M1 (multiple choice) | 1 |
# | q10 | exam question S1-M8 (multiple choice) | 1 |
# | q11 | exam question S2-M14 (multiple choice) | 1 |
# | q12 | exam question S1-M9, open (graded by hand) | 2 |
# | q13 | written answer: a retention budget (graded by hand) | 3 |
#
# Each auto-graded item is all or nothing. Under every answer cell there is a **check cell**: run it
# for instant feedback. It tells you when an answer is not attempted yet, has the wrong format, or
# matches a mistake we often see; passing a check does *not* mean the answer is right. Hidden tests
# decide that when your notebook is graded; your function in q6 is tested on inputs you have not seen.
# Compute with pandas: do not call `crmlab.rfm_table`, `crmlab.value_matrix`, `crmlab.clv` or
# `crmlab.loyalty_index` (the chapter used them; here you show that you can do what they do). Replace each
# `...` with your answer, do not rename the variables, and do not delete or copy cells. Before you submit,
# run *Kernel → Restart and run all* (or press **Validate**).

# %% id="code-02" nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from crmlab.checks import for_assignment
from crmlab.datasets import load_b2b_customers, load_cdnow

check, report = for_assignment("08_loyalty_value").names

# CDNOW, the 1/10 sample (Fader & Hardie): one row per purchase of 2,357 customers, 1997-01-01 to 1998-06-30
cdnow = load_cdnow(sample=True)
cdnow.head()

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part_a", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part A · Repeat buying and RFM on CDNOW
#
# **q1 (1 point).** The repeat purchase rate (重复购买率) is the share of customers who bought more than
# once. Count a *purchase* as a distinct customer-day: some customers have two rows on the same day, which
# is one shopping trip. What share of the 2,357 customers bought on at least two different days? Store a
# fraction between 0 and 1 in `repeat_rate`.

# %% id="q1-answer" nbgrader={"grade": false, "grade_id": "q1-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
repeat_rate = ...
### BEGIN SOLUTION
purchase_days = cdnow.drop_duplicates(["customer_id", "date"]).groupby("customer_id").size()
repeat_rate = float((purchase_days >= 2).mean())
### END SOLUTION

# %% id="q1-test" nbgrader={"grade": true, "grade_id": "q1", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q1", repeat_rate)
### BEGIN HIDDEN TESTS
report("q1", repeat_rate, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-04" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q2 (2 points).** Build the RFM table as the chapter defines it, looking back from **30 June 1998**:
#
# * `recency`: whole days from the customer's last purchase to 1998-06-30 (0 if they bought that day);
# * `frequency`: the number of purchases, counting every row of the log;
# * `monetary`: the total amount spent, in dollars.
#
# Store a DataFrame with exactly these three columns and one row per customer, indexed by `customer_id`,
# in `rfm`.

# %% id="q2-answer" nbgrader={"grade": false, "grade_id": "q2-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
rfm = ...
### BEGIN SOLUTION
end = pd.Timestamp("1998-06-30")
by_customer = cdnow.groupby("customer_id")
rfm = pd.DataFrame({
    "recency": (end - by_customer["date"].max()).dt.days,
    "frequency": by_customer.size(),
    "monetary": by_customer["amount"].sum(),
})
### END SOLUTION

# %% id="q2-test" nbgrader={"grade": true, "grade_id": "q2", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q2", rfm)
### BEGIN HIDDEN TESTS
report("q2", rfm[["recency", "frequency", "monetary"]].astype("float64"), atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q3 (1 point).** The 80/20 rule (二八原理) again. Take the 20 % of customers who spent the most: the
# 471 customers with the largest `monetary` (20 % of 2,357, rounded down). What share of the total
# revenue do they bring? Store a fraction between 0 and 1 in `top20_share`.

# %% id="q3-answer" nbgrader={"grade": false, "grade_id": "q3-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
top20_share = ...
### BEGIN SOLUTION
top20_share = float(rfm["monetary"].nlargest(471).sum() / rfm["monetary"].sum())
### END SOLUTION

# %% id="q3-test" nbgrader={"grade": true, "grade_id": "q3", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q3", top20_share)
### BEGIN HIDDEN TESTS
report("q3", top20_share, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-06" nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q4 (1 point).** Call a customer *lapsed* when their last purchase was **more than 365 days** before
# 30 June 1998. What share of the customers are lapsed? Store a fraction between 0 and 1 in `lapsed_share`.

# %% id="q4-answer" nbgrader={"grade": false, "grade_id": "q4-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
lapsed_share = ...
### BEGIN SOLUTION
lapsed_share = float((rfm["recency"] > 365).mean())
### END SOLUTION

# %% id="q4-test" nbgrader={"grade": true, "grade_id": "q4", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q4", lapsed_share)
### BEGIN HIDDEN TESTS
report("q4", lapsed_share, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-07" nbgrader={"grade": false, "grade_id": "part_b", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part B · Customer value
#
# **q5 (2 points).** The 200 business customers below have a current value (this year's profit
# contribution) and a future value (expected profit of the next three years), in 10k yuan. Place them in
# the customer value matrix (客户价值矩阵) with cuts at the **medians** of the two columns; a customer is
# "high" when strictly above the median. What is the total **current value** of the **gold** customers
# (黄金客户)? Store it as a float in `gold_current_total`.

# %% id="code-08" nbgrader={"grade": false, "grade_id": "q5_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
business = load_b2b_customers()[["customer_id", "current_value", "future_value"]]
business.head()

# %% id="q5-answer" nbgrader={"grade": false, "grade_id": "q5-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
gold_current_total = ...
### BEGIN SOLUTION
high_now = business["current_value"] > business["current_value"].median()
high_later = business["future_value"] > business["future_value"].median()
gold_current_total = float(business.loc[high_now & ~high_later, "current_value"].sum())
### END SOLUTION

# %% id="q5-test" nbgrader={"grade": true, "grade_id": "q5", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q5", gold_current_total)
### BEGIN HIDDEN TESTS
report("q5", gold_current_total, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-09" nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q6 (3 points).** Write a function `lifetime_value(margin, retention, discount, periods)` that returns
# the customer lifetime value (客户终身价值) of the chapter over a finite horizon:
#
# $$\mathrm{CLV} = \sum_{t=1}^{T} \frac{m\,r^t}{(1+d)^t}$$
#
# with margin `m` per period, retention rate `r` (a fraction), discount rate `d` (a fraction) and `T =
# periods` (a whole number, 0 or more; 0 periods give 0). The first margin is counted at the end of period 1
# and only if the customer was retained once. Retention may be anywhere from 0 to 1 and the discount rate
# may be 0; the margin may be negative (a customer who costs more than they bring). Return a float. Your function is graded on inputs you have
# not seen. Do not call `crmlab.clv`.

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def lifetime_value(margin, retention, discount, periods):
    """Present value of the margins of a customer retained with probability `retention` each period."""
    ### BEGIN SOLUTION
    return float(sum(margin * retention**t / (1 + discount) ** t for t in range(1, periods + 1)))
    ### END SOLUTION


# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", lifetime_value)
### BEGIN HIDDEN TESTS
_hidden_inputs = [(100, 0.8, 0.1, 3), (250.0, 0.65, 0.12, 10), (80, 1.0, 0.0, 4), (50, 0.0, 0.1, 5),
                  (120, 0.9, 0.08, 0), (-30, 0.5, 0.1, 2), (1000, 0.95, 0.05, 40)]
report("q6", [lifetime_value(m, r, d, t) for m, r, d, t in _hidden_inputs], atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-10" nbgrader={"grade": false, "grade_id": "q7_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q7 (2 points).** Four customers answered three of the eight loyalty measures of Slides B on a scale
# from 1 (low) to 7 (high). Compute their loyalty index (忠诚度指数) as the chapter does with a fixed scale:
#
# 1. scale each answer to 0–1 with the questionnaire's range: z = (x − 1) / (7 − 1);
# 2. turn the reverse-keyed measure around (z → 1 − z): a customer very sensitive to price is *less* loyal;
# 3. index = 100 × the mean of the three z (equal weights).
#
# Store the four indexes in `loyalty`, a pandas Series indexed like `answers`.

# %% id="code-11" nbgrader={"grade": false, "grade_id": "q7_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
answers = pd.DataFrame(
    {"repeat_purchase_rate": [6, 3, 7, 2], "price_sensitivity": [2, 5, 6, 3], "brand_attention": [5, 4, 2, 6]},
    index=pd.Index(["k1", "k2", "k3", "k4"], name="customer"),
)
answers

# %% id="q7-answer" nbgrader={"grade": false, "grade_id": "q7-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
loyalty = ...
### BEGIN SOLUTION
z = (answers - 1) / (7 - 1)
z["price_sensitivity"] = 1 - z["price_sensitivity"]
loyalty = 100 * z.mean(axis=1)
### END SOLUTION

# %% id="q7-test" nbgrader={"grade": true, "grade_id": "q7", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q7", loyalty)
### BEGIN HIDDEN TESTS
report("q7", pd.Series(loyalty, dtype="float64"), atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-12" nbgrader={"grade": false, "grade_id": "part_c", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part C · Exam questions
#
# These questions come from the Exam collection (sets S1 and S2); the
# Chinese original is given beside our translation.
#
# **q8 (1 point) · S1-S5.** 当前利润高，未来利润低的属于（ ） · *A customer with high current profit and low future profit is a:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 铅质客户 | lead customer |
# | B | 铁质客户 | iron customer |
# | C | 黄金客户 | gold customer |
# | D | 白金客户 | platinum customer |
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
# The Exam collection gives no key. The value matrix (external to the lecture materials; the Exam collection has only this question)
# crosses current and future value: high current and low future value is gold (C). Platinum is high on
# both, iron low now and high later, lead low on both.
report("q8", q8_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-13" nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q9 (1 point) · S1-M1.** 下列属于客户忠诚度的衡量指标有（ ） · *Which of the following are measures of customer loyalty?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 客户重复购买的次数 | the number of the customer's repeat purchases |
# | B | 从客户的角度出发 | starting from the customer's point of view |
# | C | 客户对产品的敏感程度 | the customer's sensitivity to the product |
# | D | 客户需求的满足率 | the rate at which the customer's needs are met |
#
# Multiple choice: store all the letters you choose as one string in `q9_answer`, e.g. `"BD"`.

# %% id="q9-answer" nbgrader={"grade": false, "grade_id": "q9-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q9_answer = ...
### BEGIN SOLUTION
q9_answer = "ACD"
### END SOLUTION

# %% id="q9-test" nbgrader={"grade": true, "grade_id": "q9", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q9", q9_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. Slides B lists eight loyalty measures: A is measure 1 (the repeat purchase
# rate, worded here as a number of repeat purchases), C is measure 4 (price sensitivity; the option drops
# the word "price"), D is measure 3 (the need satisfaction rate). B, "starting from the customer's point
# of view", is a principle of customer orientation, not a measure of loyalty.
report("q9", q9_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-14" nbgrader={"grade": false, "grade_id": "q10_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q10 (1 point) · S1-M8.** 客户忠诚给企业带来的效应包括（ ） · *The effects that customer loyalty brings a firm include:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 长期订单 | long-term orders |
# | B | 回头客 | repeat customers |
# | C | 额外的价格 | a price premium |
# | D | 良好的口碑 | good word of mouth |
# | E | 新的成本 | new costs |
#
# Multiple choice: store all the letters you choose as one string in `q10_answer`.

# %% id="q10-answer" nbgrader={"grade": false, "grade_id": "q10-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q10_answer = ...
### BEGIN SOLUTION
q10_answer = "ABCD"
### END SOLUTION

# %% id="q10-test" nbgrader={"grade": true, "grade_id": "q10", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q10", q10_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. Loyal customers place long-term orders (A), come back (B), accept a price
# premium (C) and recommend the firm (D): the sources of the loyalty effect in Reichheld & Sasser (1990)
# that chapter 8 teaches. Loyalty lowers the cost of serving a customer; "new costs" (E) is not an effect
# it brings.
report("q10", q10_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-15" nbgrader={"grade": false, "grade_id": "q11_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q11 (1 point) · S2-M14.** 从客户忠诚的角度来分，企业的客户关系可以分为（ ） · *Classified by customer loyalty, a firm's customer relationships can be divided into:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 优质类客户关系 | high-quality relationships |
# | B | 低质类客户关系 | low-quality relationships |
# | C | 时尚类客户关系 | fashion-driven relationships |
# | D | 问题类客户关系 | problem relationships |
# | E | 忠诚类客户关系 | loyal relationships |
#
# Multiple choice: store all the letters you choose as one string in `q11_answer`.

# %% id="q11-answer" nbgrader={"grade": false, "grade_id": "q11-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q11_answer = ...
### BEGIN SOLUTION
q11_answer = "ABCD"
### END SOLUTION

# %% id="q11-test" nbgrader={"grade": true, "grade_id": "q11", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q11", q11_answer)
### BEGIN HIDDEN TESTS
# The Exam collection keys ABCD. The lecture material gives only the four names (chapter 8, section 5); the
# classification comes from a textbook outside the lectures. E, "loyal relationships", is not a class of
# the typology: loyalty is the criterion by which the relationships are classified.
report("q11", q11_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-16" nbgrader={"grade": false, "grade_id": "part_d", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part D · Written answers (graded by your instructor)
#
# **q12 (2 points) · S1-M9.** The exam asks 客户忠诚体现在（ ） (*customer loyalty shows in …*), but the
# options of this multiple-choice question are lost from the Exam collection. Answer it as an open question in 2 to 4
# sentences: in what does customer loyalty show? Give one example of each aspect you name.

# %% [markdown] id="q12-written" nbgrader={"grade": true, "grade_id": "q12", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (2 points):
# 1. Names the three aspects (levels) of Slides B: cognitive loyalty (认知忠诚; also called 意识忠诚: the
#    customer believes the offer is the best, thinks of the firm first), affective loyalty (情感忠诚: likes the
#    brand, recommends it) and behavioural loyalty (行为忠诚: repeat purchases, a larger share of wallet).
#    1 point for all three; half a point (round down in total) for two.
# 2. Gives a concrete example or observable measure for each (e.g. repeat purchase rate, low price
#    sensitivity, tolerance of a quality incident, word of mouth), in line with the eight measures of Slides B.
# === END MARK SCHEME ===

# %% [markdown] id="md-17" nbgrader={"grade": false, "grade_id": "q13_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q13 (3 points).** CDNOW gives you a budget to contact 300 of the customers of the sample with a
# personal offer to win them back or keep them. In 4 to 6 sentences: which customers would you choose, using
# your RFM table (name the conditions on R, F and M you would use), why those and not the most recent or the
# biggest buyers, and what would you do for the customers you do not contact? One sentence on why treating
# customers differently is not discrimination (Article).

# %% [markdown] id="q13-written" nbgrader={"grade": true, "grade_id": "q13", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Choice with RFM conditions: customers with high F and/or M whose recency is growing but who are not yet
#    long gone (e.g. "at risk" / "can't lose them": frequency >= 3 or monetary in the top 20 %, recency
#    between about 90 and 365 days), ranked by monetary or expected value; any clearly stated rule that
#    targets valuable customers at risk of leaving earns the point.
# 2. Reasoning: recent frequent buyers (champions) would buy anyway, so an offer mostly subsidises them;
#    one-time small buyers long gone (hibernating) are unlikely to return and bring little; the value of a
#    retention contact = chance it changes behaviour x value of the customer (CLV logic, the 80/20 finding of q3).
# 3. The others: low-cost channels (e-mail, newsletter), a second-purchase offer for recent one-time buyers,
#    no spend on the long lapsed; and segmenting is not discrimination: it gives each customer service that
#    fits their value and needs and lets the firm survive (Article), while every customer keeps fair basic service.
# === END MARK SCHEME ===
