# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Capstone project · Where should CDNOW spend its retention budget? (综合项目)
#
# This final project brings the course together on real customer data: the purchases of the 23,570
# customers who first bought at the online music store CDNOW in the first quarter of 1997, followed to
# 30 June 1998 (Fader & Hardie 2001). You will
#
# 1. **segment** the customers with RFM analysis (chapter 8);
# 2. **read the cohort's retention** quarter by quarter (chapter 2) and estimate a retention rate;
# 3. **estimate customer value** with the course's CLV formula (chapters 1 and 8);
# 4. **classify** the customers with ABC analysis (chapter 5) and the customer value matrix (chapter 8);
# 5. **recommend** where CDNOW should spend its retention budget, and defend the recommendation.
#
# Unlike the chapter assignments, you **may use crmlab** here (`crmlab.rfm_table`, `crmlab.rfm_scores`,
# `crmlab.cohort_retention`, `crmlab.clv`, `crmlab.abc_classify`, `crmlab.value_matrix`, and the charts of
# `crmlab.plotting`) as well as pandas: a project is about using the right tools and reading the results.
#
# **Sources.** The lecture materials the course cites (the Article, for one) are named
# on the [sources page](../../docs/sources.md).
#
# **How you are graded.** The computed tables (Part A) are graded automatically, each within a small
# tolerance; the analysis and the recommendation (Part B) are graded by your instructor with the rubric
# shown in each question. 15 points automatically and 10 points by hand, **25 points** in all:
#
# | question | what | points |
# |---|---|---|
# | q1 | RFM segment table | 3 |
# | q2 | quarterly retention of the cohort | 2 |
# | q3 | half-year retention rate of active customers | 2 |
# | q4 | total customer equity (sum of CLV) | 2 |
# | q5 | mean CLV per RFM segment | 2 |
# | q6 | ABC classes | 2 |
# | q7 | value-matrix classes | 2 |
# | q8 | written: reading the segments (graded by hand) | 3 |
# | q9 | written: the assumptions behind your customer value (graded by hand) | 3 |
# | q10 | written: your recommendation (graded by hand) | 4 |
#
# Each auto-graded item is all or nothing. Under every answer cell there is a **check cell**: run it for
# instant feedback on the format and on mistakes we often see; passing a check does *not* mean the answer is
# right. Replace each `...` with your answer, do not rename the variables, and do not delete or copy cells.
# Before you submit, run *Kernel → Restart and run all* (or press **Validate**).
#
# **The rubric of Part B** (10 points) rewards answers that (1) use the numbers you computed, quoting them;
# (2) connect them to the course's concepts by name (RFM segments, retention, CLV, ABC, value matrix, 80/20,
# loyalty, complaints and service where relevant); (3) state their assumptions and limits; (4) end in a
# concrete, costed decision. Each written question lists its own points.

# %% id="code-02" nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

import crmlab
from crmlab.checks import for_assignment
from crmlab.datasets import load_cdnow

check, report = for_assignment("09_capstone").names

# all 69,659 purchases of the 23,570 customers of the cohort (real data: Fader & Hardie, CDNOW)
cdnow = load_cdnow()
END = pd.Timestamp("1998-06-30")  # the last day of the data: every analysis looks back from here
cdnow.head()

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part_a", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part A · The computed tables
#
# ### A1 · RFM segments
#
# **q1 (3 points).** Compute the textbook RFM table of every customer (recency in days back from 30 June
# 1998, frequency = number of purchases, monetary = total spend in dollars), score it with quintiles and
# name the segments as chapter 8 does (`crmlab.rfm_scores` with its defaults: five levels, ties split).
# Store a DataFrame in `segment_table`, indexed by segment name, with all ten segments of
# `crmlab.RFM_SEGMENTS` (an empty segment has 0 customers and 0 revenue) and two columns:
#
# * `customers`: the number of customers in the segment;
# * `revenue`: their total spend over the whole period, in dollars.

# %% id="q1-answer" nbgrader={"grade": false, "grade_id": "q1-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
segment_table = ...
### BEGIN SOLUTION
rfm = crmlab.rfm_table(cdnow, "customer_id", "date", "amount", observation_end=END)
scores = crmlab.rfm_scores(rfm)
segment_table = scores.groupby("segment", observed=False).agg(
    customers=("monetary", "size"), revenue=("monetary", "sum")
)
### END SOLUTION

# %% id="q1-test" nbgrader={"grade": true, "grade_id": "q1", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q1", segment_table)
### BEGIN HIDDEN TESTS
_t = segment_table.reindex(list(crmlab.RFM_SEGMENTS))
_t.index = [str(i) for i in _t.index]
report("q1", _t[["customers", "revenue"]].astype("float64"), atol=0.01)
### END HIDDEN TESTS

# %% [markdown] id="md-04" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### A2 · Retention
#
# **q2 (2 points).** All customers made their first purchase in the first quarter of 1997: they form one
# cohort. What share of them bought in each quarter since then? Store a pandas Series in
# `quarterly_retention`, indexed by the number of quarters since the first purchase, 0 to 5 (quarter 0 is 1.0).

# %% id="q2-answer" nbgrader={"grade": false, "grade_id": "q2-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
quarterly_retention = ...
### BEGIN SOLUTION
quarterly_retention = crmlab.cohort_retention(cdnow, "customer_id", "date", period="Q").iloc[0]
### END SOLUTION

# %% id="q2-test" nbgrader={"grade": true, "grade_id": "q2", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q2", quarterly_retention)
### BEGIN HIDDEN TESTS
_q = pd.Series(quarterly_retention, dtype="float64")
_q.index = [int(i) for i in _q.index]
report("q2", _q, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q3 (2 points).** The CLV formula of the course needs one retention rate per period. Use half-years:
# H1 = January–June 1997, H2 = July–December 1997, H3 = January–June 1998. Estimate the retention rate of
# *active* customers as the share of the customers who bought in **H2** that also bought in **H3**. Store it
# as a float in `retention_rate`.

# %% id="q3-answer" nbgrader={"grade": false, "grade_id": "q3-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
retention_rate = ...
### BEGIN SOLUTION
half = pd.cut(cdnow["date"], bins=pd.to_datetime(["1997-01-01", "1997-07-01", "1998-01-01", "1998-07-01"]),
              right=False, labels=["H1", "H2", "H3"])
buyers = {h: set(cdnow.loc[half == h, "customer_id"]) for h in ["H1", "H2", "H3"]}
retention_rate = len(buyers["H2"] & buyers["H3"]) / len(buyers["H2"])
### END SOLUTION

# %% id="q3-test" nbgrader={"grade": true, "grade_id": "q3", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q3", retention_rate)
### BEGIN HIDDEN TESTS
report("q3", float(retention_rate), atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-06" nbgrader={"grade": false, "grade_id": "part_a3", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### A3 · Customer value
#
# CDNOW's margins are not in the data. **Assume** a gross margin of 30 % of the amount spent and a
# discount rate of 5 % per half-year (about 10 % a year). For each customer, take as the margin per
# half-year `m` = 30 % of what they spent in **H3** (0 for a customer who bought nothing in H3), and compute
# the narrow customer lifetime value of the course, over an unlimited horizon, with your `retention_rate`:
#
# $$\mathrm{CLV} = \frac{m\,r}{1 + d - r}$$
#
# **q4 (2 points).** What is the total customer equity, the sum of the CLVs of all 23,570 customers, in
# dollars? Store it as a float in `customer_equity`.

# %% id="code-07" nbgrader={"grade": false, "grade_id": "q4_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
MARGIN = 0.30    # assumed gross margin (share of the amount spent)
DISCOUNT = 0.05  # assumed discount rate per half-year

# %% id="q4-answer" nbgrader={"grade": false, "grade_id": "q4-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
customer_equity = ...
### BEGIN SOLUTION
h3_spend = cdnow.loc[half == "H3"].groupby("customer_id")["amount"].sum()
margin = MARGIN * h3_spend.reindex(rfm.index, fill_value=0.0)
customer_clv = crmlab.clv(margin, retention_rate, DISCOUNT)
customer_equity = float(customer_clv.sum())
### END SOLUTION

# %% id="q4-test" nbgrader={"grade": true, "grade_id": "q4", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q4", customer_equity)
### BEGIN HIDDEN TESTS
report("q4", float(customer_equity), atol=0.05)
### END HIDDEN TESTS

# %% [markdown] id="md-08" nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q5 (2 points).** What is the **mean** CLV of the customers in each RFM segment of q1? Store a pandas
# Series in `segment_clv`, indexed by segment name, with the segments that have customers (leave out the
# empty ones).

# %% id="q5-answer" nbgrader={"grade": false, "grade_id": "q5-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
segment_clv = ...
### BEGIN SOLUTION
segment_clv = customer_clv.groupby(scores["segment"], observed=True).mean()
### END SOLUTION

# %% id="q5-test" nbgrader={"grade": true, "grade_id": "q5", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q5", segment_clv)
### BEGIN HIDDEN TESTS
_s = pd.Series(segment_clv, dtype="float64")
_s.index = [str(i) for i in _s.index]
report("q5", _s, atol=1e-4)
### END HIDDEN TESTS

# %% [markdown] id="md-09" nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### A4 · ABC and the value matrix
#
# **q6 (2 points).** Classify the customers by their total spend (`monetary`) with the lecture's ABC rule
# (chapter 5: A up to 70 % of the total, B up to 90 %, the running total may not exceed the target). How many
# customers are in each class? Store a dict such as `{"A": 1, "B": 2, "C": 3}` in `abc_counts`.

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
abc_counts = ...
### BEGIN SOLUTION
abc = crmlab.abc_classify(rfm.reset_index(), "monetary", customer="customer_id")
abc_counts = {str(k): int(v) for k, v in abc["abc_class"].value_counts().items()}
### END SOLUTION

# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", abc_counts)
### BEGIN HIDDEN TESTS
report("q6", {str(k): int(v) for k, v in abc_counts.items()})
### END HIDDEN TESTS

# %% [markdown] id="md-10" nbgrader={"grade": false, "grade_id": "q7_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q7 (2 points).** Place the customers in the customer value matrix (chapter 8) with **current value** =
# 30 % of their total spend to date (the margin they have brought) and **future value** = their CLV of q4, cut
# at the medians ("high" = strictly above the median, as `crmlab.value_matrix` does). How many customers are
# in each class? Store a dict with the keys `"lead"`, `"iron"`, `"gold"`, `"platinum"` in `value_counts`.

# %% id="q7-answer" nbgrader={"grade": false, "grade_id": "q7-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
value_counts = ...
### BEGIN SOLUTION
values = pd.DataFrame({"current": MARGIN * rfm["monetary"], "future": customer_clv})
matrix = crmlab.value_matrix(values, "current", "future")
value_counts = {str(k): int(v) for k, v in matrix["value_class"].value_counts().items()}
### END SOLUTION

# %% id="q7-test" nbgrader={"grade": true, "grade_id": "q7", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q7", value_counts)
### BEGIN HIDDEN TESTS
report("q7", {str(k): int(v) for k, v in value_counts.items()})
### END HIDDEN TESTS

# %% [markdown] id="md-11" nbgrader={"grade": false, "grade_id": "part_b", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part B · Analysis and recommendation (graded by your instructor)
#
# Use the cells below for any further tables or charts you need (for example `crmlab.plotting.rfm_heatmap`,
# `cohort_heatmap` or `value_matrix_chart`); they are not graded by themselves, but your written answers
# should quote what they show.

# %% id="code-12"
# your own analysis (optional)

# %% [markdown] id="md-13" nbgrader={"grade": false, "grade_id": "q8_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q8 (3 points) · Reading the segments.** In 5 to 8 sentences: which segments hold CDNOW's revenue and
# which hold its customers? Why are some segments empty in this data (think about how the cohort was
# drawn)? What does the quarterly retention of q2 say about when customers are lost?

# %% [markdown] id="q8-written" nbgrader={"grade": true, "grade_id": "q8", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Quotes the segment table: champions (about 4,450 customers) and loyal customers (about 5,140) bring
#    most of the revenue (about 1.32 and 0.73 million dollars of 2.50 million, over 80 %), while the largest
#    segment by count, hibernating (about 6,900), brings under 6 %: an 80/20 pattern.
# 2. Empty segments: "new customers" and "promising" need recent buyers with low frequency and spend; every
#    customer of this cohort made the first purchase in Q1 1997, so a recent buyer has bought at least
#    twice and no first-time buyers enter the data after March 1997 (a single cohort, no later acquisition).
# 3. Retention: the big loss comes right after the first purchase (only about 23 % buy in the next quarter),
#    then retention declines slowly (about 14 % in the sixth quarter): the first repeat purchase is where
#    retention effort pays most; non-contractual setting, so a customer who stopped buying may come back.
# === END MARK SCHEME ===

# %% [markdown] id="md-14" nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q9 (3 points) · The assumptions behind your customer value.** In 5 to 8 sentences: list the
# assumptions of your CLV estimate (q3–q5), say which of them matters most for your recommendation, and how
# the estimate could be improved (the lecture's broad and narrow definitions of CLV may help).

# %% [markdown] id="q9-written" nbgrader={"grade": true, "grade_id": "q9", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Names the assumptions: a 30 % margin (unknown, scales all CLVs); a constant retention rate (about 0.54
#    per half-year) for everyone, estimated from one pair of half-years; a 5 % discount rate per half-year;
#    the last half-year's spend as the future margin; an unlimited horizon; the narrow CLV (future profit
#    only, no acquisition cost, no past profit).
# 2. Identifies what matters most: customers with no purchase in H3 get a CLV of 0 although some of them
#    return (non-contractual setting), so lapsed but once-valuable customers are undervalued; and retention
#    differs by segment (recent, frequent buyers are retained far more often than 0.54).
# 3. Improvements: retention or purchase probabilities per segment or per customer (e.g. the BG/NBD model of
#    Fader, Hardie & Lee 2005, which CDNOW data was used for), margins per product, a sensitivity analysis of
#    the margin and the discount rate, validation on a holdout period.
# === END MARK SCHEME ===

# %% [markdown] id="md-15" nbgrader={"grade": false, "grade_id": "q10_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q10 (4 points) · Your recommendation.** CDNOW can spend 30,000 dollars on retention next half-year, for
# example on offers that cost 5 dollars per customer contacted. Where should it spend it? In 8 to 12
# sentences, say which customers to target (by segment, ABC class and value-matrix class), how many, with
# what kind of action, what it would take for the spending to pay back (use your CLV numbers), whom not to
# target and why, and why treating customers differently is not discrimination.

# %% [markdown] id="q10-written" nbgrader={"grade": true, "grade_id": "q10", "locked": false, "points": 4, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (4 points, 1 each):
# 1. A concrete target group defined with the computed classes and sized to the budget (6,000 contacts at
#    5 dollars): e.g. gold customers (high past value, no purchase in H3: about 6,800, win-back) and the
#    at-risk / can't-lose-them segments, prioritised by past spend (ABC class A/B); and/or protecting the
#    platinum/champion customers, with a reason.
# 2. Payback reasoning with the numbers: an offer pays if the expected gain (probability that it changes
#    behaviour x the customer's value, e.g. a CLV of the order of tens of dollars for an active champion)
#    exceeds 5 dollars; recognises that contacting customers who would buy anyway wastes budget.
# 3. Whom not to target and why: hibernating one-time small buyers (low value, low chance), and low-cost
#    channels (e-mail) instead of paid offers for them; C-class customers not ignored but served cheaply.
# 4. Segmenting is not discrimination (Article): different service for different value lets the firm
#    survive and serve everyone fairly; also mentions monitoring (a holdout group, repeat-purchase rate,
#    cohort retention) to check the effect.
# === END MARK SCHEME ===
