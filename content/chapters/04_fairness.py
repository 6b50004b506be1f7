# %% [markdown] id="md-01"
# # Chapter 4 · Fairness (公平性)
#
# A customer who feels cheated leaves, even when the price was good. The Lecture notes (《客户关系管理课件》)
# name fairness (公平性) as one of the factors that shape a customer relationship, beside trust (信任),
# assurance (保证) and dependence (依赖性), and say that it acts on trust and assurance in turn. They
# distinguish two kinds: fairness of the *rules* and fairness of the *results*. This chapter teaches both,
# then adds two tools the notes do not have: equity ratios to measure distributive fairness, and a
# small simulation of customers who put up with one unfair outcome but not with repeated ones.
#
# **Learning goals.** After this chapter you can
#
# 1. define procedural fairness (程序公平) and explain its three roles: foundation, object of promises, predictability;
# 2. recognise typical procedural violations: hidden surcharges (价外加价) and deliberate information asymmetry (信息不对称);
# 3. define distributive fairness (分配结果公平), distinguish one-off from long-run fairness, and state which kinds of short-term unfairness customers accept;
# 4. explain nominal versus factual distributive fairness with the lecture's suggestion-reward example;
# 5. compute equity ratios (Adams 1965) for a table of customers and judge who is under- or overpaid;
# 6. read a simulation of repeated unfairness and service recovery, and name the assumptions it rests on.
#
# **Time:** about 45 minutes. **Assignment:** `exercises/04_fairness/04_fairness.ipynb`.
#
# ## Key terms · 关键术语
#
# | English | 中文 |
# |---|---|
# | fairness | 公平性 |
# | procedural fairness | 程序公平 |
# | distributive fairness | 分配结果公平 |
# | hidden surcharge | 价外加价 |
# | information asymmetry | 信息不对称 |
# | one-off distributive fairness | 一次性分配公平 |
# | long-run distributive fairness | 长远性分配公平 |
# | nominal distributive fairness | 名义分配公平 |
# | factual distributive fairness | 事实分配公平 |
# | equity theory | 公平理论 |
# | equity ratio | 产出投入比 |
# | service recovery | 服务补救 |

# %% id="code-02"
# %config InlineBackend.figure_formats = ["png"]
import pandas as pd

import crmlab
from crmlab.plotting import cohort_heatmap, show

pd.set_option("display.precision", 3)
pd.set_option("display.width", 120)
pd.set_option("display.max_columns", 12)

# %% [markdown] id="md-03"
# ## 1 · Where fairness sits in a relationship
#
# The Lecture notes list the factors that act directly on building a customer relationship: trust, assurance,
# dependence and fairness. Fairness comes last in the list but reaches into the others: a customer who
# feels treated unfairly stops trusting, and the firm's assurances (its promises about the future) stop
# counting. The notes treat fairness from both sides of the relationship, firm and customer, and split
# it in two:
#
# | | procedural fairness (程序公平) | distributive fairness (分配结果公平) |
# |---|---|---|
# | about | the rules, procedures and conduct of the relationship | what each side gets back for what it puts in |
# | question the customer asks | "Was I treated by fair rules?" | "Did I get my fair share?" |
# | role (Lecture notes) | the foundation | drives the long-run development of the relationship |
# | can the firm promise it? | yes | only "we will do our best" |
#
# The notes add that procedural fairness is to some degree *independent* of the result: fair rules can
# produce an outcome that happens to be poor, and unfair rules can produce an outcome that happens to be good.
#
# ## 2 · Procedural fairness (程序公平): the foundation
#
# The procedures and behaviour used while a relationship is built and run are fair. The Lecture notes give it
# three roles; in our own words:
#
# 1. **Foundation (基础性作用).** With fair procedures, a relationship can tolerate some unfairness in
#    the outcomes. With unfair procedures the outcome cannot be fair, and *even a fair outcome is
#    suspected*: the other side wonders what was hidden, and trust is shaken.
# 2. **What can be promised (保证的指向).** A firm can guarantee its procedures: published prices, stated
#    rules, the same treatment for everyone. It cannot guarantee that every result is fair; it can only
#    promise to try.
# 3. **Predictability (可预期性).** Under fair procedures, and barring surprises, both sides can foresee and
#    judge whether an outcome will be fair before it happens.
#
# The notes name two typical procedural violations (典型的程序不公):
#
# * **hidden surcharges (价外加价):** charges added on top of the quoted price, for example a "service fee"
#   that appears only on the bill, or a delivery charge revealed at the last step of an online checkout;
# * **deliberately created information asymmetry (故意制造信息不对称):** one side keeps the other
#   uninformed on purpose, for example fee schedules in fine print, or a loyal customer who is never told
#   that a cheaper plan now exists.
#
# Note what makes the surcharge unfair: not the total price (the customer might pay the same at a
# competitor that quotes all-inclusive prices), but the *procedure*: the rule was hidden and changed the
# deal after the customer had committed. That is why procedural fairness is the one a firm can promise: it
# is under its control.
#
# *Beyond the lecture (external).* Research on justice names criteria for fair procedures, e.g.
# consistency across people and time, suppression of bias, accurate information, a way to correct
# decisions, a voice for the people affected, and ethical conduct (Leventhal 1980); in services,
# customers judge the fairness of a firm's rules, of its outcomes and of how its staff treat them
# (Seiders & Berry 1998). The lecture notes do not use these lists; they are a checklist for section 7.
#
# ## 3 · Distributive fairness (分配结果公平)
#
# Each side, having carried its share of the relationship's duties, expects a fair return: that is
# distributive fairness, the fairness of the result. The Lecture notes say three things about it:
#
# * **It develops the relationship (发展作用).** Fair outcomes help the relationship last, so CRM should
#   monitor and adjust them.
# * **One-off vs long-run (一次性、长远性).** Customers can put up with *one* unfair outcome but not with
#   repeated ones. They usually accept two patterns:
#   * **A:** "unfair this time, compensated next time" (本次不公，下次补偿);
#   * **B:** "unfair this time, better off in the long run" (本次不公，长期获益).
# * **The highest level (最高境界).** Every single distribution is fair, with each side's benefit worked out
#   exactly.
#
# Pattern A is what the service literature calls **service recovery (服务补救)**: acknowledging a failure
# and making it good. How the recovery is handled (compensation, speed, an apology) shapes how fairly
# customers judge the episode and how satisfied they end up (Smith, Bolton & Wagner 1999; Tax, Brown &
# Chandrashekaran 1998). Section 6 models both claims.
#
# ## 4 · Measuring distributive fairness: equity ratios
#
# The notes say *what* distributive fairness is but give no way to measure it. The standard tool is
# **equity theory (公平理论)** (Adams 1965; *external*): a party compares the ratio of what it gets
# (outcomes) to what it gives (inputs) with the ratio of someone it compares itself with:
#
# $$\text{equity ratio} = \frac{\text{outcomes}}{\text{inputs}}, \qquad \text{gap} = \frac{\text{ratio}}{\text{reference ratio}} - 1 .$$
#
# A gap below the tolerance band is felt as **underpaid (报酬不足)**, above it as **overpaid (报酬过度)**.
# Adams found that both directions feel like inequity (being overpaid brings some guilt), but people react
# far more strongly to being underpaid. `crmlab.equity_ratios` computes the ratios and labels them; its
# tolerance of 5 % (a difference too small to be noticed) is a teaching assumption, not an estimate.
#
# **Worked example (figures invented for this chapter).** A supplier promises its distributors a
# year-end package of rebates and support worth 5 % of their purchases; that published rule is its
# procedure. Here is what five distributors bought and received (10k yuan):

# %% id="code-04"
distributors = pd.DataFrame(
    {"purchases": [500.0, 300.0, 200.0, 400.0, 100.0],
     "rebates_and_support": [25.0, 15.0, 14.0, 12.0, 5.2]},
    index=pd.Index(["Jia 甲", "Yi 乙", "Bing 丙", "Ding 丁", "Wu 戊"], name="distributor"),
)
# reference: the published rule, 5 % of purchases
crmlab.equity_ratios(distributors, "rebates_and_support", "purchases", reference_ratio=0.05)

# %% [markdown] id="md-05"
# Jia, Yi and Wu got what the rule promised (Wu's 5.2 % is within the 5 % tolerance band). Ding got 3 %:
# its gap of -0.40 means it received 40 % less per yuan of purchases than the rule says, so it is
# **underpaid**. Bing got 7 %: **overpaid**. Note that Bing's favour is also a problem for the others: once
# Jia or Ding learn of it, they compare themselves with Bing, not with the rule.
#
# Without a published rule, parties compare themselves with "the going rate". `equity_ratios` then uses
# the pooled ratio of all parties (total outcomes / total inputs):

# %% id="code-06"
pooled = crmlab.equity_ratios(distributors, "rebates_and_support", "purchases")
pooled[["equity_ratio", "reference_ratio", "ratio_gap", "equity"]]

# %% [markdown] id="md-07"
# The pooled rate is about 4.75 %, pulled down by Ding's short payment, so now Jia, Yi and Wu look
# *overpaid*. The lesson is the lecture's: a published, predictable procedure gives everyone the same
# yardstick. Without it, one unfair outcome distorts the comparison for everybody.
#
# You can also take one party as the reference, the "comparison other" of Adams's theory: Ding compares
# itself with Jia, its neighbour. Jia received exactly the published rate, so the verdicts are those of the
# rule; try another comparison party in the *Try it yourself* section.

# %% id="code-08"
crmlab.equity_ratios(distributors, "rebates_and_support", "purchases", reference="Jia 甲")[["equity_ratio", "ratio_gap", "equity"]]

# %% [markdown] id="md-09"
# ## 5 · The suggestion-reward example: nominal vs factual fairness
#
# The Lecture notes close their fairness section with an example. Firms often invite customers' opinions,
# suggestions and criticism and pay a small material reward for them. As payment for *input to the
# firm's decisions*, the reward is a fair distribution. But when the firm actually adopts a suggestion and
# it brings new profit, the original reward is only **nominal distributive fairness (名义分配公平)**; in
# fact the distribution is unfair. **Factual distributive fairness (事实分配公平)** pays part of the new
# profit to the customer who made the suggestion. That is the "highest level": each distribution worked out
# exactly.
#
# Equity ratios make the difference visible. Three customers each made one suggestion and each received
# the standard reward; B's and C's suggestions were adopted. The figures (yuan) are invented for this
# example:

# %% id="code-10"
suggestions = pd.DataFrame(
    {"reward": [2000.0, 2000.0, 2000.0],
     "suggestions_made": [1, 1, 1],
     "new_profit": [0.0, 20_000.0, 200_000.0]},
    index=pd.Index(["A (not adopted)", "B (adopted)", "C (adopted)"], name="customer"),
)
# nominal view: the input is the suggestion itself
crmlab.equity_ratios(suggestions, "reward", "suggestions_made")[["equity_ratio", "equity"]]

# %% id="code-11"
# factual view: the input is the new profit the adopted suggestions created
adopted = suggestions[suggestions["new_profit"] > 0]
crmlab.equity_ratios(adopted, "reward", "new_profit")[["equity_ratio", "reference_ratio", "equity"]]

# %% [markdown] id="md-12"
# Counted per suggestion, everyone is treated alike: nominal fairness. Counted against the profit created,
# C received 1 % of the value of its idea while B received 10 %: C is underpaid. What share of the new
# profit to pay, and for how long, the notes leave open; a firm has to choose one, and publish it (a
# procedure). Below, as an **assumption** of ours, the firm adds 5 % of the first-year new profit to the
# standard reward:

# %% id="code-13"
share = 0.05  # assumption: 5 % of the first-year new profit goes to the customer
policy = suggestions.assign(profit_share=share * suggestions["new_profit"])
policy["total_reward"] = policy["reward"] + policy["profit_share"]
policy[["reward", "profit_share", "total_reward", "new_profit"]]

# %% [markdown] id="md-14"
# ## 6 · Repeated unfairness: a simulation
#
# The notes claim that customers tolerate a one-off unfair outcome but not repeated ones, and accept
# "unfair now, compensated next time". They give no numbers. `crmlab.simulate_fairness` turns the claim
# into a small model so that we can see what it implies. **Every part of it is an assumption**, built to
# mirror the lecture's claim, not a finding:
#
# 1. each customer has a number of interactions (purchases, service encounters) with the firm, one per step;
# 2. each interaction is unfair with the same probability, independently of everything else (only
#    distributive unfairness; the procedures are held fixed);
# 3. the firm compensates an unfair outcome with a given probability ("compensated next time"); by default
#    a compensated outcome is fully forgiven (`recovery=1`);
# 4. every uncompensated unfair outcome adds one unit of *grievance*, and by default customers never forget
#    (`forgetting=0`);
# 5. a grievance up to the *tolerance* (default 1: one uncompensated unfair outcome) carries no extra risk of
#    leaving; each unit beyond it makes the customer leave with probability 0.3 (`churn_step`); customers who
#    leave do not come back; no other reasons for leaving (`base_churn=0`).
#
# The default numbers (tolerance 1, 0.3 per unit) are teaching values, not estimates. The simulation is
# seeded, so every run of this notebook gives the same figures.
#
# First, the claim itself as the model encodes it. Every customer gets an unfair outcome at every
# interaction (`unfair_prob=1`), and nobody is compensated:

# %% id="code-15"
always_unfair = crmlab.simulate_fairness(1000, 3, 1.0, seed=0)
always_unfair[["interaction", "customers_retained", "churn_rate", "mean_grievance"]]

# %% [markdown] id="md-16"
# After one unfair outcome nobody leaves: the model's tolerance, which is the lecture's claim written as
# an assumption. At the second, about 30 % of the customers leave (28 % in this run); at the third, about
# half of those still there, because the grievances pile up. This is not evidence that customers behave so: it is what we told the model.
#
# The interesting questions are quantitative: how fast does a small rate of unfairness erode the customer
# base, and how much does compensation save? Here are 2,000 customers over 20 interactions, for four rates of
# unfair outcomes and three compensation policies:

# %% id="code-17"
sim = crmlab.simulate_fairness(2000, 20, [0.05, 0.1, 0.2, 0.3], compensation=[0.0, 0.5, 0.9], seed=4)
final = sim[sim["interaction"] == 20]
final.pivot(index="unfair_prob", columns="compensation", values="share_retained")

# %% [markdown] id="md-18"
# Read the table row by row. Without compensation (first column), even 5 % unfair outcomes cost more than
# a fifth of the customers over 20 interactions, and 20 % unfair outcomes cost almost nine in ten. With 90 %
# of unfair outcomes compensated (last column), at least 90 % of the customers stay in every row: under
# these assumptions "unfair now, compensated next time" is what keeps repeated unfairness from becoming
# churn.
#
# The chart follows each scenario over time. Each scenario's 2,000 customers start together, like a
# cohort, so the cohort heatmap of chapter 2 can show it: rows are scenarios, columns interactions.

# %% id="code-19"
grid = sim[sim["interaction"] % 2 == 0].pivot_table(
    index=["unfair_prob", "compensation"], columns="interaction", values="share_retained"
)
grid.index = [f"unfair {p:.0%}, compensated {c:.0%}" for p, c in grid.index]
ax = cohort_heatmap(grid)
ax.set_xlabel("interactions since the start (交互次数)")
ax.set_ylabel("scenario (情景: 不公平结果概率, 补偿概率)")
ax.set_title("Share of customers retained under repeated unfairness (重复不公平下的客户保持率)")
worst, best = final.loc[final["share_retained"].idxmin()], final.loc[final["share_retained"].idxmax()]
show(ax, alt=(
    f"Heatmap of the share of customers retained over 20 interactions in {len(grid)} simulated scenarios: "
    f"after 20 interactions it ranges from {worst.share_retained:.0%} (unfair {worst.unfair_prob:.0%}, "
    f"compensated {worst.compensation:.0%}) to {best.share_retained:.0%} (unfair {best.unfair_prob:.0%}, "
    f"compensated {best.compensation:.0%})."
))

# %% [markdown] id="md-20"
# *Figure 4.1 · Customers retained under repeated unfairness (simulated, 2,000 customers per scenario,
# seed 4).* Without compensation the share retained falls faster the higher the rate of unfair outcomes;
# with 90 % compensation it stays above 90 % in every scenario. The first unfair outcome costs nothing in
# this model (its tolerance): losses start from the second.
#
# ### Explore: tolerance, compensation, forgetting
#
# Move the sliders. The chart compares the chosen compensation rate with no compensation, on the same
# random numbers. Try a tolerance of 0 (customers who forgive nothing), and a forgetting rate of 0.2
# (grievances fade after fair interactions): which of the lecture's two accepted patterns does forgetting
# resemble?

# %% id="code-21"
# NBVAL_IGNORE_OUTPUT
from crmlab.widgets import fairness_explorer

fairness_explorer(n_customers=1000, seed=0)

# %% [markdown] id="md-22"
# ### Try it yourself
#
# * Change the reference in section 4 from the published 5 % to Bing's ratio (`reference="Bing 丙"`). Who
#   is underpaid now, and why would Bing's favour spread discontent?
# * In section 5, find the profit share at which C's total reward reaches 10 % of the new profit it created.
# * Rerun the simulation with `tolerance=0`, then with `tolerance=2`. How much do the retention figures
#   depend on this one assumption? What kind of data would you need to estimate it?
# * Add `forgetting=0.2` and compare with compensation: is "forgotten over time" the same as "compensated next time"?

# %% id="code-23"
compare_with = {"reference_ratio": 0.05}  # try {"reference": "Bing 丙"}
crmlab.equity_ratios(distributors, "rebates_and_support", "purchases", **compare_with)[["equity_ratio", "ratio_gap", "equity"]]

# %% id="code-24"
tolerance = 1.0  # try 0.0 and 2.0
check = crmlab.simulate_fairness(2000, 20, [0.1, 0.2], compensation=[0.0, 0.9], seed=4, tolerance=tolerance)
check[check["interaction"] == 20].pivot(index="unfair_prob", columns="compensation", values="share_retained")

# %% [markdown] id="md-25"
# ## 7 · Fairness in practice
#
# What the two kinds of fairness ask of a firm, collected from the lecture and the literature cited above:
#
# * **Procedural:** quote all-inclusive prices and no charges "on top" (no 价外加价); publish the rules of
#   rebates, points and discounts, and apply them to everyone in the same way; tell customers what they
#   need to know, including news that is good for them (a cheaper plan); give them a way to complain and
#   have decisions corrected.
# * **Distributive:** check outcomes against the rule (equity ratios per customer or group); when an
#   outcome is unfair, admit it and compensate soon (service recovery), because the second unfair outcome
#   is the one customers do not forgive; when a customer's input creates value for the firm, as an adopted
#   suggestion does, share that value (factual fairness).
#
# Fairness runs both ways. The notes ask both sides for it, just as they ask both sides to avoid
# opportunism in chapter 3: a customer who exploits a generous return policy treats the firm unfairly too.
#
# ## Summary
#
# * Procedural fairness (程序公平) concerns the rules: it is the foundation, the part a firm can promise, and
#   it makes outcomes predictable. Hidden surcharges and deliberate information asymmetry violate it; with
#   unfair procedures even a fair outcome is distrusted.
# * Distributive fairness (分配结果公平) concerns the results: customers tolerate a one-off unfair outcome
#   but not repeated ones; they accept "unfair now, compensated next time" and "unfair now, better in the
#   long run"; the highest level is a fair, exactly computed split every time.
# * A fixed reward for a suggestion is nominally fair; when the suggestion creates new profit, factual
#   fairness shares part of it.
# * Equity ratios (outcome / input, Adams 1965) measure distributive fairness against a reference: a
#   published rule, the pooled "going rate" or another party. In the worked example, Ding (3 %) is underpaid
#   and Bing (7 %) overpaid against the published 5 %.
# * In a simulation whose assumptions mirror the lecture's claim, compensation keeps repeated unfairness
#   from turning into churn; the figures depend on the assumed tolerance and churn step.
#
# **Exam-style questions this chapter prepares for.** The choice questions of the Exam collection (《客户关系管理ABC》)
# contain none on fairness, and its open exam papers do not ask for it by name. The assignment's written items follow the
# papers' short-answer style (简答题): define the two kinds of fairness and apply them to a case, and explain
# nominal versus factual fairness; its computed items use equity ratios and the simulation.
#
# ## References
#
# * The lecture materials, by the names the course gives them (the [sources page](../docs/sources.md) says what each one is):
#   the Lecture notes 《客户关系管理课件》, chapter 2, section 3 (影响因素: 信任, 保证, 依赖性, 公平性); the
#   Exam collection 《客户关系管理ABC》 (its open exam papers). Quoted in short phrases with attribution.
# * Adams, J. S. (1965). Inequity in social exchange. In L. Berkowitz (Ed.), *Advances in Experimental
#   Social Psychology* (Vol. 2, pp. 267-299). Academic Press.
# * Leventhal, G. S. (1980). What should be done with equity theory? New approaches to the study of
#   fairness in social relationships. In K. Gergen, M. Greenberg & R. Willis (Eds.), *Social Exchange:
#   Advances in Theory and Research* (pp. 27-55). Plenum.
# * Seiders, K., & Berry, L. L. (1998). Service fairness: what it is and why it matters. *Academy of
#   Management Executive*, 12(2), 8-20.
# * Smith, A. K., Bolton, R. N., & Wagner, J. (1999). A model of customer satisfaction with service
#   encounters involving failure and recovery. *Journal of Marketing Research*, 36(3), 356-372.
# * Tax, S. S., Brown, S. W., & Chandrashekaran, M. (1998). Customer evaluations of service complaint
#   experiences: implications for relationship marketing. *Journal of Marketing*, 62(2), 60-76.
