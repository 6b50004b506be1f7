# %% [markdown] id="md-01"
# # Chapter 7 · Service quality, complaints and SERVQUAL (服务质量、投诉与SERVQUAL)
#
# Customers buy a service once; they judge it every time they use it. This chapter asks what
# "good service" means, how a firm can measure it with a questionnaire (SERVQUAL), how it keeps
# watching it, and what to do when it fails and a customer complains. Slides B
# (the slide deck 《高级营销师：客户关系管理》) gives the definitions and the lists; the Exam collection
# (《客户关系管理ABC》, a collection of exam questions and course notes) adds the complaint side (the
# complaint needs, a training role-play, exam questions); the Article (a web article on how modern firms
# manage their old customers) tells what happens when a firm gets complaints wrong.
#
# **Learning goals.** After this chapter you can
#
# 1. tell technical quality from functional quality and explain why customers judge service mostly by the second;
# 2. name the five quality factors of Slides B and the five SERVQUAL dimensions, and place the nine detailed factors in them;
# 3. compute SERVQUAL gap scores (perception − expectation) per item, per dimension and overall, with and without importance weights;
# 4. choose how to monitor service quality: through staff, statistical process monitoring and customers;
# 5. run a complaint through a complaint-handling flow, name what a complaining customer needs, calm a dissatisfied customer in six steps and follow up with customer care.
#
# **Time:** about 60 minutes. **Assignment:** `exercises/07_servqual/07_servqual.ipynb`.
#
# ## Key terms · 关键术语
#
# | English | 中文 |
# |---|---|
# | service quality | 服务质量 |
# | technical quality | 技术质量 |
# | functional quality | 功能质量 |
# | SERVQUAL | 服务质量差距模型 |
# | SERVQUAL gap score | SERVQUAL分数 |
# | expectation | 期望 |
# | perception | 感知 |
# | tangibles | 有形性 |
# | reliability | 可靠性 |
# | responsiveness | 响应性 |
# | assurance | 保证性 |
# | empathy | 移情性 |
# | statistical process monitoring | 统计过程监测 |
# | customer complaint | 客户投诉 |
# | complaint handling process | 投诉处理流程 |
# | customer care | 客户关怀 |
# | service recovery | 服务补救 |

# %% id="code-02"
# %config InlineBackend.figure_formats = ["png"]
import pandas as pd

import crmlab
from crmlab import datasets
from crmlab.plotting import servqual_gap_chart, show

pd.set_option("display.precision", 3)

# %% [markdown] id="md-03"
# ## 1 · Two sides of quality: technical and functional
#
# Slides B splits the quality of a product or service into two parts:
#
# * **technical quality (技术质量)**: *what* the customer gets, the technical performance of the product
#   or service (the loan is approved, the parcel arrives, the engine is repaired);
# * **functional quality (功能质量)**: *how* the customer gets it, the experience of consuming it (how long
#   the queue was, how the clerk spoke, whether anyone explained the delay).
#
# Only the two together make the total quality a customer perceives. The slide adds that technical
# quality is easy for customers to see and to judge. The split comes from Grönroos (1984), who argued that
# customers often cannot tell technical quality apart between competitors, so the *how* decides: two
# banks grant the same mortgage, but the customer remembers the one that called back.
#
# ## 2 · What customers judge: from five factors to SERVQUAL
#
# Slides B gives **two lists of five factors**. The first, under "evaluating service quality" (评价服务质量),
# reads like a checklist for a service manager:
#
# | # | factor in Slides B | what it covers |
# |---|---|---|
# | 1 | tangible factors (有形因素) | what customers see, hear and feel: surroundings, facilities, the staff's appearance |
# | 2 | response (反应) | how well staff sense what customers need, their warmth and readiness to act |
# | 3 | staff dedication (服务人员的投入) | how much the staff care about and commit to their work |
# | 4 | service assurance (服务保证) | customers' trust in the staff, the staff's confidence, courtesy and competence |
# | 5 | reliability (可靠度) | keeping the promises made about the service |
#
# The second list, a few slides later, is the five dimensions of **SERVQUAL**. The deck uses its own
# Chinese words for three of them (可信赖感, 责任感, 感情); this course uses the standard Chinese terms
# of the glossary:
#
# | SERVQUAL dimension | 中文 (course) | deck's wording | meaning |
# |---|---|---|---|
# | tangibles | 有形性 | 有形资产 | physical facilities, equipment, staff and materials |
# | reliability | 可靠性 | 可信赖感 | doing the promised service dependably and accurately |
# | responsiveness | 响应性 | 责任感 | willingness to help and to give prompt service |
# | assurance | 保证性 | 保证 | the staff's knowledge and courtesy, and their ability to inspire trust and confidence |
# | empathy | 移情性 | 感情 | the care and individual attention the firm gives its customers |
#
# The two lists overlap: tangibles, response/responsiveness, assurance and reliability appear in both.
# The first list has *staff dedication* where SERVQUAL has *empathy*: the older list looks at the staff,
# SERVQUAL at what the customer experiences.
#
# ### The nine detailed factors
#
# The deck then says the five factors are "refined" into nine. They are, with the dimension each one
# belongs to in SERVQUAL:
#
# | # | factor in Slides B | English | SERVQUAL dimension |
# |---|---|---|---|
# | 1 | 信任感 | dependability: consistent conduct that earns trust | reliability |
# | 2 | 责任感 | willingness of employees to serve | responsiveness |
# | 3 | 可接近性 | access: how easy the service is to reach and use | empathy |
# | 4 | 礼节 | courtesy: politeness, respect and friendliness of contact staff | assurance |
# | 5 | 交流 | communication in a language the customer understands | empathy |
# | 6 | 信赖感 | credibility: honesty, how far the firm can be believed | assurance |
# | 7 | 保障 | security: freedom from danger, risk and doubt | assurance |
# | 8 | 理解、了解顾客 | understanding the customer and their needs | empathy |
# | 9 | 有形资产 | tangibles | tangibles |
#
# Historically the order ran the other way. Parasuraman, Zeithaml and Berry (1985) first found **ten**
# determinants of service quality in focus groups; the deck's nine are those ten without *competence*
# (能力). Their 1988 paper tested the ten with customer data and **condensed** them into the five
# SERVQUAL dimensions: courtesy, credibility, security and competence became *assurance*; access,
# communication and understanding the customer became *empathy*. The mapping in the last column follows
# that paper.
#
# ## 3 · SERVQUAL: quality as a gap
#
# The deck credits the SERVQUAL model to "the American marketing scholar 白瑞 (Berry) and others, 1988"
# and measures service quality with a questionnaire scored by customers. The usual citation is
# **Parasuraman, Zeithaml & Berry (1988)**; Leonard Berry is the third author. Each customer answers the same
# 22 statements twice, on a seven-point scale: once for what they *expect* of an excellent firm in the
# industry (E, 期望) and once for what they *perceive* of this firm (P, 感知). The score is the gap
#
# $$\text{SERVQUAL score} = P - E$$
#
# (the deck: 实际感受分数 − 期望分数). A negative score means the service falls short of what customers
# expect; zero means it just meets it. It is the same comparison as satisfaction in chapter 6
# (perceived against expected), applied item by item.
#
# The course's data is a survey of 250 customers of a fictional bank branch (seeded synthetic data,
# see `datasets/README.md`); the 22 statements are short paraphrases of the original items.

# %% id="code-04"
items = datasets.load_servqual_items()
items[["item", "dimension", "dimension_zh", "statement_en", "statement_zh"]].head(9)

# %% id="code-05"
survey = datasets.load_servqual_survey()
questions = list(items["item"])
# one row per respondent and answer kind; split into the two frames SERVQUAL compares
perceptions = survey[survey["kind"] == "perception"].set_index("respondent_id")[questions]
expectations = survey[survey["kind"] == "expectation"].set_index("respondent_id")[questions]
print(f"{len(perceptions)} respondents, {len(questions)} items, answers from 1 to 7")
perceptions.iloc[:3, :9]

# %% [markdown] id="md-06"
# ### Gaps per dimension
#
# `crmlab.servqual_gaps` averages P and E over the respondents and the items of each dimension, and
# takes the difference. The `overall` row is the mean of the five dimensions (not of the 22 items, which
# would give the dimensions with five items more weight than those with four).

# %% id="code-07"
gaps = crmlab.servqual_gaps(perceptions, expectations)
gaps

# %% id="code-08"
ax = servqual_gap_chart(gaps)
show(ax)

# %% [markdown] id="md-09"
# *Figure 7.1 · SERVQUAL gaps of the bank branch (250 respondents, synthetic data).* Hollow markers are
# expectations, filled markers perceptions; the red bars are the gaps. Every dimension falls short.
# Customers expect the most of **reliability**, and that is where the branch falls furthest behind
# (−1.10), followed by responsiveness (−1.03); tangibles are almost where customers want them (−0.28).
# A branch that spent its budget on a new lobby would be fixing the smallest gap.
#
# ### Gaps per item
#
# The dimension means hide which statements hurt. The gap of each item is one line of pandas:

# %% id="code-10"
item_gaps = (perceptions - expectations).mean().rename("gap")
items.set_index("item")[["dimension", "statement_en"]].join(item_gaps).sort_values("gap").head(6)

# %% [markdown] id="md-11"
# The largest shortfalls are about keeping promises (q5, q8), solving problems (q6), and help when
# staff are busy (q12, q13): a customer who has to chase a promised service is disappointed on
# reliability and responsiveness at once.
#
# ### Weighting the dimensions
#
# Not every dimension matters equally to customers. SERVQUAL's authors also asked customers to split
# 100 points over the five dimensions and weighted the gaps with them (Zeithaml, Parasuraman & Berry
# 1990; reliability usually gets the most). Our survey did not ask that question, so the weights below are
# an **assumption for illustration**, not data:

# %% id="code-12"
weights = {"tangibles": 10, "reliability": 30, "responsiveness": 25, "assurance": 20, "empathy": 15}  # assumed
weighted = crmlab.servqual_gaps(perceptions, expectations, weights=weights)
pd.DataFrame({"unweighted": gaps["gap"], "weighted": weighted["gap"]})

# %% [markdown] id="md-13"
# With more weight on the two worst dimensions, the overall gap grows from −0.74 to −0.83. The weights
# do not change any dimension's gap, only how much it counts in the total.
#
# ### How many customers are let down?
#
# A mean can hide a split. Averaging each respondent's 22 gaps shows how many customers perceive less
# than they expect overall:

# %% id="code-14"
respondent_gap = (perceptions - expectations).mean(axis=1)
print(f"share of respondents with a negative overall gap: {(respondent_gap < 0).mean():.1%}")
respondent_gap.describe()[["mean", "std", "min", "max"]]

# %% [markdown] id="md-15"
# ## 4 · Keeping watch: three ways to monitor service quality
#
# A survey is a snapshot. Slides B names three ways to keep watching service quality:
#
# 1. **let employees take part (让员工参与服务质量监测)**: front-line staff see failures first; give them
#    a way to record and report them, and a say in fixing them;
# 2. **use statistical processes (利用统计过程进行监测)**: measure the service regularly and look for
#    changes that are larger than chance; this is statistical process control (Shewhart's control
#    charts, see Montgomery 2019), applied to service measures such as waiting times, error rates or
#    survey scores;
# 3. **let customers supervise (让顾客参与监督控制)**: surveys, comment cards, mystery shoppers, and
#    above all complaints (section 5).
#
# Slides B gives only the three names. Here is what the second one looks like on our survey. The data
# carries no interview dates, so **assume** that the bank surveyed 25 customers a week and that the file
# lists them in the order they were interviewed: ten weekly samples. A control chart puts the weekly mean
# gap (each respondent's mean gap over the 22 items, averaged over the week) against limits of ±3
# standard errors around the long-run mean; a week outside the limits calls
# for a look, a week inside is ordinary variation.

# %% id="code-16"
week = pd.Series(range(len(perceptions)), index=perceptions.index) // 25 + 1  # assumed weeks
weekly = respondent_gap.groupby(week).mean().rename("mean gap").rename_axis("week")
centre = respondent_gap.mean()
limit = 3 * respondent_gap.std() / 25 ** 0.5  # three standard errors of a mean of 25
print(f"centre line {centre:.3f}, control limits {centre - limit:.3f} to {centre + limit:.3f}")
weekly.to_frame().assign(outside_limits=(weekly - centre).abs() > limit)

# %% [markdown] id="md-17"
# All ten weeks lie inside the limits: nothing special happened in any week; the gap is a steady
# property of how the branch works, so fixing it needs a change of process, not a hunt for a bad week.
# (With real dates you would plot the same numbers week by week as they come in.)
#
# ## 5 · Complaints (客户投诉)
#
# A complaint is a customer telling the firm, free of charge, where its service fails. Most dissatisfied
# customers never complain; they just leave (a finding of the TARP studies for the US Office of Consumer
# Affairs in the 1970s and 1980s). The ones who do complain give the firm a last chance to keep them.
#
# ### A service centre that became a complaint centre
#
# The Article describes what happens when a firm treats complaints as a nuisance: many firms
# remember only to expand their market and barely manage their customers; the customer service centre
# turns into a complaint centre, where the phrase heard most is "sorry" and nothing changes, as if the
# service staff were hired to apologise. (The Article is machine-reworded: its words 客服管理中央,酿成赞扬核心
# stand for 客服管理中心，变成投诉中心, "the customer service centre becomes a complaint centre".) Dodging complaints, the author says,
# is turning away the god of wealth (财神爷). The same author mocks a "key account manager" who looked after
# dozens of customers: real key-account management puts a whole team on one customer.
#
# ### What a complaining customer needs
#
# Exam question S1-M2 of the Exam collection (set 1, multiple choice 2; the [sources page](../docs/sources.md) explains the
# numbers) lists four needs of a complaining customer:
#
# | need | 中文 | what it asks of the firm |
# |---|---|---|
# | to be cared about | 被关心 | treat the person, not only the case: acknowledge the trouble it caused |
# | to be heard | 被倾听 | let the customer tell the whole story without interruption |
# | professional service | 服务人员专业化 | staff who know the product and the procedure and can decide |
# | a quick response | 迅速反应 | an answer fast, and a clear time for the solution |
#
# ### The complaint handling process (投诉处理流程)
#
# Slides A, the slide deck 《卓越的客户关系管理》, asks firms to build a "customer feedback and complaint
# process system" with
# a complaint handling flow (客户抱怨处理流程) and a list of the problems customers report
# (客户反馈问题一览表), and sets the design of such a flow as homework; the flow itself is blank on the
# slides. A flow along the lines of the international guideline for complaints handling (ISO 10002:2018)
# looks like this:
#
# | step | what happens | the customer's need it serves |
# |---|---|---|
# | 1 receive and record | any channel (counter, phone, online); log who, what, when in the problem list | heard |
# | 2 acknowledge | confirm receipt at once, name a contact person and a time frame | cared for, quick response |
# | 3 assess and route | classify the complaint (product, service, price, staff), judge its urgency, pass it to whoever can decide | professional |
# | 4 investigate | establish the facts with the customer and the staff involved | professional |
# | 5 resolve and respond | decide a remedy, tell the customer, and carry it out | quick response |
# | 6 follow up and close | check that the customer is satisfied before closing the case | cared for |
# | 7 analyse and prevent | review the problem list regularly; fix the causes, not only the cases | (the next customer) |
#
# ### Calming a dissatisfied customer in six steps
#
# Exam paper B, one of the three open exam papers (A, B, C) of the Exam collection, asks: which six steps calm a dissatisfied customer (平息客户的不满)? The
# material lists the question but not the steps. Service-recovery research (Bell & Zemke 1987; Tax &
# Brown 1998) and the Chinese customer-service textbooks teach a sequence like this one:
#
# 1. **listen** and let the customer vent, without interrupting or arguing (倾听);
# 2. **show understanding** of how the customer feels (表示理解和同情);
# 3. **apologise** sincerely for the trouble, without blaming colleagues or the customer (道歉);
# 4. **find the problem and propose a solution**, asking what the customer would consider fair (提出解决方案);
# 5. **act quickly** on what was agreed, and keep the promise of time (迅速执行);
# 6. **follow up** after the solution to check that the customer is satisfied (跟踪回访).
#
# Firms that fix a failure well sometimes end with a customer more loyal than before the failure, the
# *service recovery paradox* (McCollough & Bharadwaj 1992); later studies find the effect only under
# favourable conditions, so it is no reason to fail on purpose.
#
# ### Customer care after the complaint (客户关怀)
#
# The bank-branch training of the Exam collection shows what the branch does after a complaint, as six actions of
# customer care: keep the customer's detailed information; send a thank-you letter (感谢函); keep in touch;
# tell the customer promptly the bank's solution to their request; send satisfaction questionnaires at
# regular intervals; send information on services or products at set times. Exam paper C asks for the
# means of customer care and how to evaluate them: the SERVQUAL survey above, the problem list of the
# complaint flow and the retention of complainers (chapter 8) are three ways to evaluate it.
#
# ### Role-play: handle a complaint (投诉处理情景演练)
#
# The same training ends with a role-play, which works well in class:
#
# * two groups each send one person: one plays the complaining customer, the other the customer manager;
# * **four minutes to prepare, two minutes to perform**;
# * everyone else observes and comments afterwards: which of the four needs did the manager meet, which
#   of the six steps did they skip?
#
# A scenario from our data: the customer was promised a transfer for Monday and it arrived on Thursday
# (items q5 and q8, the largest gaps of Figure 7.1).
#
# ## 6 · Explore: what a kept customer is worth
#
# The lecture material gives no figures on what a complaint handled well is worth, so here is a way to
# reason about it with your own assumptions. Suppose a complaining customer brings a margin of 100 yuan a
# year, and that a well-handled complaint raises the chance that they stay from year to year. The explorer
# computes the customer's lifetime value (客户终身价值, chapter 8) from the margin, the retention rate and
# the discount rate, and shows what five more points of retention are worth. Move the retention slider
# from 0.6 (a complaint handled badly, say) to 0.8 (handled well): the difference, multiplied by the
# number of complaints a year, is the budget the complaint desk can justify.

# %% id="code-18"
# NBVAL_IGNORE_OUTPUT
from crmlab.widgets import clv_explorer

clv_explorer(margin=100.0, retention=0.6, discount=0.1)

# %% [markdown] id="md-19"
# ### Try it yourself
#
# * Change the weights in the cell below: give tangibles 40 and reliability 10. How much does the overall
#   gap move? Which manager would like these weights, and why are they misleading?
# * Compute the gaps for the first 50 respondents only (`perceptions.iloc[:50]`). How stable are the
#   dimension gaps with a small sample?
# * Use the nine factors instead of the five dimensions: build a `dimension_of` dict that maps the 22 items
#   to the dimensions of your choice and pass it to `crmlab.servqual_gaps`.

# %% id="code-20"
my_weights = {"tangibles": 10, "reliability": 30, "responsiveness": 25, "assurance": 20, "empathy": 15}  # try others
crmlab.servqual_gaps(perceptions, expectations, weights=my_weights).loc["overall"]

# %% [markdown] id="md-21"
# ## Summary
#
# * Quality has a technical side (*what* is delivered) and a functional side (*how*); customers judge
#   both, and the *how* often decides.
# * Slides B lists five factors (tangibles, response, staff dedication, assurance, reliability) and the five
#   SERVQUAL dimensions: **tangibles, reliability, responsiveness, assurance, empathy**; its nine detailed
#   factors are Parasuraman, Zeithaml & Berry's determinants, which their 1988 paper condensed into the five.
# * SERVQUAL score = perception − expectation, from a questionnaire answered twice. For the bank branch,
#   every dimension falls short; reliability most (−1.10), tangibles least (−0.28); overall −0.74 unweighted.
# * Monitor quality through staff, statistical process monitoring (control limits) and customers.
# * A complaining customer needs to be cared about, heard, served professionally and answered quickly.
#   Handle complaints in a flow from receipt to prevention, calm the customer in six steps (listen,
#   understand, apologise, solve, act, follow up) and follow up with customer care.
#
# **Exam-style questions this chapter prepares for:** S1-M2 (the needs of a complaining customer), in the
# assignment; from the open papers of the Exam collection: the six steps to calm a dissatisfied customer (paper B), the
# definition of customer care (paper B) and its means and evaluation (paper C).
#
# ## References
#
# * The lecture materials, by the names the course gives them (the [sources page](../docs/sources.md) says what each one is):
#   Slides B, the slide deck 《高级营销师：客户关系管理》 (technical and functional quality, the five
#   factors, SERVQUAL, the nine factors, three ways of monitoring); the Exam collection 《客户关系管理ABC》
#   (exam question S1-M2, exam papers B and C, the bank-branch training: customer care after a complaint,
#   the role-play); the Article, a web article on managing old customers (the complaint centre); Slides A,
#   the slide deck 《卓越的客户关系管理》 (complaint handling flow). Quoted in short phrases with attribution.
# * Bell, C. R., & Zemke, R. E. (1987). Service breakdown: the road to recovery. *Management Review*, 76(10), 32–35.
# * Grönroos, C. (1984). A service quality model and its marketing implications. *European Journal of Marketing*, 18(4), 36–44.
# * ISO 10002:2018. *Quality management — Customer satisfaction — Guidelines for complaints handling in organizations*.
# * McCollough, M. A., & Bharadwaj, S. G. (1992). The recovery paradox. In *AMA Educators' Proceedings*, vol. 3, 119.
# * Montgomery, D. C. (2019). *Introduction to Statistical Quality Control* (8th ed.). Wiley.
# * Parasuraman, A., Zeithaml, V. A., & Berry, L. L. (1985). A conceptual model of service quality and its
#   implications for future research. *Journal of Marketing*, 49(4), 41–50.
# * Parasuraman, A., Zeithaml, V. A., & Berry, L. L. (1988). SERVQUAL: a multiple-item scale for measuring
#   consumer perceptions of service quality. *Journal of Retailing*, 64(1), 12–40.
# * Tax, S. S., & Brown, S. W. (1998). Recovering and learning from service failure. *Sloan Management Review*, 40(1), 75–88.
# * Zeithaml, V. A., Parasuraman, A., & Berry, L. L. (1990). *Delivering Quality Service*. Free Press.
