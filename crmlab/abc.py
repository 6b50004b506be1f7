"""ABC customer classification (ABC客户分类), chapter 5.

ABC analysis rests on the 80/20 rule (二八原理): a few customers bring most of the sales, so a firm
sorts its customers by value and splits them into key (A, 关键客户), main (B, 主要客户) and ordinary
(C, 普通客户) customers, then spends its sales effort accordingly.

Two ways of drawing the lines are taught:

* by **share of the total** (:func:`abc_classify`): sort customers by value, add them up, and
  close class A when the running total reaches a share of the total (70% in the worked example of the
  Exam collection), class B at a further share (20%), the rest is C;
* by **amount** (:func:`abc_by_thresholds`): A from 5 million yuan a year, B from 1 million.

The five-step ABC process of Slides A (sales report, classification, sales
achievement-rate ranking, growth-rate ranking, key-customer action table) uses
:func:`abc_summary`, :func:`achievement_ranking` and :func:`growth_ranking`.

References
----------
Juran, J. M. (1951). *Quality Control Handbook*. McGraw-Hill (the "vital few" Pareto principle).
Kotler, P., & Keller, K. L. (2016). *Marketing Management* (15th ed.), ch. 5 (customer value and
profitability analysis).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd

from crmlab._validate import (
    describe_rows,
    numeric_values,
    renamed,
    require_columns,
    require_frame,
    require_unique,
)

__all__ = [
    "ABC_CLASSES",
    "abc_by_thresholds",
    "abc_classify",
    "abc_summary",
    "achievement_ranking",
    "growth_ranking",
]

ABC_CLASSES = pd.CategoricalDtype(["A", "B", "C"], ordered=True)
"""The class labels, an ordered categorical A < B < C (A is the most valuable class)."""

_RULES = ("not_exceed", "crossing")
_REL_TOL = 1e-9


def _keys(data: pd.DataFrame, customer: Hashable | None) -> pd.Index:
    if customer is None:
        require_unique(data.index, "the index (customer keys)")
        return data.index
    require_columns(data, [customer])
    keys = data[customer]
    missing = keys.index[keys.isna()]
    if len(missing):
        raise ValueError(
            f"column {customer!r} has missing customer keys in rows {describe_rows(missing)}"
        )
    require_unique(keys, f"column {customer!r}")
    return pd.Index(keys)


def _check_shares(shares: Sequence[float]) -> tuple[float, float, float]:
    try:
        values = tuple(float(s) for s in shares)
    except (TypeError, ValueError):
        raise TypeError(f"shares must be three numbers, got {shares!r}") from None
    if len(values) != 3:
        raise ValueError(f"shares must have three values (A, B, C), got {len(values)}: {shares!r}")
    if any(not np.isfinite(s) or s <= 0 for s in values):
        raise ValueError(f"shares must all be positive, got {shares!r}")
    if abs(sum(values) - 1.0) > 1e-6:
        raise ValueError(f"shares must sum to 1, got {shares!r} (sum {sum(values):g})")
    return values  # type: ignore[return-value]


def abc_classify(
    data: pd.DataFrame,
    value: Hashable,
    customer: Hashable | None = None,
    shares: Sequence[float] = (0.7, 0.2, 0.1),
    rule: str = "not_exceed",
    *,
    key: Hashable | None = None,
) -> pd.DataFrame:
    """Classify customers into A, B and C by their cumulative share of a value.

    Customers are sorted by ``value`` from largest to smallest (ties keep their input order) and
    their values are added up. Under the lecture's rule ``"not_exceed"`` (不超过) a customer is in
    class A while the running total stays at or below ``shares[0]`` of the total, in class B
    while it stays at or below ``shares[0] + shares[1]`` of the total, and in C after that. Under
    ``"crossing"`` the customer whose value crosses a boundary joins the higher class, as many
    textbooks do. Under both rules the largest customer is always in A, even when it alone
    exceeds the A share. Boundaries are compared with a relative tolerance of 1e-9, so a running
    total that equals a boundary in exact arithmetic counts as at the boundary.

    Parameters
    ----------
    data : DataFrame
        One row per customer. It is not modified.
    value : column label
        The numeric, non-negative column to classify by (sales, profit ...).
    customer : column label, optional
        The customer column; by default the index identifies customers. Keys must be unique.
    shares : three floats, default (0.7, 0.2, 0.1)
        Target shares of the total value for A, B and C; positive and summing to 1.
    rule : {"not_exceed", "crossing"}
        How the customer that crosses a boundary is classed (see above).
    key : column label, optional
        Deprecated old name of ``customer`` (a ``FutureWarning``); removed in crmlab 0.3.

    Returns
    -------
    DataFrame
        The input rows sorted by ``value`` descending (the input's index kept), with the input
        columns plus ``cum_value`` (running total), ``cum_share`` (running total / total) and
        ``abc_class`` (ordered categorical A < B < C).

    Raises
    ------
    ValueError
        Missing column, no rows, negative or missing values, a total of zero, duplicate keys,
        shares that are not positive or do not sum to 1, an unknown rule.
    TypeError
        A non-numeric value column or a non-DataFrame input.

    References
    ----------
    The "do not exceed" procedure and the distributor example come from the Exam collection (see
    ``docs/sources.md``).
    For the crossing convention see e.g. Kotler & Keller (2016), *Marketing Management*, ch. 5.

    Examples
    --------
    The distributors of the lecture's worked example, sales in 10k yuan (万元):

    >>> from crmlab.datasets import load_distributors
    >>> result = abc_classify(load_distributors(), "sales", customer="distributor")
    >>> "".join(result.loc[result["abc_class"] == "A", "distributor"])
    'fetdinhpm'
    >>> float(result.loc[result["abc_class"] == "A", "cum_value"].max())
    7380.0
    >>> "".join(result.loc[result["abc_class"] == "B", "distributor"])
    'blsoa'
    >>> crossing = abc_classify(load_distributors(), "sales", customer="distributor", rule="crossing")
    >>> "".join(crossing.loc[crossing["abc_class"] == "A", "distributor"])
    'fetdinhpmb'
    """
    frame = require_frame(data)
    require_columns(frame, [value])
    if rule not in _RULES:
        raise ValueError(f"rule must be one of {_RULES}, got {rule!r}")
    a_share, b_share, _ = _check_shares(shares)
    customer = renamed("abc_classify", "key", "customer", key, customer)
    _keys(frame, customer)
    values = numeric_values(frame[value], str(value)).to_numpy()
    total = float(values.sum())
    if total <= 0:
        raise ValueError(f"column {value!r} sums to 0: there is nothing to classify")

    order = np.argsort(-values, kind="stable")
    cum = np.cumsum(values[order])
    tol = _REL_TOL * total
    a_bound = a_share * total
    b_bound = (a_share + b_share) * total
    if rule == "not_exceed":  # in the class while the running total stays within the bound
        in_a, in_b = cum <= a_bound + tol, cum <= b_bound + tol
    else:  # crossing: in the class while the running total *before* the customer is below it
        before = np.concatenate(([0.0], cum[:-1]))
        in_a, in_b = before < a_bound - tol, before < b_bound - tol
    codes = np.where(in_a, 0, np.where(in_b, 1, 2)).astype(np.int8)
    codes[0] = 0  # the largest customer is always A

    out = frame.iloc[order].copy()
    out["cum_value"] = cum
    out["cum_share"] = cum / total
    out["abc_class"] = pd.Categorical.from_codes(codes, dtype=ABC_CLASSES)
    return out


def abc_by_thresholds(
    data: pd.DataFrame,
    value: Hashable,
    upper: float = 5_000_000,
    lower: float = 1_000_000,
) -> pd.DataFrame:
    """Classify customers by amount: A at or above ``upper``, B from ``lower``, C below.

    The rule of thumb in the Exam collection: 500万元以上 (5 million yuan and above; in Chinese
    usage 以上 includes the number) is A, 100万-500万元 is B, below 100万元 is C. ``upper`` and
    ``lower`` are in the data's own unit: the defaults assume yuan; for the distributor table,
    which is in 万元, pass ``upper=500, lower=100``.

    Parameters
    ----------
    data : DataFrame
        One row per customer; not modified.
    value : column label
        Numeric, non-negative column.
    upper, lower : float
        The A and B thresholds, ``upper > lower >= 0``.

    Returns
    -------
    DataFrame
        A copy of ``data`` in its own order with an ``abc_class`` column (ordered A < B < C).

    Examples
    --------
    >>> from crmlab.datasets import load_distributors
    >>> out = abc_by_thresholds(load_distributors(), "sales", upper=500, lower=100)
    >>> out["abc_class"].value_counts().sort_index().to_dict()
    {'A': 9, 'B': 10, 'C': 1}
    """
    frame = require_frame(data)
    require_columns(frame, [value])
    for name, bound in (("upper", upper), ("lower", lower)):
        if (
            isinstance(bound, bool)
            or not isinstance(bound, (int, float, np.number))
            or not np.isfinite(bound)
        ):
            raise TypeError(f"{name} must be a finite number, got {bound!r}")
    if not 0 <= lower < upper:
        raise ValueError(
            f"thresholds must satisfy 0 <= lower < upper, got lower={lower}, upper={upper}"
        )
    values = numeric_values(frame[value], str(value)).to_numpy()
    codes = np.where(values >= upper, 0, np.where(values >= lower, 1, 2)).astype(np.int8)
    out = frame.copy()
    out["abc_class"] = pd.Categorical.from_codes(codes, dtype=ABC_CLASSES)
    return out


def abc_summary(
    classified: pd.DataFrame, value: Hashable, class_column: Hashable = "abc_class"
) -> pd.DataFrame:
    """Step 2 of the five-step process: customers and value per class, with their shares.

    Parameters
    ----------
    classified : DataFrame
        Output of :func:`abc_classify` or :func:`abc_by_thresholds` (any frame with a class column).
    value : column label
        The value column that was classified.
    class_column : column label, default "abc_class"

    Returns
    -------
    DataFrame
        Indexed by class A, B, C (all three, even when empty), with columns ``customers``,
        ``customer_share``, ``value`` and ``value_share``.

    Examples
    --------
    >>> from crmlab.datasets import load_distributors
    >>> table = abc_summary(abc_classify(load_distributors(), "sales", customer="distributor"), "sales")
    >>> table[["customers", "value"]]
           customers   value
    class
    A              9  7380.0
    B              5  2000.0
    C              6  1200.0
    """
    frame = require_frame(classified, "classified")
    require_columns(frame, [value, class_column], "classified")
    values = numeric_values(frame[value], str(value))
    classes = frame[class_column]
    if not isinstance(classes.dtype, pd.CategoricalDtype):
        unknown = classes.index[~classes.isin(ABC_CLASSES.categories)]
        if len(unknown):
            raise ValueError(
                f"column {class_column!r} has labels other than A, B, C in rows {describe_rows(unknown)}"
            )
    classes = classes.astype(ABC_CLASSES)
    grouped = pd.DataFrame({"class": classes, "value": values}).groupby("class", observed=False)
    table = pd.DataFrame({"customers": grouped.size(), "value": grouped["value"].sum()})
    table["customer_share"] = table["customers"] / table["customers"].sum()
    table["value_share"] = table["value"] / table["value"].sum()
    table.index = pd.CategoricalIndex(table.index, dtype=ABC_CLASSES, name="class")
    return table[["customers", "customer_share", "value", "value_share"]]


def _ranking(
    frame: pd.DataFrame, rate: pd.Series, rate_name: str, customer: Hashable | None
) -> pd.DataFrame:
    out = frame.copy()
    out[rate_name] = rate
    _keys(frame, customer)  # validates the customer keys
    # rank by the rate, highest first; equal rates share a rank (competition ranking "1224")
    out["rank"] = rate.rank(method="min", ascending=False).astype("int64")
    order = np.lexsort((np.arange(len(out)), -rate.to_numpy()))
    return out.iloc[order]


def achievement_ranking(
    data: pd.DataFrame,
    actual: Hashable,
    target: Hashable,
    customer: Hashable | None = None,
    *,
    key: Hashable | None = None,
) -> pd.DataFrame:
    """Step 3: the sales achievement-rate ranking (销售额达成率排行榜).

    The achievement rate is actual sales divided by the sales target (1.0 = target met).

    Parameters
    ----------
    data : DataFrame
        One row per customer; not modified.
    actual, target : column labels
        Actual sales and the sales target (target > 0).
    customer : column label, optional
        Customer column (default: the index); keys must be unique.
    key : column label, optional
        Deprecated old name of ``customer`` (a ``FutureWarning``); removed in crmlab 0.3.

    Returns
    -------
    DataFrame
        ``data`` sorted by ``achievement_rate`` (highest first, ties in input order) with the
        columns ``achievement_rate`` and ``rank`` (1 = best; equal rates share a rank).

    Examples
    --------
    >>> df = pd.DataFrame({"sales": [90.0, 120.0, 50.0], "target": [100.0, 100.0, 25.0]},
    ...                   index=["x", "y", "z"])
    >>> achievement_ranking(df, "sales", "target")[["achievement_rate", "rank"]]
       achievement_rate  rank
    z               2.0     1
    y               1.2     2
    x               0.9     3
    """
    frame = require_frame(data)
    require_columns(frame, [actual, target])
    act = numeric_values(frame[actual], str(actual))
    tgt = numeric_values(frame[target], str(target))
    zero = tgt.index[tgt.to_numpy() <= 0]
    if len(zero):
        raise ValueError(f"column {target!r} must be positive; rows {describe_rows(zero)} are 0")
    customer = renamed("achievement_ranking", "key", "customer", key, customer)
    return _ranking(frame, act / tgt, "achievement_rate", customer)


def growth_ranking(
    data: pd.DataFrame,
    current: Hashable,
    previous: Hashable,
    customer: Hashable | None = None,
    *,
    key: Hashable | None = None,
) -> pd.DataFrame:
    """Step 4: the growth-rate ranking (成长率排行榜).

    The growth rate is (this period's sales − last period's) / last period's sales.

    Parameters
    ----------
    data : DataFrame
        One row per customer; not modified.
    current, previous : column labels
        This and last period's sales; ``previous`` must be positive.
    customer : column label, optional
        Customer column (default: the index).
    key : column label, optional
        Deprecated old name of ``customer`` (a ``FutureWarning``); removed in crmlab 0.3.

    Returns
    -------
    DataFrame
        ``data`` sorted by ``growth_rate`` (highest first) with ``growth_rate`` and ``rank``.

    Examples
    --------
    >>> df = pd.DataFrame({"y2": [110.0, 80.0], "y1": [100.0, 100.0]}, index=["x", "y"])
    >>> growth_ranking(df, "y2", "y1")["growth_rate"].round(2).tolist()
    [0.1, -0.2]
    """
    frame = require_frame(data)
    require_columns(frame, [current, previous])
    cur = numeric_values(frame[current], str(current))
    prev = numeric_values(frame[previous], str(previous))
    zero = prev.index[prev.to_numpy() <= 0]
    if len(zero):
        raise ValueError(
            f"column {previous!r} must be positive to compute a growth rate; rows {describe_rows(zero)} are 0"
        )
    customer = renamed("growth_ranking", "key", "customer", key, customer)
    return _ranking(frame, (cur - prev) / prev, "growth_rate", customer)
