"""The visible checks of 06_csm: every likely mistake is named (fast, without grading)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.check_helpers import assert_passes, failure_of

A = "06_csm"
failure = failure_of(A)
ATTRIBUTES = [
    "function",
    "quality",
    "value for money",
    "appearance",
    "brand",
    "pre-sale service",
    "in-sale service",
    "after-sale service",
]
PERCENT_SCORES = {
    "很满意": 100,
    "满意": 85,
    "较满意": 70,
    "一般": 50,
    "不太满意": 30,
    "不满意": 15,
    "很不满意": 0,
}
DEFAULT_SCORES = {
    "很满意": 3,
    "满意": 2,
    "较满意": 1,
    "一般": 0,
    "不太满意": -1,
    "不满意": -2,
    "很不满意": -3,
}


def test_mistakes_are_named():
    assert "neutral" in failure("q1", 0.75)
    assert "not a count" in failure("q1", 156)
    assert "sign is reversed" in failure("q2", -0.236666667)
    assert "between -3 and +3" in failure("q2", 4.2)
    assert "English attribute names" in failure(
        "q3", pd.Series([50.0, 60.0], index=["功能", "质量"])
    )
    assert "another table" in failure("q3", pd.Series(-1.0, index=ATTRIBUTES))
    assert "unweighted mean" in failure("q4", 61.879166667)
    assert "by position" in failure("q4", 60.688333333)
    assert "unweighted mean of the three" in failure("q5", 55.377777778)
    assert "do not add up to 1" in failure("q5", 18.8225)
    assert "other way round" in failure("q7", {"Hu", "Yang"})
    assert "just met" in failure("q7", ["Gao", "Lin", "Xu", "Zheng"])
    assert "single-choice" in failure("q8", "AC")
    assert "option letters A, B, C, D" in failure("q11", "BCE")


def test_function_question_checks():
    def distinct_levels(answers, scores):
        levels = set(answers)
        return sum(scores[level] for level in levels) / len(levels)

    def mutates(answers, scores):
        answers.append("很满意")
        return 1.0

    def returns_series(answers, scores):
        return pd.Series(answers).map(scores)

    assert "each respondent counts once" in failure("q6", distinct_levels).lower()
    assert "changed the list or dict" in failure("q6", mutates)
    assert "as a number" in failure("q6", returns_series)


def test_missing_scores_are_named_not_given_a_range_message():
    from crmlab.datasets import load_csm_survey

    survey = load_csm_survey()
    # a score table that does not map the levels of one attribute: that attribute's mean is NaN
    unmapped = survey["level_zh"].map(PERCENT_SCORES).where(survey["attribute"] != "quality")
    scores = unmapped.groupby(survey["attribute"]).mean()
    assert scores.isna().sum() == 1
    message = failure("q3", scores)
    assert message == (
        "q3: some scores are NaN (missing): a level that your score table does not map, or an "
        "attribute without answers; check the levels you mapped."
    )
    assert "another table" in failure("q3", scores.fillna(150.0))  # the range rule still runs
    # the English levels mapped with the Chinese table: nothing matches, the mean is NaN
    value = survey.loc[survey["attribute"] == "value for money", "level"].map(DEFAULT_SCORES)
    assert failure("q2", float(value.mean())).startswith("q2: your score is NaN (missing): ")
    for question in ("q1", "q4", "q5"):
        assert failure(question, float("nan")).startswith(f"{question}: your number is NaN")


@pytest.mark.parametrize(
    ("question", "answer"), [("q1", 0.3), ("q7", {"Gao"}), ("q8", "d"), ("q11", "AB")]
)
def test_a_well_formed_answer_passes_the_check(question, answer):
    assert_passes(A, question, answer)
