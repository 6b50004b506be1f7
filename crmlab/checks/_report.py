"""Hidden-test reports: the student's value, serialised to JSON into the test cell's output.

The grader (outside the student's kernel) reads the report of each hidden test cell and compares
it with the answer key. A report holds only the student's own value, so forging a passing report
means knowing the answer.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

import numpy as np

REPORT_MIME = "application/vnd.crmlab.report+json"
NONCE_VARIABLE = "CRMLAB_GRADING_NONCE"
MAX_REPORT_CHARS = 2_000_000


class UnsupportedValue(TypeError):
    """A value that cannot be reported (a function, a figure, ...)."""


def _number(x: float) -> float | str:
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def serialise(value: Any, _depth: int = 0) -> dict[str, Any]:
    """Turn a value into tagged, JSON-compatible data.

    Supported: None, bool, int, float (NaN and infinities as strings), str, list, tuple, set,
    dict, numpy scalars and arrays, pandas Series and DataFrames (index, values and dtypes),
    Timestamps.

    Examples
    --------
    >>> serialise({"a", "b"})
    {'t': 'set', 'v': [{'t': 'str', 'v': 'a'}, {'t': 'str', 'v': 'b'}]}
    >>> serialise(float("nan"))
    {'t': 'float', 'v': 'nan'}
    """
    import pandas as pd

    if _depth > 20:
        raise UnsupportedValue("value is nested too deeply to report")
    d = _depth + 1
    if value is None or value is Ellipsis:
        return {"t": "none"}
    if isinstance(value, (bool, np.bool_)):
        return {"t": "bool", "v": bool(value)}
    if isinstance(value, (int, np.integer)):
        return {"t": "int", "v": int(value)}
    if isinstance(value, (float, np.floating)):
        return {"t": "float", "v": _number(float(value))}
    if isinstance(value, str):
        return {"t": "str", "v": str(value)}
    if isinstance(value, pd.Timestamp):
        return {"t": "str", "v": value.isoformat()}
    if isinstance(value, pd.DataFrame):
        return {
            "t": "frame",
            "index": [serialise(x, d) for x in value.index.tolist()],
            "columns": [serialise(x, d) for x in value.columns.tolist()],
            "dtypes": [str(t) for t in value.dtypes],
            "data": [[serialise(x, d) for x in value[c].tolist()] for c in value.columns],
        }
    if isinstance(value, pd.Series):
        return {
            "t": "series",
            "index": [serialise(x, d) for x in value.index.tolist()],
            "values": [serialise(x, d) for x in value.tolist()],
            "dtype": str(value.dtype),
            "name": serialise(value.name, d)
            if isinstance(value.name, (str, int))
            else {"t": "none"},
        }
    if isinstance(value, (pd.Index, np.ndarray, pd.Categorical)):
        return {"t": "list", "v": [serialise(x, d) for x in list(value)]}
    if isinstance(value, (list, tuple)):
        return {"t": "list", "v": [serialise(x, d) for x in value]}
    if isinstance(value, (set, frozenset)):
        items = [serialise(x, d) for x in value]
        return {"t": "set", "v": sorted(items, key=lambda x: json.dumps(x, sort_keys=True))}
    if isinstance(value, dict):
        pairs = [[serialise(k, d), serialise(v, d)] for k, v in value.items()]
        return {"t": "dict", "v": sorted(pairs, key=lambda p: json.dumps(p[0], sort_keys=True))}
    raise UnsupportedValue(f"cannot report a value of type {type(value).__name__}")


def report_value(assignment: str, question: str, value: Any, options: dict[str, Any]) -> None:
    """Display the report of ``question`` as a cell output the grader reads."""
    try:
        payload: dict[str, Any] = {"value": serialise(value)}
    except UnsupportedValue as exc:
        payload = {"error": str(exc)}
    except Exception as exc:  # a student object that breaks while being read
        payload = {"error": f"the answer could not be read ({type(exc).__name__})"}
    payload.update(
        {
            "assignment": assignment,
            "question": question,
            "options": options,
            "nonce": os.environ.get(NONCE_VARIABLE, ""),
        }
    )
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, allow_nan=False)
    if len(text) > MAX_REPORT_CHARS:
        payload = {k: payload[k] for k in ("assignment", "question", "options", "nonce")}
        payload["error"] = "the answer is too large to report"
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover - outside IPython
        print(json.dumps(payload, ensure_ascii=False))
        return
    display(
        {REPORT_MIME: payload, "text/plain": f"[{question}: answer recorded for grading]"}, raw=True
    )
