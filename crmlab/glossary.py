"""The bilingual glossary (中英术语表): one table of English and Chinese terms.

Every English label crmlab puts in a result (``"very satisfied"``, ``"growth"``, ``"gold"`` ...)
and every key term a chapter notebook introduces has one row in ``glossary.csv`` beside this
module. Functions accept the Chinese or the English label on input and return English labels;
:func:`chinese_name` gives the Chinese name back.

Examples
--------
>>> to_english("很满意", "csm_level")
'very satisfied'
>>> chinese_name("platinum", "value_class")
'白金客户'
>>> labels("lifecycle_stage")
['acquisition', 'growth', 'maturity', 'decline', 'termination']
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pandas as pd

__all__ = ["chinese_name", "glossary", "labels", "ordered_dtype", "to_english"]

_PATH = Path(__file__).with_name("glossary.csv")


@cache
def _rows() -> tuple[dict[str, str], ...]:
    with _PATH.open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def glossary(group: str | None = None) -> pd.DataFrame:
    """Return the glossary as a DataFrame with columns group, en, zh, chapter, note.

    Parameters
    ----------
    group : str, optional
        Keep only one group (``"term"``, ``"csm_level"``, ``"lifecycle_stage"``,
        ``"relationship_stage"``, ``"value_class"``, ``"servqual_dimension"``, ``"abc_class"``).

    Examples
    --------
    >>> glossary("value_class")["en"].tolist()
    ['lead', 'iron', 'gold', 'platinum']
    """
    frame = pd.DataFrame(list(_rows()))
    frame["chapter"] = frame["chapter"].astype("int64")
    if group is not None:
        if group not in set(frame["group"]):
            raise ValueError(
                f"unknown glossary group {group!r}; groups: {sorted(set(frame['group']))}"
            )
        frame = frame[frame["group"] == group].reset_index(drop=True)
    return frame


def labels(group: str) -> list[str]:
    """English labels of one group, in their order (lowest first for ordered scales).

    >>> labels("csm_level")[0]
    'very dissatisfied'
    """
    out = [r["en"] for r in _rows() if r["group"] == group]
    if not out:
        raise ValueError(f"unknown glossary group {group!r}")
    return out


@cache
def _lookup(group: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for r in _rows():
        if r["group"] == group:
            table[r["en"]] = r["en"]
            table[r["en"].lower()] = r["en"]
            table[r["zh"]] = r["en"]
    if not table:
        raise ValueError(f"unknown glossary group {group!r}")
    return table


def to_english(label: str, group: str) -> str:
    """Translate a Chinese or English label of ``group`` to its English label.

    Raises ``ValueError`` naming the label and the accepted values when it is unknown.

    >>> to_english("Satisfied", "csm_level")
    'satisfied'
    >>> to_english("有点满意", "csm_level")
    Traceback (most recent call last):
    ValueError: unknown csm_level label '有点满意'; use one of ['very dissatisfied', ...]
    """
    table = _lookup(group)
    key = label.strip() if isinstance(label, str) else label
    if isinstance(key, str) and key in table:
        return table[key]
    if isinstance(key, str) and key.lower() in table:
        return table[key.lower()]
    raise ValueError(
        f"unknown {group} label {label!r}; use one of {labels(group)} or the Chinese names "
        f"{[chinese_name(x, group) for x in labels(group)]}"
    )


def chinese_name(label: str, group: str) -> str:
    """The Chinese name of an English (or Chinese) label of ``group``.

    >>> chinese_name("growth", "lifecycle_stage")
    '成长期'
    """
    english = to_english(label, group)
    for r in _rows():
        if r["group"] == group and r["en"] == english:
            return r["zh"]
    raise AssertionError("unreachable")  # pragma: no cover


def ordered_dtype(group: str) -> pd.CategoricalDtype:
    """An ordered categorical dtype over the English labels of ``group``, lowest first.

    >>> ordered_dtype("abc_class")
    CategoricalDtype(categories=['A', 'B', 'C'], ordered=True, categories_dtype=str)
    """
    return pd.CategoricalDtype(labels(group), ordered=True)
