# %% [markdown] id="md-01"
# # Chapter 5 · ABC customer classification (ABC客户分类管理)
#
# A firm cannot serve every customer the same way: a few customers bring most of its sales. ABC
# classification sorts customers by the value they bring and splits them into three classes, so that
# sales effort follows value. This chapter follows the lecture material's five-step ABC process and
# reproduces its worked example exactly.
#
# **Learning goals.** After this chapter you can
#
# 1. explain the 80/20 rule (二八原理) and why it leads to classifying customers;
# 2. run the five-step ABC process: sales report, classification, achievement-rate and growth-rate rankings, key-customer actions;
# 3. classify customers by share of sales under the lecture's *do-not-exceed* rule, and say how the common *crossing* rule differs;
# 4. classify customers by amount thresholds, and adjust classes for growth potential;
# 5. read a Pareto chart and choose a strategy for each class.
#
# **Time:** about 75 minutes. **Assignment:** `exercises/05_abc/05_abc.ipynb`.
#
# ## Key terms · 关键术语
#
# | English | 中文 |
# |---|---|
# | ABC customer classification | ABC客户分类 |
# | 80/20 rule | 二八原理 |
# | key customer | 关键客户 |
# | main customer | 主要客户 |
# | ordinary customer | 普通客户 |
# | sales achievement rate | 销售额达成率 |
# | growth rate | 成长率 |
# | customer profile card | 客户资料卡 |

# %% id="code-02"
# %config InlineBackend.figure_formats = ["png"]
import pandas as pd

import crmlab
from crmlab import datasets
from crmlab.plotting import pareto_chart, show

pd.set_option("display.precision", 3)

# %% [markdown] id="md-03"
# ## 1 · Why classify customers: the 80/20 rule
#
# The Pareto principle, applied to customers, says that a small share of customers brings a large
# share of the business. The lecture material states it both for sales and, elsewhere, for profit (Exam collection, 《客户关系管理ABC》; its exam question S1-S6, set 1 single choice 6, asks which; the
# [sources page](../docs/sources.md) explains the numbers). ABC analysis (ABC分析法) builds on it: rank customers by the
# value they create and split them into large, medium and small customers, also called key, main and
# ordinary customers (关键客户、主要客户、普通客户).
#
# The Exam collection tells the story of a food company (副食公司) that found a "sales waste" problem in
# a business review. Its figures are in the course's data table:

# %% id="code-04"
food = datasets.load_abc_food_company()
food

# %% [markdown] id="md-05"
# The material gives the sales-force shares of classes A (15 %) and C (60 %) but not of class B, so the
# table leaves it empty. Dividing each class's share of sales by its share of the sales force shows how
# much sales one percent of the sales force brings in each class:

# %% id="code-06"
food.assign(sales_per_salesforce=food["sales_share"] / food["salesforce_share"])[
    ["abc_class", "customer_share", "sales_share", "salesforce_share", "sales_per_salesforce"]
]

# %% [markdown] id="md-07"
# One percent of the sales force working on A customers brings about 4.7 % of sales; on C customers
# it brings about 0.17 %, some 28 times less. That is the "sales waste" (销售浪费症) of the story: the
# sales people were busy, but with the customers that mattered least.
#
# ## 2 · The five-step ABC process (ABC客户管理五步法)
#
# Slides A, the slide deck 《卓越的客户关系管理》, lists five steps, and four customer profile cards (客户资料卡) that feed them:
#
# | step | what | crmlab |
# |---|---|---|
# | 1 | sales statistics report (销售统计报表) | a table of sales per customer |
# | 2 | classify customers by sales (按销售额分类) | `abc_classify`, `abc_summary` |
# | 3 | sales achievement-rate ranking (销售额达成率排行榜) | `achievement_ranking` |
# | 4 | growth-rate ranking (成长率排行榜) | `growth_ranking` |
# | 5 | key-customer action table (重要客户行动表) | your plan for the A customers |
#
# The profile cards are: basic data (基础资料卡), customer characteristics (客户特征卡), business status
# (业务状况卡) and current transactions (交易现状卡). Building the customer file is the first step of
# any customer management system.
#
# We run the five steps on a fictional B2B customer list (seeded synthetic data; see
# `datasets/README.md`). Sales are in 10k yuan.

# %% id="code-08"
customers = datasets.load_b2b_customers()
# Step 1: the sales statistics report
report = customers[["customer_id", "industry_zh", "region_zh", "sales_last_year", "sales_this_year", "sales_target"]]
report.describe().loc[["count", "mean", "min", "max"]]

# %% id="code-09"
# Step 2: classify by this year's sales (70 / 20 / 10, the lecture's rule) and summarise
classified = crmlab.abc_classify(customers, "sales_this_year", customer="customer_id")
crmlab.abc_summary(classified, "sales_this_year")

# %% id="code-10"
# Steps 3 and 4: who met the target, who grew
achievement = crmlab.achievement_ranking(customers, "sales_this_year", "sales_target", customer="customer_id")
growth = crmlab.growth_ranking(customers, "sales_this_year", "sales_last_year", customer="customer_id")
achievement[["customer_id", "sales_this_year", "sales_target", "achievement_rate", "rank"]].head()

# %% id="code-11"
# Step 5: a key-customer action table: A customers that missed their target or shrank
key_accounts = classified.loc[classified["abc_class"] == "A", ["customer_id", "sales_this_year"]]
actions = key_accounts.merge(achievement[["customer_id", "achievement_rate"]], on="customer_id").merge(
    growth[["customer_id", "growth_rate"]], on="customer_id"
)
actions["needs_visit"] = (actions["achievement_rate"] < 1) | (actions["growth_rate"] < 0)
actions.sort_values("achievement_rate").head(8)

# %% [markdown] id="md-12"
# ## 3 · The worked example: 20 distributors
#
# The Exam collection ends its ABC guide with a worked example: 20 distributors a–t and their yearly sales in 10k
# yuan (万元). The targets are 70 % of the total for A, 20 % for B and 10 % for C. Sort the distributors from
# the largest to the smallest and add them up **while the running total does not exceed the target**
# (不超过): that is the Exam collection's rule.

# %% id="code-13"
distributors = datasets.load_distributors()
total = distributors["sales"].sum()
targets = pd.Series({"A (70%)": 0.7 * total, "B (20%)": 0.2 * total, "C (10%)": 0.1 * total})
print(f"total sales: {total:g} (10k yuan)")
targets

# %% id="code-14"
abc = crmlab.abc_classify(distributors, "sales", customer="distributor")
abc

# %% id="code-15"
for label in "ABC":
    members = abc.loc[abc["abc_class"] == label]
    print(f"{label}: {' '.join(members['distributor'])}  (running total {members['cum_value'].max():g})")

# %% [markdown] id="md-16"
# This is the Exam collection's result: **A = f e t d i n h p m** with a running total of 7380, just below the
# A target of 7406; **B = b l s o a**, where the running total reaches 9380, not above 7406 + 2116 = 9522;
# and **C = j r k c q g**.
#
# ### The crossing rule, side by side
#
# Many textbooks put the customer whose sales *cross* the line into the higher class. Distributor b
# (460) takes the running total from 7380 to 7840, past 7406: under the crossing rule it is A. The two
# rules differ only for the customers at the two boundaries. This course follows the Exam collection (do not
# exceed); the check cells of the assignment recognise the crossing answer and tell you so.

# %% id="code-17"
crossing = crmlab.abc_classify(distributors, "sales", customer="distributor", rule="crossing")
side_by_side = abc[["distributor", "sales", "cum_value", "abc_class"]].merge(
    crossing[["distributor", "abc_class"]], on="distributor", suffixes=("_not_exceed", "_crossing")
)
side_by_side[side_by_side["abc_class_not_exceed"] != side_by_side["abc_class_crossing"]]

# %% id="code-18"
crmlab.abc_summary(abc, "sales")

# %% [markdown] id="md-19"
# ### The Pareto chart
#
# The chart below shows each distributor's sales as a bar, coloured by class, and the running share
# of the total as a line, with the class targets as dashed lines.

# %% id="code-20"
ax = pareto_chart(abc, value="sales", customer="distributor")
show(ax)

# %% [markdown] id="md-21"
# *Figure 5.1 · Pareto chart of the 20 distributors (the Exam collection's worked example).* Nine distributors,
# 45 % of them, bring 70 % of the sales; the last six bring about 11 %. The steeper the curve at the left,
# the stronger the concentration, and the more an equal treatment of all customers wastes effort.
#
# ## 4 · Classes by amount
#
# Instead of shares, a sales person can use amounts (Exam collection): a yearly turnover of **5 million yuan
# and above** (500万元以上) is A, **1 to 5 million** is B, **below 1 million** is C. In Chinese usage 以上
# includes the number itself, so exactly 5 million is A. The thresholds are in the data's unit: the
# distributor table is in 10k yuan, so 5 million yuan is 500 there.

# %% id="code-22"
by_amount = crmlab.abc_by_thresholds(distributors, "sales", upper=500, lower=100)
by_amount.groupby("abc_class", observed=False)["distributor"].agg(lambda s: " ".join(s))

# %% [markdown] id="md-23"
# The two methods disagree: by amount, b (460), l, s, o, a and j are all B and only g is C. Amount
# thresholds are easy to explain to a sales team and stable from year to year; share targets adapt to
# the size of the market. The Exam collection also lets the sales person **move customers by growth potential**: a C
# customer with great potential can be treated as A, and a B customer about to close down as C. A class
# should combine the largest turnover with the greatest potential.
#
# Two more figures in the material are worth noticing. One passage asks class A to bring **80 %** of the
# volume (or be downgraded), where the worked example uses 70 %; and some splits are stated by share of
# *customers* (for example A 20 %, B 50 %) or as 20 / 60 / 20. The rule is a convention that a firm chooses;
# what matters is to state it and apply it consistently. The assignment asks you to work out the 80 % split.
#
# ## 5 · Explore: move the lines
#
# Drag the sliders to change the A and B targets and pick the rule. Watch which distributors change
# class, and how the class sizes react: small changes of the target can move a large customer across a line.

# %% id="code-24"
# NBVAL_IGNORE_OUTPUT
from crmlab.widgets import abc_explorer

abc_explorer(distributors, "sales", customer="distributor")

# %% [markdown] id="md-25"
# ### Try it yourself
#
# * Change the shares in the cell below to `(0.8, 0.15, 0.05)` and to `(0.6, 0.3, 0.1)`. Which distributors move?
# * Give distributor g a sales figure of 2000 (`distributors.assign(sales=...)`): where does it land, and why
#   is the largest customer always in A?
# * Run the five steps on `datasets.load_b2b_customers()` with `current_value` instead of sales.

# %% id="code-26"
shares = (0.7, 0.2, 0.1)  # try (0.8, 0.15, 0.05)
crmlab.abc_summary(crmlab.abc_classify(distributors, "sales", customer="distributor", shares=shares), "sales")

# %% [markdown] id="md-27"
# ## 6 · What to do with each class
#
# * **A, key customers (关键客户):** the Exam collection's customer pyramid puts VIP customers, the top 1 % by
#   purchases in a period, at its top. Serve them with dedicated people, visit them often, plan with them.
#   Banks show the extreme: the Royal Bank computes the profitability of each of its customers every month,
#   and key accounts may be served by whole teams (the Article, a web article on how modern firms manage
#   their old customers).
# * **B, main customers (主要客户):** regular contact and development; the best of them are tomorrow's A.
# * **C, ordinary customers (普通客户):** serve efficiently (phone, online, distributors); watch for the
#   ones with growth potential; many customers cost a firm more than they bring.
#
# Classes are not fixed: review them periodically (for example every quarter), and use an *improved ABC*
# that weighs several factors (sales, profit, growth, potential) when a single figure misleads. Segmenting
# customers is not discrimination (Article): it lets a firm give each customer the service that fits.
#
# ## Summary
#
# * The 80/20 rule: a few customers bring most of the value, so effort should follow value.
# * The five steps: sales report, classification, achievement-rate ranking, growth-rate ranking, action table.
# * By share: sort, accumulate, and keep a customer in a class while the running total **does not exceed**
#   the target; the crossing rule moves the boundary customers up.
# * By amount: 500万元 and above is A, 100万–500万 B, below 100万 C, adjusted for potential.
# * In the worked example A = f e t d i n h p m (7380), B = b l s o a (9380), C = j r k c q g.
#
# **Exam-style questions this chapter prepares for:** S1-S6 (the 80/20 principle) and S1-M6 (criteria of
# customer segmentation), in the assignment; definitions of ABC analysis (ABC分析法) in the open papers of the Exam collection.
#
# ## References
#
# * The lecture materials, by the names the course gives them (the [sources page](../docs/sources.md) says what each one is):
#   Slides A, the slide deck 《卓越的客户关系管理》 (five-step process, profile cards); the Exam collection
#   《客户关系管理ABC》 (ABC guide and worked example, exam questions); the Article, a web article on
#   managing old customers (bank examples). Quoted in short phrases with attribution.
# * Juran, J. M. (1951). *Quality Control Handbook*. McGraw-Hill (the "vital few", Pareto principle).
# * Kotler, P., & Keller, K. L. (2016). *Marketing Management* (15th ed.). Pearson, ch. 5.
# * Zeithaml, V. A., Rust, R. T., & Lemon, K. N. (2001). The customer pyramid. *California Management Review*, 43(4), 118–142.
