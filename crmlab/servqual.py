"""SERVQUAL: service quality as the gap between perception and expectation, chapter 7.

Customers answer the same items twice, once for what they expect of an excellent firm in the
industry (expectations, E) and once for what they perceive of this firm (perceptions, P). The
SERVQUAL score of an item is P - E: negative when the service falls short of expectations. The
items group into five dimensions (有形性 tangibles, 可靠性 reliability, 响应性 responsiveness,
保证性 assurance, 移情性 empathy); :func:`servqual_gaps` averages them per dimension and overall.

Examples
--------
>>> SERVQUAL_DIMENSIONS
('tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy')
>>> SERVQUAL_ITEMS["q5"], SERVQUAL_ITEMS["q22"]
('reliability', 'empathy')
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from types import MappingProxyType

import numpy as np
import pandas as pd

from crmlab._validate import describe_rows, numeric_values, require_frame
from crmlab.glossary import to_english

__all__ = ["SERVQUAL_DIMENSIONS", "SERVQUAL_ITEMS", "servqual_gaps"]

_GROUP = "servqual_dimension"

#: The five SERVQUAL dimensions in their usual order (glossary group ``servqual_dimension``).
SERVQUAL_DIMENSIONS: tuple[str, ...] = (
    "tangibles",
    "reliability",
    "responsiveness",
    "assurance",
    "empathy",
)

_ITEM_NUMBERS = {
    "tangibles": range(1, 5),
    "reliability": range(5, 10),
    "responsiveness": range(10, 14),
    "assurance": range(14, 18),
    "empathy": range(18, 23),
}

#: The 22 items of Parasuraman, Zeithaml & Berry (1988), ``"q1"`` ... ``"q22"`` -> dimension.
#: Read-only.
SERVQUAL_ITEMS: Mapping[str, str] = MappingProxyType(
    {f"q{i}": dimension for dimension, numbers in _ITEM_NUMBERS.items() for i in numbers}
)

_OVERALL = "overall"
_COLUMNS = ["perception", "expectation", "gap"]


def _dimension_map(dimension_of: Mapping[Hashable, str] | pd.Series | None) -> dict[Hashable, str]:
    """Item -> English dimension name; known Chinese dimension names are translated."""
    if dimension_of is None:
        return dict(SERVQUAL_ITEMS)
    if isinstance(dimension_of, pd.Series):
        duplicated = dimension_of.index[dimension_of.index.duplicated()].unique()
        if len(duplicated):
            raise ValueError(f"dimension_of has duplicate items: {describe_rows(duplicated)}")
        pairs = dict(dimension_of.items())
    elif isinstance(dimension_of, Mapping):
        pairs = dict(dimension_of)
    else:
        raise TypeError(
            f"dimension_of must be a mapping item -> dimension, got {type(dimension_of).__name__}"
        )
    if not pairs:
        raise ValueError("dimension_of is empty; map at least one item to a dimension")
    out: dict[Hashable, str] = {}
    for item, dimension in pairs.items():
        if not isinstance(dimension, str) or not dimension.strip():
            raise TypeError(
                f"dimension_of maps item {item!r} to {dimension!r}; dimension names must be "
                "non-empty strings"
            )
        out[item] = _dimension_name(dimension)
    if _OVERALL in out.values():
        raise ValueError("dimension_of may not use the name 'overall': it names the total row")
    return out


def _dimension_name(name: str) -> str:
    try:
        return to_english(name, _GROUP)
    except ValueError:
        return name.strip()


def _numeric_frame(frame: pd.DataFrame, argument: str) -> pd.DataFrame:
    """Every column as float64, or raise naming the argument, the column and the rows."""
    fast = _all_finite_numbers(frame)
    if fast is not None:
        return fast
    columns = {}
    for column in frame.columns:
        try:
            columns[column] = numeric_values(frame[column], column, allow_negative=True)
        except (TypeError, ValueError) as err:
            raise type(err)(f"{argument}: {err}") from None
    return pd.DataFrame(columns, index=frame.index, columns=frame.columns)


def _all_finite_numbers(frame: pd.DataFrame) -> pd.DataFrame | None:
    """The frame as float64 when every cell is a finite real number (the common case), else None."""
    for dtype in frame.dtypes:
        if pd.api.types.is_bool_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype):
            return None
        if not pd.api.types.is_numeric_dtype(dtype):
            return None
    values = frame.to_numpy(dtype="float64", na_value=np.nan)
    if not np.isfinite(values).all():
        return None
    return pd.DataFrame(values, index=frame.index, columns=frame.columns)


def _check_pair(p: pd.DataFrame, e: pd.DataFrame, items: list[Hashable]) -> None:
    for frame, name in ((p, "perceptions"), (e, "expectations")):
        duplicated = frame.columns[frame.columns.duplicated()].unique()
        if len(duplicated):
            raise ValueError(f"{name} has duplicate columns: {describe_rows(duplicated)}")
    p_columns, e_columns, item_set = list(p.columns), list(e.columns), set(items)
    p_set, e_set = set(p_columns), set(e_columns)
    only_p = [c for c in p_columns if c not in e_set]
    only_e = [c for c in e_columns if c not in p_set]
    if only_p or only_e:
        parts = [
            f"only in {name}: {cols}"
            for name, cols in (("perceptions", only_p), ("expectations", only_e))
            if cols
        ]
        raise ValueError(
            "perceptions and expectations must have the same columns; " + "; ".join(parts)
        )
    missing = [item for item in items if item not in p_set]
    if missing:
        raise ValueError(
            f"perceptions and expectations have no columns {describe_rows(missing)}, which "
            f"dimension_of assigns to dimensions (columns: {p_columns})"
        )
    unassigned = [c for c in p_columns if c not in item_set]
    if unassigned:
        raise ValueError(
            f"columns {describe_rows(unassigned)} of perceptions and expectations belong to no "
            "dimension; add them to dimension_of, or drop them (an id column belongs in the index)"
        )
    if p.shape != e.shape:
        raise ValueError(
            f"perceptions has shape {p.shape} but expectations has shape {e.shape}: "
            "give both answers of the same respondents"
        )
    if p.index.equals(e.index):
        return
    only_p_rows = p.index.difference(e.index, sort=False)
    only_e_rows = e.index.difference(p.index, sort=False)
    if len(only_p_rows) or len(only_e_rows):
        parts = [
            f"rows {describe_rows(rows)} only in {name}"
            for name, rows in (("perceptions", only_p_rows), ("expectations", only_e_rows))
            if len(rows)
        ]
        raise ValueError(
            "perceptions and expectations must have the same respondents (index labels); "
            + "; ".join(parts)
        )


def _weights(weights: Mapping[str, float] | pd.Series, dimensions: list[str]) -> np.ndarray:
    if isinstance(weights, pd.DataFrame) or not isinstance(weights, (Mapping, pd.Series)):
        raise TypeError(
            f"weights must be a mapping dimension -> weight, got {type(weights).__name__}"
        )
    pairs = list(weights.items())
    names = []
    for key, _ in pairs:
        if not isinstance(key, str):
            raise TypeError(f"weights has key {key!r}; dimension names must be strings")
        names.append(_dimension_name(key))
    given = pd.Series(
        [value for _, value in pairs], index=pd.Index(names, dtype=object), dtype=object
    )
    duplicated = given.index[given.index.duplicated()].unique()
    if len(duplicated):
        raise ValueError(f"weights gives dimensions more than once: {describe_rows(duplicated)}")
    missing = [d for d in dimensions if d not in set(given.index)]
    extra = [d for d in given.index if d not in set(dimensions)]
    if missing or extra:
        parts = [
            f"{what} {names}"
            for what, names in (("no weight for", missing), ("unknown dimensions", extra))
            if names
        ]
        raise ValueError(
            f"weights must have one weight per dimension {dimensions}; " + "; ".join(parts)
        )
    values = numeric_values(given, "weights")
    total = float(values.sum())
    if total <= 0:
        raise ValueError("weights add up to 0; give at least one dimension a positive weight")
    return values.reindex(dimensions).to_numpy() / total


def servqual_gaps(
    perceptions: pd.DataFrame,
    expectations: pd.DataFrame,
    dimension_of: Mapping[Hashable, str] | pd.Series | None = None,
    weights: Mapping[str, float] | pd.Series | None = None,
) -> pd.DataFrame:
    """SERVQUAL perception, expectation and gap (P - E) per dimension and overall.

    Parameters
    ----------
    perceptions, expectations : DataFrame
        One row per respondent, one column per item, numeric ratings (typically 1-7), no
        missing values. Both frames must have the same columns (in any order) and the same
        respondents (index labels, in any order).
    dimension_of : mapping or Series, optional
        Item (column) -> dimension. Defaults to :data:`SERVQUAL_ITEMS`, the 22-item assignment of
        Parasuraman, Zeithaml & Berry (1988): tangibles q1-q4, reliability q5-q9,
        responsiveness q10-q13, assurance q14-q17, empathy q18-q22. A custom mapping may use
        fewer items or other dimensions; the five standard dimensions may be named in Chinese
        (有形性 ...) and come out in English, other names are kept. Every column must be mapped.
    weights : mapping or Series, optional
        Dimension -> importance weight (non-negative, not all zero), one per dimension; they are
        normalised to add up to 1. Without weights, ``overall`` is the unweighted mean of the
        dimensions.

    Returns
    -------
    DataFrame
        A new frame indexed by dimension (index name ``"dimension"``: the dimensions in the
        order they first appear in ``dimension_of``, then ``"overall"``), with float columns

        - ``perception``: mean perception over respondents and the dimension's items;
        - ``expectation``: mean expectation, likewise;
        - ``gap``: ``perception - expectation`` (negative: service below expectations).

        The ``overall`` row is the (weighted) mean of the dimension rows, so its gap is the
        (weighted) mean of the dimension gaps. It is not the mean over all items, which would
        give dimensions with more items more weight.

    Raises
    ------
    TypeError
        If a frame is not a DataFrame or holds non-numeric cells (the message names the frame,
        the column and the rows).
    ValueError
        On mismatched columns, shapes or respondents, missing or infinite cells, a column in no
        dimension, an item of ``dimension_of`` missing from the frames, or bad ``weights``.

    References
    ----------
    .. [1] Parasuraman, A., Zeithaml, V. A., & Berry, L. L. (1988). SERVQUAL: A multiple-item
       scale for measuring consumer perceptions of service quality. *Journal of Retailing*,
       64(1), 12-40. (The 22 items, the five dimensions and the P - E gap score.)
    .. [2] Zeithaml, V. A., Parasuraman, A., & Berry, L. L. (1990). *Delivering Quality
       Service: Balancing Customer Perceptions and Expectations*. New York: Free Press.
       (Unweighted and importance-weighted overall SERVQUAL scores.)

    Examples
    --------
    Two respondents, two dimensions of two items each:

    >>> items = {"t1": "有形性", "t2": "有形性", "r1": "reliability", "r2": "reliability"}
    >>> p = pd.DataFrame({"t1": [6, 5], "t2": [5, 6], "r1": [4, 4], "r2": [3, 5]})
    >>> e = pd.DataFrame({"t1": [6, 6], "t2": [6, 6], "r1": [7, 6], "r2": [6, 7]})
    >>> servqual_gaps(p, e, dimension_of=items)
                 perception  expectation  gap
    dimension
    tangibles          5.50         6.00 -0.5
    reliability        4.00         6.50 -2.5
    overall            4.75         6.25 -1.5

    Reliability weighted three times as much as tangibles: 0.25 * -0.5 + 0.75 * -2.5 = -2.0.

    >>> servqual_gaps(p, e, items, weights={"tangibles": 1, "reliability": 3}).loc["overall", "gap"]
    np.float64(-2.0)
    """
    p = require_frame(perceptions, "perceptions")
    e = require_frame(expectations, "expectations")
    mapping = _dimension_map(dimension_of)
    items = list(mapping)
    _check_pair(p, e, items)
    p_values = _numeric_frame(p[items], "perceptions")
    e_values = _numeric_frame(e[items], "expectations")

    p_array, e_array = p_values.to_numpy(), e_values.to_numpy()
    dimensions = list(dict.fromkeys(mapping.values()))
    rows = []
    for dimension in dimensions:
        positions = [k for k, item in enumerate(items) if mapping[item] == dimension]
        perception = float(p_array[:, positions].mean())
        expectation = float(e_array[:, positions].mean())
        rows.append([perception, expectation, perception - expectation])
    table = np.array(rows, dtype="float64")
    if weights is None:
        share = np.full(len(dimensions), 1.0 / len(dimensions))
    else:
        share = _weights(weights, dimensions)
    overall = share @ table
    index = pd.Index([*dimensions, _OVERALL], name="dimension")
    return pd.DataFrame(np.vstack([table, overall]), index=index, columns=_COLUMNS)
