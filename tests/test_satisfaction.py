"""Tests for crmlab.satisfaction: CSM counts and scores, the weighted method, C = b / a."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import crmlab
from crmlab.glossary import chinese_name, labels, ordered_dtype
from crmlab.satisfaction import (
    CSM_LEVELS,
    DEFAULT_CSM_SCORES,
    csm_counts,
    csm_score,
    satisfaction_ratio,
    weighted_satisfaction,
)

LOWEST_FIRST = [
    "very dissatisfied",
    "dissatisfied",
    "somewhat dissatisfied",
    "neutral",
    "somewhat satisfied",
    "satisfied",
    "very satisfied",
]
CHINESE = ["很不满意", "不满意", "不太满意", "一般", "较满意", "满意", "很满意"]


# ---------------------------------------------------------------------------------------------
# levels and default scores
# ---------------------------------------------------------------------------------------------


def test_levels_are_the_seven_glossary_levels_lowest_first():
    assert list(CSM_LEVELS) == LOWEST_FIRST == labels("csm_level")
    assert [chinese_name(x, "csm_level") for x in CSM_LEVELS] == CHINESE


def test_default_scores_are_symmetric_minus_three_to_three():
    assert list(DEFAULT_CSM_SCORES) == LOWEST_FIRST
    assert list(DEFAULT_CSM_SCORES.values()) == [-3, -2, -1, 0, 1, 2, 3]


def test_default_scores_are_read_only():
    with pytest.raises(TypeError):
        DEFAULT_CSM_SCORES["neutral"] = 50  # type: ignore[index]


def test_public_names_are_exported_lazily():
    assert crmlab.csm_score is csm_score
    assert crmlab.csm_counts is csm_counts
    assert crmlab.weighted_satisfaction is weighted_satisfaction
    assert crmlab.satisfaction_ratio is satisfaction_ratio
    assert crmlab.DEFAULT_CSM_SCORES is DEFAULT_CSM_SCORES


# ---------------------------------------------------------------------------------------------
# csm_counts
# ---------------------------------------------------------------------------------------------


def test_counts_mixed_chinese_and_english_labels():
    # 满意 x2 + "Satisfied" (any case) -> satisfied 3; 很不满意 and "very dissatisfied" -> 2;
    # " 一般 " (spaces stripped) -> neutral 1; nothing else
    answers = ["满意", "Satisfied", "很不满意", "very dissatisfied", " 一般 ", "满意"]
    counts = csm_counts(answers)
    assert counts.tolist() == [2, 0, 0, 1, 0, 3, 0]
    assert counts.index.tolist() == LOWEST_FIRST
    assert counts.dtype == np.int64
    assert counts.name == "respondents"
    assert counts.index.name == "csm_level"


def test_counts_index_is_ordered_categorical_of_the_glossary_dtype():
    counts = csm_counts(["满意"])
    assert isinstance(counts.index, pd.CategoricalIndex)
    assert counts.index.dtype == ordered_dtype("csm_level")
    assert counts.index.ordered
    assert counts.index.min() == "very dissatisfied"


def test_counts_accepts_series_tuple_array_and_categorical():
    expected = [0, 0, 0, 0, 1, 1, 0]
    raw = ["较满意", "满意"]
    assert csm_counts(pd.Series(raw, dtype="str")).tolist() == expected
    assert csm_counts(tuple(raw)).tolist() == expected
    assert csm_counts(np.array(raw, dtype=object)).tolist() == expected
    assert csm_counts(pd.Series(raw, dtype="category")).tolist() == expected


def test_counts_of_nothing_are_seven_zeros():
    counts = csm_counts([])
    assert counts.tolist() == [0] * 7
    assert counts.index.tolist() == LOWEST_FIRST


def test_counts_unknown_labels_name_each_label_and_its_rows():
    answers = pd.Series(["满意", "有点满意", "great", "有点满意"], index=["a", "b", "c", "d"])
    with pytest.raises(ValueError) as info:
        csm_counts(answers)
    message = str(info.value)
    assert "responses" in message
    assert "'有点满意' in rows ['b', 'd']" in message
    assert "'great' in rows ['c']" in message


def test_counts_non_string_label_is_unknown():
    with pytest.raises(ValueError, match=r"unknown CSM level 3 in rows \[1\]"):
        csm_counts(["满意", 3])


def test_counts_missing_answers_raise_naming_rows():
    answers = pd.Series(["满意", None, "一般", np.nan], index=[10, 11, 12, 13], dtype=object)
    with pytest.raises(ValueError, match=r"missing answers in rows \[11, 13\].*dropna=True"):
        csm_counts(answers)


def test_counts_dropna_skips_missing_answers():
    answers = pd.Series(["满意", None, "一般"], dtype="str")
    assert csm_counts(answers, dropna=True).tolist() == [0, 0, 0, 1, 0, 1, 0]


@pytest.mark.parametrize(
    "bad", ["满意", pd.DataFrame({"a": ["满意"]}), 3, {"满意": 1}, np.array([["满意"]])]
)
def test_counts_rejects_non_one_dimensional_input(bad):
    with pytest.raises(TypeError, match="responses"):
        csm_counts(bad)


def test_counts_does_not_modify_its_input():
    answers = pd.Series(["满意", "Very Satisfied", None], index=["x", "y", "z"], dtype=object)
    before = answers.copy()
    csm_counts(answers, dropna=True)
    pd.testing.assert_series_equal(answers, before)


@given(st.lists(st.sampled_from(LOWEST_FIRST + CHINESE), max_size=40))
def test_counts_add_up_to_the_number_of_answers(answers):
    counts = csm_counts(answers)
    assert int(counts.sum()) == len(answers)
    assert (counts >= 0).all()
    for level, chinese in zip(LOWEST_FIRST, CHINESE, strict=True):
        assert counts[level] == answers.count(level) + answers.count(chinese)


# ---------------------------------------------------------------------------------------------
# csm_score
# ---------------------------------------------------------------------------------------------


def test_score_hand_computed_with_default_scores():
    # 2 very satisfied (+3), 4 satisfied (+2), 3 neutral (0), 1 dissatisfied (-2):
    # (6 + 8 + 0 - 2) / 10 = 12 / 10 = 1.2
    assert csm_score({"很满意": 2, "满意": 4, "一般": 3, "不满意": 1}) == pytest.approx(1.2)


def test_score_of_a_csm_counts_result():
    # very dissatisfied (-3), somewhat satisfied (+1), satisfied x2 (+2 +2): (-3 + 1 + 4) / 4 = 0.5
    counts = csm_counts(["很不满意", "较满意", "满意", "satisfied"])
    assert csm_score(counts) == pytest.approx(0.5)


def test_score_with_a_custom_percentage_table():
    # 3 respondents at 100, 1 at 60 (较满意), 1 at 0 (很不满意): (300 + 60 + 0) / 5 = 72
    scores = {"很满意": 100, "满意": 80, "较满意": 60, "一般": 40, "不太满意": 20,
              "不满意": 10, "很不满意": 0}  # fmt: skip
    counts = {"very satisfied": 3, "somewhat satisfied": 1, "very dissatisfied": 1}
    assert csm_score(counts, scores) == pytest.approx(72.0)


def test_score_accepts_series_keys_in_chinese():
    counts = pd.Series({"满意": 1, "不太满意": 1})  # (+2 - 1) / 2 = 0.5
    scores = pd.Series({"satisfied": 2, "somewhat dissatisfied": -1})
    assert csm_score(counts, scores) == pytest.approx(0.5)


def test_score_needs_scores_only_for_levels_with_respondents():
    # 'neutral' has 0 respondents and no score: fine; (2*10 + 1*40) / 3 = 20
    counts = {"satisfied": 2, "very satisfied": 1, "neutral": 0}
    assert csm_score(counts, {"satisfied": 10, "very satisfied": 40}) == pytest.approx(20.0)


def test_score_returns_a_python_float():
    assert type(csm_score({"满意": 1})) is float


def test_score_missing_score_for_a_used_level():
    with pytest.raises(ValueError, match=r"scores has no score for CSM levels \['neutral'\]"):
        csm_score({"一般": 2, "满意": 1}, {"satisfied": 2})


def test_score_duplicate_level_given_in_two_languages():
    with pytest.raises(
        ValueError, match=r"counts gives the same CSM level more than once.*'满意'.*'satisfied'"
    ):
        csm_score({"满意": 1, "satisfied": 2})


def test_score_duplicate_level_in_scores():
    with pytest.raises(ValueError, match="scores gives the same CSM level"):
        csm_score({"满意": 1}, {"满意": 2, "Satisfied": 3})


def test_score_duplicate_series_labels():
    counts = pd.Series([1, 2], index=["满意", "满意"])
    with pytest.raises(ValueError, match="counts gives the same CSM level"):
        csm_score(counts)


def test_score_unknown_level_is_named():
    with pytest.raises(ValueError, match=r"counts has unknown CSM level '超满意'"):
        csm_score({"超满意": 1})
    with pytest.raises(ValueError, match=r"scores has unknown CSM level 'excellent'"):
        csm_score({"满意": 1}, {"excellent": 5, "满意": 2})


def test_score_negative_counts_name_the_level():
    with pytest.raises(ValueError, match=r"'counts' has negative values in rows \['不满意'\]"):
        csm_score({"满意": 3, "不满意": -1})


def test_score_zero_respondents():
    with pytest.raises(ValueError, match="no respondents"):
        csm_score({"满意": 0, "一般": 0})


def test_score_missing_and_infinite_counts():
    with pytest.raises(ValueError, match=r"missing values in rows \['一般'\]"):
        csm_score({"满意": 1, "一般": np.nan})
    with pytest.raises(ValueError, match="infinite"):
        csm_score({"满意": np.inf})


def test_score_non_numeric_counts():
    with pytest.raises(TypeError, match=r"'counts' must be numeric; rows \['满意'\]"):
        csm_score({"满意": "many"})


@pytest.mark.parametrize("bad", [[1, 2], pd.DataFrame({"满意": [1]}), 5, "满意"])
def test_score_counts_must_be_a_mapping_or_series(bad):
    with pytest.raises(TypeError, match="counts must be a mapping"):
        csm_score(bad)


def test_score_empty_counts():
    with pytest.raises(ValueError, match="counts is empty"):
        csm_score({})


def test_score_does_not_modify_its_arguments():
    counts = pd.Series({"满意": 2, "一般": 1})
    scores = {"satisfied": 80, "neutral": 40}
    before_counts, before_scores = counts.copy(), dict(scores)
    csm_score(counts, scores)
    pd.testing.assert_series_equal(counts, before_counts)
    assert scores == before_scores


counts_strategy = st.lists(st.integers(0, 1000), min_size=7, max_size=7).filter(
    lambda c: sum(c) > 0
)


@given(counts_strategy, st.integers(1, 50))
def test_score_lies_between_min_and_max_used_score_and_ignores_scale(counts, factor):
    table = dict(zip(LOWEST_FIRST, counts, strict=True))
    score = csm_score(table)
    used = [DEFAULT_CSM_SCORES[level] for level, n in table.items() if n > 0]
    assert min(used) - 1e-12 <= score <= max(used) + 1e-12
    scaled = {level: n * factor for level, n in table.items()}
    assert csm_score(scaled) == pytest.approx(score, abs=1e-12)


@given(counts_strategy)
def test_score_equals_mean_of_expanded_answers(counts):
    # an independent computation: list every respondent's score and average them
    answers = [
        DEFAULT_CSM_SCORES[level]
        for level, n in zip(LOWEST_FIRST, counts, strict=True)
        for _ in range(n)
    ]
    assert csm_score(dict(zip(CHINESE, counts, strict=True))) == pytest.approx(np.mean(answers))


@given(counts_strategy, st.floats(0.1, 10), st.floats(-100, 100))
def test_score_follows_a_linear_change_of_scores(counts, a, b):
    table = dict(zip(LOWEST_FIRST, counts, strict=True))
    shifted = {level: a * s + b for level, s in DEFAULT_CSM_SCORES.items()}
    assert csm_score(table, shifted) == pytest.approx(a * csm_score(table) + b, abs=1e-9)


# ---------------------------------------------------------------------------------------------
# weighted_satisfaction
# ---------------------------------------------------------------------------------------------


def test_weighted_hand_computed():
    # 0.5*90 + 0.3*70 + 0.2*80 = 45 + 21 + 16 = 82 (weights add to 1)
    s = {"quality": 90, "price": 70, "delivery": 80}
    w = {"quality": 0.5, "price": 0.3, "delivery": 0.2}
    assert weighted_satisfaction(s, w) == pytest.approx(82.0)


def test_weighted_normalises_weights_and_aligns_keys_not_positions():
    # weights 2 and 6 in a different key order: (2*50 + 6*90) / 8 = (100 + 540) / 8 = 80
    s = pd.Series({"service": 50.0, "product": 90.0})
    w = pd.Series({"product": 6, "service": 2})
    assert weighted_satisfaction(s, w) == pytest.approx(80.0)


def test_weighted_zero_weight_drops_an_attribute():
    assert weighted_satisfaction({"a": 10, "b": 99}, {"a": 1, "b": 0}) == pytest.approx(10.0)


def test_weighted_allows_negative_satisfaction():
    # scores from csm_score can be negative: (1*(-1.5) + 1*0.5) / 2 = -0.5
    assert weighted_satisfaction({"a": -1.5, "b": 0.5}, {"a": 1, "b": 1}) == pytest.approx(-0.5)


def test_weighted_keys_must_match_naming_missing_and_extra():
    with pytest.raises(ValueError) as info:
        weighted_satisfaction({"quality": 90, "price": 70}, {"quality": 1, "colour": 1})
    message = str(info.value)
    assert "weights has no weight for ['price']" in message
    assert "weights has keys not in satisfaction: ['colour']" in message


def test_weighted_negative_weight():
    with pytest.raises(ValueError, match=r"'weights' has negative values in rows \['price'\]"):
        weighted_satisfaction({"quality": 90, "price": 70}, {"quality": 1, "price": -1})


def test_weighted_weights_summing_to_zero():
    with pytest.raises(ValueError, match="weights add up to 0"):
        weighted_satisfaction({"quality": 90, "price": 70}, {"quality": 0, "price": 0})


def test_weighted_missing_satisfaction_value():
    with pytest.raises(ValueError, match=r"'satisfaction' has missing values in rows \['price'\]"):
        weighted_satisfaction({"quality": 90, "price": None}, {"quality": 1, "price": 1})


def test_weighted_duplicate_keys():
    s = pd.Series([90, 70], index=["quality", "quality"])
    with pytest.raises(ValueError, match=r"satisfaction has duplicate keys: \['quality'\]"):
        weighted_satisfaction(s, {"quality": 1})


def test_weighted_type_errors():
    with pytest.raises(TypeError, match="satisfaction must be a mapping"):
        weighted_satisfaction([90, 70], {"a": 1})
    with pytest.raises(TypeError, match="weights must be a mapping"):
        weighted_satisfaction({"a": 1}, [1])
    with pytest.raises(TypeError, match=r"'satisfaction' must be numeric; rows \['a'\]"):
        weighted_satisfaction({"a": "high"}, {"a": 1})


def test_weighted_empty():
    with pytest.raises(ValueError, match="satisfaction is empty"):
        weighted_satisfaction({}, {})


def test_weighted_does_not_modify_its_arguments():
    s = pd.Series({"a": 90.0, "b": 70.0})
    w = pd.Series({"b": 1, "a": 3})
    before_s, before_w = s.copy(), w.copy()
    weighted_satisfaction(s, w)
    pd.testing.assert_series_equal(s, before_s)
    pd.testing.assert_series_equal(w, before_w)


attribute_values = st.lists(
    st.tuples(st.floats(0, 100), st.floats(0, 10)), min_size=1, max_size=8
).filter(lambda pairs: sum(w for _, w in pairs) > 1e-3)


@given(attribute_values, st.floats(0.01, 1000))
def test_weighted_is_invariant_to_scaling_weights_and_bounded(pairs, factor):
    s = {f"attr{i}": v for i, (v, _) in enumerate(pairs)}
    w = {f"attr{i}": wt for i, (_, wt) in enumerate(pairs)}
    result = weighted_satisfaction(s, w)
    scaled = weighted_satisfaction(s, {k: v * factor for k, v in w.items()})
    assert scaled == pytest.approx(result, rel=1e-9, abs=1e-9)
    assert min(s.values()) - 1e-9 <= result <= max(s.values()) + 1e-9


@given(st.lists(st.floats(-100, 100), min_size=1, max_size=8))
def test_weighted_with_equal_weights_is_the_mean(values):
    s = {i: v for i, v in enumerate(values)}
    w = dict.fromkeys(s, 2.5)
    assert weighted_satisfaction(s, w) == pytest.approx(np.mean(values), abs=1e-9)


# ---------------------------------------------------------------------------------------------
# satisfaction_ratio
# ---------------------------------------------------------------------------------------------


def test_ratio_scalars():
    # b = 4.5 perceived, a = 4 expected: C = 4.5 / 4 = 1.125 > 1, satisfied
    result = satisfaction_ratio(4.5, 4)
    assert result == pytest.approx(1.125)
    assert type(result) is float
    assert satisfaction_ratio(3, 4) == pytest.approx(0.75)  # C < 1: dissatisfied
    assert satisfaction_ratio(0, 4) == 0.0


def test_ratio_series_are_aligned_by_label():
    perceived = pd.Series({"x": 3.0, "y": 6.0, "z": 2.0})
    expected = pd.Series({"z": 4.0, "x": 2.0, "y": 6.0})  # other order
    result = satisfaction_ratio(perceived, expected)
    # x: 3/2 = 1.5, y: 6/6 = 1, z: 2/4 = 0.5
    pd.testing.assert_series_equal(
        result, pd.Series({"x": 1.5, "y": 1.0, "z": 0.5}, name="satisfaction_ratio")
    )


def test_ratio_broadcasts_a_scalar_against_a_series():
    expected = pd.Series([2.0, 4.0], index=["a", "b"])
    pd.testing.assert_series_equal(
        satisfaction_ratio(4, expected),
        pd.Series([2.0, 1.0], index=["a", "b"], name="satisfaction_ratio"),
    )
    pd.testing.assert_series_equal(
        satisfaction_ratio(pd.Series([1, 3]), 2),
        pd.Series([0.5, 1.5], name="satisfaction_ratio"),
    )


def test_ratio_expected_must_be_positive():
    with pytest.raises(ValueError, match="expected must be positive, got 0"):
        satisfaction_ratio(3, 0)
    with pytest.raises(ValueError, match=r"'expected' must be positive; rows \['b'\]"):
        satisfaction_ratio(pd.Series({"a": 1.0, "b": 2.0}), pd.Series({"a": 1.0, "b": 0.0}))
    with pytest.raises(ValueError, match=r"'expected' must be positive; rows \[1\]"):
        satisfaction_ratio(1.0, pd.Series([1.0, -2.0]))


def test_ratio_perceived_must_not_be_negative():
    with pytest.raises(ValueError, match="perceived must not be negative"):
        satisfaction_ratio(-1, 2)
    with pytest.raises(ValueError, match=r"'perceived' has negative values in rows \[0\]"):
        satisfaction_ratio(pd.Series([-1.0]), 2)
    with pytest.raises(ValueError, match="perceived must not be negative"):
        satisfaction_ratio(-1, pd.Series([2.0]))


def test_ratio_mismatched_labels_are_named():
    with pytest.raises(ValueError, match=r"only in perceived \['c'\], only in expected \['d'\]"):
        satisfaction_ratio(pd.Series({"a": 1, "c": 2}), pd.Series({"a": 1, "d": 2}))


def test_ratio_duplicate_labels():
    with pytest.raises(ValueError, match=r"perceived has duplicate labels: \['a'\]"):
        satisfaction_ratio(pd.Series([1, 2], index=["a", "a"]), pd.Series([1, 2], index=["a", "b"]))


def test_ratio_bad_types_and_values():
    with pytest.raises(TypeError, match="perceived must be a number or a pandas Series"):
        satisfaction_ratio([1, 2], 2)
    with pytest.raises(TypeError, match="expected must be a number"):
        satisfaction_ratio(1, True)
    with pytest.raises(ValueError, match="perceived must be a finite number"):
        satisfaction_ratio(math.nan, 2)
    with pytest.raises(ValueError, match=r"'expected' has missing values in rows \[1\]"):
        satisfaction_ratio(1, pd.Series([1.0, np.nan]))


def test_ratio_does_not_modify_its_arguments():
    perceived = pd.Series({"a": 3, "b": 5})
    expected = pd.Series({"b": 4, "a": 2})
    before_p, before_e = perceived.copy(), expected.copy()
    satisfaction_ratio(perceived, expected)
    pd.testing.assert_series_equal(perceived, before_p)
    pd.testing.assert_series_equal(expected, before_e)


@given(
    st.lists(st.tuples(st.floats(0, 1e6), st.floats(1e-3, 1e6)), min_size=1, max_size=10),
    st.randoms(use_true_random=False),
)
def test_ratio_is_elementwise_and_order_invariant(pairs, rng):
    index = [f"c{i}" for i in range(len(pairs))]
    perceived = pd.Series([b for b, _ in pairs], index=index)
    expected = pd.Series([a for _, a in pairs], index=index)
    shuffled = list(index)
    rng.shuffle(shuffled)
    result = satisfaction_ratio(perceived, expected.loc[shuffled])
    for (b, a), label in zip(pairs, index, strict=True):
        assert result[label] == pytest.approx(b / a)
        assert (result[label] > 1) == (b > a)
