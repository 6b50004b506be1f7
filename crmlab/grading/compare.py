"""Compare a student's reported value with the answer key (runs in the grader's process).

Values arrive serialised by :func:`crmlab.checks.serialise` (tagged JSON). The rules:

* labels (strings), booleans and integers: exact; an integer-valued float matches an integer;
* floats: ``abs(got - expected) <= atol + rtol * abs(expected)`` (defaults ``atol=1e-6``,
  ``rtol=1e-9``); NaN matches NaN, infinities match themselves;
* lists: same length, element by element; ``kind="unordered"`` compares them as multisets;
* sets: same members; ``kind="set"`` also accepts a list, tuple or string of letters from the
  student and compares it as a set (case-insensitive for letters);
* ``kind="choice"``: a string of option letters compared as a set ("ACD" = "dca"); ``accept``
  lists further keys accepted as correct where the material supports more than one;
* dicts: the same keys, values compared by these rules;
* Series: the same index labels (aligned on the index, order ignored unless ``check_order``),
  values by these rules; DataFrames: the same columns and index, column by column. dtypes are
  not compared unless ``check_dtype=True`` (a label column may be str or category).

Examples
--------
>>> from crmlab.checks import serialise
>>> compare(serialise(0.1 + 0.2), serialise(0.3))
(True, '')
>>> compare(serialise("ACD"), serialise("dca"), {"kind": "choice"})
(True, '')
>>> compare(serialise({"a", "b"}), serialise("ab"), {"kind": "set"})
(True, '')
>>> compare(serialise([1, 2]), serialise([2, 1]))
(False, 'item 0: expected a different number')
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

Verdict = tuple[bool, str]
OK: Verdict = (True, "")


def _num(node: dict[str, Any]) -> float | None:
    if node.get("t") in ("int", "float"):
        v = node["v"]
        return float(v)
    return None


def _key(node: Any) -> str:
    return json.dumps(node, sort_keys=True)


def _letters(node: dict[str, Any]) -> list[str] | None:
    t = node.get("t")
    if t == "str":
        return [c.lower() for c in node["v"] if c.strip() and c not in ",;"]
    if t in ("list", "set"):
        out = []
        for item in node["v"]:
            if item.get("t") != "str":
                return None
            out.append(item["v"].strip().lower())
        return out
    return None


def compare(
    expected: dict[str, Any], got: dict[str, Any], options: dict[str, Any] | None = None
) -> Verdict:
    """Compare two serialised values; return ``(equal, reason)`` (reason empty when equal)."""
    opts = dict(options or {})
    kind = opts.get("kind")
    if not isinstance(got, dict) or "t" not in got:
        return False, "the report holds no readable value"
    if kind == "choice":
        return _choice(expected, got, opts)
    if kind == "set":
        want, have = _letters(expected), _letters(got)
        if want is None or have is None:
            return False, "expected a collection of labels"
        if len(have) != len(set(have)):
            return False, "an item appears twice"
        return (
            (True, "") if set(want) == set(have) else (False, "expected a different set of members")
        )
    return _generic(expected, got, opts, depth=0)


def _choice(expected: dict[str, Any], got: dict[str, Any], opts: dict[str, Any]) -> Verdict:
    if got.get("t") != "str":
        return False, "a choice answer must be a string of option letters"
    from crmlab.checks._core import option_letters

    have = set(option_letters(got["v"]))
    keys = [expected["v"], *opts.get("accept", [])]
    for key in keys:
        if have == set(option_letters(key)):
            return OK
    return False, "not the keyed option(s)"


def _floats_equal(a: float, b: float, opts: dict[str, Any]) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= float(opts.get("atol", 1e-6)) + float(opts.get("rtol", 1e-9)) * abs(a)


def _generic(
    expected: dict[str, Any], got: dict[str, Any], opts: dict[str, Any], depth: int
) -> Verdict:
    if depth > 25:
        return False, "value nested too deeply"
    t = expected.get("t")
    if t in ("int", "float"):
        a, b = _num(expected), _num(got)
        if b is None:
            return False, f"expected a number, got {got.get('t')}"
        if t == "int" and not opts.get("int_tolerance", False):
            return (True, "") if b == a else (False, "expected a different number")
        return (True, "") if _floats_equal(a, b, opts) else (False, "expected a different number")
    if t in ("str", "bool", "none"):
        if got.get("t") != t:
            return False, f"expected a {t}, got {got.get('t')}"
        return (
            (True, "")
            if got.get("v") == expected.get("v")
            else (False, "expected a different value")
        )
    if t == "list":
        if got.get("t") != "list":
            return False, f"expected a list, got {got.get('t')}"
        a, b = expected["v"], got["v"]
        if len(a) != len(b):
            return False, f"expected {len(a)} items, got {len(b)}"
        if opts.get("kind") == "unordered":
            return (
                (True, "")
                if Counter(map(_key, a)) == Counter(map(_key, b))
                else (False, "expected other items")
            )
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            ok, why = _generic(x, y, opts, depth + 1)
            if not ok:
                return False, f"item {i}: {why}"
        return OK
    if t == "set":
        if got.get("t") != "set":
            return False, f"expected a set, got {got.get('t')}"
        return (
            (True, "")
            if {_key(x) for x in expected["v"]} == {_key(x) for x in got["v"]}
            else (False, "expected a different set of members")
        )
    if t == "dict":
        if got.get("t") != "dict":
            return False, f"expected a dict, got {got.get('t')}"
        want = {_key(k): v for k, v in expected["v"]}
        have = {_key(k): v for k, v in got["v"]}
        if set(want) != set(have):
            return False, "expected different keys"
        for k in want:
            ok, why = _generic(want[k], have[k], opts, depth + 1)
            if not ok:
                return False, f"key {json.loads(k).get('v')!r}: {why}"
        return OK
    if t == "series":
        return _series(expected, got, opts, depth)
    if t == "frame":
        return _frame(expected, got, opts, depth)
    return False, f"cannot compare values of type {t}"


def _aligned(
    exp_index: list[Any],
    exp_values: list[Any],
    got_index: list[Any],
    got_values: list[Any],
    opts: dict[str, Any],
    depth: int,
    what: str,
) -> Verdict:
    if len(exp_index) != len(got_index):
        return False, f"expected {len(exp_index)} {what}, got {len(got_index)}"
    want = {_key(_plain_label(k)): v for k, v in zip(exp_index, exp_values, strict=True)}
    have: dict[str, Any] = {}
    for k, v in zip(got_index, got_values, strict=True):
        label = _key(_plain_label(k))
        if label in have:
            return False, f"duplicate label {k.get('v')!r}"
        have[label] = v
    if set(want) != set(have):
        return False, f"expected other {what} labels"
    if opts.get("check_order") and [_key(_plain_label(k)) for k in exp_index] != [
        _key(_plain_label(k)) for k in got_index
    ]:
        return False, f"{what} in a different order"
    for k, v in want.items():
        ok, why = _generic(v, have[k], opts, depth + 1)
        if not ok:
            return False, f"at {json.loads(k).get('v')!r}: {why}"
    return OK


def _plain_label(node: dict[str, Any]) -> dict[str, Any]:
    # labels 1 and 1.0 are the same label
    if (
        node.get("t") == "float"
        and isinstance(node.get("v"), float)
        and float(node["v"]).is_integer()
    ):
        return {"t": "int", "v": int(node["v"])}
    return node


def _series(
    expected: dict[str, Any], got: dict[str, Any], opts: dict[str, Any], depth: int
) -> Verdict:
    if got.get("t") != "series":
        return False, f"expected a pandas Series, got {got.get('t')}"
    if opts.get("check_dtype") and expected["dtype"] != got["dtype"]:
        return False, f"expected dtype {expected['dtype']}, got {got['dtype']}"
    return _aligned(
        expected["index"], expected["values"], got["index"], got["values"], opts, depth, "rows"
    )


def _frame(
    expected: dict[str, Any], got: dict[str, Any], opts: dict[str, Any], depth: int
) -> Verdict:
    if got.get("t") != "frame":
        return False, f"expected a pandas DataFrame, got {got.get('t')}"
    want_cols = {_key(c): i for i, c in enumerate(expected["columns"])}
    have_cols = {_key(c): i for i, c in enumerate(got["columns"])}
    if set(want_cols) != set(have_cols):
        return False, "expected other columns"
    for col, i in want_cols.items():
        j = have_cols[col]
        if opts.get("check_dtype") and expected["dtypes"][i] != got["dtypes"][j]:
            return (
                False,
                f"column {json.loads(col).get('v')!r}: expected dtype {expected['dtypes'][i]}",
            )
        ok, why = _aligned(
            expected["index"],
            expected["data"][i],
            got["index"],
            got["data"][j],
            opts,
            depth,
            "rows",
        )
        if not ok:
            return False, f"column {json.loads(col).get('v')!r}: {why}"
    return OK
