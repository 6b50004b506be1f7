# %% [markdown] id="md-01"
# # Chapter 6 · Customer satisfaction measurement (客户满意度测评)
#
# Slides A, the slide deck 《卓越的客户关系管理》, puts it plainly: the core of CRM is managing customer
# satisfaction, because loyalty grows out of satisfaction. This chapter defines satisfaction, builds the
# deck's *satisfaction platform* (客户满意平台), and measures satisfaction with a survey on the seven-level
# CSM scale (七级梯级) by the two methods the deck names: the simple scale score method (简单梯级分值法) and the percentage
# weighted method (百分值加权法). It ends with the levels of satisfaction, Kano's kinds of quality, and the
# employees behind satisfied customers.
#
# **Learning goals.** After this chapter you can
#
# 1. define customer satisfaction as perceived performance compared with expectation, and read the index C = b/a;
# 2. describe the satisfaction platform: product, visual (brand) and service satisfaction and their parts;
# 3. tally answers on the seven-level CSM scale and score them by the simple scale score method, and explain how the score table changes the result;
# 4. combine attribute scores by the percentage weighted method with importance weights;
# 5. name the five levels of satisfaction and Kano's must-be, expected and attractive quality;
# 6. explain the employee → customer satisfaction → performance chain and a Maslow-based employee satisfaction index.
#
# **Time:** about 60 minutes. **Assignment:** `exercises/06_csm/06_csm.ipynb`.
#
# ## Key terms · 关键术语
#
# | English | 中文 |
# |---|---|
# | customer satisfaction | 客户满意度 |
# | customer satisfaction measurement (CSM) | 客户满意度测评 |
# | perception | 感知 |
# | expectation | 期望 |
# | satisfaction platform | 客户满意平台 |
# | product satisfaction | 产品满意 |
# | visual satisfaction | 视觉满意 |
# | service satisfaction | 服务满意 |
# | seven-level CSM scale | 七级梯级 |
# | simple scale score method | 简单梯级分值法 |
# | percentage weighted method | 百分值加权法 |
# | must-be quality | 当然质量 |
# | expected quality | 期望质量 |
# | attractive quality | 迷人质量 |
# | employee satisfaction | 员工满意度 |

# %% id="code-02"
# %config InlineBackend.figure_formats = ["png"]
import pandas as pd

import crmlab
from crmlab import datasets
from crmlab.plotting import csm_distribution, show

pd.set_option("display.precision", 3)
pd.set_option("display.width", 120)
pd.set_option("display.max_colwidth", 100)

# %% [markdown] id="md-03"
# ## 1 · Satisfaction at the core of CRM
#
# Slides A opens its second part, "building the customer satisfaction platform" (构筑客户满意平台), with three
# claims: customer loyalty comes from the degree of satisfaction; satisfaction comes from the customer's
# subjective and objective judgement; and the core of CRM is satisfaction management (客户满意管理). The Article, a web article on how modern firms manage their old
# customers, agrees: to win customers, satisfy them.
#
# The material defines **customer satisfaction (客户满意度)** twice:
#
# * Slides B (the slide deck 《高级营销师：客户关系管理》): the customer's direct, overall evaluation of the products and services that the firm and its
#   staff provide; an acknowledgement of the firm's customer care; and **the basis of the customer's trust**
#   (the link to chapter 3);
# * the Exam collection (《客户关系管理ABC》, a collection of exam questions and course notes): a
#   psychological state the customer reaches by **comparing the perceived effect** (可感知的效果)
#   of a product or service **with his or her expectation** (期望值). This is the textbook definition of
#   Kotler and of Oliver's expectation-disconfirmation model (Oliver 1980).
#
# Satisfaction is not yet loyalty. Slides B calls loyalty a *rational* acknowledgement, trust and
# commitment that grows out of repeated satisfaction, where satisfaction leans towards feeling. Chapter 8
# measures loyalty; the open exam paper B of the Exam collection asks how the two are related (简述客户满意度与客户忠诚度的关系).
# A finding from outside the lecture sharpens the point: in competitive markets, merely satisfied customers
# still defect, and only the *completely* satisfied are reliably loyal (Jones & Sasser 1995). Keep that in
# mind when we score the top of the scale in section 5.
#
# ## 2 · Perceived vs expected: the index C = b/a
#
# The Exam collection has the item "满意度C=b/a" (S1-S2: set 1, single choice 2; the [sources page](../docs/sources.md)
# explains the numbers) without saying what a and b are. **This
# course reads b as the perceived performance (感知) and a as the expectation (期望)**, in line with the Exam collection's
# definition. Then
#
# * C > 1: the perception exceeds the expectation: **satisfied** (and the larger, the more so);
# * C = 1: the expectation is just met;
# * C < 1: the perception falls short: **dissatisfied**.
#
# `crmlab.satisfaction_ratio(perceived, expected)` computes C. Five customers rated a hotel stay before
# (expectation) and after (perception) on a 10-point scale; the figures are invented for this example:

# %% id="code-04"
stay = pd.DataFrame(
    {"expected": [8.0, 6.0, 9.0, 5.0, 7.0], "perceived": [8.0, 7.5, 7.2, 6.0, 6.3]},
    index=pd.Index(["Chen", "Liu", "Zhou", "Sun", "Ma"], name="guest"),
)
stay["C"] = crmlab.satisfaction_ratio(stay["perceived"], stay["expected"])
stay["verdict"] = pd.cut(stay["C"], [0, 0.999999, 1.000001, float("inf")],
                         labels=["dissatisfied", "just met", "satisfied"])
stay

# %% [markdown] id="md-05"
# Zhou perceived the stay as better (7.2) than Sun did (6.0), yet Zhou is dissatisfied and Sun satisfied:
# satisfaction is *relative* to what each guest expected. Two consequences for a firm: raising expectations
# by advertising raises the bar it must clear, and the same service can satisfy one customer and
# disappoint another. Had we read C the other way round (a = perceived), every verdict would flip, which is
# why the course states its reading.
#
# ## 3 · The satisfaction platform (客户满意平台)
#
# Slides A builds satisfaction on three pillars, each with its own role:
#
# | pillar | role (Slides A) | parts |
# |---|---|---|
# | **product satisfaction (产品满意)** | the basis (基础) | function, quality, price/performance, appearance |
# | **visual satisfaction (视觉满意)** | the accelerator (加速器) | the firm's name and brand |
# | **service satisfaction (服务满意)** | the key (关键) | pre-sale, in-sale and after-sale service |
#
# **Product satisfaction**, in four parts:
#
# * **Function (功能), the basis of the product.** Build the *core* function on customers' main need, and
#   extend it with *auxiliary* functions (辅助功能) that meet secondary needs; the slides call auxiliary
#   functions the key to a firm's core competence today. The example is **Southwest Airlines**, which grew
#   fast in the 1990s on a strategy the slide heads with four words: short routes, low prices, fast pace,
#   few frills (短航线、低价格、快节奏、少服务). The slide lists the headings only.
# * **Quality (质量), the guarantee.** Quality decides how much a customer is willing to pay. The slide
#   announces five ideas for manufacturing quality and a policy for service quality, and leaves them blank.
# * **Price/performance (性价比), the highlight.** Quality and function are judged relative to the price paid.
#   **Walmart**'s slogan, in the slide's words, is that everything is done to save the customer money.
# * **Appearance (外观), the door-opener.** "Appearance is the window of quality" (外观是质量的窗); the slide's
#   three rules for better appearance are blank.
#
# **Visual satisfaction** shows in how satisfied customers are with the firm's name and its brands. The
# slides announce the essence of a brand, the "four highs" of a famous brand, four common errors and four
# principles of naming a brand in Chinese firms, and four principles of brand logos, and leave **every one
# of these lists blank**; they ask the reader to analyse the brand failure of Qinchi (秦池). For brand
# essentials, see the brand-equity literature (Keller 1993; *external*).
#
# **Service satisfaction** is the key: an efficient service support system that meets customers' needs in
# time, before, during and after the sale (售前、售中、售后服务). The contents of the three lists are blank
# too.
#
# The survey used in this chapter follows the platform: eight attributes, their aspect, and an importance
# weight for each (a fictional firm; the weights are crmlab's design choice, see `datasets/README.md`):

# %% id="code-06"
attributes = datasets.load_csm_attributes()
attributes

# %% [markdown] id="md-07"
# ## 4 · The seven-level CSM scale (七级梯级)
#
# "Quantifying satisfaction is the best way to know how satisfied customers are", says Slides A, and it
# sets up a CSM scale of seven levels: numbered 1 to 7, **with the labels left blank**. The course uses the
# labels that are standard in Chinese CSM practice (*external*; crmlab's glossary):

# %% id="code-08"
levels = pd.DataFrame({
    "中文": [crmlab.chinese_name(lv, "csm_level") for lv in crmlab.CSM_LEVELS],
    "default score": [crmlab.DEFAULT_CSM_SCORES[lv] for lv in crmlab.CSM_LEVELS],
}, index=pd.Index(crmlab.CSM_LEVELS, name="csm_level"))
levels.iloc[::-1]  # a questionnaire lists the best level first

# %% [markdown] id="md-09"
# The survey: 300 respondents each rated the eight attributes on the seven levels (synthetic data, seeded,
# one row per respondent and attribute; the Chinese answer is kept beside the English label):

# %% id="code-10"
survey = datasets.load_csm_survey()
print(survey.shape)
survey.head()

# %% [markdown] id="md-11"
# `crmlab.csm_counts` tallies the answers per level. For after-sale service:

# %% id="code-12"
after_sale = crmlab.csm_counts(survey.loc[survey["attribute"] == "after-sale service", "level"])
after_sale

# %% id="code-13"
ax = csm_distribution(after_sale)
ax.set_title(f"{ax.get_title()} · after-sale service (售后服务)")
show(ax)

# %% [markdown] id="md-14"
# *Figure 6.1 · Answers of 300 respondents on after-sale service (售后服务), seven-level CSM scale.* The
# answers spread over the whole scale and lean to the dissatisfied side; compare them with quality below.

# %% id="code-15"
quality = crmlab.csm_counts(survey.loc[survey["attribute"] == "quality", "level"])
ax = csm_distribution(quality)
ax.set_title(f"{ax.get_title()} · quality (质量)")
show(ax)

# %% [markdown] id="md-16"
# *Figure 6.2 · Answers of the same respondents on quality (质量).* Most answers are on the satisfied side,
# and a quarter of the respondents are very satisfied.
#
# ## 5 · The simple scale score method (简单梯级分值法)
#
# The slide names the method and leaves "score setting" (分值设定) and "formula" (公式) blank. The usual method
# (*external*): give each level a score, then take the **respondent-weighted mean score**,
#
# $$S = \frac{\sum_{\text{levels}} \text{score}_\ell \times n_\ell}{\sum_\ell n_\ell},$$
#
# where $n_\ell$ is the number of respondents at level ℓ. `crmlab.csm_score(counts, scores)` computes it.
#
# **The default score table is an assumption.** Chinese CSM texts differ on the scores. crmlab's default
# (`crmlab.DEFAULT_CSM_SCORES`, in the table of section 4) scores the levels symmetrically around the
# neutral point and equally spaced: very dissatisfied −3, dissatisfied −2, somewhat dissatisfied −1,
# neutral 0, somewhat satisfied +1, satisfied +2, very satisfied +3. Then a positive score means that
# satisfaction outweighs dissatisfaction, and 0 is the neutral point. Equal spacing treats the verbal
# levels as equally far apart, as Likert-type scoring does (Likert 1932); seven-step scales scored from −3 to
# +3 go back to Osgood, Suci & Tannenbaum (1957).

# %% id="code-17"
print(f"after-sale service: {crmlab.csm_score(after_sale):.3f}")
print(f"quality:            {crmlab.csm_score(quality):.3f}")


# %% [markdown] id="md-18"
# Per attribute, with the default table:

# %% id="code-19"
def level_counts(frame):
    return crmlab.csm_counts(frame["level"])

by_attribute = survey.groupby("attribute", sort=False)[["level"]].apply(level_counts)
default_scores = by_attribute.apply(crmlab.csm_score, axis=1).rename("default (-3..+3)")
default_scores.round(3)

# %% [markdown] id="md-20"
# **The same answers with other tables.** A table that turns the levels into percentages, 0 for very
# dissatisfied to 100 for very satisfied in equal steps, is a linear rescaling of the default one: every
# score changes, but the ranking of the attributes does not. A *top-box* table (1 for very satisfied, 0 for
# everything else) gives the share of completely satisfied respondents, the measure that matters if, as
# Jones & Sasser found, only the completely satisfied are reliably loyal. It is not a linear rescaling of
# the default table, and it can rank attributes differently.

# %% id="code-21"
percent_table = dict(zip(crmlab.CSM_LEVELS, [0, 100 / 6, 200 / 6, 50, 400 / 6, 500 / 6, 100]))
top_box_table = dict(zip(crmlab.CSM_LEVELS, [0, 0, 0, 0, 0, 0, 1]))
tables = pd.DataFrame({
    "default (-3..+3)": default_scores,
    "percent (0..100)": by_attribute.apply(crmlab.csm_score, axis=1, scores=percent_table),
    "top box": by_attribute.apply(crmlab.csm_score, axis=1, scores=top_box_table),
})
tables.assign(
    rank_default=tables["default (-3..+3)"].rank(ascending=False).astype(int),
    rank_percent=tables["percent (0..100)"].rank(ascending=False).astype(int),
    rank_top_box=tables["top box"].rank(ascending=False).astype(int),
).round(3)

# %% [markdown] id="md-22"
# Quality is first and after-sale service last under every table, and the percentage table keeps the
# default ranking exactly. The top box swaps brand and appearance: brand has more *satisfied* answers (73
# against 59), appearance more *very satisfied* ones (44 against 40). Only 2 % of the respondents are very
# satisfied with after-sale service. Which table is right is not a question of arithmetic: **state the
# table** with every score you report, and keep it fixed over time so that scores can be compared.
#
# ## 6 · The percentage weighted method (百分值加权法)
#
# Again the slide gives only the name. The usual method (*external*; e.g. Hill & Alexander 2006): express
# each attribute's satisfaction in percent, weight it by the attribute's **importance** to customers, and
# add up:
#
# $$S = \frac{\sum_a w_a \, s_a}{\sum_a w_a}.$$
#
# Here $s_a$ is the percentage score of attribute $a$ from section 5 and $w_a$ its weight from the attribute
# table. `crmlab.weighted_satisfaction(satisfaction, weights)` computes it.

# %% id="code-23"
weights = attributes.set_index("attribute")["weight"]
percent_scores = tables["percent (0..100)"]
overall = crmlab.weighted_satisfaction(percent_scores, weights)
print(f"overall satisfaction, percentage weighted method: {overall:.1f} out of 100")
print(f"unweighted mean of the eight attributes:          {percent_scores.mean():.1f} out of 100")

# %% [markdown] id="md-24"
# The weights give quality (0.20) and after-sale service (0.15) more say than appearance (0.05). Per
# pillar of the platform:

# %% id="code-25"
aspects = attributes.set_index("attribute")["aspect"]
per_aspect = pd.Series({
    aspect: crmlab.weighted_satisfaction(percent_scores[names], weights[names])
    for aspect, names in aspects.groupby(aspects, sort=False).groups.items()
}, name="weighted satisfaction (0..100)")
per_aspect.round(1)

# %% [markdown] id="md-26"
# Product satisfaction, the basis, is the strongest pillar; service satisfaction, which Slides A calls the
# key, is the weakest, dragged down by after-sale service. That is where this firm should act first.
#
# Where the weights come from matters as much as the scores: ask customers to rate the importance of each
# attribute, or derive importance from how strongly each attribute's satisfaction goes with overall
# satisfaction. The weights here are a design choice of the data set.
#
# ### Explore: the simple scale score method
#
# Type in your own survey results and your own score table. Which levels move the score most? What
# happens when you score "neutral" as a positive number?

# %% id="code-27"
# NBVAL_IGNORE_OUTPUT
from crmlab.widgets import csm_explorer

csm_explorer(after_sale)

# %% [markdown] id="md-28"
# ### Try it yourself
#
# The slide ends with an exercise: *measure one product or service of your firm with both methods* (试用上述
# 两种方法对贵企业某项产品或服务进行满意度测定). On the data here:
#
# * Score the answers of `pre-sale service` with your own score table (for example 100, 80, 60, 40, 20, 10, 0
#   from very satisfied down). Does its rank among the attributes change?
# * Change the weights: give after-sale service 0.30 and quality 0.05 (keep the total 1). How far does the
#   overall score move?
# * Take one product you know, list its attributes on the three pillars, and design the questionnaire.

# %% id="code-29"
my_table = {"很满意": 100, "满意": 80, "较满意": 60, "一般": 40, "不太满意": 20, "不满意": 10, "很不满意": 0}
my_weights = weights.copy()  # try my_weights["after-sale service"] = 0.30; my_weights["quality"] = 0.05
my_scores = by_attribute.apply(crmlab.csm_score, axis=1, scores=my_table)
print(my_scores.round(1).sort_values(ascending=False).to_string())
print(f"overall: {crmlab.weighted_satisfaction(my_scores, my_weights):.1f}")

# %% [markdown] id="md-30"
# ## 7 · Levels of satisfaction and kinds of quality
#
# Satisfaction has levels. Slides B names five, from the weakest to the strongest:
#
# | level | 中文 | the product or service … |
# |---|---|---|
# | content | 满足 | is acceptable, or at least tolerable |
# | pleased | 愉快 | gives the customer a positive experience |
# | relieved | 解脱 | takes a trouble off the customer's hands |
# | novelty | 新奇 | brings something fresh and exciting |
# | delight | 惊喜 | goes beyond what the customer expected |
#
# Delight is C well above 1: the perception beats the expectation. The Exam collection (S1-S3) uses a
# second classification from Noriaki Kano's model of quality (Kano et al. 1984; *external*, the lecture
# material gives only the three names):
#
# * **must-be quality (当然质量):** taken for granted. Meeting it earns no praise, missing it causes strong
#   dissatisfaction (a clean hotel room, a phone that makes calls).
# * **expected quality (期望质量)**, Kano's *one-dimensional* quality: the better it is met, the more
#   satisfied the customer, in proportion and without a ceiling: "the more the better" (faster delivery,
#   longer battery life). S1-S3's description, satisfaction that rises in proportion and never ends (成正比且永无止境),
#   is this kind; "expectation" there means how far the expected attribute is fulfilled, not the level of the
#   expectation *a* in C = b/a (for a given perception a higher *a* lowers C).
# * **attractive quality (迷人质量):** unexpected extras. Their absence disappoints no one, their presence
#   delights. Today's attractive quality becomes tomorrow's must-be quality as customers get used to it.
#
# The same Exam collection asks (S1-M7) along which three dimensions satisfaction can be measured. One
# answer from the literature (*external*; the lecture is silent): customers judge a product at three levels
# of a means-end chain: its attributes and use value, the benefits (consequences) they get from using it,
# and the personal values and goals it serves; satisfaction can be measured at each level (Gutman 1982;
# Woodruff 1997). The eight attributes of our survey measure the first level only.
#
# ## 8 · Satisfied employees, satisfied customers
#
# Slides B says that employee satisfaction is closely tied to customer satisfaction and quotes research
# results. The course keeps them as a quotation in a data table:

# %% id="code-31"
chain = datasets.load_satisfaction_chain()
chain

# %% [markdown] id="md-32"
# In the words of Slides B: **employee satisfaction up 5 % goes with customer satisfaction up 1.3 % and company
# performance up 0.5 %**. The deck names no source. The same three figures are widely attributed to Sears's
# employee-customer-profit chain (Rucci, Kirn & Quinn 1998), where they come from Sears's own survey
# measures and revenue growth, and secondary sources restate them in different units. Read them as one
# firm's estimate, not as a law.
#
# What do they imply? **Assume** (our assumption, not the deck's) that the chain is proportional, so that
# each step passes on the same fraction of a change. The quoted figures then give the pass-through of each
# step, and we can ask what other changes of employee satisfaction would go with:

# %% id="code-33"
pass_through = chain["change_percent"] / chain["change_percent"].shift(1)
chain.assign(pass_through=pass_through)[["measure", "measure_zh", "change_percent", "pass_through"]]

# %% id="code-34"
customer_per_employee = chain["change_percent"].iloc[1] / chain["change_percent"].iloc[0]
performance_per_employee = chain["change_percent"].iloc[2] / chain["change_percent"].iloc[0]
employee_change = pd.Series([1.0, 2.0, 5.0, 10.0], name="employee satisfaction change (%)")
pd.DataFrame({
    "employee satisfaction change (%)": employee_change,
    "customer satisfaction change (%)": employee_change * customer_per_employee,
    "performance change (%)": employee_change * performance_per_employee,
})

# %% [markdown] id="md-35"
# The pass-through shrinks at each step (about a quarter from employees to customers, under two fifths from
# customers to performance), so large employee programmes are needed for visible financial results. The
# proportionality is the weakest part: no firm can raise employee satisfaction without limit, and the
# effect of the tenth point may differ from the first.
#
# **An employee satisfaction index on Maslow's needs.** Slides B proposes an internal index built on
# Maslow's hierarchy of needs (Maslow 1943), with these indicators per level:

# %% id="code-36"
maslow = pd.DataFrame({
    "need level": ["physiological 生理", "safety 安全", "social 社交", "esteem 尊重", "self-actualisation 自我实现"],
    "indicators (Slides B)": [
        "pay, health care, working hours, benefits, working environment",
        "job security, retirement, health cover, accident insurance, labour protection",
        "communication with superiors, team activities, recreation, training, colleagues",
        "pay grade, promotion, rewards, participation, pride in the company",
        "say in decisions, challenging work, using one's strengths",
    ],
})
maslow

# %% [markdown] id="md-37"
# Slides B lists the indicators but no weights or scores. With a survey of the staff, the same
# percentage weighted method turns the five levels into one index. The results and the equal weights below
# are **invented for illustration**:

# %% id="code-38"
staff_percent = pd.Series([72.0, 80.0, 65.0, 58.0, 50.0], index=maslow["need level"])
equal_weights = pd.Series(1.0, index=maslow["need level"])
print(f"employee satisfaction index: {crmlab.weighted_satisfaction(staff_percent, equal_weights):.1f} out of 100")

# %% [markdown] id="md-39"
# **Case: Continental Airlines under Gordon Bethune (Article).** The Article (machine-reworded
# text; read with care) tells how Gordon Bethune turned Continental Airlines around by starting with its
# employees: a culture of honesty, trust, dignity and respect; listening to employees and answering fast;
# systematic training and personal goals for each employee; a simplified employee rulebook; more channels
# between managers and staff; and a pay scheme seen as fair. The Article reports that by 2004 Continental had
# been on *Fortune*'s list of the 100 best companies six years running (its wording is garbled; it is
# most likely the "100 Best Companies to Work For"), the only US airline on it, and had become the world's
# seventh-largest airline. The Article's moral: satisfying customers starts with closer cooperation between
# managers and employees. Bethune told the story himself in *From Worst to First* (Bethune & Huler 1998).
#
# ## Summary
#
# * The core of CRM is satisfaction management; loyalty grows from satisfaction (Slides A), and satisfaction
#   is the basis of trust (Slides B).
# * Satisfaction compares perceived performance with expectation (Exam collection). The course reads C = b/a with
#   b = perceived and a = expected: C > 1 satisfied, C < 1 dissatisfied.
# * The satisfaction platform: product satisfaction (function, quality, price/performance, appearance) is
#   the basis, visual (brand) satisfaction the accelerator, service satisfaction (pre-, in-, after-sale) the
#   key. Many of the slide's lists are blank.
# * The seven-level CSM scale runs from 很不满意 to 很满意 (labels external). The simple scale score method
#   is the respondent-weighted mean score; the score table is an assumption that must be stated. The
#   percentage weighted method weights attribute scores by importance. In the survey, overall satisfaction
#   is about 61.6 out of 100; service is the weakest pillar.
# * Five levels of satisfaction: content, pleased, relieved, novelty, delight. Kano: must-be, expected
#   (one-dimensional), attractive quality.
# * Employee satisfaction +5 % goes with customer satisfaction +1.3 % and performance +0.5 % (Slides B, a
#   quotation); an employee satisfaction index can be built on Maslow's five needs; Continental Airlines
#   shows the chain at work.
#
# **Exam-style questions this chapter prepares for:** S1-S2 (C = b/a), S1-S3 (Kano's expected quality),
# S1-S8 (what determines satisfaction), S1-M7 (three dimensions of satisfaction), all in the assignment;
# the translation item S1-T2 (customer satisfaction, 客户满意度); and from the open papers of the Exam collection: the
# definition of customer satisfaction (客户满意, paper B) and the relation between satisfaction and loyalty
# (paper B).
#
# ## References
#
# * The lecture materials, by the names the course gives them (the [sources page](../docs/sources.md) says what each one is):
#   Slides A, the slide deck 《卓越的客户关系管理》 (satisfaction platform, CSM scale and methods);
#   Slides B, the slide deck 《高级营销师：客户关系管理》 (definition, levels of satisfaction, employee
#   satisfaction); the Exam collection 《客户关系管理ABC》 (definition, exam questions); the Article, a web
#   article on managing old customers (Continental Airlines). Quoted in short phrases with attribution.
# * Bethune, G., & Huler, S. (1998). *From Worst to First: Behind the Scenes of Continental's Remarkable
#   Comeback*. Wiley.
# * Gutman, J. (1982). A means-end chain model based on consumer categorization processes. *Journal of
#   Marketing*, 46(2), 60-72.
# * Hill, N., & Alexander, J. (2006). *Handbook of Customer Satisfaction and Loyalty Measurement* (3rd ed.). Gower.
# * Jones, T. O., & Sasser, W. E. (1995). Why satisfied customers defect. *Harvard Business Review*, 73(6), 88-99.
# * Kano, N., Seraku, N., Takahashi, F., & Tsuji, S. (1984). Attractive quality and must-be quality.
#   *Journal of the Japanese Society for Quality Control*, 14(2), 39-48.
# * Keller, K. L. (1993). Conceptualizing, measuring, and managing customer-based brand equity. *Journal of
#   Marketing*, 57(1), 1-22.
# * Likert, R. (1932). A technique for the measurement of attitudes. *Archives of Psychology*, 140, 1-55.
# * Maslow, A. H. (1943). A theory of human motivation. *Psychological Review*, 50(4), 370-396.
# * Oliver, R. L. (1980). A cognitive model of the antecedents and consequences of satisfaction decisions.
#   *Journal of Marketing Research*, 17(4), 460-469.
# * Osgood, C. E., Suci, G. J., & Tannenbaum, P. H. (1957). *The Measurement of Meaning*. University of Illinois Press.
# * Rucci, A. J., Kirn, S. P., & Quinn, R. T. (1998). The employee-customer-profit chain at Sears. *Harvard
#   Business Review*, 76(1), 82-97.
# * Woodruff, R. B. (1997). Customer value: the next source for competitive advantage. *Journal of the
#   Academy of Marketing Science*, 25(2), 139-153.
