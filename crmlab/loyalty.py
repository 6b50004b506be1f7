"""Customer loyalty (客户忠诚) measures and a loyalty index, chapter 8.

Slides B, the slide deck 《高级营销师：客户关系管理》, lists eight measures of how loyal a customer
is. Each becomes a column of a customer table, keyed by the English names of :data:`LOYALTY_MEASURES`:

========================  ==============================  ============================
key                       measure                         loyal customers ...
========================  ==============================  ============================
``repeat_purchase_rate``  repeat purchase rate            buy again more often
``brand_attention``       attention to the brand          follow the brand more
``need_satisfaction``     need satisfaction rate          meet more of their need here
``price_sensitivity``     price sensitivity               are *less* price sensitive
``competitor_attitude``   attitude to competitors         are cooler to competitors
``product_acceptance``    acceptance of products          accept the products more
``choice_time``           time spent choosing             choose *faster*
``quality_tolerance``     tolerance of quality incidents  forgive a quality incident
========================  ==============================  ============================

Two measures are reverse-keyed (a higher raw value means less loyalty): price sensitivity and
time spent choosing. Attitude to competitors is scored so that a higher value means a cooler
attitude (less interest in competing products); if your data scores interest in competitors,
recode it as ``min + max - x`` first.

:func:`loyalty_index` combines the measures into one 0-100 index; :func:`repeat_purchase_rate`
computes the first measure from a transaction log.

References
----------
Dick, A. S., & Basu, K. (1994). Customer loyalty: toward an integrated conceptual framework.
*Journal of the Academy of Marketing Science*, 22(2), 99-113.
Oliver, R. L. (1999). Whence consumer loyalty? *Journal of Marketing*, 63(special issue), 33-44.
OECD & JRC (2008). *Handbook on Constructing Composite Indicators: Methodology and User Guide*.
OECD Publishing (normalisation and weighting of composite indices).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from types import MappingProxyType
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from crmlab._validate import (
    date_scalar,
    datetime_values,
    describe_rows,
    numeric_values,
    require_columns,
    require_frame,
    require_number,
)

__all__ = ["LOYALTY_MEASURES", "LoyaltyMeasure", "loyalty_index", "repeat_purchase_rate"]


class LoyaltyMeasure(NamedTuple):
    """One loyalty measure: its Chinese name, its direction and its English glossary label."""

    zh: str
    """Chinese name (the glossary's ``zh``)."""
    direction: int
    """+1 if a higher value means more loyalty, -1 if reverse-keyed."""
    label: str
    """English label (the glossary's ``en``, group ``term``)."""


LOYALTY_MEASURES: Mapping[str, LoyaltyMeasure] = MappingProxyType(
    {
        "repeat_purchase_rate": LoyaltyMeasure("重复购买率", 1, "repeat purchase rate"),
        "brand_attention": LoyaltyMeasure("品牌关心程度", 1, "attention to the brand"),
        "need_satisfaction": LoyaltyMeasure("需求满足率", 1, "need satisfaction rate"),
        "price_sensitivity": LoyaltyMeasure("价格敏感程度", -1, "price sensitivity"),
        "competitor_attitude": LoyaltyMeasure("对竞争产品的态度", 1, "attitude to competitors"),
        "product_acceptance": LoyaltyMeasure("产品认同度", 1, "acceptance of products"),
        "choice_time": LoyaltyMeasure("挑选时间", -1, "time spent choosing"),
        "quality_tolerance": LoyaltyMeasure("质量事故承受力", 1, "tolerance of quality incidents"),
    }
)
"""The eight loyalty measures of Slides B: key -> (Chinese name, direction, English label)."""


def _measure_key(name: object, argument: str) -> str:
    """The key of a measure given by key, English label or Chinese name."""
    if isinstance(name, str):
        text = name.strip()
        for key, measure in LOYALTY_MEASURES.items():
            if text in (key, measure.zh) or text.lower() == measure.label:
                return key
    raise ValueError(
        f"{argument}: unknown loyalty measure {name!r}; use one of {list(LOYALTY_MEASURES)} "
        f"(or their English labels or Chinese names)"
    )


def _select(
    measures: Sequence[str] | Mapping[str, Hashable] | None,
    weights: Mapping[str, float] | Sequence[float] | pd.Series | None,
) -> dict[str, Hashable]:
    """Measure key -> column label, in the order given."""
    if measures is None and isinstance(weights, (Mapping, pd.Series)):
        measures = list(weights.keys())
    if measures is None:
        return {key: key for key in LOYALTY_MEASURES}
    if isinstance(measures, str):
        raise TypeError("measures must be a list of measure names or a dict, not a string")
    if isinstance(measures, Mapping):
        pairs = [(_measure_key(m, "measures"), column) for m, column in measures.items()]
    else:
        pairs = [(key, key) for key in (_measure_key(m, "measures") for m in measures)]
    chosen: dict[str, Hashable] = {}
    for key, column in pairs:
        if key in chosen:
            raise ValueError(f"measures names {key!r} twice")
        chosen[key] = column
    if not chosen:
        raise ValueError("measures is empty; choose at least one loyalty measure")
    return chosen


def _weights(
    weights: Mapping[str, float] | Sequence[float] | pd.Series | None, keys: list[str]
) -> np.ndarray:
    if weights is None:
        return np.full(len(keys), 1.0 / len(keys))
    if isinstance(weights, (Mapping, pd.Series)):
        given = {_measure_key(k, "weights"): v for k, v in weights.items()}
        missing = [k for k in keys if k not in given]
        extra = [k for k in given if k not in keys]
        if missing or extra:
            raise ValueError(
                f"weights must have one weight per measure used; missing {missing}, "
                f"not among the measures {extra}"
            )
        raw = [given[k] for k in keys]
        names = keys
    else:
        if isinstance(weights, str):
            raise TypeError("weights must be a dict of measure -> weight or a list of numbers")
        raw = list(weights)
        if len(raw) != len(keys):
            raise ValueError(f"weights has {len(raw)} values for {len(keys)} measures {keys}")
        names = keys
    values = np.array(
        [
            require_number(w, f"weights[{name!r}]", minimum=0)
            for name, w in zip(names, raw, strict=True)
        ]
    )
    if values.sum() == 0:
        raise ValueError(
            f"weights sum to 0 ({dict(zip(names, raw, strict=True))}); give a positive weight"
        )
    return values / values.sum()


def _scale_for(
    scale: tuple[float, float] | Mapping[str, tuple[float, float]] | None, key: str
) -> tuple[float, float] | None:
    if scale is None:
        return None
    if isinstance(scale, Mapping):
        for name, bounds in scale.items():
            if _measure_key(name, "scale") == key:
                return _bounds(bounds, f"scale[{name!r}]")
        return None
    return _bounds(scale, "scale")


def _bounds(bounds: object, argument: str) -> tuple[float, float]:
    if isinstance(bounds, (str, bytes)) or not np.iterable(bounds) or len(bounds) != 2:  # type: ignore[arg-type]
        raise TypeError(f"{argument} must be a pair (low, high), got {bounds!r}")
    low, high = (require_number(v, argument) for v in bounds)  # type: ignore[union-attr]
    if not low < high:
        raise ValueError(f"{argument} must have low < high, got {bounds!r}")
    return low, high


def loyalty_index(
    data: pd.DataFrame,
    weights: Mapping[str, float] | Sequence[float] | pd.Series | None = None,
    measures: Sequence[str] | Mapping[str, Hashable] | None = None,
    scale: tuple[float, float] | Mapping[str, tuple[float, float]] | None = None,
    *,
    components: bool = False,
) -> pd.Series | pd.DataFrame:
    r"""A 0-100 loyalty index (忠诚度指数) from the eight loyalty measures of Slides B.

    The slides list the measures but say nothing about combining them; this function builds a
    composite index in the standard way (OECD & JRC 2008), with these stated choices:

    1. **Normalise** each measure :math:`x` to [0, 1]: :math:`z = (x - L) / (H - L)`. By default
       :math:`L` and :math:`H` are the minimum and maximum over the customers given (min-max), so
       the index ranks customers *within this sample*: the most loyal customer on a measure gets 1
       and the least loyal 0, and adding or removing customers changes everyone's scores. To
       compare samples or years, pass the questionnaire's own range as ``scale`` (e.g. ``(1, 7)``
       for a seven-point item, ``(0, 1)`` for a rate).
    2. **Reverse** the reverse-keyed measures (price sensitivity, time spent choosing):
       :math:`z \to 1 - z`, so that 1 is always the loyal end.
    3. **Weight**: index :math:`= 100 \sum_j w_j z_j` with weights :math:`w_j \ge 0` scaled to sum
       to 1; equal weights by default.

    Parameters
    ----------
    data : DataFrame
        One row per customer with a numeric column per measure. It is not modified.
    weights : dict, Series or sequence of numbers, optional
        Weight per measure (non-negative, not all 0; they are rescaled to sum to 1). A dict or
        Series is keyed by measure; a sequence follows the order of ``measures``. Equal weights
        by default. With a dict or Series and no ``measures``, its keys choose the measures.
    measures : list or dict, optional
        The measures to use, by key, English label or Chinese name (all eight by default,
        looked up as columns named by key). A dict maps measure -> column label, for data whose
        columns are named otherwise (e.g. in Chinese).
    scale : (low, high) or dict of measure -> (low, high), optional
        The range to normalise with: one pair for all measures, or a pair per measure (the
        measures not in the dict are min-max normalised). ``None``: min-max over ``data``.
    components : bool, default False
        Also return the normalised, direction-corrected scores of each measure.

    Returns
    -------
    Series or DataFrame
        The index (name ``loyalty_index``, 0 = least loyal, 100 = most loyal) with the index of
        ``data``; with ``components=True`` a DataFrame of the per-measure scores (0-1, columns
        named by measure key) and the ``loyalty_index`` column.

    Raises
    ------
    TypeError
        ``data`` not a DataFrame, a non-numeric column, malformed weights or scale.
    ValueError
        No rows, a missing column, missing or infinite values (naming the rows), an unknown or
        repeated measure, weights that are negative, missing, extra or sum to 0, values outside
        a stated scale (naming the rows), a measure with the same value for every customer under
        min-max normalisation (give a scale).

    References
    ----------
    Dick, A. S., & Basu, K. (1994). Customer loyalty: toward an integrated conceptual framework.
    *Journal of the Academy of Marketing Science*, 22(2), 99-113.
    OECD & JRC (2008). *Handbook on Constructing Composite Indicators: Methodology and User
    Guide*. OECD Publishing.

    Examples
    --------
    Three customers scored on three measures of a seven-point questionnaire:

    >>> survey = pd.DataFrame(
    ...     {"repeat_purchase_rate": [7, 4, 1], "price_sensitivity": [2, 4, 7],
    ...      "choice_time": [1, 4, 7]},
    ...     index=["c1", "c2", "c3"],
    ... )
    >>> loyalty_index(survey, measures=["repeat_purchase_rate", "price_sensitivity", "choice_time"],
    ...               scale=(1, 7)).round(1)
    c1    94.4
    c2    50.0
    c3     0.0
    Name: loyalty_index, dtype: float64

    Repeat purchases weighted twice as much, scores per measure shown:

    >>> loyalty_index(survey, weights={"repeat_purchase_rate": 2, "price_sensitivity": 1,
    ...               "choice_time": 1}, scale=(1, 7), components=True).round(2)
        repeat_purchase_rate  price_sensitivity  choice_time  loyalty_index
    c1                   1.0               0.83          1.0          95.83
    c2                   0.5               0.50          0.5          50.00
    c3                   0.0               0.00          0.0           0.00
    """
    data = require_frame(data)
    chosen = _select(measures, weights)
    keys = list(chosen)
    require_columns(data, list(chosen.values()))
    w = _weights(weights, keys)
    if isinstance(scale, Mapping):
        for name in scale:
            if _measure_key(name, "scale") not in chosen:
                raise ValueError(f"scale names {name!r}, which is not among the measures {keys}")
    scores = {}
    for key, column in chosen.items():
        values = numeric_values(data[column], column, allow_negative=True)
        bounds = _scale_for(scale, key)
        if bounds is None:
            low, high = float(values.min()), float(values.max())
            if low == high:
                raise ValueError(
                    f"column {column!r} has the same value ({low:g}) for every customer, so "
                    f"min-max normalisation is undefined; give its range with scale="
                )
        else:
            low, high = bounds
            outside = values.index[(values < low) | (values > high)]
            if len(outside):
                raise ValueError(
                    f"column {column!r} has values outside its scale ({low:g}, {high:g}) in rows "
                    f"{describe_rows(outside)}"
                )
        z = (values - low) / (high - low)
        if LOYALTY_MEASURES[key].direction < 0:
            z = 1.0 - z
        scores[key] = z
    table = pd.DataFrame(scores, index=data.index)
    index = (table.to_numpy() @ w) * 100.0
    result = pd.Series(index, index=data.index, name="loyalty_index")
    if components:
        return table.assign(loyalty_index=result)
    return result


def repeat_purchase_rate(
    transactions: pd.DataFrame,
    customer: Hashable,
    date: Hashable,
    *,
    per: Literal["overall", "customer"] = "overall",
    start: object = None,
    end: object = None,
) -> float | pd.Series:
    """Repeat purchase rate (重复购买率) from a transaction log, overall or per customer.

    A purchase is a distinct (customer, date) pair: several rows of one customer with the same
    date value (the lines of one basket) count as one purchase. Dates are used as given, so two
    timestamps on one day are two purchases; normalise them to days first to count per day.

    * ``per="overall"``: the share of customers with at least two purchases among the customers
      with at least one, in the period (the usual reading of the measure);
    * ``per="customer"``: for each customer, purchases beyond the first / all purchases,
      ``(n - 1) / n``: 0 for a one-off buyer, approaching 1 for a frequent one. It can serve as
      the ``repeat_purchase_rate`` column of :func:`loyalty_index`.

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction (or transaction line). It is not modified.
    customer : column label
        Customer key column; no missing keys.
    date : column label
        Date column: datetimes, or strings in one date format (the first value's) that parse as
        dates; no missing dates. Time zones are dropped (wall-clock time kept).
    per : {"overall", "customer"}, default "overall"
        Which rate to return (see above).
    start, end : date-like, optional
        Keep only purchases on or after ``start`` and on or before ``end``.

    Returns
    -------
    float or Series
        The overall share (a float in [0, 1]), or a Series per customer named
        ``repeat_purchase_rate`` indexed by customer key (sorted).

    Raises
    ------
    TypeError
        ``transactions`` not a DataFrame, a date column of numbers, a ``start`` or ``end`` that
        is not a date.
    ValueError
        No rows, a missing column, missing customer keys or dates, dates that do not parse
        (naming the rows), an unknown ``per``, ``start`` after ``end``, no purchases in the
        period.

    References
    ----------
    Ehrenberg, A. S. C. (1988). *Repeat-Buying: Facts, Theory and Applications* (2nd ed.).
    Griffin.

    Examples
    --------
    >>> log = pd.DataFrame({
    ...     "customer": ["a", "a", "a", "b", "c", "c"],
    ...     "date": ["2024-01-05", "2024-01-05", "2024-02-10", "2024-01-20", "2024-03-01",
    ...              "2024-04-01"],
    ... })
    >>> repeat_purchase_rate(log, "customer", "date")  # a and c bought again, b did not
    0.6666666666666666
    >>> repeat_purchase_rate(log, "customer", "date", per="customer")
    customer
    a    0.5
    b    0.0
    c    0.5
    Name: repeat_purchase_rate, dtype: float64
    >>> repeat_purchase_rate(log, "customer", "date", end="2024-02-28")  # a again; b once; c later
    0.5
    """
    transactions = require_frame(transactions, "transactions")
    require_columns(transactions, [customer, date], "transactions")
    if per not in ("overall", "customer"):
        raise ValueError(f"per must be 'overall' or 'customer', got {per!r}")
    keys = transactions[customer]
    missing = keys.index[keys.isna()]
    if len(missing):
        raise ValueError(
            f"column {customer!r} has missing customer keys in rows {describe_rows(missing)}"
        )
    dates = datetime_values(transactions[date], date)
    low = None if start is None else date_scalar(start, "start")
    high = None if end is None else date_scalar(end, "end")
    if low is not None and high is not None and low > high:
        raise ValueError(f"start ({low.date()}) is after end ({high.date()})")
    keep = np.ones(len(dates), dtype=bool)
    if low is not None:
        keep &= (dates >= low).to_numpy()
    if high is not None:
        keep &= (dates <= high).to_numpy()
    if not keep.any():
        raise ValueError(f"transactions has no purchases between start={start!r} and end={end!r}")
    purchases = pd.DataFrame({"customer": keys.to_numpy()[keep], "date": dates.to_numpy()[keep]})
    counts = purchases.drop_duplicates().groupby("customer", sort=True).size()
    if per == "overall":
        return float((counts >= 2).mean())
    rate = (counts - 1) / counts
    rate.index.name = customer
    return rate.rename("repeat_purchase_rate").astype("float64")
