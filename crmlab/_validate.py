"""Shared input checks for crmlab's analytics functions.

Every public function validates its input with these helpers, so that bad input raises a
``ValueError`` or ``TypeError`` that names the argument, the column and the offending rows,
and never returns a half-computed result. None of them modifies its argument.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np
import pandas as pd

_MAX_SHOWN = 5


def describe_rows(index: Iterable[Hashable]) -> str:
    """Return a short, readable list of row labels for an error message.

    >>> describe_rows(["a", "b"])
    "['a', 'b']"
    >>> describe_rows(range(8))
    '[0, 1, 2, 3, 4, ... (8 rows)]'
    """
    labels = list(index)
    if len(labels) <= _MAX_SHOWN:
        return repr(labels)
    shown = ", ".join(repr(x) for x in labels[:_MAX_SHOWN])
    return f"[{shown}, ... ({len(labels)} rows)]"


def require_frame(data: object, argument: str = "data") -> pd.DataFrame:
    """Check that ``data`` is a non-empty DataFrame and return it.

    >>> require_frame(pd.DataFrame({"x": [1]})).shape
    (1, 1)
    >>> require_frame([1, 2])
    Traceback (most recent call last):
    TypeError: data must be a pandas DataFrame, got list
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{argument} must be a pandas DataFrame, got {type(data).__name__}")
    if len(data) == 0:
        raise ValueError(f"{argument} has no rows")
    return data


def require_columns(data: pd.DataFrame, columns: Sequence[Hashable], argument: str = "data") -> None:
    """Raise ``ValueError`` naming every column of ``columns`` missing from ``data``.

    >>> require_columns(pd.DataFrame({"sales": [1]}), ["sales", "region"])
    Traceback (most recent call last):
    ValueError: data has no column 'region' (columns: ['sales'])
    """
    missing = [c for c in columns if c not in data.columns]
    if missing:
        names = ", ".join(repr(c) for c in missing)
        plural = "columns" if len(missing) > 1 else "column"
        raise ValueError(f"{argument} has no {plural} {names} (columns: {list(data.columns)})")


def numeric_values(
    values: pd.Series,
    name: str,
    *,
    allow_negative: bool = False,
    allow_nan: bool = False,
) -> pd.Series:
    """Return ``values`` as float64, or raise naming the column and the offending rows.

    Strings that are not numbers, missing values (unless ``allow_nan``) and negative values
    (unless ``allow_negative``) are rejected. The input is not modified.

    >>> numeric_values(pd.Series([1, 2], index=["a", "b"]), "sales").tolist()
    [1.0, 2.0]
    >>> numeric_values(pd.Series([1.0, -2.0], index=["a", "b"]), "sales")
    Traceback (most recent call last):
    ValueError: column 'sales' has negative values in rows ['b']
    """
    if isinstance(values.dtype, pd.CategoricalDtype) or values.dtype == bool:
        raise TypeError(f"column {name!r} must be numeric, got dtype {values.dtype}")
    if not pd.api.types.is_numeric_dtype(values.dtype):
        converted = pd.to_numeric(values, errors="coerce")
        bad = values.index[converted.isna() & values.notna()]
        if len(bad):
            raise TypeError(
                f"column {name!r} must be numeric; rows {describe_rows(bad)} hold "
                f"{describe_rows(values.loc[bad].unique())}"
            )
        values = converted
    out = values.astype("float64")
    if not allow_nan:
        missing = out.index[out.isna()]
        if len(missing):
            raise ValueError(f"column {name!r} has missing values in rows {describe_rows(missing)}")
    infinite = out.index[np.isinf(out.to_numpy())]
    if len(infinite):
        raise ValueError(f"column {name!r} has infinite values in rows {describe_rows(infinite)}")
    if not allow_negative:
        negative = out.index[out.to_numpy() < 0]
        if len(negative):
            raise ValueError(f"column {name!r} has negative values in rows {describe_rows(negative)}")
    return out


def require_unique(values: pd.Series | pd.Index, name: str) -> None:
    """Raise ``ValueError`` naming the duplicated keys.

    >>> require_unique(pd.Index(["a", "b", "a"]), "customer")
    Traceback (most recent call last):
    ValueError: customer has duplicate keys: ['a']
    """
    duplicated = pd.Index(values)[pd.Index(values).duplicated()].unique()
    if len(duplicated):
        raise ValueError(f"{name} has duplicate keys: {describe_rows(duplicated)}")


def require_probability(value: float, name: str, *, closed: bool = True) -> float:
    """Check that ``value`` is a number in [0, 1] (or (0, 1) when ``closed`` is False).

    >>> require_probability(0.8, "retention")
    0.8
    >>> require_probability(1.2, "retention")
    Traceback (most recent call last):
    ValueError: retention must be between 0 and 1, got 1.2
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    value = float(value)
    ok = 0.0 <= value <= 1.0 if closed else 0.0 < value < 1.0
    if not ok or np.isnan(value):
        bounds = "between 0 and 1" if closed else "strictly between 0 and 1"
        raise ValueError(f"{name} must be {bounds}, got {value:g}")
    return value
