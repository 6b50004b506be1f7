"""Tests of crmlab.value: CLV, retention economics, customer share and the value matrix."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import crmlab
from crmlab.value import (
    acquisition_cost,
    clv,
    defection_loss,
    new_customer_profit,
    replacement_cost,
    retention_profit_effect,
    share_of_wallet,
    value_matrix,
)

RATE = st.floats(0.0, 1.0)
RETENTION = st.floats(0.0, 0.99)
DISCOUNT = st.floats(0.0, 0.5)
MARGIN = st.floats(0.01, 1e4)


def direct_sum(m: float, r: float, d: float, periods: int) -> float:
    return sum(m * r**t / (1 + d) ** t for t in range(1, periods + 1))


def not_above(a: float, b: float) -> bool:
    """a <= b up to rounding."""
    return a <= b + 1e-9 * max(1.0, abs(b))


# ------------------------------------------------------------------------------------------ clv


def test_clv_closed_form_hand_computed():
    assert clv(100, 0.8, 0.1) == pytest.approx(100 * 0.8 / 0.3)
    assert round(clv(100, 0.8, 0.1), 2) == 266.67


def test_clv_finite_sum_hand_computed():
    expected = 100 * (0.8 / 1.1 + 0.8**2 / 1.1**2 + 0.8**3 / 1.1**3)
    assert clv(100, 0.8, 0.1, periods=3) == pytest.approx(expected, rel=1e-12)
    assert clv(100, 0.8, 0.1, periods=1) == pytest.approx(100 * 0.8 / 1.1)


def test_clv_closed_form_equals_long_finite_sum():
    assert clv(100, 0.8, 0.1, periods=2000) == pytest.approx(clv(100, 0.8, 0.1), rel=1e-12)
    assert direct_sum(100, 0.8, 0.1, 500) == pytest.approx(clv(100, 0.8, 0.1), rel=1e-12)


@pytest.mark.parametrize(
    ("m", "r", "d", "expected"),
    [
        (100, 0.0, 0.1, 0.0),  # nobody stays
        (100, 0.5, 0.0, 100.0),  # undiscounted: m r / (1 - r)
        (-50, 0.5, 0.0, -50.0),  # an unprofitable customer has a negative value
        (0, 0.9, 0.1, 0.0),
    ],
)
def test_clv_edge_values(m, r, d, expected):
    assert clv(m, r, d) == pytest.approx(expected)


def test_clv_finite_horizon_allows_full_retention_without_discount():
    assert clv(100, 1.0, 0.0, periods=5) == 500.0
    assert clv(100, 0.8, 0.1, periods=0) == 0.0


def test_clv_near_one_keeps_precision():
    r = 1 - 1e-12
    assert clv(1.0, r, 0.0, periods=10) == pytest.approx(direct_sum(1.0, r, 0.0, 10), rel=1e-9)


def test_clv_return_types():
    assert type(clv(100, 0.8, 0.1)) is float
    assert type(clv(np.float64(100), np.float32(0.5), 0)) is float
    out = clv(100, [0.5, 0.8], 0.1)
    assert isinstance(out, np.ndarray) and out.shape == (2,)
    np.testing.assert_allclose(out, [100 * 0.5 / 0.6, 100 * 0.8 / 0.3])
    grid = clv(np.array([[100.0], [200.0]]), np.array([0.5, 0.8]), 0.1)
    assert grid.shape == (2, 2)
    np.testing.assert_allclose(grid[1, 1], 200 * 0.8 / 0.3)


def test_clv_series_keeps_index_and_is_named():
    margins = pd.Series([120.0, 40.0], index=["c1", "c2"])
    retention = pd.Series([0.75, 0.5], index=["c1", "c2"])
    out = clv(margins, retention, 0.1)
    assert isinstance(out, pd.Series) and out.name == "clv"
    assert out.index.tolist() == ["c1", "c2"]
    assert out["c2"] == pytest.approx(40 * 0.5 / 0.6)


def test_clv_does_not_modify_inputs():
    margins = pd.Series([120.0, 40.0], index=["c1", "c2"])
    retention = np.array([0.75, 0.5])
    before = margins.copy(), retention.copy()
    clv(margins, retention, 0.1, periods=4)
    pd.testing.assert_series_equal(margins, before[0])
    np.testing.assert_array_equal(retention, before[1])


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((100, 1.2, 0.1), {}, ValueError, r"retention must be in \[0, 1\].*1\.2"),
        ((100, [0.5, 1.2, -0.1], 0.1), {}, ValueError, r"retention .*positions \[1, 2\]"),
        ((100, pd.Series([0.5, 1.2], index=["a", "b"]), 0.1), {}, ValueError, r"rows \['b'\]"),
        ((100, 0.5, -0.1), {}, ValueError, "discount must be at least 0"),
        ((100, 1.0, 0.0), {}, ValueError, "1 \\+ discount - retention > 0"),
        ((100, [0.5, 1.0], 0.0), {}, ValueError, r"retention is 1.*positions \[1\]"),
        ((100, 0.5, 0.1), {"periods": 2.0}, TypeError, "periods must be an integer"),
        ((100, 0.5, 0.1), {"periods": -1}, ValueError, "periods must be at least 0"),
        ((100, 0.5, 0.1), {"periods": True}, TypeError, "periods must be an integer"),
        (("100", 0.5, 0.1), {}, TypeError, "margin must be numeric"),
        ((None, 0.5, 0.1), {}, TypeError, "margin must be numeric"),
        ((True, 0.5, 0.1), {}, TypeError, "margin must be a number"),
        (
            ([1.0, np.nan], 0.5, 0.1),
            {},
            ValueError,
            r"margin has missing values at positions \[1\]",
        ),
        (
            (pd.Series([1.0, None], index=["a", "b"]), 0.5, 0.1),
            {},
            ValueError,
            r"'margin' has missing values in rows \['b'\]",
        ),
        ((pd.Series(["1", "x"]), 0.5, 0.1), {}, TypeError, r"'margin' must be numeric; rows \[1\]"),
        (([1.0, np.inf], 0.5, 0.1), {}, ValueError, "margin has infinite values"),
        ((pd.DataFrame({"m": [1.0]}), 0.5, 0.1), {}, TypeError, "got a DataFrame"),
        (([1, 2, 3], [0.5, 0.6], 0.1), {}, ValueError, r"do not broadcast.*margin \(3,\)"),
        (
            (pd.Series([1.0, 2.0], index=["a", "b"]), pd.Series([0.5, 0.6], index=["a", "c"]), 0.1),
            {},
            ValueError,
            "different indexes",
        ),
        ((pd.Series([1.0, 2.0]), np.full((2, 2), 0.5), 0.1), {}, ValueError, "cannot be combined"),
    ],
)
def test_clv_errors(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        clv(*args, **kwargs)


@given(m=MARGIN, r1=RETENTION, r2=RETENTION, d=DISCOUNT)
def test_clv_grows_with_retention(m, r1, r2, d):
    low, high = sorted((r1, r2))
    assert not_above(clv(m, low, d), clv(m, high, d))
    assert not_above(clv(m, low, d, periods=7), clv(m, high, d, periods=7))


@given(m1=MARGIN, m2=MARGIN, r=RETENTION, d=DISCOUNT)
def test_clv_grows_with_margin(m1, m2, r, d):
    low, high = sorted((m1, m2))
    assert not_above(clv(low, r, d), clv(high, r, d))


@given(m=MARGIN, r=RETENTION, d1=DISCOUNT, d2=DISCOUNT)
def test_clv_falls_with_discount(m, r, d1, d2):
    low, high = sorted((d1, d2))
    assert not_above(clv(m, r, high), clv(m, r, low))


@given(m=MARGIN, r=RETENTION, d=DISCOUNT, periods=st.integers(0, 200))
def test_clv_finite_sum_increases_with_periods_toward_closed_form(m, r, d, periods):
    shorter, longer = clv(m, r, d, periods=periods), clv(m, r, d, periods=periods + 1)
    closed = clv(m, r, d)
    assert not_above(shorter, longer) and not_above(longer, closed)
    # the gap is exactly the tail of the geometric series
    q = r / (1 + d)
    assert closed - shorter == pytest.approx(m * q ** (periods + 1) / (1 - q), rel=1e-6, abs=1e-6)


@given(m=MARGIN, r=RETENTION, d=DISCOUNT, periods=st.integers(0, 30))
def test_clv_matches_the_direct_sum(m, r, d, periods):
    assert clv(m, r, d, periods=periods) == pytest.approx(direct_sum(m, r, d, periods), rel=1e-9)


# --------------------------------------------------------------------- new and lost customers


def test_acquisition_cost_and_new_customer_profit_hand_computed():
    assert acquisition_cost(20_000, 50) == 400.0
    np.testing.assert_allclose(acquisition_cost([20_000, 30_000], [50, 40]), [400.0, 750.0])
    assert new_customer_profit(2_000, 0.10) == pytest.approx(200.0)
    spend = pd.Series([100.0, 90.0], index=["q1", "q2"])
    out = acquisition_cost(spend, pd.Series([4.0, 3.0], index=["q1", "q2"]))
    assert out.name == "acquisition_cost" and out.tolist() == [25.0, 30.0]
    assert new_customer_profit(spend, 0.5).name == "new_customer_profit"


@pytest.mark.parametrize(
    ("func", "args", "error", "match"),
    [
        (acquisition_cost, (100, 0), ValueError, "customers_won must be greater than 0"),
        (acquisition_cost, (-100, 5), ValueError, "promotion_spend must be at least 0"),
        (acquisition_cost, (100, [5, 0]), ValueError, r"customers_won.*positions \[1\]"),
        (acquisition_cost, ("a lot", 5), TypeError, "promotion_spend must be numeric"),
        (
            new_customer_profit,
            (100, 10),
            ValueError,
            r"margin must be in \[0, 1\] \(a fraction.*got 10",
        ),
        (new_customer_profit, (-1, 0.1), ValueError, "yearly_revenue must be at least 0"),
        (new_customer_profit, (pd.Series([1.0, np.nan]), 0.1), ValueError, "missing values"),
    ],
)
def test_new_customer_errors(func, args, error, match):
    with pytest.raises(error, match=match):
        func(*args)


def test_defection_loss_case_of_slides_a():
    out = defection_loss(50, 0.05, 10, margin=0.10, lifetime_years=20)
    assert isinstance(out, pd.Series) and out.name == "defection_loss"
    expected = {
        "customers_lost": 2.5,
        "revenue_lost": 25.0,
        "profit_lost": 2.5,
        "lifetime_revenue_lost": 500.0,
        "lifetime_profit_lost": 50.0,
    }
    assert out.index.tolist() == list(expected)
    np.testing.assert_allclose(out.to_numpy(), list(expected.values()))


def test_defection_loss_optional_parts_and_discounting():
    assert defection_loss(50, 0.05, 10).index.tolist() == ["customers_lost", "revenue_lost"]
    no_margin = defection_loss(50, 0.05, 10, lifetime_years=3)
    assert "profit_lost" not in no_margin and no_margin["lifetime_revenue_lost"] == 75.0
    discounted = defection_loss(50, 0.05, 10, margin=0.1, lifetime_years=5, discount=0.1)
    annuity = sum(1.1**-t for t in range(1, 6))
    assert discounted["lifetime_profit_lost"] == pytest.approx(2.5 * annuity)
    # fractional years interpolate the annuity smoothly between whole years
    half = defection_loss(50, 0.05, 10, margin=0.1, lifetime_years=2.5, discount=0.1)
    two, three = (2.5 * sum(1.1**-t for t in range(1, n + 1)) for n in (2, 3))
    assert two < half["lifetime_profit_lost"] < three


def test_defection_loss_vectorised_returns_a_frame():
    out = defection_loss(50, [0.05, 0.10], 10, margin=0.10)
    assert isinstance(out, pd.DataFrame)
    assert out["profit_lost"].tolist() == pytest.approx([2.5, 5.0])
    by_shop = defection_loss(pd.Series([50.0, 80.0], index=["east", "west"]), 0.05, 10)
    assert by_shop.index.tolist() == ["east", "west"]
    assert by_shop.loc["west", "customers_lost"] == pytest.approx(4.0)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"churn_rate": 5}, ValueError, r"churn_rate must be in \[0, 1\]"),
        ({"customers": -50}, ValueError, "customers must be at least 0"),
        ({"loss_per_customer": -1}, ValueError, "loss_per_customer must be at least 0"),
        ({"margin": 1.5}, ValueError, r"margin must be in \[0, 1\]"),
        ({"lifetime_years": -2}, ValueError, "lifetime_years must be at least 0"),
        ({"lifetime_years": 2, "discount": -0.1}, ValueError, "discount must be at least 0"),
        ({"discount": -0.1}, ValueError, "discount must be at least 0"),
        ({"customers": np.ones((2, 2))}, ValueError, "one-dimensional"),
        ({"customers": "fifty"}, TypeError, "customers must be numeric"),
    ],
)
def test_defection_loss_errors(kwargs, error, match):
    args = {"customers": 50, "churn_rate": 0.05, "loss_per_customer": 10} | kwargs
    with pytest.raises(error, match=match):
        defection_loss(**args)


def test_replacement_cost_carrier_of_the_article():
    out = replacement_cost(350, 0.40, customers=1_000_000)
    assert out["customers_replaced"] == pytest.approx(400_000)
    assert out["yearly_replacement_spend"] == pytest.approx(140_000_000)
    assert out["expected_lifetime_years"] == pytest.approx(2.5)
    assert out["cost_per_customer_year"] == pytest.approx(140.0)
    # cost per customer-year is the acquisition cost spread over the expected lifetime
    assert out["cost_per_customer_year"] == pytest.approx(350 / out["expected_lifetime_years"])


def test_replacement_cost_vectorised_and_zero_churn():
    out = replacement_cost(350, [0.4, 0.2, 0.0])
    assert out["expected_lifetime_years"].tolist() == [2.5, 5.0, np.inf]
    assert out["yearly_replacement_spend"].tolist() == pytest.approx([140.0, 70.0, 0.0])


@pytest.mark.parametrize(
    ("args", "match"),
    [((350, 1.4), "churn_rate"), ((-350, 0.4), "acquisition_cost"), ((350, 0.4, -1), "customers")],
)
def test_replacement_cost_errors(args, match):
    with pytest.raises(ValueError, match=match):
        replacement_cost(*args)


def direct_value(r, m=1.0, d=0.1, g=0.0, a=0.0, periods=3000):
    return sum(m * (1 + g) ** (t - 1) * r**t / (1 + d) ** t for t in range(1, periods + 1)) - a


def test_retention_profit_effect_hand_computed():
    # 0.8 -> 0.85 at 10%: value 0.8/0.3 -> 0.85/0.25
    assert retention_profit_effect(0.80) == pytest.approx((0.85 / 0.25) / (0.8 / 0.3) - 1)
    assert round(retention_profit_effect(0.80), 3) == 0.275
    base, new = direct_value(0.8, g=0.05, a=1.0), direct_value(0.85, g=0.05, a=1.0)
    out = retention_profit_effect(0.80, margin_growth=0.05, acquisition_cost=1.0)
    assert out == pytest.approx(new / base - 1, rel=1e-9)
    finite = retention_profit_effect(0.7, 0.1, discount=0.05, periods=4, margin_growth=0.2)
    expected = direct_value(0.8, d=0.05, g=0.2, periods=4) / direct_value(
        0.7, d=0.05, g=0.2, periods=4
    )
    assert finite == pytest.approx(expected - 1, rel=1e-12)


def test_retention_profit_effect_margin_cancels_without_acquisition_cost():
    assert retention_profit_effect(0.8, margin=5.0) == pytest.approx(retention_profit_effect(0.8))
    assert retention_profit_effect(0.8, margin=5.0, acquisition_cost=1.0) < retention_profit_effect(
        0.8, margin=2.0, acquisition_cost=1.0
    )


def test_retention_profit_effect_reaches_the_quoted_range():
    # the reasons of Reichheld & Sasser (margin growth, acquisition cost) move it into 25%-85%
    effects = retention_profit_effect([0.80, 0.85, 0.90], margin_growth=0.05, acquisition_cost=1)
    assert effects.min() > 0.25 and effects.max() < 2
    assert np.all(np.diff(effects) > 0)
    assert retention_profit_effect(0.8, -0.05) < 0


@given(r=st.floats(0.0, 0.9), a1=st.floats(0, 0.5), a2=st.floats(0, 0.5), g=st.floats(0, 0.05))
def test_retention_profit_effect_grows_with_acquisition_cost(r, a1, a2, g):
    low, high = sorted((a1, a2))
    assume(clv(1.0, r, 0.1) > 0.6)  # the customer pays back the larger cost
    assert not_above(
        retention_profit_effect(r, margin_growth=g, acquisition_cost=low),
        retention_profit_effect(r, margin_growth=g, acquisition_cost=high),
    )
    assert retention_profit_effect(r, margin_growth=g, acquisition_cost=low) > 0


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        ((0.98, 0.05), {}, r"retention \+ delta must be in \[0, 1\]; it is 1\.03"),
        ((0.02, -0.05), {}, r"retention \+ delta"),
        ((0.95, 0.05), {"discount": 0.0}, "does not converge"),
        ((0.5, 0.05), {"acquisition_cost": 5}, "is not positive"),
        ((0.0, 0.05), {}, "is not positive"),
        ((0.8,), {"margin": 0}, "margin must be greater than 0"),
        ((0.8,), {"margin_growth": -1}, "margin_growth must be greater than -1"),
        ((1.2,), {}, "retention must be in"),
        (([0.5, 0.98],), {}, r"positions \[1\]"),
    ],
)
def test_retention_profit_effect_errors(args, kwargs, match):
    with pytest.raises(ValueError, match=match):
        retention_profit_effect(*args, **kwargs)


# ------------------------------------------------------------------------------ customer share


def test_share_of_wallet_values():
    assert share_of_wallet(300, 1200) == 0.25
    out = share_of_wallet(
        pd.Series([300.0, 50.0], index=["a", "b"]), pd.Series([1200.0, 50.0], index=["a", "b"])
    )
    assert out.name == "share_of_wallet" and out.tolist() == [0.25, 1.0]
    np.testing.assert_allclose(share_of_wallet([0, 10], 40), [0.0, 0.25])


@pytest.mark.parametrize(
    ("firm", "category", "match"),
    [
        (500, 400, "firm_spend cannot exceed category_spend"),
        ([300, 500], [1200, 400], r"positions \[1\]"),
        (
            pd.Series([300, 500], index=["x", "y"]),
            pd.Series([1200, 400], index=["x", "y"]),
            r"rows \['y'\]",
        ),
        (1, 0, "category_spend must be greater than 0"),
        (-1, 10, "firm_spend must be at least 0"),
    ],
)
def test_share_of_wallet_errors(firm, category, match):
    with pytest.raises(ValueError, match=match):
        share_of_wallet(firm, category)


@given(firm=st.floats(0, 1e6), extra=st.floats(0, 1e6))
def test_share_of_wallet_is_a_share(firm, extra):
    assume(firm + extra > 0)
    assert 0.0 <= share_of_wallet(firm, firm + extra) <= 1.0


# ------------------------------------------------------------------------------ value matrix

GRID = {
    (False, False): "lead",
    (False, True): "iron",
    (True, False): "gold",
    (True, True): "platinum",
}


def customers() -> pd.DataFrame:
    return pd.DataFrame(
        {"now": [10.0, 80.0, 30.0, 90.0, 50.0], "later": [20.0, 10.0, 70.0, 95.0, 50.0]},
        index=["a", "b", "c", "d", "e"],
    )


def test_value_matrix_fixed_cuts():
    result = value_matrix(customers(), "now", "later", current_cut=50, future_cut=50)
    # e sits exactly on both cuts: "high" is strictly above, so e is lead
    assert result["value_class"].tolist() == ["lead", "gold", "iron", "platinum", "lead"]
    assert result.attrs == {}, "no data travels in DataFrame.attrs"


def test_value_matrix_default_cuts_are_medians():
    result = value_matrix(customers(), "now", "later")  # medians: now 50, later 50
    assert result["value_class"].tolist() == ["lead", "gold", "iron", "platinum", "lead"]
    shifted = value_matrix(customers(), "now", "later", current_cut=20.0)
    assert shifted.loc["c", "value_class"] == "platinum"


def test_value_matrix_returns_an_ordered_copy():
    data = customers().assign(name=["A", "B", "C", "D", "E"])
    before = data.copy()
    result = value_matrix(data, "now", "later")
    pd.testing.assert_frame_equal(data, before)
    assert result is not data and "value_class" not in data and data.attrs == {}
    assert result["value_class"].dtype == pd.CategoricalDtype(
        ["lead", "iron", "gold", "platinum"], ordered=True
    )
    assert result.columns.tolist() == ["now", "later", "name", "value_class"]
    again = value_matrix(result, "now", "later", current_cut=0)  # an old label is replaced
    assert again.columns.tolist() == result.columns.tolist()
    assert set(again["value_class"]) == {"gold", "platinum"}


def test_value_matrix_allows_negative_profit():
    data = pd.DataFrame({"now": [-5.0, 5.0], "later": [1.0, -1.0]})
    assert value_matrix(data, "now", "later", 0, 0)["value_class"].tolist() == ["iron", "gold"]


@pytest.mark.parametrize(
    ("data", "kwargs", "error", "match"),
    [
        ([1, 2], {}, TypeError, "data must be a pandas DataFrame"),
        (pd.DataFrame({"now": [], "later": []}), {}, ValueError, "data has no rows"),
        (customers().drop(columns="later"), {}, ValueError, "no column 'later'"),
        (
            customers().assign(now=[1.0, None, 3.0, 4.0, 5.0]),
            {},
            ValueError,
            r"'now' has missing values in rows \['b'\]",
        ),
        (
            customers().assign(later=["x", "1", "2", "3", "4"]),
            {},
            TypeError,
            r"'later' must be numeric; rows \['a'\]",
        ),
        (customers(), {"current_cut": "high"}, TypeError, "current_cut must be a number"),
        (customers(), {"future_cut": np.inf}, ValueError, "future_cut must be a finite number"),
    ],
)
def test_value_matrix_errors(data, kwargs, error, match):
    with pytest.raises(error, match=match):
        value_matrix(data, "now", "later", **kwargs)


@given(
    pairs=st.lists(st.tuples(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6)), min_size=1, max_size=30),
    current_cut=st.none() | st.floats(-1e6, 1e6),
    future_cut=st.none() | st.floats(-1e6, 1e6),
)
def test_value_matrix_obeys_the_cut_rule(pairs, current_cut, future_cut):
    data = pd.DataFrame(pairs, columns=["now", "later"])
    result = value_matrix(data, "now", "later", current_cut, future_cut)
    c = data["now"].median() if current_cut is None else current_cut
    f = data["later"].median() if future_cut is None else future_cut
    expected = [GRID[(now > c, later > f)] for now, later in pairs]
    assert result["value_class"].astype(str).tolist() == expected


@given(
    pairs=st.lists(st.tuples(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)), min_size=1, max_size=20),
    data=st.data(),
)
def test_value_matrix_does_not_depend_on_row_order(pairs, data):
    frame = pd.DataFrame(pairs, columns=["now", "later"])
    order = data.draw(st.permutations(list(range(len(frame)))))
    shuffled = frame.iloc[order]
    a = value_matrix(frame, "now", "later")["value_class"]
    b = value_matrix(shuffled, "now", "later")["value_class"]
    pd.testing.assert_series_equal(a, b.loc[a.index])


def test_public_names_are_exported():
    assert crmlab.clv is clv
    assert crmlab.value_matrix is value_matrix
    assert crmlab.retention_profit_effect is retention_profit_effect
    for name in [
        "acquisition_cost",
        "new_customer_profit",
        "defection_loss",
        "replacement_cost",
        "share_of_wallet",
    ]:
        assert getattr(crmlab, name).__module__ == "crmlab.value"
