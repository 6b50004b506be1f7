"""Tests for crmlab.servqual: SERVQUAL gaps per dimension and overall."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import crmlab
from crmlab.glossary import labels
from crmlab.servqual import SERVQUAL_DIMENSIONS, SERVQUAL_ITEMS, servqual_gaps

ITEMS = [f"q{i}" for i in range(1, 23)]
DIMENSIONS = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]
EMPATHY = [f"q{i}" for i in range(18, 23)]


def frame(values, columns=ITEMS, index=None) -> pd.DataFrame:
    return pd.DataFrame(np.asarray(values, dtype="int64"), columns=columns, index=index)


def two_respondents() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Respondent 0 perceives 5 on every item; respondent 1 perceives 3, but 7 on empathy.

    Everyone expects 6 on every item.
    """
    p = frame([[5] * 22, [3] * 17 + [7] * 5])
    e = frame([[6] * 22, [6] * 22])
    return p, e


# ---------------------------------------------------------------------------------------------
# constants
# ---------------------------------------------------------------------------------------------


def test_dimensions_match_the_glossary():
    assert list(SERVQUAL_DIMENSIONS) == DIMENSIONS == labels("servqual_dimension")


def test_standard_item_assignment_of_parasuraman_zeithaml_berry_1988():
    assert list(SERVQUAL_ITEMS) == ITEMS
    expected = {
        "tangibles": ["q1", "q2", "q3", "q4"],
        "reliability": ["q5", "q6", "q7", "q8", "q9"],
        "responsiveness": ["q10", "q11", "q12", "q13"],
        "assurance": ["q14", "q15", "q16", "q17"],
        "empathy": EMPATHY,
    }
    for dimension, items in expected.items():
        assert [i for i, d in SERVQUAL_ITEMS.items() if d == dimension] == items


def test_standard_item_assignment_is_read_only():
    with pytest.raises(TypeError):
        SERVQUAL_ITEMS["q1"] = "empathy"  # type: ignore[index]


def test_exported_lazily():
    assert crmlab.servqual_gaps is servqual_gaps
    assert crmlab.SERVQUAL_ITEMS is SERVQUAL_ITEMS


# ---------------------------------------------------------------------------------------------
# hand-computed examples
# ---------------------------------------------------------------------------------------------


def test_default_22_items_hand_computed():
    p, e = two_respondents()
    result = servqual_gaps(p, e)
    # tangibles ... assurance: P = (5 + 3) / 2 = 4, E = 6, gap = -2
    # empathy: P = (5 + 7) / 2 = 6, E = 6, gap = 0
    # overall: P = (4 * 4 + 6) / 5 = 4.4, E = 6, gap = (4 * -2 + 0) / 5 = -1.6
    expected = pd.DataFrame(
        {
            "perception": [4.0, 4.0, 4.0, 4.0, 6.0, 4.4],
            "expectation": [6.0] * 6,
            "gap": [-2.0, -2.0, -2.0, -2.0, 0.0, -1.6],
        },
        index=pd.Index([*DIMENSIONS, "overall"], name="dimension"),
    )
    pd.testing.assert_frame_equal(result, expected)


def test_overall_is_the_mean_of_dimensions_not_of_items():
    p, e = two_respondents()
    # the mean over all 44 perception cells would be (22*5 + 17*3 + 5*7) / 44 = 196/44 = 4.4545
    assert servqual_gaps(p, e).loc["overall", "perception"] == pytest.approx(4.4)
    assert p.to_numpy().mean() == pytest.approx(196 / 44)


def test_weighted_overall_hand_computed():
    p, e = two_respondents()
    weights = {"tangibles": 1, "reliability": 1, "responsiveness": 1, "assurance": 1, "移情性": 4}
    result = servqual_gaps(p, e, weights=weights)
    # normalised weights 1/8 for the first four, 4/8 for empathy:
    # gap = 4 * (1/8) * -2 + (1/2) * 0 = -1; perception = 4 * (1/8) * 4 + (1/2) * 6 = 5
    assert result.loc["overall", "gap"] == pytest.approx(-1.0)
    assert result.loc["overall", "perception"] == pytest.approx(5.0)
    assert result.loc["overall", "expectation"] == pytest.approx(6.0)
    # the dimension rows do not depend on the weights
    pd.testing.assert_frame_equal(result.iloc[:5], servqual_gaps(p, e).iloc[:5])


def test_custom_mapping_fewer_items_chinese_names_first_appearance_order():
    items = {"r1": "可靠性", "t1": "有形性", "r2": "reliability", "c1": "convenience"}
    p = frame([[4, 6, 2, 5], [6, 4, 4, 3], [5, 5, 3, 4]], columns=["t1", "r1", "r2", "c1"])
    e = frame([[5, 7, 5, 4], [5, 7, 5, 4], [5, 7, 5, 4]], columns=["t1", "r1", "r2", "c1"])
    result = servqual_gaps(p, e, dimension_of=items)
    assert result.index.tolist() == ["reliability", "tangibles", "convenience", "overall"]
    # reliability: P cells 6,4,5 (r1) and 2,4,3 (r2): 24 / 6 = 4; E (7*3 + 5*3) / 6 = 6; gap -2
    # tangibles: P (4 + 6 + 5) / 3 = 5; E 5; gap 0
    # convenience: P (5 + 3 + 4) / 3 = 4; E 4; gap 0
    # overall: P (4 + 5 + 4) / 3 = 13/3; E (6 + 5 + 4) / 3 = 5; gap -2/3
    assert result["perception"].tolist() == pytest.approx([4.0, 5.0, 4.0, 13 / 3])
    assert result["expectation"].tolist() == pytest.approx([6.0, 5.0, 4.0, 5.0])
    assert result["gap"].tolist() == pytest.approx([-2.0, 0.0, 0.0, -2 / 3])


def test_dimension_of_as_a_series():
    mapping = pd.Series({"a": "tangibles", "b": "empathy"})
    p = frame([[1, 2]], columns=["a", "b"])
    e = frame([[2, 2]], columns=["a", "b"])
    result = servqual_gaps(p, e, mapping)
    assert result["gap"].tolist() == pytest.approx([-1.0, 0.0, -0.5])


def test_column_order_and_row_order_do_not_matter():
    p, e = two_respondents()
    p = p.assign(q3=[2, 4])
    base = servqual_gaps(p, e)
    shuffled_p = p[list(reversed(ITEMS))].iloc[::-1]
    pd.testing.assert_frame_equal(servqual_gaps(shuffled_p, e), base)


def test_result_dtypes_and_labels():
    p, e = two_respondents()
    result = servqual_gaps(p, e)
    assert result.columns.tolist() == ["perception", "expectation", "gap"]
    assert (result.dtypes == "float64").all()
    assert result.index.name == "dimension"


def test_negative_and_float_ratings_are_allowed():
    p = pd.DataFrame({"a": [-1.5, 0.5], "b": [0.0, 1.0]})
    e = pd.DataFrame({"a": [0.0, 0.0], "b": [1.0, 1.0]})
    result = servqual_gaps(p, e, {"a": "x", "b": "y"})
    # x: P -0.5, E 0, gap -0.5; y: P 0.5, E 1, gap -0.5
    assert result["gap"].tolist() == pytest.approx([-0.5, -0.5, -0.5])


# ---------------------------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------------------------


def test_not_a_frame():
    p, e = two_respondents()
    with pytest.raises(TypeError, match="perceptions must be a pandas DataFrame"):
        servqual_gaps(p.to_numpy(), e)
    with pytest.raises(TypeError, match="expectations must be a pandas DataFrame"):
        servqual_gaps(p, {"q1": [1]})


def test_empty_frame():
    p, e = two_respondents()
    with pytest.raises(ValueError, match="expectations has no rows"):
        servqual_gaps(p, e.iloc[:0])


def test_mismatched_columns_are_named():
    p, e = two_respondents()
    with pytest.raises(ValueError, match=r"only in expectations: \['q3'\]"):
        servqual_gaps(p.drop(columns="q3"), e)
    with pytest.raises(
        ValueError, match=r"only in perceptions: \['x'\]; only in expectations: \['q3'\]"
    ):
        servqual_gaps(p.rename(columns={"q3": "x"}), e)


def test_items_missing_from_both_frames():
    p, e = two_respondents()
    with pytest.raises(ValueError, match=r"have no columns \['q22'\]"):
        servqual_gaps(p.drop(columns="q22"), e.drop(columns="q22"))


def test_columns_in_no_dimension():
    p, e = two_respondents()
    with pytest.raises(
        ValueError, match=r"columns \['id'\] of perceptions and expectations belong to no dimension"
    ):
        servqual_gaps(p.assign(id=[1, 2]), e.assign(id=[1, 2]))


def test_mismatched_shapes():
    p, e = two_respondents()
    with pytest.raises(
        ValueError, match=r"perceptions has shape \(1, 22\) but expectations has shape \(2, 22\)"
    ):
        servqual_gaps(p.iloc[:1], e)


def test_mismatched_respondents():
    p, e = two_respondents()
    with pytest.raises(
        ValueError, match=r"rows \['b'\] only in perceptions; rows \[1\] only in expectations"
    ):
        servqual_gaps(p.set_axis([0, "b"]), e)


def test_duplicate_columns():
    p = pd.DataFrame([[1, 2]], columns=["a", "a"])
    with pytest.raises(ValueError, match=r"perceptions has duplicate columns: \['a'\]"):
        servqual_gaps(p, p, {"a": "x"})


@pytest.mark.parametrize(
    ("cell", "error", "pattern"),
    [
        (("expectations", 1, "q7", np.nan), ValueError, r"has missing values in rows \[1\]"),
        (("perceptions", 0, "q2", np.inf), ValueError, r"has infinite values in rows \[0\]"),
        (
            ("perceptions", 1, "q9", "good"),
            TypeError,
            r"must be numeric; rows \[1\] hold \['good'\]",
        ),
    ],
    ids=["missing", "infinite", "non-numeric"],
)
def test_a_bad_cell_names_frame_column_and_row(cell, error, pattern):
    name, row, column, value = cell
    frames = dict(zip(["perceptions", "expectations"], two_respondents(), strict=True))
    frames[name] = frames[name].astype(object if isinstance(value, str) else "float64")
    frames[name].loc[row, column] = value
    with pytest.raises(error, match=rf"{name}: column '{column}' {pattern}"):
        servqual_gaps(frames["perceptions"], frames["expectations"])


@pytest.mark.parametrize(
    ("mapping", "error", "pattern"),
    [
        ({}, ValueError, "dimension_of is empty"),
        ({"q1": 3}, TypeError, "dimension_of maps item 'q1' to 3"),
        ({"q1": " "}, TypeError, "non-empty strings"),
        ({"q1": "overall"}, ValueError, "may not use the name 'overall'"),
        (["q1"], TypeError, "dimension_of must be a mapping"),
        (pd.Series(["x", "y"], index=["q1", "q1"]), ValueError, r"duplicate items: \['q1'\]"),
    ],
)
def test_bad_dimension_of(mapping, error, pattern):
    p = frame([[1]], columns=["q1"])
    with pytest.raises(error, match=pattern):
        servqual_gaps(p, p, mapping)


@pytest.mark.parametrize(
    ("weights", "error", "pattern"),
    [
        (
            {"tangibles": 1},
            ValueError,
            r"no weight for \['reliability', 'responsiveness', 'assurance', 'empathy'\]",
        ),
        (dict.fromkeys([*DIMENSIONS, "price"], 1), ValueError, r"unknown dimensions \['price'\]"),
        (
            {**dict.fromkeys(DIMENSIONS, 1), "有形性": 2},
            ValueError,
            r"more than once: \['tangibles'\]",
        ),
        (
            {**dict.fromkeys(DIMENSIONS, 1), "empathy": -1},
            ValueError,
            r"negative values in rows \['empathy'\]",
        ),
        (dict.fromkeys(DIMENSIONS, 0), ValueError, "weights add up to 0"),
        ({**dict.fromkeys(DIMENSIONS, 1), "empathy": "x"}, TypeError, "'weights' must be numeric"),
        ([1, 1, 1, 1, 1], TypeError, "weights must be a mapping"),
        ({1: 1}, TypeError, "weights has key 1"),
    ],
)
def test_bad_weights(weights, error, pattern):
    p, e = two_respondents()
    with pytest.raises(error, match=pattern):
        servqual_gaps(p, e, weights=weights)


def test_does_not_modify_its_arguments():
    p, e = two_respondents()
    mapping = dict(SERVQUAL_ITEMS)
    weights = pd.Series(dict.fromkeys(DIMENSIONS, 2.0))
    copies = (p.copy(), e.copy(), dict(mapping), weights.copy())
    result = servqual_gaps(p, e, mapping, weights)
    result.loc["overall", "gap"] = 99.0  # the result is a new object
    pd.testing.assert_frame_equal(p, copies[0])
    pd.testing.assert_frame_equal(e, copies[1])
    assert mapping == copies[2]
    pd.testing.assert_series_equal(weights, copies[3])
    assert servqual_gaps(p, e).loc["overall", "gap"] == pytest.approx(-1.6)


# ---------------------------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------------------------

ratings = st.integers(1, 20).flatmap(
    lambda n: st.tuples(
        arrays("int64", (n, 22), elements=st.integers(1, 7)),
        arrays("int64", (n, 22), elements=st.integers(1, 7)),
    )
)


@given(ratings)
def test_overall_gap_is_the_mean_of_the_dimension_gaps(pair):
    result = servqual_gaps(frame(pair[0]), frame(pair[1]))
    assert result.loc["overall", "gap"] == pytest.approx(result["gap"].iloc[:5].mean())
    np.testing.assert_allclose(
        result["gap"], result["perception"] - result["expectation"], atol=1e-12
    )


@given(ratings)
def test_gaps_match_an_independent_numpy_computation(pair):
    p, e = pair
    result = servqual_gaps(frame(p), frame(e))
    numbers = {
        d: [int(i[1:]) - 1 for i, dd in SERVQUAL_ITEMS.items() if dd == d] for d in DIMENSIONS
    }
    for dimension, cols in numbers.items():
        # mean over respondents of each respondent's mean item gap
        per_respondent = (p[:, cols] - e[:, cols]).mean(axis=1)
        assert result.loc[dimension, "gap"] == pytest.approx(per_respondent.mean())
        assert 1 <= result.loc[dimension, "perception"] <= 7


@given(ratings, st.randoms(use_true_random=False))
def test_row_order_invariance(pair, rng):
    p, e = frame(pair[0]), frame(pair[1])
    order_p = list(p.index)
    order_e = list(e.index)
    rng.shuffle(order_p)
    rng.shuffle(order_e)
    pd.testing.assert_frame_equal(
        servqual_gaps(p.loc[order_p], e.loc[order_e]), servqual_gaps(p, e)
    )


@given(
    ratings,
    st.lists(st.floats(0.0, 10.0), min_size=5, max_size=5).filter(lambda w: sum(w) > 0.01),
    st.floats(0.1, 100),
)
def test_weighted_overall_is_invariant_to_scaling_weights(pair, weights, factor):
    p, e = frame(pair[0]), frame(pair[1])
    w = dict(zip(DIMENSIONS, weights, strict=True))
    result = servqual_gaps(p, e, weights=w)
    scaled = servqual_gaps(p, e, weights={k: v * factor for k, v in w.items()})
    pd.testing.assert_frame_equal(result, scaled, rtol=1e-9, atol=1e-9)
    gaps = result["gap"].iloc[:5].to_numpy()
    assert result.loc["overall", "gap"] == pytest.approx(np.dot(weights, gaps) / sum(weights))


@given(ratings, st.integers(-3, 3))
def test_shifting_perceptions_shifts_every_gap(pair, shift):
    p, e = frame(pair[0]), frame(pair[1])
    base = servqual_gaps(p, e)
    moved = servqual_gaps(p + shift, e)
    np.testing.assert_allclose(moved["gap"], base["gap"] + shift, atol=1e-12)
    np.testing.assert_allclose(moved["expectation"], base["expectation"], atol=1e-12)
