"""Customer satisfaction measurement (CSM, 客户满意度测评), chapter 6.

The lecture deck measures satisfaction on a seven-level scale (七级梯级) and names two ways to turn
survey answers into one number, without giving their scores or formulas; the exam adds the index
C = b/a. This module fills those gaps from the standard literature and says where it assumes:

* :data:`CSM_LEVELS` and :func:`csm_counts`: the seven levels and a tally of answers;
* :data:`DEFAULT_CSM_SCORES` and :func:`csm_score`: the simple scale score method (简单梯级分值法);
* :func:`weighted_satisfaction`: the percentage weighted method (百分值加权法);
* :func:`satisfaction_ratio`: the satisfaction index C = b / a, perceived over expected.

Labels are accepted in Chinese or English (any mix) and results use the English labels of the
glossary group ``csm_level``. No function modifies its arguments.

Examples
--------
>>> answers = ["很满意", "满意", "satisfied", "一般", "不满意"]
>>> counts = csm_counts(answers)
>>> counts.tolist()             # very dissatisfied ... very satisfied
[0, 1, 0, 1, 0, 2, 1]
>>> csm_score(counts)            # (3 + 2 + 2 + 0 - 2) / 5
1.0
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from numbers import Real
from types import MappingProxyType

import numpy as np
import pandas as pd

from crmlab._validate import describe_rows, numeric_values
from crmlab.glossary import chinese_name, labels, ordered_dtype, to_english

__all__ = [
    "CSM_LEVELS",
    "DEFAULT_CSM_SCORES",
    "csm_counts",
    "csm_score",
    "satisfaction_ratio",
    "weighted_satisfaction",
]

_GROUP = "csm_level"

#: The seven CSM levels in English, lowest first (glossary group ``csm_level``).
CSM_LEVELS: tuple[str, ...] = tuple(labels(_GROUP))

#: Default score of each CSM level (English label -> score), lowest first. An assumption: see
#: :func:`csm_score`. Read-only; pass your own table as ``scores=`` to use another one.
DEFAULT_CSM_SCORES: Mapping[str, int] = MappingProxyType(
    dict(zip(CSM_LEVELS, range(-3, 4), strict=True))
)


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


def _english_levels(values: pd.Series, argument: str, *, rows: bool = True) -> pd.Series:
    """Translate CSM labels to English; raise once for all unknown labels (with their rows)."""
    as_object = values.astype(object)
    translated: dict[Hashable, str] = {}
    unknown: list[Hashable] = []
    for label in pd.unique(as_object):
        try:
            translated[label] = to_english(label, _GROUP)
        except (ValueError, TypeError):
            unknown.append(label)
    if unknown:
        if rows:
            where = [
                f"{x!r} in rows {describe_rows(values.index[as_object == x])}" for x in unknown
            ]
        else:
            where = [repr(x) for x in unknown]
        noun = "levels" if len(unknown) > 1 else "level"
        raise ValueError(
            f"{argument} has unknown CSM {noun} {'; '.join(where)}; use one of {list(CSM_LEVELS)} "
            f"or the Chinese names {[chinese_name(x, _GROUP) for x in CSM_LEVELS]}"
        )
    return as_object.map(translated)


def _level_table(table: object, argument: str, *, allow_negative: bool) -> pd.Series:
    """A mapping or Series level -> number as a float Series indexed by English levels."""
    if isinstance(table, pd.DataFrame) or not isinstance(table, (Mapping, pd.Series)):
        raise TypeError(
            f"{argument} must be a mapping or a pandas Series keyed by CSM level, "
            f"got {type(table).__name__}"
        )
    series = pd.Series(dict(table), dtype=object) if isinstance(table, Mapping) else table
    if len(series) == 0:
        raise ValueError(f"{argument} is empty; give at least one CSM level")
    keys = pd.Series(list(series.index), index=series.index, dtype=object)
    values = numeric_values(
        pd.Series(series.to_numpy(), index=series.index), argument, allow_negative=allow_negative
    )
    english = _english_levels(keys.reset_index(drop=True), argument, rows=False)
    duplicated = english[english.duplicated(keep=False)]
    if len(duplicated):
        clashes = {
            level: list(keys.iloc[duplicated.index[duplicated == level]])
            for level in duplicated.unique()
        }
        detail = "; ".join(f"{given!r} all mean {level!r}" for level, given in clashes.items())
        raise ValueError(f"{argument} gives the same CSM level more than once: {detail}")
    return pd.Series(values.to_numpy(), index=pd.Index(english.to_numpy(), dtype=object))


def _keyed_numbers(data: object, argument: str, *, allow_negative: bool) -> pd.Series:
    """A mapping or Series key -> number as a float Series with unique keys."""
    if isinstance(data, pd.DataFrame) or not isinstance(data, (Mapping, pd.Series)):
        raise TypeError(
            f"{argument} must be a mapping or a pandas Series keyed by attribute, "
            f"got {type(data).__name__}"
        )
    series = pd.Series(dict(data), dtype=object) if isinstance(data, Mapping) else data
    if len(series) == 0:
        raise ValueError(f"{argument} is empty; give at least one attribute")
    duplicated = series.index[series.index.duplicated()].unique()
    if len(duplicated):
        raise ValueError(f"{argument} has duplicate keys: {describe_rows(duplicated)}")
    return numeric_values(
        pd.Series(series.to_numpy(), index=series.index), argument, allow_negative=allow_negative
    )


def _scalar(value: object, argument: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(
            f"{argument} must be a number or a pandas Series, got {type(value).__name__}"
        )
    out = float(value)
    if not np.isfinite(out):
        raise ValueError(f"{argument} must be a finite number, got {out}")
    return out


# --------------------------------------------------------------------------------------------
# public functions
# --------------------------------------------------------------------------------------------


def csm_counts(
    responses: pd.Series | list | tuple | np.ndarray, *, dropna: bool = False
) -> pd.Series:
    """Tally survey answers on the seven-level CSM scale.

    Parameters
    ----------
    responses : Series, list, tuple or 1-D array
        One CSM level per respondent, in Chinese (``"较满意"``) or English (``"somewhat
        satisfied"``, any case), in any mix. A Series keeps its index for error messages.
    dropna : bool, default False
        Missing answers (``None``, ``NaN``, ``pd.NA``) raise ``ValueError`` naming their rows.
        With ``dropna=True`` they are skipped (not counted at any level).

    Returns
    -------
    Series
        ``int64`` counts named ``"respondents"``, indexed by an ordered ``CategoricalIndex``
        (dtype :func:`crmlab.glossary.ordered_dtype` of ``"csm_level"``, name ``"csm_level"``)
        holding all seven English levels, lowest first; unused levels count 0. An empty input
        gives seven zeros.

    Raises
    ------
    TypeError
        If ``responses`` is not one-dimensional (a DataFrame or a single string).
    ValueError
        If a label is not one of the seven levels (the message names each label and its rows),
        or an answer is missing and ``dropna`` is False.

    References
    ----------
    The seven levels are the ones common in Chinese CSM practice (七级梯级: 很满意, 满意, 较满意,
    一般, 不太满意, 不满意, 很不满意); the lecture slide numbers seven levels and leaves them blank.

    Examples
    --------
    >>> counts = csm_counts(["满意", "very satisfied", "满意", "一般"])
    >>> counts
    csm_level
    very dissatisfied        0
    dissatisfied             0
    somewhat dissatisfied    0
    neutral                  1
    somewhat satisfied       0
    satisfied                2
    very satisfied           1
    Name: respondents, dtype: int64
    >>> csm_counts(["满意", "有点满意"])
    Traceback (most recent call last):
    ValueError: responses has unknown CSM level '有点满意' in rows [1]; use one of [...]
    """
    if isinstance(responses, (pd.DataFrame, str, bytes)):
        raise TypeError(
            "responses must be a Series, list, tuple or 1-D array of CSM levels, "
            f"got {type(responses).__name__}"
        )
    if isinstance(responses, pd.Series):
        series = responses
    elif isinstance(responses, (list, tuple, np.ndarray, pd.Index, pd.Categorical)):
        if np.ndim(responses) != 1 and len(responses) != 0:
            raise TypeError("responses must be one-dimensional")
        series = pd.Series(list(responses), dtype=object)
    else:
        raise TypeError(
            "responses must be a Series, list, tuple or 1-D array of CSM levels, "
            f"got {type(responses).__name__}"
        )
    missing = series.isna()
    if missing.any() and not dropna:
        raise ValueError(
            f"responses has missing answers in rows {describe_rows(series.index[missing])}; "
            "pass dropna=True to skip them"
        )
    english = _english_levels(series[~missing], "responses")
    dtype = ordered_dtype(_GROUP)
    codes = pd.Categorical(english.to_numpy(), dtype=dtype).codes
    counts = np.bincount(codes, minlength=len(dtype.categories)).astype("int64")
    index = pd.CategoricalIndex(list(dtype.categories), dtype=dtype, name="csm_level")
    return pd.Series(counts, index=index, name="respondents")


def csm_score(
    counts: Mapping[str, float] | pd.Series,
    scores: Mapping[str, float] | pd.Series | None = None,
) -> float:
    """Satisfaction by the simple scale score method (简单梯级分值法).

    Each CSM level gets a score; satisfaction is the respondent-weighted mean score::

        S = sum(score[level] * respondents[level]) / sum(respondents[level])

    Parameters
    ----------
    counts : mapping or Series
        CSM level -> number of respondents, keyed by Chinese or English labels (for example the
        result of :func:`csm_counts`). Levels may be left out (they count 0). Counts need not be
        whole numbers: shares or percentages of respondents give the same score.
    scores : mapping or Series, optional
        CSM level -> score. Defaults to :data:`DEFAULT_CSM_SCORES`. Only levels with respondents
        need a score.

    Returns
    -------
    float
        The mean score; it lies between the smallest and the largest score used.

    Raises
    ------
    TypeError
        If ``counts`` or ``scores`` is not a mapping or Series, or holds non-numbers.
    ValueError
        On an unknown level, a level given twice (``"满意"`` and ``"satisfied"``), negative,
        missing or infinite counts, no respondents at all, or a level with respondents but no
        score. Each message names the argument and the labels.

    Notes
    -----
    **The default scores are an assumption.** The lecture slide sets up "score setting" (分值设定)
    and leaves it blank, and Chinese CSM texts differ on the values. crmlab scores the seven
    levels symmetrically and equally spaced around the neutral point, as a bipolar rating scale
    is usually coded: very dissatisfied -3, dissatisfied -2, somewhat dissatisfied -1, neutral 0,
    somewhat satisfied +1, satisfied +2, very satisfied +3. A positive score means that
    satisfaction outweighs dissatisfaction. Equal spacing treats the verbal scale as an interval
    scale, as Likert-type scoring does. To use a percentage (0-100) table instead, pass it as
    ``scores``; any table that is an increasing linear function of this one ranks products the
    same way.

    References
    ----------
    .. [1] Likert, R. (1932). A technique for the measurement of attitudes. *Archives of
       Psychology*, 140, 1-55. (Equally spaced integer scores for ordered answer categories.)
    .. [2] Osgood, C. E., Suci, G. J., & Tannenbaum, P. H. (1957). *The Measurement of Meaning*.
       Urbana: University of Illinois Press. (Seven-step bipolar scales scored +3 ... -3.)

    Examples
    --------
    Ten respondents: 2 very satisfied, 4 satisfied, 3 neutral, 1 dissatisfied. With the default
    scores, (2*3 + 4*2 + 3*0 + 1*(-2)) / 10 = 12 / 10:

    >>> csm_score({"很满意": 2, "满意": 4, "一般": 3, "不满意": 1})
    1.2

    The same answers with a percentage table (100 for very satisfied, 0 for very dissatisfied):

    >>> percent = dict(zip(CSM_LEVELS, [0, 100 / 6, 200 / 6, 50, 400 / 6, 500 / 6, 100]))
    >>> round(csm_score({"很满意": 2, "满意": 4, "一般": 3, "不满意": 1}, percent), 2)
    70.0
    """
    table = _level_table(counts, "counts", allow_negative=False)
    score_table = _level_table(
        DEFAULT_CSM_SCORES if scores is None else scores, "scores", allow_negative=True
    )
    total = float(table.sum())
    if total <= 0:
        raise ValueError("counts has no respondents: the counts add up to 0")
    used = table[table > 0]
    unscored = [level for level in used.index if level not in score_table.index]
    if unscored:
        raise ValueError(
            f"scores has no score for CSM levels {unscored}, which have respondents in counts"
        )
    weights = used.to_numpy()
    values = score_table.loc[list(used.index)].to_numpy()
    return float(np.dot(weights, values) / weights.sum())


def weighted_satisfaction(
    satisfaction: Mapping[Hashable, float] | pd.Series,
    weights: Mapping[Hashable, float] | pd.Series,
) -> float:
    """Overall satisfaction by the percentage weighted method (百分值加权法).

    The satisfaction with each attribute of a product or service (price, quality, delivery ...),
    usually in percent, is averaged with the attribute's importance as weight::

        S = sum(w[a] * s[a]) / sum(w[a])

    Parameters
    ----------
    satisfaction : mapping or Series
        Attribute -> satisfaction (any finite numbers; percentages are usual).
    weights : mapping or Series
        Attribute -> importance weight (non-negative, not all zero). Weights need not add up to
        1 or 100: they are normalised.

    Returns
    -------
    float
        The weighted mean; it lies between the smallest and largest attribute satisfaction.

    Raises
    ------
    TypeError
        If an argument is not a mapping or Series, or holds non-numbers.
    ValueError
        If the two arguments do not have exactly the same keys (the message names the missing
        and the extra ones), a key is duplicated, a value is missing or infinite, a weight is
        negative, or the weights add up to 0.

    References
    ----------
    The lecture slide gives only the method's name; the formula is the usual importance-weighted
    mean of attribute satisfaction (an assumption the course states).

    .. [1] Hill, N., & Alexander, J. (2006). *Handbook of Customer Satisfaction and Loyalty
       Measurement* (3rd ed.). Aldershot: Gower. (A satisfaction index weighting each
       attribute's satisfaction by its importance.)

    Examples
    --------
    Quality 90% satisfied with weight 0.5, price 70% with 0.3, delivery 80% with 0.2:
    0.5*90 + 0.3*70 + 0.2*80 = 45 + 21 + 16 = 82.

    >>> weighted_satisfaction({"quality": 90, "price": 70, "delivery": 80},
    ...                       {"quality": 0.5, "price": 0.3, "delivery": 0.2})
    82.0
    """
    values = _keyed_numbers(satisfaction, "satisfaction", allow_negative=True)
    weight = _keyed_numbers(weights, "weights", allow_negative=False)
    missing = [k for k in values.index if k not in set(weight.index)]
    extra = [k for k in weight.index if k not in set(values.index)]
    if missing or extra:
        problems = []
        if missing:
            problems.append(f"weights has no weight for {describe_rows(missing)}")
        if extra:
            problems.append(f"weights has keys not in satisfaction: {describe_rows(extra)}")
        raise ValueError("satisfaction and weights must have the same keys: " + "; ".join(problems))
    total = float(weight.sum())
    if total <= 0:
        raise ValueError("weights add up to 0; give at least one attribute a positive weight")
    aligned = weight.reindex(values.index).to_numpy()
    return float(np.dot(aligned, values.to_numpy()) / total)


def satisfaction_ratio(
    perceived: float | pd.Series, expected: float | pd.Series
) -> float | pd.Series:
    """The satisfaction index C = b / a: perceived performance over expectation.

    The exam item C = b/a does not say what ``a`` and ``b`` are; the course reads ``b`` as the
    perceived performance and ``a`` as the expectation, so that C > 1 means satisfied (the
    perception exceeds the expectation), C = 1 just satisfied and C < 1 dissatisfied. This
    reading is the course's, stated as such in chapter 6.

    Parameters
    ----------
    perceived : number or Series
        ``b``, the perceived performance (non-negative).
    expected : number or Series
        ``a``, the expected performance (strictly positive).

    Returns
    -------
    float or Series
        A float when both are numbers; otherwise a float Series named ``"satisfaction_ratio"``,
        element-wise. Two Series must have the same index labels (in any order): they are
        aligned by label and the result follows the order of ``perceived``. A number is
        broadcast against a Series.

    Raises
    ------
    TypeError
        If an argument is neither a number nor a Series, or holds non-numbers.
    ValueError
        If a value is missing or infinite, ``perceived`` is negative, ``expected`` is not
        positive, or the two Series have different labels (the message names them).

    References
    ----------
    .. [1] Oliver, R. L. (1980). A cognitive model of the antecedents and consequences of
       satisfaction decisions. *Journal of Marketing Research*, 17(4), 460-469.
       (Satisfaction as performance judged against expectation.)
    .. [2] Kotler, P., & Keller, K. L. (2016). *Marketing Management* (15th ed.). Pearson.
       (Satisfaction as a function of perceived performance and expectations.)

    Examples
    --------
    >>> satisfaction_ratio(4.5, 4.0)
    1.125
    >>> satisfaction_ratio(pd.Series({"a": 3.0, "b": 5.0}), 4.0)
    a    0.75
    b    1.25
    Name: satisfaction_ratio, dtype: float64
    """
    p_series = isinstance(perceived, pd.Series)
    e_series = isinstance(expected, pd.Series)
    if not p_series and not e_series:
        b = _scalar(perceived, "perceived")
        a = _scalar(expected, "expected")
        if b < 0:
            raise ValueError(f"perceived must not be negative, got {b:g}")
        if a <= 0:
            raise ValueError(f"expected must be positive, got {a:g}")
        return b / a
    if p_series and e_series:
        for series, name in ((perceived, "perceived"), (expected, "expected")):
            dup = series.index[series.index.duplicated()].unique()
            if len(dup):
                raise ValueError(f"{name} has duplicate labels: {describe_rows(dup)}")
        only_p = perceived.index.difference(expected.index, sort=False)
        only_e = expected.index.difference(perceived.index, sort=False)
        if len(only_p) or len(only_e):
            raise ValueError(
                "perceived and expected must have the same labels: "
                f"only in perceived {describe_rows(only_p)}, only in expected {describe_rows(only_e)}"
            )
    if p_series:
        b_values = numeric_values(perceived, "perceived")
    else:
        b = _scalar(perceived, "perceived")
        if b < 0:
            raise ValueError(f"perceived must not be negative, got {b:g}")
    if e_series:
        a_values = numeric_values(expected, "expected", allow_negative=True)
        bad = a_values.index[a_values.to_numpy() <= 0]
        if len(bad):
            raise ValueError(
                f"column 'expected' must be positive; rows {describe_rows(bad)} are not"
            )
    else:
        a = _scalar(expected, "expected")
        if a <= 0:
            raise ValueError(f"expected must be positive, got {a:g}")
    if p_series and e_series:
        ratio = b_values / a_values.reindex(b_values.index)
    elif p_series:
        ratio = b_values / a
    else:
        ratio = b / a_values
    return ratio.rename("satisfaction_ratio")
