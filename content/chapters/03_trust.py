# %% [markdown] id="md-01"
# # Chapter 3 · Trust and commitment (信任与承诺)
#
# Chapter 2 called commitment the key stage of a relationship. What carries a relationship there is
# trust. The Lecture notes (《客户关系管理课件》) treat trust as the first of the factors that directly shape a
# customer relationship, beside assurance, dependence and fairness (fairness is chapter 4): what trust
# is, what it brings, and what builds it. Slides B (the slide deck 《高级营销师：客户关系管理》) adds that satisfaction is its basis.
# Neither says anything about how to *measure* trust; this chapter adds the standard tool, a Likert survey
# checked with Cronbach's alpha, and applies it to a survey of 400 business customers.
#
# **Learning goals.** After this chapter you can
#
# 1. define trust as the Lecture notes do, explain why it must run both ways, and name the four benefits it
#    brings a relationship;
# 2. explain the five factors that build trust, define opportunism and give examples on the firm's and
#    on the customer's side;
# 3. distinguish calculative and affective assurance, and explain dependence;
# 4. explain why satisfaction is the basis of trust, and how trust leads to commitment;
# 5. measure trust and its antecedents with Likert scales: scale scores, reverse-keyed items, Cronbach's
#    alpha and "alpha if item deleted";
# 6. reason about trust that is built slowly and lost quickly over repeated interactions.
#
# **Time:** about 45 minutes. **Assignment:** `exercises/03_trust/03_trust.ipynb`.
#
# ## Key terms · 关键术语
#
# | English | 中文 |
# |---|---|
# | trust | 信任 |
# | commitment | 承诺 |
# | shared wishes | 共同愿望 |
# | shared values | 价值共享 |
# | mutual dependence | 相互依赖 |
# | communication quality | 高质量交流 |
# | opportunism | 机会主义 |
# | non-opportunism | 非机会主义 |
# | assurance | 保证 |
# | calculative assurance | 测算保证 |
# | affective assurance | 影响保证 |
# | dependence | 依赖性 |
# | customer satisfaction | 客户满意度 |
# | Likert scale | 李克特量表 |
# | reverse-keyed item | 反向计分题 |
# | internal consistency | 内部一致性 |
# | Cronbach's alpha | 克朗巴哈系数 |

# %% id="code-02"
# %config InlineBackend.figure_formats = ["png"]
import pandas as pd

import crmlab
from crmlab import datasets
from crmlab.plotting import lifecycle_curve, show

pd.set_option("display.precision", 3)
pd.set_option("display.max_colwidth", 70)

# %% [markdown] id="md-03"
# ## 1 · What trust is (信任)
#
# The Lecture notes define trust as the belief that the other side acts from the fundamental and common
# interests of both sides, and that what it does will lead to positive results one can look forward to.
# Two points in that definition matter. Trust is about **both** sides' interests, not about goodwill
# towards one side; and trust has to **run both ways**: trust on one side only rarely lasts.
#
# The marketing literature says much the same. Morgan & Hunt (1994) say trust exists when one side is
# confident that its exchange partner is reliable and honest, and define **commitment (承诺)** as the
# belief that a relationship is so important that it deserves maximum effort to keep it. In their
# commitment-trust theory, trust is what leads to commitment, the stage chapter 2 called the key one.
#
# The Lecture notes list four benefits of a relationship built on trust:
#
# | benefit | what trust does (Lecture notes, in our words) |
# |---|---|
# | cooperation (合作) | trust lowers the fear of uncertainty and risk, so the sides cooperate more, and at a higher level: 1+1>2 |
# | commitment (承诺) | promises made between sides that trust each other hold, and they spur each side to keep them |
# | quality of behaviour (行为质量) | the trusted side works especially carefully to prove the trust was deserved, and good behaviour invites good behaviour in return |
# | lasting relationships (关系的可持续性) | relationships with mutual trust are sturdier than one-sided or trustless ones; they hold until common gains appear, and shared gains start a virtuous circle of more trust |
#
# ## 2 · What builds trust
#
# The Lecture notes name five factors (建设互信关系的重要因素). The course's trust survey (section 5) measures each
# with four statements; one statement of each is quoted here.

# %% id="code-04"
items = datasets.load_trust_items()
items.groupby("construct", sort=False).first()[["construct_zh", "statement_en", "statement_zh"]]

# %% [markdown] id="md-05"
# * **Shared wishes (共同愿望).** Each side needs the other: its own interests can be reached only with
#   the other's help. This is the basic condition of mutual trust. A need on one side only can also create
#   some trust, but the Lecture notes doubt it is the kind of trust a long relationship needs (ask yourself why:
#   what happens to that trust once the need is met?).
# * **Shared values (价值共享).** The sides' values converge, so they judge goals, actions, policies and
#   results by the same standards. With deep disagreement about right and wrong, good and bad, or what
#   comes first, trust cannot arise.
# * **Mutual dependence (相互依赖).** When only one side depends on the other, the dependent side is the
#   weak side of the relationship and has much to fear. To keep the balance, the side that is depended
#   on should show by its words, deeds and results that it can be trusted; a lopsided dependence can
#   shake mutual trust.
# * **High-quality communication (高质量交流).** Ideas, information, actions and results should be
#   exchanged often and throughout the relationship, and the communication should be **relevant,
#   pertinent, timely and reliable** (相关的、中肯的、及时的、可信赖).
# * **Non-opportunism (非机会主义).** Neither side may behave opportunistically, or trust is shaken.
#
# **Opportunism (机会主义)**, as the Lecture notes define it, is seeing only the side of an opportunity that
# favours oneself and ignoring the harm it does the other side. Williamson (1975) calls it
# "self-interest seeking with guile". It happens on both sides:
#
# * on the **firm's side**, for example pushing products the customer does not need, or quietly shrinking
#   a product while keeping its price (the Lecture notes ask how such "缩水" goods show opportunism: the firm
#   takes a gain the customer cannot see);
# * on the **customer's side**, for example exploiting the firm's goodwill with disloyal behaviour:
#   taking the special terms or free advice of a partner and then buying elsewhere.
#
# Non-opportunism asks both sides for integrity in what they do (行为正直性) and for credibility (行为可信度).
#
# ## 3 · Assurance and dependence
#
# Every relationship brings in some guarantees. The Lecture notes distinguish two kinds of **assurance (保证)**:
#
# * **Calculative assurance (测算保证)** comes from an economic analysis of what the guarantees cost and
#   what they bring. In a zero-sum exchange (零和), one side's gain is the other's loss: these are the
#   discrete transactions of chapter 2. In a positive-sum exchange (正和) both can gain: some relational
#   exchange exists.
# * **Affective assurance (影响保证)** is the psychological and emotional assurance that the relationship
#   will pay in the long run. It is hard to quantify but its effect runs deep.
#
# The pair mirrors the literature's distinction between calculative commitment, staying because leaving
# costs too much, and affective commitment, staying because one wants to (Geyskens et al. 1996).
#
# **Dependence (依赖性)** is what each side can rely on, and is worth relying on, in the other. Trust can
# grow only as mutual dependence grows. The firm's task is twofold: to give customers something they
# can and want to depend on, and keep developing, delivering and renewing it; and to notice what, in its
# customers, it can in turn depend on, as that changes.
#
# ## 4 · Satisfaction as the basis of trust
#
# Slides B calls customer satisfaction (客户满意度) the customer's direct, overall evaluation of the
# products and services of the firm and its staff, a recognition of the firm's care for its customers, and
# says that satisfaction, **reinforced again and again, is the basis
# of customer trust**. Loyalty, in turn, is the result of satisfaction reinforced over time, but grounded
# in reason rather than feeling (chapter 8). A practical chain follows: repeated satisfaction → trust →
# commitment and loyalty. Garbarino & Johnson (1999) found that this depends on the customer: for
# customers with a close relationship to the firm, trust and commitment, not satisfaction alone, drive
# future intentions. The Lecture notes also name fairness as a strong influence on trust and assurance: chapter 4.
#
# ## 5 · Measuring trust with a survey
#
# *The lecture material is silent on measurement; this section follows the standard practice of survey
# research.* A construct such as trust cannot be observed directly, so it is measured with several
# **Likert items (李克特量表)**: statements rated from 1 (strongly disagree) to 5 (strongly agree)
# (Likert 1932). Several items average out the noise of each single answer. The course's survey asks 400
# business customers of one supplier four items for each of the five factors of section 2 and four for
# trust itself (fictional, seeded data: see `datasets/README.md`).

# %% id="code-06"
survey = datasets.load_trust_survey().set_index("respondent_id")
constructs = {name: group["item"].tolist() for name, group in items.groupby("construct", sort=False)}
print(constructs)
survey.head()

# %% [markdown] id="md-07"
# A respondent's **scale score** for a construct is the mean of its items, which keeps it on the 1-5 scale
# of the answers:

# %% id="code-08"
scores = crmlab.likert_scores(survey, constructs)
scores.describe().loc[["mean", "std", "min", "max"]]

# %% [markdown] id="md-09"
# ### Do the items hang together? Cronbach's alpha
#
# Averaging items makes sense only if they measure the same thing, that is, if the scale has **internal
# consistency (内部一致性)**. Cronbach's (1951) alpha measures it. With *k* items, item variances
# $s_i^2$ and the variance $s_T^2$ of each respondent's total over the items,
#
# $$\alpha = \frac{k}{k-1}\left(1 - \frac{\sum_i s_i^2}{s_T^2}\right).$$
#
# When items move together, the total varies much more than its parts added up and alpha approaches 1;
# unrelated items give an alpha near 0. A common rule of thumb accepts 0.7 or more (Nunnally 1978).
# Because the data are synthetic, we also know each scale's population alpha, around which sample alphas
# of 400 respondents scatter:

# %% id="code-10"
alphas = pd.DataFrame({
    "items": {name: len(cols) for name, cols in constructs.items()},
    "alpha": {name: crmlab.cronbach_alpha(survey[cols]) for name, cols in constructs.items()},
    "population alpha": datasets.trust_population_alpha()["alpha_likert"],
})
alphas.assign(acceptable=alphas["alpha"] >= 0.7)

# %% [markdown] id="md-11"
# Four scales pass the 0.7 line; non-opportunism falls just short, and mutual dependence clearly. Its
# items mix two different things, how much the *customer* depends on the supplier and how much the
# *supplier* depends on the customer, which need not go together: a lesson for writing items, since
# the Lecture notes' factor is about the balance of the two.
#
# ### Alpha if item deleted
#
# Would a scale be more consistent without one of its items? Drop each item in turn and compute alpha
# of the rest:

# %% id="code-12"
if_deleted = pd.DataFrame(
    {name: [crmlab.cronbach_alpha(survey[[c for c in cols if c != item]]) for item in cols]
     for name, cols in constructs.items()},
    index=[f"without item {i}" for i in range(1, 5)],
).T
if_deleted.assign(**{"all four items": alphas["alpha"]})

# %% [markdown] id="md-13"
# In every scale, deleting any item *lowers* alpha: every item adds to the scale, and the weak scale
# cannot be saved by dropping items, only by better or more items. When deleting an item would raise
# alpha clearly, check its wording: it may measure something else, or be reverse-keyed.
#
# ### Reverse-keyed items
#
# Questionnaires often word some items against the construct, so that respondents who tick "agree"
# everywhere can be spotted. Suppose item no1 had been worded the other way round ("This company takes
# advantage of me whenever it can") and each respondent had answered it as the mirror image of their
# actual answer, 6 − answer (an assumption for this illustration). Such a **reverse-keyed item
# (反向计分题)** has to be recoded as *min + max − answer* before alpha or a scale score is computed:

# %% id="code-14"
worded_against = survey.assign(no1=6 - survey["no1"])
non_opportunism = constructs["non-opportunism"]
pd.Series({
    "not recoded": crmlab.cronbach_alpha(worded_against[non_opportunism]),
    "recoded (6 - answer)": crmlab.cronbach_alpha(worded_against[non_opportunism].assign(no1=6 - worded_against["no1"])),
}, name="alpha of non-opportunism")

# %% [markdown] id="md-15"
# Forgetting to recode makes alpha negative: a sure sign. `likert_scores` recodes the items listed in
# `reverse=` for the scale scores:

# %% id="code-16"
recoded = crmlab.likert_scores(worded_against, {"non-opportunism": non_opportunism}, reverse=["no1"])
bool((recoded["non-opportunism"] == scores["non-opportunism"]).all())

# %% [markdown] id="md-17"
# ### Which factors go with trust?
#
# With reliable scales we can ask how strongly each factor moves with trust. The correlation of each
# factor's scale score with the trust score:

# %% id="code-18"
scores.corr()["trust"].drop("trust").sort_values(ascending=False).rename("correlation with trust").to_frame()

# %% [markdown] id="md-19"
# All five factors go with trust, and communication quality most strongly. Two cautions. A correlation in
# one survey does not show that a factor *causes* trust; and a scale with low alpha, like mutual dependence,
# measures its factor with more noise, which weakens its correlations (attenuation), so its factor may
# matter more than the number suggests.
#
# ## 6 · Trust over repeated interactions
#
# *The lecture material is silent here too.* Trust is not fixed: it is built step by step as promises are
# kept, and a single betrayal can destroy much of it; researchers call this the asymmetry of trust (Slovic
# 1993). In chapter 2's relationship chain, trust is what makes a relationship move on instead of
# breaking off. To see how much that matters, compare two versions of the chain's transition matrix: a
# low-trust one, where exploration and expansion break off more often, and a high-trust one, where they
# break off less. Both matrices are **assumptions** for illustration, built from the default matrix.

# %% id="code-20"
default = crmlab.default_transition()
low_trust = default.copy()
low_trust.loc["exploration", ["exploration", "expansion", "dissolution"]] = [0.45, 0.20, 0.35]
low_trust.loc["expansion", ["expansion", "commitment", "dissolution"]] = [0.65, 0.20, 0.15]
high_trust = default.copy()
high_trust.loc["exploration", ["exploration", "expansion", "dissolution"]] = [0.50, 0.40, 0.10]
high_trust.loc["expansion", ["expansion", "commitment", "dissolution"]] = [0.62, 0.35, 0.03]
chains = {"low trust": low_trust, "default": default, "high trust": high_trust}
pd.DataFrame({
    name: crmlab.stage_distribution(matrix, periods=24).query("period in (12, 24) and stage == 'commitment'")
    .set_index("period")["share"]
    for name, matrix in chains.items()
}).rename_axis("committed after period")

# %% id="code-21"
ax = lifecycle_curve(crmlab.stage_distribution(high_trust, periods=24))
show(ax)

# %% [markdown] id="md-22"
# *Figure 3.1 · Relationship stages over 24 periods in the high-trust chain (assumed probabilities).*
# Compare it with Figure 2.2 of chapter 2: with less breaking off in exploration and expansion, many more
# relationships reach commitment (the table above: 28 % are committed after 24 periods, against 18 % in the
# default chain and 8 % in the low-trust chain), and commitment, once reached, erodes only slowly. Trust pays off over repeated
# interactions because each round that ends well keeps the relationship alive for the next.
#
# ## 7 · Explore: trust in the chain
#
# Set the dissolution sliders as low or high trust would set them. Which stage's dissolution probability
# changes the committed share after two years most: awareness, exploration or expansion?

# %% id="code-23"
# NBVAL_IGNORE_OUTPUT
from crmlab.widgets import relationship_explorer

relationship_explorer(periods=24)

# %% [markdown] id="md-24"
# ### Try it yourself
#
# * Compute alpha for all twenty antecedent items taken together: is "trust in general" one scale? What does
#   a high alpha over many items tell you, and what not?
# * Recode a different item as reverse-keyed (for example `tr2`) and watch alpha and the scale score.
# * Draw 50 respondents at random (`survey.sample(50, random_state=1)`) and recompute the alphas: how
#   far do they move from the population alphas with a small sample?

# %% id="code-25"
small = survey.sample(50, random_state=1)
pd.Series({name: crmlab.cronbach_alpha(small[cols]) for name, cols in constructs.items()}, name="alpha, 50 respondents")

# %% [markdown] id="md-26"
# ## Summary
#
# * **Trust** (Lecture notes): believing the other side acts from both sides' fundamental, common interests and
#   will bring good results; it must run both ways. It brings cooperation (1+1>2), reliable commitment,
#   better behaviour and lasting relationships.
# * **What builds trust:** shared wishes, shared values, mutual dependence, high-quality communication
#   (relevant, pertinent, timely, reliable) and non-opportunism. **Opportunism**: seeing only one's own
#   side of an opportunity and ignoring the harm to the other, on the firm's side or the customer's.
# * **Assurance** is calculative (cost-benefit; zero-sum or positive-sum) or affective (emotional, long-run);
#   **dependence** must be mutual and renewed.
# * Repeated **satisfaction** is the basis of trust (Slides B); trust leads to **commitment** (Morgan & Hunt 1994).
# * Trust is **measured** with Likert scales: scale score = mean of the items, reverse-keyed items recoded as
#   min + max − answer, internal consistency checked with Cronbach's alpha (0.7 as a rule of thumb) and
#   "alpha if item deleted".
#
# **Exam-style questions this chapter prepares for:** the Exam collection (《客户关系管理ABC》) has no
# choice questions on trust. Its three open exam papers (A, B and C; see the [sources page](../docs/sources.md)) ask for the definitions of a customer relationship (客户关系, papers A, B, C) and of customer
# satisfaction (客户满意, paper B), the essential features of relationship marketing (关系营销的本质特征,
# papers A, C) and the relation between satisfaction and loyalty (paper B): the written items of the
# assignment practise them.
#
# ## References
#
# * The lecture materials, by the names the course gives them (the [sources page](../docs/sources.md) says what each one is):
#   the Lecture notes 《客户关系管理课件》, chapter 2, section 3 (trust, assurance, dependence); Slides B,
#   the slide deck 《高级营销师：客户关系管理》 (satisfaction as the basis of trust); the Exam collection
#   《客户关系管理ABC》, open exam papers. Quoted in short phrases with attribution.
# * Morgan, R. M., & Hunt, S. D. (1994). The commitment-trust theory of relationship marketing. *Journal of
#   Marketing*, 58(3), 20–38.
# * Moorman, C., Zaltman, G., & Deshpandé, R. (1992). Relationships between providers and users of market
#   research. *Journal of Marketing Research*, 29(3), 314–328.
# * Williamson, O. E. (1975). *Markets and Hierarchies*. New York: Free Press.
# * Geyskens, I., Steenkamp, J.-B. E. M., Scheer, L. K., & Kumar, N. (1996). The effects of trust and
#   interdependence on relationship commitment. *International Journal of Research in Marketing*, 13(4), 303–317.
# * Garbarino, E., & Johnson, M. S. (1999). The different roles of satisfaction, trust, and commitment in
#   customer relationships. *Journal of Marketing*, 63(2), 70–87.
# * Likert, R. (1932). A technique for the measurement of attitudes. *Archives of Psychology*, 140, 1–55.
# * Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. *Psychometrika*, 16(3), 297–334.
# * Nunnally, J. C. (1978). *Psychometric Theory* (2nd ed.). New York: McGraw-Hill.
# * Slovic, P. (1993). Perceived risk, trust, and democracy. *Risk Analysis*, 13(6), 675–682.
# * Dwyer, F. R., Schurr, P. H., & Oh, S. (1987). Developing buyer-seller relationships. *Journal of
#   Marketing*, 51(2), 11–27.
