# %% [markdown] id="md-01"
# # Chapter 2 · The customer lifecycle (客户生命周期)
#
# A customer relationship is not a single sale: it starts, grows, settles, weakens and ends. The
# lecture material describes this path twice, from two points of view. The Exam collection (《客户关系管理ABC》, a collection of exam
# questions and course notes) follows one customer through five **lifecycle stages** and asks what the
# customer costs and brings the firm in each; the Lecture notes (《客户关系管理课件》) follow the
# **relationship** itself, from the first awareness of a partner to
# commitment or dissolution. This chapter teaches both, reconciles the different stage names the exam
# questions use, and then looks at a purchase history to ask what the data can and cannot tell us
# about the stage a customer is in.
#
# **Learning goals.** After this chapter you can
#
# 1. name the five lifecycle stages of the Exam collection with their sub-periods, and describe the firm's cost and
#    revenue in each stage;
# 2. describe the relationship development process of the Lecture notes (awareness, exploration, expansion,
#    commitment, dissolution), the three marks of commitment, and why leaving early is an *exit*;
# 3. translate between the stage vocabularies of the exam questions;
# 4. explain the three characteristics of a customer relationship, the two kinds of exchange and the
#    start paths A, B and C;
# 5. assign lifecycle stages from a purchase log with explicit rules and measure how often the rules are right;
# 6. read a cohort retention heatmap, and model relationship stages as a Markov chain.
#
# **Time:** about 60 minutes. **Assignment:** `exercises/02_lifecycle/02_lifecycle.ipynb`.
#
# ## Key terms · 关键术语
#
# | English | 中文 |
# |---|---|
# | customer lifecycle | 客户生命周期 |
# | acquisition | 潜在获取期 |
# | potential customer period | 潜在客户期 |
# | customer development period | 客户开发期 |
# | growth | 成长期 |
# | maturity | 成熟期 |
# | decline | 衰退期 |
# | termination | 终止期 |
# | relationship development process | 客户关系基本过程 |
# | awareness | 认知 |
# | exploration | 探测 |
# | expansion | 扩大 |
# | commitment | 承诺 |
# | dissolution | 解除 |
# | exit | 退出 |
# | mutuality | 共同性 |
# | lasting benefit | 利益持续性 |
# | uniqueness | 唯一性 |
# | discrete transaction | 互不关联交易 |
# | relational exchange | 关系型交易 |
# | cohort retention | 同期群留存率 |
# | Markov chain | 马尔可夫链 |
# | transition matrix | 转移矩阵 |

# %% id="code-02"
# %config InlineBackend.figure_formats = ["png"]
import pandas as pd

import crmlab
from crmlab import datasets
from crmlab.glossary import chinese_name, glossary
from crmlab.plotting import cohort_heatmap, lifecycle_curve, show

pd.set_option("display.precision", 3)

# %% [markdown] id="md-03"
# ## 1 · Five stages of the customer lifecycle
#
# The Exam collection (its summary of knowledge points) defines the customer lifecycle as the whole time from the
# moment a customer first learns about the firm, or the firm first sets out to develop the customer,
# until their business relationship has ended completely and everything connected with it has been
# settled. Citing a textbook figure ("图3.1", not in the Exam collection), it divides that time into five stages. The course keeps one
# English label for each; the glossary holds the pairs:

# %% id="code-04"
glossary("lifecycle_stage")[["en", "zh", "note"]]

# %% [markdown] id="md-05"
# What the firm spends on a customer and what the customer brings back change from stage to stage.
# The Exam collection describes only the first stages; **it is silent from maturity on**, so the last three rows
# of the table below come from the marketing literature, not from the lecture (marked *ext.*).
#
# | stage | 中文 | the firm's cost | revenue from the customer | source |
# |---|---|---|---|---|
# | acquisition: potential customer period | 潜在获取期: 潜在客户期 | some spending (finding and approaching the customer) | none yet | Exam collection |
# | acquisition: customer development period | 潜在获取期: 客户开发期 | large: the firm puts many resources into the target customer | little or none | Exam collection |
# | growth | 成长期 | still considerable, but falling | rising; revenue now exceeds the cost, the customer becomes profitable | Exam collection |
# | maturity | 成熟期 | lowest per unit of business: both sides know each other, serving is routine | highest and stable; more products bought, referrals | *ext.*: Reichheld & Sasser (1990); 陈明亮 (2003) |
# | decline | 衰退期 | may rise again if the firm tries to save the relationship | falling: fewer and smaller purchases, the customer shops elsewhere | *ext.*: Dwyer, Schurr & Oh (1987); 陈明亮 (2003) |
# | termination | 终止期 | the cost of settling what is left (open orders, service, complaints) | none | *ext.*; the definition above ends the lifecycle only when these matters are settled |
#
# Reichheld & Sasser (1990) found, across service industries, that the profit a customer brings grows
# with the years the customer stays: the base profit is joined by more purchases, lower operating cost,
# referrals and a price premium. 陈明亮 (2003), a lifecycle model used in many Chinese textbooks, treats
# the stable phase (稳定期) as the highest phase of the relationship. No source gives numbers for *this* course, so the
# chart below is a schematic, not data:

# %% id="code-06"
ax = lifecycle_curve()
show(ax)

# %% [markdown] id="md-07"
# *Figure 2.1 · The customer lifecycle as the literature draws it (schematic, no data).* Profit is
# negative while the firm invests in acquisition, turns positive during growth, peaks in maturity and
# falls in decline. The exam question S1-S4 (set 1 of the Exam collection's choice questions, single choice 4;
# the [sources page](../docs/sources.md) explains the numbers) asks in which period a customer is most valuable: it is
# the stage of maturity, which the question calls the maintenance period (维持期, see section 3).
#
# ## 2 · How a relationship develops (客户关系基本过程)
#
# The Lecture notes look at the relationship rather than at one side's accounts. Their five steps follow Dwyer,
# Schurr & Oh (1987), who described buyer-seller relationships in the same five phases:
#
# 1. **Awareness (认知).** Each side notices the other as a possible partner, weighs how attractive it
#    is, and motivates itself to approach it. Nothing has been exchanged yet.
# 2. **Exploration (探测).** The sides test each other: can the other deliver, and will the relationship
#    pay? They signal what they want from it, show they are willing to negotiate and state their goals,
#    the effort they plan and how fairly they will use their power. Risk, investment and promises are
#    all small. The Lecture notes call this stage fragile (比较脆弱): little holds the sides together yet.
# 3. **Expansion (扩大).** Both sides now see what the other is worth. Their common benefit and their
#    dependence on each other grow, and so do what each invests and risks; they test, check, evaluate
#    and act again, round after round.
# 4. **Commitment (承诺), the key stage (关键环节).** Both sides are satisfied with the benefit and value
#    they expect, and each makes a final pledge to the relationship, in law (a contract) or outside it.
#    The Lecture notes name three marks of commitment:
#    * **investment (投入):** both sides put in resources of a high level and standard;
#    * **consistency (一致性):** they expect the same future from the relationship, in the amount, kind
#      and quality of what they put in;
#    * **durability (持久性):** the benefit to each side can be measured and foreseen, and both look for
#      the long-run benefit of the relationship.
# 5. **Dissolution (解除).** A relationship can stop at **any** stage. It ends when one side, comparing
#    what it puts in, what it gets and the risk it bears, finds them out of proportion; one side's action
#    is enough, and legal or moral disputes may remain. Ending by mutual agreement (for example when the
#    firm gives up that business) is rare. The Lecture notes make a sharp distinction: leaving before
#    commitment is strictly an **exit (退出)** and carries no legal liability; only when a side
#    withdraws from a *committed* relationship is it dissolution in the strict sense, with questions of
#    legal liability.
#
# ### Figure 2-2 of the Lecture notes: dissatisfaction and repair
#
# The Lecture notes' Figure 2-2 draws the stages as a chain of interdependence that two kinds of forces act on.
# **Reinforcing factors** (正强化因素) push the relationship forward: mutual understanding, mutual trust
# and both sides' efforts, supported by management through communication, cooperation and resolving
# conflicts of interest. **Offsetting factors** (抵消因素) pull it back: exit and dissolution, where
# management has to find the causes, deal with the consequences and learn the lessons. Between the
# stages sits **dissatisfaction** (不满意): it makes dissolution in the next round more likely, but if
# management follows it up it becomes a chance to improve the relationship, through crisis handling or
# an effort to save the relationship.
#
# ### The stages as a Markov chain
#
# The lecture materials give no probabilities, so we add a model from the literature (Pfeifer & Carraway 2000): each
# period a relationship moves on one stage, stays where it is, or dissolves, with fixed probabilities
# collected in a **transition matrix (转移矩阵)**, a **Markov chain (马尔可夫链)**. The course's default
# matrix is an *assumption for teaching*, chosen to reflect the Lecture notes' words: exploration is the most
# fragile stage, commitment the most stable, and dissolution is final.

# %% id="code-08"
P = crmlab.default_transition()
P

# %% [markdown] id="md-09"
# Starting with every relationship in awareness, `stage_distribution` computes exactly what share of
# relationships is in each stage after each period:

# %% id="code-10"
shares = crmlab.stage_distribution(P, periods=24)
wide = shares.pivot(index="period", columns="stage", values="share")
wide.loc[[0, 1, 2, 6, 12, 24]].round(3)

# %% id="code-11"
ax = lifecycle_curve(shares)
show(ax)

# %% [markdown] id="md-12"
# *Figure 2.2 · Relationship stages over 24 periods under the default (assumed) transition matrix.*
# Most relationships never reach commitment: they end in the first periods, while still in awareness or
# exploration. The few that commit last long, because the chance of leaving commitment is small.
#
# Where do the endings happen? The expected number of relationships that leave from a stage in a period
# is the share in that stage times its dissolution probability; adding these up over the periods splits
# all endings into exits (before commitment) and dissolutions in the strict sense:

# %% id="code-13"
leaving = wide.iloc[:-1].mul(P["dissolution"], axis=1).drop(columns="dissolution").sum()
pd.DataFrame({"share of all relationships": leaving,
              "kind": ["exit (退出)"] * 3 + ["dissolution (解除)"]})

# %% [markdown] id="md-14"
# Under these assumptions about 70 % of the relationships end as exits, without legal consequences, and
# about 12 % are dissolved after commitment within 24 periods; the rest are still committed. A simulation
# of 1000 single relationships (`simulate_relationship`, seeded) scatters around the exact shares:

# %% id="code-15"
simulated = crmlab.simulate_relationship(P, n_customers=1000, periods=24, seed=2)
comparison = pd.DataFrame({
    "exact": wide.loc[12],
    "simulated, 1000 relationships": simulated.query("period == 12").set_index("stage")["share"],
})
comparison

# %% [markdown] id="md-16"
# Figure 2-2 in numbers: suppose a wave of service failures leaves customers dissatisfied and nobody
# follows it up, so that the dissolution probability doubles in expansion and in commitment (an
# assumption). How many relationships are still committed after 24 periods?

# %% id="code-17"
dissatisfied = P.copy()
dissatisfied.loc["expansion", ["expansion", "dissolution"]] = [0.58, 0.14]
dissatisfied.loc["commitment", ["commitment", "dissolution"]] = [0.94, 0.06]
committed = pd.Series({
    "default": wide.loc[24, "commitment"],
    "dissatisfied, not followed up": crmlab.stage_distribution(dissatisfied, periods=24)
    .query("period == 24").set_index("stage").loc["commitment", "share"],
}, name="share committed after 24 periods")
committed

# %% [markdown] id="md-18"
# Doubling two small probabilities cuts the committed share by about half over two years (from 18 % to
# about 9 %): small risks of losing a relationship add up period after period. Repair, in the model,
# means bringing the dissolution probabilities back down.
#
# ## 3 · One map of the stage names
#
# The exam questions of the Exam collection use several vocabularies for the stages. They come from different
# textbooks and do not match one to one; the map below is the course's reading of them.
#
# | Exam collection lifecycle | S1-S4 options | S1-S7 options | Lecture notes process | S2-M13 options | 陈明亮 (2003) |
# |---|---|---|---|---|---|
# | 潜在获取期 (acquisition) | 建立期 (building) | 潜在期 (potential) | 认知, 探测 | 认知, 探测 | 考察期 |
# | 成长期 (growth) | 加强期 (strengthening) | 成长期 | 扩大 | 扩展 | 形成期 |
# | 成熟期 (maturity) | 维持期 (maintenance) | 成熟期 | 承诺 | 投入 | 稳定期 |
# | 衰退期 (decline) | 恢复期 (restoration) | – | dissatisfaction, repair (Fig. 2-2) | – | 退化期 |
# | 终止期 (termination) | – | – | 解除 (or exit, 退出) | 终止 | – |
#
# Notes on the map:
#
# * **S1-S4** (the most valuable period): 维持期, the maintenance period, is the stage in which the firm
#   keeps a mature relationship going, so it lines up with maturity and with commitment. 恢复期 is the
#   period in which the firm tries to restore a relationship that has weakened or broken: it belongs to
#   decline and to the repair path of Figure 2-2, not to a stage of peak value.
# * **S1-S7** (which is *not* a lifecycle stage): 潜在期 is the potential customer period, the first part
#   of acquisition; 成长期 and 成熟期 are stages of the Exam collection. 调整期 (adjustment) appears in none of the
#   models.
# * **S2-M13** (the stages of the relationship lifecycle) uses 扩展 for the Lecture notes' 扩大 (both mean
#   expansion), 投入 (investment, the first mark of commitment) for the commitment stage, and 终止 for
#   dissolution. Read that way, all five options name stages.
#
# ## 4 · What a customer relationship is
#
# The Lecture notes explain a customer relationship by contrasting it with a plain transaction. Three
# characteristics (客户关系的主要特征) make the difference:
#
# * **Mutuality (共同性, 双向性).** Both the firm and the customer must think the relationship worth
#   keeping for a long time; as soon as one side stops thinking so, the relationship is over (otherwise
#   it is one-sided wishful thinking, 一厢情愿). The firm's side of the effort is in its own hands; the
#   customer makes an effort only because it keeps needing the firm's personalised products or services,
#   which is the deepest reason for CRM. Interaction keeps mutuality alive. The Lecture notes' example is
#   Amazon's online bookshop and its "automated catalogue" (自动化目录); they give no details, but the
#   point is presumably that the catalogue remembers each customer and keeps offering relevant books, so
#   the customer has a reason to come back.
# * **Lasting benefit (利益持续性).** Each side must gain, and keep gaining: a relationship lasts about as
#   long as the shared benefit does (otherwise it is a one-off deal, 一锤子买卖). When the sides are
#   unequal, the Lecture notes give each a task: a **large firm with small customers** should protect and build up
#   the interests of the weaker side; a **small firm with a large customer** should try to enter the
#   customer's supply-chain system and become its first-choice supplier.
# * **Uniqueness (唯一性).** A relationship is one to one. *Absolute* uniqueness means the customer buys
#   this kind of product only from this firm, 100 % loyalty; *relative* uniqueness, the usual case, means
#   the firm is one of several. Behind uniqueness lies mutual dependence; raising the share of unique
#   relationships is a goal of CRM from beginning to end (it is what chapter 1 measures as customer share).
#
# ### Two kinds of exchange and three start paths (Figure 2-1)
#
# The Lecture notes classify exchanges by how interested each side is in a relationship: the seller's interest
# on one axis, the buyer's on the other. With little interest on both sides there are **discrete
# transactions (互不关联交易)**, ordinary sales without a relationship; with strong interest on both sides
# there is **relational exchange (关系型交易)**, trade guided by a developed relationship. Three paths
# lead from the first to the second:
#
# | path | who moves first | remark (Lecture notes) |
# |---|---|---|
# | A | both sides, with equal enthusiasm and effort | |
# | B | the seller is keener and more active | the most common path: the firm has more information, resources and capabilities |
# | C | the buyer is keener and more active | |
#
# Usually one side starts and then both interact. The Lecture notes leave open why a relationship would start on
# path A or C; think of a buyer who needs a scarce input or a tailor-made solution (C), or two firms that
# plan a joint product (A).
#
# Other textbooks classify relationships differently: Kotler (2000) lists five levels of relationship a
# firm can invest in, from basic (sell and leave) through reactive, accountable and proactive to
# partnership; an exam question of the Exam collection (S2-M14) classifies relationships by loyalty, a topic of chapter 8.
#
# ## 5 · Stages from a purchase history
#
# The stages are defined by costs, revenue and intentions, none of which a till records. What a firm does
# have is a purchase log. The course's fictional retail chain has 2000 customers and their purchases from
# 2023 to 2024 (seeded synthetic data, see `datasets/README.md`); because the data are synthetic we also
# know the **true** stage each customer was in on 2024-12-31, which real data never tell us.

# %% id="code-19"
transactions = datasets.load_retail_transactions()
customers = datasets.load_retail_customers()
print(f"{len(transactions)} purchases by {transactions['customer_id'].nunique()} customers, "
      f"{transactions['date'].min():%Y-%m-%d} to {transactions['date'].max():%Y-%m-%d}")
transactions.head()

# %% [markdown] id="md-20"
# `lifecycle_stage` assigns a stage to every customer with five explicit rules, applied in this order on
# the observation day: **termination** if the last purchase is more than `churn_days` (180) days old;
# **acquisition** if the first purchase is at most `new_days` (90) days old or the customer has bought only
# once; **growth** if spending in the last `window_days` (180) days is more than 20 % above the 180 days
# before; **decline** if it is more than 20 % below (or zero); **maturity** otherwise.

# %% id="code-21"
stages = crmlab.lifecycle_stage(transactions, "customer_id", "date", "amount", observation_end="2024-12-31")
stages[["tenure_days", "recency_days", "frequency", "recent_spend", "earlier_spend", "stage"]].head()

# %% id="code-22"
truth = customers.set_index("customer_id")["stage"]
table = pd.crosstab(truth.rename("true stage"), stages["stage"].rename("rule"), margins=True)
table

# %% id="code-23"
agree = (stages["stage"].astype(str) == truth.astype(str)).mean()
print(f"the rules agree with the true stage for {agree:.1%} of the customers")
by_stage = pd.crosstab(truth, stages["stage"], normalize="index")
pd.Series({s: by_stage.loc[s, s] for s in crmlab.LIFECYCLE_STAGES}, name="share recognised").to_frame()

# %% [markdown] id="md-24"
# The rules are right for only about half of the customers. The table shows where they go wrong:
#
# * most customers who are truly **mature** are labelled **growth**: the rule compares this half-year with
#   the last, and a customer who has recently reached full speed still spends more than a year ago;
# * some **terminated** customers are still labelled growth, decline or acquisition: the relationship has
#   ended, but fewer than 180 days ago, so silence is not yet long enough to prove it;
# * **termination** is recognised for about two thirds of the customers whose relationship has ended, and
#   when the rules say termination they are almost always right; maturity, by contrast, is rarely assigned at all.
#
# This is the general lesson of rule-based segmentation: the rules are transparent and easy to act on, but
# their thresholds are guesses, and in a non-contractual business the end of a relationship is never
# observed, only inferred from silence (Reinartz & Kumar 2000). Always check a heuristic against whatever
# truth you can find (a survey, a cancelled contract, a held-out period) before acting on it. A few other
# thresholds:

# %% id="code-25"
trials = []
for churn_days in (90, 180):
    for window_days in (90, 180, 270):
        found = crmlab.lifecycle_stage(transactions, "customer_id", "date", "amount", "2024-12-31",
                                       churn_days=churn_days, window_days=window_days)["stage"]
        trials.append({"churn_days": churn_days, "window_days": window_days,
                       "agreement": (found.astype(str) == truth.astype(str)).mean()})
pd.DataFrame(trials)

# %% [markdown] id="md-26"
# No setting gets far beyond 56 %: the stages overlap in what a purchase log shows. The same rules, run at
# the end of each quarter on the purchases known by then, show how the chain's customer base moved
# through the stages:

# %% id="code-27"
quarter_ends = pd.date_range("2023-06-30", "2024-12-31", freq="QE")
counts = pd.DataFrame({
    end: crmlab.lifecycle_stage(transactions[transactions["date"] <= end], "customer_id", "date", "amount", end)[
        "stage"].value_counts()
    for end in quarter_ends
}).T.rename_axis("quarter end")
counts

# %% id="code-28"
ax = lifecycle_curve(counts)
show(ax)

# %% [markdown] id="md-29"
# *Figure 2.3 · Customers of the retail chain per lifecycle stage at the end of each quarter (by the
# rules).* The chain keeps winning customers, so the acquisition and growth layers stay thick, while
# the termination layer grows steadily: ended relationships pile up.
#
# ## 6 · Cohort retention
#
# A cohort (同期群) is the group of customers who made their first purchase in the same period. Cohort
# retention (同期群留存率) follows each cohort and asks what share of it buys again 1, 2, 3 ... periods later.

# %% id="code-30"
retention = crmlab.cohort_retention(transactions, "customer_id", "date", period="Q")
sizes = crmlab.cohort_retention(transactions, "customer_id", "date", period="Q", counts=True)[0]
retention.assign(customers=sizes)

# %% id="code-31"
ax = cohort_heatmap(retention)
show(ax)

# %% [markdown] id="md-32"
# *Figure 2.4 · Quarterly cohort retention of the retail chain.* Read a row from left to right to follow
# one cohort; read a column from top to bottom to compare cohorts at the same age. About three quarters
# of each cohort buy again in the quarter after their first purchase, and the share then falls slowly:
# of the first cohort (2023Q1), 44 % still buy in their eighth quarter. The steep first step is the exit
# of relationships that never got past exploration; the slow decline afterwards is the dissolution of
# established ones. Blank cells are periods the data do not reach yet.
#
# ## 7 · Explore: the relationship chain
#
# Move the sliders to change the chance of advancing from each stage and of dissolving from it. Try to
# answer: which single probability matters most for the share of committed relationships after two
# years? What happens when exploration is less fragile?

# %% id="code-33"
# NBVAL_IGNORE_OUTPUT
from crmlab.widgets import relationship_explorer

relationship_explorer(periods=24)

# %% [markdown] id="md-34"
# ### Try it yourself
#
# * Change `churn_days` and `new_days` in the cell below. Which stages gain and which lose recognition?
#   Is there a setting that recognises mature customers well, and what does it cost elsewhere?
# * Compute the cohort retention by month (`period="M"`): what changes in the picture, and why is the
#   heatmap harder to read?
# * Build your own transition matrix in which a relationship can also step back from expansion to
#   exploration (rows must still sum to 1) and run `crmlab.stage_distribution` on it.

# %% id="code-35"
churn_days, new_days = 180, 90  # try 120 and 60
found = crmlab.lifecycle_stage(transactions, "customer_id", "date", "amount", "2024-12-31",
                               churn_days=churn_days, new_days=new_days)["stage"]
pd.crosstab(truth.rename("true stage"), found.rename("rule"), normalize="index").round(2)

# %% [markdown] id="md-36"
# ## Summary
#
# * The Exam collection's **lifecycle** has five stages: acquisition (潜在获取期, with the potential customer and the
#   customer development periods), growth, maturity, decline and termination. The firm invests first;
#   the customer becomes profitable in growth and most valuable in maturity (the literature's part).
# * The Lecture notes' **relationship process**: awareness, exploration (fragile), expansion, commitment (the key
#   stage; investment, consistency, durability) and dissolution, possible from any stage. Leaving before
#   commitment is an exit; only dissolution after commitment raises legal liability.
# * Dissatisfaction raises the chance of dissolution, or, followed up, is a chance to repair (Fig. 2-2).
# * The exam vocabularies map onto each other: 维持期 ≈ maturity ≈ commitment; 投入 ≈ 承诺; 终止 ≈ 解除;
#   调整期 is no stage.
# * A relationship needs mutuality, lasting benefit and (relative or absolute) uniqueness; exchanges run
#   from discrete transactions to relational exchange along paths A, B (most common) or C.
# * Rules can assign stages from a purchase log, but they agreed with the truth for only about half of the
#   customers here: check heuristics before using them. Cohort retention and a Markov chain show how
#   relationships thin out over time.
#
# **Exam-style questions this chapter prepares for:** S1-S4 (the most valuable period), S1-S7 (which is
# not a lifecycle stage) and S2-M13 (the stages of the relationship lifecycle), in the assignment; the
# translation item S1-T5 (客户生命周期); the definition of a customer relationship (客户关系, papers A, B,
# C) and the short answer "客户关系有哪几种类型?" (paper A) of the Exam collection's open papers.
#
# ## References
#
# * The lecture materials, by the names the course gives them (the [sources page](../docs/sources.md) says what each one is):
#   the Lecture notes 《客户关系管理课件》, chapter 2 (characteristics, Fig. 2-1, the relationship process,
#   Fig. 2-2); the Exam collection 《客户关系管理ABC》, knowledge points (the customer lifecycle) and exam
#   questions. Quoted in short phrases with attribution.
# * Dwyer, F. R., Schurr, P. H., & Oh, S. (1987). Developing buyer-seller relationships. *Journal of
#   Marketing*, 51(2), 11–27.
# * Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: quality comes to services. *Harvard
#   Business Review*, 68(5), 105–111.
# * 陈明亮 (2003). 客户生命周期模式研究. 浙江大学学报(人文社会科学版), 33(6), 66–72.
# * Reinartz, W. J., & Kumar, V. (2000). On the profitability of long-life customers in a noncontractual
#   setting. *Journal of Marketing*, 64(4), 17–35.
# * Pfeifer, P. E., & Carraway, R. L. (2000). Modeling customer relationships as Markov chains. *Journal of
#   Interactive Marketing*, 14(2), 43–55.
# * Fader, P. S., & Hardie, B. G. S. (2007). How to project customer retention. *Journal of Interactive
#   Marketing*, 21(1), 76–90.
# * Kotler, P. (2000). *Marketing Management* (Millennium ed.). Upper Saddle River, NJ: Prentice Hall.
