"""Synthetic data of a fictional Chinese retail chain: its stores, customers and purchases.

One seeded call, :func:`make_retail_transactions`, draws both the purchases and each customer's
true lifecycle stage (``retail_transactions.csv`` and ``retail_customers.csv``); the stores are a
fixed design table.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from ._schema import Schema, column_table, read_schema
from ._synthetic import Columns, by_row, check_args, frame, ids, iso, listed, recorded, synthetic

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


_CITIES = {"cities": listed([s[3] for s in _STORES]), "cities_zh": listed([s[4] for s in _STORES])}

SCHEMAS: dict[str, Schema] = {
    "retail_stores": synthetic(
        "retail_stores",
        " The chain is fictional; its stores carry real city and district names.",
        spec=column_table(
            r"""
            store_id | string | – | /S\d{2}/ | store id | 门店编号
            store | string | – | any | store name (city and district) | 门店名称(英文)
            store_zh | string | – | any | store name in Chinese | 门店名称
            city | string | – | $cities | city | 城市(英文)
            city_zh | string | – | $cities_zh | city in Chinese | 城市
            """,
            **_CITIES,
        ),
        rows=8,
        key=("store_id",),
        sha256="5453168cf796a54b9c770580d85c5e5668c3d026f21d7f92421628f8d62596f1",
        description="The 8 stores of the fictional retail chain (a fixed design table, no random draws)",
        description_zh="虚构零售连锁的8家门店",
    ),
    "retail_customers": synthetic(
        "retail_customers",
        ". Each customer's true generating lifecycle stage, for checking a stage classifier.",
        generator="make_retail_transactions",
        seed=202,
        n=2000,
        spec=column_table(
            r"""
            customer_id | string | – | /C\d{4,}/ | customer id (numbered by first purchase) | 客户编号
            store_id | string | – | /S\d{2}/ | home store | 常去门店
            city | string | – | $cities | city of the home store | 城市(英文)
            city_zh | string | – | $cities_zh | city in Chinese | 城市
            first_purchase | date | date | 2023-01-01..2024-12-31 | first purchase; the acquisition stage starts here | 首次购买日期,潜在获取期开始
            stage | category:lifecycle_stage | – | glossary | true lifecycle stage on 2024-12-31 (the stage that generated the last days of data) | 2024-12-31所处的真实生命周期阶段
            stage_zh | string | – | 潜在获取期, 成长期, 成熟期, 衰退期, 终止期 | the stage in Chinese | 生命周期阶段(中文)
            growth_start | date? | date | 2023-01-01..2024-12-31 | start of the growth stage; empty if not reached by 2024-12-31 | 成长期开始日期
            maturity_start | date? | date | 2023-01-01..2024-12-31 | start of the maturity stage; empty if not reached | 成熟期开始日期
            decline_start | date? | date | 2023-01-01..2024-12-31 | start of the decline stage; empty if not reached | 衰退期开始日期
            termination_start | date? | date | 2023-01-01..2024-12-31 | end of the relationship (no purchases from this day); empty if still active | 终止期开始日期(此后不再购买)
            """,
            **_CITIES,
        ),
        rows=2000,
        key=("customer_id",),
        sha256="7b26d80bc15fd2fc725bf67b0556493e7421549057ca05284f9c980e421bf2a5",
        description="Customers of the fictional retail chain with their true lifecycle stage on 2024-12-31 and stage start dates",
        description_zh="虚构零售连锁的客户:各客户在2024-12-31所处的真实生命周期阶段及各阶段开始日期",
    ),
    "retail_transactions": synthetic(
        "retail_transactions",
        " (the same call writes retail_customers.csv).",
        generator="make_retail_transactions",
        seed=202,
        n=2000,
        spec=column_table(
            r"""
            transaction_id | string | – | /T\d{6,}/ | transaction id, in date order | 交易编号
            customer_id | string | – | /C\d{4,}/ | customer (see retail_customers.csv) | 客户编号
            date | date | date | 2023-01-01..2024-12-31 | date of the purchase | 购买日期
            amount | float | yuan (元) | 0.01.. | amount paid | 购买金额(元)
            store_id | string | – | /S\d{2}/ | store of the purchase (see retail_stores.csv) | 门店编号
            city | string | – | $cities | city of the store | 城市(英文)
            city_zh | string | – | $cities_zh | city in Chinese | 城市
            """,
            **_CITIES,
        ),
        rows=29230,
        key=("transaction_id",),
        sha256="24cab6a78fa18c5be3595529f27f385c6ad0bc72f04de3258ee070ed26e9e475",
        description="Purchases of the fictional retail chain's customers, 2023-01-01 to 2024-12-31, amounts in yuan",
        description_zh="虚构零售连锁2023-01-01至2024-12-31的购买记录(元)",
    ),
}


def _place(store: int) -> tuple[str, str, str]:
    """``store_id``, ``city`` and ``city_zh`` of store number ``store``."""
    return _STORES[store][0], _STORES[store][3], _STORES[store][4]


def _draw_customer(
    rng: np.random.Generator, weights: np.ndarray, same_city: dict[int, list[int]]
) -> tuple[int, int, dict[str, int], str, np.ndarray, np.ndarray, list[int]]:
    """One customer's home store, first purchase, stage starts, final stage and purchases."""
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
    return join, home, starts, final, when, amount, stores


def _retail_columns(n: int, seed: int) -> tuple[Columns, Columns]:
    """Draw the retail chain's customers and purchases: (transactions, customers) columns."""
    from crmlab.glossary import chinese_name

    rng = np.random.default_rng(seed)
    weights = np.array([s[5] for s in _STORES])
    weights = weights / weights.sum()
    same_city = {
        i: [j for j, t in enumerate(_STORES) if t[3] == s[3] and j != i]
        for i, s in enumerate(_STORES)
    }
    people = [_draw_customer(rng, weights, same_city) for _ in range(n)]
    order = sorted(range(n), key=lambda i: (people[i][0], i))
    customers, records = [], []
    for cid, i in zip(ids("C", n, 4), order, strict=True):
        join, home, starts, final, when, amount, stores = people[i]
        customers.append(
            (
                cid,
                *_place(home),
                iso(join, _RETAIL_START),
                final,
                chinese_name(final, "lifecycle_stage"),
                *(iso(starts.get(s), _RETAIL_START) for s in _STAGES[1:]),
            )
        )
        for day, value, store in zip(when, amount, stores, strict=True):
            records.append((int(day), cid, float(value), store))
    records.sort(key=lambda r: (r[0], r[1]))
    transactions = [
        (tid, cid, iso(day, _RETAIL_START), value, *_place(store))
        for tid, (day, cid, value, store) in zip(ids("T", len(records), 6), records, strict=True)
    ]
    return (
        by_row(SCHEMAS["retail_transactions"], transactions),
        by_row(SCHEMAS["retail_customers"], customers),
    )


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
    check_args(n, seed)
    transactions, customers = _retail_columns(int(n), int(seed))
    return RetailData(
        transactions=frame(SCHEMAS["retail_transactions"], transactions),
        customers=frame(SCHEMAS["retail_customers"], customers),
    )


def synthetic_tables() -> dict[str, Columns]:
    """The columns of the retail chain's committed files, from their recorded seed and n."""
    args = recorded(SCHEMAS["retail_customers"])
    if recorded(SCHEMAS["retail_transactions"]) != args:  # pragma: no cover
        raise AssertionError("retail_transactions and retail_customers must share seed and n")
    transactions, customers = _retail_columns(*args)
    return {
        "retail_stores": by_row(SCHEMAS["retail_stores"], [s[:5] for s in _STORES]),
        "retail_customers": customers,
        "retail_transactions": transactions,
    }


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
    return read_schema(SCHEMAS["retail_transactions"])


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
    return read_schema(SCHEMAS["retail_customers"])


def load_retail_stores() -> pd.DataFrame:
    """The 8 stores of the fictional retail chain, in English and Chinese.

    >>> load_retail_stores().loc[0, ["store", "store_zh"]].tolist()
    ['Shanghai Xuhui', '上海徐汇店']
    """
    return read_schema(SCHEMAS["retail_stores"])
