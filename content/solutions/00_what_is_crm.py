# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment 0 · What CRM is (客户关系管理概述)
#
# This assignment goes with chapter 0 (`notebooks/00_what_is_crm.ipynb`). In part A you do analytical CRM
# on real purchase records: the 2,357 customers of the CDNOW sample (Fader & Hardie), who first bought at the
# online music store in early 1997. In part B you look at one customer across several stores of the course's
# retail chain; in part C you write a function that turns purchase records into customer cards. Part D holds
# the exam's choice questions on chapter 0 from the Exam collection (《客户关系管理ABC》), sets S1 to S3: a
# number such as S1-M3 means set 1, multiple choice 3, as the [sources page](../../docs/sources.md) explains (it also names
# the other lecture materials the questions cite). S3-M1 to S3-M5 repeat S2-M1 to S2-M5 and are asked
# once. Part E holds two written answers.
#
# **How you are graded.** 33 points are graded automatically and 5 points by your instructor, **38 points** in all:
#
# | question | what | points |
# |---|---|---|
# | q1 | customers still buying in 1998 | 1 |
# | q2 | spending per customer | 1 |
# | q3 | share of spending from the top 20 % | 2 |
# | q4 | share of one-day customers | 1 |
# | q5 | customers of several stores | 1 |
# | q6 | your own `customer_cards` function | 3 |
# | q7 | exam question S1-S1 (single choice) | 1 |
# | q8 | exam question S1-S9 (single choice) | 1 |
# | q9 | exam question S1-S10 (single choice) | 1 |
# | q10 | exam question S1-M3 (multiple choice) | 1 |
# | q11 | exam question S1-M4 (multiple choice) | 1 |
# | q12 | exam question S3-S2 (single choice) | 1 |
# | q13 | exam question S3-S4 (single choice) | 1 |
# | q14 | exam question S3-S5 (single choice) | 1 |
# | q15 | exam question S3-S3 (single choice) | 1 |
# | q16 | exam question S2-M4 (multiple choice) | 1 |
# | q17 | exam question S3-S6 (single choice) | 1 |
# | q18 | exam question S2-M8 (multiple choice) | 1 |
# | q19 | exam question S2-M9 (multiple choice) | 1 |
# | q20 | exam question S1-M5 (multiple choice) | 1 |
# | q21 | exam question S2-M6 (multiple choice) | 1 |
# | q22 | exam question S2-M1 (multiple choice) | 1 |
# | q23 | exam question S2-M2 (multiple choice) | 1 |
# | q24 | exam question S2-M3 (multiple choice) | 1 |
# | q25 | exam question S3-S1 (single choice) | 1 |
# | q26 | exam question S2-M5 (multiple choice) | 1 |
# | q27 | exam question S3-S7 (single choice) | 1 |
# | q28 | exam question S2-M7 (multiple choice) | 1 |
# | q29 | exam question S3-S8 (single choice) | 1 |
# | q30 | exam question S3-S9 (single choice) | 1 |
# | q31 | exam question S2-M15, open (graded by hand) | 2 |
# | q32 | written answer (graded by hand) | 3 |
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
from crmlab.datasets import load_cdnow, load_retail_transactions

check, report = for_assignment("00_what_is_crm").names

purchases = load_cdnow(sample=True)        # real data: one row per purchase, amounts in US dollars
transactions = load_retail_transactions()  # the fictional retail chain of chapter 0, 2023-2024
purchases.head()

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part_a", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part A · Analytical CRM on real purchase records
#
# Operational CRM records each purchase; analytical CRM turns the records into knowledge about each
# customer. Use `purchases` (columns `customer_id`, `sample_id`, `date`, `quantity`, `amount`), with pandas.
#
# **q1 (1 point).** All 2,357 customers first bought in January to March 1997. How many of them bought at
# least once in **1998**? Store an integer in `active_1998`.

# %% id="q1-answer" nbgrader={"grade": false, "grade_id": "q1-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
active_1998 = ...
### BEGIN SOLUTION
active_1998 = int(purchases.loc[purchases["date"].dt.year == 1998, "customer_id"].nunique())
### END SOLUTION

# %% id="q1-test" nbgrader={"grade": true, "grade_id": "q1", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q1", active_1998)
### BEGIN HIDDEN TESTS
report("q1", active_1998)
### END HIDDEN TESTS

# %% [markdown] id="md-04" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q2 (1 point).** What did a customer spend on average over the whole period (1997 to June 1998), in US
# dollars? Average over all 2,357 customers. Store a float in `spend_per_customer`.

# %% id="q2-answer" nbgrader={"grade": false, "grade_id": "q2-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
spend_per_customer = ...
### BEGIN SOLUTION
spend = purchases.groupby("customer_id")["amount"].sum()
spend_per_customer = float(spend.mean())
### END SOLUTION

# %% id="q2-test" nbgrader={"grade": true, "grade_id": "q2", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q2", spend_per_customer)
### BEGIN HIDDEN TESTS
report("q2", spend_per_customer, atol=1e-4)
### END HIDDEN TESTS

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q3 (2 points).** The Article, a web article on how modern firms manage their old customers, wants
# every employee to know at once whether a customer is among the most
# valuable 20 %. Rank the customers by their total spending over the whole period and take the top 20 %: the
# `len(spend) // 5` customers with the largest totals, where `spend` holds one total per customer. What
# share of all spending do they bring? Store a fraction between 0 and 1 in `top20_share`.

# %% id="q3-answer" nbgrader={"grade": false, "grade_id": "q3-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
top20_share = ...
### BEGIN SOLUTION
ranked = spend.sort_values(ascending=False)
top20_share = float(ranked.iloc[: len(ranked) // 5].sum() / ranked.sum())
### END SOLUTION

# %% id="q3-test" nbgrader={"grade": true, "grade_id": "q3", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q3", top20_share)
### BEGIN HIDDEN TESTS
report("q3", top20_share, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-06" nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q4 (1 point).** Some customers bought on one day only, their first, and never came back. What share of
# the 2,357 customers bought on **only one day** (one or more purchases, all on the same date)? Store a
# fraction in `one_day_share`. What does the answer say about the firm's relationships with its new customers?

# %% id="q4-answer" nbgrader={"grade": false, "grade_id": "q4-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
one_day_share = ...
### BEGIN SOLUTION
days = purchases.groupby("customer_id")["date"].nunique()
one_day_share = float((days == 1).mean())
### END SOLUTION

# %% id="q4-test" nbgrader={"grade": true, "grade_id": "q4", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q4", one_day_share)
### BEGIN HIDDEN TESTS
report("q4", one_day_share, atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-07" nbgrader={"grade": false, "grade_id": "part_b", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part B · One customer, several stores
#
# **q5 (1 point).** Collaborative CRM shares one view of each customer across channels. In the retail chain's
# `transactions` (columns include `customer_id`, `date`, `store_id`), how many customers bought in **more
# than one store in 2023**? Store an integer in `multi_store_2023`.

# %% id="q5-answer" nbgrader={"grade": false, "grade_id": "q5-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
multi_store_2023 = ...
### BEGIN SOLUTION
sales_2023 = transactions[transactions["date"].dt.year == 2023]
multi_store_2023 = int((sales_2023.groupby("customer_id")["store_id"].nunique() > 1).sum())
### END SOLUTION

# %% id="q5-test" nbgrader={"grade": true, "grade_id": "q5", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q5", multi_store_2023)
### BEGIN HIDDEN TESTS
report("q5", multi_store_2023)
### END HIDDEN TESTS

# %% [markdown] id="md-08" nbgrader={"grade": false, "grade_id": "part_c", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part C · Customer cards
#
# **q6 (3 points).** Write a function `customer_cards(purchases)` that turns purchase records into one card
# per customer, the raw material of analytical CRM. It takes a DataFrame with one row per purchase and at
# least the columns `customer_id`, `date` (datetimes) and `amount` (other columns may be present), and
# returns a new DataFrame indexed by customer id, one row per customer, with exactly these columns:
#
# * `purchases`: the number of purchases (rows) of the customer;
# * `spend`: the total amount;
# * `first_purchase` and `last_purchase`: the dates of the first and the last purchase (as datetimes);
# * `active_days`: the number of different dates with a purchase.
#
# Do not change the DataFrame you are given. Your function is graded on purchase tables you have not seen,
# with rows in any order.

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def customer_cards(purchases):
    """One row per customer: purchases, spend, first and last purchase, active days."""
    ### BEGIN SOLUTION
    grouped = purchases.groupby("customer_id")
    return pd.DataFrame({
        "purchases": grouped.size(),
        "spend": grouped["amount"].sum(),
        "first_purchase": grouped["date"].min(),
        "last_purchase": grouped["date"].max(),
        "active_days": grouped["date"].nunique(),
    })
    ### END SOLUTION


# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", customer_cards)
### BEGIN HIDDEN TESTS
_hidden_inputs = [
    pd.DataFrame({
        "customer_id": ["k2", "k1", "k2", "k3", "k2", "k1"],
        "date": pd.to_datetime(["2020-05-02", "2020-01-15", "2020-03-09", "2020-02-29", "2020-03-09", "2020-04-01"]),
        "amount": [19.95, 8.4, 0.0, 120.0, 33.3, 15.6],
        "store": ["s1", "s2", "s1", "s3", "s2", "s2"],
    }, index=[10, 11, 12, 13, 14, 15]),
    pd.DataFrame({"customer_id": ["solo"], "date": pd.to_datetime(["2019-12-31"]), "amount": [57.25]}),
    pd.DataFrame({
        "date": pd.to_datetime(["2021-07-04", "2021-07-04", "2021-07-04"]),
        "amount": [5.5, 6.25, 11.0],
        "customer_id": ["z9", "z9", "z9"],
    }),
]
report("q6", [customer_cards(frame.copy()) for frame in _hidden_inputs], atol=1e-6)
### END HIDDEN TESTS

# %% [markdown] id="md-09" nbgrader={"grade": false, "grade_id": "part_d1", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part D · Exam questions
#
# The choice questions of chapter 0 from the Exam collection (sets S1, S2
# and S3); the Chinese original is given beside our translation. The questions of section D3 come from a
# textbook outside the lecture material: chapter 0, section 9 explains what they refer to.
#
# ### D1 · What CRM is for
#
# **q7 (1 point) · S1-S1.** 企业的管理理念的变化（ ） · *How has the management philosophy of firms changed? ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 从产值为中心到利润为中心再到客户为中心 | From output-centred to profit-centred to customer-centred |
# | B | 从产值为中心到客户为中心再到利润为中心 | From output-centred to customer-centred to profit-centred |
# | C | 从客户为中心到利润为中心再到产值为中心 | From customer-centred to profit-centred to output-centred |
# | D | 从利润为中心到产值为中心再到客户为中心 | From profit-centred to output-centred to customer-centred |
#
# Single choice: store one letter as a string in `q7_answer`, e.g. `"B"`.

# %% id="q7-answer" nbgrader={"grade": false, "grade_id": "q7-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q7_answer = ...
### BEGIN SOLUTION
q7_answer = "A"
### END SOLUTION

# %% id="q7-test" nbgrader={"grade": true, "grade_id": "q7", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q7", q7_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. Its knowledge points and chapter 0 say management moved from
# output (产值) to profit (利润) to the customer (客户): A. B, C and D put the stages in another order.
report("q7", q7_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-10" nbgrader={"grade": false, "grade_id": "q8_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q8 (1 point) · S1-S9.** 企业实施客户关系管理的最终目的是（ ） · *The ultimate purpose of a firm implementing CRM is ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 把握客户的消费动态 | To keep track of customers' buying trends |
# | B | 针对客户的个性化特征提供个性化服务,极大化客户的价值 | To offer personalised service that fits each customer's individual traits and maximise customer value |
# | C | 做好客户服务工作 | To do customer service work well |
# | D | 尽可能多的收集客户信息 | To collect as much customer information as possible |
#
# Single choice: store one letter as a string in `q8_answer`, e.g. `"B"`.

# %% id="q8-answer" nbgrader={"grade": false, "grade_id": "q8-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q8_answer = ...
### BEGIN SOLUTION
q8_answer = "B"
### END SOLUTION

# %% id="q8-test" nbgrader={"grade": true, "grade_id": "q8", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q8", q8_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. The Lecture notes make maximising customer value the firm's new goal, and the Article
# describes serving each customer's individual needs (客源细化, 个性化关心): B. A, C and D are means
# to that end (tracking trends, doing service work, collecting data), not its ultimate purpose.
report("q8", q8_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-11" nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q9 (1 point) · S1-S10.** CRM营销的核心是（ ） · *The core of CRM marketing is ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 以客户为中心 | Customer-centredness |
# | B | 集成 | Integration |
# | C | 数据库应用 | Database applications |
# | D | 数据挖掘 | Data mining |
#
# Single choice: store one letter as a string in `q9_answer`, e.g. `"B"`.

# %% id="q9-answer" nbgrader={"grade": false, "grade_id": "q9-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q9_answer = ...
### BEGIN SOLUTION
q9_answer = "A"
### END SOLUTION

# %% id="q9-test" nbgrader={"grade": true, "grade_id": "q9", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q9", q9_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. The Article: CRM moves the firm from product-centred to customer-centred (以客户
# 为中心): A. Integration, databases and data mining (B, C, D) are technical means of CRM.
report("q9", q9_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-12" nbgrader={"grade": false, "grade_id": "q10_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q10 (1 point) · S1-M3.** 客户关系管理的核心目标是（ ） · *The core goals of CRM are ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 提高客户满意度 | Raising customer satisfaction |
# | B | 加强客户识别、细分、获得、忠诚 | Strengthening customer identification, segmentation, acquisition and loyalty |
# | C | 提高客户忠诚度 | Raising customer loyalty |
# | D | 加强对组织及其服务的理解 | Strengthening the understanding of the organisation and its services |
#
# Multiple choice: store all the letters you choose as one string in `q10_answer`, e.g. `"BD"`.

# %% id="q10-answer" nbgrader={"grade": false, "grade_id": "q10-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q10_answer = ...
### BEGIN SOLUTION
q10_answer = "AC"
### END SOLUTION

# %% id="q10-test" nbgrader={"grade": true, "grade_id": "q10", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q10", q10_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. Slides A: the core of CRM is satisfaction management and loyalty comes from
# satisfaction, so raising satisfaction (A) and loyalty (C) are the core goals. B (identifying,
# segmenting, acquiring and keeping customers) describes the IDIC activities through which the goals
# are reached, but the Article states CRM's aim as attracting and keeping more customers, which covers
# acquisition and loyalty: the material supports ABC as well, so it is accepted. D (understanding the
# organisation) is not a goal about customers.
report("q10", q10_answer, kind="choice", accept=['ABC'])
### END HIDDEN TESTS

# %% [markdown] id="md-13" nbgrader={"grade": false, "grade_id": "q11_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q11 (1 point) · S1-M4.** CRM的概念集中于具体的企业经营管理模式中,主要体现（ ） · *In a firm's concrete business management model, the concept of CRM shows mainly in ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 市场营销 | Marketing |
# | B | 销售实现 | Making sales |
# | C | 客户服务 | Customer service |
# | D | 决策分析 | Decision analysis |
# | E | 战略管理 | Strategic management |
#
# Multiple choice: store all the letters you choose as one string in `q11_answer`, e.g. `"BD"`.

# %% id="q11-answer" nbgrader={"grade": false, "grade_id": "q11-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q11_answer = ...
### BEGIN SOLUTION
q11_answer = "ABCD"
### END SOLUTION

# %% id="q11-test" nbgrader={"grade": true, "grade_id": "q11", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q11", q11_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key. Its functional definition: CRM computerises marketing, sales
# management, customer service and support; the Article: CRM serves sales, customer service and
# decision support. So marketing, sales, service and decision analysis: ABCD. Strategic management
# (E) is not among the areas the material names.
report("q11", q11_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-14" nbgrader={"grade": false, "grade_id": "q12_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q12 (1 point) · S3-S2.** 客户关系管理的目的是（ ） · *The purpose of CRM is ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 企业利润最大化 | Maximising the firm's profit |
# | B | 企业与客户的双赢 | A win-win for the firm and its customers |
# | C | 企业成本最小化 | Minimising the firm's costs |
# | D | 客户价值最大化 | Maximising customer value |
#
# Single choice: store one letter as a string in `q12_answer`, e.g. `"B"`.

# %% id="q12-answer" nbgrader={"grade": false, "grade_id": "q12-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q12_answer = ...
### BEGIN SOLUTION
q12_answer = "B"
### END SOLUTION

# %% id="q12-test" nbgrader={"grade": true, "grade_id": "q12", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q12", q12_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is B (a win-win for firm and customers). It is debatable: the Lecture notes frame the change
# of the firm's goal as 'from a zero-sum game to a win-win' (B), but the same passage names
# maximising customer value as the new goal (D), and S1-S9's best answer is customer value too. The
# win-win is the end, customer value the way to it; both are accepted. A and C are the firm-only goals
# that CRM moves away from.
report("q12", q12_answer, kind="choice", accept=['D'])
### END HIDDEN TESTS

# %% [markdown] id="md-15" nbgrader={"grade": false, "grade_id": "q13_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q13 (1 point) · S3-S4.** 客户关系管理的本质是（ ） · *The essence of CRM is that ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 企业与客户之间是竞合型博弈的关系 | Firm and customer play a game of co-opetition (competing and cooperating) |
# | B | 企业与客户之间是合作的关系 | Firm and customer cooperate |
# | C | 企业与客户之间是竞争的关系 | Firm and customer compete |
# | D | 企业与客户之间是服务与被服务的关系 | The firm serves and the customer is served |
#
# Single choice: store one letter as a string in `q13_answer`, e.g. `"B"`.

# %% id="q13-answer" nbgrader={"grade": false, "grade_id": "q13-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q13_answer = ...
### BEGIN SOLUTION
q13_answer = "A"
### END SOLUTION

# %% id="q13-test" nbgrader={"grade": true, "grade_id": "q13", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q13", q13_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is A: firm and customer compete over how value is split and cooperate to create more
# of it (co-opetition, 竞合型博弈). Slides B's view of the customer as a game opponent (博弈的对手) and
# the Lecture notes' move from a zero-sum game to a win-win say the same. B, C and D each name one side only.
report("q13", q13_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-16" nbgrader={"grade": false, "grade_id": "q14_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q14 (1 point) · S3-S5.** 客户关系管理的特点（ ） · *A feature of CRM ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 主要是企业资源的投入 | Mainly the input of the firm's resources |
# | B | 主要是对企业资源的管理 | Mainly the management of the firm's resources |
# | C | 客户资源的投入与管理 | The input and management of customer resources |
# | D | 企业与客户的双向资源的投入与管理 | The two-way input and management of the resources of both firm and customer |
#
# Single choice: store one letter as a string in `q14_answer`, e.g. `"B"`.

# %% id="q14-answer" nbgrader={"grade": false, "grade_id": "q14-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q14_answer = ...
### BEGIN SOLUTION
q14_answer = "D"
### END SOLUTION

# %% id="q14-test" nbgrader={"grade": true, "grade_id": "q14", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q14", q14_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is D. The Lecture notes: a relationship needs both sides; the firm must win the customer's
# active participation (condition 5), so CRM invests and manages the resources of both sides.
report("q14", q14_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-17" nbgrader={"grade": false, "grade_id": "q15_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q15 (1 point) · S3-S3.** （ ）是切实保证客户关系管理的有效性的关键所在。 · *( ) is the key to making sure that CRM is effective.*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 客户忠诚的有效管理 | Effective management of customer loyalty |
# | B | 客户价值的有效管理 | Effective management of customer value |
# | C | 客户互动的有效管理 | Effective management of customer interaction |
# | D | 企业利润的有效管理 | Effective management of the firm's profit |
#
# Single choice: store one letter as a string in `q15_answer`, e.g. `"B"`.

# %% id="q15-answer" nbgrader={"grade": false, "grade_id": "q15-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q15_answer = ...
### BEGIN SOLUTION
q15_answer = "C"
### END SOLUTION

# %% id="q15-test" nbgrader={"grade": true, "grade_id": "q15", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q15", q15_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is C. The Lecture notes: interaction is the basis of the customer relationship
# (互动是客户关系的基础), and it is what keeps the relationship two-sided.
report("q15", q15_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-18" nbgrader={"grade": false, "grade_id": "part_d2", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### D2 · Types and elements of CRM
#
# **q16 (1 point) · S2-M4.** 客户关系管理的类型可以分为（ ） · *The types of CRM are ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 合作型客户关系管理 | Cooperative CRM |
# | B | 运营型客户关系管理 | Operational CRM |
# | C | 分析型客户关系管理 | Analytical CRM |
# | D | 分工型客户关系管理 | Division-of-labour CRM |
# | E | 服务型客户关系管理 | Service CRM |
#
# Multiple choice: store all the letters you choose as one string in `q16_answer`, e.g. `"BD"`.

# %% id="q16-answer" nbgrader={"grade": false, "grade_id": "q16-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q16_answer = ...
### BEGIN SOLUTION
q16_answer = "ABC"
### END SOLUTION

# %% id="q16-test" nbgrader={"grade": true, "grade_id": "q16", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q16", q16_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is ABC: operational, analytical and 合作型 (collaborative) CRM. Other texts write
# the collaborative type 协作型; here 合作型 is the same type. D and E are not types of CRM.
report("q16", q16_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-19" nbgrader={"grade": false, "grade_id": "q17_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q17 (1 point) · S3-S6.** “前台”客户关系管理是指（ ） · *"Front-office" CRM means ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 合作型客户关系管理 | Cooperative CRM |
# | B | 运营型客户关系管理 | Operational CRM |
# | C | 分析型客户关系管理 | Analytical CRM |
# | D | 协作型客户关系管理 | Collaborative CRM |
#
# Single choice: store one letter as a string in `q17_answer`, e.g. `"B"`.

# %% id="q17-answer" nbgrader={"grade": false, "grade_id": "q17-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q17_answer = ...
### BEGIN SOLUTION
q17_answer = "B"
### END SOLUTION

# %% id="q17-test" nbgrader={"grade": true, "grade_id": "q17", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q17", q17_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is B: operational CRM is the 'front office' that handles marketing, sales and service.
# A (合作型) and D (协作型) are two spellings of collaborative CRM, which connects channels; C
# (analytical) is the back office.
report("q17", q17_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-20" nbgrader={"grade": false, "grade_id": "q18_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q18 (1 point) · S2-M8.** 运营型客户关系管理主要对（ ）业务流程和管理进行信息化改造。 · *Operational CRM mainly computerises the business processes and management of ( ).*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 销售 | Sales |
# | B | 物流 | Logistics |
# | C | 营销 | Marketing |
# | D | 客户服务 | Customer service |
# | E | 生产 | Production |
#
# Multiple choice: store all the letters you choose as one string in `q18_answer`, e.g. `"BD"`.

# %% id="q18-answer" nbgrader={"grade": false, "grade_id": "q18-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q18_answer = ...
### BEGIN SOLUTION
q18_answer = "ACD"
### END SOLUTION

# %% id="q18-test" nbgrader={"grade": true, "grade_id": "q18", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q18", q18_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is ACD: operational CRM computerises sales, marketing and customer service, the
# processes that touch customers (the Exam collection's functional definition). Logistics and production (B, E)
# are supply-side processes.
report("q18", q18_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-21" nbgrader={"grade": false, "grade_id": "q19_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q19 (1 point) · S2-M9.** （ ）是客户关系管理的关键要素。 · *( ) are the key elements of CRM.*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 战略 | Strategy |
# | B | 理念 | Philosophy |
# | C | 实施 | Implementation |
# | D | 软件 | Software |
# | E | 客户 | Customers |
#
# Multiple choice: store all the letters you choose as one string in `q19_answer`, e.g. `"BD"`.

# %% id="q19-answer" nbgrader={"grade": false, "grade_id": "q19-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q19_answer = ...
### BEGIN SOLUTION
q19_answer = "BCD"
### END SOLUTION

# %% id="q19-test" nbgrader={"grade": true, "grade_id": "q19", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q19", q19_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is BCD. It fits the Exam collection's iron triangle (idea, technology, implementation) once
# 'software' (软件, D) is read as the technology corner: philosophy (理念) B, implementation (实施) C,
# software D. Strategy and customers (A, E) are not corners of the triangle.
report("q19", q19_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-22" nbgrader={"grade": false, "grade_id": "q20_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q20 (1 point) · S1-M5.** 关于客户关系管理的战略实施层次,下列说法正确的是（ ） · *About the levels of the strategic implementation of CRM, which statements are correct? ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 处于最高层的是公司远景和战略 | The company's vision and strategy are at the top level |
# | B | 企业价值观和文化建设是企业的“指路灯” | Building the firm's values and culture is the firm's "guiding light" |
# | C | 基础信息系统是最低层次 | The basic information system is the lowest level |
# | D | 人力资源管理属于企业文化建设 | Human resource management is part of building the corporate culture |
# | E | 以上均对 | All of the above |
#
# Multiple choice: store all the letters you choose as one string in `q20_answer`, e.g. `"BD"`.

# %% id="q20-answer" nbgrader={"grade": false, "grade_id": "q20-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q20_answer = ...
### BEGIN SOLUTION
q20_answer = "ABC"
### END SOLUTION

# %% id="q20-test" nbgrader={"grade": true, "grade_id": "q20", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q20", q20_answer)
### BEGIN HIDDEN TESTS
# The Exam collection gives no key, and the lecture material does not present this layered model. Reasoning from
# the iron triangle: the idea guides everything, so vision and strategy are at the top (A) and values
# and culture are the 'guiding light' (B); technology is the means, so the basic information systems
# are the lowest level (C). Human resource management is a layer of its own, not part of building the
# culture (D is false), so 'all of the above' (E) is false too: ABC.
report("q20", q20_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-23" nbgrader={"grade": false, "grade_id": "q21_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q21 (1 point) · S2-M6.** 从广义上来讲,企业的客户包括（ ） · *In the broad sense, a firm's customers include ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 企业的供应商 | The firm's suppliers |
# | B | 企业的员工 | The firm's employees |
# | C | 企业的合作伙伴 | The firm's partners |
# | D | 企业产品的购买者 | The buyers of the firm's products |
# | E | 企业的竞争对手 | The firm's competitors |
#
# Multiple choice: store all the letters you choose as one string in `q21_answer`, e.g. `"BD"`.

# %% id="q21-answer" nbgrader={"grade": false, "grade_id": "q21-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q21_answer = ...
### BEGIN SOLUTION
q21_answer = "ABCD"
### END SOLUTION

# %% id="q21-test" nbgrader={"grade": true, "grade_id": "q21", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q21", q21_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is ABCD. The Article counts end customers, distributors and partners as customers, the
# Lecture notes add employees (员工=广义客户); suppliers are partners in the supply chain. Competitors (E) are not
# customers.
report("q21", q21_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-24" nbgrader={"grade": false, "grade_id": "part_d3", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### D3 · Course context from outside the lectures (chapter 0, section 9)
#
# **q22 (1 point) · S2-M1.** 企业供应链管理经历的主要阶段有（ ）。 · *The main stages that supply-chain management in firms has gone through are ( ).*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 准时制生产阶段 | Just-in-time production |
# | B | 精益生产与精益供应阶段 | Lean production and lean supply |
# | C | 生产需求阶段 | Production demand |
# | D | 快速反映供应链阶段 | Quick-response supply chain |
# | E | 物流管理阶段 | Logistics management |
#
# Multiple choice: store all the letters you choose as one string in `q22_answer`, e.g. `"BD"`.

# %% id="q22-answer" nbgrader={"grade": false, "grade_id": "q22-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q22_answer = ...
### BEGIN SOLUTION
q22_answer = "ABCD"
### END SOLUTION

# %% id="q22-test" nbgrader={"grade": true, "grade_id": "q22", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q22", q22_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is ABCD. The question comes from a textbook outside the lecture material (chapter 0,
# section 9): just-in-time, lean production and lean supply, production demand, quick response.
# The course keeps the Exam collection's key; logistics management (E) is not one of its stages.
report("q22", q22_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-25" nbgrader={"grade": false, "grade_id": "q23_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q23 (1 point) · S2-M2.** 下列属于精益生产与精益供应的特点的有（ ） · *Which of the following are features of lean production and lean supply? ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 减少浪费与库存 | Less waste and inventory |
# | B | 减少流程的工作量 | Less work in the processes |
# | C | 员工一专多能 | Multi-skilled employees |
# | D | 减少供应商的提前订货期 | Shorter advance-order lead times for suppliers |
# | E | 客户定制生产 | Production customised for customers |
#
# Multiple choice: store all the letters you choose as one string in `q23_answer`, e.g. `"BD"`.

# %% id="q23-answer" nbgrader={"grade": false, "grade_id": "q23-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q23_answer = ...
### BEGIN SOLUTION
q23_answer = "ABC"
### END SOLUTION

# %% id="q23-test" nbgrader={"grade": true, "grade_id": "q23", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q23", q23_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is ABC (outside the lectures; chapter 0, section 9): lean production cuts waste and
# inventory, the work in each process, and trains multi-skilled staff (Womack, Jones & Roos 1990).
# Customised production (E) belongs to the quick-response stage.
report("q23", q23_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-26" nbgrader={"grade": false, "grade_id": "q24_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q24 (1 point) · S2-M3.** 快速反映供应链的特点有（ ）。 · *The features of the quick-response supply chain are ( ).*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 多品种小批量 | Many varieties in small batches |
# | B | 客户定制生产 | Production customised for customers |
# | C | 控制供应流程 | Control of the supply process |
# | D | 完全采用电子商务 | Doing business entirely by e-commerce |
# | E | 减少流程的工作量 | Less work in the processes |
#
# Multiple choice: store all the letters you choose as one string in `q24_answer`, e.g. `"BD"`.

# %% id="q24-answer" nbgrader={"grade": false, "grade_id": "q24-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q24_answer = ...
### BEGIN SOLUTION
q24_answer = "BCD"
### END SOLUTION

# %% id="q24-test" nbgrader={"grade": true, "grade_id": "q24", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q24", q24_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is BCD (outside the lectures; chapter 0, section 9): production to customers' orders,
# control of the supply process, electronic links. The textbook does not count 'many varieties in
# small batches' (A) or 'less work in the processes' (E, a lean feature) as its features.
report("q24", q24_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-27" nbgrader={"grade": false, "grade_id": "q25_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q25 (1 point) · S3-S1.** 属于快速反映供应链阶段的特点是（ ） · *A feature of the quick-response supply chain stage is ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 向客户推销 | Pushing sales to customers |
# | B | 低经济批量 | Low economic batch sizes |
# | C | 缩短工序 | Shorter production steps |
# | D | 客户定制生产 | Production customised for customers |
#
# Single choice: store one letter as a string in `q25_answer`, e.g. `"B"`.

# %% id="q25-answer" nbgrader={"grade": false, "grade_id": "q25-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q25_answer = ...
### BEGIN SOLUTION
q25_answer = "D"
### END SOLUTION

# %% id="q25-test" nbgrader={"grade": true, "grade_id": "q25", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q25", q25_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is D (outside the lectures; chapter 0, section 9): the quick-response supply chain
# produces to customers' orders.
report("q25", q25_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-28" nbgrader={"grade": false, "grade_id": "q26_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q26 (1 point) · S2-M5.** 在客户角色演进的过程中,把客户视作被动的购买者,认为其拥有预定的消费角色的是哪些时期?（ ）。 · *In the evolution of the customer's role, in which periods were customers seen as passive buyers with a predetermined consumer role? ( ).*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 20世纪60年代 | The 1960s |
# | B | 20世纪70年代和80年代早期 | The 1970s and early 1980s |
# | C | 20世纪80年代和90年代早期 | The 1980s and early 1990s |
# | D | 20世纪90年代 | The 1990s |
# | E | 21世纪 | The 21st century |
#
# Multiple choice: store all the letters you choose as one string in `q26_answer`, e.g. `"BD"`.

# %% id="q26-answer" nbgrader={"grade": false, "grade_id": "q26-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q26_answer = ...
### BEGIN SOLUTION
q26_answer = "BCD"
### END SOLUTION

# %% id="q26-test" nbgrader={"grade": true, "grade_id": "q26", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q26", q26_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is BCD (outside the lectures; Prahalad & Ramaswamy 2000, chapter 0, section 9): from
# the 1970s to the 1990s customers were a passive audience with preset roles; after 2000 they become
# co-creators of value (E is false). The 1960s (A) are not one of the periods of the model.
report("q26", q26_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-29" nbgrader={"grade": false, "grade_id": "q27_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q27 (1 point) · S3-S7.** 在客户角色演进的过程中,只与单个客户建立起长期而密切的联系的是在（ ） · *In the evolution of the customer's role, when did firms build long-term, close ties with individual customers one by one? ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 20世纪70年代和80年代早期 | The 1970s and early 1980s |
# | B | 20世纪80年代和90年代早期 | The 1980s and early 1990s |
# | C | 20世纪90年代 | The 1990s |
# | D | 21世纪 | The 21st century |
#
# Single choice: store one letter as a string in `q27_answer`, e.g. `"B"`.

# %% id="q27-answer" nbgrader={"grade": false, "grade_id": "q27-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q27_answer = ...
### BEGIN SOLUTION
q27_answer = "C"
### END SOLUTION

# %% id="q27-test" nbgrader={"grade": true, "grade_id": "q27", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q27", q27_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is C (outside the lectures; Prahalad & Ramaswamy 2000): lifetime bonds with individual
# customers belong to the 1990s.
report("q27", q27_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-30" nbgrader={"grade": false, "grade_id": "q28_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q28 (1 point) · S2-M7.** 客户关系管理产生的动因（ ） · *The drivers behind the rise of CRM ( )*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 超强的竞争环境 | A fiercely competitive environment |
# | B | 因特网等通信基础设施与技术的发展 | The development of communication infrastructure and technology such as the Internet |
# | C | 管理理论重心的转移 | The shift in the focus of management theory |
# | D | 对客户利润的重视 | Attention to the profit customers bring |
# | E | 市场需求的转变 | Changes in market demand |
#
# Multiple choice: store all the letters you choose as one string in `q28_answer`, e.g. `"BD"`.

# %% id="q28-answer" nbgrader={"grade": false, "grade_id": "q28-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q28_answer = ...
### BEGIN SOLUTION
q28_answer = "ABCD"
### END SOLUTION

# %% id="q28-test" nbgrader={"grade": true, "grade_id": "q28", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q28", q28_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is ABCD (outside the lectures; chapter 0, section 9): competition, the Internet and
# communication technology, the shift in management theory, attention to customer profit. The
# textbook does not list changes in market demand (E) among its four drivers.
report("q28", q28_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-31" nbgrader={"grade": false, "grade_id": "q29_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q29 (1 point) · S3-S8.** （ ）是客户关系管理备受关注的催化剂. · *( ) is the catalyst that made CRM the focus of so much attention.*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 超强的竞争环境 | A fiercely competitive environment |
# | B | 因特网等通信基础设施与技术的发展 | The development of communication infrastructure and technology such as the Internet |
# | C | 管理理论重心的转移 | The shift in the focus of management theory |
# | D | 对客户利润的重视 | Attention to the profit customers bring |
#
# Single choice: store one letter as a string in `q29_answer`, e.g. `"B"`.

# %% id="q29-answer" nbgrader={"grade": false, "grade_id": "q29-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q29_answer = ...
### BEGIN SOLUTION
q29_answer = "C"
### END SOLUTION

# %% id="q29-test" nbgrader={"grade": true, "grade_id": "q29", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q29", q29_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is C (outside the lectures): the textbook calls the shift in the focus of management
# theory the catalyst (催化剂) of the attention CRM receives.
report("q29", q29_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-32" nbgrader={"grade": false, "grade_id": "q30_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q30 (1 point) · S3-S9.** （ ）是客户关系管理产生和发展的推动力量。 · *( ) is the force that drove the rise and development of CRM.*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 超强的竞争环境 | A fiercely competitive environment |
# | B | 因特网等通信基础设施与技术的发展 | The development of communication infrastructure and technology such as the Internet |
# | C | 管理理论重心的转移 | The shift in the focus of management theory |
# | D | 对客户利润的重视 | Attention to the profit customers bring |
#
# Single choice: store one letter as a string in `q30_answer`, e.g. `"B"`.

# %% id="q30-answer" nbgrader={"grade": false, "grade_id": "q30-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q30_answer = ...
### BEGIN SOLUTION
q30_answer = "B"
### END SOLUTION

# %% id="q30-test" nbgrader={"grade": true, "grade_id": "q30", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q30", q30_answer)
### BEGIN HIDDEN TESTS
# The Exam collection's key is B (outside the lectures): the textbook calls the Internet and communication
# technology the driving force (推动力量) of CRM's rise and development.
report("q30", q30_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-33" nbgrader={"grade": false, "grade_id": "part_e", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part E · Written answers (graded by your instructor)
#
# **q31 (2 points) · S2-M15.** （ ）因素驱动客户关系管理。 · *( ) factors drive CRM.* The Exam collection gives
# no options, so answer in your own words: name the factors that drive CRM, and say in one sentence each how
# it pushes firms towards CRM.

# %% [markdown] id="q31-written" nbgrader={"grade": true, "grade_id": "q31", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (2 points, 0.5 per factor with a sentence on how it drives CRM; the Exam collection's key is ABCD, and the
# options are taken to be those of S2-M7, the same question in set S2):
# 1. A fiercely competitive environment: products become alike, so relationships are what still sets a firm apart.
# 2. The Internet and communication technology: databases and networks make it possible to know and reach
#    millions of customers one by one (the "driving force" of S3-S9).
# 3. The shift in the focus of management theory from products to customers (the "catalyst" of S3-S8).
# 4. Attention to the profit customers bring: customers differ in value, and keeping the valuable ones pays.
# Accept equivalent wording; "changes in market demand" alone earns nothing.
# === END MARK SCHEME ===

# %% [markdown] id="md-34" nbgrader={"grade": false, "grade_id": "q32_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q32 (3 points).** A firm bought a CRM software package a year ago, and little has changed: sales staff
# still keep their own customer lists and the service centre mostly apologises. Use the iron triangle (idea,
# technology, implementation) and the Article's reasons why CRM projects fail to name three likely causes, and
# suggest one remedy for each, in 4 to 6 sentences.

# %% [markdown] id="q32-written" nbgrader={"grade": true, "grade_id": "q32", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Rubric (3 points, 1 per cause with a fitting remedy):
# - Idea missing: the firm bought technology without the customer-centred idea; CRM is treated as an IT or
#   marketing project, not the CEO's responsibility (the Lecture notes' fifth condition). Remedy: leadership sets
#   customer value as the goal and involves every department.
# - Implementation missing: no cross-department coordination, staff not trained or heard (the Article's errors:
#   no communication with employees), data not shared (sales keep private lists). Remedy: one shared customer
#   view (collaborative CRM), training, processes redesigned around the customer.
# - Ignoring real customer needs / no innovation: the system serves the firm's view, complaints are not
#   turned into improvements. Remedy: use the analysis (analytical CRM), listen to customers, act on complaints.
# - Also accept: external shocks (crises, executive turnover, competition) with a remedy such as a strong,
#   sponsored programme with clear goals and measures.
# === END MARK SCHEME ===
