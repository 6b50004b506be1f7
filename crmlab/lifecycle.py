"""The customer lifecycle (客户生命周期) and the relationship development process (chapter 2).

The course material gives two stage models and leaves the numbers out:

* the customer lifecycle of the Exam collection, five stages from the firm's side:
  potential/acquisition (潜在获取期, with the sub-periods potential customer and customer
  development), growth (成长期), maturity (成熟期), decline (衰退期) and termination (终止期) -
  :data:`LIFECYCLE_STAGES`;
* the relationship development process of the Lecture notes (after Dwyer, Schurr & Oh 1987):
  awareness (认知), exploration (探测), expansion (扩大), commitment (承诺) and dissolution (解除),
  which can happen in any stage - :data:`RELATIONSHIP_STAGES`.

This module teaches them with data:

* :func:`cohort_retention` - the share of each first-purchase cohort that buys again 0, 1, 2 ...
  periods later;
* :func:`lifecycle_stage` - a lifecycle stage for every customer from the purchase history, by
  documented, parameterised rules (a teaching heuristic);
* :func:`simulate_relationship` and :func:`stage_distribution` - the relationship stages as a
  Markov chain, simulated customer by customer and computed exactly by matrix powers, with
  :func:`default_transition` as the (assumed) transition matrix.

Labels are English; Chinese names come from :func:`crmlab.glossary.chinese_name`, and the
relationship functions accept Chinese stage names on input.

Examples
--------
>>> LIFECYCLE_STAGES
('acquisition', 'growth', 'maturity', 'decline', 'termination')
>>> stage_distribution(periods=1).pivot(index="period", columns="stage", values="share")
stage   awareness  exploration  expansion  commitment  dissolution
period
0             1.0         0.00        0.0         0.0         0.00
1             0.6         0.25        0.0         0.0         0.15
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from crmlab._validate import (
    customer_codes,
    datetime_values,
    day_numbers,
    describe_rows,
    last_day,
    numeric_values,
    random_generator,
    renamed,
    require_columns,
    require_frame,
    require_integer,
    require_number,
)
from crmlab.glossary import labels, ordered_dtype, to_english

__all__ = [
    "LIFECYCLE_STAGES",
    "RELATIONSHIP_STAGES",
    "cohort_retention",
    "default_transition",
    "lifecycle_stage",
    "simulate_relationship",
    "stage_distribution",
]

#: The five customer lifecycle stages of the Exam collection, in order (glossary group
#: ``lifecycle_stage``).
LIFECYCLE_STAGES: tuple[str, ...] = tuple(labels("lifecycle_stage"))
#: The five relationship stages of Dwyer, Schurr & Oh (1987) (glossary group ``relationship_stage``).
RELATIONSHIP_STAGES: tuple[str, ...] = tuple(labels("relationship_stage"))

# other words the course's exam questions use for the same relationship stages (Exam collection,
# question S2-M13)
_RELATIONSHIP_ALIASES = {"扩展": "expansion", "投入": "commitment", "终止": "dissolution"}

# rows: from; columns: to; order of RELATIONSHIP_STAGES. An illustrative assumption (see
# default_transition): the material names the stages but gives no probabilities.
_DEFAULT_TRANSITION = np.array(
    [
        [0.60, 0.25, 0.00, 0.00, 0.15],
        [0.00, 0.50, 0.30, 0.00, 0.20],
        [0.00, 0.00, 0.65, 0.28, 0.07],
        [0.00, 0.00, 0.00, 0.97, 0.03],
        [0.00, 0.00, 0.00, 0.00, 1.00],
    ]
)
_ROW_SUM_TOLERANCE = 1e-8


# --------------------------------------------------------------------------------------------
# cohorts


def cohort_retention(
    transactions: pd.DataFrame,
    customer: Hashable,
    date: Hashable,
    period: str = "M",
    *,
    counts: bool = False,
    date_format: str | None = None,
) -> pd.DataFrame:
    """The share of each first-purchase cohort that buys in each later period.

    Parameters
    ----------
    transactions : DataFrame
        One row per purchase. It is not modified.
    customer, date : column labels
        The customer id and the purchase date (datetimes, or strings that parse as dates).
    period : str, default "M"
        A pandas period frequency of length one: ``"D"``, ``"W"``, ``"M"``, ``"Q"`` or ``"Y"``.
    counts : bool, default False
        Return the number of customers instead of the share. Column 0 of the counts is then
        each cohort's size.
    date_format : str, optional
        A :func:`pandas.to_datetime` format for string dates (default: inferred).

    Returns
    -------
    DataFrame
        A new frame with one row per cohort (a ``Period``: the period of the customers' first
        purchase; index named ``cohort``) and one column per number of periods since the first
        purchase, 0, 1, 2 ... (named ``period``). A cell is the share (float64) or the number
        (nullable Int64) of the cohort's customers who bought in that period; column 0 is 1.0
        (all of them). Cells after the last period in the data are missing (NaN / <NA>): the
        cohort has not reached that age yet. The last period may be incomplete.

    Raises
    ------
    TypeError, ValueError
        Bad input (not a DataFrame, missing column, no rows, missing ids, dates that are
        missing or do not parse) or an unknown ``period``; messages name the argument, column
        and rows.

    References
    ----------
    .. [1] Fader, P. S. & Hardie, B. G. S. (2007). How to project customer retention.
       *Journal of Interactive Marketing*, 21(1), 76-90.

    Examples
    --------
    >>> tx = pd.DataFrame({
    ...     "customer": ["a", "a", "b", "b", "c", "d"],
    ...     "date": ["2024-01-03", "2024-02-10", "2024-01-20", "2024-03-01",
    ...              "2024-02-05", "2024-02-28"],
    ... })
    >>> cohort_retention(tx, "customer", "date")
    period     0    1    2
    cohort
    2024-01  1.0  0.5  0.5
    2024-02  1.0  0.0  NaN
    >>> cohort_retention(tx, "customer", "date", counts=True)[0].rename("cohort size")
    cohort
    2024-01    2
    2024-02    2
    Freq: M, Name: cohort size, dtype: Int64
    """
    data = require_frame(transactions, "transactions")
    require_columns(data, [customer, date], "transactions")
    codes, ids = customer_codes(data[customer], str(customer))
    when = datetime_values(data[date], str(date), date_format=date_format)
    if not isinstance(period, str):
        raise TypeError(f"period must be a string such as 'M', got {type(period).__name__}")
    message = (
        f"period must be a pandas period frequency such as 'D', 'W', 'M', 'Q' or 'Y', "
        f"got {period!r}"
    )
    try:
        periods = when.dt.to_period(period)
    except (TypeError, ValueError):
        raise ValueError(message) from None
    freq = periods.dt.freq
    if freq.n != 1:
        raise ValueError(message + " (multiples such as '2M' are not supported)")
    ordinal = periods.array.asi8
    first = np.full(len(ids), np.iinfo(np.int64).max)
    np.minimum.at(first, codes, ordinal)
    age = ordinal - first[codes]
    width = int(ordinal.max() - first.min()) + 1
    # one count per customer and age, however many purchases the customer made in that period
    active = np.unique(codes.astype(np.int64) * width + age)
    cohort_ordinals, cohort_of_customer = np.unique(first, return_inverse=True)
    cells = cohort_of_customer[active // width] * width + active % width
    table = np.bincount(cells, minlength=len(cohort_ordinals) * width).reshape(-1, width)
    beyond = cohort_ordinals[:, None] + np.arange(width)[None, :] > ordinal.max()
    index = pd.PeriodIndex.from_ordinals(cohort_ordinals, freq=freq, name="cohort")
    columns = pd.RangeIndex(width, name="period")
    if counts:
        result = pd.DataFrame(table, index=index, columns=columns).astype("Int64")
        return result.mask(beyond)
    shares = table / table[:, :1]
    shares[beyond] = np.nan
    return pd.DataFrame(shares, index=index, columns=columns)


# --------------------------------------------------------------------------------------------
# lifecycle stages


def lifecycle_stage(
    transactions: pd.DataFrame,
    customer: Hashable,
    date: Hashable,
    amount: Hashable,
    observation_end: object = None,
    *,
    churn_days: int = 180,
    new_days: int = 90,
    window_days: int = 180,
    tolerance: float = 0.2,
    date_format: str | None = None,
) -> pd.DataFrame:
    """Assign each customer one of the five lifecycle stages of the Exam collection from the purchases.

    The rules, applied in this order to the history up to ``observation_end``:

    1. **termination** (终止期): no purchase for more than ``churn_days`` days
       (``recency_days > churn_days``);
    2. **acquisition** (潜在获取期): the first purchase is at most ``new_days`` days old, or the
       customer has bought only once (``frequency == 1``) - still being developed;
    3. **growth** (成长期): spending in the last ``window_days`` days (``recent_spend``) is more
       than ``1 + tolerance`` times the spending in the ``window_days`` before
       (``earlier_spend``);
    4. **decline** (衰退期): ``recent_spend`` is less than ``1 - tolerance`` times
       ``earlier_spend``, or zero;
    5. **maturity** (成熟期): otherwise - spending is stable within the tolerance.

    These rules are a teaching heuristic, not an estimate: the Exam collection describes the stages
    by the firm's costs and revenue, which a purchase log does not show, and in a non-contractual
    setting the end of a relationship is never observed, only inferred from inactivity
    (Reinartz & Kumar 2000). Tune the thresholds to the business's buying cycle.

    Parameters
    ----------
    transactions : DataFrame
        One row per purchase. It is not modified.
    customer, date, amount : column labels
        Customer id, purchase date (datetimes or strings that parse) and amount (numbers
        >= 0: net returns out first).
    observation_end : date-like, optional
        The day the stages are assessed on. Default: the last purchase date. Purchases after it
        raise ``ValueError``.
    churn_days, new_days, window_days : int
        The thresholds of the rules, in days (each at least 1).
    tolerance : float, default 0.2
        The relative change in spending treated as stable, in [0, 1).
    date_format : str, optional
        A :func:`pandas.to_datetime` format for string dates (default: inferred).

    Returns
    -------
    DataFrame
        A new frame indexed by customer id (strings, ascending) with the features the rules use:
        ``first_purchase`` and ``last_purchase`` (datetime64, the day), ``tenure_days`` and
        ``recency_days`` (days from the first and from the last purchase to
        ``observation_end``), ``frequency`` (transactions), ``monetary`` (total amount),
        ``recent_spend`` (purchases in the ``window_days`` days up to and including
        ``observation_end``), ``earlier_spend`` (the ``window_days`` days before those), and
        ``stage``, an ordered categorical over :data:`LIFECYCLE_STAGES`.

    Raises
    ------
    TypeError, ValueError
        Bad input (see :func:`crmlab.rfm.rfm_table`) or bad thresholds.

    References
    ----------
    .. [1] Dwyer, F. R., Schurr, P. H. & Oh, S. (1987). Developing buyer-seller relationships.
       *Journal of Marketing*, 51(2), 11-27.
    .. [2] 陈明亮 (2003). 客户生命周期模式研究. 浙江大学学报(人文社会科学版), 33(6), 66-72
       (a lifecycle of exploration, formation, stability and decline phases: 考察期、形成期、
       稳定期、退化期, with the firm's revenue from the customer rising and falling).
    .. [3] Reinartz, W. J. & Kumar, V. (2000). On the profitability of long-life customers in
       a noncontractual setting. *Journal of Marketing*, 64(4), 17-35.

    Examples
    --------
    >>> tx = pd.DataFrame({
    ...     "customer": ["new", "grow", "grow", "grow", "flat", "flat", "flat",
    ...                  "fade", "fade", "fade", "gone"],
    ...     "date": ["2024-06-20", "2023-09-01", "2024-02-01", "2024-06-01",
    ...              "2023-10-01", "2024-03-01", "2024-06-30",
    ...              "2023-08-01", "2023-11-01", "2024-05-01", "2023-05-01"],
    ...     "amount": [50.0, 20.0, 60.0, 90.0, 100.0, 50.0, 55.0, 100.0, 100.0, 30.0, 300.0],
    ... })
    >>> out = lifecycle_stage(tx, "customer", "date", "amount")
    >>> out[["recency_days", "frequency", "recent_spend", "earlier_spend", "stage"]]
              recency_days  frequency  recent_spend  earlier_spend        stage
    customer
    fade                60          3          30.0          200.0      decline
    flat                 0          3         105.0          100.0     maturity
    gone               426          1           0.0            0.0  termination
    grow                29          3         150.0           20.0       growth
    new                 10          1          50.0            0.0  acquisition
    """
    data = require_frame(transactions, "transactions")
    require_columns(data, [customer, date, amount], "transactions")
    churn_days = require_integer(churn_days, "churn_days", minimum=1)
    new_days = require_integer(new_days, "new_days", minimum=1)
    window_days = require_integer(window_days, "window_days", minimum=1)
    tolerance = require_number(tolerance, "tolerance", minimum=0.0)
    if tolerance >= 1:
        raise ValueError(f"tolerance must be less than 1, got {tolerance:g}")
    codes, ids = customer_codes(data[customer], str(customer))
    ids = ids.rename(customer)
    when = datetime_values(data[date], str(date), date_format=date_format)
    money = numeric_values(data[amount], str(amount)).to_numpy()
    day = day_numbers(when.to_numpy())
    end_day = last_day(observation_end, day)
    late = day > end_day
    if late.any():
        raise ValueError(
            f"transactions has purchases after observation_end {np.datetime64(end_day, 'D')} in "
            f"rows {describe_rows(data.index[late])}; keep only rows with {date!r} <= "
            f"observation_end to assess the stages on that day"
        )
    k = len(ids)
    first = np.full(k, np.iinfo(np.int64).max)
    last = np.full(k, np.iinfo(np.int64).min)
    np.minimum.at(first, codes, day)
    np.maximum.at(last, codes, day)
    frequency = np.bincount(codes, minlength=k).astype(np.int64)
    age = end_day - day
    recent = np.bincount(codes, weights=np.where(age < window_days, money, 0.0), minlength=k)
    earlier_rows = (age >= window_days) & (age < 2 * window_days)
    earlier = np.bincount(codes, weights=np.where(earlier_rows, money, 0.0), minlength=k)
    tenure = end_day - first
    recency = end_day - last
    stage = np.select(
        [
            recency > churn_days,
            (tenure <= new_days) | (frequency == 1),
            recent > (1 + tolerance) * earlier,
            (recent < (1 - tolerance) * earlier) | (recent == 0),
        ],
        ["termination", "acquisition", "growth", "decline"],
        default="maturity",
    )
    return pd.DataFrame(
        {
            "first_purchase": first.astype("datetime64[D]").astype("datetime64[s]"),
            "last_purchase": last.astype("datetime64[D]").astype("datetime64[s]"),
            "tenure_days": tenure,
            "recency_days": recency,
            "frequency": frequency,
            "monetary": np.bincount(codes, weights=money, minlength=k),
            "recent_spend": recent,
            "earlier_spend": earlier,
            "stage": pd.Categorical(stage, dtype=ordered_dtype("lifecycle_stage")),
        },
        index=ids,
    )


# --------------------------------------------------------------------------------------------
# relationship stages as a Markov chain


def default_transition() -> pd.DataFrame:
    """The default one-period transition matrix between the relationship stages (an assumption).

    Rows are the current stage, columns the next; each row sums to 1. The stages follow Dwyer,
    Schurr & Oh (1987) as the Lecture notes teach them: relationships move forward one stage at a time
    (awareness -> exploration -> expansion -> commitment) or stay, and can be dissolved from
    any stage; dissolution is absorbing. The probabilities are illustrative assumptions, not
    estimates (the material gives none): exploration, "fragile" in the material, has the
    highest chance of dissolution, commitment the lowest.

    Returns
    -------
    DataFrame
        A new 5 x 5 frame (index ``from``, columns ``to``, both in :data:`RELATIONSHIP_STAGES`
        order).

    References
    ----------
    .. [1] Dwyer, F. R., Schurr, P. H. & Oh, S. (1987). Developing buyer-seller relationships.
       *Journal of Marketing*, 51(2), 11-27.

    Examples
    --------
    >>> default_transition()
    to           awareness  exploration  expansion  commitment  dissolution
    from
    awareness          0.6         0.25       0.00        0.00         0.15
    exploration        0.0         0.50       0.30        0.00         0.20
    expansion          0.0         0.00       0.65        0.28         0.07
    commitment         0.0         0.00       0.00        0.97         0.03
    dissolution        0.0         0.00       0.00        0.00         1.00
    """
    return _as_frame(_DEFAULT_TRANSITION.copy())


def _as_frame(matrix: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        matrix,
        index=pd.Index(RELATIONSHIP_STAGES, name="from", dtype="str"),
        columns=pd.Index(RELATIONSHIP_STAGES, name="to", dtype="str"),
    )


def _relationship_label(label: object, argument: str) -> str:
    if isinstance(label, str) and label.strip() in _RELATIONSHIP_ALIASES:
        return _RELATIONSHIP_ALIASES[label.strip()]
    if not isinstance(label, str):
        raise TypeError(f"{argument} holds {label!r}, not a relationship stage name")
    try:
        return to_english(label, "relationship_stage")
    except ValueError as err:
        raise ValueError(f"{argument}: {err}") from None


def _transition_matrix(transition: object) -> np.ndarray:
    """Validate a transition matrix and return it as a 5 x 5 float array in canonical order."""
    if transition is None:
        return _DEFAULT_TRANSITION.copy()
    if isinstance(transition, pd.DataFrame):
        rows = [_relationship_label(x, "transition index") for x in transition.index]
        cols = [_relationship_label(x, "transition columns") for x in transition.columns]
        for name, found in (("index", rows), ("columns", cols)):
            if sorted(found) != sorted(RELATIONSHIP_STAGES):
                raise ValueError(
                    f"transition {name} must hold each of the stages {list(RELATIONSHIP_STAGES)} "
                    f"once (Chinese names accepted), got {list(found)}"
                )
        values = {}
        for position, column in enumerate(transition.columns):
            series = transition.iloc[:, position]
            values[cols[position]] = numeric_values(series, f"transition[{column!r}]").to_numpy()
        frame = pd.DataFrame(values, index=rows)
        matrix = frame.loc[list(RELATIONSHIP_STAGES), list(RELATIONSHIP_STAGES)].to_numpy()
        names = list(RELATIONSHIP_STAGES)
    elif isinstance(transition, (np.ndarray, list, tuple)):
        try:
            matrix = np.array(transition, dtype=np.float64)
        except (TypeError, ValueError):
            raise TypeError("transition must hold numbers") from None
        if matrix.shape != (5, 5):
            raise ValueError(
                f"transition must be 5 x 5 (rows and columns in the order "
                f"{list(RELATIONSHIP_STAGES)}), got shape {matrix.shape}"
            )
        names = list(RELATIONSHIP_STAGES)
        bad = ~np.isfinite(matrix).all(axis=1) | (matrix < 0).any(axis=1)
        if bad.any():
            raise ValueError(
                f"transition has missing, infinite or negative probabilities in rows "
                f"{describe_rows([names[i] for i in np.flatnonzero(bad)])}"
            )
    else:
        raise TypeError(
            f"transition must be a DataFrame or a 5 x 5 array, got {type(transition).__name__}"
        )
    sums = matrix.sum(axis=1)
    off = np.abs(sums - 1) > _ROW_SUM_TOLERANCE
    if off.any():
        shown = ", ".join(f"{names[i]!r}: {sums[i]:.6g}" for i in np.flatnonzero(off)[:5])
        raise ValueError(f"transition rows must sum to 1; rows {shown}")
    return matrix


def _start_vector(start: object) -> np.ndarray:
    vector = np.zeros(len(RELATIONSHIP_STAGES))
    if isinstance(start, str):
        vector[RELATIONSHIP_STAGES.index(_relationship_label(start, "start"))] = 1.0
        return vector
    if isinstance(start, (Mapping, pd.Series)):
        for label, share in dict(start).items():
            position = RELATIONSHIP_STAGES.index(_relationship_label(label, "start"))
            if isinstance(share, bool) or not isinstance(share, (int, float, np.number)):
                raise TypeError(f"start[{label!r}] must be a number, got {share!r}")
            if not np.isfinite(share) or share < 0:
                raise ValueError(f"start[{label!r}] must be a probability >= 0, got {share!r}")
            vector[position] += float(share)
        if abs(vector.sum() - 1) > _ROW_SUM_TOLERANCE:
            raise ValueError(f"start probabilities must sum to 1, got {vector.sum():.6g}")
        return vector
    raise TypeError(
        f"start must be a stage name or a mapping of stage -> probability, "
        f"got {type(start).__name__}"
    )


def _tidy(shares: np.ndarray, counts: np.ndarray | None = None) -> pd.DataFrame:
    periods, stages = shares.shape
    out: dict[str, Any] = {
        "period": np.repeat(np.arange(periods, dtype=np.int64), stages),
        "stage": pd.Categorical(
            np.tile(np.array(RELATIONSHIP_STAGES, dtype=object), periods),
            dtype=ordered_dtype("relationship_stage"),
        ),
    }
    if counts is not None:
        out["count"] = counts.ravel().astype(np.int64)
    out["share"] = shares.ravel()
    return pd.DataFrame(out)


def stage_distribution(
    transition: object = None,
    periods: int = 12,
    start: str | Mapping[str, float] = "awareness",
) -> pd.DataFrame:
    """The exact share of relationships in each stage after 0 ... ``periods`` periods.

    With the start distribution ``p0`` (a row vector) and the transition matrix ``P``, the
    shares after ``t`` periods are ``p0 @ P**t`` (matrix power). This is what
    :func:`simulate_relationship` approaches as the number of customers grows.

    Parameters
    ----------
    transition : DataFrame or 5 x 5 array, optional
        One-period transition probabilities, rows = current stage, columns = next stage, each
        row summing to 1. A DataFrame is matched by its stage labels (English or Chinese, any
        order); an array must follow :data:`RELATIONSHIP_STAGES`. Default:
        :func:`default_transition`.
    periods : int, default 12
        The number of periods (>= 0).
    start : str or mapping, default "awareness"
        The stage every relationship starts in, or a mapping of stage -> probability.

    Returns
    -------
    DataFrame
        A new tidy frame with columns ``period`` (0 ... ``periods``), ``stage`` (ordered
        categorical over :data:`RELATIONSHIP_STAGES`) and ``share``, one row per period and
        stage.

    References
    ----------
    .. [1] Dwyer, F. R., Schurr, P. H. & Oh, S. (1987). Developing buyer-seller relationships.
       *Journal of Marketing*, 51(2), 11-27.
    .. [2] Pfeifer, P. E. & Carraway, R. L. (2000). Modeling customer relationships as Markov
       chains. *Journal of Interactive Marketing*, 14(2), 43-55.

    Examples
    --------
    >>> shares = stage_distribution(periods=12)
    >>> wide = shares.pivot(index="period", columns="stage", values="share")
    >>> wide.loc[[0, 1, 2, 12]].round(3)
    stage   awareness  exploration  expansion  commitment  dissolution
    period
    0           1.000        0.000      0.000       0.000        0.000
    1           0.600        0.250      0.000       0.000        0.150
    2           0.360        0.275      0.075       0.000        0.290
    12          0.002        0.005      0.025       0.236        0.731

    A Chinese-labelled matrix in any order works too:

    >>> from crmlab.glossary import chinese_name
    >>> zh_name = {s: chinese_name(s, "relationship_stage") for s in RELATIONSHIP_STAGES}
    >>> zh = default_transition().rename(index=zh_name, columns=zh_name)
    >>> zh.index.tolist()
    ['认知', '探测', '扩大', '承诺', '解除']
    >>> bool((stage_distribution(zh.iloc[::-1], periods=12) == shares).all().all())
    True
    """
    matrix = _transition_matrix(transition)
    periods = require_integer(periods, "periods", minimum=0)
    p0 = _start_vector(start)
    shares = np.array([p0 @ np.linalg.matrix_power(matrix, t) for t in range(periods + 1)])
    return _tidy(shares)


def simulate_relationship(
    transition: object = None,
    n_customers: int = 1000,
    periods: int | None = None,
    start: str | Mapping[str, float] = "awareness",
    seed: int | np.random.Generator = 0,
    *,
    n_periods: int | None = None,
) -> pd.DataFrame:
    """Simulate relationships moving through the stages of Dwyer, Schurr & Oh (1987).

    Each of ``n_customers`` relationships starts in ``start`` and, every period, moves to the
    next stage drawn from its row of the transition matrix (a Markov chain). With the default
    matrix, relationships advance one stage at a time or stay, and can dissolve from any stage;
    dissolution is absorbing.

    Parameters
    ----------
    transition : DataFrame or 5 x 5 array, optional
        See :func:`stage_distribution`. Default: :func:`default_transition` (an assumption).
    n_customers : int, default 1000
        The number of relationships simulated (>= 1).
    periods : int, default 12
        The number of periods (>= 0), as in :func:`stage_distribution` (``None`` means 12).
    start : str or mapping, default "awareness"
        The starting stage, or a mapping of stage -> probability from which each
        relationship's starting stage is drawn.
    seed : int or Generator, default 0
        Seed of :func:`numpy.random.default_rng`: the same seed gives the same result (crmlab
        draws only from explicit seeds, so ``None`` is refused).
    n_periods : int, optional
        Deprecated old name of ``periods`` (a ``FutureWarning``); removed in crmlab 0.3.

    Returns
    -------
    DataFrame
        A new tidy frame with columns ``period`` (0 ... ``periods``), ``stage`` (ordered
        categorical), ``count`` (relationships in the stage) and ``share`` (count /
        ``n_customers``), one row per period and stage (zero counts included).

    References
    ----------
    .. [1] Dwyer, F. R., Schurr, P. H. & Oh, S. (1987). Developing buyer-seller relationships.
       *Journal of Marketing*, 51(2), 11-27.
    .. [2] Pfeifer, P. E. & Carraway, R. L. (2000). Modeling customer relationships as Markov
       chains. *Journal of Interactive Marketing*, 14(2), 43-55.

    Examples
    --------
    >>> sim = simulate_relationship(n_customers=1000, periods=3, seed=7)
    >>> sim.pivot(index="period", columns="stage", values="count")
    stage   awareness  exploration  expansion  commitment  dissolution
    period
    0            1000            0          0           0            0
    1             599          246          0           0          155
    2             341          275         73           0          311
    3             207          225        129          21          418
    """
    matrix = _transition_matrix(transition)
    n_customers = require_integer(n_customers, "n_customers", minimum=1)
    periods = renamed("simulate_relationship", "n_periods", "periods", n_periods, periods)
    periods = require_integer(12 if periods is None else periods, "periods", minimum=0)
    p0 = _start_vector(start)
    rng = random_generator(seed)
    stages = len(RELATIONSHIP_STAGES)
    cumulative = np.cumsum(matrix, axis=1)
    cumulative[:, -1] = 1.0  # rows sum to 1 up to rounding: never step past the last stage
    state = rng.choice(stages, size=n_customers, p=p0 / p0.sum())
    counts = np.zeros((periods + 1, stages), dtype=np.int64)
    counts[0] = np.bincount(state, minlength=stages)
    for t in range(1, periods + 1):
        draw = rng.random(n_customers)
        state = (cumulative[state] <= draw[:, None]).sum(axis=1)
        counts[t] = np.bincount(state, minlength=stages)
    return _tidy(counts / n_customers, counts)
