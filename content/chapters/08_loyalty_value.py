# %% [markdown] id="md-01"
# # Chapter 8 · Loyalty, RFM and customer value (客户忠诚、RFM与客户价值)
#
# Satisfied customers are the start; loyal customers are the goal, because they come back, spend more,
# cost less to serve and bring others. This chapter defines loyalty and its levels, measures it with the
# eight measures of Slides B (the slide deck 《高级营销师：客户关系管理》), looks at how firms keep customers and why customers leave, and then
# turns to the two tools the course material names for valuing customers: RFM analysis (RFM分析) and the
# customer value matrix of lead, iron, gold and platinum customers, with customer lifetime value between them.
#
# **Learning goals.** After this chapter you can
#
# 1. define customer loyalty, tell it from satisfaction and name its three levels (cognitive, affective, behavioural);
# 2. use the eight loyalty measures of Slides B, combine them into a loyalty index and compute the repeat purchase rate from purchase data;
# 3. name what a firm does to raise the loyalty of ordinary and of big customers, and what personalised service needs;
# 4. define retention and churn (voluntary and involuntary) and read retention indicators from real purchase data;
# 5. compute an RFM table, score it and read the segments;
# 6. compute customer lifetime value and place customers in the value matrix (lead, iron, gold, platinum);
# 7. apply the 80/20 rule to both sales and profit, and explain why segmenting customers is not discrimination.
#
# **Time:** about 75 minutes. **Assignment:** `exercises/08_loyalty_value/08_loyalty_value.ipynb`.
#
# ## Key terms · 关键术语
#
# | English | 中文 |
# |---|---|
# | customer loyalty | 客户忠诚 |
# | cognitive loyalty | 认知忠诚 |
# | affective loyalty | 情感忠诚 |
# | behavioural loyalty | 行为忠诚 |
# | repeat purchase rate | 重复购买率 |
# | loyalty index | 忠诚度指数 |
# | personalised service | 个性化服务 |
# | customer retention | 客户保持 |
# | retention rate | 客户保持率 |
# | customer churn | 客户流失 |
# | voluntary churn | 主动流失 |
# | involuntary churn | 被动流失 |
# | RFM analysis | RFM分析 |
# | recency | 最近一次消费 |
# | frequency | 消费频率 |
# | monetary value | 消费金额 |
# | customer lifetime value (CLV) | 客户终身价值 |
# | customer value matrix | 客户价值矩阵 |
# | lead | 铅质客户 |
# | iron | 铁质客户 |
# | gold | 黄金客户 |
# | platinum | 白金客户 |
# | 80/20 rule | 二八原理 |

# %% id="code-02"
# %config InlineBackend.figure_formats = ["png"]
import pandas as pd

import crmlab
from crmlab import datasets
from crmlab.plotting import rfm_heatmap, show, value_matrix_chart

pd.set_option("display.precision", 3)

# %% [markdown] id="md-03"
# ## 1 · What loyalty is
#
# Slides B defines customer loyalty (客户忠诚) as a customer's recognition of and trust in a firm or a brand
# and its products or services; it grows out of satisfaction that is reinforced again and again. The slide
# draws one line sharply: satisfaction leans towards a *feeling* (感性), while loyalty is an affirmation made
# on a *rational* basis (理性). A customer can be pleased by one visit; loyalty is a judgement that the firm is
# worth coming back to.
#
# The slides name **three levels** of loyalty (顾客忠诚的层次):
#
# | level | 中文 | the customer ... |
# |---|---|---|
# | cognitive loyalty | 认知忠诚 | believes, from what they know, that this offer is the best (price, features) |
# | affective loyalty | 情感忠诚 | likes the firm or the brand; it has become *their* brand |
# | behavioural loyalty | 行为忠诚 | keeps buying, again and again |
#
# The slides list the levels without explaining them; the explanations follow Oliver (1999), who
# describes loyalty as developing in this order (he adds a *conative* stage, the intention to rebuy, before
# action). Cognitive loyalty is the weakest: a better price elsewhere breaks it. Dick and Basu (1994) cross
# attitude with behaviour and warn about the gap between them: a customer who buys often but without
# attachment is *spuriously* loyal (habit, no alternative, a contract), and one who likes the brand but
# rarely buys is *latently* loyal (price, access). Exam question S1-M9 of the Exam collection (《客户关系管理ABC》; S1-M9 is set 1, multiple choice 9, as the
# [sources page](../docs/sources.md) explains) asks where loyalty shows (客户忠诚体现在…; its options are lost): in what the customer
# thinks, feels and does.
#
# ## 2 · Measuring loyalty: the eight measures
#
# Slides B lists eight measures of loyalty (顾客忠诚度的衡量标准). crmlab keeps them, with their Chinese names
# and whether a higher value means *more* loyalty (+1) or *less* (−1):

# %% id="code-04"
pd.DataFrame(
    [(m.label, m.zh, m.direction) for m in crmlab.LOYALTY_MEASURES.values()],
    columns=["measure", "中文", "direction"],
    index=pd.RangeIndex(1, 9, name="#"),
)

# %% [markdown] id="md-05"
# Two measures are reverse-keyed: a customer who is very sensitive to price, or who takes long to choose,
# is *less* loyal. Exam question S1-M1 words two of them differently: "the number of repeat purchases"
# (重复购买的次数) for the repeat purchase *rate*, and "sensitivity to the product" (对产品的敏感程度) for price
# sensitivity.
#
# ### A loyalty index
#
# The slides list the measures but do not say how to combine them. `crmlab.loyalty_index` does it the
# standard way for composite indicators (OECD & JRC 2008): scale each measure to 0–1, turn the reverse-keyed
# ones around, and take a weighted mean (equal weights here), times 100. The six customers below are
# **hypothetical** answers on a seven-point questionnaire, made up for this illustration:

# %% id="code-06"
# hypothetical answers of six customers, 1 (low) ... 7 (high) on each measure
answers = pd.DataFrame(
    {
        "repeat_purchase_rate": [7, 6, 6, 3, 2, 1],
        "brand_attention":      [6, 6, 2, 5, 3, 1],
        "need_satisfaction":    [7, 5, 5, 4, 3, 2],
        "price_sensitivity":    [2, 3, 6, 4, 6, 7],
        "competitor_attitude":  [6, 5, 2, 5, 3, 2],
        "product_acceptance":   [7, 6, 4, 5, 3, 2],
        "choice_time":          [1, 2, 3, 4, 5, 6],
        "quality_tolerance":    [6, 5, 2, 4, 2, 1],
    },
    index=pd.Index(["c1", "c2", "c3", "c4", "c5", "c6"], name="customer"),
)
crmlab.loyalty_index(answers, scale=(1, 7)).round(1)

# %% [markdown] id="md-07"
# Customer c3 buys almost as often as c2 but scores only 41.7: they are price sensitive, cool to the brand
# and would not forgive a quality incident. That is Dick and Basu's *spurious* loyalty: the purchases are
# there, the attachment is not, and a competitor's discount could take them. Customer c4 buys less but
# likes the brand (*latent* loyalty): a reason to make buying easier for them.
#
# ### The repeat purchase rate from purchase data
#
# The first measure can be computed from transactions instead of asked. The course's real data set is the
# purchase history of CDNOW, an online music store: the 23,570 customers who first bought in the first
# quarter of 1997, followed to June 1998 (Fader & Hardie 2001). A purchase is a distinct customer-day.

# %% id="code-08"
cdnow = datasets.load_cdnow()
overall = crmlab.repeat_purchase_rate(cdnow, "customer_id", "date")
first_year = crmlab.repeat_purchase_rate(cdnow, "customer_id", "date", end="1997-12-31")
print(f"customers: {cdnow['customer_id'].nunique()}, purchases (rows): {len(cdnow)}")
print(f"repeat purchase rate, whole period: {overall:.1%}; within 1997: {first_year:.1%}")

# %% [markdown] id="md-09"
# Fewer than half of CDNOW's new customers ever came back for a second purchase in 18 months. For a
# store that paid to win each of them (chapter 1), that is where the money leaks.
#
# ## 3 · Satisfaction and loyalty
#
# The lecture material puts satisfaction first: loyalty comes from satisfaction (Slides A, the slide deck 《卓越的客户关系管理》), and loyalty is
# satisfaction reinforced over time (Slides B); satisfaction is also the basis of trust (chapter 3). Exam
# paper B of the Exam collection asks for the relationship between the two. Three points from the literature complete it:
#
# * satisfaction is necessary but not sufficient: in competitive markets even *satisfied* customers defect,
#   and only the *completely* satisfied are reliably loyal (Jones & Sasser 1995);
# * where customers cannot easily switch (a monopoly, high switching costs), dissatisfied customers stay:
#   behaviour looks loyal while attitude is not (spurious loyalty again);
# * the link runs through value and trust: a customer stays when the relationship remains worth more than
#   the alternatives.
#
# What loyalty brings a firm is the subject of exam question S1-M8: long-term orders, repeat customers, a
# price premium and good word of mouth (and lower costs of serving a customer one knows). Slides A sums it up in one figure, kept in the course's table of quoted figures:

# %% id="code-10"
figure = datasets.load_quoted_figures().set_index("figure").loc["loyalty_profit_gain"]
print(f"{figure['quantity_en']} ({figure['quantity_zh']}): {figure['value']:g}-{figure['value_high']:g} {figure['unit']}")
print(f"source: {figure['source']} (material: {figure['material']})")

# %% [markdown] id="md-11"
# The figure is a measurement from one study of service firms, not a law. With a simple model
# (`crmlab.retention_profit_effect`: constant margin, a 10 % discount rate, no acquisition cost; all
# assumptions) five more points of retention raise the value of a customer by:

# %% id="code-12"
retention = pd.Index([0.6, 0.7, 0.8, 0.9], name="retention before")
pd.Series(crmlab.retention_profit_effect(retention.to_numpy(), delta=0.05), index=retention,
          name="rise in customer value")

# %% [markdown] id="md-13"
# From 20 % to 41 %: the more loyal a firm's customers already are, the more another five points are worth.
# Margins that grow with tenure and the cost of winning customers push the effect up further.
#
# ## 4 · Raising loyalty
#
# Slides B separates ordinary customers from big customers (大客户).
#
# **Ordinary customers** (提高普通顾客忠诚度):
#
# * see the whole customer lifecycle (chapter 2), and give customers one platform to communicate with the
#   firm, so that staff reach them efficiently and more customers give feedback;
# * offer **personalised products and services** (个性化服务), which the slide calls the important means of
#   raising loyalty.
#
# Exam papers A and C of the Exam collection ask what personalised service needs (个性化服务及其实现条件); the
# material does not say. From the literature: data on each customer's needs and history (the customer
# profile cards of chapter 5); ways to interact and learn preferences (the IDIC model of the Exam collection:
# identify, differentiate, interact, customise; Peppers & Rogers 1993); processes that can adapt the
# product at a bearable cost (mass customisation, Pine 1993); staff trained and allowed to adapt; and
# customers willing to share information, which needs trust and privacy protection.
#
# **Big customers** (提高大客户忠诚度), the slide's list:
#
# 1. supply them first (优先供货);
# 2. practise relationship marketing with them (开展关系营销);
# 3. supply new products promptly (及时供应新产品);
# 4. follow what happens in their business (关注大客户的动态);
# 5. have the firm's leaders visit them (安排企业领导访问大客户);
# 6. design promotions together with them (联合设计促销方案);
# 7. ask for their opinions regularly (经常性征求意见);
# 8. the eighth item is **cut off** in Slides B after its first words, 及时准确 ("timely and accurate …");
#    the rest of the slide is lost, so the course does not guess its ending.
#
# ## 5 · Relationships by loyalty
#
# Exam question S2-M14 classifies a firm's customer relationships, from the angle of loyalty, into
# high-quality (优质类), low-quality (低质类), fashion-driven (时尚类) and problem (问题类) relationships.
# The Exam collection gives only the names. Read literally: high-quality
# relationships are stable and profitable; low-quality ones bring little value; fashion-driven ones follow
# trends and move on when the fashion does; problem relationships are marked by disputes or complaints
# (chapter 7) and need repair or an exit. The standard typology in the literature is Dick and Basu's, by
# attitude and repeat buying:
#
# | | repeat buying high | repeat buying low |
# |---|---|---|
# | **relative attitude high** | loyalty | latent loyalty |
# | **relative attitude low** | spurious loyalty | no loyalty |
#
# ## 6 · Retention and churn
#
# **Customer retention (客户保持)** is keeping existing customers buying: the firm's effort, and its result.
# **Churn (客户流失)** is the other side. Exam papers B and C of the Exam collection ask for the definitions of
# voluntary churn (客户主动流失) and involuntary churn (客户被动流失); the material gives no answer, so the
# course uses the definitions of the database-marketing literature (Blattberg, Kim & Neslin 2008):
#
# * **voluntary churn (主动流失)**: the customer decides to leave: dissatisfaction (chapter 6), a better
#   offer, a complaint handled badly (chapter 7); in Slides A's words price, product, service or technology
#   defection (chapter 1);
# * **involuntary churn (被动流失)**: the relationship ends without the customer choosing it: the firm ends
#   it (non-payment, fraud), or circumstances do (the customer moves away, dies, closes down).
#
# The distinction matters because only voluntary churn responds to better service; involuntary churn calls
# for credit checks and payment reminders. Paper B also asks for the methods and indicators of retention.
# The methods are this chapter and the last three: satisfaction, trust, fair treatment, complaint handling,
# personalised service, the big-customer measures. The material names no indicators; the usual ones are:
#
# | indicator | definition |
# |---|---|
# | retention rate (客户保持率) | share of the customers at the start of a period who are still customers at its end |
# | churn rate | 1 − retention rate |
# | average customer lifetime | 1 / churn rate, with a constant churn rate (chapter 1) |
# | repeat purchase rate (重复购买率) | share of customers who bought more than once (section 2) |
# | customer share (客户份额) | the firm's share of the customer's spending in the category (chapter 1) |
# | cohort retention | share of the customers who started in one period that still buy *k* periods later |
#
# In a shop like CDNOW nobody cancels a contract: a customer who stopped buying looks just like one who
# is taking a break (Fader & Hardie call this a non-contractual setting). Retention is then read from who
# is still *buying*. The whole CDNOW data set is one cohort, the customers of the first quarter of 1997:

# %% id="code-14"
cohort = crmlab.cohort_retention(cdnow, "customer_id", "date", period="Q")
cohort

# %% [markdown] id="md-15"
# Of the customers won in the first quarter of 1997, 22.8 % bought again in the next quarter and 14.1 %
# in the sixth quarter. The steepest fall comes right after the first purchase, where a welcome programme
# or a second-purchase offer has the most to win.
#
# ## 7 · RFM analysis
#
# The Exam collection defines RFM analysis (RFM分析法) as computing customer value from three figures: the purchase
# interval, the purchase frequency and the amount spent (购买间隔、购买频率和购买金额):
#
# * **recency (R, 最近一次消费)**: days since the customer's last purchase (fewer is better);
# * **frequency (F, 消费频率)**: the number of purchases in the period;
# * **monetary value (M, 消费金额)**: the total amount spent in the period.
#
# The material stops at the definition. The usual procedure (Hughes 1994) scores each figure 1–5 by
# quintiles, 5 being best, and reads the combination. We use the fictional retail chain's two years of
# purchases (synthetic data, amounts in yuan), looking back from 31 December 2024:

# %% id="code-16"
transactions = datasets.load_retail_transactions()
rfm = crmlab.rfm_table(transactions, "customer_id", "date", "amount", observation_end="2024-12-31")
scores = crmlab.rfm_scores(rfm)
scores.head()

# %% [markdown] id="md-17"
# Customer C0005 bought 36 times for almost 3,000 yuan but not in the last 161 days: F and M are 5, R only
# 2. `rfm_scores` names the segment from the R score and the mean of the F and M scores (a grid common in
# marketing practice, not a published standard; see the docstring). Per segment:

# %% id="code-18"
segments = scores.groupby("segment", observed=True).agg(
    customers=("monetary", "size"),
    median_recency=("recency", "median"),
    median_frequency=("frequency", "median"),
    revenue=("monetary", "sum"),
)
segments["revenue_pct"] = (100 * segments["revenue"] / segments["revenue"].sum()).round(1)
segments.astype({"revenue": "int64"})  # revenue in yuan, share in percent

# %% id="code-19"
ax = rfm_heatmap(scores, value="monetary")
show(ax)

# %% [markdown] id="md-20"
# *Figure 8.1 · Mean spend by recency score R and frequency score F (2,000 customers of the fictional retail
# chain).* Spend rises to the right with frequency in every row. The top-right cells are the champions.
# The bottom-right cells are customers who used to buy often and much and have not come back: the 76
# "can't lose them" customers bring 9.5 % of the revenue, more than the 259 potential loyalists, and they
# are where a retention call pays first.
#
# What to do with the segments is a matter of cost and value: reward and involve the champions and loyal
# customers (the big-customer measures of section 4), win back the at-risk and can't-lose-them customers
# before they go, give new and promising customers a reason for a second purchase, and spend little on the
# hibernating ones.
#
# ## 8 · Customer value: lifetime value and the value matrix
#
# The Exam collection defines **customer lifetime value (客户终身价值, CLV)** in two ways: broadly, the present value of
# all the profit a firm earns from a customer over the whole relationship; narrowly, only the customer's
# *future* profit. The material gives no formula. The standard one (Gupta & Lehmann 2003), for a margin *m*
# per year while the customer stays, a retention rate *r* and a discount rate *d*, is
#
# $$\mathrm{CLV} = \sum_{t=1}^{T} \frac{m\,r^t}{(1+d)^t} \quad\longrightarrow\quad \frac{m\,r}{1+d-r} \text{ for an unlimited horizon,}$$
#
# the narrow definition: future margins only, without the cost of winning the customer.

# %% id="code-21"
print(f"margin 100, retention 80%, discount 10%: CLV = {crmlab.clv(100, 0.8, 0.1):.2f} (unlimited horizon)")
print(f"the same over five years only:          CLV = {crmlab.clv(100, 0.8, 0.1, periods=5):.2f}")

# %% [markdown] id="md-22"
# Move the sliders to see how strongly retention drives lifetime value, and what five more points of
# retention add at each level:

# %% id="code-23"
# NBVAL_IGNORE_OUTPUT
from crmlab.widgets import clv_explorer

clv_explorer(margin=100.0, retention=0.8, discount=0.1)

# %% [markdown] id="md-24"
# ### The customer value matrix (客户价值矩阵)
#
# Exam question S1-S5 asks which customers have high current profit and low future profit, with four
# options: lead (铅质), iron (铁质), gold (黄金) and platinum (白金) customers. The lecture material has
# only the question. The grid behind it crosses **current value** with **future value** (an external
# model, in the tradition of the customer pyramid of Rust, Zeithaml & Lemon 2000, whose four tiers carry the
# same metal names but rank customers by profitability only):
#
# | | future value low | future value high |
# |---|---|---|
# | **current value high** | **gold** (黄金客户): profitable now, little to come; keep them efficiently | **platinum** (白金客户): the best; invest in the relationship |
# | **current value low** | **lead** (铅质客户): little now, little later; serve at low cost | **iron** (铁质客户): little now, much to come; develop them |
#
# So the answer to S1-S5 is **gold**. A four-customer check with `crmlab.value_matrix`, cut at 50 on both axes:

# %% id="code-25"
four = pd.DataFrame(
    {"current_profit": [10.0, 80.0, 30.0, 90.0], "future_profit": [20.0, 10.0, 70.0, 95.0]},
    index=pd.Index(["a", "b", "c", "d"], name="customer"),
)
four_classes = crmlab.value_matrix(four, "current_profit", "future_profit", current_cut=50, future_cut=50)
print("high current, low future value (customer b):", four_classes.loc["b", "value_class"])
four_classes

# %% [markdown] id="md-26"
# On the 200 business customers of the course (synthetic data, 10k yuan): current value is this year's
# profit contribution, future value the expected profit of the next three years. Cut at the medians, every
# customer is "high" when strictly above the median:

# %% id="code-27"
business = datasets.load_b2b_customers()
matrix = crmlab.value_matrix(business, "current_value", "future_value")
print("cuts (medians):", {c: float(business[c].median()) for c in ("current_value", "future_value")})
by_class = matrix.groupby("value_class", observed=False).agg(
    customers=("customer_id", "size"), current=("current_value", "sum"), future=("future_value", "sum")
)
by_class.assign(current_share=by_class["current"] / by_class["current"].sum(),
                future_share=by_class["future"] / by_class["future"].sum())

# %% id="code-28"
ax = value_matrix_chart(matrix, "current_value", "future_value", customer="customer_id")
ax.set_xscale("log")  # values are skewed: a few large customers; log axes spread the rest out
ax.set_yscale("log")
show(ax)

# %% [markdown] id="md-29"
# *Figure 8.2 · The customer value matrix of the 200 business customers (dashed lines at the medians,
# logarithmic axes).*
# The 77 platinum customers bring 76.5 % of this year's profit and 78.2 % of the expected future profit.
# The 23 iron customers bring only 4.0 % of the profit now but 12.6 % of the future profit, more than the
# 23 gold customers (3.2 %): they are the ones to develop. With median cuts, iron and gold always have the
# same number of customers (each side of each median holds half), so compare their values, not their counts.
#
# ## 9 · The 80/20 rule again: sales in one place, profit in another
#
# Chapter 5 classified customers by sales. The Exam collection states the 80/20 rule for sales in one place and for
# profit in another (exam question S1-S6), and the two do not pick the same customers:

# %% id="code-30"
top = len(business) // 5  # the top 20% of 200 customers
by_sales = business.nlargest(top, "sales_this_year")
by_profit = business.nlargest(top, "current_value")
print(f"top 20% by sales bring {by_sales['sales_this_year'].sum() / business['sales_this_year'].sum():.1%} of sales")
print(f"top 20% by profit bring {by_profit['current_value'].sum() / business['current_value'].sum():.1%} of profit")
print(f"customers in both lists: {len(set(by_sales['customer_id']) & set(by_profit['customer_id']))} of {top}")

# %% [markdown] id="md-31"
# Seven of the 40 biggest customers by sales are not among the 40 most profitable: a big customer who
# demands discounts and service can be worth less than a smaller one. In the retail chain the concentration
# is stronger (below). The Article (a web article on how modern firms manage their old customers) draws two lessons: every employee looking at a customer's
# record should see at once whether this customer is in the most valuable 20 % or in the other 80 %; and
# treating customers differently is **not discrimination** but what a firm needs to survive, so that it
# does not spend its money and time on low-value customers. (The Article, machine-reworded, says the aim is
# to keep "low-value" customers, 保留低价值客户; in context it means the high-value ones.)

# %% id="code-32"
spend = rfm["monetary"].sort_values(ascending=False)
print(f"retail chain: the top 20% of customers bring {spend.head(len(spend) // 5).sum() / spend.sum():.1%} of revenue")

# %% [markdown] id="md-33"
# ### Try it yourself
#
# * Score the CDNOW customers instead: `crmlab.rfm_scores(crmlab.rfm_table(cdnow, "customer_id", "date", "amount"))`.
#   Which segment is largest, and why does a music store with many one-time buyers look like that?
# * Use `bins=3` in `crmlab.rfm_scores`. How do the segments change?
# * Cut the value matrix at the 75th percentiles (`current_cut=business["current_value"].quantile(0.75)`).
#   How many platinum customers are left?
# * Change the weights of the loyalty index: `crmlab.loyalty_index(answers, weights={...}, scale=(1, 7))`
#   with the repeat purchase rate weighted 3. Does c3 overtake c4?

# %% id="code-34"
cuts = {"current_cut": business["current_value"].quantile(0.75), "future_cut": business["future_value"].quantile(0.75)}
crmlab.value_matrix(business, "current_value", "future_value", **cuts)["value_class"].value_counts(sort=False)

# %% [markdown] id="md-35"
# ## Summary
#
# * Loyalty is a customer's recognition of and trust in a firm, built on repeated satisfaction but rational
#   rather than emotional (Slides B); it has cognitive, affective and behavioural levels.
# * Eight measures (Slides B): repeat purchase rate, attention to the brand, need satisfaction rate, price
#   sensitivity (reverse), attitude to competitors, acceptance of products, time spent choosing (reverse),
#   tolerance of quality incidents; a loyalty index combines them. Fewer than half of CDNOW's new customers
#   bought twice (48.9 %).
# * Ordinary customers: the lifecycle, one communication platform, personalised service. Big customers:
#   priority supply, relationship marketing, new products, attention, leaders' visits, joint promotions,
#   regular opinions, and an eighth measure cut off in the slides.
# * Retention keeps customers buying; churn is voluntary (the customer's choice) or involuntary.
# * RFM: recency, frequency, monetary value, scored 1–5; the segments tell whom to reward, win back or leave.
# * CLV = present value of future margins, m·r/(1+d−r) without a horizon; the value matrix crosses current
#   and future value: lead, iron, gold (high now, low later), platinum.
# * The 80/20 rule holds for sales and for profit, but not for the same customers; segmenting is not discrimination.
#
# **Exam-style questions this chapter prepares for:** S1-S5 (the value matrix), S1-M1 (loyalty measures),
# S1-M8 (effects of loyalty), S1-M9 (where loyalty shows; an open question, its options are lost) and S2-M14
# (relationships by loyalty), in the assignment; from the open papers of the Exam collection: definitions of customer
# value, customer loyalty, RFM and CLV, voluntary and involuntary churn, retention, personalised service and
# the satisfaction–loyalty relationship.
#
# ## References
#
# * The lecture materials, by the names the course gives them (the [sources page](../docs/sources.md) says what each one is):
#   Slides B, the slide deck 《高级营销师：客户关系管理》 (loyalty, its levels and measures, raising
#   loyalty); the Exam collection 《客户关系管理ABC》 (knowledge points: RFM, CLV definitions; exam questions
#   S1-S5, S1-M1, S1-M8, S1-M9, S2-M14 and open papers A–C); the Article, a web article on managing old
#   customers (80/20, segmenting is not discrimination); Slides A, the slide deck 《卓越的客户关系管理》
#   (loyalty comes from satisfaction, 25 %–85 %). Quoted in short phrases with attribution.
# * Blattberg, R. C., Kim, B.-D., & Neslin, S. A. (2008). *Database Marketing: Analyzing and Managing Customers*. Springer.
# * Dick, A. S., & Basu, K. (1994). Customer loyalty: toward an integrated conceptual framework. *Journal of the
#   Academy of Marketing Science*, 22(2), 99–113.
# * Fader, P. S., & Hardie, B. G. S. (2001). Forecasting repeat sales at CDNOW: a case study. *Interfaces*, 31(3),
#   part 2, S94–S107 (the CDNOW data).
# * Gupta, S., & Lehmann, D. R. (2003). Customers as assets. *Journal of Interactive Marketing*, 17(1), 9–24.
# * Hughes, A. M. (1994). *Strategic Database Marketing*. Probus.
# * Jones, T. O., & Sasser, W. E. (1995). Why satisfied customers defect. *Harvard Business Review*, 73(6), 88–99.
# * OECD & JRC (2008). *Handbook on Constructing Composite Indicators*. OECD Publishing.
# * Oliver, R. L. (1999). Whence consumer loyalty? *Journal of Marketing*, 63 (special issue), 33–44.
# * Peppers, D., & Rogers, M. (1993). *The One to One Future*. Currency Doubleday.
# * Pine, B. J. (1993). *Mass Customization*. Harvard Business School Press.
# * Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: quality comes to services. *Harvard Business
#   Review*, 68(5), 105–111.
# * Rust, R. T., Zeithaml, V. A., & Lemon, K. N. (2000). *Driving Customer Equity*. Free Press.
