"""Tests of crmlab.abc: the lecture's worked example, both rules, errors and invariants."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import crmlab
from crmlab.abc import (
    abc_by_thresholds,
    abc_classify,
    abc_summary,
    achievement_ranking,
    growth_ranking,
)
from crmlab.datasets import load_distributors


def classes(result: pd.DataFrame, label: str, key: str = "distributor") -> str:
    return "".join(result.loc[result["abc_class"] == label, key])


# ---------------------------------------------------------------- the worked example (Exam collection)


def test_distributor_example_not_exceed():
    result = abc_classify(load_distributors(), "sales", customer="distributor")
    assert classes(result, "A") == "fetdinhpm"
    assert classes(result, "B") == "blsoa"
    assert classes(result, "C") == "jrkcqg"
    a_total = result.loc[result["abc_class"] == "A", "cum_value"].max()
    b_total = result.loc[result["abc_class"] == "B", "cum_value"].max()
    assert (a_total, b_total) == (7380.0, 9380.0)
    assert result["cum_value"].iloc[-1] == 10580.0
    # A stops below its target of 7406 and B below 7406 + 2116 = 9522
    assert a_total <= 0.7 * 10580 < a_total + 460


def test_distributor_example_crossing_rule_moves_the_crossing_customers_up():
    result = abc_classify(load_distributors(), "sales", customer="distributor", rule="crossing")
    assert classes(result, "A") == "fetdinhpmb"  # b (460) crosses 7406
    assert classes(result, "B") == "lsoaj"  # j (320) crosses 9522
    assert classes(result, "C") == "rkcqg"


def test_result_shape_index_and_dtype():
    data = load_distributors().set_index("distributor")
    result = abc_classify(data, "sales")
    assert list(result.columns) == ["sales", "cum_value", "cum_share", "abc_class"]
    assert result.index[0] == "f" and set(result.index) == set(data.index)
    assert result["abc_class"].dtype == pd.CategoricalDtype(["A", "B", "C"], ordered=True)
    assert result["sales"].is_monotonic_decreasing
    np.testing.assert_allclose(result["cum_share"].iloc[-1], 1.0)


def test_public_names_are_importable_from_crmlab():
    assert crmlab.abc_classify is abc_classify
    assert crmlab.abc_by_thresholds is abc_by_thresholds


def test_ties_keep_input_order():
    data = pd.DataFrame({"v": [5.0, 10.0, 5.0, 5.0]}, index=["w", "x", "y", "z"])
    assert list(abc_classify(data, "v").index) == ["x", "w", "y", "z"]


def test_largest_customer_is_a_even_when_it_exceeds_the_a_share():
    data = pd.DataFrame({"v": [95.0, 3.0, 2.0]}, index=["big", "m", "s"])
    for rule in ("not_exceed", "crossing"):
        result = abc_classify(data, "v", rule=rule)
        assert result.loc["big", "abc_class"] == "A"
    # under "do not exceed" the running total 98 passes 90%, so m is C, not B
    assert abc_classify(data, "v").loc["m", "abc_class"] == "C"


def test_boundary_equal_in_exact_arithmetic_counts_as_at_the_boundary():
    # (0.3 + 0.6) * 10 is 8.999999999999998 in floating point; the running total 9 is *at* it
    data = pd.DataFrame({"v": [3.0, 3.0, 3.0, 1.0]}, index=list("pqrs"))
    result = abc_classify(data, "v", shares=(0.3, 0.6, 0.1))
    assert result["abc_class"].tolist() == ["A", "B", "B", "C"]
    crossing = abc_classify(data, "v", shares=(0.3, 0.6, 0.1), rule="crossing")
    # p reaches 30% exactly, so q does not cross A's boundary; r ends exactly at 90%
    assert crossing["abc_class"].tolist() == ["A", "B", "B", "C"]


def test_other_shares():
    result = abc_classify(
        load_distributors(), "sales", customer="distributor", shares=(0.8, 0.15, 0.05)
    )
    a_total = result.loc[result["abc_class"] == "A", "cum_value"].max()
    nxt = result.loc[result["abc_class"] != "A", "cum_value"].min()
    assert a_total <= 0.8 * 10580 < nxt


def test_caller_frame_is_not_modified():
    data = load_distributors()
    before = data.copy()
    abc_classify(data, "sales", customer="distributor")
    abc_by_thresholds(data, "sales", 500, 100)
    pd.testing.assert_frame_equal(data, before)


# ------------------------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("frame", "kwargs", "exc", "message"),
    [
        (pd.DataFrame({"v": [1.0]}), {"value": "sales"}, ValueError, "no column 'sales'"),
        (
            pd.DataFrame({"v": [1.0, -2.0]}, index=["a", "b"]),
            {"value": "v"},
            ValueError,
            "negative values in rows ['b']",
        ),
        (
            pd.DataFrame({"v": [1.0, None]}, index=["a", "b"]),
            {"value": "v"},
            ValueError,
            "missing values in rows ['b']",
        ),
        (
            pd.DataFrame({"v": [1.0, 2.0]}, index=["a", "a"]),
            {"value": "v"},
            ValueError,
            "duplicate keys: ['a']",
        ),
        (
            pd.DataFrame({"k": ["x", "x"], "v": [1.0, 2.0]}),
            {"value": "v", "customer": "k"},
            ValueError,
            "column 'k' has duplicate keys",
        ),
        (pd.DataFrame({"v": []}, dtype=float), {"value": "v"}, ValueError, "no rows"),
        (pd.DataFrame({"v": [0.0, 0.0]}), {"value": "v"}, ValueError, "sums to 0"),
        (
            pd.DataFrame({"v": [1.0]}),
            {"value": "v", "shares": (0.7, 0.2, 0.2)},
            ValueError,
            "sum to 1",
        ),
        (
            pd.DataFrame({"v": [1.0]}),
            {"value": "v", "shares": (0.8, 0.3, -0.1)},
            ValueError,
            "positive",
        ),
        (
            pd.DataFrame({"v": [1.0]}),
            {"value": "v", "shares": (0.5, 0.5)},
            ValueError,
            "three values",
        ),
        (
            pd.DataFrame({"v": [1.0]}),
            {"value": "v", "rule": "over"},
            ValueError,
            "rule must be one of",
        ),
        (
            pd.DataFrame({"v": ["1", "x"]}, index=["a", "b"]),
            {"value": "v"},
            TypeError,
            "rows ['b']",
        ),
    ],
)
def test_bad_input_names_the_problem(frame, kwargs, exc, message):
    with pytest.raises(exc) as info:
        abc_classify(frame, **kwargs)
    assert message in str(info.value)


def test_not_a_frame():
    with pytest.raises(TypeError, match="DataFrame"):
        abc_classify([1, 2, 3], "v")


# ------------------------------------------------------------------------------- thresholds


def test_thresholds_include_the_boundary_value():
    data = pd.DataFrame(
        {"v": [5_000_000.0, 4_999_999.0, 1_000_000.0, 999_999.0]}, index=list("wxyz")
    )
    result = abc_by_thresholds(data, "v")
    assert result["abc_class"].tolist() == ["A", "B", "B", "C"]
    assert list(result.index) == list("wxyz")  # input order kept


def test_thresholds_on_distributors_in_wan_yuan():
    result = abc_by_thresholds(load_distributors(), "sales", upper=500, lower=100)
    assert "".join(result.loc[result["abc_class"] == "C", "distributor"]) == "g"
    assert set(result.loc[result["abc_class"] == "A", "distributor"]) == set("fetdinhpm")


@pytest.mark.parametrize(("upper", "lower"), [(100, 500), (100, -1), (100, 100)])
def test_threshold_order_is_checked(upper, lower):
    with pytest.raises(ValueError, match="lower < upper"):
        abc_by_thresholds(load_distributors(), "sales", upper=upper, lower=lower)


# ------------------------------------------------------------------------ five-step process


def test_summary_counts_and_shares():
    result = abc_classify(load_distributors(), "sales", customer="distributor")
    table = abc_summary(result, "sales")
    assert table["customers"].tolist() == [9, 5, 6]
    assert table["value"].tolist() == [7380.0, 2000.0, 1200.0]
    np.testing.assert_allclose(table["customer_share"], [0.45, 0.25, 0.30])
    np.testing.assert_allclose(table["value_share"].sum(), 1.0)


def test_summary_keeps_empty_classes_and_rejects_unknown_labels():
    frame = pd.DataFrame({"v": [3.0, 1.0], "abc_class": ["A", "A"]})
    assert abc_summary(frame, "v")["customers"].tolist() == [2, 0, 0]
    with pytest.raises(ValueError, match="labels other than A, B, C in rows \\[1\\]"):
        abc_summary(pd.DataFrame({"v": [3.0, 1.0], "abc_class": ["A", "D"]}), "v")


def test_achievement_and_growth_rankings():
    data = pd.DataFrame(
        {
            "id": ["p", "q", "r"],
            "sales": [80.0, 150.0, 100.0],
            "target": [100.0, 100.0, 100.0],
            "last": [40.0, 150.0, 50.0],
        }
    )
    ach = achievement_ranking(data, "sales", "target", customer="id")
    assert ach["id"].tolist() == ["q", "r", "p"] and ach["rank"].tolist() == [1, 2, 3]
    grow = growth_ranking(data, "sales", "last", customer="id")
    assert grow["id"].tolist() == ["p", "r", "q"]
    np.testing.assert_allclose(grow["growth_rate"], [1.0, 1.0, 0.0])
    assert grow["rank"].tolist() == [1, 1, 3]  # equal growth shares a rank
    with pytest.raises(ValueError, match="column 'target' must be positive; rows \\[1\\]"):
        achievement_ranking(data.assign(target=[1.0, 0.0, 1.0]), "sales", "target")
    with pytest.raises(ValueError, match="duplicate"):
        growth_ranking(data.assign(id=["p", "p", "r"]), "sales", "last", customer="id")


# ------------------------------------------------------------------------ property tests

values_strategy = st.lists(
    st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2)),
    min_size=1,
    max_size=60,
).filter(lambda xs: sum(xs) > 0)
shares_strategy = (
    st.tuples(st.integers(1, 98), st.integers(1, 98))
    .filter(lambda t: t[0] + t[1] < 100)
    .map(lambda t: (t[0] / 100, t[1] / 100, (100 - t[0] - t[1]) / 100))
)


@given(values_strategy, shares_strategy)
def test_not_exceed_rule_boundaries(values, shares):
    frame = pd.DataFrame({"v": values}, index=[f"c{i}" for i in range(len(values))])
    result = abc_classify(frame, "v", shares=shares)
    total = sum(values)
    cum = result["cum_value"].to_numpy()
    cls = result["abc_class"].to_numpy()
    tol = 1e-9 * total
    for label, bound in (("A", shares[0] * total), ("B", (shares[0] + shares[1]) * total)):
        inside = np.isin(cls, ["A"] if label == "A" else ["A", "B"])
        # every customer in the class (or above) stays within the bound, except a lone first customer
        assert np.all(cum[inside][1:] <= bound + tol)
        # the next customer after the class runs past the bound
        after = np.flatnonzero(~inside)
        if len(after):
            assert cum[after[0]] > bound - tol
    # classes never go back up along the sorted order
    codes = result["abc_class"].cat.codes.to_numpy()
    assert np.all(np.diff(codes) >= 0) and codes[0] == 0


@given(values_strategy, shares_strategy)
def test_crossing_rule_adds_at_most_the_crossing_customer(values, shares):
    frame = pd.DataFrame({"v": values})
    strict = abc_classify(frame, "v", shares=shares)
    crossing = abc_classify(frame, "v", shares=shares, rule="crossing")
    n_strict = (strict["abc_class"] == "A").sum()
    n_cross = (crossing["abc_class"] == "A").sum()
    assert 0 <= n_cross - n_strict <= 1
    assert (strict["abc_class"].cat.codes >= crossing["abc_class"].cat.codes).all()


@given(values_strategy, st.randoms(use_true_random=False))
def test_result_does_not_depend_on_row_order_for_distinct_values(values, rnd):
    distinct = sorted(set(values))
    frame = pd.DataFrame({"v": distinct}, index=[f"c{i}" for i in range(len(distinct))])
    shuffled_index = list(frame.index)
    rnd.shuffle(shuffled_index)
    a = abc_classify(frame, "v")["abc_class"]
    b = abc_classify(frame.loc[shuffled_index], "v")["abc_class"]
    pd.testing.assert_series_equal(a.sort_index(), b.sort_index())


@pytest.mark.parametrize(
    ("function", "args"),
    [
        (abc_classify, ("sales",)),
        (achievement_ranking, ("sales", "target")),
        (growth_ranking, ("sales", "last")),
    ],
)
def test_key_is_a_deprecated_alias_of_customer(function, args):
    data = pd.DataFrame(
        {
            "id": ["p", "q", "r"],
            "sales": [5.0, 3.0, 1.0],
            "target": [4.0, 4.0, 2.0],
            "last": [4.0, 2.0, 2.0],
        }
    )
    expected = function(data, *args, customer="id")
    with pytest.warns(
        FutureWarning,
        match=rf"{function.__name__}\(key=...\) is now {function.__name__}\(customer=...\)",
    ):
        old = function(data, *args, key="id")
    pd.testing.assert_frame_equal(old, expected)
    with pytest.raises(TypeError, match="got both customer= and its old name key="):
        function(data, *args, customer="id", key="id")
    # the customer column is used: a repeated id is refused by name
    with pytest.raises(ValueError, match="column 'id' has duplicate keys"):
        function(data.assign(id=["p", "p", "r"]), *args, customer="id")
