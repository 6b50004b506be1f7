"""The grader's comparison of reported values with the key."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmlab.checks import serialise
from crmlab.grading.compare import compare


def same(expected, got, **options) -> bool:
    return compare(serialise(expected), serialise(got), options)[0]


def test_numbers():
    assert same(0.3, 0.1 + 0.2)
    assert not same(0.3, 0.31)
    assert same(0.3, 0.304, atol=0.01)
    assert same(9, 9.0) and not same(9, 9.5)
    assert same(float("nan"), np.nan) and not same(float("nan"), 0.0)
    assert not same(1.0, "1.0")


def test_labels_sets_and_choices():
    assert same("fe", "fe") and not same("fe", "ef")
    assert same({"a", "b"}, ["b", "a"], kind="set")
    assert same({"a", "b"}, "BA", kind="set")
    assert not same({"a", "b"}, ["a", "b", "b"], kind="set")
    assert same("ACD", "d, c, a", kind="choice")
    assert not same("ACD", "AC", kind="choice")
    assert same("D", "A", kind="choice", accept=["A"])
    assert not same("D", 4, kind="choice")


def test_dicts_and_lists():
    assert same({"A": 9, "B": 10}, {"B": 10, "A": 9})
    assert not same({"A": 9, "B": 10}, {"A": 9, "B": 10, "C": 1})
    assert not same([1, 2], [2, 1]) and same([1, 2], [2, 1], kind="unordered")


def test_series_aligned_on_index():
    expected = pd.Series(["A", "B", "C"], index=["x", "y", "z"])
    assert same(expected, expected.iloc[::-1])
    assert same(expected, expected.astype("category"))
    assert not same(expected, expected.iloc[::-1], check_order=True)
    assert not same(expected, pd.Series(["A", "B", "B"], index=["x", "y", "z"]))
    assert not same(expected, expected.reset_index(drop=True))
    assert not same(expected, expected.tolist())
    assert same(pd.Series([1.0, 2.0], index=[1, 2]), pd.Series([1.0, 2.0 + 1e-9], index=[1.0, 2.0]))
    assert not same(pd.Series([1, 2]), pd.Series([1.0, 2.0]), check_dtype=True)


def test_frames():
    expected = pd.DataFrame({"a": [1.0, 2.0], "b": ["x", "y"]}, index=["p", "q"])
    assert same(expected, expected[["b", "a"]].iloc[::-1])
    assert not same(expected, expected.rename(columns={"a": "A"}))
    assert not same(expected, expected.assign(a=[1.0, 2.5]))


@pytest.mark.parametrize("got", [{}, {"t": "nonsense"}, None, "text"])
def test_malformed_reports_fail(got):
    assert compare(serialise(1.0), got)[0] is False
