"""The schema engine: how a data file is declared, found, parsed and checked.

A :class:`Schema` declares one data file once: its columns (:class:`Column`: name, type, unit,
allowed values, meaning in English and Chinese), rows, key, checksum, source and licence. The
loaders check a file against it (:func:`read_schema`), the generators write through it and the
data dictionary (``datasets/README.md``) is rendered from it.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from string import Template

import numpy as np
import pandas as pd


class DatasetError(ValueError):
    """A data file is missing, truncated or does not match its schema."""


@cache
def data_dir() -> Path:
    """The folder that holds the data files.

    In a wheel the files travel inside the package (``crmlab/_data/datasets``); in a source
    checkout or an editable install they are the repository's ``datasets/`` folder.

    Examples
    --------
    >>> (data_dir() / "distributors.csv").is_file()
    True
    """
    package = Path(__file__).resolve().parent.parent  # crmlab/
    packaged = package / "_data" / "datasets"
    if packaged.is_dir():
        return packaged
    return package.parent / "datasets"


def data_path(filename: str) -> Path:
    """Path of a file in the data folder; raises :class:`DatasetError` when it is missing.

    >>> data_path("distributors.csv").name
    'distributors.csv'
    """
    path = data_dir() / filename
    if not path.is_file():
        raise DatasetError(f"data file {filename!r} is missing from {data_dir()}")
    return path


# --------------------------------------------------------------------------------------------
# declarations
# --------------------------------------------------------------------------------------------

_BASE_TYPES = ("string", "float", "int", "date")
GLOSSARY = "glossary"  # the allowed values of a category column: its glossary group's labels


@dataclass(frozen=True)
class Column:
    """One column of a data file, as the data dictionary's column table lists it.

    ``type`` is ``"string"``, ``"float"``, ``"int"``, ``"date"`` (ISO ``YYYY-MM-DD``;
    ``"date:%Y%m%d"`` for another layout) or ``"category:<glossary group>"`` (ordered labels,
    English in the file); a trailing ``"?"`` allows empty values. ``allowed`` is ``"any"``, a
    list ``"a, b, c"``, an inclusive range ``"lo..hi"`` of numbers or ISO dates (either end may
    be open) or ``"/regex/"`` that the whole value must match; a category column's allowed
    values are its glossary group's labels, written ``"glossary"``. ``unit`` is ``"–"`` for
    none.

    Examples
    --------
    >>> Column("sales", "float", "yuan", "0..", "yearly sales", "年销售额").checked
    True
    >>> Column("sales", "number", "yuan", "0..", "yearly sales", "年销售额")
    Traceback (most recent call last):
    ...
    ValueError: column 'sales': unknown type 'number' ...
    """

    name: str
    type: str
    unit: str
    allowed: str
    meaning: str
    meaning_zh: str

    def __post_init__(self) -> None:
        base = self.type.removesuffix("?")
        known = base in _BASE_TYPES or base.startswith(("date:", "category:"))
        if not known:
            raise ValueError(
                f"column {self.name!r}: unknown type {self.type!r} (one of {', '.join(_BASE_TYPES)}, "
                "date:<format> or category:<glossary group>, with ? when it may be empty)"
            )
        if base.startswith("category:") != (self.allowed == GLOSSARY):
            raise ValueError(
                f"column {self.name!r}: allowed {self.allowed!r}: a category column takes its "
                f"values from the glossary (write {GLOSSARY!r}), and only a category column does"
            )
        if not (self.name and self.unit and self.allowed and self.meaning and self.meaning_zh):
            raise ValueError(f"column {self.name!r}: every field must be filled (– for no unit)")

    @property
    def checked(self) -> bool:
        """Whether the loader checks the values against ``allowed`` (not ``any`` or glossary)."""
        return self.allowed not in ("any", GLOSSARY)


_COLUMN_FIELDS = ("name", "type", "unit", "allowed", "meaning", "含义")


def table_rows(text: str, fields: tuple[str, ...], **values: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a table written one line per row, with the given ``fields`` in order.

    Fields are separated by ``" | "`` (a ``|`` with a blank on each side), so a ``|`` inside a
    field (a regex, an example) needs no escaping; blank lines are skipped and fields stripped.
    With ``values``, ``$name`` in the text stands for ``values[name]`` (e.g. the allowed values
    that a design table defines), so that a list is written once.

    Examples
    --------
    >>> table_rows('''
    ...     q1 | tangibles | modern-looking equipment
    ...     q5 | reliability | does what it promises
    ... ''', ("item", "dimension", "statement_en"))
    (('q1', 'tangibles', 'modern-looking equipment'), ('q5', 'reliability', 'does what it promises'))
    >>> table_rows("q1 | tangibles", ("item", "dimension", "statement_en"))
    Traceback (most recent call last):
    ...
    ValueError: line 'q1 | tangibles' has 2 fields, expected 3: item | dimension | statement_en
    """
    if values:
        text = Template(text).substitute(values)
    rows = []
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        row = tuple(f.strip() for f in line.split(" | "))
        if len(row) != len(fields):
            raise ValueError(
                f"line {line!r} has {len(row)} fields, expected {len(fields)}: {' | '.join(fields)}"
            )
        rows.append(row)
    return tuple(rows)


def column_table(text: str, **values: str) -> tuple[Column, ...]:
    """Columns declared as a table, one line each: ``name | type | unit | allowed | meaning | 含义``.

    See :func:`table_rows` for the layout and ``$name`` values.

    Examples
    --------
    >>> cols = column_table('''
    ...     step | int | – | 1..3 | position in the chain | 链条中的位置
    ...     item | string | – | /(sw|sv)[1-4]/ | item | 题项
    ... ''')
    >>> [(c.name, c.allowed) for c in cols]
    [('step', '1..3'), ('item', '/(sw|sv)[1-4]/')]
    >>> column_table("city | string | – | $cities | city | 城市", cities="Beijing, Chengdu")[0].allowed
    'Beijing, Chengdu'
    """
    return tuple(Column(*row) for row in table_rows(text, _COLUMN_FIELDS, **values))


@dataclass(frozen=True)
class Schema:
    """What a data file must hold, and what the data dictionary says about it: declared once.

    ``spec`` lists the columns in file order (:class:`Column`); ``columns`` (name to type) and
    ``allowed`` (name to allowed values, for the columns whose values are checked) are derived
    from it. ``key`` names columns whose combination is unique. ``format`` is ``"csv"`` (UTF-8,
    a header line) or ``"whitespace"`` (fields separated by blanks, ``header`` gives the
    expected first line's words or ``None`` when there is none). ``sha256`` is the checksum of
    the committed file, and ``seed`` and ``n`` the arguments of the generator that wrote a
    synthetic file. ``kind`` is ``"quoted"``, ``"real"`` or ``"synthetic"``; ``loader`` the call
    that loads the file (``load_x()``); ``description``, ``description_zh``, ``source`` and
    ``licence`` are the data dictionary's words about the file.

    Examples
    --------
    >>> schema = Schema(
    ...     file="chain.csv",
    ...     spec=(Column("step", "int", "–", "1..3", "position", "位置"),),
    ...     rows=3,
    ...     description="a chain",
    ... )
    >>> schema.columns, schema.allowed
    ({'step': 'int'}, {'step': '1..3'})
    """

    file: str
    spec: tuple[Column, ...]
    rows: int | None
    description: str
    description_zh: str = ""
    source: str = ""
    licence: str = ""
    index: str | None = None
    kind: str = "quoted"
    loader: str = ""
    key: tuple[str, ...] = ()
    sha256: str | None = None
    seed: int | None = None
    n: int | None = None
    format: str = "csv"
    header: tuple[str, ...] | None = None
    columns: dict[str, str] = field(init=False)
    allowed: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        names = [c.name for c in self.spec]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.file}: a column is declared twice: {names}")
        if not set(self.key) <= set(names):
            raise ValueError(f"{self.file}: key {self.key} names unknown columns")
        object.__setattr__(self, "columns", {c.name: c.type for c in self.spec})
        object.__setattr__(self, "allowed", {c.name: c.allowed for c in self.spec if c.checked})


# --------------------------------------------------------------------------------------------
# reading and checking
# --------------------------------------------------------------------------------------------


def base_type(kind: str) -> tuple[str, bool]:
    """Split a column type into its base and whether empty values are allowed."""
    return (kind[:-1], True) if kind.endswith("?") else (kind, False)


def _lines(index: pd.Index, offset: int) -> list[int]:
    return [int(i) + offset for i in index[:5]]


def _values(raw: pd.Series, index: pd.Index) -> list[str]:
    return [str(v) for v in raw[index[:5]]]


def _convert(frame: pd.DataFrame, schema: Schema, offset: int = 2) -> pd.DataFrame:
    """Type the raw text columns of ``frame`` as the schema says; ``offset`` maps rows to lines."""
    out = {}
    for column, kind in schema.columns.items():
        raw = frame[column]
        base, nullable = base_type(kind)
        where = f"{schema.file}, column {column!r}"
        missing = raw.isna()
        if missing.any() and not nullable:
            bad = raw.index[missing]
            raise DatasetError(f"{where}: empty values on lines {_lines(bad, offset)}")
        if base == "string":
            out[column] = raw.astype("str")
        elif base in ("float", "int"):
            if base == "int":
                ok = raw.str.fullmatch(r"[+-]?\d+").fillna(False).astype(bool)
                bad = raw.index[~ok & ~missing]
                if len(bad):
                    raise DatasetError(
                        f"{where}: not a whole number on lines {_lines(bad, offset)}: {_values(raw, bad)}"
                    )
            values = pd.to_numeric(raw, errors="coerce")
            bad = raw.index[values.isna() & ~missing]
            if len(bad):
                raise DatasetError(
                    f"{where}: not a number on lines {_lines(bad, offset)}: {_values(raw, bad)}"
                )
            if base == "float":
                out[column] = values.astype("float64")
            else:
                out[column] = values.astype("Int64" if nullable else "int64")
        elif base == "date" or base.startswith("date:"):
            fmt = "%Y-%m-%d" if base == "date" else base.split(":", 1)[1]
            values = pd.to_datetime(raw, format=fmt, errors="coerce")
            bad = raw.index[values.isna() & ~missing]
            if len(bad):
                shown = "YYYY-MM-DD" if base == "date" else fmt
                raise DatasetError(
                    f"{where}: not a {shown} date on lines {_lines(bad, offset)}: {_values(raw, bad)}"
                )
            out[column] = values
        elif base.startswith("category:"):
            from crmlab.glossary import ordered_dtype

            dtype = ordered_dtype(base.split(":", 1)[1])
            bad = raw.index[~raw.isin(list(dtype.categories)) & ~missing]
            if len(bad):
                raise DatasetError(
                    f"{where}: unknown labels on lines {_lines(bad, offset)}: {_values(raw, bad)}"
                )
            out[column] = raw.astype(dtype)
        else:  # pragma: no cover - Column refuses unknown types
            raise AssertionError(f"unknown column type {kind!r} in schema of {schema.file}")
    return pd.DataFrame(out, index=frame.index)


def _check_allowed(frame: pd.DataFrame, schema: Schema, offset: int) -> None:
    """Check the typed ``frame`` against ``schema.allowed`` and ``schema.key``."""
    for column, spec in schema.allowed.items():
        values = frame[column]
        present = values.notna()
        where = f"{schema.file}, column {column!r}"
        if spec.startswith("/") and spec.endswith("/"):
            ok = values.astype("str").str.fullmatch(spec[1:-1]).fillna(False).astype(bool)
            rule = f"match {spec}"
        elif ".." in spec:
            low, high = spec.split("..")
            is_date = pd.api.types.is_datetime64_any_dtype(values)
            convert: Callable[[str], object] = pd.Timestamp if is_date else float
            ok = pd.Series(True, index=values.index)
            if low:
                ok &= values >= convert(low)
            if high:
                ok &= values <= convert(high)
            ok = ok.fillna(False).astype(bool)
            rule = f"lie in {spec}"
        else:
            choices = [c.strip() for c in spec.split(",")]
            ok = values.astype("str").isin(choices)
            rule = f"be one of {choices}"
        bad = values.index[present & ~ok]
        if len(bad):
            raise DatasetError(
                f"{where}: values on lines {_lines(bad, offset)} must {rule}, got {_values(values, bad)}"
            )
    if schema.key:
        dup = frame.duplicated(list(schema.key), keep="first")
        if dup.any():
            bad = frame.index[dup]
            raise DatasetError(
                f"{schema.file}: duplicate {'/'.join(schema.key)} on lines {_lines(bad, offset)}"
            )


def _split_rows(text: str, schema: Schema) -> tuple[list[str] | None, list[list[str]], int]:
    """Split ``text`` into header and rows of fields; checks that every row has all its fields."""
    width = len(schema.columns)
    if schema.format == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header, body, first = (rows[0] if rows else None), rows[1:], 2
    elif schema.format == "whitespace":
        rows = [line.split() for line in text.splitlines()]
        if schema.header is None:
            header, body, first = None, rows, 1
        else:
            header, body, first = (rows[0] if rows else None), rows[1:], 2
    else:  # pragma: no cover - a schema error
        raise AssertionError(f"unknown format {schema.format!r} of {schema.file}")
    for number, row in enumerate(body, start=first):
        if len(row) != width:
            raise DatasetError(
                f"{schema.file}: line {number} has {len(row)} fields, expected {width} "
                "(the file is truncated or corrupted)"
            )
    return header, body, first


def parse(text: str, schema: Schema, *, check_rows: bool = True) -> pd.DataFrame:
    """Parse and check the text of a data file; returns the typed frame.

    >>> schema = Schema("chain.csv", column_table("step | int | – | 1..3 | position | 位置"), 2, "")
    >>> parse("step\\n1\\n2\\n", schema)["step"].tolist()
    [1, 2]
    >>> parse("step\\n1\\n9\\n", schema)
    Traceback (most recent call last):
    ...
    crmlab.datasets.DatasetError: chain.csv, column 'step': values on lines [3] must lie in 1..3, got ['9']
    """
    if text and not text.endswith("\n"):
        raise DatasetError(
            f"{schema.file}: the last line is incomplete (no line break at the end): "
            "the file is truncated"
        )
    header, body, first = _split_rows(text, schema)
    expected = list(schema.columns) if schema.format == "csv" else schema.header
    if expected is not None and header != list(expected):
        raise DatasetError(
            f"{schema.file}: header is {header}, expected {list(expected)}; "
            "the file is truncated, corrupted or from another version"
        )
    if check_rows and schema.rows is not None and len(body) != schema.rows:
        raise DatasetError(
            f"{schema.file}: has {len(body)} data rows, expected {schema.rows} (truncated or corrupted?)"
        )
    raw = pd.DataFrame(body, columns=list(schema.columns), dtype="str")
    raw = raw.replace("", np.nan) if len(raw) else raw
    out = _convert(raw, schema, offset=first)
    _check_allowed(out, schema, offset=first)
    if schema.index is not None:
        out = out.set_index(schema.index)
    return out


def read_schema(schema: Schema) -> pd.DataFrame:
    """Read the data file of ``schema`` and check it (see :func:`crmlab.datasets.read_table`)."""
    path = data_path(schema.file)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DatasetError(
            f"{schema.file}: is not UTF-8 text (bad byte at position {exc.start}): the file is corrupted"
        ) from exc
    out = parse(text, schema)
    if schema.sha256 is not None:
        digest = hashlib.sha256(data).hexdigest()
        if digest != schema.sha256:
            raise DatasetError(
                f"{schema.file}: content differs from the data dictionary's checksum "
                f"(sha256 {digest[:12]}..., expected {schema.sha256[:12]}...): "
                "the file was corrupted or edited"
            )
    return out
