"""rfm_table on 1,000,000 transactions of 100,000 customers.

* ``"textbook"`` against a bare pandas groupby-agg of the same three figures (target: at most
  1.5 times its time; crmlab also validates the input, parses nothing here as the dates are
  already datetimes, and numbers customers in id order);
* ``"lifetimes"`` against ``lifetimes.utils.summary_data_from_transaction_data`` (target: at
  least 5 times faster), checking that the outputs are identical.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench import Row, compare, repeats, skipped

N_TRANSACTIONS = 1_000_000
N_CUSTOMERS = 100_000


def transactions(seed: int = 0) -> pd.DataFrame:
    """A seeded synthetic log: string ids, two years of days, amounts in cents."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"C{i:06d}" for i in range(N_CUSTOMERS)], dtype=object)
    who = rng.integers(0, N_CUSTOMERS, N_TRANSACTIONS)
    day = rng.integers(0, 730, N_TRANSACTIONS)
    return pd.DataFrame(
        {
            "customer": pd.array(ids[who], dtype="str"),
            "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(day, unit="D"),
            "amount": np.round(rng.gamma(2.0, 20.0, N_TRANSACTIONS), 2),
        }
    )


def run() -> list[Row]:
    from crmlab.rfm import rfm_table

    tx = transactions()

    def groupby_agg() -> pd.DataFrame:
        grouped = tx.groupby("customer").agg(
            last=("date", "max"), frequency=("date", "size"), monetary=("amount", "sum")
        )
        recency = (tx["date"].max() - grouped["last"]).dt.days
        return grouped[["frequency", "monetary"]].assign(recency=recency)

    rows = [
        compare(
            "rfm_table textbook, 1M rows / 100k customers",
            lambda: rfm_table(tx, "customer", "date", "amount"),
            "pandas groupby-agg",
            groupby_agg,
            repeat=repeats(5),
            max_ratio=1.5,
        )
    ]
    try:
        from lifetimes.utils import summary_data_from_transaction_data
    except ImportError as err:
        return rows + [skipped("rfm_table lifetimes", f"lifetimes is not installed ({err})")]

    def lifetimes() -> pd.DataFrame:
        return summary_data_from_transaction_data(
            tx, "customer", "date", monetary_value_col="amount", freq="D"
        )

    ours = rfm_table(tx, "customer", "date", "amount", definition="lifetimes")
    try:
        pd.testing.assert_frame_equal(ours, lifetimes(), check_exact=True)
        note = "output identical to lifetimes (bit for bit)"
    except AssertionError as err:
        note = f"OUTPUT DIFFERS from lifetimes: {str(err).splitlines()[0]}"
    rows.append(
        compare(
            "rfm_table lifetimes, 1M rows / 100k customers",
            lambda: rfm_table(tx, "customer", "date", "amount", definition="lifetimes"),
            "lifetimes 0.11.3 summary_data_from_transaction_data",
            lifetimes,
            repeat=repeats(3),
            warmup=False,  # both already ran once above
            min_speedup=5.0,
            note=note,
        )
    )
    return rows
