"""Measuring trust with a survey: Likert scale scores and Cronbach's alpha, chapter 3.

The lecture material defines trust (信任) and what builds it (shared values, dependence, good
communication, no opportunism) but does not say how to measure it. The usual way, which the course
adds from the literature, is a questionnaire with several Likert items (李克特量表) per construct:

* :func:`likert_scores` turns the answers into one scale score per respondent and construct,
  recoding reverse-keyed items first;
* :func:`cronbach_alpha` (克朗巴哈系数) checks that the items of one construct hang together
  (internal consistency) before their score is used.

Examples
--------
>>> answers = pd.DataFrame({"t1": [5, 4, 2], "t2": [4, 4, 1], "t3": [1, 2, 4]})
>>> likert_scores(answers, {"trust": ["t1", "t2", "t3"]}, reverse=["t3"])
      trust
0  4.666667
1  4.000000
2  1.666667
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from numbers import Real
from typing import Literal

import numpy as np
import pandas as pd

from crmlab._validate import describe_rows, numeric_values, require_columns, require_frame

__all__ = ["cronbach_alpha", "likert_scores"]


def _numeric_frame(frame: pd.DataFrame, argument: str, *, allow_nan: bool) -> pd.DataFrame:
    """Every column as float64, or raise naming the argument, the column and the rows."""
    duplicated = frame.columns[frame.columns.duplicated()].unique()
    if len(duplicated):
        raise ValueError(f"{argument} has duplicate columns: {describe_rows(duplicated)}")
    if all(
        pd.api.types.is_numeric_dtype(dtype)
        and not pd.api.types.is_bool_dtype(dtype)
        and not isinstance(dtype, pd.CategoricalDtype)
        for dtype in frame.dtypes
    ):
        values = frame.to_numpy(dtype="float64", na_value=np.nan)
        if not np.isinf(values).any() and (allow_nan or not np.isnan(values).any()):
            return pd.DataFrame(values, index=frame.index, columns=frame.columns)
    # slow path: numeric_values finds and names the offending column and rows
    columns = {}
    for column in frame.columns:
        try:
            columns[column] = numeric_values(
                frame[column], column, allow_negative=True, allow_nan=allow_nan
            )
        except (TypeError, ValueError) as err:
            raise type(err)(f"{argument}: {err}") from None
    return pd.DataFrame(columns, index=frame.index, columns=frame.columns)


def cronbach_alpha(
    items: pd.DataFrame, nan_policy: Literal["raise", "listwise"] = "raise"
) -> float:
    """Cronbach's alpha (克朗巴哈系数): the internal consistency of a set of scale items.

    With k items, item sample variances s_i^2 and the sample variance s_T^2 of each
    respondent's total over the items::

        alpha = k / (k - 1) * (1 - sum(s_i^2) / s_T^2)

    Variances are sample variances (``ddof=1``). Alpha is at most 1; it is 1 when all items move
    together exactly and can be negative when items disagree (often a sign that a reverse-keyed
    item was not recoded, see :func:`likert_scores`). A common rule of thumb reads 0.7 or more
    as acceptable (Nunnally, 1978).

    Parameters
    ----------
    items : DataFrame
        One row per respondent, one numeric column per item of a single construct, with
        reverse-keyed items already recoded (``min + max - x``).
    nan_policy : {"raise", "listwise"}, default "raise"
        ``"raise"``: a missing answer raises ``ValueError`` naming its columns and rows.
        ``"listwise"``: respondents with any missing answer are dropped first.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``items`` is not a DataFrame or a cell is not numeric (the message names the column
        and rows).
    ValueError
        With fewer than 2 items or 2 respondents (after listwise deletion), missing answers
        under ``nan_policy="raise"``, infinite values, duplicate columns, an unknown
        ``nan_policy``, or when every respondent has the same total (alpha is undefined).

    References
    ----------
    .. [1] Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
       *Psychometrika*, 16(3), 297-334.
    .. [2] Nunnally, J. C. (1978). *Psychometric Theory* (2nd ed.). New York: McGraw-Hill.

    Examples
    --------
    Four respondents, three items. Item variances 5/3, 8/3 and 4/3 add up to 17/3; the totals
    4, 7, 10, 13 have variance 15; alpha = 3/2 * (1 - (17/3) / 15) = 14/15:

    >>> items = pd.DataFrame({"i1": [1, 2, 3, 4], "i2": [1, 3, 3, 5], "i3": [2, 2, 4, 4]})
    >>> round(cronbach_alpha(items), 4)
    0.9333
    """
    frame = require_frame(items, "items")
    if nan_policy not in ("raise", "listwise"):
        raise ValueError(f"nan_policy must be 'raise' or 'listwise', got {nan_policy!r}")
    if frame.shape[1] < 2:
        raise ValueError(
            f"items has {frame.shape[1]} column(s); Cronbach's alpha needs at least 2 items"
        )
    values = _numeric_frame(frame, "items", allow_nan=True)
    missing = values.isna()
    if missing.to_numpy().any():
        if nan_policy == "raise":
            where = "; ".join(
                f"column {column!r} in rows {describe_rows(values.index[missing[column]])}"
                for column in values.columns
                if missing[column].any()
            )
            raise ValueError(
                f"items has missing values: {where}; pass nan_policy='listwise' to drop "
                "those respondents"
            )
        values = values.loc[~missing.any(axis=1)]
    if len(values) < 2:
        raise ValueError(
            f"items has {len(values)} complete respondent(s); Cronbach's alpha needs at least 2"
        )
    k = values.shape[1]
    item_variance = float(values.var(ddof=1).sum())
    total_variance = float(values.sum(axis=1).var(ddof=1))
    scale = max(1.0, float(np.abs(values.to_numpy()).max()) ** 2)
    if total_variance <= 1e-12 * scale * k:
        raise ValueError(
            "every respondent has the same total score, so the total has no variance and "
            "Cronbach's alpha is undefined"
        )
    return k / (k - 1) * (1.0 - item_variance / total_variance)


def likert_scores(
    responses: pd.DataFrame,
    constructs: Mapping[str, Sequence[Hashable]],
    reverse: Iterable[Hashable] | None = None,
    scale: tuple[float, float] = (1, 5),
    method: Literal["mean", "sum"] = "mean",
) -> pd.DataFrame:
    """Likert scale scores: one score per respondent and construct.

    Each construct (trust, commitment, dependence ...) is measured by several items answered on
    the same rating scale, for example 1 = strongly disagree ... 5 = strongly agree. A
    reverse-keyed item (worded against the construct, "this supplier would exploit us if it
    could") is recoded as ``min + max - x`` first; the construct's score is then the mean (or
    the sum) of its items.

    Parameters
    ----------
    responses : DataFrame
        One row per respondent, one column per item; other columns are ignored.
    constructs : mapping
        Construct name -> list of item columns (at least one, no repeats). An item may serve
        more than one construct.
    reverse : iterable, optional
        Reverse-keyed item columns; each must belong to some construct.
    scale : (min, max), default (1, 5)
        The lowest and highest possible answer. Answers outside it raise ``ValueError``.
    method : {"mean", "sum"}, default "mean"
        ``"mean"`` keeps the score on the answer scale (comparable across constructs with
        different numbers of items); ``"sum"`` gives Likert's summated score.

    Returns
    -------
    DataFrame
        A new float frame with the index of ``responses`` and one column per construct, in the
        order of ``constructs``.

    Raises
    ------
    TypeError
        If ``responses`` is not a DataFrame, ``constructs`` is not a mapping, an item list is a
        string, ``scale`` is not two numbers, or a used cell is not numeric.
    ValueError
        If an item column is missing, a construct has no items or repeats one, a reverse item
        belongs to no construct, ``scale`` has min >= max, ``method`` is unknown, or a used cell
        is missing, infinite or outside the scale (the message names the column, the rows and
        the values).

    References
    ----------
    .. [1] Likert, R. (1932). A technique for the measurement of attitudes. *Archives of
       Psychology*, 140, 1-55. (Summated ratings; reversing negatively worded statements.)
    .. [2] Morgan, R. M., & Hunt, S. D. (1994). The commitment-trust theory of relationship
       marketing. *Journal of Marketing*, 58(3), 20-38. (Trust and commitment measured with
       multi-item Likert scales.)

    Examples
    --------
    Respondent 0 answers 5, 4 and, on the reverse-keyed c3, 2, recoded 1 + 5 - 2 = 4; so trust
    is (5 + 4) / 2 = 4.5 and commitment 4 / 1 = 4:

    >>> answers = pd.DataFrame({"t1": [5, 2], "t2": [4, 3], "c3": [2, 5]})
    >>> likert_scores(answers, {"trust": ["t1", "t2"], "commitment": ["c3"]}, reverse=["c3"])
       trust  commitment
    0    4.5         4.0
    1    2.5         1.0
    >>> likert_scores(answers, {"trust": ["t1", "t2"]}, method="sum")
       trust
    0    9.0
    1    5.0
    """
    frame = require_frame(responses, "responses")
    if not isinstance(constructs, Mapping):
        raise TypeError(
            f"constructs must be a mapping construct -> list of item columns, "
            f"got {type(constructs).__name__}"
        )
    if not constructs:
        raise ValueError("constructs is empty; give at least one construct")
    if method not in ("mean", "sum"):
        raise ValueError(f"method must be 'mean' or 'sum', got {method!r}")
    low, high = _scale(scale)

    item_lists: dict[str, list[Hashable]] = {}
    for name, columns in constructs.items():
        if isinstance(columns, (str, bytes)) or not isinstance(columns, Iterable):
            raise TypeError(f"constructs[{name!r}] must be a list of item columns, got {columns!r}")
        listed = list(columns)
        if not listed:
            raise ValueError(f"constructs[{name!r}] has no items")
        repeated = pd.Index(listed)[pd.Index(listed).duplicated()].unique()
        if len(repeated):
            raise ValueError(f"constructs[{name!r}] repeats items {describe_rows(repeated)}")
        item_lists[name] = listed
    used = list(dict.fromkeys(item for listed in item_lists.values() for item in listed))
    require_columns(frame, used, "responses")

    reversed_items = [] if reverse is None else _reverse_items(reverse)
    stray = [item for item in reversed_items if item not in set(used)]
    if stray:
        raise ValueError(f"reverse lists items that belong to no construct: {describe_rows(stray)}")

    values = _numeric_frame(frame[used], "responses", allow_nan=False)
    for column in used:
        column_values = values[column]
        outside = (column_values < low) | (column_values > high)
        if outside.any():
            bad = column_values[outside]
            raise ValueError(
                f"responses column {column!r} has values outside the scale {low:g}-{high:g} in "
                f"rows {describe_rows(bad.index)}: {describe_rows(pd.unique(bad.to_numpy()).tolist())}"
            )
    if reversed_items:
        recoded = {c: (low + high - values[c]) if c in reversed_items else values[c] for c in used}
        values = pd.DataFrame(recoded, index=values.index, columns=used)

    scores = {
        name: (values[listed].mean(axis=1) if method == "mean" else values[listed].sum(axis=1))
        for name, listed in item_lists.items()
    }
    return pd.DataFrame(scores, index=frame.index, columns=list(item_lists)).astype("float64")


def _scale(scale: object) -> tuple[float, float]:
    if (
        not isinstance(scale, (tuple, list))
        or len(scale) != 2
        or any(isinstance(x, bool) or not isinstance(x, Real) for x in scale)
    ):
        raise TypeError(f"scale must be a pair of numbers (min, max), got {scale!r}")
    low, high = float(scale[0]), float(scale[1])
    if not (np.isfinite(low) and np.isfinite(high)) or low >= high:
        raise ValueError(f"scale must be (min, max) with finite min < max, got {scale!r}")
    return low, high


def _reverse_items(reverse: Iterable[Hashable]) -> list[Hashable]:
    if isinstance(reverse, (str, bytes)) or not isinstance(reverse, Iterable):
        raise TypeError(f"reverse must be a list of item columns, got {reverse!r}")
    return list(dict.fromkeys(reverse))
