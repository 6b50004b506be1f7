"""Tests of crmlab.loyalty: the eight measures, the loyalty index and the repeat purchase rate."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import crmlab
from crmlab.glossary import chinese_name, to_english
from crmlab.loyalty import LOYALTY_MEASURES, loyalty_index, repeat_purchase_rate

KEYS = list(LOYALTY_MEASURES)


def test_the_eight_measures_and_their_directions():
    assert KEYS == [
        "repeat_purchase_rate",
        "brand_attention",
        "need_satisfaction",
        "price_sensitivity",
        "competitor_attitude",
        "product_acceptance",
        "choice_time",
        "quality_tolerance",
    ]
    reverse = [k for k, m in LOYALTY_MEASURES.items() if m.direction == -1]
    assert reverse == ["price_sensitivity", "choice_time"]
    assert all(m.direction in (1, -1) for m in LOYALTY_MEASURES.values())
    with pytest.raises(TypeError):
        LOYALTY_MEASURES["new"] = LOYALTY_MEASURES["choice_time"]  # type: ignore[index]


@pytest.mark.parametrize("key", KEYS)
def test_every_measure_is_in_the_glossary(key):
    measure = LOYALTY_MEASURES[key]
    assert chinese_name(measure.label, "term") == measure.zh
    assert to_english(measure.zh, "term") == measure.label


# ----------------------------------------------------------------------------- loyalty index


def survey() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "repeat_purchase_rate": [7, 4, 1],
            "price_sensitivity": [2, 4, 7],
            "choice_time": [1, 4, 7],
        },
        index=["c1", "c2", "c3"],
    )


THREE = ["repeat_purchase_rate", "price_sensitivity", "choice_time"]


def test_index_with_a_stated_scale_hand_computed():
    out = loyalty_index(survey(), measures=THREE, scale=(1, 7))
    # c1: (1 + (1 - 1/6) + 1) / 3; c2: all at the midpoint; c3: the least loyal end everywhere
    assert out.tolist() == pytest.approx([100 * (1 + 5 / 6 + 1) / 3, 50.0, 0.0])
    assert out.name == "loyalty_index" and out.index.tolist() == ["c1", "c2", "c3"]


def test_index_min_max_default_hand_computed():
    data = pd.DataFrame({"need_satisfaction": [0.2, 0.5, 0.8], "choice_time": [10.0, 30.0, 20.0]})
    out = loyalty_index(data, measures=["need_satisfaction", "choice_time"])
    # need: 0, 0.5, 1; choice time min-max 0, 1, 0.5 reversed: 1, 0, 0.5
    assert out.tolist() == pytest.approx([50.0, 25.0, 75.0])


def test_index_weights_dict_list_series_agree():
    by_dict = loyalty_index(
        survey(),
        weights={"repeat_purchase_rate": 2, "price_sensitivity": 1, "choice_time": 1},
        scale=(1, 7),
    )
    by_list = loyalty_index(survey(), weights=[2, 1, 1], measures=THREE, scale=(1, 7))
    by_series = loyalty_index(
        survey(), weights=pd.Series([4.0, 2.0, 2.0], index=THREE), scale=(1, 7)
    )
    pd.testing.assert_series_equal(by_dict, by_list)
    pd.testing.assert_series_equal(by_dict, by_series)
    assert by_dict["c1"] == pytest.approx(100 * (2 + 5 / 6 + 1) / 4)


def test_zero_weight_drops_a_measure():
    with_zero = loyalty_index(survey(), weights=[1, 0, 1], measures=THREE, scale=(1, 7))
    without = loyalty_index(
        survey(), measures=["repeat_purchase_rate", "choice_time"], scale=(1, 7)
    )
    pd.testing.assert_series_equal(with_zero, without)


def test_all_eight_measures_by_default():
    rng = np.random.default_rng(0)
    data = pd.DataFrame(rng.integers(1, 8, size=(6, 8)), columns=KEYS)
    data.loc[0] = [7, 7, 7, 1, 7, 7, 1, 7]  # loyal on every measure
    data.loc[1] = [1, 1, 1, 7, 1, 1, 7, 1]  # disloyal on every measure
    out = loyalty_index(data, scale=(1, 7))
    assert out[0] == 100.0 and out[1] == 0.0
    assert loyalty_index(data).between(0, 100).all()


def test_measures_by_chinese_name_label_and_column_mapping():
    chinese = survey().rename(columns={k: LOYALTY_MEASURES[k].zh for k in THREE})
    mapped = loyalty_index(
        chinese,
        measures={LOYALTY_MEASURES[k].zh: LOYALTY_MEASURES[k].zh for k in THREE},
        scale=(1, 7),
    )
    by_label = loyalty_index(
        survey(), measures=["Repeat purchase rate", "价格敏感程度", "choice_time"], scale=(1, 7)
    )
    expected = loyalty_index(survey(), measures=THREE, scale=(1, 7))
    pd.testing.assert_series_equal(mapped, expected)
    pd.testing.assert_series_equal(by_label, expected)


def test_scale_per_measure_and_components():
    data = survey().assign(repeat_purchase_rate=[1.0, 0.5, 0.0])
    out = loyalty_index(
        data, measures=THREE, scale={"repeat_purchase_rate": (0, 1)}, components=True
    )
    # repeat purchase rate on its stated scale; the others min-max (2..7 and 1..7), reversed
    assert out["repeat_purchase_rate"].tolist() == [1.0, 0.5, 0.0]
    assert out["price_sensitivity"].tolist() == pytest.approx([1.0, 0.6, 0.0])
    assert out["choice_time"].tolist() == pytest.approx([1.0, 0.5, 0.0])
    assert out.columns.tolist() == [*THREE, "loyalty_index"]
    assert out["loyalty_index"].tolist() == pytest.approx([100.0, 100 * 1.6 / 3, 0.0])


def test_index_does_not_modify_data():
    data = survey()
    before = data.copy()
    weights = {"repeat_purchase_rate": 2, "price_sensitivity": 1, "choice_time": 1}
    loyalty_index(data, weights=weights, components=True)
    pd.testing.assert_frame_equal(data, before)
    assert weights == {"repeat_purchase_rate": 2, "price_sensitivity": 1, "choice_time": 1}


@pytest.mark.parametrize(
    ("data", "kwargs", "error", "match"),
    [
        ("table", {}, TypeError, "data must be a pandas DataFrame"),
        (survey().iloc[:0], {"measures": THREE}, ValueError, "data has no rows"),
        (survey(), {}, ValueError, "no columns 'brand_attention'"),
        (survey(), {"measures": ["loyalty"]}, ValueError, "unknown loyalty measure 'loyalty'"),
        (survey(), {"measures": ["choice_time", "挑选时间"]}, ValueError, "'choice_time' twice"),
        (survey(), {"measures": []}, ValueError, "measures is empty"),
        (survey(), {"measures": "choice_time"}, TypeError, "not a string"),
        (
            survey().assign(choice_time=[1.0, None, 2.0]),
            {"measures": THREE},
            ValueError,
            r"'choice_time' has missing values in rows \['c2'\]",
        ),
        (
            survey().assign(choice_time=["1", "x", "2"]),
            {"measures": THREE},
            TypeError,
            r"'choice_time' must be numeric; rows \['c2'\]",
        ),
        (
            survey(),
            {"measures": THREE, "weights": [1, 1]},
            ValueError,
            "weights has 2 values for 3",
        ),
        (survey(), {"measures": THREE, "weights": [1, -1, 1]}, ValueError, "must be at least 0"),
        (survey(), {"measures": THREE, "weights": [0, 0, 0]}, ValueError, "weights sum to 0"),
        (
            survey(),
            {"measures": THREE, "weights": {"choice_time": 1}},
            ValueError,
            r"missing \['repeat_purchase_rate', 'price_sensitivity'\]",
        ),
        (
            survey(),
            {"measures": ["choice_time"], "weights": {"choice_time": 1, "price_sensitivity": 1}},
            ValueError,
            r"not among the measures \['price_sensitivity'\]",
        ),
        (survey(), {"measures": THREE, "weights": [1, "a", 1]}, TypeError, "must be a number"),
        (
            survey(),
            {"measures": THREE, "scale": (1, 5)},
            ValueError,
            r"'repeat_purchase_rate' has values outside its scale \(1, 5\) in rows \['c1'\]",
        ),
        (
            survey(),
            {"measures": THREE, "scale": {"price_sensitivity": (2, 6)}},
            ValueError,
            r"'price_sensitivity' has values outside its scale \(2, 6\) in rows \['c3'\]",
        ),
        (survey(), {"measures": THREE, "scale": (7, 1)}, ValueError, "low < high"),
        (survey(), {"measures": THREE, "scale": 7}, TypeError, r"pair \(low, high\)"),
        (
            survey(),
            {"measures": THREE, "scale": {"brand_attention": (1, 7)}},
            ValueError,
            "not among the measures",
        ),
        (
            survey().assign(choice_time=3),
            {"measures": THREE},
            ValueError,
            "'choice_time' has the same value",
        ),
    ],
)
def test_index_errors(data, kwargs, error, match):
    with pytest.raises(error, match=match):
        loyalty_index(data, **kwargs)


ROWS = st.lists(st.tuples(*[st.integers(1, 7)] * 3), min_size=2, max_size=15)


@given(rows=ROWS, weights=st.lists(st.floats(0.01, 10), min_size=3, max_size=3))
def test_index_is_between_0_and_100(rows, weights):
    data = pd.DataFrame(rows, columns=THREE)
    out = loyalty_index(data, weights=weights, measures=THREE, scale=(1, 7))
    assert out.between(-1e-9, 100 + 1e-9).all()


@given(rows=ROWS, who=st.integers(0, 14), which=st.sampled_from(THREE))
def test_more_of_a_measure_moves_the_index_its_way(rows, who, which):
    data = pd.DataFrame(rows, columns=THREE)
    who %= len(data)
    before = loyalty_index(data, measures=THREE, scale=(1, 7))
    changed = data.copy()
    changed.loc[who, which] = 7
    after = loyalty_index(changed, measures=THREE, scale=(1, 7))
    if LOYALTY_MEASURES[which].direction > 0:
        assert after[who] >= before[who] - 1e-9
    else:
        assert after[who] <= before[who] + 1e-9


@given(rows=ROWS, data=st.data())
def test_index_does_not_depend_on_row_order(rows, data):
    frame = pd.DataFrame(rows, columns=THREE)
    frame.iloc[0] = [1, 1, 1]
    frame.iloc[1] = [7, 7, 7]  # every measure varies, so min-max is defined
    order = data.draw(st.permutations(list(range(len(frame)))))
    a = loyalty_index(frame, measures=THREE)
    b = loyalty_index(frame.iloc[order], measures=THREE)
    pd.testing.assert_series_equal(a, b.loc[a.index])


# -------------------------------------------------------------------- repeat purchase rate


def log() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer": ["a", "a", "a", "b", "c", "c"],
            "date": [
                "2024-01-05",
                "2024-01-05",
                "2024-02-10",
                "2024-01-20",
                "2024-03-01",
                "2024-04-01",
            ],
            "amount": [10.0, 5.0, 8.0, 20.0, 3.0, 4.0],
        }
    )


def test_repeat_purchase_rate_overall_and_per_customer():
    assert repeat_purchase_rate(log(), "customer", "date") == pytest.approx(2 / 3)
    per = repeat_purchase_rate(log(), "customer", "date", per="customer")
    # a: two purchase dates (the two lines of 5 January are one purchase), b: one, c: two
    assert per.to_dict() == {"a": 0.5, "b": 0.0, "c": 0.5}
    assert per.name == "repeat_purchase_rate" and per.index.name == "customer"


def test_repeat_purchase_rate_window_and_datetimes():
    data = log().assign(date=lambda d: pd.to_datetime(d["date"]))
    assert repeat_purchase_rate(data, "customer", "date", end="2024-02-28") == 0.5
    assert repeat_purchase_rate(data, "customer", "date", start="2024-01-10") == pytest.approx(
        1 / 3
    )
    per = repeat_purchase_rate(data, "customer", "date", per="customer", start="2024-02-01")
    assert per.to_dict() == {"a": 0.0, "c": 0.5}


def test_repeat_purchase_rate_many_purchases():
    data = pd.DataFrame({"customer": [7] * 4 + [8], "date": pd.date_range("2024-01-01", periods=5)})
    per = repeat_purchase_rate(data, "customer", "date", per="customer")
    assert per.to_dict() == {7: 0.75, 8: 0.0}


def test_repeat_purchase_rate_does_not_modify_transactions():
    data = log()
    before = data.copy()
    repeat_purchase_rate(data, "customer", "date", per="customer", start="2024-01-01")
    pd.testing.assert_frame_equal(data, before)


@pytest.mark.parametrize(
    ("data", "kwargs", "error", "match"),
    [
        ([1], {}, TypeError, "transactions must be a pandas DataFrame"),
        (log().iloc[:0], {}, ValueError, "transactions has no rows"),
        (log().drop(columns="date"), {}, ValueError, "transactions has no column 'date'"),
        (
            log().assign(customer=["a", None, "a", "b", "c", "c"]),
            {},
            ValueError,
            r"'customer' has missing customer keys in rows \[1\]",
        ),
        (
            log().assign(
                date=[None, "2024-01-05", "2024-02-10", "2024-01-20", "2024-03-01", "2024-04-01"]
            ),
            {},
            ValueError,
            r"'date' has missing values in rows \[0\]",
        ),
        (
            log().assign(
                date=["2024-01-05", "soon", "2024-02-10", "2024-01-20", "2024-03-01", "2024-04-01"]
            ),
            {},
            ValueError,
            r"'date' has values that do not parse as dates in rows \[1\]",
        ),
        (log().assign(date=1.0), {}, TypeError, "must hold dates"),
        (log(), {"per": "month"}, ValueError, "per must be 'overall' or 'customer'"),
        (log(), {"start": "2024-05-01", "end": "2024-01-01"}, ValueError, "start .* is after end"),
        (log(), {"start": "2025-01-01"}, ValueError, "no purchases between"),
        (log(), {"start": "not a date"}, ValueError, "start 'not a date' does not parse as a date"),
        (log(), {"end": 20240101}, TypeError, "end must be a date"),
    ],
)
def test_repeat_purchase_rate_errors(data, kwargs, error, match):
    with pytest.raises(error, match=match):
        repeat_purchase_rate(data, "customer", "date", **kwargs)


@given(counts=st.lists(st.integers(1, 6), min_size=1, max_size=12))
def test_repeat_purchase_rate_matches_counts(counts):
    rows = [
        (f"c{i:02d}", pd.Timestamp("2024-01-01") + pd.Timedelta(days=d))
        for i, n in enumerate(counts)
        for d in range(n)
    ]
    data = pd.DataFrame(rows, columns=["customer", "date"])
    assert repeat_purchase_rate(data, "customer", "date") == pytest.approx(
        np.mean([n >= 2 for n in counts])
    )
    per = repeat_purchase_rate(data, "customer", "date", per="customer")
    assert per.tolist() == pytest.approx([(n - 1) / n for n in counts])


def test_public_names_are_exported():
    assert crmlab.loyalty_index is loyalty_index
    assert crmlab.repeat_purchase_rate is repeat_purchase_rate
    assert crmlab.LOYALTY_MEASURES is LOYALTY_MEASURES
