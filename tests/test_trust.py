"""Tests for crmlab.trust: Cronbach's alpha and Likert scale scores."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import crmlab
from crmlab.trust import cronbach_alpha, likert_scores


def items_frame(values, prefix="i") -> pd.DataFrame:
    values = np.asarray(values)
    return pd.DataFrame(values, columns=[f"{prefix}{j + 1}" for j in range(values.shape[1])])


def alpha_from_covariance(values: np.ndarray) -> float:
    """Cronbach's alpha from the item covariance matrix C: k/(k-1) * (1 - trace(C) / sum(C)).

    The sum of all entries of C is the variance of the total score, its trace the sum of the
    item variances; this route shares no code with crmlab.trust.
    """
    cov = np.cov(values, rowvar=False, ddof=1)
    k = cov.shape[0]
    return k / (k - 1) * (1 - np.trace(cov) / cov.sum())


def test_exported_lazily():
    assert crmlab.cronbach_alpha is cronbach_alpha
    assert crmlab.likert_scores is likert_scores


# ---------------------------------------------------------------------------------------------
# cronbach_alpha: hand-computed values
# ---------------------------------------------------------------------------------------------


def test_alpha_hand_computed_three_items():
    # i1 = 1,2,3,4: mean 2.5, squared deviations 2.25+0.25+0.25+2.25 = 5, variance 5/3
    # i2 = 1,3,3,5: mean 3, squared deviations 4+0+0+4 = 8, variance 8/3
    # i3 = 2,2,4,4: mean 3, squared deviations 1+1+1+1 = 4, variance 4/3
    # totals 4,7,10,13: mean 8.5, squared deviations 20.25+2.25+2.25+20.25 = 45, variance 15
    # alpha = 3/2 * (1 - (17/3) / 15) = 3/2 * 28/45 = 14/15
    items = pd.DataFrame({"i1": [1, 2, 3, 4], "i2": [1, 3, 3, 5], "i3": [2, 2, 4, 4]})
    assert cronbach_alpha(items) == pytest.approx(14 / 15)


def test_alpha_can_be_negative():
    # i1 = 1,2,3: variance 1; i2 = 2,1,1: mean 4/3, squared deviations 4/9+1/9+1/9, variance 1/3
    # totals 3,3,4: mean 10/3, squared deviations 1/9+1/9+4/9, variance 1/3
    # alpha = 2 * (1 - (4/3) / (1/3)) = 2 * (1 - 4) = -6
    items = pd.DataFrame({"i1": [1, 2, 3], "i2": [2, 1, 1]})
    assert cronbach_alpha(items) == pytest.approx(-6.0)


def test_alpha_of_identical_items_is_one():
    items = pd.DataFrame({"a": [1, 4, 2, 5], "b": [1, 4, 2, 5], "c": [1, 4, 2, 5]})
    assert cronbach_alpha(items) == pytest.approx(1.0)


def test_alpha_two_standardised_items_is_spearman_brown():
    # for two items with equal variances alpha = 2r / (1 + r) (Spearman-Brown, Cronbach 1951)
    # x = 1,2,3,4,5 and y = 2,1,4,3,5 have equal variance 2.5 and covariance 2 -> r = 0.8
    # alpha = 1.6 / 1.8 = 8/9
    items = pd.DataFrame({"x": [1, 2, 3, 4, 5], "y": [2, 1, 4, 3, 5]})
    assert cronbach_alpha(items) == pytest.approx(8 / 9)


def test_alpha_returns_a_python_float():
    items = pd.DataFrame({"a": [1, 2, 3], "b": [1, 3, 3]})
    assert type(cronbach_alpha(items)) is float


def test_alpha_accepts_numeric_strings_and_floats():
    # numbers stored as text are converted like everywhere in crmlab
    items = pd.DataFrame(
        {"i1": ["1", "2", "3", "4"], "i2": [1.0, 3.0, 3.0, 5.0], "i3": [2, 2, 4, 4]}
    )
    assert cronbach_alpha(items) == pytest.approx(14 / 15)


# ---------------------------------------------------------------------------------------------
# cronbach_alpha: missing values and errors
# ---------------------------------------------------------------------------------------------


def with_gaps() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "i1": [1.0, 2.0, np.nan, 3.0, 4.0, 4.0],
            "i2": [1.0, 3.0, 2.0, 3.0, 5.0, 5.0],
            "i3": [2.0, 2.0, 5.0, 4.0, np.nan, 4.0],
        },
        index=["r1", "r2", "r3", "r4", "r5", "r6"],
    )


def test_alpha_missing_values_raise_naming_columns_and_rows():
    with pytest.raises(ValueError) as info:
        cronbach_alpha(with_gaps())
    message = str(info.value)
    assert "column 'i1' in rows ['r3']" in message
    assert "column 'i3' in rows ['r5']" in message
    assert "nan_policy='listwise'" in message


def test_alpha_listwise_drops_incomplete_respondents():
    # dropping r3 and r5 leaves r1, r2, r4, r6: the hand-computed example above, 14/15
    assert cronbach_alpha(with_gaps(), nan_policy="listwise") == pytest.approx(14 / 15)


def test_alpha_listwise_with_too_few_complete_respondents():
    items = pd.DataFrame({"a": [1, np.nan, 3], "b": [1, 2, np.nan]})
    with pytest.raises(ValueError, match=r"1 complete respondent\(s\).*at least 2"):
        cronbach_alpha(items, nan_policy="listwise")


def test_alpha_unknown_nan_policy():
    with pytest.raises(ValueError, match="nan_policy must be 'raise' or 'listwise', got 'omit'"):
        cronbach_alpha(pd.DataFrame({"a": [1, 2], "b": [2, 1]}), nan_policy="omit")


def test_alpha_needs_two_items():
    with pytest.raises(ValueError, match=r"items has 1 column\(s\).*at least 2 items"):
        cronbach_alpha(pd.DataFrame({"a": [1, 2, 3]}))


def test_alpha_needs_two_respondents():
    with pytest.raises(ValueError, match=r"1 complete respondent\(s\)"):
        cronbach_alpha(pd.DataFrame({"a": [1], "b": [2]}))


def test_alpha_constant_total_is_a_clear_error():
    # 1+5, 2+4, 3+3: every total is 6
    items = pd.DataFrame({"a": [1, 2, 3], "b": [5, 4, 3]})
    with pytest.raises(ValueError, match="same total score.*no variance.*undefined"):
        cronbach_alpha(items)


def test_alpha_constant_total_with_float_noise_is_caught():
    items = pd.DataFrame({"a": [0.1, 0.2, 0.7], "b": [0.9, 0.8, 0.3]})
    with pytest.raises(ValueError, match="same total score"):
        cronbach_alpha(items)


def test_alpha_type_errors():
    with pytest.raises(TypeError, match="items must be a pandas DataFrame"):
        cronbach_alpha(np.ones((3, 2)))
    bad = pd.DataFrame({"a": [1, 2, 3], "b": [1, "often", 2]})
    with pytest.raises(
        TypeError, match=r"items: column 'b' must be numeric; rows \[1\] hold \['often'\]"
    ):
        cronbach_alpha(bad)
    with pytest.raises(TypeError, match="column 'b' must be numeric, got dtype bool"):
        cronbach_alpha(pd.DataFrame({"a": [1, 2, 3], "b": [True, False, True]}))


def test_alpha_infinite_value():
    items = pd.DataFrame({"a": [1.0, np.inf, 3.0], "b": [1.0, 2.0, 3.0]})
    with pytest.raises(ValueError, match=r"items: column 'a' has infinite values in rows \[1\]"):
        cronbach_alpha(items, nan_policy="listwise")


def test_alpha_duplicate_columns():
    items = pd.DataFrame([[1, 2], [2, 3], [3, 3]], columns=["a", "a"])
    with pytest.raises(ValueError, match=r"items has duplicate columns: \['a'\]"):
        cronbach_alpha(items)


def test_alpha_does_not_modify_its_input():
    items = with_gaps()
    before = items.copy()
    cronbach_alpha(items, nan_policy="listwise")
    pd.testing.assert_frame_equal(items, before)


# ---------------------------------------------------------------------------------------------
# cronbach_alpha: properties
# ---------------------------------------------------------------------------------------------

likert_matrices = st.tuples(st.integers(2, 25), st.integers(2, 8)).flatmap(
    lambda shape: arrays("int64", shape, elements=st.integers(1, 5))
)


def usable(values: np.ndarray) -> bool:
    return bool(values.sum(axis=1).var() > 0)


@given(likert_matrices)
def test_alpha_is_at_most_one_and_matches_the_covariance_formula(values):
    assume(usable(values))
    alpha = cronbach_alpha(items_frame(values))
    assert alpha <= 1 + 1e-9
    assert alpha == pytest.approx(alpha_from_covariance(values.astype(float)), rel=1e-9, abs=1e-9)


@given(likert_matrices)
def test_standardised_alpha_is_spearman_brown_of_the_mean_correlation(values):
    # after z-scoring each item, alpha = k * rbar / (1 + (k - 1) * rbar) (Cronbach 1951)
    assume(usable(values) and (values.std(axis=0) > 0).all())
    z = (values - values.mean(axis=0)) / values.std(axis=0, ddof=1)
    assume(z.sum(axis=1).var() > 1e-9)
    k = values.shape[1]
    corr = np.corrcoef(values, rowvar=False)
    rbar = (corr.sum() - k) / (k * (k - 1))
    assert cronbach_alpha(items_frame(z)) == pytest.approx(
        k * rbar / (1 + (k - 1) * rbar), abs=1e-9
    )


@given(likert_matrices, st.randoms(use_true_random=False), st.integers(-10, 10), st.integers(1, 9))
def test_alpha_ignores_row_order_shifts_and_a_common_scale(values, rng, shift, factor):
    assume(usable(values))
    frame = items_frame(values)
    alpha = cronbach_alpha(frame)
    order = list(frame.index)
    rng.shuffle(order)
    assert cronbach_alpha(frame.loc[order]) == pytest.approx(alpha, abs=1e-9)
    assert cronbach_alpha(frame + shift) == pytest.approx(alpha, abs=1e-9)
    assert cronbach_alpha(frame * factor) == pytest.approx(alpha, abs=1e-9)


# ---------------------------------------------------------------------------------------------
# likert_scores
# ---------------------------------------------------------------------------------------------


def survey() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "t1": [5, 2, 4],
            "t2": [4, 3, 4],
            "t3": [2, 5, 1],  # reverse-keyed: 6 - x -> 4, 1, 5
            "c1": [3, 3, 5],
            "note": ["ok", "??", "fine"],  # not an item: ignored
        },
        index=pd.Index(["ann", "bo", "cy"], name="respondent"),
    )


def test_scores_hand_computed_with_a_reverse_item():
    result = likert_scores(
        survey(), {"trust": ["t1", "t2", "t3"], "commitment": ["c1"]}, reverse=["t3"]
    )
    # trust: ann (5 + 4 + 4) / 3 = 13/3; bo (2 + 3 + 1) / 3 = 2; cy (4 + 4 + 5) / 3 = 13/3
    expected = pd.DataFrame(
        {"trust": [13 / 3, 2.0, 13 / 3], "commitment": [3.0, 3.0, 5.0]},
        index=pd.Index(["ann", "bo", "cy"], name="respondent"),
    )
    pd.testing.assert_frame_equal(result, expected)


def test_scores_sum_method():
    result = likert_scores(survey(), {"trust": ["t1", "t2", "t3"]}, reverse=["t3"], method="sum")
    # ann 5 + 4 + 4 = 13, bo 2 + 3 + 1 = 6, cy 4 + 4 + 5 = 13
    assert result["trust"].tolist() == [13.0, 6.0, 13.0]


def test_scores_seven_point_scale_reverse():
    answers = pd.DataFrame({"a": [7, 1], "b": [2, 6]})
    # b reversed on 1..7: 8 - x -> 6, 2; means (7 + 6) / 2 = 6.5 and (1 + 2) / 2 = 1.5
    result = likert_scores(answers, {"x": ["a", "b"]}, reverse=["b"], scale=(1, 7))
    assert result["x"].tolist() == [6.5, 1.5]


def test_scores_zero_based_scale():
    answers = pd.DataFrame({"a": [0, 4], "b": [4, 4]})
    # b reversed on 0..4: 4 - x -> 0, 0
    assert likert_scores(answers, {"x": ["a", "b"]}, reverse=["b"], scale=(0, 4))["x"].tolist() == [
        0.0,
        2.0,
    ]


def test_scores_without_reverse_are_plain_means():
    result = likert_scores(survey(), {"trust": ["t1", "t2"]})
    assert result["trust"].tolist() == [4.5, 2.5, 4.0]


def test_an_item_may_serve_two_constructs_and_order_follows_constructs():
    result = likert_scores(survey(), {"b": ["t1"], "a": ["t1", "c1"]})
    assert result.columns.tolist() == ["b", "a"]
    assert result["a"].tolist() == [4.0, 2.5, 4.5]
    assert result["b"].tolist() == [5.0, 2.0, 4.0]


def test_scores_result_is_float_and_keeps_the_index():
    result = likert_scores(survey(), {"trust": ["t1"]})
    assert result.dtypes.tolist() == [np.dtype("float64")]
    pd.testing.assert_index_equal(result.index, survey().index)


def test_scores_out_of_scale_names_column_rows_and_values():
    answers = survey().assign(t2=[4, 9, 0])
    with pytest.raises(
        ValueError,
        match=r"column 't2' has values outside the scale 1-5 in rows \['bo', 'cy'\]: \[9.0, 0.0\]",
    ):
        likert_scores(answers, {"trust": ["t1", "t2"]})


def test_scores_missing_and_non_numeric_cells():
    answers = survey().astype({"t2": "float64"})
    answers.loc["bo", "t2"] = np.nan
    with pytest.raises(
        ValueError, match=r"responses: column 't2' has missing values in rows \['bo'\]"
    ):
        likert_scores(answers, {"trust": ["t1", "t2"]})
    with pytest.raises(
        TypeError, match=r"responses: column 'note' must be numeric; rows \['ann', 'bo', 'cy'\]"
    ):
        likert_scores(survey(), {"trust": ["note"]})


def test_scores_missing_column():
    with pytest.raises(ValueError, match=r"responses has no column 't9'"):
        likert_scores(survey(), {"trust": ["t1", "t9"]})


@pytest.mark.parametrize(
    ("constructs", "reverse", "error", "pattern"),
    [
        ([("trust", ["t1"])], None, TypeError, "constructs must be a mapping"),
        ({}, None, ValueError, "constructs is empty"),
        ({"trust": "t1"}, None, TypeError, r"constructs\['trust'\] must be a list of item columns"),
        ({"trust": 5}, None, TypeError, r"constructs\['trust'\] must be a list"),
        ({"trust": []}, None, ValueError, r"constructs\['trust'\] has no items"),
        ({"trust": ["t1", "t1"]}, None, ValueError, r"repeats items \['t1'\]"),
        (
            {"trust": ["t1"]},
            ["t3"],
            ValueError,
            r"reverse lists items that belong to no construct: \['t3'\]",
        ),
        ({"trust": ["t1"]}, "t1", TypeError, "reverse must be a list of item columns"),
    ],
)
def test_scores_bad_constructs_and_reverse(constructs, reverse, error, pattern):
    with pytest.raises(error, match=pattern):
        likert_scores(survey(), constructs, reverse=reverse)


@pytest.mark.parametrize(
    ("scale", "error"),
    [((5, 1), ValueError), ((1, 1), ValueError), ((1, np.inf), ValueError), ((1,), TypeError),
     ("1-5", TypeError), ((1, "5"), TypeError), ((True, 5), TypeError)],
)  # fmt: skip
def test_scores_bad_scale(scale, error):
    with pytest.raises(error, match="scale must be"):
        likert_scores(survey(), {"trust": ["t1"]}, scale=scale)


def test_scores_bad_method_and_frame():
    with pytest.raises(ValueError, match="method must be 'mean' or 'sum', got 'median'"):
        likert_scores(survey(), {"trust": ["t1"]}, method="median")
    with pytest.raises(TypeError, match="responses must be a pandas DataFrame"):
        likert_scores(survey().to_dict(), {"trust": ["t1"]})


def test_scores_do_not_modify_their_arguments():
    answers = survey()
    constructs = {"trust": ["t1", "t2", "t3"]}
    reverse = ["t3"]
    before = answers.copy()
    likert_scores(answers, constructs, reverse=reverse)
    pd.testing.assert_frame_equal(answers, before)
    assert constructs == {"trust": ["t1", "t2", "t3"]}
    assert reverse == ["t3"]


answer_grids = st.tuples(st.integers(1, 15), st.integers(1, 6)).flatmap(
    lambda shape: arrays("int64", shape, elements=st.integers(1, 7))
)


@given(answer_grids, st.data())
def test_scores_stay_on_the_scale_and_match_an_independent_recode(values, data):
    frame = items_frame(values, prefix="q")
    columns = list(frame.columns)
    reverse = data.draw(st.lists(st.sampled_from(columns), unique=True))
    result = likert_scores(frame, {"all": columns}, reverse=reverse, scale=(1, 7))
    flip = np.array([c in reverse for c in columns])
    recoded = np.where(flip, 8 - values, values)
    np.testing.assert_allclose(result["all"].to_numpy(), recoded.mean(axis=1))
    assert ((result["all"] >= 1) & (result["all"] <= 7)).all()
    summed = likert_scores(frame, {"all": columns}, reverse=reverse, scale=(1, 7), method="sum")
    np.testing.assert_allclose(summed["all"].to_numpy(), result["all"].to_numpy() * len(columns))


@given(answer_grids, st.randoms(use_true_random=False))
def test_scores_are_per_respondent_so_row_order_does_not_matter(values, rng):
    frame = items_frame(values, prefix="q")
    constructs = {"all": list(frame.columns), "first": [frame.columns[0]]}
    result = likert_scores(frame, constructs, reverse=[frame.columns[-1]], scale=(1, 7))
    order = list(frame.index)
    rng.shuffle(order)
    shuffled = likert_scores(
        frame.loc[order], constructs, reverse=[frame.columns[-1]], scale=(1, 7)
    )
    pd.testing.assert_frame_equal(shuffled.loc[result.index], result)
