"""Loaders for the course's data files (``datasets/``) and seeded generators of synthetic data.

Every ``load_<name>()`` returns a typed DataFrame (ids as strings, money as float, dates parsed,
ordered categoricals for levels and stages) and checks the file against its declared schema
first, so a missing, truncated or corrupted file raises an error that names the file and what
is wrong instead of returning a half-loaded frame. The data dictionary is ``datasets/README.md``;
the tests check that it, the schemas below and the files agree.

Three kinds of data ship with the course:

* **quoted** tables: facts quoted in the lecture materials (named in ``docs/sources.md``), e.g.
  :func:`load_distributors`;
* **real** data: the CDNOW purchase histories of Fader & Hardie, :func:`load_cdnow`;
* **synthetic** data from the seeded generators ``make_<name>(n, seed)``: the same ``n`` and
  ``seed`` give the same bytes on any machine, and the committed files were written by
  :func:`write_synthetic` from the ``seed`` and ``n`` recorded in the data dictionary.

Examples
--------
>>> df = load_distributors()
>>> df.shape
(20, 2)
>>> float(df["sales"].sum())
10580.0
>>> list_datasets().loc["cdnow_master", ["file", "kind"]].tolist()
['cdnow_master.txt', 'real']
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

__all__ = [
    "SCHEMAS",
    "DatasetError",
    "RetailData",
    "Schema",
    "data_dir",
    "data_path",
    "list_datasets",
    "load_abc_food_company",
    "load_b2b_customers",
    "load_cdnow",
    "load_crm_quality_products",
    "load_csm_attributes",
    "load_csm_survey",
    "load_distributors",
    "load_exam_questions",
    "load_quoted_figures",
    "load_retail_customers",
    "load_retail_stores",
    "load_retail_transactions",
    "load_satisfaction_chain",
    "load_servqual_items",
    "load_servqual_survey",
    "load_trust_items",
    "load_trust_survey",
    "make_b2b_customers",
    "make_csm_survey",
    "make_retail_transactions",
    "make_servqual_survey",
    "make_trust_survey",
    "read_table",
    "trust_population_alpha",
    "write_synthetic",
]


class DatasetError(ValueError):
    """A data file is missing, truncated or does not match its schema."""


@cache
def data_dir() -> Path:
    """The folder that holds the data files.

    In a wheel the files travel inside the package (``crmlab/_data/datasets``); in a source
    checkout or an editable install they are the repository's ``datasets/`` folder.
    """
    packaged = Path(__file__).parent / "_data" / "datasets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "datasets"


def data_path(filename: str) -> Path:
    """Path of a file in the data folder; raises :class:`DatasetError` when it is missing.

    >>> data_path("distributors.csv").name
    'distributors.csv'
    """
    path = data_dir() / filename
    if not path.is_file():
        raise DatasetError(f"data file {filename!r} is missing from {data_dir()}")
    return path


# --------------------------------------------------------------------------------------------
# schemas
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Schema:
    """What a data file must hold: its columns in order with their types, rows and checksum.

    Column types: ``"string"`` (ids and labels), ``"float"`` (money, shares), ``"int"``,
    ``"date"`` (ISO ``YYYY-MM-DD``; ``"date:%Y%m%d"`` for another layout), or
    ``"category:<glossary group>"`` for ordered labels (English labels in the file). A trailing
    ``"?"`` allows empty values; without it an empty value is an error.

    ``allowed`` maps a column to the values it may take: ``"a, b, c"`` (one of), ``"lo..hi"``
    (an inclusive range of numbers or ISO dates; either end may be left open) or ``"/regex/"``
    (the whole value must match). ``key`` names columns whose combination is unique.
    ``format`` is ``"csv"`` (UTF-8, a header line) or ``"whitespace"`` (fields separated by
    blanks, ``header`` gives the expected first line's words or ``None`` when there is none).
    ``sha256`` is the checksum of the committed file, and ``seed`` and ``n`` the arguments of the
    generator that wrote a synthetic file.
    """

    file: str
    columns: dict[str, str]
    rows: int | None
    description: str
    index: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    kind: str = "quoted"
    loader: str = ""
    allowed: dict[str, str] = field(default_factory=dict)
    key: tuple[str, ...] = ()
    sha256: str | None = None
    seed: int | None = None
    n: int | None = None
    format: str = "csv"
    header: tuple[str, ...] | None = None


_ID4 = "/C\\d{4,}/"
_CSM_NAMES = (
    "function, quality, value for money, appearance, brand, "
    "pre-sale service, in-sale service, after-sale service"
)
_CSM_NAMES_ZH = "功能, 质量, 性价比, 外观, 品牌形象, 售前服务, 售中服务, 售后服务"

SCHEMAS: dict[str, Schema] = {
    # ---------------------------------------------------------------- quoted tables
    "distributors": Schema(
        file="distributors.csv",
        columns={"distributor": "string", "sales": "float"},
        rows=20,
        description="20 distributors a-t with yearly sales in 10k yuan (万元), the ABC worked example of the Exam collection",
        loader="load_distributors()",
        allowed={"distributor": "/[a-t]/", "sales": "0.."},
        key=("distributor",),
        sha256="df9cdeb83bcf545ef7b0ec0c54b37280a7272e362fdf48e727b72ad80b9b69a4",
    ),
    "abc_food_company": Schema(
        file="abc_food_company.csv",
        columns={
            "abc_class": "category:abc_class",
            "abc_class_zh": "string",
            "customer_share": "float",
            "sales_share": "float",
            "salesforce_share": "float?",
        },
        rows=3,
        description="ABC shares of a food company (Exam collection): customers, sales and sales force per class",
        loader="load_abc_food_company()",
        allowed={
            "abc_class_zh": "A类客户, B类客户, C类客户",
            "customer_share": "0..1",
            "sales_share": "0..1",
            "salesforce_share": "0..1",
        },
        key=("abc_class",),
        sha256="4766482f3327d4fc1da42463223538872239e02c88784f17c8f520a0ddd3ed62",
    ),
    "crm_quality_products": Schema(
        file="crm_quality_products.csv",
        columns={
            "crm_quality": "category:crm_quality",
            "crm_quality_zh": "string",
            "share_add_product": "float",
            "share_drop_product": "float",
        },
        rows=3,
        description="Table 1-2 of the Lecture notes: CRM quality vs share of customers likely to add or drop a product",
        loader="load_crm_quality_products()",
        allowed={
            "crm_quality_zh": "差, 中, 高",
            "share_add_product": "0..1",
            "share_drop_product": "0..1",
        },
        key=("crm_quality",),
        sha256="2729d2ee2705a72436462b166e13bed928b245147870d75f9854bfea4cd9241a",
    ),
    "quoted_figures": Schema(
        file="quoted_figures.csv",
        columns={
            "figure": "string",
            "quantity_en": "string",
            "quantity_zh": "string",
            "value": "float",
            "value_high": "float?",
            "unit": "string",
            "source": "string",
            "material": "string",
            "chapter": "int",
        },
        rows=6,
        description="Figures quoted in Slides A and the Article (CRM results, acquisition cost, churn, loyalty and profit)",
        loader="load_quoted_figures()",
        allowed={
            "material": "slides-a, lecture-notes, article, slides-b, exam-collection",
            "chapter": "0..8",
            "figure": "/[a-z_]+/",
        },
        key=("figure",),
        sha256="ff33c0d51171984740f76abe04805abc2328c530537c54572688d3a63eafd447",
    ),
    "satisfaction_chain": Schema(
        file="satisfaction_chain.csv",
        columns={
            "step": "int",
            "measure": "string",
            "measure_zh": "string",
            "change_percent": "float",
        },
        rows=3,
        description="Slides B: employee satisfaction +5% goes with customer satisfaction +1.3% and performance +0.5%",
        loader="load_satisfaction_chain()",
        allowed={"step": "1..3"},
        key=("step",),
        sha256="9020e089b8ae06dc50dec03c267518e79cde86fbb0c8c20776007b1c17e6741d",
    ),
    "exam_questions": Schema(
        file="exam_questions.csv",
        columns={
            "number": "string",
            "set": "string",
            "type": "string",
            "chapter": "int",
            "stem_zh": "string",
            "stem_en": "string",
            "options_zh": "string?",
            "options_en": "string?",
            "duplicate_of": "string?",
            "note": "string?",
        },
        rows=53,
        description="The choice questions of the Exam collection (sets S1, S2, S3) in Chinese and English, without answer keys",
        loader="load_exam_questions()",
        allowed={
            "number": "/S[123]-[SMT]\\d{1,2}/",
            "set": "S1, S2, S3",
            "type": "single, multiple, open",
            "chapter": "0..8",
            "duplicate_of": "/S[123]-[SMT]\\d{1,2}/",
        },
        key=("number",),
        sha256="2c00bc7bcb2b25a6326ece2d8aae0e80f7de9bff8378177a8718689af1c8e49f",
    ),
    # ---------------------------------------------------------------- real data
    "cdnow_master": Schema(
        file="cdnow_master.txt",
        columns={
            "customer_id": "string",
            "date": "date:%Y%m%d",
            "quantity": "int",
            "amount": "float",
        },
        rows=69659,
        description="CDNOW (Fader & Hardie): all 69,659 purchases of the 23,570 customers who first bought in Q1 1997, to 1998-06-30",
        kind="real",
        loader="load_cdnow()",
        allowed={
            "customer_id": "/\\d{5}/",
            "date": "1997-01-01..1998-06-30",
            "quantity": "1..",
            "amount": "0..",
        },
        sha256="eff6889ed364c5199d6eacbbeb7a6d559971df4406ac876f322c373f00a072ef",
        format="whitespace",
        header=("customer_id", "date", "number_of_cds", "dollar_value"),
    ),
    "cdnow_sample": Schema(
        file="cdnow_sample.txt",
        columns={
            "customer_id": "string",
            "sample_id": "string",
            "date": "date:%Y%m%d",
            "quantity": "int",
            "amount": "float",
        },
        rows=6919,
        description="CDNOW 1/10 systematic sample (Fader & Hardie): 6,919 purchases of 2,357 customers",
        kind="real",
        loader="load_cdnow(sample=True)",
        allowed={
            "customer_id": "/\\d{5}/",
            "sample_id": "/\\d{4}/",
            "date": "1997-01-01..1998-06-30",
            "quantity": "1..",
            "amount": "0..",
        },
        sha256="6fae10155c0b0ba363c2c386e30f77990d22328220efd862a5edd1443420d94a",
        format="whitespace",
        header=None,
    ),
    # ---------------------------------------------------------------- synthetic data
    "retail_stores": Schema(
        file="retail_stores.csv",
        columns={
            "store_id": "string",
            "store": "string",
            "store_zh": "string",
            "city": "string",
            "city_zh": "string",
        },
        rows=8,
        description="The 8 stores of the fictional retail chain (a fixed design table, no random draws)",
        kind="synthetic",
        loader="load_retail_stores()",
        allowed={
            "store_id": "/S\\d{2}/",
            "city": "Shanghai, Beijing, Hangzhou, Chengdu, Guangzhou",
            "city_zh": "上海, 北京, 杭州, 成都, 广州",
        },
        key=("store_id",),
        sha256="5453168cf796a54b9c770580d85c5e5668c3d026f21d7f92421628f8d62596f1",
    ),
    "retail_customers": Schema(
        file="retail_customers.csv",
        columns={
            "customer_id": "string",
            "store_id": "string",
            "city": "string",
            "city_zh": "string",
            "first_purchase": "date",
            "stage": "category:lifecycle_stage",
            "stage_zh": "string",
            "growth_start": "date?",
            "maturity_start": "date?",
            "decline_start": "date?",
            "termination_start": "date?",
        },
        rows=2000,
        description="Customers of the fictional retail chain with their true lifecycle stage on 2024-12-31 and stage start dates",
        kind="synthetic",
        loader="load_retail_customers()",
        allowed={
            "customer_id": _ID4,
            "store_id": "/S\\d{2}/",
            "city": "Shanghai, Beijing, Hangzhou, Chengdu, Guangzhou",
            "city_zh": "上海, 北京, 杭州, 成都, 广州",
            "stage_zh": "潜在获取期, 成长期, 成熟期, 衰退期, 终止期",
            "first_purchase": "2023-01-01..2024-12-31",
            "growth_start": "2023-01-01..2024-12-31",
            "maturity_start": "2023-01-01..2024-12-31",
            "decline_start": "2023-01-01..2024-12-31",
            "termination_start": "2023-01-01..2024-12-31",
        },
        key=("customer_id",),
        seed=202,
        n=2000,
        sha256="7b26d80bc15fd2fc725bf67b0556493e7421549057ca05284f9c980e421bf2a5",
    ),
    "retail_transactions": Schema(
        file="retail_transactions.csv",
        columns={
            "transaction_id": "string",
            "customer_id": "string",
            "date": "date",
            "amount": "float",
            "store_id": "string",
            "city": "string",
            "city_zh": "string",
        },
        rows=29230,
        description="Purchases of the fictional retail chain's customers, 2023-01-01 to 2024-12-31, amounts in yuan",
        kind="synthetic",
        loader="load_retail_transactions()",
        allowed={
            "transaction_id": "/T\\d{6,}/",
            "customer_id": _ID4,
            "date": "2023-01-01..2024-12-31",
            "amount": "0.01..",
            "store_id": "/S\\d{2}/",
            "city": "Shanghai, Beijing, Hangzhou, Chengdu, Guangzhou",
            "city_zh": "上海, 北京, 杭州, 成都, 广州",
        },
        key=("transaction_id",),
        seed=202,
        n=2000,
        sha256="24cab6a78fa18c5be3595529f27f385c6ad0bc72f04de3258ee070ed26e9e475",
    ),
    "csm_attributes": Schema(
        file="csm_attributes.csv",
        columns={
            "attribute": "string",
            "attribute_zh": "string",
            "aspect": "string",
            "aspect_zh": "string",
            "weight": "float",
        },
        rows=8,
        description="The 8 attributes of the CSM survey with their importance weights (a fixed design table)",
        kind="synthetic",
        loader="load_csm_attributes()",
        allowed={
            "attribute": _CSM_NAMES,
            "attribute_zh": _CSM_NAMES_ZH,
            "aspect": "product, visual, service",
            "aspect_zh": "产品满意, 视觉满意, 服务满意",
            "weight": "0..1",
        },
        key=("attribute",),
        sha256="84565b0520b87cb2dbfff541704b0b11f4384f6765d11fd95b0d00ccba73f476",
    ),
    "csm_survey": Schema(
        file="csm_survey.csv",
        columns={
            "respondent_id": "string",
            "attribute": "string",
            "attribute_zh": "string",
            "level": "category:csm_level",
            "level_zh": "string",
        },
        rows=2400,
        description="A seven-level CSM survey: 300 respondents rate 8 attributes (long format, Chinese labels beside English)",
        kind="synthetic",
        loader="load_csm_survey()",
        allowed={
            "respondent_id": "/R\\d{4,}/",
            "attribute": _CSM_NAMES,
            "attribute_zh": _CSM_NAMES_ZH,
            "level_zh": "很不满意, 不满意, 不太满意, 一般, 较满意, 满意, 很满意",
        },
        key=("respondent_id", "attribute"),
        seed=606,
        n=300,
        sha256="d2fc0341ce31ac43076509116a4831117afad277c3c6d5376de7f9cd77da6977",
    ),
    "servqual_items": Schema(
        file="servqual_items.csv",
        columns={
            "item": "string",
            "dimension": "category:servqual_dimension",
            "dimension_zh": "string",
            "statement_en": "string",
            "statement_zh": "string",
        },
        rows=22,
        description="The 22 SERVQUAL items q1-q22 and their dimensions (a fixed design table)",
        kind="synthetic",
        loader="load_servqual_items()",
        allowed={
            "item": "/q\\d{1,2}/",
            "dimension_zh": "有形性, 可靠性, 响应性, 保证性, 移情性",
        },
        key=("item",),
        sha256="43a41559a99166af91a98e5ca880dc8ffb7cca8ab7f3bb197e3d24eabe78ebca",
    ),
    "servqual_survey": Schema(
        file="servqual_survey.csv",
        columns={
            "respondent_id": "string",
            "kind": "string",
            "kind_zh": "string",
            **{f"q{i}": "int" for i in range(1, 23)},
        },
        rows=500,
        description="SERVQUAL survey of a fictional bank branch: 250 respondents, expectation and perception of 22 items on a 7-point scale",
        kind="synthetic",
        loader="load_servqual_survey()",
        allowed={
            "respondent_id": "/R\\d{4,}/",
            "kind": "expectation, perception",
            "kind_zh": "期望, 感知",
            **{f"q{i}": "1..7" for i in range(1, 23)},
        },
        key=("respondent_id", "kind"),
        seed=707,
        n=250,
        sha256="59f7df79e842b9e1d0f203daa1e80d823945bfa80216badd41a1865e7c493b15",
    ),
    "trust_items": Schema(
        file="trust_items.csv",
        columns={
            "item": "string",
            "construct": "string",
            "construct_zh": "string",
            "statement_en": "string",
            "statement_zh": "string",
            "loading": "float",
        },
        rows=24,
        description="The 24 items of the trust survey, their constructs (Lecture notes) and true loadings (a fixed design table)",
        kind="synthetic",
        loader="load_trust_items()",
        allowed={
            "item": "/(sw|sv|md|cq|no|tr)\\d/",
            "construct": "shared wishes, shared values, mutual dependence, communication quality, non-opportunism, trust",
            "construct_zh": "共同愿望, 价值共享, 相互依赖, 高质量交流, 非机会主义, 信任",
            "loading": "0..1",
        },
        key=("item",),
        sha256="af5776f387e465d9ac642a6b827996b19d06c892c90f31a69e81251c45ea35ed",
    ),
    "trust_survey": Schema(
        file="trust_survey.csv",
        columns={
            "respondent_id": "string",
            **{f"{p}{i}": "int" for p in ("sw", "sv", "md", "cq", "no", "tr") for i in range(1, 5)},
        },
        rows=400,
        description="A trust survey of 400 business customers: 5-point Likert items per antecedent of trust (Lecture notes) and trust",
        kind="synthetic",
        loader="load_trust_survey()",
        allowed={
            "respondent_id": "/R\\d{4,}/",
            **{
                f"{p}{i}": "1..5" for p in ("sw", "sv", "md", "cq", "no", "tr") for i in range(1, 5)
            },
        },
        key=("respondent_id",),
        seed=303,
        n=400,
        sha256="051871396674aef38b265e3de291d4cd2812ecc5c38f143970af1f04fd3955ca",
    ),
    "b2b_customers": Schema(
        file="b2b_customers.csv",
        columns={
            "customer_id": "string",
            "industry": "string",
            "industry_zh": "string",
            "region": "string",
            "region_zh": "string",
            "sales_last_year": "float",
            "sales_this_year": "float",
            "sales_target": "float",
            "current_value": "float",
            "future_value": "float",
        },
        rows=200,
        description="200 business customers with sales (last year, this year, target) and current and future value, in 10k yuan (万元)",
        kind="synthetic",
        loader="load_b2b_customers()",
        allowed={
            "customer_id": "/B\\d{3,}/",
            "industry": "manufacturing, wholesale, retail, construction, IT services",
            "industry_zh": "制造业, 批发业, 零售业, 建筑业, 信息技术服务业",
            "region": "East China, North China, South China, Central China, West China",
            "region_zh": "华东, 华北, 华南, 华中, 西部",
            "sales_last_year": "0..",
            "sales_this_year": "0..",
            "sales_target": "0..",
            "current_value": "0..",
            "future_value": "0..",
        },
        key=("customer_id",),
        seed=505,
        n=200,
        sha256="024671e91864ae2f1276a8982b9bb0eaa7bc9bad02b64790a5db9e5e414b881f",
    ),
}


# --------------------------------------------------------------------------------------------
# reading and checking
# --------------------------------------------------------------------------------------------


def _base_type(kind: str) -> tuple[str, bool]:
    """Split a column type into its base and whether empty values are allowed."""
    return (kind[:-1], True) if kind.endswith("?") else (kind, False)


def _lines(index: pd.Index, offset: int) -> list[int]:
    return [int(i) + offset for i in index[:5]]


def _values(raw: pd.Series, index: pd.Index) -> list[str]:
    return [str(v) for v in raw[index[:5]]]


def _convert(frame: pd.DataFrame, schema: Schema, offset: int = 2) -> pd.DataFrame:
    """Type the raw text columns of ``frame`` as the schema says; ``offset`` maps rows to lines."""
    out = {}
    for column, kind in schema.columns.items():
        raw = frame[column]
        base, nullable = _base_type(kind)
        where = f"{schema.file}, column {column!r}"
        missing = raw.isna()
        if missing.any() and not nullable:
            bad = raw.index[missing]
            raise DatasetError(f"{where}: empty values on lines {_lines(bad, offset)}")
        if base == "string":
            out[column] = raw.astype("str")
        elif base in ("float", "int"):
            if base == "int":
                ok = raw.str.fullmatch(r"[+-]?\d+").fillna(False).astype(bool)
                bad = raw.index[~ok & ~missing]
                if len(bad):
                    raise DatasetError(
                        f"{where}: not a whole number on lines {_lines(bad, offset)}: {_values(raw, bad)}"
                    )
            values = pd.to_numeric(raw, errors="coerce")
            bad = raw.index[values.isna() & ~missing]
            if len(bad):
                raise DatasetError(
                    f"{where}: not a number on lines {_lines(bad, offset)}: {_values(raw, bad)}"
                )
            if base == "float":
                out[column] = values.astype("float64")
            else:
                out[column] = values.astype("Int64" if nullable else "int64")
        elif base == "date" or base.startswith("date:"):
            fmt = "%Y-%m-%d" if base == "date" else base.split(":", 1)[1]
            values = pd.to_datetime(raw, format=fmt, errors="coerce")
            bad = raw.index[values.isna() & ~missing]
            if len(bad):
                shown = "YYYY-MM-DD" if base == "date" else fmt
                raise DatasetError(
                    f"{where}: not a {shown} date on lines {_lines(bad, offset)}: {_values(raw, bad)}"
                )
            out[column] = values
        elif base.startswith("category:"):
            from crmlab.glossary import ordered_dtype

            dtype = ordered_dtype(base.split(":", 1)[1])
            bad = raw.index[~raw.isin(list(dtype.categories)) & ~missing]
            if len(bad):
                raise DatasetError(
                    f"{where}: unknown labels on lines {_lines(bad, offset)}: {_values(raw, bad)}"
                )
            out[column] = raw.astype(dtype)
        else:  # pragma: no cover - a schema error, caught by the tests
            raise AssertionError(f"unknown column type {kind!r} in schema of {schema.file}")
    return pd.DataFrame(out, index=frame.index)


def _check_allowed(frame: pd.DataFrame, schema: Schema, offset: int) -> None:
    """Check the typed ``frame`` against ``schema.allowed`` and ``schema.key``."""
    for column, spec in schema.allowed.items():
        values = frame[column]
        present = values.notna()
        where = f"{schema.file}, column {column!r}"
        if spec.startswith("/") and spec.endswith("/"):
            ok = values.astype("str").str.fullmatch(spec[1:-1]).fillna(False).astype(bool)
            rule = f"match {spec}"
        elif ".." in spec:
            low, high = spec.split("..")
            is_date = pd.api.types.is_datetime64_any_dtype(values)
            convert: Callable[[str], object] = pd.Timestamp if is_date else float
            ok = pd.Series(True, index=values.index)
            if low:
                ok &= values >= convert(low)
            if high:
                ok &= values <= convert(high)
            ok = ok.fillna(False).astype(bool)
            rule = f"lie in {spec}"
        else:
            choices = [c.strip() for c in spec.split(",")]
            ok = values.astype("str").isin(choices)
            rule = f"be one of {choices}"
        bad = values.index[present & ~ok]
        if len(bad):
            raise DatasetError(
                f"{where}: values on lines {_lines(bad, offset)} must {rule}, got {_values(values, bad)}"
            )
    if schema.key:
        dup = frame.duplicated(list(schema.key), keep="first")
        if dup.any():
            bad = frame.index[dup]
            raise DatasetError(
                f"{schema.file}: duplicate {'/'.join(schema.key)} on lines {_lines(bad, offset)}"
            )


def _split_rows(text: str, schema: Schema) -> tuple[list[str] | None, list[list[str]], int]:
    """Split ``text`` into header and rows of fields; checks that every row has all its fields."""
    width = len(schema.columns)
    if schema.format == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header, body, first = (rows[0] if rows else None), rows[1:], 2
    elif schema.format == "whitespace":
        rows = [line.split() for line in text.splitlines()]
        if schema.header is None:
            header, body, first = None, rows, 1
        else:
            header, body, first = (rows[0] if rows else None), rows[1:], 2
    else:  # pragma: no cover - a schema error
        raise AssertionError(f"unknown format {schema.format!r} of {schema.file}")
    for number, row in enumerate(body, start=first):
        if len(row) != width:
            raise DatasetError(
                f"{schema.file}: line {number} has {len(row)} fields, expected {width} "
                "(the file is truncated or corrupted)"
            )
    return header, body, first


def _parse(text: str, schema: Schema, *, check_rows: bool = True) -> pd.DataFrame:
    """Parse and check the text of a data file; returns the typed frame."""
    if text and not text.endswith("\n"):
        raise DatasetError(
            f"{schema.file}: the last line is incomplete (no line break at the end): "
            "the file is truncated"
        )
    header, body, first = _split_rows(text, schema)
    expected = list(schema.columns) if schema.format == "csv" else schema.header
    if expected is not None and header != list(expected):
        raise DatasetError(
            f"{schema.file}: header is {header}, expected {list(expected)}; "
            "the file is truncated, corrupted or from another version"
        )
    if check_rows and schema.rows is not None and len(body) != schema.rows:
        raise DatasetError(
            f"{schema.file}: has {len(body)} data rows, expected {schema.rows} (truncated or corrupted?)"
        )
    raw = pd.DataFrame(body, columns=list(schema.columns), dtype="str")
    raw = raw.replace("", np.nan) if len(raw) else raw
    out = _convert(raw, schema, offset=first)
    _check_allowed(out, schema, offset=first)
    if schema.index is not None:
        out = out.set_index(schema.index)
    return out


def read_table(name: str) -> pd.DataFrame:
    """Read and check the file of dataset ``name`` against its schema (see :data:`SCHEMAS`).

    Raises :class:`DatasetError` naming the file and the problem when the file is missing, is
    not UTF-8 text, has the wrong header, too few or too many rows or fields, values of the
    wrong type or outside their allowed values, or content that differs from the checksum
    recorded in the data dictionary.

    >>> read_table("satisfaction_chain")["change_percent"].tolist()
    [5.0, 1.3, 0.5]
    """
    if name not in SCHEMAS:
        raise KeyError(f"unknown dataset {name!r}; see list_datasets(): {sorted(SCHEMAS)}")
    schema = SCHEMAS[name]
    path = data_path(schema.file)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DatasetError(
            f"{schema.file}: is not UTF-8 text (bad byte at position {exc.start}): the file is corrupted"
        ) from exc
    out = _parse(text, schema)
    if schema.sha256 is not None:
        digest = hashlib.sha256(data).hexdigest()
        if digest != schema.sha256:
            raise DatasetError(
                f"{schema.file}: content differs from the data dictionary's checksum "
                f"(sha256 {digest[:12]}..., expected {schema.sha256[:12]}...): "
                "the file was corrupted or edited"
            )
    return out


def list_datasets() -> pd.DataFrame:
    """What data the course ships: one row per dataset with its file, kind, rows and loader.

    ``kind`` is ``quoted`` (facts quoted in the lecture materials), ``real`` (CDNOW) or
    ``synthetic`` (written by a seeded generator); ``seed`` (the random seed) and ``n`` are the
    generator's arguments for synthetic files.

    >>> table = list_datasets()
    >>> "distributors" in table.index
    True
    >>> table.loc["retail_customers", ["file", "kind"]].tolist()
    ['retail_customers.csv', 'synthetic']
    >>> int(table.loc["retail_customers", "seed"]), int(table.loc["retail_customers", "n"])
    (202, 2000)
    """
    rows = [
        {
            "name": name,
            "file": s.file,
            "kind": s.kind,
            "rows": s.rows,
            "seed": s.seed,
            "n": s.n,
            "loader": s.loader,
            "description": s.description,
        }
        for name, s in SCHEMAS.items()
    ]
    frame = pd.DataFrame(rows).set_index("name")
    for column in ("rows", "seed", "n"):
        frame[column] = frame[column].astype("Int64")
    return frame


# --------------------------------------------------------------------------------------------
# loaders: quoted tables
# --------------------------------------------------------------------------------------------


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
    return read_table("distributors")


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
    return read_table("abc_food_company")


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
    return read_table("crm_quality_products")


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
    return read_table("quoted_figures")


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
    return read_table("satisfaction_chain")


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
    return read_table("exam_questions")


# --------------------------------------------------------------------------------------------
# loaders: real data
# --------------------------------------------------------------------------------------------


def load_cdnow(sample: bool = False) -> pd.DataFrame:
    """The CDNOW purchase histories of Fader & Hardie (real data).

    The cohort of 23,570 customers who made their first purchase at the online music store
    CDNOW in the first quarter of 1997, with all their purchases to 30 June 1998 (69,659 rows),
    or (``sample=True``) the 1/10 systematic sample of 2,357 customers (6,919 rows) used in
    Fader, Hardie & Lee (2005). The files are copied unchanged from the ``lifetimes`` 0.11.3
    package; see ``datasets/README.md`` for provenance and citation.

    Parameters
    ----------
    sample : bool, default False
        Load the 1/10 sample instead of the whole cohort.

    Returns
    -------
    DataFrame
        ``customer_id`` (string, the 5-digit id of the master file), ``date`` (datetime),
        ``quantity`` (int, CDs bought) and ``amount`` (float, US dollars); the sample also has
        ``sample_id`` (string, the 4-digit id 0001-2357 used in the papers) after
        ``customer_id``.

    Examples
    --------
    >>> cd = load_cdnow()
    >>> cd.shape, cd["customer_id"].nunique()
    ((69659, 4), 23570)
    >>> cd.head(2)
      customer_id       date  quantity  amount
    0       00001 1997-01-01         1   11.77
    1       00002 1997-01-12         1   12.00
    >>> load_cdnow(sample=True)["sample_id"].nunique()
    2357
    """
    if not isinstance(sample, bool):
        raise TypeError(f"sample must be True or False, got {sample!r}")
    return read_table("cdnow_sample" if sample else "cdnow_master")


# --------------------------------------------------------------------------------------------
# loaders: synthetic data
# --------------------------------------------------------------------------------------------


def load_retail_transactions() -> pd.DataFrame:
    """Purchases at a fictional Chinese retail chain, 2023-01-01 to 2024-12-31 (synthetic).

    Written by ``make_retail_transactions(2000, 202)``; the customers' true lifecycle stages
    are in :func:`load_retail_customers`, the stores in :func:`load_retail_stores`.

    Examples
    --------
    >>> tx = load_retail_transactions()
    >>> list(tx.columns)
    ['transaction_id', 'customer_id', 'date', 'amount', 'store_id', 'city', 'city_zh']
    >>> tx["customer_id"].nunique()
    2000
    """
    return read_table("retail_transactions")


def load_retail_customers() -> pd.DataFrame:
    """The retail chain's customers with their true lifecycle stage on 2024-12-31 (synthetic).

    ``stage`` is the stage that generated the customer's purchases at the end of the data
    (ordered categorical: acquisition < growth < maturity < decline < termination);
    ``first_purchase`` starts the acquisition stage and ``growth_start`` ...
    ``termination_start`` the later ones (NaT when the customer had not reached them).

    Examples
    --------
    >>> customers = load_retail_customers()
    >>> customers["stage"].cat.categories.tolist()
    ['acquisition', 'growth', 'maturity', 'decline', 'termination']
    """
    return read_table("retail_customers")


def load_retail_stores() -> pd.DataFrame:
    """The 8 stores of the fictional retail chain, in English and Chinese.

    >>> load_retail_stores().loc[0, ["store", "store_zh"]].tolist()
    ['Shanghai Xuhui', '上海徐汇店']
    """
    return read_table("retail_stores")


def load_csm_attributes() -> pd.DataFrame:
    """The 8 attributes of the CSM survey, their aspect and importance weight (sum 1).

    The aspects follow Slides A's satisfaction platform: product (产品满意), visual (视觉满意)
    and service (服务满意) satisfaction.

    >>> a = load_csm_attributes()
    >>> round(float(a["weight"].sum()), 6)
    1.0
    """
    return read_table("csm_attributes")


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
    return read_table("csm_survey")


def load_servqual_items() -> pd.DataFrame:
    """The 22 SERVQUAL items and their five dimensions.

    >>> load_servqual_items().groupby("dimension", observed=True).size().tolist()
    [4, 5, 4, 4, 5]
    """
    return read_table("servqual_items")


def load_servqual_survey() -> pd.DataFrame:
    """A SERVQUAL survey (synthetic): each respondent's expectation and perception rows, q1-q22.

    >>> s = load_servqual_survey()
    >>> s.shape, s["kind"].value_counts().tolist()
    ((500, 25), [250, 250])
    """
    return read_table("servqual_survey")


def load_trust_items() -> pd.DataFrame:
    """The 24 items of the trust survey with their construct and true loading.

    >>> load_trust_items()["construct"].unique().tolist()[:2]
    ['shared wishes', 'shared values']
    """
    return read_table("trust_items")


def load_trust_survey() -> pd.DataFrame:
    """A trust survey (synthetic): 5-point Likert answers to 24 items, 4 per construct.

    See :func:`trust_population_alpha` for each construct's reliability by design.

    >>> load_trust_survey().shape
    (400, 25)
    """
    return read_table("trust_survey")


def load_b2b_customers() -> pd.DataFrame:
    """A B2B customer list (synthetic): sales, target, current and future value in 万元.

    For the ABC five-step process (sales report, classes, achievement rate = this year's sales
    / target, growth rate = this year / last year - 1) and the customer value matrix (current
    vs future value).

    >>> b = load_b2b_customers()
    >>> b.shape
    (200, 10)
    """
    return read_table("b2b_customers")


# --------------------------------------------------------------------------------------------
# synthetic data: generators
# --------------------------------------------------------------------------------------------


def _check_args(n: object, seed: object, *, low: int = 1, high: int = 1_000_000) -> None:
    """Validate the ``n`` and ``seed`` of a generator."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise TypeError(f"n must be a positive whole number, got {n!r}")
    if not low <= n <= high:
        raise ValueError(f"n must be between {low} and {high}, got {n}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be a whole number, got {seed!r}")
    if seed < 0:
        raise ValueError(f"seed must not be negative, got {seed}")


def _format_cell(value: object, base: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if base == "float":
        return f"{float(value):.2f}"
    if base == "int":
        return str(int(value))  # type: ignore[call-overload]
    return str(value)


def _to_csv(columns: dict[str, list[object]], schema: Schema) -> str:
    """Write columns of plain values as CSV text with fixed formatting (floats to 2 decimals)."""
    names = list(schema.columns)
    if list(columns) != names:  # pragma: no cover - a programming error
        raise AssertionError(f"{schema.file}: generator columns {list(columns)} != {names}")
    bases = [_base_type(schema.columns[c])[0] for c in names]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for row in zip(*(columns[c] for c in names), strict=True):
        writer.writerow([_format_cell(v, b) for v, b in zip(row, bases, strict=True)])
    return buffer.getvalue()


def _emit(name: str, columns: dict[str, list[object]]) -> tuple[str, pd.DataFrame]:
    """CSV text and typed frame of generated columns: the frame is what the loader returns."""
    schema = SCHEMAS[name]
    text = _to_csv(columns, schema)
    return text, _parse(text, schema, check_rows=False)


def _ids(prefix: str, count: int, width: int) -> list[str]:
    width = max(width, len(str(count)))
    return [f"{prefix}{i:0{width}d}" for i in range(1, count + 1)]


def _iso(days: int | None, start: np.datetime64) -> str | None:
    return None if days is None else str(start + np.timedelta64(int(days), "D"))


# ---- retail chain ---------------------------------------------------------------------------

# store_id, store, store_zh, city, city_zh, share of customers whose home store it is
_STORES: tuple[tuple[str, str, str, str, str, float], ...] = (
    ("S01", "Shanghai Xuhui", "上海徐汇店", "Shanghai", "上海", 0.17),
    ("S02", "Shanghai Pudong", "上海浦东店", "Shanghai", "上海", 0.15),
    ("S03", "Beijing Haidian", "北京海淀店", "Beijing", "北京", 0.15),
    ("S04", "Beijing Chaoyang", "北京朝阳店", "Beijing", "北京", 0.13),
    ("S05", "Hangzhou Xihu", "杭州西湖店", "Hangzhou", "杭州", 0.10),
    ("S06", "Chengdu Jinjiang", "成都锦江店", "Chengdu", "成都", 0.10),
    ("S07", "Chengdu Wuhou", "成都武侯店", "Chengdu", "成都", 0.08),
    ("S08", "Guangzhou Tianhe", "广州天河店", "Guangzhou", "广州", 0.12),
)
_RETAIL_START = np.datetime64("2023-01-01")
_RETAIL_DAYS = 731  # 2023-01-01 .. 2024-12-31
_RETAIL_LAST_JOIN = 700  # customers make their first purchase before 2024-12-01
_RETAIL_JOIN_SKEW = 0.65  # < 1: more first purchases later (a growing chain)
_STAGES = ("acquisition", "growth", "maturity", "decline", "termination")
_STAGE_MEAN_DAYS = {"acquisition": 60.0, "growth": 150.0, "maturity": 330.0, "decline": 240.0}
# chance that a stage ends in termination instead of the next stage (dissolution in the Lecture notes)
_STAGE_EXIT = {"acquisition": 0.30, "growth": 0.10, "maturity": 0.05, "decline": 1.0}
# purchases per day at the start and the end of each stage (a customer of average activity)
_STAGE_RATE = {
    "acquisition": (1 / 40, 1 / 40),
    "growth": (1 / 30, 1 / 10),
    "maturity": (1 / 10, 1 / 10),
    "decline": (1 / 12, 1 / 60),
}
_STAGE_SPEND = {"acquisition": 0.6, "growth": 0.9, "maturity": 1.2, "decline": 0.8}


class RetailData(NamedTuple):
    """The two generated tables of the retail chain (see :func:`make_retail_transactions`)."""

    transactions: pd.DataFrame
    customers: pd.DataFrame


def _retail_stores_columns() -> dict[str, list[object]]:
    return {
        "store_id": [s[0] for s in _STORES],
        "store": [s[1] for s in _STORES],
        "store_zh": [s[2] for s in _STORES],
        "city": [s[3] for s in _STORES],
        "city_zh": [s[4] for s in _STORES],
    }


def _retail_columns(n: int, seed: int) -> tuple[dict[str, list[object]], dict[str, list[object]]]:
    """Draw the retail chain's customers and purchases: (transactions, customers) columns."""
    from crmlab.glossary import chinese_name

    rng = np.random.default_rng(seed)
    weights = np.array([s[5] for s in _STORES])
    weights = weights / weights.sum()
    same_city = {
        i: [j for j, t in enumerate(_STORES) if t[3] == s[3] and j != i]
        for i, s in enumerate(_STORES)
    }
    people = []
    for _ in range(n):
        home = int(rng.choice(len(_STORES), p=weights))
        join = int(_RETAIL_LAST_JOIN * rng.random() ** _RETAIL_JOIN_SKEW)
        activity = float(rng.gamma(4.0, 0.25))
        base_spend = float(rng.lognormal(math.log(110.0), 0.45))
        starts: dict[str, int] = {"acquisition": join}
        ends: dict[str, int] = {}  # drawn end of each stage entered, also beyond the data
        stage, t = "acquisition", join
        while stage != "termination":
            mean = _STAGE_MEAN_DAYS[stage]
            end = t + max(7, round(float(rng.gamma(2.0, mean / 2.0))))
            ends[stage] = end
            if end >= _RETAIL_DAYS:
                break
            follows = _STAGES[_STAGES.index(stage) + 1]
            stage = "termination" if rng.random() < _STAGE_EXIT[stage] else follows
            starts[stage] = end
            t = end
        stop = starts.get("termination", _RETAIL_DAYS)
        days = np.arange(join, stop)
        rate = np.empty(len(days))
        spend = np.empty(len(days))
        entered = [s for s in _STAGES[:4] if s in starts]
        for s in entered:
            begin, finish = starts[s], ends[s]
            mask = (days >= begin) & (days < finish)
            r0, r1 = _STAGE_RATE[s]
            rate[mask] = r0 + (r1 - r0) * (days[mask] - begin) / (finish - begin)
            spend[mask] = _STAGE_SPEND[s]
        bought = rng.random(len(days)) < np.minimum(rate * activity, 0.9)
        bought[0] = True  # the first purchase opens the relationship
        when = days[bought]
        amount = base_spend * spend[bought] * rng.gamma(6.0, 1 / 6.0, size=len(when))
        amount = np.maximum(np.round(amount, 2), 1.0)
        elsewhere = rng.random(len(when)) < 0.15
        pick = rng.integers(0, 2, size=len(when))
        stores = []
        for away, p in zip(elsewhere, pick, strict=True):
            others = same_city[home]
            stores.append(others[p % len(others)] if away and others else home)
        final = max(starts, key=lambda s: starts[s])
        people.append((join, home, starts, final, when, amount, stores))

    order = sorted(range(n), key=lambda i: (people[i][0], i))
    customer_ids = _ids("C", n, 4)
    customers: dict[str, list[object]] = {c: [] for c in SCHEMAS["retail_customers"].columns}
    records = []
    for cid, i in zip(customer_ids, order, strict=True):
        join, home, starts, final, when, amount, stores = people[i]
        customers["customer_id"].append(cid)
        customers["store_id"].append(_STORES[home][0])
        customers["city"].append(_STORES[home][3])
        customers["city_zh"].append(_STORES[home][4])
        customers["first_purchase"].append(_iso(join, _RETAIL_START))
        customers["stage"].append(final)
        customers["stage_zh"].append(chinese_name(final, "lifecycle_stage"))
        for s in _STAGES[1:]:
            customers[f"{s}_start"].append(_iso(starts.get(s), _RETAIL_START))
        for day, value, store in zip(when, amount, stores, strict=True):
            records.append((int(day), cid, float(value), store))
    records.sort(key=lambda r: (r[0], r[1]))
    transactions: dict[str, list[object]] = {
        "transaction_id": _ids("T", len(records), 6),
        "customer_id": [r[1] for r in records],
        "date": [_iso(r[0], _RETAIL_START) for r in records],
        "amount": [r[2] for r in records],
        "store_id": [_STORES[r[3]][0] for r in records],
        "city": [_STORES[r[3]][3] for r in records],
        "city_zh": [_STORES[r[3]][4] for r in records],
    }
    return transactions, customers


def make_retail_transactions(n: int, seed: int) -> RetailData:
    """Generate purchases of ``n`` customers of a fictional Chinese retail chain.

    Each customer makes a first purchase between 2023-01-01 and 2024-12-01 and then moves
    through the lifecycle stages of the Exam collection (acquisition 潜在获取期, growth 成长期, maturity
    成熟期, decline 衰退期, termination 终止期) until 2024-12-31. A stage lasts a gamma-distributed
    time (mean 60, 150, 330 and 240 days) and may end in termination instead of the next stage
    (probability 0.30, 0.10 and 0.05 after acquisition, growth and maturity: the relationship can
    dissolve from any stage, as the Lecture notes say). Purchases arrive day by day at a stage-dependent rate
    (rare in acquisition, rising through growth, high in maturity, falling in decline, none
    after termination) scaled by the customer's activity (gamma, mean 1); amounts (yuan) are
    the customer's typical spend times a stage factor (0.6, 0.9, 1.2, 0.8) times gamma noise,
    rounded to cents. 85% of purchases are at the customer's home store, the rest at another
    store in the same city.

    Parameters
    ----------
    n : int
        Number of customers (1 to 1,000,000).
    seed : int
        Seed of ``numpy.random.default_rng``; the same ``n`` and ``seed`` give the same data.

    Returns
    -------
    RetailData
        ``transactions`` (as :func:`load_retail_transactions`) and ``customers`` with each
        customer's true stage on 2024-12-31 (as :func:`load_retail_customers`).

    Examples
    --------
    >>> data = make_retail_transactions(50, seed=1)
    >>> data.customers.shape
    (50, 11)
    >>> data.transactions["customer_id"].isin(data.customers["customer_id"]).all()
    np.True_
    >>> make_retail_transactions(50, seed=1).transactions.equals(data.transactions)
    True
    """
    _check_args(n, seed)
    transactions, customers = _retail_columns(int(n), int(seed))
    return RetailData(
        transactions=_emit("retail_transactions", transactions)[1],
        customers=_emit("retail_customers", customers)[1],
    )


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


def _csm_attributes_columns() -> dict[str, list[object]]:
    return {
        "attribute": [a[0] for a in _CSM_ATTRIBUTES],
        "attribute_zh": [a[1] for a in _CSM_ATTRIBUTES],
        "aspect": [a[2] for a in _CSM_ATTRIBUTES],
        "aspect_zh": [a[3] for a in _CSM_ATTRIBUTES],
        "weight": [a[4] for a in _CSM_ATTRIBUTES],
    }


def _csm_columns(n: int, seed: int) -> dict[str, list[object]]:
    from crmlab.glossary import chinese_name, labels

    rng = np.random.default_rng(seed)
    levels = labels("csm_level")
    zh = [chinese_name(x, "csm_level") for x in levels]
    mean = np.array([a[5] for a in _CSM_ATTRIBUTES])
    general = rng.normal(size=n)
    noise = rng.normal(size=(n, len(_CSM_ATTRIBUTES)))
    latent = mean + 0.8 * general[:, None] + 0.6 * noise
    level = np.searchsorted(_CSM_CUTS, latent)
    columns: dict[str, list[object]] = {c: [] for c in SCHEMAS["csm_survey"].columns}
    for rid, row in zip(_ids("R", n, 4), level, strict=True):
        for attribute, k in zip(_CSM_ATTRIBUTES, row, strict=True):
            columns["respondent_id"].append(rid)
            columns["attribute"].append(attribute[0])
            columns["attribute_zh"].append(attribute[1])
            columns["level"].append(levels[int(k)])
            columns["level_zh"].append(zh[int(k)])
    return columns


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
    _check_args(n, seed)
    return _emit("csm_survey", _csm_columns(int(n), int(seed)))[1]


# ---- SERVQUAL survey --------------------------------------------------------------------------

# item, dimension, statement_en, statement_zh (short paraphrases of the usual 22 items)
_SERVQUAL_ITEMS: tuple[tuple[str, str, str, str], ...] = (
    ("q1", "tangibles", "modern-looking equipment", "设备现代化"),
    ("q2", "tangibles", "visually appealing facilities", "设施外观吸引人"),
    ("q3", "tangibles", "neat, well-dressed employees", "员工衣着整洁得体"),
    ("q4", "tangibles", "visually appealing materials such as leaflets", "宣传资料等材料美观"),
    (
        "q5",
        "reliability",
        "does what it promises by the promised time",
        "在承诺的时间内完成承诺的事",
    ),
    (
        "q6",
        "reliability",
        "shows sincere interest in solving customers' problems",
        "真心帮助客户解决问题",
    ),
    ("q7", "reliability", "performs the service right the first time", "第一次就把服务做好"),
    ("q8", "reliability", "provides its services at the promised time", "在承诺的时间提供服务"),
    ("q9", "reliability", "keeps error-free records", "记录准确无误"),
    (
        "q10",
        "responsiveness",
        "tells customers exactly when services will be performed",
        "告诉客户服务的确切时间",
    ),
    ("q11", "responsiveness", "gives prompt service", "提供及时的服务"),
    ("q12", "responsiveness", "is always willing to help customers", "总是愿意帮助客户"),
    ("q13", "responsiveness", "is never too busy to respond to requests", "再忙也会回应客户的请求"),
    ("q14", "assurance", "employees' behaviour instils confidence", "员工的行为让客户放心"),
    ("q15", "assurance", "customers feel safe in their transactions", "客户在交易中感到安全"),
    ("q16", "assurance", "employees are consistently courteous", "员工始终礼貌待客"),
    ("q17", "assurance", "employees know enough to answer questions", "员工有足够的知识回答问题"),
    ("q18", "empathy", "gives customers individual attention", "给予客户个别关注"),
    ("q19", "empathy", "has operating hours convenient to customers", "营业时间方便客户"),
    ("q20", "empathy", "employees give customers personal attention", "员工给予客户个人化的关心"),
    ("q21", "empathy", "has customers' best interests at heart", "把客户的利益放在心上"),
    ("q22", "empathy", "understands customers' specific needs", "了解客户的具体需要"),
)
# mean expectation and perception per dimension (7-point scale)
_SERVQUAL_MEANS = {
    "tangibles": (5.9, 5.6),
    "reliability": (6.4, 5.2),
    "responsiveness": (6.1, 5.0),
    "assurance": (6.2, 5.7),
    "empathy": (5.8, 4.9),
}


def _servqual_items_columns() -> dict[str, list[object]]:
    from crmlab.glossary import chinese_name

    return {
        "item": [i[0] for i in _SERVQUAL_ITEMS],
        "dimension": [i[1] for i in _SERVQUAL_ITEMS],
        "dimension_zh": [chinese_name(i[1], "servqual_dimension") for i in _SERVQUAL_ITEMS],
        "statement_en": [i[2] for i in _SERVQUAL_ITEMS],
        "statement_zh": [i[3] for i in _SERVQUAL_ITEMS],
    }


def _servqual_columns(n: int, seed: int) -> dict[str, list[object]]:
    rng = np.random.default_rng(seed)
    dims = list(_SERVQUAL_MEANS)
    dim_of = np.array([dims.index(i[1]) for i in _SERVQUAL_ITEMS])
    expect = np.array([_SERVQUAL_MEANS[d][0] for d in dims])
    perceive = np.array([_SERVQUAL_MEANS[d][1] for d in dims])
    columns: dict[str, list[object]] = {c: [] for c in SCHEMAS["servqual_survey"].columns}
    for rid in _ids("R", n, 4):
        e_shift = rng.normal(0.0, 0.4)
        p_shift = rng.normal(0.0, 0.6) + rng.normal(0.0, 0.4, size=len(dims))
        e = expect[dim_of] + e_shift + rng.normal(0.0, 0.6, size=len(dim_of))
        p = perceive[dim_of] + p_shift[dim_of] + rng.normal(0.0, 0.7, size=len(dim_of))
        for kind, kind_zh, values in (("expectation", "期望", e), ("perception", "感知", p)):
            columns["respondent_id"].append(rid)
            columns["kind"].append(kind)
            columns["kind_zh"].append(kind_zh)
            scores = np.clip(np.rint(values), 1, 7).astype(int)
            for item, score in zip(_SERVQUAL_ITEMS, scores, strict=True):
                columns[item[0]].append(int(score))
    return columns


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
    _check_args(n, seed)
    return _emit("servqual_survey", _servqual_columns(int(n), int(seed)))[1]


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
_TRUST_STATEMENTS: dict[str, tuple[str, str]] = {
    "sw1": ("I need what this company offers.", "我需要该企业提供的产品和服务。"),
    "sw2": ("This company needs customers like me.", "该企业需要像我这样的客户。"),
    "sw3": (
        "We can each reach our goals only with the other's help.",
        "双方都需要对方的帮助才能实现各自的目标。",
    ),
    "sw4": (
        "This company and I both want the relationship to continue.",
        "我和该企业都希望这段关系持续下去。",
    ),
    "sv1": ("This company and I share similar values.", "我和该企业的价值观相近。"),
    "sv2": (
        "We agree on what is right and wrong in business.",
        "在经营中什么对、什么错,我们的看法一致。",
    ),
    "sv3": ("We set the same priorities.", "我们对轻重缓急的判断一致。"),
    "sv4": ("We judge results by the same standards.", "我们用同样的标准评价结果。"),
    "md1": ("It would be hard for me to replace this company.", "我很难找到替代该企业的供应商。"),
    "md2": ("It would be hard for this company to replace me.", "该企业很难找到替代我的客户。"),
    "md3": (
        "This company and I depend on each other about equally.",
        "我和该企业相互依赖的程度差不多。",
    ),
    "md4": (
        "Ending the relationship would cost both sides dearly.",
        "结束这段关系会让双方都付出很大代价。",
    ),
    "cq1": (
        "What this company tells me is relevant to my needs.",
        "该企业提供的信息与我的需要相关。",
    ),
    "cq2": ("This company's advice is to the point.", "该企业的意见中肯。"),
    "cq3": ("This company keeps me informed in good time.", "该企业会及时告诉我有关信息。"),
    "cq4": ("I can rely on what this company tells me.", "该企业告诉我的信息是可信赖的。"),
    "no1": (
        "This company does not take advantage of me when it could.",
        "即使有机会,该企业也不会占我的便宜。",
    ),
    "no2": (
        "This company does not push products I do not need.",
        "该企业不会向我推销我不需要的产品。",
    ),
    "no3": (
        "This company keeps its word even when breaking it would pay.",
        "即使违约对自己有利,该企业也会信守承诺。",
    ),
    "no4": ("This company acts with integrity.", "该企业行为正直。"),
    "tr1": ("I trust this company.", "我信任该企业。"),
    "tr2": ("This company acts in the interest of us both.", "该企业的行为从双方的共同利益出发。"),
    "tr3": (
        "I expect good results from working with this company.",
        "我预期与该企业合作会有好的结果。",
    ),
    "tr4": ("I can count on this company to keep its promises.", "我相信该企业会履行承诺。"),
}
_TRUST_CUTS = np.array([-1.8, -1.0, -0.2, 0.9])  # latent cut points of the 5 Likert answers
_TRUST_FACTOR_CORRELATION = 0.3  # between any two antecedents
_TRUST_EFFECTS = (0.20, 0.15, 0.10, 0.25, 0.20)  # of the five antecedents on trust


def _trust_items_columns() -> dict[str, list[object]]:
    columns: dict[str, list[object]] = {c: [] for c in SCHEMAS["trust_items"].columns}
    for prefix, construct, construct_zh, loadings in _TRUST_CONSTRUCTS:
        for i, loading in enumerate(loadings, start=1):
            item = f"{prefix}{i}"
            columns["item"].append(item)
            columns["construct"].append(construct)
            columns["construct_zh"].append(construct_zh)
            columns["statement_en"].append(_TRUST_STATEMENTS[item][0])
            columns["statement_zh"].append(_TRUST_STATEMENTS[item][1])
            columns["loading"].append(loading)
    return columns


def _trust_columns(n: int, seed: int) -> dict[str, list[object]]:
    rng = np.random.default_rng(seed)
    rho = _TRUST_FACTOR_CORRELATION
    common = rng.normal(size=n)
    antecedents = math.sqrt(rho) * common[:, None] + math.sqrt(1 - rho) * rng.normal(size=(n, 5))
    beta = np.array(_TRUST_EFFECTS)
    explained = float(np.sum(beta**2) * (1 - rho) + rho * np.sum(beta) ** 2)
    trust = antecedents @ beta + math.sqrt(1 - explained) * rng.normal(size=n)
    factors = np.column_stack([antecedents, trust])
    columns: dict[str, list[object]] = {"respondent_id": _ids("R", n, 4)}
    for k, (prefix, _, _, loadings) in enumerate(_TRUST_CONSTRUCTS):
        lam = np.array(loadings)
        latent = factors[:, [k]] * lam + np.sqrt(1 - lam**2) * rng.normal(size=(n, len(lam)))
        answers = 1 + np.searchsorted(_TRUST_CUTS, latent)
        for i in range(len(lam)):
            columns[f"{prefix}{i + 1}"] = [int(v) for v in answers[:, i]]
    return columns


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
    _check_args(n, seed)
    return _emit("trust_survey", _trust_columns(int(n), int(seed)))[1]


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


# ---- B2B customers ----------------------------------------------------------------------------

_INDUSTRIES = (
    ("manufacturing", "制造业", 0.35),
    ("wholesale", "批发业", 0.25),
    ("retail", "零售业", 0.15),
    ("construction", "建筑业", 0.15),
    ("IT services", "信息技术服务业", 0.10),
)
_REGIONS = (
    ("East China", "华东", 0.35),
    ("North China", "华北", 0.25),
    ("South China", "华南", 0.20),
    ("Central China", "华中", 0.10),
    ("West China", "西部", 0.10),
)


def _b2b_columns(n: int, seed: int) -> dict[str, list[object]]:
    rng = np.random.default_rng(seed)
    ind_p = np.array([x[2] for x in _INDUSTRIES])
    reg_p = np.array([x[2] for x in _REGIONS])
    industry = rng.choice(len(_INDUSTRIES), size=n, p=ind_p / ind_p.sum())
    region = rng.choice(len(_REGIONS), size=n, p=reg_p / reg_p.sum())
    last = np.clip(rng.lognormal(math.log(150.0), 1.0, size=n), 5.0, 8000.0)
    growth = np.clip(rng.normal(0.05, 0.20, size=n), -0.6, 1.2)
    this = last * (1 + growth)
    plan = rng.choice(np.array([0.05, 0.10, 0.15]), size=n)
    target = np.round(last * (1 + plan))
    margin = rng.uniform(0.08, 0.25, size=n)
    current = this * margin
    future_margin = rng.uniform(0.05, 0.25, size=n)
    outlook = np.exp(rng.normal(1.5 * growth, 0.7, size=n))
    future = 3.0 * this * future_margin * outlook
    return {
        "customer_id": _ids("B", n, 3),
        "industry": [_INDUSTRIES[i][0] for i in industry],
        "industry_zh": [_INDUSTRIES[i][1] for i in industry],
        "region": [_REGIONS[i][0] for i in region],
        "region_zh": [_REGIONS[i][1] for i in region],
        "sales_last_year": [float(v) for v in np.round(last, 2)],
        "sales_this_year": [float(v) for v in np.round(this, 2)],
        "sales_target": [float(v) for v in target],
        "current_value": [float(v) for v in np.round(current, 2)],
        "future_value": [float(v) for v in np.round(future, 2)],
    }


def make_b2b_customers(n: int, seed: int) -> pd.DataFrame:
    """Generate a list of ``n`` business customers with sales, target and value, in 万元.

    Last year's sales are lognormal (median 150 万元, log-sd 1.0, clipped to 5-8,000), so the
    thresholds of the Exam collection (A above 500 万元, C below 100 万元) split them into few large and many
    small customers. This year's sales = last year's x (1 + growth), growth normal (mean 5%,
    sd 20%); the target = last year's x (1 + 5%, 10% or 15%), whole 万元; current value = this
    year's profit contribution (sales x a margin uniform on 8%-25%); future value = expected
    profit contribution of the next three years, 3 x this year's sales x a future margin (uniform
    on 5%-25%, independent of today's) x a lognormal outlook that rises with growth. The customer value matrix splits them by current and future value.

    Parameters
    ----------
    n : int
        Number of customers (1 to 1,000,000).
    seed : int
        Seed of ``numpy.random.default_rng``.

    Examples
    --------
    >>> b = make_b2b_customers(30, seed=1)
    >>> b.shape
    (30, 10)
    >>> bool((b["sales_target"] % 1 == 0).all())
    True
    """
    _check_args(n, seed)
    return _emit("b2b_customers", _b2b_columns(int(n), int(seed)))[1]


# --------------------------------------------------------------------------------------------
# writing the committed synthetic files
# --------------------------------------------------------------------------------------------


def _synthetic_texts() -> dict[str, str]:
    """CSV text of every synthetic file, from the ``seed`` and ``n`` in :data:`SCHEMAS`."""

    def args(name: str) -> tuple[int, int]:
        schema = SCHEMAS[name]
        assert schema.seed is not None and schema.n is not None
        return schema.n, schema.seed

    transactions, customers = _retail_columns(*args("retail_customers"))
    if args("retail_transactions") != args("retail_customers"):  # pragma: no cover
        raise AssertionError("retail_transactions and retail_customers must share seed and n")
    tables = {
        "retail_stores": _retail_stores_columns(),
        "retail_customers": customers,
        "retail_transactions": transactions,
        "csm_attributes": _csm_attributes_columns(),
        "csm_survey": _csm_columns(*args("csm_survey")),
        "servqual_items": _servqual_items_columns(),
        "servqual_survey": _servqual_columns(*args("servqual_survey")),
        "trust_items": _trust_items_columns(),
        "trust_survey": _trust_columns(*args("trust_survey")),
        "b2b_customers": _b2b_columns(*args("b2b_customers")),
    }
    return {name: _to_csv(columns, SCHEMAS[name]) for name, columns in tables.items()}


def write_synthetic(folder: str | Path) -> list[Path]:
    """Write every synthetic data file into ``folder``, from the recorded ``seed`` and ``n``.

    This is how the committed files in ``datasets/`` were made (a test regenerates them and
    compares bytes). After changing a generator, its ``seed`` or ``n``, write into the data
    folder and update ``rows`` and ``sha256`` in :data:`SCHEMAS` and in ``datasets/README.md``.

    Returns
    -------
    list of Path
        The files written, in the order of :data:`SCHEMAS`.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_synthetic(tmp)][:3]
    ['retail_stores.csv', 'retail_customers.csv', 'retail_transactions.csv']
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    texts = _synthetic_texts()
    written = []
    for name in SCHEMAS:
        if name in texts:
            path = target / SCHEMAS[name].file
            path.write_bytes(texts[name].encode("utf-8"))
            written.append(path)
    return written
