# %% [markdown] id="md-01"
# # Chapter 0 · What CRM is (客户关系管理概述)
#
# Customer relationship management (客户关系管理, CRM) is at once an idea about what a firm is for, a way
# of organising the work that touches customers, and a kind of software. This chapter sorts out these
# meanings, follows how the focus of management moved from products to customers, and asks why firms need
# CRM, who counts as a customer, what a CRM system does and why CRM projects fail. Along the way it looks
# at a customer database to see what operational, analytical and collaborative CRM each do with the same
# records. The last section covers exam topics that the lectures do not teach but the exam asks about.
#
# **Learning goals.** After this chapter you can
#
# 1. define CRM as a philosophy, a management mechanism and a software system, and explain the "iron triangle" of idea, technology and implementation;
# 2. tell operational, analytical and collaborative CRM apart, and show on data what each does;
# 3. describe how management moved from output to profit to the customer, from transactions to relationships, and from a zero-sum game to a win-win;
# 4. give the reasons for CRM and the six conditions it needs;
# 5. say who the customer is: three views, 客户 versus 顾客, and customers in the broad sense;
# 6. list what a CRM system does (eleven functions, 7P, IDIC), what customer resources are worth, and why CRM projects fail;
# 7. answer the exam's context questions on supply chains, the eras of the customer's role and the drivers of CRM.
#
# **Time:** about 60 minutes. **Assignment:** `exercises/00_what_is_crm/00_what_is_crm.ipynb`.
#
# ## Key terms · 关键术语
#
# | English | 中文 |
# |---|---|
# | customer relationship management (CRM) | 客户关系管理 |
# | customer | 客户 |
# | anonymous customer | 顾客 |
# | customer in the broad sense | 广义客户 |
# | customer resources | 客户资源 |
# | transaction marketing | 交易营销 |
# | relationship marketing | 关系营销 |
# | one-to-one marketing | 一对一营销 |
# | database marketing | 数据库营销 |
# | customer intelligence | 客户智能 |
# | customer knowledge | 客户知识 |
# | iron triangle of CRM | CRM铁三角 |
# | operational CRM | 运营型CRM |
# | analytical CRM | 分析型CRM |
# | collaborative CRM | 协作型CRM |
# | IDIC model | IDIC模型 |
# | zero-sum game | 零和游戏 |
# | win-win | 双赢 |
# | co-opetition | 竞合 |
# | supply chain management | 供应链管理 |
# | lean production | 精益生产 |
# | quick-response supply chain | 快速反应供应链 |

# %% id="code-02"
# %config InlineBackend.figure_formats = ["png"]
import pandas as pd

import crmlab
from crmlab import datasets
from crmlab.plotting import pareto_chart, show

pd.set_option("display.precision", 3)
pd.set_option("display.width", 120)

# %% [markdown] id="md-03"
# ## 1 · Three ways to define CRM
#
# The lecture material admits there is no single agreed definition. The Article, a web article on how
# modern firms manage their old customers (the [sources page](../docs/sources.md) names every material the course cites), gives three
# layers, each building on the one before:
#
# | CRM as … | what it means (our summary of the Article) |
# |---|---|
# | a **management philosophy** (管理理念) | it grew out of Western marketing theory and took shape in the United States; it treats the firm's customers (end customers, distributors and partners) as its most important resource, meets their needs through good service and careful customer analysis, and aims to secure each customer's lifetime value |
# | a **management mechanism** (管理机制) | it reorganises marketing, sales, service and technical support, the areas that touch customers, and moves the firm from a product-centred to a customer-centred way of working |
# | a **management software and technology** (管理软件和技术) | it combines good business practice with data mining, data warehouses, one-to-one marketing and sales automation, and gives sales, service and decision support an automated, e-commerce-based front end |
#
# (The machine-reworded article says CRM came from "东方", the East; the sense of the passage, and the
# history of the field, require "Western". Read the Article with such slips in mind.)
#
# The Exam collection (《客户关系管理ABC》, a collection of exam questions and course notes) adds a
# **functional definition**: CRM is a management software system that uses information
# technology to computerise marketing, sales management, customer service and support, so that the firm
# uses its customer resources effectively. It then combines the definitions into three levels, the
# **iron triangle** (CRM铁三角):
#
# * **idea** (理念): the key to success, the soil in which everything else grows;
# * **technology** (技术): information systems and IT, the means of carrying the idea out;
# * **implementation** (实施): what decides directly whether CRM works and how well.
#
# A firm that buys the software without the idea, or has the idea but never implements it, has no CRM.
# One exam question (S2-M9: set 2 of the Exam collection's choice questions, multiple choice 9; the
# sources page explains the numbers) lists the key elements as philosophy, implementation and *software*: software
# stands for the technology corner of the triangle.
#
# **Theoretical bases.** The Exam collection names four foundations of CRM:
#
# * **relationship marketing** (关系营销): marketing seen as interaction between the firm and consumers,
#   suppliers, distributors, competitors, government and the public, with building good relationships with
#   all of them at its core (Berry 1983; Grönroos 1994);
# * **one-to-one marketing** (一对一营销, also called customised or individual marketing): each customer is
#   treated as a market segment of their own and gets a product designed and delivered for them (Peppers &
#   Rogers 1993);
# * **database marketing** (数据库营销): marketing that works from a database of individual customers;
# * **customer intelligence** (客户智能) and **customer knowledge** (客户知识): customer knowledge is what the
#   firm knows about its customers (their preferences, the contact channels they like, how they buy);
#   customer intelligence is the concepts, methods, processes and software that create and use that
#   knowledge to make better decisions about customer relationships.
#
# ## 2 · Operational, analytical and collaborative CRM
#
# The exam keys three types of CRM (S2-M4): operational (运营型), analytical (分析型) and 合作型. Other texts
# write the third one 协作型; both translate *collaborative* CRM, and the exam uses both words (S3-S6 even
# lists them as separate options). The lecture material does not define the types; the standard literature
# (Buttle & Maklan 2019) does:
#
# | type | what it does | where |
# |---|---|---|
# | **operational CRM** (运营型CRM) | automates and computerises the processes that touch customers: **marketing, sales and customer service** (not production or logistics) | the "front office" (前台) |
# | **analytical CRM** (分析型CRM) | analyses the customer data that the operations record, to segment customers, find the valuable ones and predict behaviour | the back office |
# | **collaborative CRM** (协作型CRM, 合作型) | connects the channels and partners that deal with the customer (stores, call centre, web, distributors) so that they share one view of each customer | across channels |
#
# ### The three types on data
#
# The course's fictional retail chain (synthetic data; see `datasets/README.md`) keeps one row per purchase.
# Recording these rows at the till is **operational** CRM:

# %% id="code-04"
transactions = datasets.load_retail_transactions()
first, last = transactions["date"].min(), transactions["date"].max()
print(f"{len(transactions):,} purchases by {transactions['customer_id'].nunique():,} named customers "
      f"in {transactions['store_id'].nunique()} stores, {first:%Y-%m-%d} to {last:%Y-%m-%d}")
transactions.head()

# %% [markdown] id="md-05"
# Every purchase carries a customer id: these are **customers** (客户), known by name, not anonymous
# buyers (顾客). **Analytical** CRM turns the records into knowledge about each customer. One row per
# customer of 2024, with their purchases, spending, last visit and the number of stores they used:

# %% id="code-06"
sales_2024 = transactions[transactions["date"].dt.year == 2024]
customers_2024 = sales_2024.groupby("customer_id").agg(
    purchases=("amount", "size"),
    spend=("amount", "sum"),
    last_purchase=("date", "max"),
    stores=("store_id", "nunique"),
)
customers_2024.sort_values("spend", ascending=False).head()

# %% [markdown] id="md-07"
# Analysis shows at once how unequal customers are. Ranking them by spending and splitting them into the
# classes of chapter 5 (A: the customers who bring the first 70 % of spending):

# %% id="code-08"
ranked = crmlab.abc_classify(customers_2024.reset_index(), "spend", customer="customer_id")
crmlab.abc_summary(ranked, "spend")

# %% id="code-09"
ax = pareto_chart(ranked, value="spend", customer="customer_id")
show(ax)

# %% [markdown] id="md-10"
# *Figure 0.1 · The retail chain's customers of 2024 ranked by spending (synthetic data).* About a quarter
# of the customers bring 70 % of the spending, and the smallest half bring about a tenth. This is the
# "information value" of customer resources: without the analysis, every customer looks the same at the
# till. The Article puts it as a minimum standard: anyone in the firm who looks at a customer's record should
# see at once whether this customer is among the most valuable 20 %.
#
# **Collaborative** CRM matters because customers do not stay in one channel:

# %% id="code-11"
several = customers_2024["stores"] > 1
print(f"{several.sum():,} of {len(customers_2024):,} customers of 2024 bought in more than one store")

# %% [markdown] id="md-12"
# If each store kept its own customer list, these customers would appear as several smaller, unrelated
# people in different lists. Sharing one view of the customer across stores, the call centre and the web
# shop is what collaborative CRM is for.
#
# ## 3 · How the focus of management moved
#
# The material traces several shifts that together explain where CRM comes from.
#
# * **From output to profit to the customer** (从产值为中心到利润为中心再到客户为中心, Exam collection, exam S1-S1):
#   firms first measured themselves by how much they produced, then by profit, and now by their customers.
# * **From transaction marketing to relationship marketing** (变交易营销为关系营销, Slides A, the slide deck
#   《卓越的客户关系管理》): the deck calls this the fundamental route for Chinese firms to raise their marketing, and customer loyalty
#   the firm's hundred-year plan.
# * **From meeting needs to leading them to creating them** (Article): a firm that knows its customers
#   well moves from satisfying what they ask for, to guiding what they want, to creating needs they did
#   not know they had. The same article describes how: segment the customer base finely (客源细化) and
#   meet each customer's different needs with personalised care, which builds loyalty to the brand.
# * **From products to brands, service and customers** (Article): competition moved from products to
#   brands and service, and then to customers themselves: who can build and keep a lasting, cooperative
#   relationship with customers, win their trust and understand their needs.
# * **From a zero-sum game to a win-win** (从零和游戏变成双赢, the Lecture notes 《客户关系管理课件》). The most basic competition a firm
#   faces is with its own buyers over price: what one side gains the other loses, a **zero-sum game**
#   (零和游戏). Pushing profit to the maximum at the customer's expense cannot last. The Lecture notes' answer is to
#   change the firm's goal **from a profit goal to a customer-value goal**: set profit maximisation aside for
#   a while, use CRM to create as much value for customers as possible, and let long-run, stable profit come
#   from that. The new goal is more competitive (whoever wins the customers has the deepest advantage), more
#   sustainable, and more secure: competitors can copy a technology or a product, but not the same
#   customer relationships.
#
# The Lecture notes quote Jack Welch, former CEO of GE, on the two resources that give a firm an edge: understanding
# its customers more, and faster, than competitors do, and learning and acting on what it learns faster.
# A customer relationship is also a game in the technical sense: the exam calls the relationship between
# firm and customer **co-opetition** (竞合型博弈, S3-S4), competing over how value is split and cooperating
# to create more of it.
#
# ### Explore: a customer is a stream of value
#
# A customer-value goal needs a measure of what a customer is worth over time. Chapter 1 builds it:
# customer lifetime value, the present value of the margins a customer brings while they stay. Move the
# sliders and watch how much the value of a customer depends on how long they stay.

# %% id="code-13"
# NBVAL_IGNORE_OUTPUT
from crmlab.widgets import clv_explorer

clv_explorer(margin=100, retention=0.8, discount=0.1)

# %% [markdown] id="md-14"
# ## 4 · Why CRM
#
# ### Reasons (Lecture notes)
#
# The Lecture notes open the course with three reasons to care about customer relationships:
#
# 1. **Competition**: when products become alike (同质化), relationships are what a firm can still
#    differ in.
# 2. **A new structure of economic resources in the 21st century**: beside the traditional resources
#    (land, capital, labour, technology) stands the customer resource.
# 3. **What relationships do for a firm**: they make the allocation of its resources more precise; they
#    show more clearly where to build its capabilities; they give it new ways to compete outside the
#    traditional arenas; and they make long-run, sustainable development possible.
#
# ### Customers are the first resource
#
# The Lecture notes call customer resources (客户资源) the firm's **first resource** (第一性资源), for three reasons:
# without customers there is no reason for the firm to exist; other resources can be replaced or bought,
# but customers, who decide for themselves, cannot be bought with money; and a relationship cannot be
# owned by one side, it needs both sides to take part. They add that employees are like customers too,
# **customers in the broad sense** (员工=广义客户), because human resources are also a first resource.
#
# The Exam collection lists what customer resources are worth to a firm:
#
# * **cost leadership and scale**: many and loyal customers lower the cost per customer and per sale;
# * **market value and brand**: a large, loyal customer base is itself a market asset and strengthens the brand;
# * **information value**: customers' data, needs and suggestions (the analysis of section 2);
# * **network value**: customers bring other customers, by word of mouth and by example.
#
# ### Customer relationships are old; managing them is new
#
# The Lecture notes stress that customer relationships are not a new idea. Chinese commerce has long practised them:
#
# | practice | 中文 | what it does |
# |---|---|---|
# | friendliness brings wealth | 和气生财 | ties good relations with customers to commercial gain |
# | selling on credit | 赊欠销售 | joins trade and credit on the basis of trust in the customer: locks the customer in, completes part of the sale, allows personal service |
# | opening offers | 开业酬宾 | tries to start relationships |
# | discounts for old customers | 老顾客优惠 | rewards existing customers for what they contribute |
# | points schemes | 顾客积分制 | measures a customer's contribution and reward in points |
# | return visits | 顾客回访 | asks customers for opinions to strengthen the relationship |
#
# The first three are traditional, the last three modern. Their common weakness, the Lecture notes argue, is
# method: firms relied on memory, records or impressions, on intuition and surface behaviour, and lacked a
# deep, analytical understanding, a proper process, and the tools (information systems, evaluation methods)
# to manage relationships systematically. The Lecture notes' slogan for what CRM should do is to **go back to the
# age of the small-town shop** (重新回到小镇店铺时代): the shopkeeper who knew every customer by name, now at
# the scale of a modern firm. Our reading: the shopkeeper's memory becomes the customer database, and his
# judgement becomes analytical CRM.
#
# ### Six conditions for CRM (Lecture notes)
#
# | condition | what the Lecture notes mean |
# |---|---|
# | 1 mutual, voluntary need (自愿并互相需求) | every relationship rests on both sides choosing it and needing each other |
# | 2 effort by the firm (微观努力) | moving from bare transactions to interdependence and cooperation needs clear goals; **interaction is the basis of the relationship** (互动是客户关系的基础) |
# | 3 the macro environment (宏观环境) | relationships need a trustworthy society; a country's and its firms' image matters |
# | 4 a limit on numbers (CRM的数量极限) | a one-to-one relationship costs resources, so a firm can hold only so many, and information systems decide how many |
# | 5 a change of thinking (思想观念的进步) | CRM is a business philosophy for every department, not a marketing task; it is the **CEO's responsibility**, must involve all staff, and must win the customer's active participation |
# | 6 a change of strategy (战略转变) | conditions 2 and 5 require a customer-relationship strategy that guides how resources are allocated |
#
# Because a relationship needs both sides, CRM invests and manages the resources of **both** the firm and the
# customer (exam S3-S5), and interaction is what keeps it effective (S3-S3). To put CRM into practice, the Lecture notes say, learn from history, understand how relationships are created, consolidated, used and deepened
# (chapter 2), and then set goals, methods and ways to evaluate the results.
#
# ## 5 · Who the customer is
#
# **Three views of the customer** (Slides B, the slide deck 《高级营销师：客户关系管理》): the customer is **god** (顾客就是上帝), the customer is the
# **provider of our livelihood** (衣食父母), and the customer is a **game opponent** (博弈的对手). The third
# view is the co-opetition of section 3: firm and customer bargain over value, and CRM tries to make the game
# positive-sum.
#
# **客户 versus 顾客** (Exam collection). Both words mean people or organisations that need the firm's products and
# keep it in business. But a 顾客 (an anonymous customer) may have no name for the firm, is served as part of
# a group, and may be served by anyone; a 客户 (a customer in the CRM sense) has a name, is served as an
# individual, and is served by a designated person. The Exam collection defines the customer as the organisation or
# person outside the firm to whom it provides products and services and who interacts with it.
#
# **Customers in the broad sense** (广义客户). The Article counts end customers, distributors and partners as
# customers; the Lecture notes add employees. The exam (S2-M6) asks which groups belong: the firm's suppliers, its
# employees, its partners and the buyers of its products all do; its competitors do not.
#
# ## 6 · What a CRM system does
#
# Slides A dates CRM systems to the **late 1980s** and credits them with helping multinational corporations
# win customers, efficiency, markets and profit. It lists eleven functions:

# %% id="code-15"
# Slides A, slide "CRM系统的要点": the eleven functions of a CRM system
functions = pd.DataFrame(
    {
        "function": [
            "customer management", "contact management", "time management", "prospect management",
            "sales management", "marketing management", "customer service", "call centre",
            "partner relationship management", "telephone sales", "e-commerce",
        ],
        "功能": [
            "客户管理", "联系人管理", "时间管理", "潜在客户管理", "销售管理", "营销管理",
            "客户服务", "呼叫中心", "合作伙伴关系管理", "电话销售", "电子商务",
        ],
    },
    index=pd.RangeIndex(1, 12, name="no."),
)
functions

# %% [markdown] id="md-16"
# Most of them are operational CRM (sales, marketing, service, call centre, telephone sales, e-commerce);
# partner relationship management is collaborative; customer and prospect management feed the analysis.
#
# **The 7P of customer analysis** (Article, credited to Tan Xiaofang 谭小芳), in our words:
#
# | P | analysis of … |
# |---|---|
# | Product | the products customers buy: design, how they relate to each other, the supply chain |
# | Promotion | promotional activities such as advertising and publicity |
# | Profiling | the customer's profile: level, risk, preferences and habits |
# | Profitability | what each customer's purchases earn: margins, total and net profit |
# | Prospecting | how the number and kinds of customers will develop, and how to win them |
# | Persistency | loyalty: how loyal and how lasting customers are, and how that changes |
# | Performance | sales by product type, channel and location |
#
# **The IDIC model** (Exam collection; Peppers & Rogers): **identify** customers, **differentiate** them (analyse
# how they differ in value and needs), **interact** with them, and **customise** products or services to
# each customer's needs. The first two are analytical CRM, the last two operational and collaborative.
#
# **What CRM brings.** The Article names two aims: attract and keep more customers through faster, more
# attentive service, and lower costs by managing the business processes as a whole. Slides A puts satisfaction at the centre: the core of CRM is managing customer satisfaction, and loyalty
# grows out of satisfaction (chapters 6 and 8). The open exam papers of the Exam collection
# ask what advantages CRM brings; the material's answer runs through satisfaction, loyalty, service and
# competitiveness. For numbers, the Article cites statistics of the International CRM Forum (国际CRM论坛) about
# firms that implemented CRM successfully, which the course quotes from its table of figures:

# %% id="code-17"
figures = datasets.load_quoted_figures()
forum = figures[figures["source"].str.contains("International CRM Forum")]
forum[["quantity_en", "quantity_zh", "value", "value_high", "unit"]]

# %% [markdown] id="md-18"
# The three figures have different units (percent a year, percent, a ratio of growth rates), so they
# cannot share one chart axis, and the Article names no sample, period or method. Treat them as claims
# made for CRM, not as measured effects; chapter 1 shows how to reason about such claims with a model.
#
# ## 7 · Why CRM projects fail
#
# The Article observes that firms now spend more time, people and money on customer management than before,
# and are often disappointed. Its reasons:
#
# * CRM needs **coordination across departments**, and coordination tends to lower efficiency;
# * even a well-planned programme meets forces outside it: **economic crises** (for example after stock
#   market turmoil), **turnover of senior managers**, and fierce competition in the industry;
# * three **management errors** (管理误区): ignoring what customers really need and thinking only from
#   the firm's and the product's side; not communicating with employees, relying on orders and rules instead
#   of dialogue; and not innovating, so the firm misses how technology changes its products.
#
# Read against the iron triangle: the first error is a missing idea, the third a missing technology, and
# the coordination problems are failures of implementation. The Article also tells of a service centre that
# turned into a complaint centre (chapter 7) and of a "key account manager" with dozens of accounts
# (chapter 5).
#
# ## 8 · CRM in Chinese firms
#
# Part 4 of Slides A promises a strategy for introducing CRM in Chinese firms at the
# present stage: **three paths, four focus points, points to watch, and three myths to dispel**. Only the
# headings survive: the lists under them are blank in the material, so the course cannot teach their
# content. The deck does name the systems a Chinese firm should build:
#
# 1. a supplier quality assurance system (供应商质量保证系统), with its process and summary table;
# 2. a customer feedback and complaint process system (客户问题反馈和投诉流程系统): complaint handling flow, list of customer problems (chapter 7);
# 3. a comprehensive service system (全面的服务系统);
# 4. a standardised channel system (规范的通路系统), with a scheme for managing channels and distributors;
# 5. a quality-cost control system (质量成本控制系统).
#
# Its discussion questions are good ones for class: Is the time ripe for your firm to introduce CRM? Where
# would it break through first? How would you redesign your business processes around the CRM idea?
#
# ## 9 · Course context the exam asks about
#
# Several exam questions of the Exam collection (most of sets S2 and S3, and S1-M5) come from a CRM textbook that the
# Exam collection does not name, and the lecture material does not teach their topics. So that the exam is fair to a student of the course,
# here is what they refer to, from the standard literature. The exam's keys are used in the assignment.
#
# **Levels of a CRM strategy** (S1-M5). One question asks about the levels at which a CRM strategy is
# carried out. The lectures do not present such a model; it can be reasoned out from the iron triangle.
# The idea comes first: the company's vision and strategy sit at the top, and its values and culture are
# the "guiding light" for everything below them. Technology is the means: the basic information systems
# form the lowest level. Managing people (human resources) is a level of its own between them, not a part
# of building the culture.
#
# **Stages of supply chain management** (供应链管理, S2-M1). The exam's textbook tells CRM's prehistory as a
# sequence of supply-chain stages: **just-in-time production** (准时制生产, produce what is needed when it is
# needed), **lean production and lean supply** (精益生产与精益供应), a stage it calls **production demand**
# (生产需求; the course has no source that explains it), and the **quick-response supply chain**
# (快速反应供应链; the Exam collection writes 快速反映). Logistics management is not one of its stages. The direction of
# travel is from pushing products made to stock towards producing what individual customers order, which
# requires knowing the customer.
#
# * **Lean production and lean supply** (Womack, Jones & Roos 1990): remove waste and inventory, cut the work
#   in each process, and train multi-skilled employees (一专多能).
# * **Quick-response supply chain** (Fisher 1997 calls such chains *responsive*): produce to customers'
#   orders (客户定制生产), control the supply process, and link the partners electronically (the textbook says
#   by e-commerce throughout).
#
# **The eras of the customer's role** (客户角色演进, S2-M5, S3-S7). Prahalad & Ramaswamy (2000) describe how
# firms saw their customers:
#
# | period | the firm's view of the customer | customer's role |
# |---|---|---|
# | 1970s and early 1980s | persuading predetermined groups of buyers | passive buyer with a preset role |
# | late 1980s and early 1990s | transacting with individual buyers | passive buyer with a preset role |
# | 1990s | building **lifetime bonds with individual customers** | passive buyer with a preset role |
# | from 2000 | customers as co-creators of value | active partner |
#
# For three periods customers were an audience that firms acted on; only after 2000 do they become active
# co-creators of value. The long, close tie with each individual customer belongs to the 1990s.
#
# **Drivers of CRM** (CRM产生的动因, S2-M7, S3-S8, S3-S9, S2-M15). The textbook names four forces behind
# the rise of CRM: a **fiercely competitive environment**, the development of the **Internet and
# communication technology**, the **shift in the focus of management theory** (from products to customers),
# and **attention to the profit that customers bring**. It gives two of them special roles: the shift in
# management theory is the *catalyst* (催化剂) that made CRM the centre of attention, and technology is the
# *driving force* (推动力量) of its rise and development, because without databases and networks, CRM for
# millions of customers could not be done.
#
# ## Try it yourself
#
# * Repeat the analysis of section 2 for the customers of 2023 (`transactions["date"].dt.year == 2023`).
#   Is their spending more or less concentrated than in 2024?
# * Which store has the most customers who also shop elsewhere? (Group `sales_2024` by `store_id` and
#   count customers with `stores > 1`.)
# * In the explorer of section 3, find a retention rate at which a customer with a margin of 100 a year is
#   worth 1,000.
# * Pick a firm you know. Which of the eleven functions of section 6 does it use, and which type of CRM is each?

# %% id="code-19"
year = 2023  # try 2024 again, or compare the two
sales = transactions[transactions["date"].dt.year == year]
spend = sales.groupby("customer_id")["amount"].sum().rename("spend").reset_index()
crmlab.abc_summary(crmlab.abc_classify(spend, "spend", customer="customer_id"), "spend")

# %% [markdown] id="md-20"
# ## Summary
#
# * CRM is a **philosophy**, a **mechanism** and a **software system**; the iron triangle joins idea
#   (the key), technology (the means) and implementation (the deciding factor). Its theoretical bases are
#   relationship marketing, one-to-one marketing, database marketing and customer intelligence.
# * **Operational** CRM runs the front office (marketing, sales, service), **analytical** CRM turns records
#   into knowledge about customers, **collaborative** CRM shares one view of the customer across channels.
# * Management moved from output to profit to the customer; from transactions to relationships; from a
#   zero-sum game over price to a win-win, with customer value as the goal and profit as its result.
# * Customers are the first resource: they cannot be bought, and a relationship needs both sides. CRM needs
#   six conditions, with interaction as the basis and the CEO as the one responsible.
# * A 客户 has a name and a designated contact, a 顾客 is anonymous; in the broad sense customers include
#   suppliers, employees and partners, but not competitors.
# * A CRM system has eleven functions (Slides A); the 7P and IDIC organise what it analyses and does;
#   customer resources bring scale, brand, information and network value.
# * CRM projects fail on coordination, crises, turnover, and three management errors.
#
# **Exam-style questions this chapter prepares for:** S1-S1, S1-S9, S1-S10, S1-M3, S1-M4, S1-M5; S2-M1 to
# S2-M9 and S2-M15; S3-S1 to S3-S9 (S3-M1 to S3-M5 repeat S2-M1 to S2-M5), all in the assignment; the
# translation item S1-T1 (客户关系管理, customer relationship management); and from the open papers of the
# Exam collection, "what is CRM and what is its essence" (客户关系管理的内涵), "what is a customer and how does it differ from
# a consumer", and "what advantages does CRM bring a firm".
#
# ## References
#
# * The lecture materials, by the names the course gives them (the [sources page](../docs/sources.md) says what each one is and
#   explains the exam question numbers): Slides A, the slide deck 《卓越的客户关系管理》 (CRM functions,
#   transaction vs relationship marketing, CRM in Chinese firms); the Lecture notes 《客户关系管理课件》
#   (reasons and conditions for CRM, traditional practices, the first resource, from zero-sum to win-win);
#   the Article, a web article on managing old customers (three definitions, 7P, International CRM Forum,
#   why CRM fails); Slides B, the slide deck 《高级营销师：客户关系管理》 (three views of the customer); the
#   Exam collection 《客户关系管理ABC》 (knowledge points and exam questions). Quoted in short phrases with
#   attribution.
# * Berry, L. L. (1983). Relationship marketing. In L. L. Berry, G. L. Shostack, & G. D. Upah (Eds.),
#   *Emerging Perspectives on Services Marketing* (pp. 25–28). American Marketing Association.
# * Buttle, F., & Maklan, S. (2019). *Customer Relationship Management: Concepts and Technologies* (4th ed.).
#   Routledge (strategic, operational, analytical and collaborative CRM).
# * Fisher, M. L. (1997). What is the right supply chain for your product? *Harvard Business Review*, 75(2), 105–116.
# * Grönroos, C. (1994). From marketing mix to relationship marketing. *Management Decision*, 32(2), 4–20.
# * Peppers, D., & Rogers, M. (1993). *The One to One Future*. Currency Doubleday; Peppers, D., Rogers, M.,
#   & Dorf, B. (1999). Is your company ready for one-to-one marketing? *Harvard Business Review*, 77(1),
#   151–160 (the IDIC steps).
# * Prahalad, C. K., & Ramaswamy, V. (2000). Co-opting customer competence. *Harvard Business Review*, 78(1), 79–87.
# * Womack, J. P., Jones, D. T., & Roos, D. (1990). *The Machine That Changed the World*. Rawson Associates.
