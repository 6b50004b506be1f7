"""Quoted tables: facts that the course's lecture materials quote (``docs/sources.md`` names them).

Each table names the material it quotes and, where the material does, the original source.
Facts carry no licence of their own; the layout and the translations are crmlab's.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._schema import Schema, column_table, read_schema

_LAYOUT = "Table layout and translations: CC BY 4.0, crmlab contributors."


def _licence(material: str, cite: str) -> str:
    return (
        f"Facts quoted from the course's lecture material ({material}, see docs/sources.md); "
        f"facts carry no licence of their own. Cite {cite} and the original source named above. "
        + _LAYOUT
    )


def _quoted(name: str, **declared: Any) -> Schema:
    return Schema(file=f"{name}.csv", loader=f"load_{name}()", kind="quoted", **declared)


SCHEMAS: dict[str, Schema] = {
    "distributors": _quoted(
        "distributors",
        spec=column_table(
            r"""
            distributor | string | – | /[a-t]/ | distributor label a-t | 分销商
            sales | float | 10k yuan (万元) per year | 0.. | yearly sales | 年销售额
            """
        ),
        rows=20,
        key=("distributor",),
        sha256="df9cdeb83bcf545ef7b0ec0c54b37280a7272e362fdf48e727b72ad80b9b69a4",
        source="the Exam collection, an eight-step ABC guide, step 8 (the worked example; steps 1-7 are missing from the Exam collection)",
        licence=_licence("Exam collection", "the Exam collection"),
        description="20 distributors a-t with yearly sales in 10k yuan (万元), the ABC worked example of the Exam collection",
        description_zh="分销商ABC分类实例:20个分销商a-t的年销售额(万元)",
    ),
    "abc_food_company": _quoted(
        "abc_food_company",
        spec=column_table(
            r"""
            abc_class | category:abc_class | – | glossary | ABC class (A key, B main, C ordinary customers) | 客户类别
            abc_class_zh | string | – | A类客户, B类客户, C类客户 | the class in Chinese | 客户类别(中文)
            customer_share | float | share (0-1) | 0..1 | share of the company's customers in the class | 占客户总数的比例
            sales_share | float | share (0-1) | 0..1 | share of the company's sales (营业额) from the class | 占营业额的比例
            salesforce_share | float? | share (0-1) | 0..1 | share of the sales force working on the class; empty for B (missing in the Exam collection) | 业务员分派在该类客户上的比例(B类原文缺失)
            """
        ),
        rows=3,
        key=("abc_class",),
        sha256="4766482f3327d4fc1da42463223538872239e02c88784f17c8f520a0ddd3ed62",
        source=(
            "the Exam collection, the food company (副食公司) in the section on ABC classification "
            "(客户的ABC分类). The text gives the sales-force shares of A (15%) and C (60%); its "
            'sentence breaks off after "B", so B\'s share is left empty (if the three classes took '
            "the whole sales force it would be 25%, but the text does not say so)."
        ),
        licence=_licence("Exam collection", "the Exam collection"),
        description="ABC shares of a food company (Exam collection): customers, sales and sales force per class",
        description_zh="某副食公司的ABC分析:各类客户占客户数、营业额和业务员的比例(B类业务员比例原文缺失)",
    ),
    "crm_quality_products": _quoted(
        "crm_quality_products",
        spec=column_table(
            r"""
            crm_quality | category:crm_quality | – | glossary | quality of the firm's customer relationship management (poor < medium < high) | 客户关系管理状态(差、中、高)
            crm_quality_zh | string | – | 差, 中, 高 | the quality in Chinese | 客户关系管理状态(中文)
            share_add_product | float | share (0-1) | 0..1 | share of customers likely to add one or more products in the next 12 months | 未来12个月里可能增加一个或更多产品的百分比
            share_drop_product | float | share (0-1) | 0..1 | share of customers likely to drop one or more products in the next 12 months | 未来12个月里可能减少一个或更多产品的百分比
            """
        ),
        rows=3,
        key=("crm_quality",),
        sha256="2729d2ee2705a72436462b166e13bed928b245147870d75f9854bfea4cd9241a",
        source=(
            "the Lecture notes, Table 1-2 (表1-2 金融服务领域CRM好处统计), quoting a survey by "
            "Peppers and Rogers Group with Roper Starch Worldwide, September 2000, financial services"
        ),
        licence=_licence("Lecture notes", "the Lecture notes"),
        description="Table 1-2 of the Lecture notes: CRM quality vs share of customers likely to add or drop a product",
        description_zh="表1-2 金融服务领域CRM好处统计:客户关系管理状态与未来12个月可能增加或减少产品的客户比例",
    ),
    "quoted_figures": _quoted(
        "quoted_figures",
        spec=column_table(
            r"""
            figure | string | – | /[a-z_]+/ | short name of the figure | 数字的简称
            quantity_en | string | – | any | what the figure measures | 数字衡量的内容(英文)
            quantity_zh | string | – | any | what the figure measures, in Chinese | 数字衡量的内容
            value | float | see `unit` | any | the figure as quoted (the lower end of a range) | 引用的数值(区间的下限)
            value_high | float? | see `unit` | any | upper end of a quoted range (9%-10%, 25%-85%), else empty | 区间的上限,否则为空
            unit | string | – | any | unit of `value` and `value_high` | 数值的单位
            source | string | – | any | who the material credits with the figure | 数字的出处
            material | string | – | slides-a, lecture-notes, article, slides-b, exam-collection | short id of the lecture material that quotes it (docs/sources.md) | 引用该数字的讲义(简称,见docs/sources.md)
            chapter | int | – | 0..8 | course chapter that uses it | 使用该数字的章节
            """
        ),
        rows=6,
        key=("figure",),
        sha256="ff33c0d51171984740f76abe04805abc2328c530537c54572688d3a63eafd447",
        source=(
            "the Article (International CRM Forum statistics; a US wireless company) and Slides A "
            "(loyalty and profit); each row names its source"
        ),
        licence=(
            "Facts quoted from the course's lecture materials (Slides A or the Article, as column "
            "`material` says); facts carry no licence of their own. Cite the material and the "
            "original source named above. " + _LAYOUT
        ),
        description="Figures quoted in Slides A and the Article (CRM results, acquisition cost, churn, loyalty and profit)",
        description_zh="讲义中引用的数字:CRM成效、获取新客户的成本、客户流失率、忠诚度与利润",
    ),
    "satisfaction_chain": _quoted(
        "satisfaction_chain",
        spec=column_table(
            r"""
            step | int | – | 1..3 | position in the chain | 链条中的位置
            measure | string | – | any | what rises | 提高的指标
            measure_zh | string | – | any | what rises, in Chinese | 提高的指标(中文)
            change_percent | float | percent | any | its rise | 提高的百分比
            """
        ),
        rows=3,
        key=("step",),
        sha256="9020e089b8ae06dc50dec03c267518e79cde86fbb0c8c20776007b1c17e6741d",
        source=(
            'Slides B ("研究结果表明": an unnamed study): employee satisfaction +5% goes with '
            "customer satisfaction +1.3% and company performance +0.5%"
        ),
        licence=_licence("Slides B", "Slides B"),
        description="Slides B: employee satisfaction +5% goes with customer satisfaction +1.3% and performance +0.5%",
        description_zh="员工满意度提高5%,客户满意度提高1.3%,企业业绩提高0.5%",
    ),
    "exam_questions": _quoted(
        "exam_questions",
        spec=column_table(
            r"""
            number | string | – | /S[123]-[SMT]\d{1,2}/ | question number: set, S single / M multiple choice / T translation item, number in the set | 题号:套题-题型与序号
            set | string | – | S1, S2, S3 | question set | 套题
            type | string | – | single, multiple, open | single or multiple choice; open when the Exam collection gives no options | 题型:单选、多选;原文无选项者为开放题
            chapter | int | – | 0..8 | course chapter the question belongs to | 所属章节
            stem_zh | string | – | any | question stem as in the Exam collection, key removed | 题干(原文,已删去答案)
            stem_en | string | – | any | English translation of the stem | 题干英译
            options_zh | string? | – | any | options as in the Exam collection, `A. …|B. …`; empty when it has none | 选项(原文),以|分隔;原文无选项则为空
            options_en | string? | – | any | English translation of the options, same layout | 选项英译
            duplicate_of | string? | – | /S[123]-[SMT]\d{1,2}/ | the question this one repeats (S3-M1…M5 repeat S2-M1…M5), else empty | 重复的题目的题号,否则为空
            note | string? | – | any | remarks on gaps in the Exam collection, else empty | 关于原文缺漏的说明
            """
        ),
        rows=53,
        key=("number",),
        sha256="2c00bc7bcb2b25a6326ece2d8aae0e80f7de9bff8378177a8718689af1c8e49f",
        source=(
            "the Exam collection: set S1 (客户关系管理试题答案6), S2 (《客户关系管理》复习资料222), "
            "S3 (客户关系管理选择题-答案分析); numbered as docs/sources.md explains (S1-S3 = set 1, "
            "single choice 3). Stems and options are quoted verbatim, with the answer keys that S2 "
            "and S3 print inside the brackets removed; the English translations are crmlab's."
        ),
        licence=(
            "Exam questions quoted verbatim from the Exam collection (attributed exam content); "
            "English translations CC BY 4.0, crmlab contributors. No answer keys: they are not in "
            "this file and must never be added (datasets ship to students)."
        ),
        description="The choice questions of the Exam collection (sets S1, S2, S3) in Chinese and English, without answer keys",
        description_zh="试题合集《客户关系管理ABC》中的选择题(S1、S2、S3三套),中英文对照,不含答案",
    ),
}


def load_distributors() -> pd.DataFrame:
    """The 20 distributors a-t of the ABC worked example (Exam collection), sales in 10k yuan (万元).

    Returns
    -------
    DataFrame
        Columns ``distributor`` (string, a-t) and ``sales`` (float, 万元 per year).

    Examples
    --------
    >>> load_distributors().head(3)
      distributor  sales
    0           a  350.0
    1           b  460.0
    2           c  180.0
    """
    return read_schema(SCHEMAS["distributors"])


def load_abc_food_company() -> pd.DataFrame:
    """The food company's ABC shares (Exam collection): customers, sales and sales force per class.

    Shares are fractions (0.7 = 70%). The Exam collection gives the sales-force share of A (15%) and C
    (60%) only; its sentence breaks off after "B", so B's share is missing (NaN).

    Returns
    -------
    DataFrame
        Columns ``abc_class`` (ordered A < B < C), ``abc_class_zh``, ``customer_share``,
        ``sales_share`` and ``salesforce_share`` (float, NaN for B).

    Examples
    --------
    >>> df = load_abc_food_company()
    >>> df[["abc_class", "customer_share", "sales_share", "salesforce_share"]]
      abc_class  customer_share  sales_share  salesforce_share
    0         A             0.1          0.7              0.15
    1         B             0.2          0.2               NaN
    2         C             0.7          0.1              0.60
    """
    return read_schema(SCHEMAS["abc_food_company"])


def load_crm_quality_products() -> pd.DataFrame:
    """Table 1-2 of the Lecture notes: CRM quality vs customers likely to add or drop a product.

    Share of a financial-services firm's customers likely to add (``share_add_product``) or
    drop (``share_drop_product``) one or more products in the next 12 months, by the quality of
    its customer relationship management. Source: Peppers and Rogers Group with Roper Starch
    Worldwide, survey of September 2000, as quoted in the Lecture notes.

    Examples
    --------
    >>> df = load_crm_quality_products()
    >>> df["crm_quality"].tolist()
    ['poor', 'medium', 'high']
    >>> df["share_add_product"].tolist(), df["share_drop_product"].tolist()
    ([0.15, 0.21, 0.31], [0.26, 0.1, 0.01])
    """
    return read_schema(SCHEMAS["crm_quality_products"])


def load_quoted_figures() -> pd.DataFrame:
    """Figures quoted in the lecture materials, one per row with its value, unit and source.

    ``value`` is the figure as quoted (percentages as percent, e.g. 40 for 40%); a range such
    as "9%-10%" has its upper end in ``value_high``. ``source`` is the original source the
    material names, ``material`` the short id of the material that quotes the figure
    (``slides-a`` for Slides A, ``article`` for the Article; ``docs/sources.md`` lists them all).

    Examples
    --------
    >>> figures = load_quoted_figures().set_index("figure")
    >>> float(figures.loc["acquisition_cost", "value"]), figures.loc["acquisition_cost", "unit"]
    (350.0, 'USD per new customer')
    >>> figures.loc["crm_service_fee_gain", ["value", "value_high"]].tolist()
    [9.0, 10.0]
    >>> figures.loc["loyalty_profit_gain", "material"]
    'slides-a'
    """
    return read_schema(SCHEMAS["quoted_figures"])


def load_satisfaction_chain() -> pd.DataFrame:
    """Slides B: employee satisfaction +5% goes with customer satisfaction +1.3%, performance +0.5%.

    Examples
    --------
    >>> load_satisfaction_chain()[["measure", "change_percent"]]
                     measure  change_percent
    0  employee satisfaction             5.0
    1  customer satisfaction             1.3
    2    company performance             0.5
    """
    return read_schema(SCHEMAS["satisfaction_chain"])


def load_exam_questions() -> pd.DataFrame:
    """The choice questions of the Exam collection in Chinese and English, without answer keys.

    One row per question, numbered as ``docs/sources.md`` explains: ``S1-S3`` is single-choice
    question 3 of set S1, ``S2-M4`` multiple-choice question 4 of set S2, ``S1-T2`` translation
    item 2 of set S1. ``type`` is ``single``, ``multiple`` or ``open`` (no options in the Exam
    collection).
    Options are one string, ``"A. ...|B. ..."``; ``duplicate_of`` names the question that a
    repeated question repeats (S3-M1 to S3-M5 repeat S2-M1 to S2-M5).

    Examples
    --------
    >>> q = load_exam_questions().set_index("number")
    >>> q.loc["S1-S5", "stem_en"]
    'A customer with high current profit and low future profit is a ( )'
    >>> q.loc["S1-S5", "options_en"].split("|")[2]
    'C. Gold customer'
    >>> int(q["duplicate_of"].notna().sum())
    5
    """
    return read_schema(SCHEMAS["exam_questions"])
