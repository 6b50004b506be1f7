# %% [markdown] id="md-01" nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Practice exam · 模拟试卷
#
# This practice exam has the shape of the course's written exam as the lecture material describes it.
# The Exam collection (《客户关系管理ABC》, a collection of exam questions and course notes, one of the five
# lecture materials the course cites; the [sources page](../../docs/sources.md) names them all) states the format of the exam in one
# line: definitions 5 × 6 = 30 points (名词解释), single choice 15 (单选), true or false 10 (判断), short
# answers 15 (简答) and case analysis 2 × 15 = 30 (案例分析): **100 points** in all. The same collection
# holds three open exam papers (试卷类型 A, B and C, closed-book, 闭卷考试), each with definitions, short
# answers, essays and a practical task; "paper B" below means the second of them. The definitions, short
# answers and cases below are taken from those papers; the choice and true/false items are new, written
# for this exam in the style of the collection's choice questions from what the chapters teach (those
# choice questions themselves, numbered S1-S1 to S3-M5, are graded in the chapter assignments; S1-S1
# is set 1, single choice 1).
#
# **Time.** The Exam collection gives no duration. We assume **120 minutes**, the usual length of a closed-book
# course exam; `docs/practice-exam.md` suggests how to split them. Answer Parts 1 to 4 and Case 2
# without notes; Case 1 of Part 5 is a data case that you solve with pandas in this notebook.
#
# **How you are graded.** 34 points are graded automatically and 66 points by your instructor, **100 points** in all:
#
# | part | questions | what | points |
# |---|---|---|---|
# | 1 · definitions 名词解释 | q1 to q5 | five terms, written (graded by hand) | 5 × 6 = 30 |
# | 2 · single choice 单项选择 | q6 to q20 | one letter each | 15 × 1 = 15 |
# | 3 · true or false 判断 | q21 to q30 | `"T"` or `"F"` each | 10 × 1 = 10 |
# | 4 · short answers 简答 | q31 to q33 | written (graded by hand) | 3 × 5 = 15 |
# | 5 · case 1 (data) | q34, q35, q36 | computed answers | 2 + 2 + 2 = 6 |
# | | q37 | your own `watch_list` function | 3 |
# | | q38 | memo, written (graded by hand) | 6 |
# | 5 · case 2 | q39, q40, q41 | written (graded by hand) | 4 + 4 + 7 = 15 |
#
# Each auto-graded item is all or nothing. Under every answer cell there is a **check cell**: run it
# for instant feedback. It tells you when an answer is not attempted yet, has the wrong format, or
# matches a mistake we often see; passing a check does *not* mean the answer is right. Hidden tests
# decide that when your notebook is graded; your function in q37 is tested on data you have not seen.
# Written answers go into the Markdown cells that say `YOUR ANSWER HERE`; your instructor grades them
# with a rubric. Replace each `...` with your answer, do not rename the variables, and do not delete or
# copy cells. Before you submit, run *Kernel → Restart and run all* (or press **Validate**).

# %% id="code-02" nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from crmlab.checks import for_assignment
from crmlab.datasets import load_b2b_customers

check, report = for_assignment("10_practice_exam").names

# Case 1: 200 business customers of a fictional supplier, money in 10k yuan (万元)
customers = load_b2b_customers()
customers.head()

# %% [markdown] id="md-03" nbgrader={"grade": false, "grade_id": "part1", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part 1 · Definitions · 名词解释 (30 points, 5 × 6)
#
# Define each term in your own words in three to six sentences: what it is, its key elements, and one
# example or contrast that shows you understand it. A sentence learned by heart earns less than an
# explanation. The terms come from the open papers of the Exam collection.
#
# **q1 (6 points) · 关系营销** · *relationship marketing* (paper C)

# %% [markdown] id="q1-written" nbgrader={"grade": true, "grade_id": "q1", "locked": false, "points": 6, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 0, section 1 and section 3; chapter 3 for trust and commitment):
# Relationship marketing sees marketing as an ongoing interaction between the firm and everyone it deals
# with (consumers, suppliers, distributors, competitors, government bodies and the public) and makes
# building, keeping and developing good long-term relationships with them its core task (the knowledge
# points of the Exam collection). Where transaction marketing aims at the next sale, relationship marketing aims at
# keeping customers and growing what each relationship is worth over time; Slides A calls the move from
# one to the other the fundamental route for Chinese firms (变交易营销为关系营销). It rests on mutual benefit
# (win-win instead of a zero-sum game over price, the Lecture notes), two-way communication, and trust leading to
# commitment (Morgan & Hunt 1994). Example: a small supplier that works its way into a large customer's
# supply chain and becomes its first-choice supplier.
#
# Rubric (6 points):
# * 2: marketing as interaction / relationships with several parties, not only end customers.
# * 2: the core aim: establish, keep and develop long-term, mutually beneficial relationships
#   (retention and relationship value, not single transactions).
# * 1: the contrast with transaction marketing (one-off sale, 4P / market share focus).
# * 1: a mechanism or example (trust and commitment, win-win, two-way communication, a concrete case).
# === END MARK SCHEME ===

# %% [markdown] id="md-04" nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q2 (6 points) · 客户关系** · *customer relationship* (papers A, B and C)

# %% [markdown] id="q2-written" nbgrader={"grade": true, "grade_id": "q2", "locked": false, "points": 6, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 2, sections 2 and 4; chapters 3 and 4 for what sustains it):
# A customer relationship is the lasting, two-way connection between a firm and a customer that goes
# beyond single sales. The Lecture notes give it three characteristics: mutuality (both sides must find it worth
# keeping; if one side stops, it is over), lasting benefit (both keep gaining, otherwise it is a one-off
# deal, 一锤子买卖) and uniqueness (a one-to-one tie, absolute when the customer buys only from this firm,
# relative when the firm is one of several). It develops through stages (awareness, exploration,
# expansion, commitment, and dissolution, which can happen at any stage) and is held together by trust,
# assurance, dependence and fairness. Contrast: a discrete transaction (互不关联交易) has no relationship
# behind it; relational exchange (关系型交易) is trade guided by one.
#
# Rubric (6 points):
# * 2: an ongoing, two-way connection / exchange between firm and customer beyond individual transactions.
# * 2: at least two of the three characteristics (mutuality, lasting benefit, uniqueness), 1 point each.
# * 1: it develops over stages (the relationship process or the lifecycle).
# * 1: what sustains it (trust, fairness, dependence, interaction) or the contrast with discrete transactions.
# === END MARK SCHEME ===

# %% [markdown] id="md-05" nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q3 (6 points) · 客户终生价值** · *customer lifetime value* (paper C; the course writes 客户终身价值)

# %% [markdown] id="q3-written" nbgrader={"grade": true, "grade_id": "q3", "locked": false, "points": 6, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 1, section 7; chapter 8, section 8):
# Customer lifetime value (CLV) is the value of a customer to the firm measured as the present value of
# the profit the customer brings while the relationship lasts. The Exam collection distinguishes a broad sense (the
# present value of all the profit over the whole relationship, past and future) from a narrow sense (the
# customer's future profit only). The material gives no formula; the standard one (Gupta & Lehmann 2003)
# adds up the yearly margin m, weighted by the chance r^t that the customer is still there and discounted
# at the rate d: over an unlimited horizon CLV = m·r / (1 + d − r); e.g. m = 100 yuan, r = 0.8, d = 10 %
# gives about 267 yuan (crmlab.clv). CLV treats customers as assets: it says how much it is worth
# spending to win or to keep a customer, and why a few points of retention are worth so much.
#
# Rubric (6 points):
# * 2: present value of the profit a customer brings over the relationship.
# * 2: the broad versus the narrow sense (all profit vs future profit only).
# * 1: its components or formula (margin, retention rate, discount rate, horizon).
# * 1: what it is used for (acquisition and retention budgets, customers as assets, choosing whom to serve how).
# === END MARK SCHEME ===

# %% [markdown] id="md-06" nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q4 (6 points) · 客户满意** · *customer satisfaction* (paper B)

# %% [markdown] id="q4-written" nbgrader={"grade": true, "grade_id": "q4", "locked": false, "points": 6, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 6, sections 1, 2, 4 to 7):
# Customer satisfaction is the state a customer reaches by comparing what he or she perceives a product
# or service to deliver with what he or she expected (Exam collection); Slides B adds that it is the customer's
# direct, overall evaluation of the firm's products and services, and the basis of the customer's trust.
# It is relative: the same service can satisfy one customer and disappoint another whose expectations
# were higher. In the index C = b/a, read by the course as perceived (b) over expected (a), C > 1 means
# satisfied and C < 1 dissatisfied. It has levels (content, pleased, relieved, novelty, delight) and is
# measured with a CSM survey, e.g. on the seven-level scale scored by the simple scale score method or the
# percentage weighted method. Satisfaction is not yet loyalty: loyalty is satisfaction reinforced over
# time, and even satisfied customers may defect.
#
# Rubric (6 points):
# * 3: perceived performance compared with expectation (1 point only for "the customer is happy").
# * 1: relative / subjective: depends on each customer's expectations (or raising expectations raises the bar).
# * 1: how it is measured (CSM scale, scale score or weighted method) or its levels.
# * 1: its place in the chain: the basis of trust and the source of loyalty, but not loyalty itself.
# === END MARK SCHEME ===

# %% [markdown] id="md-07" nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q5 (6 points) · 客户忠诚度** · *customer loyalty* (paper A)

# %% [markdown] id="q5-written" nbgrader={"grade": true, "grade_id": "q5", "locked": false, "points": 6, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 8, sections 1 to 3):
# Customer loyalty is a customer's recognition of and trust in a firm or a brand, which shows in buying
# from it again and again and preferring it to competitors. Slides B says it grows out of satisfaction
# that is reinforced over time, but where satisfaction leans towards feeling, loyalty is a judgement made
# on a rational basis. It has three levels: cognitive (believing the offer is the best), affective (liking
# the brand) and behavioural (actually buying again). Slides B measures it with eight measures, e.g. the
# repeat purchase rate, attention to the brand, price sensitivity (less sensitive = more loyal), the
# attitude to competitors and tolerance of quality incidents. Attitude and behaviour can diverge: a
# customer who buys out of habit or lack of choice is only spuriously loyal (Dick & Basu 1994). Loyalty
# brings long-term orders, repeat business, a price premium and word of mouth.
#
# Rubric (6 points):
# * 2: definition: recognition / trust / preference shown in repeated patronage.
# * 1: grows from repeated satisfaction but is rational (the contrast with satisfaction).
# * 1: the three levels (cognitive, affective, behavioural).
# * 1: at least two of the measures (repeat purchase rate, price sensitivity, ...).
# * 1: attitude versus behaviour (spurious / latent loyalty) or what loyalty brings the firm.
# === END MARK SCHEME ===

# %% [markdown] id="md-08" nbgrader={"grade": false, "grade_id": "part2", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part 2 · Single choice · 单项选择题 (15 points, 15 × 1)
#
# Each question has exactly one correct option. Store its letter as a string, e.g. `q6_answer = "B"`.
# The Chinese is the original question; the English beside it is a translation.

# %% [markdown] id="md-09" nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q6 (1 point).** 综合各种定义，客户关系管理可以从理念、技术、实施三个层面来理解。其中，被视为CRM成功之关键的是（ ） · *CRM can be understood on three levels: idea, technology and implementation. Which one is regarded as the key to CRM's success?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 技术 | technology |
# | B | 实施 | implementation |
# | C | 理念 | the idea |
# | D | 软件系统 | the software system |

# %% id="q6-answer" nbgrader={"grade": false, "grade_id": "q6-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q6_answer = ...
### BEGIN SOLUTION
q6_answer = "C"
### END SOLUTION

# %% id="q6-test" nbgrader={"grade": true, "grade_id": "q6", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q6", q6_answer)
### BEGIN HIDDEN TESTS
# Key C (chapter 0, section 1): in the iron triangle of the Exam collection the idea (理念) is the key to success
# and the soil for everything else; technology is the means, and implementation is what decides
# directly how well CRM works (the likely distractor B). D is the technology corner again.
report("q6", q6_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-10" nbgrader={"grade": false, "grade_id": "q7_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q7 (1 point).** 与“顾客”相比，下列关于“客户”的说法中，正确的是（ ） · *Compared with an anonymous customer (顾客), which statement about a customer in the CRM sense (客户) is correct?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 客户可以没有名字 | a 客户 may have no name |
# | B | 客户由指定的专人提供服务 | a 客户 is served by a designated person |
# | C | 客户是作为某个群体的一部分接受服务的 | a 客户 is served as part of a group |
# | D | 客户可以由公司的任何人提供服务 | a 客户 may be served by anyone in the firm |

# %% id="q7-answer" nbgrader={"grade": false, "grade_id": "q7-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q7_answer = ...
### BEGIN SOLUTION
q7_answer = "B"
### END SOLUTION

# %% id="q7-test" nbgrader={"grade": true, "grade_id": "q7", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q7", q7_answer)
### BEGIN HIDDEN TESTS
# Key B (chapter 0, section 5; the Exam collection): a 客户 has a name, is served as an individual and by a
# designated person. A, C and D describe the anonymous 顾客.
report("q7", q7_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-11" nbgrader={"grade": false, "grade_id": "q8_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q8 (1 point).** 狭义的客户终身价值是指（ ） · *Customer lifetime value in the narrow sense is:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 客户在与企业关系全过程中带来的全部利润的现值 | the present value of all the profit over the whole relationship |
# | B | 客户过去一年为企业带来的利润 | the profit the customer brought last year |
# | C | 企业吸引该客户所花费的成本 | what it cost the firm to win the customer |
# | D | 客户未来为企业带来的利润 | the profit the customer will bring in the future |

# %% id="q8-answer" nbgrader={"grade": false, "grade_id": "q8-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q8_answer = ...
### BEGIN SOLUTION
q8_answer = "D"
### END SOLUTION

# %% id="q8-test" nbgrader={"grade": true, "grade_id": "q8", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q8", q8_answer)
### BEGIN HIDDEN TESTS
# Key D (chapter 1, section 7; the Exam collection's knowledge points): the narrow CLV counts future profit
# only. A is the broad sense; B and C are not lifetime values at all.
report("q8", q8_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-12" nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q9 (1 point).** 某企业客户的年流失率稳定在40%，则一个客户平均与企业保持关系约（ ）年 · *A firm loses a steady 40 % of its customers every year. On average, how many years does a customer stay?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 2.5 | 2.5 |
# | B | 0.4 | 0.4 |
# | C | 4 | 4 |
# | D | 6 | 6 |

# %% id="q9-answer" nbgrader={"grade": false, "grade_id": "q9-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q9_answer = ...
### BEGIN SOLUTION
q9_answer = "A"
### END SOLUTION

# %% id="q9-test" nbgrader={"grade": true, "grade_id": "q9", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q9", q9_answer)
### BEGIN HIDDEN TESTS
# Key A (chapter 1, section 5): with a constant churn rate c a customer stays 1 / c years on
# average, 1 / 0.4 = 2.5 (the wireless company of the Article had the same churn).
report("q9", q9_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-13" nbgrader={"grade": false, "grade_id": "q10_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q10 (1 point).** 在客户关系基本过程（认知、探测、扩大、承诺、解除）中，双方相互试探、投入和风险都很小、关系比较脆弱的阶段是（ ） · *In the relationship development process (awareness, exploration, expansion, commitment, dissolution), in which stage do the sides test each other, with little investment and risk, so that the relationship is fragile?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 认知 | awareness |
# | B | 探测 | exploration |
# | C | 扩大 | expansion |
# | D | 承诺 | commitment |

# %% id="q10-answer" nbgrader={"grade": false, "grade_id": "q10-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q10_answer = ...
### BEGIN SOLUTION
q10_answer = "B"
### END SOLUTION

# %% id="q10-test" nbgrader={"grade": true, "grade_id": "q10", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q10", q10_answer)
### BEGIN HIDDEN TESTS
# Key B (chapter 2, section 2; the Lecture notes): exploration is the testing stage that the Lecture notes call
# fragile. In awareness nothing has been exchanged yet; commitment is the key, stable stage.
report("q10", q10_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-14" nbgrader={"grade": false, "grade_id": "q11_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q11 (1 point).** 按照讲义的区分，一方在关系进入承诺阶段之前离开，严格地说属于（ ），一般不涉及法律责任 · *In the lecture's terms, when one side leaves before the relationship has reached commitment, this is strictly speaking (  ), which usually carries no legal liability.*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 解除 | dissolution |
# | B | 衰退 | decline |
# | C | 恢复 | restoration |
# | D | 退出 | exit |

# %% id="q11-answer" nbgrader={"grade": false, "grade_id": "q11-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q11_answer = ...
### BEGIN SOLUTION
q11_answer = "D"
### END SOLUTION

# %% id="q11-test" nbgrader={"grade": true, "grade_id": "q11", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q11", q11_answer)
### BEGIN HIDDEN TESTS
# Key D (chapter 2, section 2; the Lecture notes): leaving before commitment is an exit (退出); only
# withdrawing from a committed relationship is dissolution (解除) in the strict sense, with
# questions of legal liability (the likely distractor A).
report("q11", q11_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-15" nbgrader={"grade": false, "grade_id": "q12_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q12 (1 point).** 下列各项中，不属于建设互信关系的重要因素的是（ ） · *Which of the following is NOT one of the factors that build mutual trust?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 一方对另一方的单方面依赖 | one side's one-sided dependence on the other |
# | B | 共同愿望 | shared wishes |
# | C | 价值共享 | shared values |
# | D | 非机会主义 | non-opportunism |

# %% id="q12-answer" nbgrader={"grade": false, "grade_id": "q12-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q12_answer = ...
### BEGIN SOLUTION
q12_answer = "A"
### END SOLUTION

# %% id="q12-test" nbgrader={"grade": true, "grade_id": "q12", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q12", q12_answer)
### BEGIN HIDDEN TESTS
# Key A (chapter 3, section 2; the Lecture notes): the factors are shared wishes, shared values, MUTUAL
# dependence, high-quality communication and non-opportunism. One-sided dependence makes the
# dependent side the weak side and can shake trust.
report("q12", q12_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-16" nbgrader={"grade": false, "grade_id": "q13_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q13 (1 point).** 某酒店预订时报价每晚300元，客人退房结账时才被告知另收一笔事先未说明的“城市服务费”。这种做法主要违背了（ ） · *A hotel quotes 300 yuan a night when the room is booked; only at check-out is the guest told about a "city service fee" that was never mentioned. This mainly violates:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 分配结果公平 | distributive fairness |
# | B | 事实分配公平 | factual distributive fairness |
# | C | 程序公平 | procedural fairness |
# | D | 长远性分配公平 | long-run distributive fairness |

# %% id="q13-answer" nbgrader={"grade": false, "grade_id": "q13-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q13_answer = ...
### BEGIN SOLUTION
q13_answer = "C"
### END SOLUTION

# %% id="q13-test" nbgrader={"grade": true, "grade_id": "q13", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q13", q13_answer)
### BEGIN HIDDEN TESTS
# Key C (chapter 4, section 2; the Lecture notes): a hidden surcharge (价外加价) is the Lecture notes' typical
# procedural violation: the rule was hidden and changed the deal after the guest committed. The
# total price might be fair, so the distributive options A, B and D miss the point.
report("q13", q13_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-17" nbgrader={"grade": false, "grade_id": "q14_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q14 (1 point).** ABC客户管理“五步法”的第三步是（ ） · *What is the third step of the five-step ABC process?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 销售统计报表 | the sales statistics report |
# | B | 按销售额分类 | classifying customers by sales |
# | C | 成长率排行榜 | the growth-rate ranking |
# | D | 销售额达成率排行榜 | the sales achievement-rate ranking |

# %% id="q14-answer" nbgrader={"grade": false, "grade_id": "q14-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q14_answer = ...
### BEGIN SOLUTION
q14_answer = "D"
### END SOLUTION

# %% id="q14-test" nbgrader={"grade": true, "grade_id": "q14", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q14", q14_answer)
### BEGIN HIDDEN TESTS
# Key D (chapter 5, section 2; Slides A): 1 sales report, 2 classify by sales, 3 achievement-rate
# ranking, 4 growth-rate ranking, 5 key-customer action table.
report("q14", q14_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-18" nbgrader={"grade": false, "grade_id": "q15_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q15 (1 point).** 在“客户满意平台”中，被称为客户满意之“关键”的是（ ） · *On the satisfaction platform, which pillar is called the key (关键) to customer satisfaction?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 服务满意 | service satisfaction |
# | B | 产品满意 | product satisfaction |
# | C | 视觉满意 | visual satisfaction |
# | D | 员工满意 | employee satisfaction |

# %% id="q15-answer" nbgrader={"grade": false, "grade_id": "q15-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q15_answer = ...
### BEGIN SOLUTION
q15_answer = "A"
### END SOLUTION

# %% id="q15-test" nbgrader={"grade": true, "grade_id": "q15", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q15", q15_answer)
### BEGIN HIDDEN TESTS
# Key A (chapter 6, section 3; Slides A): product satisfaction is the basis, visual (brand)
# satisfaction the accelerator, service satisfaction the key. Employee satisfaction is not a
# pillar of the platform (it drives customer satisfaction, chapter 6 section 8).
report("q15", q15_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-19" nbgrader={"grade": false, "grade_id": "q16_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q16 (1 point).** 根据讲义引用的研究结果，员工满意度提高5%，会连带提升客户满意度约（ ） · *According to the research the lecture quotes, when employee satisfaction rises by 5 %, customer satisfaction rises by about:*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 0.5% | 0.5 % |
# | B | 1.3% | 1.3 % |
# | C | 5% | 5 % |
# | D | 25% | 25 % |

# %% id="q16-answer" nbgrader={"grade": false, "grade_id": "q16-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q16_answer = ...
### BEGIN SOLUTION
q16_answer = "B"
### END SOLUTION

# %% id="q16-test" nbgrader={"grade": true, "grade_id": "q16", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q16", q16_answer)
### BEGIN HIDDEN TESTS
# Key B (chapter 6, section 8; Slides B, quoted in load_satisfaction_chain): +5 % employee
# satisfaction goes with +1.3 % customer satisfaction and +0.5 % performance (distractor A).
# 25 % is the bottom of the loyalty-profit claim of Slides A (chapter 1).
report("q16", q16_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-20" nbgrader={"grade": false, "grade_id": "q17_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q17 (1 point).** SERVQUAL分数的计算方法是（ ） · *How is the SERVQUAL score computed?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 期望分数 − 实际感受分数 | expectation score − perception score |
# | B | 实际感受分数 ÷ 期望分数 | perception score ÷ expectation score |
# | C | 实际感受分数 − 期望分数 | perception score − expectation score |
# | D | 实际感受分数 + 期望分数 | perception score + expectation score |

# %% id="q17-answer" nbgrader={"grade": false, "grade_id": "q17-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q17_answer = ...
### BEGIN SOLUTION
q17_answer = "C"
### END SOLUTION

# %% id="q17-test" nbgrader={"grade": true, "grade_id": "q17", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q17", q17_answer)
### BEGIN HIDDEN TESTS
# Key C (chapter 7, section 3; Slides B): SERVQUAL score = perception - expectation; a negative
# score means the service falls short. B is the ratio form of the satisfaction index C = b/a
# (chapter 6), not SERVQUAL.
report("q17", q17_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-21" nbgrader={"grade": false, "grade_id": "q18_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q18 (1 point).** 服务质量中，指顾客对产品或服务的消费感受，即顾客“如何”得到服务的是（ ） · *Which part of service quality is the customer's experience of consuming the product or service, i.e. HOW the customer gets it?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 技术质量 | technical quality |
# | B | 当然质量 | must-be quality |
# | C | 迷人质量 | attractive quality |
# | D | 功能质量 | functional quality |

# %% id="q18-answer" nbgrader={"grade": false, "grade_id": "q18-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q18_answer = ...
### BEGIN SOLUTION
q18_answer = "D"
### END SOLUTION

# %% id="q18-test" nbgrader={"grade": true, "grade_id": "q18", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q18", q18_answer)
### BEGIN HIDDEN TESTS
# Key D (chapter 7, section 1; Slides B): technical quality is WHAT is delivered (the likely
# distractor A), functional quality HOW it is delivered. B and C are Kano's kinds of quality
# (chapter 6).
report("q18", q18_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-22" nbgrader={"grade": false, "grade_id": "q19_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q19 (1 point).** 与客户满意倾向于感性感觉不同，客户忠诚是客户建立在（ ）基础上的认同和信赖 · *Unlike satisfaction, which leans towards feeling, customer loyalty is recognition and trust built on a (  ) basis.*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 理性 | rational |
# | B | 感性 | emotional |
# | C | 价格 | price |
# | D | 习惯 | habit |

# %% id="q19-answer" nbgrader={"grade": false, "grade_id": "q19-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q19_answer = ...
### BEGIN SOLUTION
q19_answer = "A"
### END SOLUTION

# %% id="q19-test" nbgrader={"grade": true, "grade_id": "q19", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q19", q19_answer)
### BEGIN HIDDEN TESTS
# Key A (chapter 8, section 1; Slides B): loyalty is an affirmation on a rational basis, where
# satisfaction leans towards feeling. D describes spurious loyalty (Dick & Basu 1994).
report("q19", q19_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-23" nbgrader={"grade": false, "grade_id": "q20_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q20 (1 point).** RFM分析法中的“F”指的是（ ） · *In RFM analysis, what does F stand for?*
#
# | | 原文 | translation |
# |---|---|---|
# | A | 购买金额 | the amount spent |
# | B | 购买频率 | the purchase frequency |
# | C | 最近一次购买的时间间隔 | the time since the last purchase |
# | D | 客户满意度 | customer satisfaction |

# %% id="q20-answer" nbgrader={"grade": false, "grade_id": "q20-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q20_answer = ...
### BEGIN SOLUTION
q20_answer = "B"
### END SOLUTION

# %% id="q20-test" nbgrader={"grade": true, "grade_id": "q20", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q20", q20_answer)
### BEGIN HIDDEN TESTS
# Key B (chapter 8, section 7; the Exam collection): R = recency (C), F = frequency, M = monetary value (A).
report("q20", q20_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-24" nbgrader={"grade": false, "grade_id": "part3", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part 3 · True or false · 判断题 (10 points, 10 × 1)
#
# Decide whether each statement is true or false. Store `"T"` (true, 对) or `"F"` (false, 错) as a
# string, e.g. `q21_answer = "T"`. Not `True`/`False`, not `"对"`: the check will tell you.

# %% [markdown] id="md-25" nbgrader={"grade": false, "grade_id": "q21_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q21 (1 point).** 分析型CRM对运营中记录下来的客户数据进行分析，用于细分客户、识别有价值的客户和预测客户行为。
#
# *Analytical CRM analyses the customer data recorded in operations to segment customers, find the valuable ones and predict their behaviour.*

# %% id="q21-answer" nbgrader={"grade": false, "grade_id": "q21-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q21_answer = ...
### BEGIN SOLUTION
q21_answer = "T"
### END SOLUTION

# %% id="q21-test" nbgrader={"grade": true, "grade_id": "q21", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q21", q21_answer)
### BEGIN HIDDEN TESTS
# True (chapter 0, section 2): that is analytical CRM; operational CRM records the data in
# marketing, sales and service, collaborative CRM shares it across channels.
report("q21", q21_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-26" nbgrader={"grade": false, "grade_id": "q22_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q22 (1 point).** 企业失去50名老客户、同时获得50名新客户，客户总数不变，因此企业的营销业绩没有变化。
#
# *A firm loses 50 old customers and wins 50 new ones; the number of customers is unchanged, so its marketing performance has not changed.*

# %% id="q22-answer" nbgrader={"grade": false, "grade_id": "q22-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q22_answer = ...
### BEGIN SOLUTION
q22_answer = "F"
### END SOLUTION

# %% id="q22-test" nbgrader={"grade": true, "grade_id": "q22", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q22", q22_answer)
### BEGIN HIDDEN TESTS
# False (chapter 1, sections 1 to 4; Slides A's opening question): the firm paid to win the
# newcomers, and long-standing customers are usually more profitable than new ones.
report("q22", q22_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-27" nbgrader={"grade": false, "grade_id": "q23_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q23 (1 point).** 客户关系在任何阶段都可能解除，并不一定要到衰退期才会结束。
#
# *A customer relationship can end at any stage; it does not have to reach decline first.*

# %% id="q23-answer" nbgrader={"grade": false, "grade_id": "q23-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q23_answer = ...
### BEGIN SOLUTION
q23_answer = "T"
### END SOLUTION

# %% id="q23-test" nbgrader={"grade": true, "grade_id": "q23", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q23", q23_answer)
### BEGIN HIDDEN TESTS
# True (chapter 2, section 2; the Lecture notes): dissolution is possible from any stage (before
# commitment it is called an exit).
report("q23", q23_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-28" nbgrader={"grade": false, "grade_id": "q24_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q24 (1 point).** 信任只要一方信任另一方就可以长期维持，不需要双向建立。
#
# *Trust lasts as long as one side trusts the other; it does not need to run both ways.*

# %% id="q24-answer" nbgrader={"grade": false, "grade_id": "q24-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q24_answer = ...
### BEGIN SOLUTION
q24_answer = "F"
### END SOLUTION

# %% id="q24-test" nbgrader={"grade": true, "grade_id": "q24", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q24", q24_answer)
### BEGIN HIDDEN TESTS
# False (chapter 3, section 1; the Lecture notes): trust must run both ways; one-sided trust rarely lasts.
report("q24", q24_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-29" nbgrader={"grade": false, "grade_id": "q25_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q25 (1 point).** 客户通常可以容忍一次性的分配不公，但难以容忍反复出现的分配不公。
#
# *Customers usually tolerate a one-off unfair outcome but not repeated ones.*

# %% id="q25-answer" nbgrader={"grade": false, "grade_id": "q25-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q25_answer = ...
### BEGIN SOLUTION
q25_answer = "T"
### END SOLUTION

# %% id="q25-test" nbgrader={"grade": true, "grade_id": "q25", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q25", q25_answer)
### BEGIN HIDDEN TESTS
# True (chapter 4, section 3; the Lecture notes): one-off vs long-run distributive fairness; customers
# accept 'unfair now, compensated next time'.
report("q25", q25_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-30" nbgrader={"grade": false, "grade_id": "q26_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q26 (1 point).** 按照讲义的“不超过”规则进行ABC分类时，使累计销售额越过A类目标线的那个客户应归入A类。
#
# *Under the lecture's do-not-exceed rule of ABC classification, the customer whose sales take the running total past the A target belongs to class A.*

# %% id="q26-answer" nbgrader={"grade": false, "grade_id": "q26-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q26_answer = ...
### BEGIN SOLUTION
q26_answer = "F"
### END SOLUTION

# %% id="q26-test" nbgrader={"grade": true, "grade_id": "q26", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q26", q26_answer)
### BEGIN HIDDEN TESTS
# False (chapter 5, section 3): under the lecture's rule a customer stays in A only while the
# running total does not exceed the target; putting the crossing customer in A is the other
# convention (the crossing rule) that many textbooks use.
report("q26", q26_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-31" nbgrader={"grade": false, "grade_id": "q27_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q27 (1 point).** 用简单梯级分值法测评满意度时，结果与所采用的分值表无关。
#
# *When satisfaction is measured by the simple scale score method, the result does not depend on the score table used.*

# %% id="q27-answer" nbgrader={"grade": false, "grade_id": "q27-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q27_answer = ...
### BEGIN SOLUTION
q27_answer = "F"
### END SOLUTION

# %% id="q27-test" nbgrader={"grade": true, "grade_id": "q27", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q27", q27_answer)
### BEGIN HIDDEN TESTS
# False (chapter 6, section 5): the score table is an assumption; other tables change the
# scores and (for a non-linear table such as the top box) even the ranking of attributes.
report("q27", q27_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-32" nbgrader={"grade": false, "grade_id": "q28_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q28 (1 point).** 在SERVQUAL测量中，顾客对同一组题项回答两次：一次回答期望，一次回答实际感受。
#
# *In a SERVQUAL survey customers answer the same set of items twice: once for their expectations and once for their perceptions.*

# %% id="q28-answer" nbgrader={"grade": false, "grade_id": "q28-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q28_answer = ...
### BEGIN SOLUTION
q28_answer = "T"
### END SOLUTION

# %% id="q28-test" nbgrader={"grade": true, "grade_id": "q28", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q28", q28_answer)
### BEGIN HIDDEN TESTS
# True (chapter 7, section 3): the 22 items are answered for expectation (E) and perception (P).
report("q28", q28_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-33" nbgrader={"grade": false, "grade_id": "q29_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q29 (1 point).** 客户满意是客户忠诚的充分条件，满意的客户一定是忠诚的客户。
#
# *Satisfaction is sufficient for loyalty: a satisfied customer is always a loyal customer.*

# %% id="q29-answer" nbgrader={"grade": false, "grade_id": "q29-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q29_answer = ...
### BEGIN SOLUTION
q29_answer = "F"
### END SOLUTION

# %% id="q29-test" nbgrader={"grade": true, "grade_id": "q29", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q29", q29_answer)
### BEGIN HIDDEN TESTS
# False (chapter 8, section 3): satisfaction is necessary but not sufficient; merely satisfied
# customers still defect (Jones & Sasser 1995).
report("q29", q29_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-34" nbgrader={"grade": false, "grade_id": "q30_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q30 (1 point).** 企业根据客户价值对客户进行细分并区别对待，并不是对客户的歧视。
#
# *Segmenting customers by their value and treating them differently is not discrimination against customers.*

# %% id="q30-answer" nbgrader={"grade": false, "grade_id": "q30-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q30_answer = ...
### BEGIN SOLUTION
q30_answer = "T"
### END SOLUTION

# %% id="q30-test" nbgrader={"grade": true, "grade_id": "q30", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q30", q30_answer)
### BEGIN HIDDEN TESTS
# True (chapter 5, section 6 and chapter 8, section 9; the Article): segmenting lets the firm give
# each customer the service that fits and is what it needs to survive.
report("q30", q30_answer, kind="choice")
### END HIDDEN TESTS

# %% [markdown] id="md-35" nbgrader={"grade": false, "grade_id": "part4", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part 4 · Short answers · 简答题 (15 points, 3 × 5)
#
# Answer each question in about 100 to 200 words, or in points with a sentence of explanation each.
#
# **q31 (5 points) · 客户关系管理的内涵是什么？** *What is the essence (the full meaning) of customer
# relationship management?* (papers A, B and C)

# %% [markdown] id="q31-written" nbgrader={"grade": true, "grade_id": "q31", "locked": false, "points": 5, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 0, sections 1 to 3 and 6):
# There is no single definition; the material reads CRM on three levels. As a management philosophy it
# treats customers (end customers, distributors, partners) as the firm's most important resource and puts
# them at the centre. As a management mechanism it reorganises the work that touches customers,
# marketing, sales, service and technical support, around them. As software and technology it supports
# that work with databases, data mining and sales automation (Article). The Exam collection's "iron triangle" joins
# them: the idea is the key, technology the means, implementation what decides whether it works. The aim
# is a long-term, mutually beneficial relationship: a customer-value goal instead of a profit goal, win-win
# instead of a zero-sum game (Lecture notes), and the customer's lifetime value instead of the single sale. It
# is carried out by identifying, differentiating, interacting with and customising for customers (IDIC),
# through operational, analytical and collaborative CRM.
#
# Rubric (5 points):
# * 2: the three levels (philosophy, mechanism, technology) or the iron triangle (idea, technology,
#   implementation) with the role of each (1 point if only named).
# * 1: customer-centred: customers as the firm's key resource.
# * 1: the aim: long-term relationships, customer value, win-win, lifetime value.
# * 1: how it is done: integration of marketing, sales and service; the types of CRM; or IDIC.
# === END MARK SCHEME ===

# %% [markdown] id="md-36" nbgrader={"grade": false, "grade_id": "q32_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q32 (5 points) · 什么是客户？客户与消费者的区别是什么？** *What is a customer, and how does a
# customer differ from a consumer?* (papers A and C)

# %% [markdown] id="q32-written" nbgrader={"grade": true, "grade_id": "q32", "locked": false, "points": 5, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 0, section 5):
# A customer is the organisation or person outside the firm to whom the firm provides products and
# services and who interacts with it (Exam collection). The Exam collection contrasts the customer (客户) with the anonymous
# buyer (顾客); the paper's word is consumer (消费者), the person who buys and uses a product. Both have needs
# the firm serves and both keep it in business, but: a consumer can stay anonymous, a customer has a name
# and a record; a consumer is served as one of a group, a customer as an individual; a consumer can be
# served by anyone, a customer by a designated person (a customer manager). A customer need not consume
# at all: in the broad sense distributors, partners, suppliers and even employees are customers (the
# Article and the Lecture notes), while a consumer is the end user.
#
# Rubric (5 points):
# * 1: definition of a customer (whom the firm serves and interacts with).
# * 3: three differences, 1 point each (named vs anonymous, individual vs group, designated person vs
#   anyone; or end user vs broad-sense customers such as distributors and partners).
# * 1: what they have in common (needs, keep the firm in business), or the broad sense of customer.
# === END MARK SCHEME ===

# %% [markdown] id="md-37" nbgrader={"grade": false, "grade_id": "q33_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q33 (5 points) · 提高客户忠诚度的关键因素有哪些？** *What are the key factors in raising customer
# loyalty?* (papers B and C)

# %% [markdown] id="q33-written" nbgrader={"grade": true, "grade_id": "q33", "locked": false, "points": 5, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 8, sections 3 and 4, drawing on chapters 3, 4, 6 and 7):
# * Satisfaction, and complete satisfaction: loyalty grows from repeated satisfaction (Slides A,
#   Slides B);
#   merely satisfied customers still defect (Jones & Sasser 1995).
# * Trust and commitment: built by shared values, mutual dependence, good communication and no
#   opportunism (chapter 3).
# * Fairness: fair procedures (no hidden charges) and fair outcomes, with compensation when something goes
#   wrong (chapter 4).
# * Service quality and complaint handling: closing SERVQUAL gaps, answering complaints quickly and
#   professionally, service recovery (chapter 7).
# * Personalised products and services and one platform to communicate with customers, the means Slides B names for ordinary customers; for big customers its list: priority supply, relationship
#   marketing, new products in time, attention to their business, visits by the firm's leaders, joint
#   promotions, regular requests for opinions.
# * Employee satisfaction behind customer satisfaction (chapter 6), and value for money.
#
# Rubric (5 points): 1 point for each distinct factor explained in a sentence, up to 5; a bare list
# without explanation earns at most 3.
# === END MARK SCHEME ===

# %% [markdown] id="md-38" nbgrader={"grade": false, "grade_id": "case1", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Part 5 · Cases · 案例分析 (30 points, 2 × 15)
#
# ### Case 1 · Key accounts: by sales or by profit? (15 points)
#
# A supplier of industrial goods reviews its 200 business customers (the course's synthetic data set
# `b2b_customers`, loaded as `customers` at the top; money in 10k yuan, 万元). Its sales director has
# always chosen the key accounts by sales. The controller now has each customer's profit contribution
# of this year (`current_value`) and asks whether the same customers come out on top.
#
# Use pandas. You may not call `crmlab.abc_classify`, `crmlab.achievement_ranking` or
# `crmlab.growth_ranking` (they are what chapter 5 used); write the steps yourself. Throughout, classify
# with the lecture's **70 / 20 / 10** split and its **do-not-exceed** rule (chapter 5): sort from the
# largest value to the smallest, and a customer is in class A while the running total stays at or below
# 70 % of the total (the largest customer is always A).
#
# **q34 (2 points).** Classify the 200 customers by this year's **profit contribution** (`current_value`).
# How many customers are in class A? Store a whole number in `n_a_profit`.

# %% id="q34-answer" nbgrader={"grade": false, "grade_id": "q34-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
n_a_profit = ...
### BEGIN SOLUTION
def class_a(values):
    ordered = values.sort_values(ascending=False, kind="stable")
    inside = ordered.cumsum() <= 0.7 * ordered.sum() * (1 + 1e-9)
    inside.iloc[0] = True
    return set(ordered.index[inside])


by_id = customers.set_index("customer_id")
a_profit = class_a(by_id["current_value"])
n_a_profit = len(a_profit)
### END SOLUTION

# %% id="q34-test" nbgrader={"grade": true, "grade_id": "q34", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q34", n_a_profit)
### BEGIN HIDDEN TESTS
report("q34", n_a_profit)
### END HIDDEN TESTS

# %% [markdown] id="md-39" nbgrader={"grade": false, "grade_id": "q35_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q35 (2 points).** Which customers are in class A by **this year's sales** (`sales_this_year`, same split
# and rule) but **not** in class A by profit? Store their ids in `sales_not_profit` (a set or list of
# strings such as `"B001"`).

# %% id="q35-answer" nbgrader={"grade": false, "grade_id": "q35-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
sales_not_profit = ...
### BEGIN SOLUTION
a_sales = class_a(by_id["sales_this_year"])
sales_not_profit = a_sales - a_profit
### END SOLUTION

# %% id="q35-test" nbgrader={"grade": true, "grade_id": "q35", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q35", sales_not_profit)
### BEGIN HIDDEN TESTS
report("q35", sales_not_profit, kind="set")
### END HIDDEN TESTS

# %% [markdown] id="md-40" nbgrader={"grade": false, "grade_id": "q36_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q36 (2 points).** Step 3 of the five-step process is the sales achievement rate (销售额达成率) = this
# year's sales / this year's target (`sales_target`). What share of the class-A customers **by profit**
# (q34) missed their target, that is, had an achievement rate below 1? Give a fraction between 0 and 1
# in `a_missed_share` (unrounded, or rounded to at least three decimals).

# %% id="q36-answer" nbgrader={"grade": false, "grade_id": "q36-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
a_missed_share = ...
### BEGIN SOLUTION
key_accounts = by_id.loc[sorted(a_profit)]
a_missed_share = float((key_accounts["sales_this_year"] / key_accounts["sales_target"] < 1).mean())
### END SOLUTION

# %% id="q36-test" nbgrader={"grade": true, "grade_id": "q36", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q36", a_missed_share)
### BEGIN HIDDEN TESTS
report("q36", a_missed_share, atol=1e-3)
### END HIDDEN TESTS

# %% [markdown] id="md-41" nbgrader={"grade": false, "grade_id": "q37_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q37 (3 points).** Step 5 is the key-customer action table (重要客户行动表). Write a function
# `watch_list(data)` that takes a DataFrame with the columns `customer_id`, `sales_last_year`,
# `sales_this_year` and `sales_target` (and possibly others) and returns a **list** of the customer ids
# that need a visit:
#
# * a customer needs a visit if it **missed its target** (achievement rate below 1) **or shrank**
#   (growth rate = this year's sales / last year's sales − 1, below 0); a customer exactly on target, or
#   exactly as large as last year, does not;
# * order the list from the **lowest achievement rate to the highest**; customers with equal rates keep
#   the order of the input rows;
# * return an empty list when nobody needs a visit, and do not change the DataFrame you are given.
#
# Your function is graded on tables you have not seen.

# %% id="q37-answer" nbgrader={"grade": false, "grade_id": "q37-answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def watch_list(data):
    """Customer ids that missed their target or shrank, lowest achievement rate first."""
    ### BEGIN SOLUTION
    rate = data["sales_this_year"] / data["sales_target"]
    growth = data["sales_this_year"] / data["sales_last_year"] - 1
    flagged = rate[(rate < 1) | (growth < 0)].sort_values(kind="stable")
    return [str(c) for c in data.loc[flagged.index, "customer_id"]]
    ### END SOLUTION


# %% id="q37-test" nbgrader={"grade": true, "grade_id": "q37", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} tags=["raises-exception"]
check("q37", watch_list)
### BEGIN HIDDEN TESTS
_hidden_tables = [
    # on target (rate exactly 1) and flat (growth exactly 0): neither needs a visit
    pd.DataFrame({"customer_id": ["K1", "K2", "K3", "K4", "K5"],
                  "sales_last_year": [200.0, 100.0, 80.0, 50.0, 300.0],
                  "sales_this_year": [180.0, 100.0, 90.0, 45.0, 330.0],
                  "sales_target": [150.0, 100.0, 100.0, 40.0, 360.0]}),
    # equal rates keep the input order; a non-default index; an extra column
    pd.DataFrame({"customer_id": ["M7", "M3", "M9", "M1"],
                  "region": ["east", "west", "east", "north"],
                  "sales_last_year": [100.0, 60.0, 90.0, 40.0],
                  "sales_this_year": [90.0, 45.0, 95.0, 50.0],
                  "sales_target": [100.0, 50.0, 95.0, 45.0]}, index=[12, 5, 30, 2]),
    # nobody needs a visit
    pd.DataFrame({"customer_id": ["N1", "N2"],
                  "sales_last_year": [10.0, 20.0],
                  "sales_this_year": [12.0, 20.0],
                  "sales_target": [12.0, 19.0]}),
    # everybody does
    pd.DataFrame({"customer_id": ["P1", "P2", "P3"],
                  "sales_last_year": [500.0, 400.0, 300.0],
                  "sales_this_year": [450.0, 380.0, 310.0],
                  "sales_target": [600.0, 400.0, 350.0]}),
]
report("q37", [watch_list(t.copy()) for t in _hidden_tables])
### END HIDDEN TESTS

# %% [markdown] id="md-42" nbgrader={"grade": false, "grade_id": "q38_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q38 (6 points · graded by your instructor).** Write a memo of six to ten sentences to the sales
# director:
#
# 1. what your results in q34 to q36 say about choosing key accounts by sales alone;
# 2. what you would do with (a) the key accounts that need a visit and (b) the customers that are A by
#    sales but not by profit;
# 3. one limitation of this analysis.

# %% [markdown] id="q38-written" nbgrader={"grade": true, "grade_id": "q38", "locked": false, "points": 6, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 5, sections 2, 4 and 6; chapter 8, sections 4, 8 and 9):
# By profit, 56 customers make up class A against 60 by sales, and 9 of the sales-A customers are not
# A by profit: the biggest buyers are not all the most profitable ones (the 80/20 rule holds for sales and
# for profit, but not for the same customers), so key accounts chosen by sales alone would spend scarce
# effort on some customers who earn little. More than half (57 %) of the profit-A customers missed their
# sales target, so the key accounts need attention, not only rewards. (a) The key accounts on the watch
# list should get a visit from a manager or the firm's leaders, a look at why they missed target or
# shrank (a competitor, their own business, our service), and the big-customer measures of Slides B:
# priority supply, new products in time, joint promotions, regular requests for opinions. (b) The
# sales-A customers with low profit should not be dropped: check their prices, discounts and cost to
# serve, and look at their future value (value matrix) before changing how they are served. Review the
# classes regularly and combine several factors (improved ABC). Limitations: one year of data; profit
# contribution depends on how costs are allocated; targets may be set unevenly; potential (future value)
# is not in the ABC split; the data are synthetic.
#
# Rubric (6 points):
# * 2: reads q34 to q36 correctly: sales-A and profit-A differ (numbers used), and many key accounts missed target.
# * 2: concrete actions for both groups, 1 point each (visits and big-customer measures, finding the cause;
#   price / cost-to-serve review rather than dropping).
# * 1: periodic review, growth potential or future value, or an improved multi-factor ABC.
# * 1: a sound limitation.
# === END MARK SCHEME ===

# %% [markdown] id="md-43" nbgrader={"grade": false, "grade_id": "case2", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ### Case 2 · 力行健身: members who do not come back (15 points)
#
# *A fictional case written for this exam: the firm, its names and its figures are invented.*
#
# Lixing Fitness (力行健身) runs twelve gyms in one city with 20,000 members on yearly memberships of
# 2,400 yuan. After the cost of serving a member, a membership brings a margin of about 900 yuan a year.
# Last year 6,000 members (30 %) did not renew. The club called them and recorded one main reason each:
#
# | main reason for leaving | members |
# |---|---|
# | a new competitor charges 1,600 yuan a year | 2,100 |
# | broken machines, crowded classes, coaches who keep changing | 1,800 |
# | a complaint about the changing rooms: the front desk said "sorry" every time and nothing changed | 600 |
# | moved out of the city | 700 |
# | membership cancelled by the club for unpaid fees | 300 |
# | switched to a home-workout app with live classes | 500 |
#
# Two more facts. Members in their fourth year learned from friends that new members pay 1,800 yuan in
# their first year, an offer the club never told its existing members about. The board now plans to spend
# 3 million yuan on an advertising campaign that it expects to bring 6,000 new members, "so that we stay
# at 20,000 members".
#
# **q39 (4 points).** Classify the 6,000 leavers: voluntary or involuntary churn (主动流失、被动流失), and
# the kind of defection (price, product, service, technology; chapter 1). How many of the leavers could
# the club have kept with better service and fairer treatment? Show your numbers.

# %% [markdown] id="q39-written" nbgrader={"grade": true, "grade_id": "q39", "locked": false, "points": 4, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 8, section 6; chapter 1, section 6):
# Involuntary churn: moved away (700) and cancelled for unpaid fees (300), 1,000 members or about 17 %;
# the club cannot win them back with service (the non-payers call for credit checks and reminders).
# Voluntary churn: 5,000 members (83 %). Kinds of defection: price 2,100 (the cheaper competitor);
# product 1,800 (machines, classes and coaches are the gym's core product; coaches who keep changing can
# also be counted as service); service 600 (the complaint handled badly); technology 500 (the app).
# Within the club's reach through service and fairness: at least the 1,800 + 600 = 2,400 members (40 % of
# the leavers) who left over the product and service; part of the 2,100 price defectors too, because some
# of them compared the competitor's price with a club that hid a cheaper offer from them (fairness, not
# only price). The 500 technology defectors could be met with the club's own online classes.
#
# Rubric (4 points):
# * 1: voluntary 5,000 vs involuntary 1,000 (with the two involuntary reasons named).
# * 2: defection kinds assigned sensibly with their numbers (price 2,100; product / service 2,400; technology 500).
# * 1: a reasoned estimate of the members the club could have kept (about 2,400, plus some of the price
#   defectors, never the involuntary ones).
# === END MARK SCHEME ===

# %% [markdown] id="md-44" nbgrader={"grade": false, "grade_id": "q40_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q40 (4 points).** Judge the board's plan with the economics of chapter 1: what does a new member cost,
# how long does a member stay at the current churn, and what is a member worth? (Assume a discount
# rate of 10 % a year and state any other assumption.) Is "staying at 20,000 members" a success?

# %% [markdown] id="q40-written" nbgrader={"grade": true, "grade_id": "q40", "locked": false, "points": 4, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapter 1, sections 1 to 5 and 7):
# Acquisition cost: 3,000,000 / 6,000 = 500 yuan per new member (if the campaign works as planned). With
# 30 % churn a member stays 1 / 0.3 ≈ 3.3 years on average. The narrow lifetime value of a member, margin
# 900 yuan, retention 0.7, discount 10 %, unlimited horizon: 900 × 0.7 / (1.1 − 0.7) ≈ 1,575 yuan
# (crmlab.clv(900, 0.7, 0.1)). At 80 % retention it would be 900 × 0.8 / 0.3 = 2,400 yuan: ten points of
# retention add about 825 yuan per member, some 16.5 million yuan over 20,000 members, far more than the
# campaign buys. The campaign only replaces the leavers: the count stays at 20,000 but the club pays 3
# million yuan to stand still (Slides A's opening question, 50 lost and 50 won), new members come in at the
# 1,800-yuan discount with a lower margin, and it takes time before they are as profitable and loyal as the
# members they replace (Reichheld & Sasser 1990). A constant member count is not a success; part of the
# budget should go to keeping members.
#
# Rubric (4 points):
# * 1: cost per new member (500 yuan) and the point that the campaign only replaces leavers.
# * 1: expected stay (about 3.3 years) or a lifetime value with its assumptions stated (about 1,575 yuan).
# * 1: a comparison showing that retention is worth more (e.g. CLV at higher retention, or the cost of
#   replacing 6,000 members every year).
# * 1: conclusion: same count is not the same performance; rebalance the budget towards retention.
# === END MARK SCHEME ===

# %% [markdown] id="md-45" nbgrader={"grade": false, "grade_id": "q41_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# **q41 (7 points).** Propose a retention and relationship-marketing programme for Lixing (关系营销的实施策略;
# 客户保持的方法及评价指标, papers A, B and C): at least four measures, each tied to a cause you found in
# q39 and to an idea of the course, and three indicators with which the club can judge whether the
# programme works.

# %% [markdown] id="q41-written" nbgrader={"grade": true, "grade_id": "q41", "locked": false, "points": 7, "schema_version": 3, "solution": true, "task": false}
# YOUR ANSWER HERE
# === BEGIN MARK SCHEME ===
# Model answer (chapters 4, 6, 7 and 8, with 5 and 1):
# Measures:
# * Fairness (chapter 4): publish one price list, offer existing members at least the new-member price or a
#   loyalty price, end the hidden offer; the information asymmetry broke procedural fairness and hurt the
#   most loyal members.
# * Complaint handling (chapter 7): a complaint flow with a named owner and a deadline, staff trained in
#   the six steps and allowed to fix problems (the changing rooms), and a follow-up call; a desk that only
#   apologises is the Article's complaint centre.
# * Service and product quality (chapters 6 and 7): a SERVQUAL or CSM survey to find the largest gaps
#   (reliability: machines that work; responsiveness: class capacity), a maintenance plan, and keeping
#   coaches (employee satisfaction goes with customer satisfaction).
# * Personalised service and loyalty (chapter 8): training plans per member, member tiers and rewards for
#   tenure, the club's own app or online classes to answer the technology defection.
# * Targeting (chapters 5 and 8): RFM or visit data to find members at risk (visits falling) before renewal,
#   and focus effort on valuable members; compete on value rather than a blanket price cut.
# Indicators: renewal (retention) rate and churn rate, split into voluntary and involuntary; visit
# frequency / recency (RFM); complaint resolution time and share of complainers who renew; satisfaction or
# SERVQUAL gap scores per wave; lifetime value per member.
#
# Rubric (7 points):
# * 4: four measures, 1 point each when tied both to a cause from q39 and to a course concept.
# * 2: three indicators with how they are measured (1 point if only listed).
# * 1: coherence: priorities or budget (e.g. part of the 3 million yuan moved to retention) and what not to
#   do (a blanket price war, ignoring involuntary churn).
# === END MARK SCHEME ===
