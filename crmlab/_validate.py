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


def require_columns(
    data: pd.DataFrame, columns: Sequence[Hashable], argument: str = "data"
) -> None:
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
            raise ValueError(
                f"column {name!r} has negative values in rows {describe_rows(negative)}"
            )
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


def require_integer(value: object, name: str, *, minimum: int = 0) -> int:
    """Check that ``value`` is a whole number (not a bool) of at least ``minimum``; return it as int.

    >>> require_integer(3, "periods")
    3
    >>> require_integer(2.5, "periods")
    Traceback (most recent call last):
    TypeError: periods must be an integer, got float 2.5
    >>> require_integer(-1, "periods")
    Traceback (most recent call last):
    ValueError: periods must be at least 0, got -1
    """
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
    value = int(value)
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return value


def require_number(
    value: object,
    name: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    strict: bool = False,
) -> float:
    """Check that ``value`` is a finite real number within the bounds; return it as float.

    ``strict`` makes both bounds exclusive.

    >>> require_number(0.1, "discount", minimum=0)
    0.1
    >>> require_number(-0.1, "discount", minimum=0)
    Traceback (most recent call last):
    ValueError: discount must be at least 0, got -0.1
    >>> require_number("high", "cut")
    Traceback (most recent call last):
    TypeError: cut must be a number, got str 'high'
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__} {value!r}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    if minimum is not None and (value <= minimum if strict else value < minimum):
        word = "greater than" if strict else "at least"
        raise ValueError(f"{name} must be {word} {minimum:g}, got {value:g}")
    if maximum is not None and (value >= maximum if strict else value > maximum):
        word = "less than" if strict else "at most"
        raise ValueError(f"{name} must be {word} {maximum:g}, got {value:g}")
    return value


_NUMERIC_KINDS = {
    "integer",
    "floating",
    "mixed-integer",
    "mixed-integer-float",
    "decimal",
    "boolean",
}


def datetime_values(values: pd.Series, name: str, *, date_format: str | None = None) -> pd.Series:
    """Return ``values`` as tz-naive datetime64, or raise naming the column and the offending rows.

    Datetime columns pass through (a time zone is dropped, keeping the wall-clock time); strings
    and ``datetime.date`` objects are parsed with :func:`pandas.to_datetime`, using
    ``date_format`` when given and otherwise the format inferred from the first value. Numbers
    and booleans are rejected (``pd.to_datetime`` would read them as nanoseconds since 1970), as
    are missing values and strings that do not parse. The input is not modified.

    >>> datetime_values(pd.Series(["2024-01-05", "2024-02-29"]), "date").dt.day.tolist()
    [5, 29]
    >>> datetime_values(pd.Series(["2024-01-05", "2024-02-30"], index=["a", "b"]), "date")
    Traceback (most recent call last):
    ValueError: column 'date' has values that do not parse as dates in rows ['b']: ['2024-02-30'] ...
    >>> datetime_values(pd.Series([20240105, 20240229]), "date")
    Traceback (most recent call last):
    TypeError: column 'date' must hold dates, got dtype int64; convert it first...
    """
    dtype = values.dtype
    hint = "; convert it first, e.g. pd.to_datetime(column.astype(str), format='%Y%m%d')"
    if isinstance(dtype, pd.DatetimeTZDtype):
        out = values.dt.tz_localize(None)
    elif pd.api.types.is_datetime64_dtype(dtype):
        out = values
    elif (
        pd.api.types.is_bool_dtype(dtype)
        or pd.api.types.is_numeric_dtype(dtype)
        or pd.api.types.is_timedelta64_dtype(dtype)
        or isinstance(dtype, pd.PeriodDtype)
    ):
        raise TypeError(f"column {name!r} must hold dates, got dtype {dtype}{hint}")
    else:
        raw = values.astype(object) if isinstance(dtype, pd.CategoricalDtype) else values
        kind = pd.api.types.infer_dtype(raw, skipna=True)
        if kind in _NUMERIC_KINDS:
            numbers = raw.map(lambda v: isinstance(v, (int, float, np.number)), na_action="ignore")
            bad = raw.index[numbers.fillna(False).astype(bool).to_numpy()]
            raise TypeError(
                f"column {name!r} must hold dates; rows {describe_rows(bad)} hold numbers "
                f"{describe_rows(raw.loc[bad].unique())}{hint}"
            )
        try:
            out = pd.to_datetime(raw, errors="coerce", format=date_format)
        except (TypeError, ValueError) as err:  # e.g. mixed time zones
            raise ValueError(f"column {name!r} does not parse as dates: {err}") from None
        if isinstance(out.dtype, pd.DatetimeTZDtype):
            out = out.dt.tz_localize(None)
        if not pd.api.types.is_datetime64_dtype(out.dtype):
            raise ValueError(f"column {name!r} does not parse as dates (got dtype {out.dtype})")
        bad = values.index[(out.isna() & values.notna()).to_numpy()]
        if len(bad):
            how = f"format {date_format!r}" if date_format else "the format of its first value"
            raise ValueError(
                f"column {name!r} has values that do not parse as dates in rows "
                f"{describe_rows(bad)}: {describe_rows(values.loc[bad].unique())} (parsed with "
                f"{how}; pass date_format, e.g. 'ISO8601' or 'mixed', or clean the column)"
            )
    missing = values.index[out.isna().to_numpy()]
    if len(missing):
        raise ValueError(f"column {name!r} has missing values in rows {describe_rows(missing)}")
    return out


def customer_codes(values: pd.Series, name: str) -> tuple[np.ndarray, pd.Index]:
    """Number the customers of a column 0, 1, 2 ... in the order of their ids.

    Returns ``(codes, ids)``: ``codes[i]`` is the position of row ``i``'s customer in ``ids``, a
    string Index (named ``name``) of the distinct ids in ascending order. Numeric ids sort
    numerically and are then written as strings (``7`` becomes ``"7"``); string ids sort by
    code point, as Python does. Missing ids raise ``ValueError`` naming the rows. The input is
    not modified.

    >>> codes, ids = customer_codes(pd.Series(["b", "a", "b"]), "customer")
    >>> codes.tolist(), ids.tolist()
    ([1, 0, 1], ['a', 'b'])
    >>> customer_codes(pd.Series([10, 9, 10]), "customer")[1].tolist()
    ['9', '10']
    >>> customer_codes(pd.Series(["a", None], index=["r1", "r2"]), "customer")
    Traceback (most recent call last):
    ValueError: column 'customer' has missing values in rows ['r2']
    """
    dtype = values.dtype
    as_object = isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(dtype)
    array = values.to_numpy(dtype=object) if as_object else values.to_numpy()
    codes, uniques = pd.factorize(array)
    if (codes < 0).any():
        raise ValueError(
            f"column {name!r} has missing values in rows {describe_rows(values.index[codes < 0])}"
        )
    uniques = np.asarray(uniques)
    all_strings = uniques.dtype == object and pd.api.types.infer_dtype(uniques) == "string"
    if all_strings:
        # numpy's variable-width strings compare by code point, like Python, but in C
        order = np.argsort(uniques.astype(np.dtypes.StringDType()), kind="stable")
    else:
        try:
            order = np.argsort(uniques, kind="stable")
        except TypeError:  # ids of mixed types: sort their string forms
            order = np.argsort(uniques.astype(str), kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    ordered = uniques[order] if all_strings else uniques[order].astype(str)
    ids = pd.Index(ordered, dtype="str", name=name)
    if not all_strings and not ids.is_unique:
        raise ValueError(
            f"column {name!r} has ids that differ only in type and become the same string: "
            f"{describe_rows(ids[ids.duplicated()].unique())}"
        )
    return rank[codes].astype(np.intp, copy=False), ids


def date_scalar(value: object, name: str) -> pd.Timestamp:
    """Parse one date argument (string, Timestamp, datetime or date) to a tz-naive Timestamp.

    A time zone is dropped (keeping the wall-clock time). Numbers are rejected, as
    :func:`datetime_values` rejects them.

    >>> date_scalar("2024-03-31", "observation_end")
    Timestamp('2024-03-31 00:00:00')
    >>> date_scalar("2024-02-30", "observation_end")
    Traceback (most recent call last):
    ValueError: observation_end '2024-02-30' does not parse as a date
    """
    if value is None or isinstance(value, (bool, int, float, np.number)):
        raise TypeError(
            f"{name} must be a date (string, Timestamp or datetime), "
            f"got {type(value).__name__} {value!r}"
        )
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} {value!r} does not parse as a date") from None
    if pd.isna(stamp):
        raise ValueError(f"{name} is missing (NaT)")
    if stamp.tz is not None:
        stamp = stamp.tz_localize(None)
    return stamp


def renamed(func: str, old: str, new: str, old_value: object, new_value: object) -> object:
    """Resolve a renamed keyword argument: warn when the old name is used, refuse both.

    ``old_value`` is what the caller passed under the old name (``None`` when not passed).

    >>> renamed("f", "key", "customer", None, "id")
    'id'
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     renamed("f", "key", "customer", "id", None)
    ...     print(caught[0].category.__name__, caught[0].message)
    'id'
    FutureWarning f(key=...) is now f(customer=...); the old name will be removed in crmlab 0.3
    >>> renamed("f", "key", "customer", "id", "id")
    Traceback (most recent call last):
    TypeError: f() got both customer= and its old name key=; pass customer= only
    """
    if old_value is None:
        return new_value
    if new_value is not None:
        raise TypeError(f"{func}() got both {new}= and its old name {old}=; pass {new}= only")
    import warnings

    warnings.warn(
        f"{func}({old}=...) is now {func}({new}=...); the old name will be removed in crmlab 0.3",
        FutureWarning,
        stacklevel=3,
    )
    return old_value


def random_generator(seed: object, name: str = "seed") -> np.random.Generator:
    """The random generator for ``seed``: crmlab draws random numbers only from explicit seeds.

    Every function of crmlab that draws takes ``seed=0`` by default (one default everywhere), an
    integer >= 0 or a :class:`numpy.random.Generator`; ``None`` (fresh entropy) is refused, so
    that stored outputs always reproduce.

    >>> float(random_generator(0).random()) == float(random_generator(0).random())
    True
    >>> random_generator(None)
    Traceback (most recent call last):
    TypeError: seed must be an integer >= 0 or a numpy Generator (crmlab draws only from explicit seeds), got None
    """
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None:
        raise TypeError(
            f"{name} must be an integer >= 0 or a numpy Generator (crmlab draws only from"
            " explicit seeds), got None"
        )
    return np.random.default_rng(require_integer(seed, name, minimum=0))


def day_numbers(stamps: np.ndarray) -> np.ndarray:
    """Whole days since 1970-01-01 (floored) of a datetime64 array, in any unit.

    >>> day_numbers(np.array(["1970-01-02T23:00", "1969-12-31T12:00"], dtype="datetime64[m]"))
    array([ 1, -1])
    """
    unit = np.datetime_data(stamps.dtype)[0]
    per_day = int(np.timedelta64(1, "D") // np.timedelta64(1, unit))
    return stamps.view(np.int64) // per_day


def last_day(observation_end: object, days: np.ndarray) -> int:
    """The last day of an observation window, as days since 1970-01-01 (time of day dropped).

    ``None`` means the last day in ``days``; anything else is parsed by :func:`date_scalar`.

    >>> last_day("1970-01-03 18:00", np.array([0, 1]))
    2
    >>> last_day(None, np.array([0, 1]))
    1
    """
    if observation_end is None:
        return int(days.max())
    stamp = date_scalar(observation_end, "observation_end")
    return int(stamp.to_datetime64().astype("datetime64[D]").astype(np.int64))
