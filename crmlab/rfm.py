"""RFM analysis (RFM分析): recency, frequency and monetary value of each customer (chapter 8).

The course material defines RFM analysis as valuing customers by their purchase interval, how
often they buy and how much they spend (根据客户购买间隔、购买频率和购买金额来计算客户价值, in the
Exam collection).
This module turns a transaction log into that table, scores it and names segments:

* :func:`rfm_table` - one row per customer, either the ``"textbook"`` figures (days since the last
  purchase, number of purchases, total spend) or exactly the summary the ``lifetimes`` package
  feeds its BG/NBD and Gamma-Gamma models (``"lifetimes"``);
* :func:`rfm_scores` - quantile scores 1 ... ``bins`` for R, F and M, the code ``"545"`` and a
  named segment from the grid of :func:`rfm_segment_grid`;
* :data:`RFM_SEGMENTS` - the segment labels (English; Chinese names in the glossary, group
  ``rfm_segment``).

Examples
--------
>>> tx = pd.DataFrame({
...     "customer": ["a", "a", "b", "c", "c", "c"],
...     "date": ["2024-01-01", "2024-03-01", "2024-02-15", "2024-01-10", "2024-01-10", "2024-03-31"],
...     "amount": [100.0, 50.0, 80.0, 20.0, 30.0, 40.0],
... })
>>> rfm_scores(rfm_table(tx, "customer", "date", "amount"), bins=3)
          recency  frequency  monetary  R  F  M rfm_code          segment
customer
a              30          2     150.0  2  2  3      223  loyal customers
b              45          1      80.0  1  1  1      111      hibernating
c               0          3      90.0  3  3  2      332        champions
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Literal

import numpy as np
import pandas as pd

from crmlab._validate import (
    customer_codes,
    datetime_values,
    day_numbers,
    describe_rows,
    last_day,
    numeric_values,
    require_columns,
    require_frame,
    require_integer,
    require_unique,
)
from crmlab.glossary import labels

__all__ = ["RFM_SEGMENTS", "rfm_scores", "rfm_segment_grid", "rfm_table"]

#: The segment labels of :func:`rfm_scores`, in the glossary's order (group ``rfm_segment``).
RFM_SEGMENTS: tuple[str, ...] = tuple(labels("rfm_segment"))

# rows: R score 1..5 (1 = longest since the last purchase); columns: FM score 1..5
_GRID: tuple[tuple[str, ...], ...] = (
    ("hibernating", "hibernating", "at risk", "at risk", "can't lose them"),
    ("hibernating", "hibernating", "at risk", "at risk", "can't lose them"),
    ("about to sleep", "about to sleep", "need attention", "loyal customers", "loyal customers"),
    (
        "promising",
        "potential loyalists",
        "potential loyalists",
        "loyal customers",
        "loyal customers",
    ),
    ("new customers", "potential loyalists", "potential loyalists", "champions", "champions"),
)

_DEFINITIONS = ("textbook", "lifetimes")


def rfm_table(
    transactions: pd.DataFrame,
    customer: Hashable,
    date: Hashable,
    amount: Hashable | None,
    observation_end: object = None,
    definition: Literal["textbook", "lifetimes"] = "textbook",
    *,
    date_format: str | None = None,
) -> pd.DataFrame:
    """Summarise a transaction log as one row of recency, frequency and money per customer.

    Parameters
    ----------
    transactions : DataFrame
        One row per purchase. It is not modified.
    customer, date, amount : column labels
        The customer id, the purchase date and the amount paid. Dates may be datetimes or
        strings (parsed, see ``date_format``); a time of day is ignored, as purchases are
        counted in calendar days. Amounts must be numbers >= 0: net returns out of the amounts
        before calling (a negative amount raises). ``amount=None`` leaves the money column out.
    observation_end : date-like, optional
        The day the analysis looks back from (string, Timestamp or datetime). Default: the
        last purchase date in ``transactions``.
    definition : {"textbook", "lifetimes"}
        ``"textbook"`` (default) gives, as the course defines RFM:

        * ``recency``: whole days from the customer's last purchase to ``observation_end``
          (0 = bought that day);
        * ``frequency``: the number of transactions (rows);
        * ``monetary``: the total amount.

        Transactions after ``observation_end`` raise ``ValueError`` (they would give a negative
        recency): filter them out first to look back from an earlier date.

        ``"lifetimes"`` gives the four columns of
        ``lifetimes.utils.summary_data_from_transaction_data(transactions, customer, date,
        monetary_value_col=amount, observation_period_end=observation_end, freq="D")``,
        identical to what lifetimes 0.11.3 computes (float64, same rows, same values bit for bit
        under pandas 3.1, which lifetimes relies on for its sums):

        * purchases on the same day are merged into one (their amounts added);
        * ``frequency``: the number of *repeat* purchase days (days with a purchase, minus 1);
        * ``recency``: days from the first to the last purchase day (0 with no repeats);
        * ``T``: days from the first purchase day to ``observation_end``;
        * ``monetary_value``: the mean of the merged amounts of the repeat days, 0 when there
          are none (the first purchase is left out, as the Gamma-Gamma model expects).

        As in lifetimes, transactions after ``observation_end`` are *excluded* (and a customer
        whose purchases all come later does not appear).
    date_format : str, optional
        A :func:`pandas.to_datetime` format for string dates, e.g. ``"%Y%m%d"``, ``"ISO8601"``
        or ``"mixed"``. Default: inferred from the first value.

    Returns
    -------
    DataFrame
        A new frame indexed by customer id (strings, named ``customer``, ascending; numeric ids
        sort numerically and are then written as strings). Textbook columns: ``recency`` and
        ``frequency`` (int64), ``monetary`` (float64). Lifetimes columns: ``frequency``,
        ``recency``, ``T``, ``monetary_value`` (float64).

    Raises
    ------
    TypeError
        ``transactions`` is not a DataFrame, amounts are not numbers or dates are numbers.
    ValueError
        A column is missing; ``transactions`` is empty; ids, dates or amounts are missing;
        dates do not parse; amounts are negative or infinite; a textbook table has purchases
        after ``observation_end`` (each message names the column and the rows).

    Notes
    -----
    ``monetary`` adds the amounts in row order, so a reordered log may differ in the last
    binary digit; everything else does not depend on row order. The lifetimes variant is a
    sort-and-reduce in numpy (customers numbered, rows sorted by customer and day, days summed
    with ``np.add.reduceat`` and repeat days averaged with the compensated sum pandas uses),
    several times faster than lifetimes itself (``python -m bench``).

    References
    ----------
    .. [1] Hughes, A. M. (1994). *Strategic Database Marketing*. Chicago: Probus.
    .. [2] Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value
       curves for customer base analysis. *Journal of Marketing Research*, 42(4), 415-430.
    .. [3] Davidson-Pilon, C. et al. *lifetimes* 0.11.3,
       ``lifetimes.utils.summary_data_from_transaction_data``.

    Examples
    --------
    >>> tx = pd.DataFrame({
    ...     "customer": ["a", "a", "b", "c", "c", "c"],
    ...     "date": ["2024-01-01", "2024-03-01", "2024-02-15",
    ...              "2024-01-10", "2024-01-10", "2024-03-31"],
    ...     "amount": [100.0, 50.0, 80.0, 20.0, 30.0, 40.0],
    ... })
    >>> rfm_table(tx, "customer", "date", "amount")
              recency  frequency  monetary
    customer
    a              30          2     150.0
    b              45          1      80.0
    c               0          3      90.0

    The lifetimes summary merges c's two purchases of 10 January and leaves out every first day:

    >>> rfm_table(tx, "customer", "date", "amount", definition="lifetimes")
              frequency  recency     T  monetary_value
    customer
    a               1.0     60.0  90.0            50.0
    b               0.0      0.0  45.0             0.0
    c               1.0     81.0  81.0            40.0

    Looking back from an earlier day needs the later purchases filtered out first:

    >>> rfm_table(tx, "customer", "date", "amount", observation_end="2024-03-01")
    Traceback (most recent call last):
    ValueError: transactions has purchases after observation_end 2024-03-01 in rows [5]; keep only...
    """
    data = require_frame(transactions, "transactions")
    if definition not in _DEFINITIONS:
        raise ValueError(f"definition must be one of {list(_DEFINITIONS)}, got {definition!r}")
    columns = [customer, date] + ([] if amount is None else [amount])
    require_columns(data, columns, "transactions")
    codes, ids = customer_codes(data[customer], str(customer))
    ids = ids.rename(customer)
    when = datetime_values(data[date], str(date), date_format=date_format)
    money = None if amount is None else numeric_values(data[amount], str(amount)).to_numpy()
    stamps = when.to_numpy()
    day = day_numbers(stamps)
    end_day = last_day(observation_end, day)
    if definition == "textbook":
        late = day > end_day
        if late.any():
            raise ValueError(
                f"transactions has purchases after observation_end {_day_str(end_day)} in rows "
                f"{describe_rows(data.index[late])}; keep only rows with {date!r} <= "
                f"observation_end to look back from that day"
            )
        return _textbook(codes, ids, day, money, end_day)
    return _lifetimes(codes, ids, day, stamps.view(np.int64), money, end_day)


def _day_str(day: int) -> str:
    return str(np.datetime64(day, "D"))


def _textbook(
    codes: np.ndarray, ids: pd.Index, day: np.ndarray, money: np.ndarray | None, end_day: int
) -> pd.DataFrame:
    k = len(ids)
    last = np.full(k, np.iinfo(np.int64).min)
    np.maximum.at(last, codes, day)
    out = {
        "recency": end_day - last,
        "frequency": np.bincount(codes, minlength=k).astype(np.int64),
    }
    if money is not None:
        out["monetary"] = np.bincount(codes, weights=money, minlength=k)
    return pd.DataFrame(out, index=ids)


def _group_starts(sorted_keys: np.ndarray) -> np.ndarray:
    """Start positions of the runs of equal values in a sorted array."""
    starts = np.empty(0, dtype=np.intp)
    if len(sorted_keys):
        change = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
        starts = np.concatenate(([0], change)).astype(np.intp)
    return starts


def _kahan_sums(values: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Compensated (Kahan) sums of contiguous groups, adding in array order.

    The same arithmetic, step for step, as pandas' Cython ``group_sum``/``group_mean``, so the
    results agree bit for bit. Vectorised across groups: step ``k`` adds the k-th value of every
    group that has one; with the groups sorted by size those are a prefix of the arrays.
    """
    by_size = np.argsort(-sizes, kind="stable")
    first = starts[by_size]
    negative_sizes = -sizes[by_size]  # ascending
    total = np.zeros(len(starts))
    carry = np.zeros(len(starts))
    for k in range(int(-negative_sizes[0]) if len(starts) else 0):
        m = int(np.searchsorted(negative_sizes, -k, side="left"))  # groups with more than k values
        before = total[:m]
        y = values[first[:m] + k] - carry[:m]
        t = before + y
        carry[:m] = (t - before) - y
        total[:m] = t
    out = np.empty_like(total)
    out[by_size] = total
    return out


def _lifetimes(
    codes: np.ndarray,
    ids: pd.Index,
    day: np.ndarray,
    stamp: np.ndarray,
    money: np.ndarray | None,
    end_day: int,
) -> pd.DataFrame:
    keep = day <= end_day
    if not keep.all():
        if not keep.any():
            raise ValueError(
                f"transactions has no purchases on or before observation_end {_day_str(end_day)}"
            )
        codes, day, stamp = codes[keep], day[keep], stamp[keep]
        money = None if money is None else money[keep]
    first_day = int(day.min())
    span = int(day.max()) - first_day + 1
    # sort by (customer, day), as lifetimes does before it merges the days: one integer key
    key = codes.astype(np.int64) * span + (day - first_day)  # < 2**62 for any real log
    if len(ids) * span < 2**32:
        key = key.astype(np.uint32)  # sorts faster
    order = np.argsort(key)
    key = key[order]
    starts = _group_starts(key)
    sizes = np.diff(starts, append=len(key))
    if money is not None:
        # lifetimes sorts each day's purchases by (datetime, amount) before adding them; the order
        # changes a sum only from the third purchase of a day on, so only those days are re-sorted
        busy = np.flatnonzero(sizes >= 3)
        if len(busy):
            lengths = sizes[busy]
            group = np.repeat(np.arange(len(busy)), lengths)
            offset = np.arange(len(group)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
            where = np.repeat(starts[busy], lengths) + offset
            rows = order[where]
            order[where] = rows[np.lexsort((money[rows], stamp[rows], group))]
        # pandas 3.1 adds each day's amounts with np.add.reduceat (sorted groups, no NaN)
        day_total = np.add.reduceat(money[order], starts)
    day_key = key[starts].astype(np.int64)
    day_code = day_key // span
    day_day = day_key % span + first_day
    cstarts = _group_starts(day_code)
    ndays = np.diff(cstarts, append=len(day_code))
    first = day_day[cstarts]
    last = day_day[cstarts + ndays - 1]
    out = {
        "frequency": (ndays - 1).astype(np.float64),
        "recency": (last - first).astype(np.float64),
        "T": (end_day - first).astype(np.float64),
    }
    if money is not None:
        # lifetimes averages the repeat days with pandas' group mean (compensated sum / count)
        repeats = ndays - 1
        totals = _kahan_sums(day_total, cstarts + 1, repeats)
        mean = np.zeros(len(cstarts))
        np.divide(totals, repeats, out=mean, where=repeats > 0)
        out["monetary_value"] = mean
    return pd.DataFrame(out, index=ids[day_code[cstarts]])


def rfm_scores(
    table: pd.DataFrame,
    bins: int = 5,
    *,
    ties: Literal["split", "together"] = "split",
    recency: Hashable = "recency",
    frequency: Hashable = "frequency",
    monetary: Hashable = "monetary",
) -> pd.DataFrame:
    """Score a textbook RFM table 1 ... ``bins`` on R, F and M and name each customer's segment.

    Parameters
    ----------
    table : DataFrame
        One row per customer (unique index), e.g. a textbook :func:`rfm_table`. It is not
        modified.
    bins : int, default 5
        The number of score levels, 2 to 9 (one digit each in ``rfm_code``). Quintiles (5) are
        the usual choice (Hughes 1994).
    ties : {"split", "together"}
        How equal values are scored.

        * ``"split"`` (default): customers are ranked by the value and, among equal values, by
          customer id (ascending: the id that sorts first ranks lower), so every level holds
          ``n / bins`` customers (give or take one) and the result does not depend on row
          order. Equal values may then get different scores.
        * ``"together"``: equal values always get the same score, the one their lowest rank
          earns, so levels may be uneven or empty (e.g. when most customers bought once).
    recency, frequency, monetary : column label, default "recency", "frequency", "monetary"
        The columns scored: days since the last purchase (fewer is better), the number of
        purchases and the money spent (more is better); :func:`rfm_table`'s names by default.

    Returns
    -------
    DataFrame
        A new frame with the table's columns plus ``R``, ``F``, ``M`` (int64, 1 = worst,
        ``bins`` = best: most recent, most frequent, highest spend), ``rfm_code`` (str, e.g.
        ``"545"``) and ``segment`` (categorical over :data:`RFM_SEGMENTS`).

    Notes
    -----
    The score of the customer at rank ``r`` (0 = worst) of ``n`` is ``1 + floor(r * bins / n)``:
    the customers split into ``bins`` quantile groups of equal size. Recency ranks in reverse
    (the longest since the last purchase ranks lowest).

    The segment comes from the R score and the FM score, the mean of F and M rounded half up,
    placed in the 5 x 5 grid of :func:`rfm_segment_grid` (with other ``bins`` each score ``s``
    is first rescaled to ``ceil(5 s / bins)``). The grid and its ten names are common practice
    in marketing tools rather than a published standard (see References); the Chinese names
    are in the glossary (group ``rfm_segment``).

    References
    ----------
    .. [1] Hughes, A. M. (1994). *Strategic Database Marketing*. Chicago: Probus (RFM quintile
       scoring).
    .. [2] Putler. "RFM analysis for successful customer segmentation" (web guide): the R by
       average-of-F-and-M grid of segments champions, loyal customers, potential loyalists,
       new customers, promising, need attention, about to sleep, at risk, can't lose them,
       hibernating, reproduced in many tutorials and tools.

    Examples
    --------
    >>> table = pd.DataFrame(
    ...     {"recency": [3, 40, 10, 200, 90], "frequency": [12, 2, 7, 1, 5],
    ...      "monetary": [900.0, 60.0, 400.0, 25.0, 300.0]},
    ...     index=pd.Index(["a", "b", "c", "d", "e"], name="customer"),
    ... )
    >>> rfm_scores(table)[["R", "F", "M", "rfm_code", "segment"]]
              R  F  M rfm_code          segment
    customer
    a         5  5  5      555        champions
    b         3  2  2      322   about to sleep
    c         4  4  4      444  loyal customers
    d         1  1  1      111      hibernating
    e         2  3  3      233          at risk

    Other column names, e.g. a summary in lifetimes' style:

    >>> summary = table.set_axis(["days_since", "orders", "spend"], axis=1)
    >>> rfm_scores(summary, recency="days_since", frequency="orders", monetary="spend")["rfm_code"].tolist()
    ['555', '322', '444', '111', '233']
    """
    frame = require_frame(table, "table")
    columns = {"R": recency, "F": frequency, "M": monetary}
    require_columns(frame, list(columns.values()), "table")
    bins = require_integer(bins, "bins", minimum=2)
    if bins > 9:
        raise ValueError(f"bins must be at most 9 (one digit per score in rfm_code), got {bins}")
    if ties not in ("split", "together"):
        raise ValueError(f"ties must be 'split' or 'together', got {ties!r}")
    require_unique(frame.index, "table index")
    values = {letter: numeric_values(frame[c], c).to_numpy() for letter, c in columns.items()}
    id_rank = _id_rank(frame.index)
    n = len(frame)
    scores = {}
    for letter, sign in (("R", -1.0), ("F", 1.0), ("M", 1.0)):
        value = sign * values[letter]
        if ties == "split":
            rank = np.empty(n, dtype=np.int64)
            rank[np.lexsort((id_rank, value))] = np.arange(n)
        else:
            rank = np.searchsorted(np.sort(value), value, side="left")
        scores[letter] = (rank * bins) // n + 1
    out = frame.copy()
    for letter, score in scores.items():
        out[letter] = score.astype(np.int64)
    code = out["R"].astype(str) + out["F"].astype(str) + out["M"].astype(str)
    out["rfm_code"] = code.astype("str")
    r5, f5, m5 = ((scores[x] * 5 + bins - 1) // bins for x in ("R", "F", "M"))
    fm = (f5 + m5 + 1) // 2
    grid = np.array(_GRID, dtype=object)
    out["segment"] = pd.Categorical(grid[r5 - 1, fm - 1], categories=list(RFM_SEGMENTS))
    return out


def _id_rank(index: pd.Index) -> np.ndarray:
    """Position of each row's id in the ascending order of the ids (the tie-breaker)."""
    try:
        order = np.asarray(index.argsort(kind="stable"))
    except TypeError:  # ids of mixed types
        order = np.argsort(index.astype(str).to_numpy(), kind="stable")
    rank = np.empty(len(index), dtype=np.int64)
    rank[order] = np.arange(len(index))
    return rank


def rfm_segment_grid() -> pd.DataFrame:
    """The segment of each pair of R score and FM score (both 1 ... 5), as used by :func:`rfm_scores`.

    Returns
    -------
    DataFrame
        A new 5 x 5 frame: rows are the R score (index ``R``), columns the FM score (``FM``,
        the mean of the F and M scores rounded half up), values English segment labels.

    Notes
    -----
    The ten segments and their places follow a grid common in marketing practice (R against the
    average of F and M); it is a convention, not a published standard, and firms adapt it. The
    Chinese names (glossary group ``rfm_segment``) are the course's translations.

    References
    ----------
    .. [1] Putler. "RFM analysis for successful customer segmentation" (web guide), the source
       of the segment names and the R by FM grid reproduced in many tutorials and tools.
    .. [2] Hughes, A. M. (1994). *Strategic Database Marketing*. Chicago: Probus.

    Examples
    --------
    >>> grid = rfm_segment_grid()
    >>> grid.loc[5, 5], grid.loc[1, 5], grid.loc[5, 1]
    ('champions', "can't lose them", 'new customers')
    >>> sorted(set(grid.to_numpy().ravel())) == sorted(RFM_SEGMENTS)
    True
    """
    return pd.DataFrame(
        [list(row) for row in _GRID],
        index=pd.RangeIndex(1, 6, name="R"),
        columns=pd.RangeIndex(1, 6, name="FM"),
        dtype="str",
    )
