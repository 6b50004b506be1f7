"""The catalogue of every data set the course ships: :data:`SCHEMAS`, reading by name, listing,
and rewriting the synthetic files from their recorded seed and n."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import _b2b, _cdnow, _quoted, _retail, _surveys
from ._schema import Schema, read_schema
from ._synthetic import Columns, to_csv

#: every data set, by name, in the data dictionary's order: quoted, real, synthetic
SCHEMAS: dict[str, Schema] = {
    **_quoted.SCHEMAS,
    **_cdnow.SCHEMAS,
    **_retail.SCHEMAS,
    **_surveys.SCHEMAS,
    **_b2b.SCHEMAS,
}


def read_table(name: str) -> pd.DataFrame:
    """Read and check the file of dataset ``name`` against its schema (see :data:`SCHEMAS`).

    Raises :class:`DatasetError` naming the file and the problem when the file is missing, is
    not UTF-8 text, has the wrong header, too few or too many rows or fields, values of the
    wrong type or outside their allowed values, or content that differs from the checksum
    recorded in the data dictionary.

    >>> read_table("satisfaction_chain")["change_percent"].tolist()
    [5.0, 1.3, 0.5]
    """
    if name not in SCHEMAS:
        raise KeyError(f"unknown dataset {name!r}; see list_datasets(): {sorted(SCHEMAS)}")
    return read_schema(SCHEMAS[name])


def list_datasets() -> pd.DataFrame:
    """What data the course ships: one row per dataset with its file, kind, rows and loader.

    ``kind`` is ``quoted`` (facts quoted in the lecture materials), ``real`` (CDNOW) or
    ``synthetic`` (written by a seeded generator); ``seed`` (the random seed) and ``n`` are the
    generator's arguments for synthetic files.

    >>> table = list_datasets()
    >>> "distributors" in table.index
    True
    >>> table.loc["retail_customers", ["file", "kind"]].tolist()
    ['retail_customers.csv', 'synthetic']
    >>> int(table.loc["retail_customers", "seed"]), int(table.loc["retail_customers", "n"])
    (202, 2000)
    """
    rows = [
        {
            "name": name,
            "file": s.file,
            "kind": s.kind,
            "rows": s.rows,
            "seed": s.seed,
            "n": s.n,
            "loader": s.loader,
            "description": s.description,
        }
        for name, s in SCHEMAS.items()
    ]
    frame = pd.DataFrame(rows).set_index("name")
    for column in ("rows", "seed", "n"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _synthetic_texts() -> dict[str, str]:
    """CSV text of every synthetic file, from the ``seed`` and ``n`` in :data:`SCHEMAS`."""
    tables: dict[str, Columns] = {
        **_retail.synthetic_tables(),
        **_surveys.synthetic_tables(),
        **_b2b.synthetic_tables(),
    }
    synthetic = [name for name, schema in SCHEMAS.items() if schema.kind == "synthetic"]
    if sorted(tables) != sorted(synthetic):  # pragma: no cover - a declaration error
        raise AssertionError(f"synthetic files {synthetic} but tables for {sorted(tables)}")
    return {name: to_csv(tables[name], SCHEMAS[name]) for name in synthetic}


def write_synthetic(folder: str | Path) -> list[Path]:
    """Write every synthetic data file into ``folder``, from the recorded ``seed`` and ``n``.

    This is how the committed files in ``datasets/`` were made (a test regenerates them and
    compares bytes). After changing a generator, its ``seed`` or ``n``, write into the data
    folder, update ``rows`` and ``sha256`` in the file's declaration (:data:`SCHEMAS`) and run
    ``crmlab sync-docs``, which regenerates the tables of ``datasets/README.md``.

    Returns
    -------
    list of Path
        The files written, in the order of :data:`SCHEMAS`.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_synthetic(tmp)][:3]
    ['retail_stores.csv', 'retail_customers.csv', 'retail_transactions.csv']
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    texts = _synthetic_texts()
    written = []
    for name in SCHEMAS:
        if name in texts:
            path = target / SCHEMAS[name].file
            path.write_bytes(texts[name].encode("utf-8"))
            written.append(path)
    return written
