"""Tests of crmlab.lifecycle: cohorts, lifecycle stages and the relationship Markov chain."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmlab.glossary import chinese_name, labels, ordered_dtype
from crmlab.lifecycle import (
    LIFECYCLE_STAGES,
    RELATIONSHIP_STAGES,
    cohort_retention,
    default_transition,
    lifecycle_stage,
    simulate_relationship,
    stage_distribution,
)


def test_stage_constants_follow_the_glossary():
    assert list(LIFECYCLE_STAGES) == labels("lifecycle_stage")
    assert list(RELATIONSHIP_STAGES) == labels("relationship_stage")
    assert chinese_name(LIFECYCLE_STAGES[0], "lifecycle_stage") == "潜在获取期"
    assert [chinese_name(s, "relationship_stage") for s in RELATIONSHIP_STAGES] == [
        "认知",
        "探测",
        "扩大",
        "承诺",
        "解除",
    ]


# ---------------------------------------------------------------------------------------------
# cohort retention


@pytest.fixture
def visits() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer": ["a", "a", "a", "b", "b", "c", "d", "d", "e"],
            "date": pd.to_datetime(
                [
                    "2024-01-03",
                    "2024-01-20",  # a second January purchase counts once
                    "2024-03-10",
                    "2024-01-20",
                    "2024-02-01",
                    "2024-02-05",
                    "2024-02-28",
                    "2024-03-30",
                    "2024-03-01",
                ]
            ),
        }
    )


def test_cohort_retention_hand_example(visits):
    out = cohort_retention(visits, "customer", "date")
    expected = pd.DataFrame(
        [[1.0, 0.5, 0.5], [1.0, 0.5, np.nan], [1.0, np.nan, np.nan]],
        index=pd.PeriodIndex(["2024-01", "2024-02", "2024-03"], freq="M", name="cohort"),
        columns=pd.RangeIndex(3, name="period"),
    )
    pd.testing.assert_frame_equal(out, expected)


def test_cohort_counts_give_cohort_sizes(visits):
    counts = cohort_retention(visits, "customer", "date", counts=True)
    assert counts[0].tolist() == [2, 2, 1]
    assert counts.loc[pd.Period("2024-01", "M")].tolist() == [2, 1, 1]
    assert counts.iloc[2, 1:].isna().all()
    assert counts.dtypes.eq("Int64").all()


def test_cohort_retention_other_periods(visits):
    quarterly = cohort_retention(visits, "customer", "date", period="Q")
    assert quarterly.shape == (1, 1) and quarterly.iloc[0, 0] == 1.0
    weekly = cohort_retention(visits, "customer", "date", period="W")
    assert (weekly[0] == 1.0).all()
    assert weekly.index.freqstr.startswith("W")


def test_cohort_retention_string_dates(visits):
    as_text = visits.assign(date=visits["date"].dt.strftime("%Y-%m-%d"))
    pd.testing.assert_frame_equal(
        cohort_retention(as_text, "customer", "date"), cohort_retention(visits, "customer", "date")
    )


def test_cohort_retention_errors(visits):
    with pytest.raises(ValueError, match="period must be a pandas period frequency .* got 'ME'"):
        cohort_retention(visits, "customer", "date", period="ME")
    with pytest.raises(ValueError, match="got 'fortnight'"):
        cohort_retention(visits, "customer", "date", period="fortnight")
    with pytest.raises(ValueError, match="multiples such as '2M' are not supported"):
        cohort_retention(visits, "customer", "date", period="2M")
    with pytest.raises(TypeError, match="period must be a string"):
        cohort_retention(visits, "customer", "date", period=30)
    with pytest.raises(ValueError, match="transactions has no column 'day'"):
        cohort_retention(visits, "customer", "day")
    with pytest.raises(ValueError, match=r"column 'customer' has missing values in rows \[0\]"):
        cohort_retention(visits.assign(customer=[None] + ["x"] * 8), "customer", "date")
    bad = visits.assign(date=["2024-01-03"] * 8 + ["not a date"])
    with pytest.raises(ValueError, match=r"do not parse as dates in rows \[8\]"):
        cohort_retention(bad, "customer", "date")
    with pytest.raises(ValueError, match="transactions has no rows"):
        cohort_retention(visits.iloc[:0], "customer", "date")


def test_cohort_retention_does_not_modify_input(visits):
    before = visits.copy(deep=True)
    out = cohort_retention(visits, "customer", "date")
    out.iloc[0, 0] = 0.0
    pd.testing.assert_frame_equal(visits, before)


visit_rows = st.lists(
    st.tuples(st.sampled_from(list("abcdefgh")), st.integers(0, 200)), min_size=1, max_size=40
)


@given(visit_rows, st.sampled_from(["D", "W", "M", "Q"]), st.randoms(use_true_random=False))
def test_cohort_properties(rows, period, random):
    customer, day = zip(*rows, strict=True)
    frame = pd.DataFrame(
        {"customer": list(customer), "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(day, "D")}
    )
    out = cohort_retention(frame, "customer", "date", period=period)
    assert (out[0] == 1.0).all()
    values = out.to_numpy()
    seen = values[~np.isnan(values)]
    assert ((seen >= 0) & (seen <= 1)).all()
    counts = cohort_retention(frame, "customer", "date", period=period, counts=True)
    assert counts[0].sum() == frame["customer"].nunique()
    # missing exactly where the cohort has not reached that age
    last = frame["date"].dt.to_period(period).max()
    ages = np.arange(out.shape[1])
    beyond = np.array([[(c + int(a)) > last for a in ages] for c in out.index])
    assert (np.isnan(values) == beyond).all()
    order = list(range(len(frame)))
    random.shuffle(order)
    pd.testing.assert_frame_equal(
        cohort_retention(frame.iloc[order], "customer", "date", period), out
    )


# ---------------------------------------------------------------------------------------------
# lifecycle stages


@pytest.fixture
def history() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer": ["new", "grow", "grow", "grow", "flat", "flat", "flat"]
            + ["fade", "fade", "fade", "gone", "once"],
            "date": pd.to_datetime(
                ["2024-06-20", "2023-09-01", "2024-02-01", "2024-06-01"]
                + ["2023-10-01", "2024-03-01", "2024-06-30"]
                + ["2023-08-01", "2023-11-01", "2024-05-01", "2023-05-01", "2024-02-01"]
            ),
            "amount": [50.0, 20.0, 60.0, 90.0, 100.0, 50.0, 55.0, 100.0, 100.0, 30.0, 300.0, 80.0],
        }
    )


def test_lifecycle_hand_example(history):
    out = lifecycle_stage(history, "customer", "date", "amount")
    assert out.index.tolist() == ["fade", "flat", "gone", "grow", "new", "once"]
    assert out["stage"].tolist() == [
        "decline",
        "maturity",
        "termination",
        "growth",
        "acquisition",
        "acquisition",
    ]
    assert out["stage"].dtype == ordered_dtype("lifecycle_stage")
    assert out.loc["grow"].to_dict() == {
        "first_purchase": pd.Timestamp("2023-09-01"),
        "last_purchase": pd.Timestamp("2024-06-01"),
        "tenure_days": 303,
        "recency_days": 29,
        "frequency": 3,
        "monetary": 170.0,
        "recent_spend": 150.0,
        "earlier_spend": 20.0,
        "stage": "growth",
    }
    assert out.loc["fade", ["recent_spend", "earlier_spend"]].tolist() == [30.0, 200.0]


def test_lifecycle_thresholds_change_the_stage(history):
    strict = lifecycle_stage(history, "customer", "date", "amount", churn_days=20)
    assert strict.loc[["grow", "fade", "flat"], "stage"].tolist() == [
        "termination",
        "termination",
        "maturity",
    ]
    lenient = lifecycle_stage(history, "customer", "date", "amount", tolerance=0.9)
    assert lenient.loc["grow", "stage"] == "growth"  # 150 > 1.9 * 20
    assert lenient.loc["fade", "stage"] == "maturity"  # 30 >= 0.1 * 200
    young = lifecycle_stage(history, "customer", "date", "amount", new_days=400)
    assert young.loc[["grow", "flat", "fade"], "stage"].eq("acquisition").all()


def test_lifecycle_observation_end(history):
    later = lifecycle_stage(history, "customer", "date", "amount", observation_end="2025-06-30")
    assert later["stage"].eq("termination").all()
    assert later.loc["flat", "recency_days"] == 365
    with pytest.raises(
        ValueError, match=r"purchases after observation_end 2024-06-01 in rows \[0, 6\]"
    ):
        lifecycle_stage(history, "customer", "date", "amount", observation_end="2024-06-01")


def test_lifecycle_recent_zero_spend_is_decline():
    frame = pd.DataFrame(
        {
            "customer": ["x", "x", "y"],
            "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-12-31"]),
            "amount": [10.0, 10.0, 1.0],
        }
    )
    out = lifecycle_stage(frame, "customer", "date", "amount", churn_days=365, window_days=30)
    assert out.loc["x", ["recent_spend", "earlier_spend"]].tolist() == [0.0, 0.0]
    assert out.loc["x", "stage"] == "decline"


def test_lifecycle_errors(history):
    with pytest.raises(ValueError, match="churn_days must be at least 1"):
        lifecycle_stage(history, "customer", "date", "amount", churn_days=0)
    with pytest.raises(TypeError, match="window_days must be an integer"):
        lifecycle_stage(history, "customer", "date", "amount", window_days=30.5)
    with pytest.raises(ValueError, match="tolerance must be less than 1"):
        lifecycle_stage(history, "customer", "date", "amount", tolerance=1.0)
    with pytest.raises(ValueError, match="tolerance must be at least 0"):
        lifecycle_stage(history, "customer", "date", "amount", tolerance=-0.1)
    with pytest.raises(ValueError, match="transactions has no column 'amount'"):
        lifecycle_stage(history.drop(columns="amount"), "customer", "date", "amount")
    negative = history.assign(amount=history["amount"].where(history.index != 3, -5.0))
    with pytest.raises(ValueError, match=r"column 'amount' has negative values in rows \[3\]"):
        lifecycle_stage(negative, "customer", "date", "amount")
    with pytest.raises(TypeError, match="transactions must be a pandas DataFrame"):
        lifecycle_stage(None, "customer", "date", "amount")
    with pytest.raises(ValueError, match="transactions has no rows"):
        lifecycle_stage(history.iloc[:0], "customer", "date", "amount")
    with pytest.raises(ValueError, match=r"column 'date' has missing values in rows \[2\]"):
        lifecycle_stage(
            history.assign(date=history["date"].where(history.index != 2)),
            "customer",
            "date",
            "amount",
        )
    with pytest.raises(ValueError, match="observation_end 'later' does not parse as a date"):
        lifecycle_stage(history, "customer", "date", "amount", observation_end="later")


def test_lifecycle_does_not_modify_input(history):
    as_text = history.assign(date=history["date"].dt.strftime("%Y-%m-%d"))
    before = as_text.copy(deep=True)
    lifecycle_stage(as_text, "customer", "date", "amount")
    pd.testing.assert_frame_equal(as_text, before)


@given(
    st.lists(
        st.tuples(st.sampled_from(list("abcdef")), st.integers(0, 720), st.integers(0, 10_000)),
        min_size=1,
        max_size=40,
    ),
    st.randoms(use_true_random=False),
)
def test_lifecycle_properties(rows, random):
    customer, day, cents = zip(*rows, strict=True)
    frame = pd.DataFrame(
        {
            "customer": list(customer),
            "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(day, "D"),
            "amount": np.array(cents) / 100,
        }
    )
    out = lifecycle_stage(frame, "customer", "date", "amount")
    assert out["stage"].notna().all()
    assert (out["recency_days"] <= out["tenure_days"]).all()
    assert (out["recent_spend"] + out["earlier_spend"] <= out["monetary"] + 1e-9).all()
    assert ((out["recency_days"] > 180) == (out["stage"] == "termination")).all()
    order = list(range(len(frame)))
    random.shuffle(order)
    again = lifecycle_stage(frame.iloc[order], "customer", "date", "amount")
    pd.testing.assert_frame_equal(again, out, check_exact=False, rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# relationship stages


def test_default_transition_is_a_valid_absorbing_chain():
    matrix = default_transition()
    assert matrix.index.tolist() == matrix.columns.tolist() == list(RELATIONSHIP_STAGES)
    np.testing.assert_allclose(matrix.sum(axis=1), 1.0)
    assert matrix.loc["dissolution", "dissolution"] == 1.0
    assert (matrix["dissolution"].iloc[:4] > 0).all()  # dissolution possible from any stage
    upper = np.triu(np.ones((5, 5), dtype=bool))
    assert (matrix.to_numpy()[~upper] == 0).all()  # no moving back
    matrix.iloc[0, 0] = 0.0  # a new object each call
    assert default_transition().iloc[0, 0] == 0.6


def test_stage_distribution_by_matrix_powers():
    out = stage_distribution(periods=5)
    assert out.columns.tolist() == ["period", "stage", "share"]
    assert len(out) == 6 * 5
    wide = out.pivot(index="period", columns="stage", values="share").to_numpy()
    p = np.array([1.0, 0, 0, 0, 0])
    matrix = default_transition().to_numpy()
    for t in range(6):
        np.testing.assert_allclose(wide[t], p, atol=1e-15)
        p = p @ matrix
    np.testing.assert_allclose(wide.sum(axis=1), 1.0)
    assert np.all(np.diff(wide[:, -1]) >= 0)  # dissolution only grows


def test_stage_distribution_start_mapping_and_chinese_labels():
    out = stage_distribution(periods=0, start={"认知": 0.5, "承诺": 0.5})
    assert out["share"].tolist() == [0.5, 0.0, 0.0, 0.5, 0.0]
    assert stage_distribution(periods=3, start="探测").equals(
        stage_distribution(periods=3, start="exploration")
    )
    assert stage_distribution(periods=2, start="投入").equals(  # the exam's word for commitment
        stage_distribution(periods=2, start="commitment")
    )


def test_simulation_is_seeded_and_consistent():
    a = simulate_relationship(n_customers=300, periods=8, seed=42)
    b = simulate_relationship(n_customers=300, periods=8, seed=42)
    pd.testing.assert_frame_equal(a, b)
    assert a.columns.tolist() == ["period", "stage", "count", "share"]
    assert (a.groupby("period")["count"].sum() == 300).all()
    np.testing.assert_allclose(a["share"], a["count"] / 300)
    dissolved = a[a["stage"] == "dissolution"]["count"].to_numpy()
    assert np.all(np.diff(dissolved) >= 0)  # absorbing
    assert a["stage"].dtype == ordered_dtype("relationship_stage")
    c = simulate_relationship(n_customers=300, periods=8, seed=np.random.default_rng(42))
    pd.testing.assert_frame_equal(a, c)


def test_simulation_converges_to_the_exact_distribution():
    exact = stage_distribution(periods=10)
    sim = simulate_relationship(n_customers=200_000, periods=10, seed=2026)
    assert np.max(np.abs(sim["share"].to_numpy() - exact["share"].to_numpy())) < 0.005


def test_simulation_with_user_matrix_and_start_mix():
    zh = default_transition().rename(
        index=lambda s: chinese_name(s, "relationship_stage"),
        columns=lambda s: chinese_name(s, "relationship_stage"),
    )
    shuffled = zh.iloc[[4, 2, 0, 1, 3], [1, 0, 4, 3, 2]]
    a = simulate_relationship(shuffled, n_customers=500, periods=4, seed=1)
    b = simulate_relationship(None, n_customers=500, periods=4, seed=1)
    pd.testing.assert_frame_equal(a, b)
    stay = np.eye(5)
    mixed = simulate_relationship(
        stay, 1000, 3, start={"awareness": 0.25, "commitment": 0.75}, seed=0
    )
    assert mixed.groupby("stage", observed=True)["count"].nunique().eq(1).all()  # nobody moves


def test_transition_errors():
    matrix = default_transition()
    bad_sum = matrix.copy()
    bad_sum.loc["exploration", "expansion"] = 0.5
    with pytest.raises(ValueError, match=r"transition rows must sum to 1; rows 'exploration': 1.2"):
        stage_distribution(bad_sum)
    with pytest.raises(ValueError, match="unknown relationship_stage label 'dating'"):
        stage_distribution(matrix.rename(index={"awareness": "dating"}))
    with pytest.raises(ValueError, match="transition index must hold each of the stages"):
        stage_distribution(matrix.rename(index={"awareness": "exploration"}))
    with pytest.raises(ValueError, match="transition columns must hold each of the stages"):
        stage_distribution(matrix.iloc[:, :4])
    negative = matrix.copy()
    negative.loc["awareness", ["awareness", "exploration"]] = [1.0, -0.25]
    with pytest.raises(
        ValueError,
        match=r"column \"transition\['exploration'\]\" has negative values in rows \['awareness'\]",
    ):
        stage_distribution(negative)
    with pytest.raises(ValueError, match="transition must be 5 x 5"):
        stage_distribution(np.eye(4))
    nan = np.eye(5)
    nan[2, 2] = np.nan
    with pytest.raises(
        ValueError, match=r"missing, infinite or negative probabilities in rows \['expansion'\]"
    ):
        stage_distribution(nan)
    with pytest.raises(TypeError, match="transition must be a DataFrame or a 5 x 5 array"):
        stage_distribution("uniform")
    with pytest.raises(TypeError, match="transition must hold numbers"):
        stage_distribution([["a"] * 5] * 5)


def test_simulation_argument_errors():
    with pytest.raises(ValueError, match="n_customers must be at least 1"):
        simulate_relationship(n_customers=0)
    with pytest.raises(TypeError, match="periods must be an integer"):
        simulate_relationship(periods=2.0)
    with pytest.raises(ValueError, match="periods must be at least 0"):
        stage_distribution(periods=-1)
    with pytest.raises(ValueError, match="start: unknown relationship_stage label 'friends'"):
        simulate_relationship(start="friends")
    with pytest.raises(ValueError, match="start probabilities must sum to 1"):
        simulate_relationship(start={"awareness": 0.5})
    with pytest.raises(ValueError, match=r"start\['awareness'\] must be a probability >= 0"):
        stage_distribution(start={"awareness": -1.0, "exploration": 2.0})
    with pytest.raises(TypeError, match="start must be a stage name or a mapping"):
        stage_distribution(start=0)
    with pytest.raises(TypeError, match="seed must be an integer"):
        simulate_relationship(seed="x")


def test_user_matrix_is_not_modified():
    matrix = default_transition().rename(index=lambda s: s.upper())
    before = matrix.copy(deep=True)
    simulate_relationship(matrix, n_customers=10, periods=2, seed=0)
    pd.testing.assert_frame_equal(matrix, before)


def test_n_periods_is_a_deprecated_alias_and_the_seed_is_always_explicit():
    expected = simulate_relationship(n_customers=50, periods=3, seed=5)
    with pytest.warns(FutureWarning, match=r"simulate_relationship\(n_periods=...\) is now"):
        old = simulate_relationship(n_customers=50, n_periods=3, seed=5)
    pd.testing.assert_frame_equal(old, expected)
    assert sorted(expected["period"].unique()) == [0, 1, 2, 3]
    # the default seed is 0, like every other crmlab function that draws
    pd.testing.assert_frame_equal(
        simulate_relationship(n_customers=50, periods=3),
        simulate_relationship(n_customers=50, periods=3, seed=0),
    )
    with pytest.raises(TypeError, match="explicit seeds"):
        simulate_relationship(seed=None)
