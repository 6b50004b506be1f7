"""Loaders for the course's data files (``datasets/``) and seeded generators of synthetic data.

Every ``load_<name>()`` returns a typed DataFrame (ids as strings, money as float, dates parsed,
ordered categoricals for levels and stages) and checks the file against its declared schema
first, so a missing, truncated or corrupted file raises an error that names the file and what
is wrong instead of returning a half-loaded frame. The data dictionary is ``datasets/README.md``.

Examples
--------
>>> df = load_distributors()
>>> df.shape
(20, 2)
>>> float(df["sales"].sum())
10580.0
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

__all__ = ["DatasetError", "data_path", "list_datasets", "load_distributors"]


class DatasetError(ValueError):
    """A data file is missing, truncated or does not match its schema."""


@cache
def data_dir() -> Path:
    """The folder that holds the data files.

    In a wheel the files travel inside the package (``crmlab/_data/datasets``); in a source
    checkout or an editable install they are the repository's ``datasets/`` folder.
    """
    packaged = Path(__file__).parent / "_data" / "datasets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "datasets"


def data_path(filename: str) -> Path:
    """Path of a file in the data folder; raises :class:`DatasetError` when it is missing.

    >>> data_path("distributors.csv").name
    'distributors.csv'
    """
    path = data_dir() / filename
    if not path.is_file():
        raise DatasetError(f"data file {filename!r} is missing from {data_dir()}")
    return path


@dataclass(frozen=True)
class Schema:
    """What a CSV file must hold: its columns in order with their types, and its row count.

    Column types: ``"string"`` (ids and labels), ``"float"`` (money, shares), ``"int"``,
    ``"date"`` (ISO ``YYYY-MM-DD``), or ``"category:<glossary group>"`` for ordered labels.
    """

    file: str
    columns: dict[str, str]
    rows: int | None
    description: str
    index: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


SCHEMAS: dict[str, Schema] = {
    "distributors": Schema(
        file="distributors.csv",
        columns={"distributor": "string", "sales": "float"},
        rows=20,
        description="20 distributors a-t with yearly sales in 10k yuan (万元), the ABC worked example of seed 004",
    ),
}


def _convert(frame: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    out = {}
    for column, kind in schema.columns.items():
        raw = frame[column]
        where = f"{schema.file}, column {column!r}"
        if kind == "string":
            if raw.isna().any():
                rows = list(raw.index[raw.isna()] + 2)
                raise DatasetError(f"{where}: empty values on lines {rows[:5]}")
            out[column] = raw.astype("string")
        elif kind in ("float", "int"):
            values = pd.to_numeric(raw, errors="coerce")
            bad = raw.index[values.isna() & raw.notna()]
            if len(bad):
                raise DatasetError(
                    f"{where}: not a number on lines {list(bad[:5] + 2)}: {list(raw[bad][:5])}"
                )
            out[column] = values.astype("float64" if kind == "float" else "Int64")
        elif kind == "date":
            values = pd.to_datetime(raw, format="%Y-%m-%d", errors="coerce")
            bad = raw.index[values.isna() & raw.notna()]
            if len(bad):
                raise DatasetError(
                    f"{where}: not a YYYY-MM-DD date on lines {list(bad[:5] + 2)}: {list(raw[bad][:5])}"
                )
            out[column] = values
        elif kind.startswith("category:"):
            from crmlab.glossary import ordered_dtype

            dtype = ordered_dtype(kind.split(":", 1)[1])
            bad = raw.index[~raw.isin(dtype.categories) & raw.notna()]
            if len(bad):
                raise DatasetError(
                    f"{where}: unknown labels on lines {list(bad[:5] + 2)}: {list(raw[bad][:5])}"
                )
            out[column] = raw.astype(dtype)
        else:  # pragma: no cover - a schema error, caught by the tests
            raise AssertionError(f"unknown column type {kind!r} in schema of {schema.file}")
    return pd.DataFrame(out, index=frame.index)


def read_table(name: str) -> pd.DataFrame:
    """Read and check the CSV of dataset ``name`` against its schema (see :data:`SCHEMAS`)."""
    schema = SCHEMAS[name]
    path = data_path(schema.file)
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f), None)
    if header != list(schema.columns):
        raise DatasetError(
            f"{schema.file}: header is {header}, expected {list(schema.columns)}; "
            "the file is truncated, corrupted or from another version"
        )
    try:
        frame = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""], encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{schema.file}: cannot be parsed ({exc})") from exc
    if schema.rows is not None and len(frame) != schema.rows:
        raise DatasetError(
            f"{schema.file}: has {len(frame)} data rows, expected {schema.rows} (truncated or corrupted?)"
        )
    out = _convert(frame, schema)
    if schema.index is not None:
        out = out.set_index(schema.index)
    return out


def list_datasets() -> pd.DataFrame:
    """What data the course ships: one row per dataset with its file, rows and description.

    >>> "distributors" in list_datasets().index
    True
    """
    rows = [
        {"name": n, "file": s.file, "rows": s.rows, "description": s.description}
        for n, s in SCHEMAS.items()
    ]
    return pd.DataFrame(rows).set_index("name")


def load_distributors() -> pd.DataFrame:
    """The 20 distributors a-t of the ABC worked example (seed 004), sales in 10k yuan (万元).

    Returns
    -------
    DataFrame
        Columns ``distributor`` (string, a-t) and ``sales`` (float, 万元 per year).

    Examples
    --------
    >>> load_distributors().head(3)
      distributor  sales
    0           a  350.0
    1           b  460.0
    2           c  180.0
    """
    return read_table("distributors")
