"""Synthetic surveys: a seven-level CSM survey, a SERVQUAL survey and a trust survey.

Each survey has a fixed design table (the CSM attributes and their weights, the SERVQUAL items,
the trust items and their loadings) and a seeded generator of the answers. The generators share
their frame: respondents ``R0001`` ..., answers drawn from ``numpy.random.default_rng(seed)`` as a
latent score cut or rounded into the answer scale, written through the survey's schema.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ._schema import Column, Schema, column_table, read_schema, table_rows
from ._synthetic import Columns, by_row, generate, ids, listed, recorded, synthetic

# ---- CSM survey -------------------------------------------------------------------------------

# attribute, attribute_zh, aspect, aspect_zh, weight, mean of the latent satisfaction
_CSM_ATTRIBUTES: tuple[tuple[str, str, str, str, float, float], ...] = (
    ("function", "功能", "product", "产品满意", 0.15, 0.5),
    ("quality", "质量", "product", "产品满意", 0.20, 0.7),
    ("value for money", "性价比", "product", "产品满意", 0.15, -0.1),
    ("appearance", "外观", "product", "产品满意", 0.05, 0.4),
    ("brand", "品牌形象", "visual", "视觉满意", 0.10, 0.3),
    ("pre-sale service", "售前服务", "service", "服务满意", 0.10, 0.2),
    ("in-sale service", "售中服务", "service", "服务满意", 0.10, 0.1),
    ("after-sale service", "售后服务", "service", "服务满意", 0.15, -0.5),
)
_CSM_CUTS = np.array([-2.0, -1.3, -0.6, 0.0, 0.6, 1.3])


# ---- SERVQUAL survey --------------------------------------------------------------------------

# the items (short paraphrases of the usual 22) in their order, by dimension
_SERVQUAL_ITEMS = table_rows(
    """
    q1 | tangibles | modern-looking equipment | 设备现代化
    q2 | tangibles | visually appealing facilities | 设施外观吸引人
    q3 | tangibles | neat, well-dressed employees | 员工衣着整洁得体
    q4 | tangibles | visually appealing materials such as leaflets | 宣传资料等材料美观
    q5 | reliability | does what it promises by the promised time | 在承诺的时间内完成承诺的事
    q6 | reliability | shows sincere interest in solving customers' problems | 真心帮助客户解决问题
    q7 | reliability | performs the service right the first time | 第一次就把服务做好
    q8 | reliability | provides its services at the promised time | 在承诺的时间提供服务
    q9 | reliability | keeps error-free records | 记录准确无误
    q10 | responsiveness | tells customers exactly when services will be performed | 告诉客户服务的确切时间
    q11 | responsiveness | gives prompt service | 提供及时的服务
    q12 | responsiveness | is always willing to help customers | 总是愿意帮助客户
    q13 | responsiveness | is never too busy to respond to requests | 再忙也会回应客户的请求
    q14 | assurance | employees' behaviour instils confidence | 员工的行为让客户放心
    q15 | assurance | customers feel safe in their transactions | 客户在交易中感到安全
    q16 | assurance | employees are consistently courteous | 员工始终礼貌待客
    q17 | assurance | employees know enough to answer questions | 员工有足够的知识回答问题
    q18 | empathy | gives customers individual attention | 给予客户个别关注
    q19 | empathy | has operating hours convenient to customers | 营业时间方便客户
    q20 | empathy | employees give customers personal attention | 员工给予客户个人化的关心
    q21 | empathy | has customers' best interests at heart | 把客户的利益放在心上
    q22 | empathy | understands customers' specific needs | 了解客户的具体需要
    """,
    ("item", "dimension", "statement_en", "statement_zh"),
)
# mean expectation and perception per dimension (7-point scale)
_SERVQUAL_MEANS = {
    "tangibles": (5.9, 5.6),
    "reliability": (6.4, 5.2),
    "responsiveness": (6.1, 5.0),
    "assurance": (6.2, 5.7),
    "empathy": (5.8, 4.9),
}


# ---- trust survey -----------------------------------------------------------------------------

# prefix, construct, construct_zh, loadings of its four items
_TRUST_CONSTRUCTS: tuple[tuple[str, str, str, tuple[float, ...]], ...] = (
    ("sw", "shared wishes", "共同愿望", (0.75, 0.70, 0.65, 0.60)),
    ("sv", "shared values", "价值共享", (0.80, 0.75, 0.75, 0.70)),
    ("md", "mutual dependence", "相互依赖", (0.65, 0.55, 0.50, 0.45)),
    ("cq", "communication quality", "高质量交流", (0.85, 0.80, 0.80, 0.75)),
    ("no", "non-opportunism", "非机会主义", (0.70, 0.65, 0.60, 0.55)),
    ("tr", "trust", "信任", (0.85, 0.85, 0.80, 0.80)),
)
_TRUST_STATEMENTS = {
    item: (en, zh)
    for item, en, zh in table_rows(
        """
        sw1 | I need what this company offers. | 我需要该企业提供的产品和服务。
        sw2 | This company needs customers like me. | 该企业需要像我这样的客户。
        sw3 | We can each reach our goals only with the other's help. | 双方都需要对方的帮助才能实现各自的目标。
        sw4 | This company and I both want the relationship to continue. | 我和该企业都希望这段关系持续下去。
        sv1 | This company and I share similar values. | 我和该企业的价值观相近。
        sv2 | We agree on what is right and wrong in business. | 在经营中什么对、什么错,我们的看法一致。
        sv3 | We set the same priorities. | 我们对轻重缓急的判断一致。
        sv4 | We judge results by the same standards. | 我们用同样的标准评价结果。
        md1 | It would be hard for me to replace this company. | 我很难找到替代该企业的供应商。
        md2 | It would be hard for this company to replace me. | 该企业很难找到替代我的客户。
        md3 | This company and I depend on each other about equally. | 我和该企业相互依赖的程度差不多。
        md4 | Ending the relationship would cost both sides dearly. | 结束这段关系会让双方都付出很大代价。
        cq1 | What this company tells me is relevant to my needs. | 该企业提供的信息与我的需要相关。
        cq2 | This company's advice is to the point. | 该企业的意见中肯。
        cq3 | This company keeps me informed in good time. | 该企业会及时告诉我有关信息。
        cq4 | I can rely on what this company tells me. | 该企业告诉我的信息是可信赖的。
        no1 | This company does not take advantage of me when it could. | 即使有机会,该企业也不会占我的便宜。
        no2 | This company does not push products I do not need. | 该企业不会向我推销我不需要的产品。
        no3 | This company keeps its word even when breaking it would pay. | 即使违约对自己有利,该企业也会信守承诺。
        no4 | This company acts with integrity. | 该企业行为正直。
        tr1 | I trust this company. | 我信任该企业。
        tr2 | This company acts in the interest of us both. | 该企业的行为从双方的共同利益出发。
        tr3 | I expect good results from working with this company. | 我预期与该企业合作会有好的结果。
        tr4 | I can count on this company to keep its promises. | 我相信该企业会履行承诺。
        """,
        ("item", "statement_en", "statement_zh"),
    )
}
_TRUST_CUTS = np.array([-1.8, -1.0, -0.2, 0.9])  # latent cut points of the 5 Likert answers
_TRUST_FACTOR_CORRELATION = 0.3  # between any two antecedents
_TRUST_EFFECTS = (0.20, 0.15, 0.10, 0.25, 0.20)  # of the five antecedents on trust

# ---- declarations -----------------------------------------------------------------------------

_RESPONDENT = column_table(r"respondent_id | string | – | /R\d{4,}/ | respondent | 受访者编号")
_CSM_LISTS = {
    "attributes": listed([a[0] for a in _CSM_ATTRIBUTES]),
    "attributes_zh": listed([a[1] for a in _CSM_ATTRIBUTES]),
}
_TRUST_ITEMS = [f"{c[0]}{i}" for c in _TRUST_CONSTRUCTS for i in range(1, len(c[3]) + 1)]


def _answer_columns(
    items: list[str], points: int, answer: tuple[str, str], design: str
) -> tuple[Column, ...]:
    """One int column per item, answers 1..``points`` (1 strongly disagree)."""
    what, what_zh = answer
    return tuple(
        Column(
            item,
            "int",
            f"points (1-{points})",
            f"1..{points}",
            f"{what} item {item}, 1 strongly disagree … {points} strongly agree (see {design})",
            f"题项{item}的{what_zh},1非常不同意……{points}非常同意",
        )
        for item in items
    )


SCHEMAS: dict[str, Schema] = {
    "csm_attributes": synthetic(
        "csm_attributes",
        " Attributes follow Slides A's satisfaction platform (product, visual and service "
        "satisfaction); the weights are crmlab's choice.",
        spec=column_table(
            r"""
            attribute | string | – | $attributes | attribute rated in the survey | 测评指标(英文)
            attribute_zh | string | – | $attributes_zh | attribute in Chinese | 测评指标
            aspect | string | – | $aspects | aspect of satisfaction (Slides A) | 满意层面(英文)
            aspect_zh | string | – | $aspects_zh | aspect in Chinese | 满意层面
            weight | float | share (0-1) | 0..1 | importance weight for the percentage weighted method; the weights sum to 1 | 重要性权重(百分值加权法),和为1
            """,
            **_CSM_LISTS,
            aspects=listed([a[2] for a in _CSM_ATTRIBUTES]),
            aspects_zh=listed([a[3] for a in _CSM_ATTRIBUTES]),
        ),
        rows=8,
        key=("attribute",),
        sha256="84565b0520b87cb2dbfff541704b0b11f4384f6765d11fd95b0d00ccba73f476",
        description="The 8 attributes of the CSM survey with their importance weights (a fixed design table)",
        description_zh="客户满意度测评的8个指标、所属层面及重要性权重(权重之和为1)",
    ),
    "csm_survey": synthetic(
        "csm_survey",
        "; ordered-probit answers on the seven CSM levels.",
        generator="make_csm_survey",
        seed=606,
        n=300,
        spec=_RESPONDENT
        + column_table(
            r"""
            attribute | string | – | $attributes | attribute rated (see csm_attributes.csv) | 测评指标(英文)
            attribute_zh | string | – | $attributes_zh | attribute in Chinese | 测评指标
            level | category:csm_level | – | glossary | answer on the seven CSM levels, lowest first | 满意程度(英文)
            level_zh | string | – | 很不满意, 不满意, 不太满意, 一般, 较满意, 满意, 很满意 | the answer in Chinese as the respondent ticked it | 满意程度(很不满意……很满意)
            """,
            **_CSM_LISTS,
        ),
        rows=2400,
        key=("respondent_id", "attribute"),
        sha256="d2fc0341ce31ac43076509116a4831117afad277c3c6d5376de7f9cd77da6977",
        description="A seven-level CSM survey: 300 respondents rate 8 attributes (long format, Chinese labels beside English)",
        description_zh="七级梯级客户满意度调查:每位受访者对8个指标的评价(长表)",
    ),
    "servqual_items": synthetic(
        "servqual_items",
        " Dimensions and item order of SERVQUAL (Parasuraman, Zeithaml & Berry 1988, external to "
        "the lecture materials); the statements are short paraphrases by crmlab, not the original "
        "wording.",
        spec=column_table(
            r"""
            item | string | – | /q\d{1,2}/ | item q1-q22 (a column of servqual_survey.csv) | 题项
            dimension | category:servqual_dimension | – | glossary | SERVQUAL dimension | 维度(英文)
            dimension_zh | string | – | 有形性, 可靠性, 响应性, 保证性, 移情性 | dimension in Chinese | 维度
            statement_en | string | – | any | what the item asks about (paraphrase) | 题项内容(英文)
            statement_zh | string | – | any | what the item asks about, in Chinese | 题项内容
            """
        ),
        rows=22,
        key=("item",),
        sha256="43a41559a99166af91a98e5ca880dc8ffb7cca8ab7f3bb197e3d24eabe78ebca",
        description="The 22 SERVQUAL items q1-q22 and their dimensions (a fixed design table)",
        description_zh="SERVQUAL的22个题项及其所属维度",
    ),
    "servqual_survey": synthetic(
        "servqual_survey",
        ". Customers of a fictional bank branch; one expectation row and one perception row per "
        "respondent.",
        generator="make_servqual_survey",
        seed=707,
        n=250,
        spec=_RESPONDENT
        + column_table(
            r"""
            kind | string | – | expectation, perception | expectation or perception (the gap is perception − expectation) | 期望或感知(差距 = 感知 − 期望)
            kind_zh | string | – | 期望, 感知 | the kind in Chinese | 期望或感知(中文)
            """
        )
        + _answer_columns(
            [i[0] for i in _SERVQUAL_ITEMS], 7, ("score of", "得分"), "servqual_items.csv"
        ),
        rows=500,
        key=("respondent_id", "kind"),
        sha256="59f7df79e842b9e1d0f203daa1e80d823945bfa80216badd41a1865e7c493b15",
        description="SERVQUAL survey of a fictional bank branch: 250 respondents, expectation and perception of 22 items on a 7-point scale",
        description_zh="SERVQUAL问卷:每位受访者对22个题项的期望与感知评分(7分制)",
    ),
    "trust_items": synthetic(
        "trust_items",
        " Constructs are the antecedents of trust in the Lecture notes (共同愿望, 价值共享, "
        "相互依赖, 高质量交流, 非机会主义) and trust; statements and loadings are crmlab's.",
        spec=column_table(
            r"""
            item | string | – | /(sw|sv|md|cq|no|tr)\d/ | item (a column of trust_survey.csv) | 题项
            construct | string | – | $constructs | construct the item measures | 构念(英文)
            construct_zh | string | – | $constructs_zh | construct in Chinese | 构念
            statement_en | string | – | any | statement the respondent rates | 题项表述(英文)
            statement_zh | string | – | any | statement in Chinese | 题项表述
            loading | float | – | 0..1 | true standardised loading of the item on its construct in the generator | 生成模型中的真实标准化因子载荷
            """,
            constructs=listed([c[1] for c in _TRUST_CONSTRUCTS]),
            constructs_zh=listed([c[2] for c in _TRUST_CONSTRUCTS]),
        ),
        rows=24,
        key=("item",),
        sha256="af5776f387e465d9ac642a6b827996b19d06c892c90f31a69e81251c45ea35ed",
        description="The 24 items of the trust survey, their constructs (Lecture notes) and true loadings (a fixed design table)",
        description_zh="信任问卷的24个题项、所属构念(讲义《客户关系管理课件》中信任的影响因素及信任)和真实因子载荷",
    ),
    "trust_survey": synthetic(
        "trust_survey",
        "; latent factor model, see *Reliability of the trust survey* below.",
        generator="make_trust_survey",
        seed=303,
        n=400,
        spec=_RESPONDENT
        + _answer_columns(_TRUST_ITEMS, 5, ("answer to", "回答"), "trust_items.csv"),
        rows=400,
        key=("respondent_id",),
        sha256="051871396674aef38b265e3de291d4cd2812ecc5c38f143970af1f04fd3955ca",
        description="A trust survey of 400 business customers: 5-point Likert items per antecedent of trust (Lecture notes) and trust",
        description_zh="信任问卷:400位企业客户对某供应商的24个李克特五级题项评分",
    ),
}


# ---- the generators ---------------------------------------------------------------------------


def _csm_columns(n: int, seed: int) -> Columns:
    from crmlab.glossary import chinese_name, labels

    rng = np.random.default_rng(seed)
    levels = labels("csm_level")
    zh = [chinese_name(x, "csm_level") for x in levels]
    mean = np.array([a[5] for a in _CSM_ATTRIBUTES])
    general = rng.normal(size=n)
    noise = rng.normal(size=(n, len(_CSM_ATTRIBUTES)))
    latent = mean + 0.8 * general[:, None] + 0.6 * noise
    level = np.searchsorted(_CSM_CUTS, latent)
    rows = [
        (rid, attribute[0], attribute[1], levels[int(k)], zh[int(k)])
        for rid, answers in zip(ids("R", n, 4), level, strict=True)
        for attribute, k in zip(_CSM_ATTRIBUTES, answers, strict=True)
    ]
    return by_row(SCHEMAS["csm_survey"], rows)


def _servqual_columns(n: int, seed: int) -> Columns:
    rng = np.random.default_rng(seed)
    dims = list(_SERVQUAL_MEANS)
    dim_of = np.array([dims.index(i[1]) for i in _SERVQUAL_ITEMS])
    expect = np.array([_SERVQUAL_MEANS[d][0] for d in dims])
    perceive = np.array([_SERVQUAL_MEANS[d][1] for d in dims])
    rows = []
    for rid in ids("R", n, 4):
        e_shift = rng.normal(0.0, 0.4)
        p_shift = rng.normal(0.0, 0.6) + rng.normal(0.0, 0.4, size=len(dims))
        e = expect[dim_of] + e_shift + rng.normal(0.0, 0.6, size=len(dim_of))
        p = perceive[dim_of] + p_shift[dim_of] + rng.normal(0.0, 0.7, size=len(dim_of))
        for kind, kind_zh, values in (("expectation", "期望", e), ("perception", "感知", p)):
            scores = np.clip(np.rint(values), 1, 7).astype(int)
            rows.append((rid, kind, kind_zh, *(int(score) for score in scores)))
    return by_row(SCHEMAS["servqual_survey"], rows)


def _trust_columns(n: int, seed: int) -> Columns:
    rng = np.random.default_rng(seed)
    rho = _TRUST_FACTOR_CORRELATION
    common = rng.normal(size=n)
    antecedents = math.sqrt(rho) * common[:, None] + math.sqrt(1 - rho) * rng.normal(size=(n, 5))
    beta = np.array(_TRUST_EFFECTS)
    explained = float(np.sum(beta**2) * (1 - rho) + rho * np.sum(beta) ** 2)
    trust = antecedents @ beta + math.sqrt(1 - explained) * rng.normal(size=n)
    factors = np.column_stack([antecedents, trust])
    columns: Columns = {"respondent_id": ids("R", n, 4)}
    for k, (prefix, _, _, loadings) in enumerate(_TRUST_CONSTRUCTS):
        lam = np.array(loadings)
        latent = factors[:, [k]] * lam + np.sqrt(1 - lam**2) * rng.normal(size=(n, len(lam)))
        answers = 1 + np.searchsorted(_TRUST_CUTS, latent)
        for i in range(len(lam)):
            columns[f"{prefix}{i + 1}"] = [int(v) for v in answers[:, i]]
    return columns


def _design_tables() -> dict[str, Columns]:
    """The columns of the three fixed design tables (no random draws)."""
    from crmlab.glossary import chinese_name

    servqual = [
        (item, dim, chinese_name(dim, "servqual_dimension"), en, zh)
        for item, dim, en, zh in _SERVQUAL_ITEMS
    ]
    trust = [
        (f"{prefix}{i}", construct, construct_zh, *_TRUST_STATEMENTS[f"{prefix}{i}"], loading)
        for prefix, construct, construct_zh, loadings in _TRUST_CONSTRUCTS
        for i, loading in enumerate(loadings, start=1)
    ]
    return {
        "csm_attributes": by_row(SCHEMAS["csm_attributes"], [a[:5] for a in _CSM_ATTRIBUTES]),
        "servqual_items": by_row(SCHEMAS["servqual_items"], servqual),
        "trust_items": by_row(SCHEMAS["trust_items"], trust),
    }


_DRAWS = {
    "csm_survey": _csm_columns,
    "servqual_survey": _servqual_columns,
    "trust_survey": _trust_columns,
}


def synthetic_tables() -> dict[str, Columns]:
    """The columns of the surveys' committed files, the answers from their recorded seed and n."""
    tables = _design_tables()
    for name, draw in _DRAWS.items():
        tables[name] = draw(*recorded(SCHEMAS[name]))
    return tables


def make_csm_survey(n: int, seed: int) -> pd.DataFrame:
    """Generate a seven-level CSM survey of ``n`` respondents rating 8 attributes.

    The attributes follow Slides A's satisfaction platform (product: function, quality, value
    for money, appearance; visual: brand; service: pre-, in- and after-sale), with importance
    weights in :func:`load_csm_attributes`. Each answer is an ordered-probit draw: a latent
    satisfaction (attribute mean + 0.8 x the respondent's general satisfaction + 0.6 x noise,
    all standard normal) cut at -2.0, -1.3, -0.6, 0.0, 0.6, 1.3 into the seven CSM levels
    很不满意 ... 很满意.

    Parameters
    ----------
    n : int
        Number of respondents (1 to 1,000,000).
    seed : int
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    DataFrame
        As :func:`load_csm_survey`: ``respondent_id``, ``attribute``, ``attribute_zh``,
        ``level`` (ordered categorical) and ``level_zh``, one row per respondent and attribute.

    Examples
    --------
    >>> s = make_csm_survey(10, seed=1)
    >>> s.shape
    (80, 5)
    >>> s["level"].cat.ordered, s["level"].cat.categories[0]
    (True, 'very dissatisfied')
    """
    return generate(SCHEMAS["csm_survey"], _csm_columns, n, seed)


def make_servqual_survey(n: int, seed: int) -> pd.DataFrame:
    """Generate a SERVQUAL survey: expectation and perception of 22 items by ``n`` respondents.

    Scores on a 7-point scale (1 strongly disagree ... 7 strongly agree). Item ``j`` of
    dimension ``d`` is the rounded (and clipped to 1-7) sum of the dimension's mean (expectation
    5.8-6.4; perception 4.9-5.7, so reliability, responsiveness and empathy have the widest gaps),
    a respondent shift (normal, sd 0.4 for expectation; 0.6 overall plus 0.4 per dimension for
    perception) and item noise (sd 0.6 and 0.7). Items per dimension: see
    :func:`load_servqual_items`.

    Parameters
    ----------
    n : int
        Number of respondents (1 to 1,000,000); the frame has ``2 * n`` rows.
    seed : int
        Seed of ``numpy.random.default_rng``.

    Examples
    --------
    >>> s = make_servqual_survey(5, seed=1)
    >>> s.shape
    (10, 25)
    >>> s[["respondent_id", "kind", "kind_zh"]].head(2)
      respondent_id         kind kind_zh
    0         R0001  expectation      期望
    1         R0001   perception      感知
    """
    return generate(SCHEMAS["servqual_survey"], _servqual_columns, n, seed)


def make_trust_survey(n: int, seed: int) -> pd.DataFrame:
    """Generate a trust survey of ``n`` business customers about one supplier.

    Six constructs of four 5-point Likert items each (1 strongly disagree ... 5 strongly agree):
    the antecedents of trust in the Lecture notes (shared wishes ``sw``, shared values ``sv``, mutual
    dependence ``md``, communication quality ``cq``, non-opportunism ``no``) and trust ``tr``.
    Latent factor model: the five antecedent factors are standard normal with correlation
    0.3; trust = 0.20 sw + 0.15 sv + 0.10 md + 0.25 cq + 0.20 no + noise (unit variance). Item
    ``j`` of a construct is ``loading_j * factor + sqrt(1 - loading_j**2) * noise``, cut at
    -1.8, -1.0, -0.2, 0.9 into the answers 1-5. The loadings (:func:`load_trust_items`) fix each
    construct's reliability: see :func:`trust_population_alpha`.

    Parameters
    ----------
    n : int
        Number of respondents (1 to 1,000,000).
    seed : int
        Seed of ``numpy.random.default_rng``.

    Examples
    --------
    >>> s = make_trust_survey(20, seed=1)
    >>> s.shape
    (20, 25)
    >>> int(s.drop(columns="respondent_id").min().min()) >= 1
    True
    """
    return generate(SCHEMAS["trust_survey"], _trust_columns, n, seed)


def _normal_cdf(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.vectorize(math.erf)(x / math.sqrt(2.0)))


def trust_population_alpha() -> pd.DataFrame:
    """Cronbach's alpha of each trust construct implied by the generator's loadings.

    ``alpha_latent`` is the alpha of the continuous latent items (standardised, loadings
    ``l``): ``k / (k - 1) * (1 - k / ((sum l)**2 + sum(1 - l**2)))``. ``alpha_likert`` is the
    population alpha of the 5-point answers actually written, computed exactly by integrating
    over the factor (Gauss-Hermite quadrature): cutting the latent items into five answers
    lowers it a little. A sample of ``n`` respondents gives estimates around ``alpha_likert``.

    Examples
    --------
    >>> trust_population_alpha().round(3)
                           alpha_latent  alpha_likert
    construct
    shared wishes                 0.769         0.736
    shared values                 0.837         0.806
    mutual dependence             0.617         0.581
    communication quality         0.877         0.848
    non-opportunism               0.719         0.684
    trust                         0.895         0.867
    """
    nodes, weights = np.polynomial.hermite_e.hermegauss(80)
    weights = weights / weights.sum()
    rows = []
    for _, construct, _, loadings in _TRUST_CONSTRUCTS:
        lam = np.array(loadings)
        k = len(lam)
        latent = k / (k - 1) * (1 - k / (lam.sum() ** 2 + np.sum(1 - lam**2)))
        sd = np.sqrt(1 - lam**2)
        # P(answer > c | factor) for each item, node and cut: shape (k, nodes, cuts)
        above = 1.0 - _normal_cdf(
            (_TRUST_CUTS[None, None, :] - lam[:, None, None] * nodes[None, :, None])
            / sd[:, None, None]
        )
        probs = np.concatenate(
            [1 - above[:, :, :1], above[:, :, :-1] - above[:, :, 1:], above[:, :, -1:]], axis=2
        )
        values = np.arange(1, len(_TRUST_CUTS) + 2)
        mean = probs @ values  # E[Y | F], shape (k, nodes)
        second = probs @ values**2
        grand = mean @ weights
        centred = mean - grand[:, None]
        cov = (centred * weights) @ centred.T  # covariance of the conditional means
        var = (second - mean**2) @ weights + np.diag(cov)
        total = var.sum() + (cov.sum() - np.trace(cov))
        likert = k / (k - 1) * (1 - var.sum() / total)
        rows.append({"construct": construct, "alpha_latent": latent, "alpha_likert": likert})
    return pd.DataFrame(rows).set_index("construct")


def trust_reliability_markdown() -> str:
    """The data dictionary's table of the trust constructs' design and reliability (Markdown).

    One row per construct: its items and loadings (:func:`load_trust_items`) and the alphas of
    :func:`trust_population_alpha`, to three decimals.

    >>> print(trust_reliability_markdown().splitlines()[2])
    | shared wishes | 共同愿望 | sw1, sw2, sw3, sw4 | 0.75, 0.70, 0.65, 0.60 | 0.769 | 0.736 |
    """
    alpha = trust_population_alpha()
    lines = [
        "| construct | 构念 | items | loadings | alpha_latent | alpha_likert |",
        "|---|---|---|---|---|---|",
    ]
    for prefix, construct, construct_zh, loadings in _TRUST_CONSTRUCTS:
        items = ", ".join(f"{prefix}{i}" for i in range(1, len(loadings) + 1))
        shown = ", ".join(f"{x:.2f}" for x in loadings)
        latent, likert = alpha.loc[construct, ["alpha_latent", "alpha_likert"]]
        lines.append(
            f"| {construct} | {construct_zh} | {items} | {shown} | {latent:.3f} | {likert:.3f} |"
        )
    return "\n".join(lines) + "\n"


# ---- loaders ---------------------------------------------------------------------------------


def load_csm_attributes() -> pd.DataFrame:
    """The 8 attributes of the CSM survey, their aspect and importance weight (sum 1).

    The aspects follow Slides A's satisfaction platform: product (产品满意), visual (视觉满意)
    and service (服务满意) satisfaction.

    >>> a = load_csm_attributes()
    >>> round(float(a["weight"].sum()), 6)
    1.0
    """
    return read_schema(SCHEMAS["csm_attributes"])


def load_csm_survey() -> pd.DataFrame:
    """A seven-level CSM survey (synthetic): one row per respondent and attribute.

    ``level`` is the answer as an ordered categorical of the English CSM labels (very
    dissatisfied < ... < very satisfied), ``level_zh`` the Chinese answer (很不满意 ... 很满意).

    >>> s = load_csm_survey()
    >>> s.shape
    (2400, 5)
    >>> s["level"].cat.categories[-1], s.loc[s["level"] == "very satisfied", "level_zh"].iloc[0]
    ('very satisfied', '很满意')
    """
    return read_schema(SCHEMAS["csm_survey"])


def load_servqual_items() -> pd.DataFrame:
    """The 22 SERVQUAL items and their five dimensions.

    >>> load_servqual_items().groupby("dimension", observed=True).size().tolist()
    [4, 5, 4, 4, 5]
    """
    return read_schema(SCHEMAS["servqual_items"])


def load_servqual_survey() -> pd.DataFrame:
    """A SERVQUAL survey (synthetic): each respondent's expectation and perception rows, q1-q22.

    >>> s = load_servqual_survey()
    >>> s.shape, s["kind"].value_counts().tolist()
    ((500, 25), [250, 250])
    """
    return read_schema(SCHEMAS["servqual_survey"])


def load_trust_items() -> pd.DataFrame:
    """The 24 items of the trust survey with their construct and true loading.

    >>> load_trust_items()["construct"].unique().tolist()[:2]
    ['shared wishes', 'shared values']
    """
    return read_schema(SCHEMAS["trust_items"])


def load_trust_survey() -> pd.DataFrame:
    """A trust survey (synthetic): 5-point Likert answers to 24 items, 4 per construct.

    See :func:`trust_population_alpha` for each construct's reliability by design.

    >>> load_trust_survey().shape
    (400, 25)
    """
    return read_schema(SCHEMAS["trust_survey"])
