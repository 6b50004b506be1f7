"""Tests of crmlab.fairness: equity ratios and the seeded fairness simulation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import crmlab
from crmlab.fairness import equity_ratios, simulate_fairness

EQUITY = pd.CategoricalDtype(["underpaid", "fair", "overpaid"], ordered=True)


def club() -> pd.DataFrame:
    return pd.DataFrame(
        {"services": [120.0, 100.0, 60.0], "fees": [100.0, 100.0, 100.0]},
        index=["Li", "Wang", "Zhao"],
    )


# ------------------------------------------------------------------------------ equity ratios


def test_equity_ratios_against_a_reference_party():
    result = equity_ratios(club(), "services", "fees", reference="Wang")
    assert result["equity_ratio"].tolist() == pytest.approx([1.2, 1.0, 0.6])
    assert (result["reference_ratio"] == 1.0).all()
    assert result["ratio_gap"].tolist() == pytest.approx([0.2, 0.0, -0.4])
    assert result["equity"].tolist() == ["overpaid", "fair", "underpaid"]
    assert result["equity"].dtype == EQUITY
    assert result.columns.tolist() == [
        "services",
        "fees",
        "equity_ratio",
        "reference_ratio",
        "ratio_gap",
        "equity",
    ]


def test_equity_ratios_default_reference_is_the_pooled_ratio():
    data = pd.DataFrame({"out": [10.0, 30.0], "in": [10.0, 10.0]}, index=["a", "b"])
    result = equity_ratios(data, "out", "in")  # pooled 40 / 20 = 2
    assert result["reference_ratio"].tolist() == [2.0, 2.0]
    assert result["ratio_gap"].tolist() == pytest.approx([-0.5, 0.5])
    assert result["equity"].tolist() == ["underpaid", "overpaid"]


def test_equity_ratios_given_ratio_and_tolerance_boundary():
    data = pd.DataFrame({"out": [1.25, 0.75, 1.3], "in": [1.0, 1.0, 1.0]})
    result = equity_ratios(data, "out", "in", reference_ratio=1.0, tolerance=0.25)
    # a gap of exactly the tolerance is still fair
    assert result["equity"].tolist() == ["fair", "fair", "overpaid"]
    strict = equity_ratios(data, "out", "in", reference_ratio=1.0, tolerance=0.0)
    assert strict["equity"].tolist() == ["overpaid", "underpaid", "overpaid"]


def test_equity_ratios_does_not_modify_data():
    data = club()
    before = data.copy()
    result = equity_ratios(data, "services", "fees")
    pd.testing.assert_frame_equal(data, before)
    assert "equity" not in data and result is not data


@pytest.mark.parametrize(
    ("data", "kwargs", "error", "match"),
    [
        ([1, 2], {}, TypeError, "data must be a pandas DataFrame"),
        (club().iloc[:0], {}, ValueError, "data has no rows"),
        (club().drop(columns="fees"), {}, ValueError, "no column 'fees'"),
        (
            club().assign(fees=[100.0, 0.0, 0.0]),
            {},
            ValueError,
            r"'fees' must be greater than 0.*rows \['Wang', 'Zhao'\]",
        ),
        (
            club().assign(fees=[100.0, -1.0, 5.0]),
            {},
            ValueError,
            r"'fees' has negative values in rows \['Wang'\]",
        ),
        (
            club().assign(services=[1.0, None, 2.0]),
            {},
            ValueError,
            r"'services' has missing values in rows \['Wang'\]",
        ),
        (
            club().assign(services=["a", "1", "2"]),
            {},
            TypeError,
            r"'services' must be numeric; rows \['Li'\]",
        ),
        (club(), {"reference": "Sun"}, ValueError, "reference 'Sun' is not a row"),
        (club(), {"reference": "Li", "reference_ratio": 1.0}, ValueError, "not both"),
        (club(), {"reference_ratio": 0.0}, ValueError, "reference_ratio must be greater than 0"),
        (club(), {"tolerance": -0.1}, ValueError, "tolerance must be at least 0"),
        (
            club().set_axis(["Li", "Li", "Zhao"]),
            {"reference": "Zhao"},
            ValueError,
            "duplicate keys",
        ),
        (
            club().assign(services=[1.0, 0.0, 1.0]),
            {"reference": "Wang"},
            ValueError,
            "outcome of 0",
        ),
        (club().assign(services=0.0), {}, ValueError, "pooled ratio is 0"),
    ],
)
def test_equity_ratios_errors(data, kwargs, error, match):
    with pytest.raises(error, match=match):
        equity_ratios(data, "services", "fees", **kwargs)


@given(
    rows=st.lists(st.tuples(st.floats(0, 1e4), st.floats(0.01, 1e4)), min_size=1, max_size=20),
    tolerance=st.floats(0, 1),
)
def test_equity_labels_follow_the_gap(rows, tolerance):
    data = pd.DataFrame(rows, columns=["out", "in"])
    result = equity_ratios(data, "out", "in", reference_ratio=1.0, tolerance=tolerance)
    gap = result["ratio_gap"]
    assert (result.loc[gap < -tolerance, "equity"] == "underpaid").all()
    assert (result.loc[gap > tolerance, "equity"] == "overpaid").all()
    assert (result.loc[gap.abs() <= tolerance, "equity"] == "fair").all()


# ----------------------------------------------------------------------------- the simulation

COLUMNS = [
    "unfair_prob",
    "compensation",
    "interaction",
    "customers_retained",
    "share_retained",
    "unfair_rate",
    "compensated_rate",
    "churn_rate",
    "mean_grievance",
]


def final_share(sim: pd.DataFrame, n: int) -> pd.Series:
    last = sim[sim["interaction"] == n]
    return last.set_index(["unfair_prob", "compensation"])["share_retained"]


def test_simulation_shape_and_types():
    sim = simulate_fairness(200, 5, [0.1, 0.3], [0.0, 0.5, 1.0], seed=3)
    assert sim.columns.tolist() == COLUMNS
    assert len(sim) == 2 * 3 * 6
    assert sim["interaction"].dtype == "int64" and sim["customers_retained"].dtype == "int64"
    start = sim[sim["interaction"] == 0]
    assert (start["customers_retained"] == 200).all() and (start["share_retained"] == 1.0).all()
    assert start["churn_rate"].isna().all()
    assert sim.groupby(["unfair_prob", "compensation"]).size().eq(6).all()


def test_same_seed_same_output_and_other_seed_differs():
    a = simulate_fairness(300, 8, [0.2, 0.4], 0.3, seed=42)
    b = simulate_fairness(300, 8, [0.2, 0.4], 0.3, seed=42)
    pd.testing.assert_frame_equal(a, b)
    c = simulate_fairness(300, 8, [0.2, 0.4], 0.3, seed=43)
    assert not a["customers_retained"].equals(c["customers_retained"])


def test_scenario_does_not_depend_on_the_other_scenarios():
    alone = simulate_fairness(300, 8, 0.3, 0.5, seed=7)
    together = simulate_fairness(300, 8, [0.1, 0.3], [0.0, 0.5], seed=7)
    part = together[(together["unfair_prob"] == 0.3) & (together["compensation"] == 0.5)]
    pd.testing.assert_frame_equal(alone, part.reset_index(drop=True))


def test_one_unfair_outcome_is_tolerated_and_the_second_is_not():
    once = simulate_fairness(100, 1, 1.0, churn_step=1.0)
    assert once["customers_retained"].tolist() == [100, 100]
    twice = simulate_fairness(100, 3, 1.0, churn_step=1.0)
    assert twice["customers_retained"].tolist() == [100, 100, 0, 0]
    assert twice["churn_rate"].iloc[2] == 1.0 and np.isnan(twice["churn_rate"].iloc[3])


def test_compensation_next_time_is_accepted():
    full = simulate_fairness(100, 10, 1.0, compensation=1.0, churn_step=1.0)
    assert (full["customers_retained"] == 100).all()
    assert full["compensated_rate"].iloc[1:].eq(1.0).all()
    # half a grievance per compensated outcome: 0.5, 1.0, then 1.5 exceeds the tolerance of 1
    half = simulate_fairness(100, 4, 1.0, compensation=1.0, recovery=0.5, churn_step=1.0)
    assert half["customers_retained"].tolist() == [100, 100, 100, 0, 0]


def test_no_unfairness_no_churn_and_base_churn_alone():
    fair = simulate_fairness(500, 20, 0.0)
    assert (fair["share_retained"] == 1.0).all() and (fair["mean_grievance"] == 0).all()
    assert simulate_fairness(50, 2, 0.0, base_churn=1.0)["customers_retained"].tolist() == [
        50,
        0,
        0,
    ]


def test_rates_are_consistent():
    sim = simulate_fairness(1000, 15, 0.3, seed=5)
    kept = sim["customers_retained"].to_numpy()
    np.testing.assert_allclose(
        kept[1:], np.round(kept[:-1] * (1 - sim["churn_rate"].to_numpy()[1:]))
    )
    assert sim["unfair_rate"].iloc[1:].between(0.2, 0.4).all()
    assert sim["share_retained"].is_monotonic_decreasing


def test_memory_matters():
    remembered = final_share(simulate_fairness(2000, 30, 0.2, forgetting=0.0, seed=2), 30)
    forgiven = final_share(simulate_fairness(2000, 30, 0.2, forgetting=0.5, seed=2), 30)
    assert forgiven.iloc[0] > remembered.iloc[0]


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((0, 5, 0.1), {}, ValueError, "n_customers must be at least 1"),
        ((10.0, 5, 0.1), {}, TypeError, "n_customers must be an integer"),
        ((10, 0, 0.1), {}, ValueError, "n_interactions must be at least 1"),
        ((10, 5, 1.5), {}, ValueError, "unfair_prob must be between 0 and 1"),
        ((10, 5, [0.1, 1.5]), {}, ValueError, r"unfair_prob\[1\] must be between 0 and 1"),
        ((10, 5, "high"), {}, TypeError, "unfair_prob must be a number"),
        ((10, 5, []), {}, ValueError, "unfair_prob is empty"),
        ((10, 5, [0.1, 0.1]), {}, ValueError, "duplicate values"),
        ((10, 5, 0.1, [0.0, -0.5]), {}, ValueError, r"compensation\[1\]"),
        ((10, 5, 0.1), {"seed": -1}, ValueError, "seed must be at least 0"),
        ((10, 5, 0.1), {"seed": 1.5}, TypeError, "seed must be an integer"),
        ((10, 5, 0.1), {"tolerance": -1}, ValueError, "tolerance must be at least 0"),
        ((10, 5, 0.1), {"churn_step": 2}, ValueError, "churn_step must be between 0 and 1"),
        ((10, 5, 0.1), {"recovery": -0.1}, ValueError, "recovery"),
        ((10, 5, 0.1), {"forgetting": 1.1}, ValueError, "forgetting"),
        ((10, 5, 0.1), {"base_churn": np.nan}, ValueError, "base_churn"),
        ((6_000_000, 1, [0.1, 0.2]), {}, ValueError, "too large"),
    ],
)
def test_simulation_errors(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        simulate_fairness(*args, **kwargs)


PROB = st.floats(0.0, 1.0)


@given(p1=PROB, p2=PROB, c=PROB, seed=st.integers(0, 2**32 - 1), forgetting=st.floats(0, 1))
def test_more_unfairness_never_retains_more(p1, p2, c, seed, forgetting):
    low, high = sorted((p1, p2))
    kwargs = {"compensation": c, "seed": seed, "forgetting": forgetting, "recovery": 0.5}
    a = simulate_fairness(200, 12, low, **kwargs)["customers_retained"].to_numpy()
    b = simulate_fairness(200, 12, high, **kwargs)["customers_retained"].to_numpy()
    assert (b <= a).all()


@given(c1=PROB, c2=PROB, p=PROB, seed=st.integers(0, 2**32 - 1))
def test_more_compensation_never_retains_fewer(c1, c2, p, seed):
    low, high = sorted((c1, c2))
    a = simulate_fairness(200, 12, p, low, seed, recovery=0.7)["customers_retained"].to_numpy()
    b = simulate_fairness(200, 12, p, high, seed, recovery=0.7)["customers_retained"].to_numpy()
    assert (b >= a).all()


@given(seeds=st.lists(st.integers(0, 10_000), min_size=3, max_size=3, unique=True))
def test_more_unfairness_retains_fewer_on_average(seeds):
    means = [
        np.mean([final_share(simulate_fairness(300, 10, p, seed=s), 10).iloc[0] for s in seeds])
        for p in (0.05, 0.2, 0.5)
    ]
    assert means[0] > means[1] > means[2]


def test_public_names_are_exported():
    assert crmlab.equity_ratios is equity_ratios
    assert crmlab.simulate_fairness is simulate_fairness


def test_contribution_is_the_input_column_and_input_is_a_deprecated_alias():
    data = club()
    expected = equity_ratios(data, "services", contribution="fees", reference="Wang")
    with pytest.warns(FutureWarning, match=r"equity_ratios\(input=...\) is now"):
        old = equity_ratios(data, "services", input="fees", reference="Wang")
    pd.testing.assert_frame_equal(old, expected)
    assert list(expected["equity_ratio"]) == [1.2, 1.0, 0.6]
    with pytest.raises(TypeError, match="got both contribution= and its old name input="):
        equity_ratios(data, "services", "fees", input="fees")
    with pytest.raises(TypeError, match="unexpected keyword argument 'inputs'"):
        equity_ratios(data, "services", inputs="fees")
    with pytest.raises(TypeError, match="needs the contribution column"):
        equity_ratios(data, "services")


def test_the_fairness_simulation_refuses_an_implicit_seed():
    with pytest.raises(TypeError, match="explicit seeds"):
        simulate_fairness(10, 2, [0.1], seed=None)
