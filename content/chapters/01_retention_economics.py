# %% [markdown] id="md-01"
# # Chapter 1 · The economics of keeping customers (客户保持的经济学)
#
# Every firm loses customers and wins new ones. If the two numbers are equal, the customer count does
# not move, and it is tempting to think nothing has happened. This chapter puts a price on both sides
# of that swap: what a new customer costs, what a lost customer takes away, and why a small rise in
# loyalty is worth so much. It then looks at the strategic side: market share against customer share,
# CRM and new products, and the strategy map that leads from mass marketing to one-to-one relationships.
#
# **Learning goals.** After this chapter you can
#
# 1. compute the cost and the yearly profit of a new customer, and the loss from customers who leave, stating the assumptions the lecture leaves open;
# 2. explain what a yearly churn rate costs a firm that must replace the customers it loses;
# 3. define customer lifetime value (客户终身价值) in its broad and narrow sense and compute it from a margin, a retention rate and a discount rate;
# 4. say where "5 % more loyalty, 25 %–85 % more profit" comes from, and show with a sensitivity analysis when a 5-point rise in retention is worth that much;
# 5. contrast a market-share strategy with a customer-share strategy, and read Table 1-2 on CRM quality and product adoption;
# 6. place mass, niche, database and one-to-one marketing on the strategy map.
#
# **Time:** about 60 minutes. **Assignment:** `exercises/01_retention_economics/01_retention_economics.ipynb`.
#
# ## Key terms · 关键术语
#
# | English | 中文 |
# |---|---|
# | customer retention | 客户保持 |
# | customer churn | 客户流失 |
# | customer defection | 客户背离 |
# | acquisition cost | 吸引新客户的成本 |
# | retention rate | 客户保持率 |
# | customer lifetime value (CLV) | 客户终身价值 |
# | discount rate | 贴现率 |
# | market share | 市场份额 |
# | customer share | 客户份额 |
# | market-share strategy | 市场份额战略 |
# | customer-share strategy | 客户份额战略 |
# | customer manager | 客户经理 |
# | technology-driven development | 技术驱动型开发 |
# | market-driven development | 市场驱动型开发 |
# | mass marketing | 大众化营销 |
# | niche marketing | 窄渠道营销 |
# | database marketing | 数据库营销 |
# | one-to-one marketing | 一对一营销 |

# %% id="code-02"
# %config InlineBackend.figure_formats = ["png"]
import numpy as np
import pandas as pd

import crmlab
from crmlab import datasets
from crmlab.plotting import clv_vs_retention, show, use_cjk_font

pd.set_option("display.precision", 3)
pd.set_option("display.width", 120)

# %% [markdown] id="md-03"
# ## 1 · The opening question
#
# Slides A, the slide deck 《卓越的客户关系管理》, opens its part on costs with a question to the
# audience: a company loses 50 old customers (失去老客户50名) and gains 50 new ones. Has its marketing performance changed? The same
# slide gives its own direction: turn transaction marketing into relationship marketing
# (变交易营销为关系营销), and treat customer loyalty as a goal for the next hundred years.
#
# The count of customers is the same before and after. To see what changed we need two prices: what it
# cost to win the 50 newcomers, and what the 50 leavers would still have brought. The slide sets up both
# calculations, but leaves most of the numbers blank. We keep its structure and fill the blanks with
# assumptions that are stated in the code and that you can change.
#
# ## 2 · What a new customer costs, and what they bring
#
# The slide defines the **cost of winning a new customer** (吸引新客户的成本) as the average spend on
# sales promotion (平均销售推广费用) divided by the number of customers the promotion wins, and the
# **profit of a new customer** (新客户的利润) as the customer's average yearly revenue (顾客年平均收入)
# times the firm's margin (边际利润). The inputs are blank in the slide; the values below are assumptions.

# %% id="code-04"
# Slides A gives the formulas but not the numbers: these inputs are assumptions of this notebook
campaign = pd.Series(
    {"promotion_spend": 20_000.0, "customers_won": 50.0, "yearly_revenue": 2_000.0, "margin": 0.10},
    name="assumed (yuan, per year)",
)
cost_new = crmlab.acquisition_cost(campaign["promotion_spend"], campaign["customers_won"])
profit_new = crmlab.new_customer_profit(campaign["yearly_revenue"], campaign["margin"])
print(f"cost of winning a new customer: {cost_new:,.0f} yuan")
print(f"profit of a new customer:       {profit_new:,.0f} yuan a year")
print(f"years to pay back the cost:     {cost_new / profit_new:.1f}")

# %% [markdown] id="md-05"
# Under these assumptions a new customer costs 400 yuan to win and brings 200 yuan of profit a year:
# the first two years of their profit only repay the promotion that brought them in. A customer who
# leaves within two years has lost the firm money.
#
# ## 3 · What a lost customer takes away
#
# The slide's loss case (流失老客户的损失分析) gives four numbers: **50 customers, 5 % of them lost, an
# average loss of 10 yuan per customer, a margin of 10 %**. It then asks for three results and leaves them
# blank: the yearly revenue from each customer, the total revenue lost in a year, and the lifetime value
# of the lost customers (失去客户的生命周期价值). `crmlab.defection_loss` fills them in under stated
# assumptions:
#
# * the "average loss of 10 yuan" is read as the yearly revenue each lost customer used to bring;
# * 5 % of 50 is 2.5 customers: an expected number, so it may be fractional;
# * the slide gives no horizon for the lifetime loss. With a constant churn rate of 5 % a year a customer
#   stays 1 / 0.05 = 20 years on average, so we assume a lost customer would have bought for 20 more
#   years; we show the loss both undiscounted and discounted at 10 % a year.

# %% id="code-06"
loss = crmlab.defection_loss(
    customers=50, churn_rate=0.05, loss_per_customer=10, margin=0.10,
    lifetime_years=[20, 20], discount=[0.0, 0.10],
)
loss.index = ["undiscounted", "discounted at 10%"]
loss.T

# %% [markdown] id="md-07"
# A year's defections cost 25 yuan of revenue and 2.5 yuan of profit, which looks harmless. Over the
# 20 years those customers would have stayed, the firm loses 500 yuan of revenue and 50 yuan of profit
# (about 21 yuan in today's money at a 10 % discount rate): twenty times the first year's loss. The
# numbers of the slide are small, but the method scales: Kotler & Keller walk through the same steps
# (accounts lost × revenue per account × margin) for a firm with thousands of accounts.
#
# ## 4 · Back to the opening question
#
# Put the two sides together with the assumptions of section 2: the 50 old customers each brought 2,000
# yuan a year at a 10 % margin, and so do the 50 new ones.

# %% id="code-08"
swapped = 50
revenue_before = swapped * campaign["yearly_revenue"]
revenue_after = swapped * campaign["yearly_revenue"]
spent_to_stand_still = swapped * cost_new
print(f"yearly revenue from these customers, before and after: {revenue_before:,.0f} / {revenue_after:,.0f} yuan")
print(f"promotion spent to win the replacements:              {spent_to_stand_still:,.0f} yuan")
print(f"years of the newcomers' profit it takes to repay it:   {spent_to_stand_still / (swapped * profit_new):.1f}")

# %% [markdown] id="md-09"
# So yes, something changed. Sales are the same, but the firm paid 20,000 yuan to stand still, two full
# years of the newcomers' profit. And that is the *best* case, because it assumes a newcomer is as
# profitable as the customer who left. Reichheld & Sasser (1990) found the opposite across service
# industries: the profit from a customer grows with the years they stay, because long-standing customers
# buy more, cost less to serve, bring in other customers by recommending the firm, and pay a price premium.
# A firm that swaps old customers for new ones resets all of that to year one.
#
# ## 5 · Churn: running to stand still
#
# The Article, a web article on how modern firms manage their old customers, gives a real-world
# version: a US wireless company paid **\$350** to win a new customer and lost
# **40 %** of its customers every year, and many such companies ended up being bought out. The figures are
# in the course's table of quoted figures (percentages are stored in percent):

# %% id="code-10"
figures = datasets.load_quoted_figures().set_index("figure")
figures.loc[["acquisition_cost", "yearly_churn"], ["quantity_en", "value", "unit", "source"]]

# %% [markdown] id="md-11"
# To keep its size, the firm must win back every customer it loses. With a constant churn rate *c* and
# an acquisition cost *a*: it replaces *c* of its customers a year, spends *a × c* per customer a year on
# doing so, and a customer stays 1 / *c* years on average. The Article does not say how many customers the
# firm had: the second line assumes one million, to show the scale.

# %% id="code-12"
cac = figures.loc["acquisition_cost", "value"]
churn = figures.loc["yearly_churn", "value"] / 100  # the table stores 40% as 40
per_customer = crmlab.replacement_cost(cac, churn)
a_million = crmlab.replacement_cost(cac, churn, customers=1_000_000)
pd.DataFrame({"per customer": per_customer, "1 million customers (assumed)": a_million}).map("{:,.1f}".format)

# %% [markdown] id="md-13"
# A customer stays two and a half years on average, and every customer must bring \$140 of margin a year
# just to pay for their own replacement; with a million customers, the firm spends \$140 million a year
# to stay where it is. Lowering churn is worth as much as it saves:

# %% id="code-14"
churn_rates = [0.40, 0.30, 0.20, 0.10]
scenarios = crmlab.replacement_cost(cac, churn_rates)
scenarios.index = pd.Index(churn_rates, name="yearly churn")
scenarios[["expected_lifetime_years", "cost_per_customer_year"]]

# %% [markdown] id="md-15"
# Each 10 points of churn removed saves \$35 per customer a year, and halving churn doubles the
# expected lifetime. This is the arithmetic behind the slogan that keeping a customer is cheaper than
# winning one.
#
# ## 6 · Why customers leave
#
# Slides A names four kinds of defection (客户背离): **price defection** (价格背离, the customer leaves for a
# lower price), **product defection** (产品背离, for a better product), **service defection** (服务背离,
# because of poor service) and **technology defection** (技术背离, to a new technology that replaces the
# product, as digital cameras replaced film). The slide also shows a chart of the share of each kind, but
# its values are blank in the material, so the course does not report shares.
#
# The four kinds match four of the six "types of defectors" of DeSouza (1992), who adds market defectors
# (customers who move away or go out of business) and organisational defectors (customers who leave for
# political reasons inside their own organisation). His point carries over: a retention plan starts by
# finding out *why* each customer left, because each kind calls for a different response: price
# matching, product development, service recovery, or moving with the technology.
#
# Purchase data show *who* left, never why. In the course's fictional retail chain, the share of the
# customers of 2023 who bought again in 2024 is the yearly retention rate; the rest have left, for
# reasons the data do not record. Only asking them (exit interviews, complaint records) tells which of
# the four kinds they are.

# %% id="code-16"
transactions = datasets.load_retail_transactions()
cohorts = crmlab.cohort_retention(transactions, "customer_id", "date", period="Y")
sizes = crmlab.cohort_retention(transactions, "customer_id", "date", period="Y", counts=True)
retention = float(cohorts.loc[cohorts.index[0], 1])
print(f"customers of 2023: {sizes.iloc[0, 0]}, of whom {sizes.iloc[0, 1]} bought again in 2024")
print(f"yearly retention rate: {retention:.1%}, churn: {1 - retention:.1%}")

# %% [markdown] id="md-17"
# ## 7 · Customer lifetime value
#
# The Exam collection (《客户关系管理ABC》, a collection of exam questions and course notes) defines
# **customer lifetime value** (客户终身价值, CLV) in two ways:
#
# * **broad** (广义): the present value of all the profit a firm earns from a customer over the whole
#   time they do business together, past and future;
# * **narrow** (狭义): the customer's future profit only.
#
# The material gives no formula. The standard one (Berger & Nasr 1998; Gupta & Lehmann 2003) takes a
# margin *m* a year from a customer who is still a customer, a yearly retention rate *r* and a discount
# rate (贴现率) *d*. The customer is still there after *t* years with probability *r*<sup>t</sup>, and money
# in year *t* is worth 1 / (1 + *d*)<sup>t</sup> today, so
#
# $$\mathrm{CLV} = \sum_{t=1}^{T} \frac{m\, r^t}{(1+d)^t} \;\xrightarrow{T \to \infty}\; \frac{m\, r}{1 + d - r}.$$
#
# This is the narrow value, counted from now on; `crmlab.clv` computes it. For the retail chain we
# take the retention rate just estimated, and a margin of **25 % of a customer's spending**, an
# assumption: the data record revenue only.

# %% id="code-18"
MARGIN_RATE = 0.25  # assumed share of spending that is profit
DISCOUNT = 0.10     # assumed yearly discount rate

spend = transactions.assign(year=transactions["date"].dt.year).pivot_table(
    index="customer_id", columns="year", values="amount", aggfunc="sum", fill_value=0.0
)
kept = spend[(spend[2023] > 0) & (spend[2024] > 0)]
yearly_margin = MARGIN_RATE * kept[2024].mean()
print(f"customers kept from 2023 into 2024: {len(kept)}, average spend in 2024: {kept[2024].mean():,.0f} yuan")
print(f"assumed yearly margin per customer: {yearly_margin:,.0f} yuan")
print(f"narrow CLV, unlimited horizon:      {crmlab.clv(yearly_margin, retention, DISCOUNT):,.0f} yuan")
print(f"narrow CLV, next 5 years only:      {crmlab.clv(yearly_margin, retention, DISCOUNT, periods=5):,.0f} yuan")

# %% [markdown] id="md-19"
# With seven customers in ten staying each year, an average customer's future is worth a little under
# twice one year's margin. The broad value adds the profit already earned. For the five customers who
# spent most in 2024, counting the profit of 2023 and 2024 at face value (an assumption: it is not
# compounded to today) and assuming next year's margin repeats their 2024 margin:

# %% id="code-20"
top = spend.nlargest(5, 2024)
card = pd.DataFrame({
    "profit so far": MARGIN_RATE * (top[2023] + top[2024]),
    "narrow CLV (future)": crmlab.clv(MARGIN_RATE * top[2024], retention, DISCOUNT),
})
card["broad CLV"] = card["profit so far"] + card["narrow CLV (future)"]
card.round(0)

# %% [markdown] id="md-21"
# The narrow value is what a decision today can still change: it is the value at stake when the firm
# decides how much to spend to keep a customer. The broad value says what the relationship has been worth
# as a whole, and is the one to compare with the cost of having won the customer.
#
# ## 8 · "5 % more loyalty, 25 %–85 % more profit"
#
# Slides A closes its cost analysis with the conclusion that for every 5 % rise in customer
# loyalty, profit rises by 25 % to 85 %. The course quotes it from its table of figures:

# %% id="code-22"
figures.loc[["loyalty_profit_gain"], ["quantity_en", "value", "value_high", "unit", "source"]]

# %% [markdown] id="md-23"
# The figure goes back to Reichheld & Sasser (1990). What they measured was narrower than the slogan:
# for firms in a range of service industries (for example branch banking, credit cards, insurance
# brokerage, industrial laundry), how much the net present value of a customer rose when the firm
# **cut its defection rate by 5 percentage points**, say from 20 % to 15 % a year (retention from 80 % to
# 85 %). The effect differed by industry, hence the range. It is a measurement of some firms at one time,
# not a law.
#
# We can see *why* the effect is large, and when it is small, with the CLV model. `crmlab.retention_profit_effect`
# computes the relative rise in a customer's value when retention rises by 5 points, under stated assumptions:
# a 10 % discount rate, a margin that may grow with each year of tenure (the effects Reichheld & Sasser
# describe), and an acquisition cost that may be counted against the customer (here zero or one year's margin).

# %% id="code-24"
retentions = np.array([0.70, 0.75, 0.80, 0.85, 0.90])
growth = np.array([0.0, 0.05, 0.10])
tables = {}
for acquisition in (0.0, 1.0):
    effect = crmlab.retention_profit_effect(
        retentions[np.newaxis, :], delta=0.05, discount=0.10,
        margin_growth=growth[:, np.newaxis], acquisition_cost=acquisition,
    )
    tables[f"acquisition cost = {acquisition:g} year's margin"] = pd.DataFrame(
        effect, index=pd.Index(growth, name="margin growth a year"),
        columns=pd.Index(retentions, name="retention before"),
    )
sensitivity = pd.concat(tables, names=["assumption"])
sensitivity.map("{:.0%}".format)  # shown as percentages

# %% [markdown] id="md-25"
# Reading the table (each cell is the rise in a customer's value when retention goes up 5 points):
#
# * With no margin growth and no acquisition cost, the effect is about 22 % to 41 %: the bottom of the
#   quoted range, from the arithmetic of retention alone.
# * Margins that grow with tenure push it up: a retained customer is worth more each extra year.
# * Counting the acquisition cost pushes it up too, because the base value is smaller, so the same gain
#   is a larger percentage.
# * The effect is largest for firms whose customers are already loyal. Going from 90 % to 95 % retention
#   doubles the expected lifetime (from 10 to 20 years): the curve of CLV bends upward.
#
# So the range 25 %–85 % is plausible for firms with loyal customers whose margins grow with tenure, and
# an overstatement for a firm with fast churn and flat margins. The chart shows the curve for the retail
# chain's average margin:

# %% id="code-26"
ax = clv_vs_retention(round(yearly_margin), [0.05, 0.10, 0.20])
ax.axvline(retention, color="0.4", linestyle=":", linewidth=1)
show(ax)

# %% [markdown] id="md-27"
# *Figure 1.1 · Customer lifetime value against the retention rate, at the retail chain's assumed average
# margin and three discount rates; the dotted line marks the chain's estimated retention.* The curves
# bend upward: each extra point of retention adds more value than the point before, and the lower the
# discount rate, the stronger the effect.
#
# ### Explore: what is a point of retention worth?
#
# Move the sliders: margin, retention rate, discount rate and horizon (0 means unlimited). The table
# shows the CLV now and after 5 more points of retention. Watch how the "+5 points" effect changes when
# you move retention from 0.6 to 0.9, and how a short horizon caps it.

# %% id="code-28"
# NBVAL_IGNORE_OUTPUT
from crmlab.widgets import clv_explorer

clv_explorer(margin=round(yearly_margin), retention=round(retention, 2), discount=0.10)

# %% [markdown] id="md-29"
# ## 9 · What successful CRM brings: the International CRM Forum
#
# The Article cites statistics of the International CRM Forum (国际CRM论坛) about firms that implemented CRM
# successfully. The course quotes them as given; the Article names no sample or period, so read them as
# claims rather than measurements:

# %% id="code-30"
forum = figures[figures["source"].str.contains("International CRM Forum")]
forum[["quantity_en", "value", "value_high", "unit"]]

# %% [markdown] id="md-31"
# The three claims fit the economics of this chapter: keeping customers longer lets a firm grow its share
# of the market without paying to replace leavers, and loyal customers accept higher service fees (the
# price premium of Reichheld & Sasser).
#
# ## 10 · Market share or customer share
#
# The Lecture notes (《客户关系管理课件》) contrast two strategies. Their Fig. 1-1 draws them as two directions: along one axis the
# **number of customers** a firm reaches (market share, 市场份额), along the other how much of each
# customer's needs it meets and how satisfied they are (customer share, 客户份额).
#
# **Customer share** is the part of one customer's purchases of a kind of product, over a period or over
# their whole life, that this firm supplies (also called *share of wallet*). It runs from 0 to 100 %, and
# the Lecture notes give it two uses: it measures a customer's value and growth potential, and it shows where
# the relationship falls short, so where to work. Market share is not wrong in itself, they add; the
# question is what lies inside it. A share made of one-off sales is fragile.
#
# Table 1-1 of the Lecture notes compares the two strategies (translated and shortened here):

# %% id="code-32"
# The Lecture notes, Table 1-1 (our translation; the original's first row is partly garbled)
table_1_1 = pd.DataFrame(
    {
        "market-share strategy (市场份额战略)": [
            "traditional marketing (传统营销)",
            "stay the same (回报不变)",
            "product or brand manager (产品或品牌经理)",
            "sell one product or brand to as many customers as possible",
            "by how its products differ",
            "sells products to customers",
        ],
        "customer-share strategy (客户份额战略)": [
            "one-to-one marketing (一对一营销)",
            "increase (增加回报)",
            "customer manager (客户经理)",
            "sell each customer as many products as possible, even some the firm does not make",
            "by which customers it serves",
            "works with customers to create value and grow together",
        ],
    },
    index=["kind of marketing", "returns", "carried out by", "main activity", "stands out from competitors", "result"],
)
table_1_1

# %% [markdown] id="md-33"
# Computing customer share needs what a customer spends on the whole category, which a firm's own records
# do not hold: it comes from surveys or from what the customer tells their customer manager. A small
# example with made-up figures (yuan a year):

# %% id="code-34"
# illustrative figures, not from the lecture materials: each customer's yearly spending on the category
wallets = pd.DataFrame(
    {"with_us": [12_000.0, 3_000.0, 8_000.0, 500.0], "whole_category": [15_000.0, 20_000.0, 8_000.0, 10_000.0]},
    index=pd.Index(["K1", "K2", "K3", "K4"], name="customer"),
)
wallets["customer_share"] = crmlab.share_of_wallet(wallets["with_us"], wallets["whole_category"])
wallets["room_to_grow"] = wallets["whole_category"] - wallets["with_us"]
wallets

# %% [markdown] id="md-35"
# A market-share view ranks K1 first and hardly notices K2. A customer-share view sees that K2 spends
# more on the category than anyone else but buys only 15 % of it from us: the largest room to grow, and
# the customer a customer manager should call first. K3 buys everything from us already: the task there
# is to keep the relationship.
#
# ## 11 · CRM and new products
#
# The Lecture notes ask how CRM relates to innovation. They list what drives technical and product innovation in
# Chinese firms: national calls to strengthen competitiveness, competition within and across industries,
# breaking foreign firms' technology monopolies, research as a new field of investment and profit, and
# consumers sharing in the benefits of new technology. They then contrast two ways to develop a product:
#
# * **technology-driven development** (技术驱动型开发): the firm has research results and builds products on
#   the new technology;
# * **market-driven development** (市场驱动型开发): the process starts from market needs and competition
#   research, goes through product and needs analysis to a new product concept, designs new performance
#   and functions, develops the technology and the full product, tests it (technically and in the market),
#   adjusts it and launches it.
#
# Even market-driven development, the Lecture notes argue, leaves the relationship between firm and customer
# **asymmetric** (不对称): the customer's needs may not come first; when they do, the firm studies a group
# of customers, so those outside it are ignored and individual needs inside it are averaged away; and the
# customer is surveyed passively, with no repeated two-way interaction. They ask pointed questions:
# is each new round of market research aimed at the same consumers? Are individual needs really negligible?
# Who gains from the asymmetry? CRM closes the gap by keeping a long, two-way contact with each customer.
#
# Their evidence is Table 1-2: a survey of financial-services customers by the Peppers and Rogers Group with
# Roper Starch Worldwide (September 2000), as quoted in the Lecture notes.

# %% id="code-36"
table_1_2 = datasets.load_crm_quality_products()
table_1_2["net_adding"] = table_1_2["share_add_product"] - table_1_2["share_drop_product"]
table_1_2

# %% id="code-37"
# a plain pandas bar chart of the quoted table; use_cjk_font() lets its labels show Chinese
use_cjk_font()
bars = table_1_2.set_index(table_1_2["crm_quality"].astype(str) + " (" + table_1_2["crm_quality_zh"] + ")")[
    ["share_add_product", "share_drop_product"]
].rename(columns={"share_add_product": "add a product (增加产品)", "share_drop_product": "drop a product (减少产品)"})
ax = bars.plot.bar(rot=0, figsize=(7, 4), color=["#0072B2", "#D55E00"])
ax.figure.set_layout_engine("constrained")
ax.set_xlabel("quality of CRM (客户关系管理状态)")
ax.set_ylabel("share of customers in the next 12 months")
ax.yaxis.set_major_formatter("{x:.0%}")
ax.set_title("Table 1-2: CRM quality and product adoption (金融服务领域)")
alt = "Bar chart of Table 1-2: " + "; ".join(
    f"{row.crm_quality} CRM: {row.share_add_product:.0%} likely to add a product, {row.share_drop_product:.0%} to drop one"
    for row in table_1_2.itertuples()
)
show(ax, alt=alt)

# %% [markdown] id="md-38"
# *Figure 1.2 · Table 1-2 of the Lecture notes: share of financial-services customers likely to add or to drop a
# product in the next 12 months, by the quality of the firm's customer relationship management.* Where
# CRM is poor, more customers expect to drop a product (26 %) than to add one (15 %); where it is high,
# almost nobody plans to drop one (1 %) and almost a third plan to add one. The Lecture notes conclude that
# good customer relationships and new-product success go together (正相关): customers in a good
# relationship are the ones who try what the firm offers next. It is a survey of intentions at one time,
# so it shows an association, not a cause.
#
# ## 12 · The strategy map
#
# The Lecture notes' Fig. 1-2, the firm's strategy map (企业的战略地图), crosses two questions: does the firm reach
# customers through mass media or does it interact with each one, and does it sell a standard product or a
# tailored one? The figure is garbled in the material; our reading of its four cells:

# %% id="code-39"
# The Lecture notes, Fig. 1-2 (our reading of a garbled figure)
strategy_map = pd.DataFrame(
    [
        ["III database marketing (数据库型营销)", "IV one-to-one, interdependent relationship (一对一互相依赖关系)"],
        ["I mass marketing (大众化营销)", "II niche marketing (窄渠道营销)"],
    ],
    index=["interacts with each customer (与客户分别进行互动)", "attracts customers through mass media (在大众媒介上吸引客户)"],
    columns=["standard product (标准产品)", "tailored, personalised process (量身定做, 个性化过程)"],
)
strategy_map

# %% [markdown] id="md-40"
# * **I · Mass marketing** (大众化营销; the exam says 大规模营销): mass production, mainly one-way
#   communication, promotion through mass media; success is measured by brand awareness and market share.
# * **II · Niche marketing** (窄渠道营销): the product is adapted to a segment, but the firm still
#   talks to the segment, not to each customer.
# * **III · Database marketing** (数据库营销): the firm knows and addresses each customer through a
#   customer database, while the product stays standard. The exam's source textbook (outside the lecture
#   material) describes a database marketing system with three subsystems: a customer information service
#   (the data), direct-response marketing (reaching customers one by one and measuring their response),
#   and computer-aided selling (support for the sales force).
# * **IV · One-to-one relationship** (一对一营销): interaction with each customer *and* a tailored
#   product; the firm and the customer depend on each other. This is the customer-share strategy of Table 1-1.
#
# The exams also ask about the "three dimensions" of diversified marketing (多元化市场营销中的三维). The
# lectures do not cover it; the exam's source textbook describes the benefits a customer seeks along three
# dimensions: functional benefits (功能利益, what the product does), relational benefits (关系利益, what
# the relationship gives) and process benefits (流程利益, how easy buying and service are). Moving from I
# to IV adds the second and third to the first.
#
# ## Try it yourself
#
# * Change the assumptions of section 2 (`campaign`): at what yearly revenue does a new customer pay
#   back their cost within one year?
# * In section 5, give the carrier a churn rate of 15 %: what does a customer-year of replacement cost now?
# * Change `MARGIN_RATE` or `DISCOUNT` in section 7 and re-run the cells below it: which assumption moves
#   the CLV more?
# * In the sensitivity table, try `delta=0.10` or a 15 % discount rate. When does the effect stay inside
#   25 %–85 %?
# * Add a customer K5 to `wallets` who spends 30,000 yuan on the category and 6,000 with us. Where does
#   K5 rank by sales, and where by room to grow?

# %% id="code-41"
my_campaign = campaign.copy()
my_campaign["yearly_revenue"] = 4_000.0  # try other values
crmlab.acquisition_cost(my_campaign["promotion_spend"], my_campaign["customers_won"]) / crmlab.new_customer_profit(
    my_campaign["yearly_revenue"], my_campaign["margin"]
)

# %% [markdown] id="md-42"
# ## Summary
#
# * Losing 50 customers and winning 50 leaves sales unchanged but costs the firm the acquisition spend,
#   and the higher profit of long-standing customers. Cost of a new customer = promotion spend / customers
#   won; profit of a new customer = yearly revenue × margin.
# * A year's defections look small; over the years the lost customers would have stayed, they are many
#   times larger. State the assumptions (revenue per customer, horizon, discount rate) when you compute them.
# * With churn *c* a customer stays 1 / *c* years, and replacing them costs acquisition cost × *c* per
#   customer a year: \$140 for the carrier of the Article.
# * Customers leave over price, product, service and technology; the data show who left, not why.
# * CLV (客户终身价值): broad = all profit over the relationship; narrow = future profit, *m r* / (1 + *d* − *r*)
#   over an unlimited horizon.
# * "5 % more loyalty, 25 %–85 % more profit" comes from Reichheld & Sasser (1990), who measured the effect
#   of cutting defections by 5 percentage points; the CLV model shows it is large where customers are
#   already loyal and margins grow with tenure.
# * Customer share (客户份额) is the firm's part of a customer's category spending: a customer-share strategy
#   sells more to each customer, through customer managers, with rising returns.
# * In Table 1-2 better CRM goes with more customers adding products and fewer dropping them.
# * The strategy map runs from mass marketing (I) through niche (II) and database marketing (III) to
#   one-to-one relationships (IV).
#
# **Exam-style questions this chapter prepares for** (numbered as on the [sources page](../docs/sources.md): S2-M10 is set 2,
# multiple choice 10 of the Exam collection): S2-M10 (subsystems of a database marketing system),
# S2-M11 (features of mass marketing) and S2-M12 (the three dimensions of diversified marketing), in the
# assignment; the translation item S1-T3 (客户终身价值, customer lifetime value); and from the open papers of
# the Exam collection, the definition of customer lifetime value, customer retention (客户保持) and voluntary churn
# (客户主动流失), and the essay "how to measure customer lifetime value and why it matters" (客户终生价值的测量及意义).
#
# ## References
#
# * The lecture materials, by the names the course gives them (the [sources page](../docs/sources.md) says what each one is):
#   Slides A, the slide deck 《卓越的客户关系管理》 (the opening question, cost and loss analysis, the 5 %
#   claim, kinds of defection); the Lecture notes 《客户关系管理课件》 (market vs customer share, Tables 1-1
#   and 1-2, CRM and new products, Fig. 1-2); the Article, a web article on managing old customers (the
#   wireless company, the International CRM Forum figures); the Exam collection 《客户关系管理ABC》
#   (definitions of CLV and exam questions). Quoted in short phrases with attribution.
# * Berger, P. D., & Nasr, N. I. (1998). Customer lifetime value: marketing models and applications.
#   *Journal of Interactive Marketing*, 12(1), 17–30.
# * DeSouza, G. (1992). Designing a customer retention plan. *Journal of Business Strategy*, 13(2), 24–28.
# * Gupta, S., & Lehmann, D. R. (2003). Customers as assets. *Journal of Interactive Marketing*, 17(1), 9–24.
# * Kotler, P., & Keller, K. L. (2016). *Marketing Management* (15th ed.). Pearson, ch. 5 (the cost of lost customers).
# * Peppers, D., & Rogers, M. (1993). *The One to One Future*. Currency Doubleday (share of customer).
# * Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: quality comes to services. *Harvard Business
#   Review*, 68(5), 105–111.
# * Reichheld, F. F. (1996). *The Loyalty Effect*. Harvard Business School Press.
