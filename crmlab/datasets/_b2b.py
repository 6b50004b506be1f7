"""Synthetic B2B customers: sales, target, current and future value, in 10k yuan (万元)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ._schema import Schema, column_table, read_schema
from ._synthetic import Columns, generate, ids, listed, recorded, synthetic

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

SCHEMAS: dict[str, Schema] = {
    "b2b_customers": synthetic(
        "b2b_customers",
        ". For the ABC five-step process (Slides A) and the customer value matrix.",
        generator="make_b2b_customers",
        seed=505,
        n=200,
        spec=column_table(
            r"""
            customer_id | string | – | /B\d{3,}/ | customer | 客户编号
            industry | string | – | $industries | industry | 行业(英文)
            industry_zh | string | – | $industries_zh | industry in Chinese | 行业
            region | string | – | $regions | region of China | 地区(英文)
            region_zh | string | – | $regions_zh | region in Chinese | 地区
            sales_last_year | float | 10k yuan (万元) | 0.. | sales last year | 去年销售额
            sales_this_year | float | 10k yuan (万元) | 0.. | sales this year | 今年销售额
            sales_target | float | 10k yuan (万元) | 0.. | this year's sales target (whole 万元) | 今年销售目标
            current_value | float | 10k yuan (万元) | 0.. | current value: this year's profit contribution | 当前价值:今年的利润贡献
            future_value | float | 10k yuan (万元) | 0.. | future value: expected profit contribution over the next three years | 未来价值:未来三年的预期利润贡献
            """,
            industries=listed([x[0] for x in _INDUSTRIES]),
            industries_zh=listed([x[1] for x in _INDUSTRIES]),
            regions=listed([x[0] for x in _REGIONS]),
            regions_zh=listed([x[1] for x in _REGIONS]),
        ),
        rows=200,
        key=("customer_id",),
        sha256="024671e91864ae2f1276a8982b9bb0eaa7bc9bad02b64790a5db9e5e414b881f",
        description="200 business customers with sales (last year, this year, target) and current and future value, in 10k yuan (万元)",
        description_zh="200个企业客户:去年与今年销售额、销售目标、当前价值与未来价值(万元)",
    ),
}


def _b2b_columns(n: int, seed: int) -> Columns:
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
        "customer_id": ids("B", n, 3),
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
    return generate(SCHEMAS["b2b_customers"], _b2b_columns, n, seed)


def synthetic_tables() -> dict[str, Columns]:
    """The columns of the committed B2B file, from its recorded seed and n."""
    return {"b2b_customers": _b2b_columns(*recorded(SCHEMAS["b2b_customers"]))}


def load_b2b_customers() -> pd.DataFrame:
    """A B2B customer list (synthetic): sales, target, current and future value in 万元.

    For the ABC five-step process (sales report, classes, achievement rate = this year's sales
    / target, growth rate = this year / last year - 1) and the customer value matrix (current
    vs future value).

    >>> b = load_b2b_customers()
    >>> b.shape
    (200, 10)
    """
    return read_schema(SCHEMAS["b2b_customers"])
