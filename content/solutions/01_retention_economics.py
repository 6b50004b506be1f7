# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment 1 · The economics of keeping customers (客户保持的经济学)
#
# This assignment goes with chapter 1 (`notebooks/01_retention_economics.ipynb`). You will price new
# customers and churn, estimate a retention rate from purchase data, work out what five more points of
# retention are worth, read Table 1-2, write your own lifetime-value function, and answer three exam
# questions. Compute everything with pandas and plain Python: the chapter's `crmlab` functions
# (`acquisition_cost`, `replacement_cost`, `clv`, `retention_profit_effect`, `share_of_wallet`,
# `cohort_retention`) answer several questions directly, so do not call them here.
#
# **Sources.** The exam questions come from the Exam collection (《客户关系管理ABC》), one of the five
# lecture materials the course cites, and keep its numbers: S2-M10 is question 10 of set 2, multiple choice (S = single
# choice 单选, M = multiple choice 多选, T = translation item). The [sources page](../../docs/sources.md) names every material and
# explains the numbers.
#
# **How you are graded.** 15 points are graded automatically and 3 points by your instructor, **18 points** in all:
#
# | question | what | points |
# |---|---|---|
# | q1 | cost of a new customer per campaign | 1 |
# | q2 | years to pay back a new customer | 1 |
# | q3 | what churn costs the wireless carrier | 2 |
# | q4 | retention rate from purchase data | 1 |
# | q5 | the value of five more points of retention | 2 |
# | q6 | Table 1-2: adders per dropper | 1 |
# | q7 | your own `customer_clv` function | 3 |
# | q8 | customer share | 1 |
# | q9 | exam question S2-M10 (multiple choice) | 1 |
# | q10 | exam question S2-M11 (multiple choice) | 1 |
# | q11 | exam question S2-M12 (multiple choice) | 1 |
# | q12 | written answer (graded by hand) | 3 |
#
# Each auto-graded item is all or nothing. Under every answer cell there is a **check cell**: run it
# for instant feedback. It tells you when an answer is not attempted yet, has the wrong format, or
# matches a mistake we often see; passing a check does *not* mean the answer is right. Hidden tests
# decide that when your notebook is graded; your function in q7 is tested on data you have not seen.
# Replace each `...` with your answer, do not rename the variables, and do not delete or copy cells.
# Before you submit, run *Kernel → Restart and run all* (or press **Validate**).

# %% id="code-02" nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import numpy as np
import pandas as pd

from crmlab.checks import for_assignment
from crmlab.datasets import load_crm_quality_products, load_quoted_figures, load_retail_transactions

check, report = for_assignment("01_retention_economics").names

figures = load_quoted_figures().set_index("figure")  # figures quoted in the lecture materials (percent as percent)
table_1_2 = load_crm_quality_products()               # Table 1-2 of the Lecture notes
transactions = load_retail_transactions()             # the fictional retail chain, 2023-2024
figures[["quantity_en", "value", "unit"]]

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part_a", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part A · New customers and lost customers
#
# A firm ran three promotion campaigns last year (hypothetical figures for this exercise, in yuan):

# %% id="code-04" nbgrader={"grade": false, "grade_id": "q1_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
campaigns = pd.DataFrame(
    {"promotion_spend": [30_000.0, 12_000.0, 45_000.0], "customers_won": [60, 40, 75]},
    index=pd.Index(["radio", "leaflets", "online"], name="campaign"),
)
campaigns

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q1 (1 point).** The lecture's cost of winning a new customer (吸引新客户的成本) is the promotion spend
# divided by the customers the promotion won. Compute it for each campaign and store it as a pandas Series
# indexed by campaign in `cost_per_customer`.

# %% id="q1-answer" nbgrader={"grade": false, "grade_id": "q1-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
cost_per_customer = ...
### BEGIN SOLUTION
cost_per_customer = campaigns["promotion_spend"] / campaigns["customers_won"]
### END SOLUTION

# %% id="q1-test" nbgrader={"grade": true, "grade_id": "q1", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q1", cost_per_customer)
### BEGIN HIDDEN TESTS
report("q1", cost_per_customer, atol=0.01)
### END HIDDEN TESTS

# %% [markdown] id="md-06" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q2 (1 point).** A customer won by the *cheapest* campaign brings a yearly revenue of 1,500 yuan at a
# margin of 12 %. The profit of a new customer (新客户的利润) is yearly revenue × margin. How many years of
# that profit does it take to pay back what it cost to win the customer? Store a float in `payback_years`.

# %% id="q2-answer" nbgrader={"grade": false, "grade_id": "q2-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
payback_years = ...
### BEGIN SOLUTION
payback_years = float(cost_per_customer.min() / (1_500 * 0.12))
### END SOLUTION

# %% id="q2-test" nbgrader={"grade": true, "grade_id": "q2", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q2", payback_years)
### BEGIN HIDDEN TESTS
report("q2", payback_years, atol=1e-4)
### END HIDDEN TESTS

# %% [markdown] id="md-07" nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q3 (2 points).** The Article's US wireless company paid an acquisition cost for each new customer and lost
# a share of its customers every year; both figures are in `figures` (rows `acquisition_cost` and
# `yearly_churn`; mind the unit of the churn figure). Suppose the company has **2.5 million** customers and
# wants to keep that number constant. How many US dollars a year does it spend just on winning back the
# customers it loses? Read the two figures from the table (do not type them) and store a float in
# `yearly_replacement_spend`.

# %% id="q3-answer" nbgrader={"grade": false, "grade_id": "q3-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
yearly_replacement_spend = ...
### BEGIN SOLUTION
churn = figures.loc["yearly_churn", "value"] / 100
yearly_replacement_spend = float(figures.loc["acquisition_cost", "value"] * churn * 2_500_000)
### END SOLUTION

# %% id="q3-test" nbgrader={"grade": true, "grade_id": "q3", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q3", yearly_replacement_spend)
### BEGIN HIDDEN TESTS
report("q3", yearly_replacement_spend, rtol=1e-9, atol=0.5)
### END HIDDEN TESTS

# %% [markdown] id="md-08" nbgrader={"grade": false, "grade_id": "part_b", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part B · Retention and lifetime value
#
# **q4 (1 point).** In the retail chain's purchases (`transactions`), take the customers who bought at
# least once in the **first half of 2024** (1 January to 30 June). What share of them bought again at least
# once in the **second half of 2024** (1 July to 31 December)? This is a half-yearly retention rate. Store a
# fraction between 0 and 1 in `half_year_retention`.

# %% id="q4-answer" nbgrader={"grade": false, "grade_id": "q4-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
half_year_retention = ...
### BEGIN SOLUTION
year_2024 = transactions[transactions["date"].dt.year == 2024]
first_half = set(year_2024.loc[year_2024["date"].dt.month <= 6, "customer_id"])
second_half = set(year_2024.loc[year_2024["date"].dt.month >= 7, "customer_id"])
half_year_retention = len(first_half & second_half) / len(first_half)
### END SOLUTION

# %% id="q4-test" nbgrader={"grade": true, "grade_id": "q4", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q4", half_year_retention)
### BEGIN HIDDEN TESTS
report("q4", half_year_retention, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-09" nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q5 (2 points).** Use the chapter's lifetime value over an unlimited horizon, CLV = *m r* / (1 + *d* − *r*),
# with a constant margin *m*, retention rate *r* and discount rate *d* = 12 %. A firm raises its yearly
# retention from 75 % to 80 % (it cuts defections by 5 percentage points, as in Reichheld & Sasser 1990).
# By what fraction does the lifetime value of a customer rise? Store it as a fraction in
# `retention_effect` (0.10 for a rise of 10 %).

# %% id="q5-answer" nbgrader={"grade": false, "grade_id": "q5-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
retention_effect = ...
### BEGIN SOLUTION
def _value(r, d=0.12):
    return r / (1 + d - r)

retention_effect = _value(0.80) / _value(0.75) - 1
### END SOLUTION

# %% id="q5-test" nbgrader={"grade": true, "grade_id": "q5", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q5", retention_effect)
### BEGIN HIDDEN TESTS
report("q5", retention_effect, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-10" nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q6 (1 point).** Table 1-2 (`table_1_2`) gives, for each level of CRM quality, the share of customers
# likely to add a product and the share likely to drop one in the next 12 months. For each level, how many
# customers are likely to add a product for every customer likely to drop one? Store a Series indexed by
# the values of `crm_quality` (`"poor"`, `"medium"`, `"high"`) in `adders_per_dropper`.

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
adders_per_dropper = ...
### BEGIN SOLUTION
quality = table_1_2.set_index("crm_quality")
adders_per_dropper = quality["share_add_product"] / quality["share_drop_product"]
### END SOLUTION

# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", adders_per_dropper)
### BEGIN HIDDEN TESTS
report("q6", adders_per_dropper, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-11" nbgrader={"grade": false, "grade_id": "part_c", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part C · Your own lifetime-value function
#
# **q7 (3 points).** Write a function `customer_clv(customers, discount, periods=None)` that takes a
# DataFrame with one row per customer and the columns `margin` (profit per year while the customer stays,
# may be negative) and `retention` (yearly retention rate between 0 and 1), and returns a pandas Series of
# the customers' lifetime values, indexed like `customers`:
#
# * CLV = Σ<sub>t=1..T</sub> *m r*<sup>t</sup> / (1 + *d*)<sup>t</sup>, the chapter's narrow lifetime
#   value: the first margin comes at the end of year 1, and only if the customer has stayed;
# * `periods=None` means an unlimited horizon, where the sum is *m r* / (1 + *d* − *r*); you may assume
#   `discount > 0` then; `periods=0` gives 0 for everyone;
# * the DataFrame may have other columns; do not change it.
#
# Your function is graded on customer tables you have not seen. You may not call `crmlab.clv`; write it with
# pandas or NumPy.

# %% id="q7-answer" nbgrader={"grade": false, "grade_id": "q7-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def customer_clv(customers, discount, periods=None):
    """Narrow customer lifetime value of each customer (row) of ``customers``."""
    ### BEGIN SOLUTION
    m = customers["margin"].astype(float)
    r = customers["retention"].astype(float)
    if periods is None:
        return m * r / (1 + discount - r)
    q = r / (1 + discount)
    return m * sum(q**t for t in range(1, periods + 1)) if periods > 0 else m * 0.0
    ### END SOLUTION


# %% id="q7-test" nbgrader={"grade": true, "grade_id": "q7", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q7", customer_clv)
### BEGIN HIDDEN TESTS
_hidden_inputs = [
    (pd.DataFrame({"margin": [200.0, 80.0, 35.0], "retention": [0.9, 0.6, 0.3]}, index=["x1", "x2", "x3"]), 0.08, None),
    (pd.DataFrame({"margin": [200.0, 80.0, 35.0], "retention": [0.9, 0.6, 0.3]}, index=["x1", "x2", "x3"]), 0.08, 4),
    (pd.DataFrame({"margin": [-20.0, 120.0], "retention": [0.5, 1.0], "segment": ["c", "a"]}, index=[17, 4]), 0.15, None),
    (pd.DataFrame({"margin": [60.0, 60.0], "retention": [0.0, 0.75]}, index=["p", "q"]), 0.05, 1),
    (pd.DataFrame({"margin": [10.0], "retention": [0.95]}, index=["solo"]), 0.2, 0),
]
report("q7", [customer_clv(table.copy(), d, t) for table, d, t in _hidden_inputs], rtol=1e-6, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-12" nbgrader={"grade": false, "grade_id": "part_d", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part D · Customer share
#
# **q8 (1 point).** Customer share (客户份额) is the part of a customer's spending on a kind of product that
# goes to this firm. Six customers spent the amounts below last year (hypothetical, in yuan). Which customers
# have a customer share **below 50 %**? Store their ids in `low_share` (a list, set or tuple of strings such as `["W1", "W2"]`).

# %% id="code-13" nbgrader={"grade": false, "grade_id": "q8_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
wallets = pd.DataFrame(
    {
        "with_us": [4_000.0, 9_000.0, 1_500.0, 7_000.0, 2_500.0, 12_000.0],
        "whole_category": [20_000.0, 10_000.0, 3_000.0, 25_000.0, 5_000.0, 12_500.0],
    },
    index=pd.Index(["W1", "W2", "W3", "W4", "W5", "W6"], name="customer"),
)
wallets

# %% id="q8-answer" nbgrader={"grade": false, "grade_id": "q8-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
low_share = ...
### BEGIN SOLUTION
share = wallets["with_us"] / wallets["whole_category"]
low_share = set(share.index[share < 0.5])
### END SOLUTION

# %% id="q8-test" nbgrader={"grade": true, "grade_id": "q8", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q8", low_share)
### BEGIN HIDDEN TESTS
report("q8", set(low_share))
### END HIDDEN TESTS

# %% [markdown] id="md-14" nbgrader={"grade": false, "grade_id": "part_e", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part E · Exam questions
#
# These three questions come from the Exam collection (set S2); the
# Chinese original is given beside our translation. Multiple choice: store all the letters you choose as
# one string, e.g. `"BD"`.
#
# **q9 (1 point) · S2-M10.** 数据库营销系统的子系统有（ ） · *The subsystems of a database marketing system are:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 客户信息服务 | customer information service |
# | B | 客户关系营销 | customer relationship marketing |
# | C | 直接响应营销 | direct-response marketing |
# | D | 计算机辅助销售 | computer-aided selling |
# | E | 销售自动化系统 | sales force automation system |

# %% id="q9-answer" nbgrader={"grade": false, "grade_id": "q9-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q9_answer = ...
### BEGIN SOLUTION
q9_answer = "ACD"
### END SOLUTION

# %% id="q9-test" nbgrader={"grade": true, "grade_id": "q9", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q9", q9_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is ACD. The lectures do not cover database marketing systems; the exam's source
# textbook names three subsystems: the customer data (information service), reaching customers one
# by one and measuring their response (direct-response marketing), and support for the sales force
# (computer-aided selling). Relationship marketing (B) is an aim, not a subsystem, and sales force
# automation (E) belongs to operational CRM.
report("q9", q9_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-15" nbgrader={"grade": false, "grade_id": "q10_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q10 (1 point) · S2-M11.** 大规模营销的特点（ ） · *The features of mass marketing:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 大规模生产 | mass production |
# | B | 单向沟通为主 | mainly one-way communication |
# | C | 大众化媒体促销 | promotion through mass media |
# | D | 品牌认知和市场分额是衡量成功的重要指标 | brand awareness and market share are the main measures of success |
# | E | 与目标客户直接双向沟通 | direct two-way communication with target customers |

# %% id="q10-answer" nbgrader={"grade": false, "grade_id": "q10-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q10_answer = ...
### BEGIN SOLUTION
q10_answer = "ABCD"
### END SOLUTION

# %% id="q10-test" nbgrader={"grade": true, "grade_id": "q10", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q10", q10_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is ABCD: quadrant I of the strategy map (Lecture notes, Fig. 1-2) reaches customers
# through mass media with a standard product; market share is its measure (Table 1-1). Direct
# two-way communication (E) is what database and one-to-one marketing add.
report("q10", q10_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-16" nbgrader={"grade": false, "grade_id": "q11_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q11 (1 point) · S2-M12.** 多元化市场营销中的三维是指（ ） · *The three dimensions of diversified marketing are:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 功能利益 | functional benefits |
# | B | 关系利益 | relational benefits |
# | C | 客户利益 | customer benefits |
# | D | 流程利益 | process benefits |
# | E | 经济利益 | economic benefits |

# %% id="q11-answer" nbgrader={"grade": false, "grade_id": "q11-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q11_answer = ...
### BEGIN SOLUTION
q11_answer = "ABD"
### END SOLUTION

# %% id="q11-test" nbgrader={"grade": true, "grade_id": "q11", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q11", q11_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is ABD. The lectures do not cover this model; the exam's source textbook describes
# the benefits a customer seeks along three dimensions: functional (what the product does),
# relational (what the relationship gives) and process (how easy buying and service are).
# "Customer benefits" (C) and "economic benefits" (E) are not dimensions of the model.
report("q11", q11_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-17" nbgrader={"grade": false, "grade_id": "q12_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part F · Written answer (graded by your instructor)
#
# **q12 (3 points).** The lecture's opening question: a company loses 50 old customers and wins 50 new ones
# in the same year. Has its marketing performance changed? In 4 to 6 sentences, answer it using this
# assignment's ideas: what winning the newcomers costs, what the leavers take with them, and why an old
# customer is usually worth more than a new one. State any assumption you make.

# %% [markdown] id="q12-written" nbgrader={"grade": true, "grade_id": "q12", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 each):
# 1. Yes, it changed even though the number of customers (and possibly revenue) is the same: the firm paid
#    the acquisition cost of 50 new customers (promotion spend / customers won, times 50) just to stand
#    still; a new customer repays that cost only after cost / yearly profit years.
# 2. The leavers take their future profit with them: the loss is their lifetime value (yearly revenue x
#    margin over the years they would have stayed, e.g. 1 / churn years, discounted), many times one
#    year's loss.
# 3. Old customers are usually worth more: profit per customer grows with tenure (they buy more, cost less
#    to serve, refer others, accept higher prices; Reichheld & Sasser 1990), and the firm knows them; new
#    customers start again at year one and some leave before paying back their cost. Assumptions (revenue,
#    margin, horizon, discount rate) are stated.
# === END MARK SCHEME ===
