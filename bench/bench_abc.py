"""abc_classify on 1,000,000 customers against a bare sort + cumsum (target: at most 2 times).

The reference does the core of ABC classification and nothing else: sort by value descending,
running total, share of the total, class by the 70 / 90 % boundaries. ``abc_classify`` also
validates its input and keeps the input's columns; measured once with the customers in the
index (the default key) and once with a string customer column (``customer="customer"``, whose
uniqueness it checks).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench import Row, compare, repeats, skipped

N_CUSTOMERS = 1_000_000


def customers(seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "customer": pd.array([f"C{i:07d}" for i in range(N_CUSTOMERS)], dtype="str"),
            "sales": np.round(rng.pareto(1.2, N_CUSTOMERS) * 1000, 2),
        }
    )


def sort_cumsum(data: pd.DataFrame) -> pd.DataFrame:
    """The bare reference: sort, cumulative sum and share, class by not-exceed boundaries."""
    ordered = data.sort_values("sales", ascending=False, kind="stable")
    cum_value = ordered["sales"].cumsum()
    cum_share = cum_value / cum_value.iloc[-1]
    abc_class = np.select([cum_share <= 0.7, cum_share <= 0.9], ["A", "B"], "C")
    return ordered.assign(cum_value=cum_value, cum_share=cum_share, abc_class=abc_class)


def run() -> list[Row]:
    try:
        from crmlab.abc import abc_classify
    except ImportError as err:
        return [skipped("abc_classify, 1M customers", f"crmlab.abc is not available yet ({err})")]
    data = customers()
    rows = []
    for label, key in (("index as key", None), ("customer='customer'", "customer")):
        rows.append(
            compare(
                f"abc_classify, 1M customers, {label}",
                lambda key=key: abc_classify(data, "sales", customer=key),
                "pandas sort + cumsum",
                lambda: sort_cumsum(data),
                repeat=repeats(5),
                max_ratio=2.0,
            )
        )
    return rows
