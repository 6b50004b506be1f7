"""Charts the chapters reuse, with bilingual (English/中文) titles and labels.

Every chart takes pandas data with column names as arguments, draws on a new figure (or on
``ax=`` when given), returns the matplotlib :class:`~matplotlib.axes.Axes`, never modifies its
input, and stores a one-sentence description for screen readers and figure captions, which
:func:`alt_text` returns. Chinese labels render with the font that ships inside crmlab
(``crmlab/fonts/CRMLabSansSC-Regular.otf``, a subset of Noto Sans CJK SC under the SIL Open Font
License), so charts look the same on every machine; :func:`use_cjk_font` registers it and every
chart calls it. In a notebook, :func:`show` displays a chart as a PNG image with its alt text in
the output's metadata, where JupyterLab and nbconvert put it on the ``<img>`` tag.

This module imports matplotlib and seaborn; ``import crmlab`` does not import this module, so
the rest of crmlab stays fast to load.

In a notebook, store charts as PNG (SVG output holds dates and random ids, and nbval compares
it as text)::

    %config InlineBackend.figure_formats = ['png']

Charts
------
The module is in sections by what a chart draws, not by chapter; a new chart goes into the
section of its kind (or a new section), uses the shared style of the first one and ends with
its alt text.

Style and display, shared by every chart:

- :func:`use_cjk_font`: register the shipped CJK font; :data:`ABC_COLORS`,
  :data:`VALUE_CLASS_COLORS`: the class colours
- :func:`show`: display a chart as a PNG with alt text (and close it); :func:`alt_text`: its text

Concentration, how a total is spread over customers:

- :func:`pareto_chart`: ABC classes, bars per customer and the cumulative share (chapters 0 and 5)

Survey results:

- :func:`csm_distribution`: respondents over the seven CSM levels (chapter 6)
- :func:`servqual_gap_chart`: SERVQUAL perception vs expectation per dimension (chapter 7)

Matrices and heatmaps, customers or cohorts in a grid of two dimensions:

- :func:`rfm_heatmap`: customers or mean monetary value by R and F score (chapter 8)
- :func:`cohort_heatmap`: retention share by cohort and period (chapters 2 and 4)
- :func:`value_matrix_chart`: current vs future value, the four value classes (chapter 8)

Curves and trajectories, a quantity over time or along a driver:

- :func:`lifecycle_curve`: the lifecycle revenue/profit curve, or stage counts (chapters 2 and 3)
- :func:`clv_vs_retention`: customer lifetime value as retention rises (chapters 1 and 8)

Examples
--------
>>> from crmlab.abc import abc_classify
>>> from crmlab.datasets import load_distributors
>>> ax = pareto_chart(abc_classify(load_distributors(), "sales", customer="distributor"),
...                   value="sales", customer="distributor")
>>> len(ax.patches)
20
>>> alt_text(ax)
'Pareto chart of 20 customers by sales: class A has 9 customers (45%) with 69.8% of the total, ...'
>>> plt.close(ax.figure)
"""

from __future__ import annotations

import io
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from crmlab._validate import describe_rows, renamed, require_frame
from crmlab.fonts import FAMILY, FONT_FILE
from crmlab.glossary import chinese_name, labels, to_english
from crmlab.value import clv

__all__ = [
    "ABC_COLORS",
    "VALUE_CLASS_COLORS",
    "alt_text",
    "clv_vs_retention",
    "cohort_heatmap",
    "csm_distribution",
    "lifecycle_curve",
    "pareto_chart",
    "rfm_heatmap",
    "servqual_gap_chart",
    "show",
    "use_cjk_font",
    "value_matrix_chart",
]


# ============================================================================================
# Style and display: the font, colours, labels and alt text every chart shares


#: Fonts tried, in order, for a character the CJK font lacks (matplotlib falls back per glyph).
FALLBACK_FONTS: tuple[str, ...] = ("DejaVu Sans",)

#: Colour of each ABC class (colour-blind safe, from the Okabe-Ito palette).
ABC_COLORS: dict[str, str] = {"A": "#0072B2", "B": "#E69F00", "C": "#999999"}

#: Colour of each customer value class.
VALUE_CLASS_COLORS: dict[str, str] = {
    "lead": "#999999",
    "iron": "#56B4E9",
    "gold": "#E69F00",
    "platinum": "#0072B2",
}

# a dashed line at a target or a cut (the ABC targets, the value-matrix quadrants)
_GUIDE_LINE: dict[str, Any] = {"color": "0.3", "linestyle": "--", "linewidth": 1}
# a legend beside the axes, on the right (stage and class legends)
_LEGEND_BESIDE: dict[str, Any] = {
    "loc": "center left",
    "bbox_to_anchor": (1.01, 0.5),
    "fontsize": 8,
}
_ALT = "_crmlab_alt_text"


def use_cjk_font() -> str:
    """Register crmlab's CJK font with matplotlib and make it the default font.

    The font (family ``"CRMLab Sans SC"``, a subset of Noto Sans CJK SC covering ASCII, Latin-1,
    the 6,763 hanzi and the symbols of GB2312, and CJK punctuation) is added to matplotlib's
    font manager once per session; each call then sets the rcParams ``font.family`` to it with
    DejaVu Sans as per-glyph fallback, puts it first in ``font.sans-serif`` (so seaborn and
    plain matplotlib charts use it too), and turns off ``axes.unicode_minus`` so negative tick
    labels use the ASCII hyphen. Every chart of this module calls it, so a chart drawn after
    ``seaborn.set_theme()`` (which resets the fonts) still shows Chinese.

    Returns
    -------
    str
        The font family name.

    Examples
    --------
    >>> use_cjk_font()
    'CRMLab Sans SC'
    >>> from matplotlib import font_manager
    >>> font_manager.findfont(FAMILY, fallback_to_default=False) == str(FONT_FILE)
    True
    >>> matplotlib.rcParams["axes.unicode_minus"]
    False
    """
    from matplotlib import font_manager

    path = str(FONT_FILE)
    if not any(entry.fname == path for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    rc = matplotlib.rcParams
    rc["font.family"] = [FAMILY, *FALLBACK_FONTS]
    rc["font.sans-serif"] = [FAMILY, *[f for f in rc["font.sans-serif"] if f != FAMILY]]
    rc["axes.unicode_minus"] = False
    return FAMILY


def alt_text(chart: Axes | Figure) -> str:
    """The one-sentence description of a crmlab chart, for alt text or a caption.

    Parameters
    ----------
    chart : Axes or Figure
        An Axes a chart function of this module returned, or its figure.

    Raises
    ------
    ValueError
        If the chart was not drawn by crmlab.

    Examples
    --------
    >>> ax = clv_vs_retention(100, 0.1)
    >>> alt_text(ax.figure) == alt_text(ax)
    True
    >>> plt.close(ax.figure)
    """
    axes = chart.axes if isinstance(chart, Figure) else [chart]
    for ax in axes:
        text = getattr(ax, _ALT, None)
        if text is not None:
            return text
    raise ValueError("this chart was not drawn by a crmlab.plotting function: it has no alt text")


def show(chart: Axes | Figure, alt: str | None = None, dpi: int = 100) -> None:
    """Display a chart in a notebook as a PNG image with alt text, and close its figure.

    The image output carries the alt text in its metadata (``{"image/png": {"alt": ...}}``),
    which JupyterLab and nbconvert's HTML put on the ``<img>`` tag for screen readers. The
    figure is closed afterwards, so the inline backend does not show it a second time.

    Parameters
    ----------
    chart : Axes or Figure
        A chart of this module (or any figure when ``alt`` is given).
    alt : str, optional
        The alt text; default :func:`alt_text` of the chart.
    dpi : int, default 100
        Resolution of the PNG.

    Examples
    --------
    >>> ax = clv_vs_retention(100, 0.1)
    >>> show(ax)
    <IPython.core.display.Image object>
    >>> plt.fignum_exists(ax.figure.number)
    False
    """
    from IPython.display import Image, display

    figure = chart if isinstance(chart, Figure) else chart.figure
    text = alt_text(chart) if alt is None else alt
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    plt.close(figure)
    display(Image(data=buffer.getvalue(), format="png", alt=text))


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """The Axes a chart draws on (a new constrained figure unless given), with the CJK font."""
    use_cjk_font()
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _set_alt(ax: Axes, text: str) -> Axes:
    """Store a chart's one-sentence description (see :func:`alt_text`); return the Axes."""
    setattr(ax, _ALT, text)
    return ax


def _bi(en: str, zh: str) -> str:
    """A label in the notebook's language with the other in brackets: axis labels and titles.

    ``"retention rate (客户保持率)"`` in an English notebook, ``"客户保持率（retention rate）"`` in
    a Chinese one (``crmlab.set_language("zh")``), the way the two editions' prose gives terms.
    """
    from crmlab._i18n import get_language

    return f"{zh}（{en}）" if get_language() == "zh" else f"{en} ({zh})"


def _say(en: str, zh: str) -> str:
    """A phrase of a title in the notebook's language only (the terms around it are bilingual)."""
    from crmlab._i18n import get_language

    return zh if get_language() == "zh" else en


def _term(en: str) -> str:
    """A glossary term as an axis label or title: ``"retention rate (客户保持率)"``."""
    return _bi(en, chinese_name(en, "term"))


def _zh_en(label: str, group: str, sep: str = " ") -> str:
    """Chinese name before the English label: legends, ticks and stage names."""
    return f"{chinese_name(label, group)}{sep}{label}"


def _pct(x: float, digits: int = 1) -> str:
    return f"{100 * x:.{digits}f}%"


def _percent() -> PercentFormatter:
    """Tick labels of shares in whole percent (0.25 -> 25%)."""
    return PercentFormatter(1.0, decimals=0)


# --------------------------------------------------------------------------------------------
# input checks shared by the charts (messages name the argument and the column)


def _numbers(values: pd.Series | pd.DataFrame, what: str) -> np.ndarray:
    try:
        if isinstance(values, (pd.Series, pd.DataFrame)):
            array = values.to_numpy(dtype="float64", na_value=np.nan)
        else:
            array = np.asarray(values, dtype="float64")
    except (TypeError, ValueError):
        raise TypeError(f"{what} must be numeric") from None
    if np.isnan(array).all() and array.size:
        raise ValueError(f"{what} has no values")
    return array


def _columns(frame: pd.DataFrame, *columns: Hashable) -> list[np.ndarray]:
    """The numbers of each column, as float arrays."""
    return [_numbers(frame[column], f"column {column!r}") for column in columns]


def _counts(values: pd.Series | pd.DataFrame, what: str) -> np.ndarray:
    """Numbers that must be finite and not negative (respondents, customers, shares)."""
    array = _numbers(values, what)
    if np.any(~np.isfinite(array)) or np.any(array < 0):
        raise ValueError(f"{what} must be finite and not negative")
    return array


def _require(frame: object, columns: Sequence[Hashable], argument: str) -> pd.DataFrame:
    """A DataFrame with rows and the given columns."""
    frame = require_frame(frame, argument)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{argument} has no column(s) {missing} (columns: {list(frame.columns)})")
    return frame


def _nonempty_frame(data: object, argument: str) -> pd.DataFrame:
    """A DataFrame with at least one row and one column (a grid of numbers)."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{argument} must be a pandas DataFrame, got {type(data).__name__}")
    if data.empty:
        raise ValueError(f"{argument} has no rows or no columns")
    return data


# ============================================================================================
# Concentration: how a total is spread over customers

_MANY_CUSTOMERS = 200  # above this, pareto_chart draws areas instead of one bar per customer
_MAX_TICK_LABELS = 40


def pareto_chart(
    abc_result: pd.DataFrame,
    value: Hashable = "sales",
    customer: Hashable | None = None,
    ax: Axes | None = None,
    shares: Sequence[float] | None = (0.7, 0.2, 0.1),
    *,
    key: Hashable | None = None,
) -> Axes:
    """Pareto chart of an ABC classification: bars per customer and the cumulative share.

    One bar per customer, largest first, coloured by class (A blue, B orange, C grey), with the
    cumulative share of the total as a line with markers on a right-hand 0-100% axis (the
    Lorenz-style curve of the 80/20 rule), dashed horizontal lines at the class targets (70% and
    90% for the default shares), and dotted vertical lines where one class ends and the next
    begins. With more than 200 customers the bars become filled areas, one per class.

    Parameters
    ----------
    abc_result : DataFrame
        Output of :func:`crmlab.abc_classify`: sorted by ``value`` descending, with columns
        ``value``, ``cum_share`` and ``abc_class``. Not modified.
    value : column label, default "sales"
        The column that was classified.
    customer : column label, optional
        Customer column for the tick labels; default the index. Tick labels are shown for up to
        40 customers.
    ax : Axes, optional
        Draw here instead of on a new figure.
    shares : three floats or None, default (0.7, 0.2, 0.1)
        The ``shares`` given to ``abc_classify``; the targets A and A + B are drawn as
        horizontal lines. ``None`` draws no target lines.
    key : column label, optional
        Deprecated old name of ``customer`` (a ``FutureWarning``); removed in crmlab 0.3.

    Returns
    -------
    Axes
        The bar axes; the cumulative line is on its twin (``ax.figure.axes[1]``), a
        :class:`~matplotlib.lines.Line2D` with gid ``"cum_share"``.

    Raises
    ------
    ValueError
        A missing column, or ``cum_share`` not increasing (the frame is not sorted as
        ``abc_classify`` returns it).

    Examples
    --------
    >>> import pandas as pd
    >>> result = pd.DataFrame({"sales": [60.0, 25.0, 10.0, 5.0],
    ...                        "cum_share": [0.6, 0.85, 0.95, 1.0],
    ...                        "abc_class": ["A", "B", "C", "C"]}, index=list("wxyz"))
    >>> ax = pareto_chart(result)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['w', 'x', 'y', 'z']
    >>> line = [ln for ln in ax.figure.axes[1].lines if ln.get_gid() == "cum_share"][0]
    >>> line.get_ydata().tolist()
    [0.6, 0.85, 0.95, 1.0]
    >>> plt.close(ax.figure)
    """
    frame = _require(abc_result, [value, "cum_share", "abc_class"], "abc_result")
    customer = renamed("pareto_chart", "key", "customer", key, customer)
    if customer is not None:
        _require(frame, [customer], "abc_result")
    values, cum = _columns(frame, value, "cum_share")
    if np.any(np.diff(cum) < -1e-12):
        raise ValueError(
            "abc_result['cum_share'] must not decrease: pass the output of abc_classify, "
            "which is sorted by value from largest to smallest"
        )
    classes = frame["abc_class"].astype("string").to_numpy(dtype=object)
    unknown = sorted({str(c) for c in classes} - set(ABC_COLORS))
    if unknown:
        raise ValueError(f"abc_result['abc_class'] has labels other than A, B, C: {unknown}")
    names = (frame.index if customer is None else frame[customer]).astype(str).tolist()
    n = len(frame)
    x = np.arange(n)

    ax = _axes(ax, (9, 4.5))
    legend = []
    total = float(values.sum())
    summary = []
    for label in ABC_COLORS:
        mask = classes == label
        count = int(mask.sum())
        share = float(values[mask].sum()) / total if total else 0.0
        summary.append((label, count, share))
        if count == 0:
            continue
        color = ABC_COLORS[label]
        if n <= _MANY_CUSTOMERS:
            ax.bar(x[mask], values[mask], width=0.8, color=color, gid=f"bars:{label}")
        else:
            ax.fill_between(
                x,
                np.where(mask, values, np.nan),
                step="mid",
                color=color,
                linewidth=0,
                gid=f"bars:{label}",
            )
        legend.append(
            Patch(
                color=color,
                label=f"{_zh_en(label, 'abc_class')}: {count} ({count / n:.0%}), "
                f"{_pct(share)} of {value}",
            )
        )
    # vertical lines where the class changes
    changes = np.flatnonzero(classes[1:] != classes[:-1])
    for i in changes:
        ax.axvline(i + 0.5, color="0.4", linestyle=":", linewidth=1, gid="class_split")

    ax.set_xlim(-0.6, n - 0.4)
    ax.set_ylim(bottom=min(0.0, float(np.nanmin(values))))
    ax.set_ylabel(str(value))
    if n <= _MAX_TICK_LABELS:
        ax.set_xticks(x, names, rotation=0 if n <= 20 else 90)
        ax.set_xlabel(_bi(f"customer, ranked by {value}", f"客户, 按{value}排序"))
    else:
        ax.set_xlabel(_bi(f"customers ranked by {value} (rank)", f"按{value}排序的客户"))
    ax.set_title(f"{_term('ABC customer classification')}: {_bi('Pareto chart', '帕累托图')}")

    twin = ax.twinx()
    cumulative = _bi("cumulative share", "累计占比")
    twin.plot(
        x,
        cum,
        color="black",
        marker="o" if n <= _MANY_CUSTOMERS else None,
        markersize=4,
        linewidth=1.5,
        gid="cum_share",
        label=cumulative,
    )
    twin.set_ylim(0, 1.05)
    twin.yaxis.set_major_formatter(_percent())
    twin.set_ylabel(cumulative)
    targets: list[float] = []
    if shares is not None:
        if len(shares) != 3:
            raise ValueError(f"shares must have three values (A, B, C), got {shares!r}")
        targets = [float(shares[0]), float(shares[0]) + float(shares[1])]
        for y, text in zip(targets, ("A", "A+B"), strict=True):
            twin.axhline(y, gid="target", **_GUIDE_LINE)
            twin.annotate(
                f"{text} {_pct(y, 0)}",
                (1, y),
                xycoords=("axes fraction", "data"),
                xytext=(-3, 2),
                textcoords="offset points",
                ha="right",
                va="bottom",
                fontsize=8,
                color="0.3",
            )
    legend.append(twin.lines[0])
    ax.legend(handles=legend, loc="center right", fontsize=8, frameon=True)

    parts = ", ".join(
        f"{'class ' if i == 0 else ''}{label} has {count} customers ({count / n:.0%}) "
        f"with {_pct(share)} of the total"
        for i, (label, count, share) in enumerate(summary)
    )
    target_text = (
        f"; dashed lines mark the targets {' and '.join(_pct(t, 0) for t in targets)}"
        if targets
        else ""
    )
    return _set_alt(
        ax,
        f"Pareto chart of {n} customers by {value}: {parts}; the cumulative share "
        f"line rises from {_pct(cum[0])} to {_pct(cum[-1])}{target_text}.",
    )


# ============================================================================================
# Survey results: satisfaction levels and service-quality gaps


def csm_distribution(counts: pd.Series | Mapping[str, float], ax: Axes | None = None) -> Axes:
    """Bar chart of respondents over the seven CSM levels (七级梯级), lowest level first.

    Parameters
    ----------
    counts : Series or mapping
        Respondents per level, keyed by CSM levels in English or Chinese (``"很满意"`` or
        ``"very satisfied"``), for example the result of :func:`crmlab.satisfaction.csm_counts`.
        Levels left out count 0. Not modified.
    ax : Axes, optional
        Draw here instead of on a new figure.

    Returns
    -------
    Axes
        Seven bars in scale order, very dissatisfied (很不满意) to very satisfied (很满意), red
        to green; tick labels give the Chinese level over the English one; each bar is
        labelled with its count and share.

    Examples
    --------
    >>> counts = pd.Series({"很满意": 20, "满意": 35, "较满意": 20, "一般": 15, "不满意": 10})
    >>> ax = csm_distribution(counts)
    >>> [float(p.get_height()) for p in ax.patches]
    [0.0, 10.0, 0.0, 15.0, 20.0, 35.0, 20.0]
    >>> ax.get_xticklabels()[-1].get_text()
    '很满意\\nvery satisfied'
    >>> plt.close(ax.figure)
    """
    if isinstance(counts, Mapping):
        counts = pd.Series(dict(counts), dtype="float64")
    if not isinstance(counts, pd.Series):
        raise TypeError(f"counts must be a pandas Series, got {type(counts).__name__}")
    levels = labels("csm_level")
    english = [to_english(str(level), "csm_level") for level in counts.index]
    if len(set(english)) != len(english):
        raise ValueError(f"counts names a CSM level twice: {list(counts.index)}")
    values = _counts(counts, "counts")
    table = pd.Series(values, index=english).reindex(levels, fill_value=0.0)
    total = float(table.sum())
    if total <= 0:
        raise ValueError("counts has no respondents: the counts add up to 0")

    ax = _axes(ax, (9, 4.5))
    colors = sns.color_palette("RdYlGn", len(levels))
    x = np.arange(len(levels))
    bars = ax.bar(x, table.to_numpy(), color=colors, edgecolor="0.3", linewidth=0.5, gid="levels")
    ax.bar_label(bars, labels=[f"{c:g}\n{c / total:.0%}" for c in table], fontsize=8, padding=2)
    ax.set_xticks(x, [_zh_en(level, "csm_level", "\n") for level in levels], fontsize=8)
    ax.set_ylabel(_bi("respondents", "人数"))
    ax.set_ylim(0, table.max() * 1.2)
    ax.set_xlabel(_term("seven-level CSM scale"))
    ax.set_title(
        f"{_term('customer satisfaction measurement (CSM)')}: "
        + _say(f"{total:g} respondents", f"{total:g}位受访者")
    )

    top = table.idxmax()
    satisfied = table.iloc[4:].sum() / total
    dissatisfied = table.iloc[:3].sum() / total
    return _set_alt(
        ax,
        f"Bar chart of {total:g} respondents over the seven CSM levels from very "
        f"dissatisfied to very satisfied: the most common level is {top} "
        f"({chinese_name(top, 'csm_level')}, {table[top] / total:.0%}), "
        f"{satisfied:.0%} are at least somewhat satisfied and {dissatisfied:.0%} "
        f"at least somewhat dissatisfied.",
    )


def servqual_gap_chart(gaps: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Dumbbell chart of SERVQUAL expectation (E), perception (P) and gap (P - E) per dimension.

    Each dimension is a row: a hollow marker at the expectation, a filled marker at the
    perception, a segment between them (red where perception falls short, green where it
    exceeds the expectation) and the gap written at the right. An ``overall`` row, if present,
    comes last, below a separating line.

    Parameters
    ----------
    gaps : DataFrame
        Indexed by dimension (English or Chinese SERVQUAL names, other names kept as they are,
        ``overall``), with columns ``perception``, ``expectation`` and ``gap``, as
        :func:`crmlab.servqual.servqual_gaps` returns. Not modified.
    ax : Axes, optional
        Draw here instead of on a new figure.

    Returns
    -------
    Axes
        Perception markers are the collection with gid ``"perception"``, expectation markers
        ``"expectation"``; y tick labels give the Chinese and the English dimension name.

    Examples
    --------
    >>> gaps = pd.DataFrame({"perception": [5.5, 4.0, 4.75], "expectation": [6.0, 6.5, 6.25]},
    ...                     index=["tangibles", "reliability", "overall"])
    >>> gaps["gap"] = gaps["perception"] - gaps["expectation"]
    >>> ax = servqual_gap_chart(gaps)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['有形性 tangibles', '可靠性 reliability', '总体 overall']
    >>> plt.close(ax.figure)
    """
    frame = _require(gaps, ["perception", "expectation", "gap"], "gaps")
    p, e, g = _columns(frame, "perception", "expectation", "gap")
    if not np.allclose(p - e, g, equal_nan=True):
        raise ValueError("gaps['gap'] must equal perception - expectation")
    names = [str(i) for i in frame.index]
    order = [i for i, n in enumerate(names) if n.lower() != "overall"]
    order += [i for i, n in enumerate(names) if n.lower() == "overall"]
    p, e, g = p[order], e[order], g[order]
    names = [names[i] for i in order]

    def tick(name: str) -> str:
        if name.lower() == "overall":
            return "总体 overall"
        try:
            en = to_english(name, "servqual_dimension")
        except ValueError:
            return name
        return _zh_en(en, "servqual_dimension")

    ax = _axes(ax, (8, 0.6 * len(names) + 1.8))
    y = np.arange(len(names))
    colors = np.where(g < 0, "#D55E00", "#009E73")
    ax.hlines(y, np.minimum(p, e), np.maximum(p, e), colors=colors, linewidth=3, gid="gap")
    markers = (  # hollow expectation, filled perception
        (e, "expectation", "expectation E", {"facecolors": "white", "edgecolors": "0.2"}),
        (p, "perception", "perception P", {"color": "0.2"}),
    )
    for ratings, gid, label, style in markers:
        ax.scatter(
            ratings,
            y,
            s=60,
            zorder=3,
            gid=gid,
            label=_bi(label, chinese_name(gid, "term")),
            **style,
        )
    right = np.nanmax(np.maximum(p, e))
    span = np.nanmax(np.abs(np.concatenate([p, e]))) or 1.0
    for yi, gi, xi in zip(y, g, np.maximum(p, e), strict=True):
        ax.annotate(
            f"{gi:+.2f}",
            (xi, yi),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    low = np.nanmin(np.minimum(p, e))
    # rating scales start at 1: show the scale from there when the ratings allow it
    ax.set_xlim(min(1.0, low - 0.1 * span) if low >= 1 else low - 0.1 * span, right + 0.15 * span)
    ax.set_yticks(y, [tick(n) for n in names])
    ax.invert_yaxis()
    if "overall" in [n.lower() for n in names] and len(names) > 1:
        ax.axhline(len(names) - 1.5, color="0.6", linewidth=0.8)
    ax.set_xlabel(_bi("mean rating", "平均评分"))
    ax.set_title(
        f"SERVQUAL ({chinese_name('SERVQUAL', 'term')}): "
        + _say("gap = P - E", "差距 = 感知 P - 期望 E")
    )
    ax.legend(loc="lower left", fontsize=8)
    ax.grid(axis="x", alpha=0.3)

    dims = [(n, gi) for n, gi in zip(names, g, strict=True) if n.lower() != "overall"]
    worst = min(dims, key=lambda t: t[1]) if dims else (names[0], g[0])
    overall = [gi for n, gi in zip(names, g, strict=True) if n.lower() == "overall"]
    overall_text = f"; the overall gap is {overall[0]:+.2f}" if overall else ""
    return _set_alt(
        ax,
        f"Dumbbell chart of SERVQUAL expectation and perception for {len(dims)} "
        f"dimensions: {sum(gi < 0 for _, gi in dims)} fall short of expectations, "
        f"the largest gap is {worst[1]:+.2f} for {worst[0]}{overall_text}.",
    )


# ============================================================================================
# Matrices and heatmaps: customers or cohorts in a grid of two dimensions


def _heatmap(grid: pd.DataFrame, ax: Axes, **options: Any) -> None:
    """A seaborn heatmap in the house style: white cell borders, horizontal row labels."""
    sns.heatmap(grid, linewidths=0.5, linecolor="white", ax=ax, **options)
    ax.tick_params(axis="y", rotation=0)


def _short(label: Any) -> str:
    """A cohort label: a month as ``2024-01``, another date as ``2024-01-15``."""
    if isinstance(label, pd.Timestamp):
        return (
            label.strftime("%Y-%m-%d")
            if (label.hour, label.day) != (0, 1)
            else label.strftime("%Y-%m")
        )
    return str(label)


def rfm_heatmap(
    scores: pd.DataFrame,
    recency: Hashable = "R",
    frequency: Hashable = "F",
    value: Hashable | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of customers by recency score R and frequency score F.

    Each cell counts the customers with that pair of scores, or, with ``value``, shows their
    mean ``value`` (for example mean monetary value). The highest recency score is at the top
    and the highest frequency score on the right, so the best customers are in the top-right
    corner. Every score pair between the lowest and highest observed score has a cell; an empty
    cell shows 0 customers, or stays blank for a mean.

    Parameters
    ----------
    scores : DataFrame
        One row per customer with integer score columns. Not modified.
    recency, frequency : column label, default "R" and "F"
        The score columns (higher = more recent, more frequent).
    value : column label, optional
        A numeric column to average per cell (e.g. ``"monetary"``); default: count customers.
    ax : Axes, optional
        Draw here instead of on a new figure.

    Returns
    -------
    Axes
        The heatmap (a seaborn heatmap: the cell values are ``ax.collections[0].get_array()``,
        rows from the highest R down).

    Examples
    --------
    >>> rfm = pd.DataFrame({"R": [1, 2, 2, 3], "F": [1, 1, 3, 3], "monetary": [10, 20, 40, 90]})
    >>> ax = rfm_heatmap(rfm)
    >>> ax.collections[0].get_array().reshape(3, 3).tolist()
    [[0.0, 0.0, 1.0], [1.0, 0.0, 1.0], [1.0, 0.0, 0.0]]
    >>> plt.close(ax.figure)
    """
    columns = [recency, frequency] + ([value] if value is not None else [])
    frame = _require(scores, columns, "scores")
    r, f = _columns(frame, recency, frequency)
    for name, arr in ((recency, r), (frequency, f)):
        if np.any(~np.isfinite(arr)) or np.any(arr != np.round(arr)):
            raise ValueError(f"column {name!r} must hold whole-number scores without gaps")
    r, f = r.astype("int64"), f.astype("int64")
    long = pd.DataFrame({"R": r, "F": f})
    if value is None:
        table = long.groupby(["R", "F"]).size().astype("float64")
        fill: float = 0.0
        what, what_zh, fmt = "customers", "客户数", ".0f"
    else:
        long["v"] = _columns(frame, value)[0]
        table = long.groupby(["R", "F"])["v"].mean()
        fill = np.nan
        what, what_zh, fmt = f"mean {value}", f"平均{value}", ".3g"
    r_range = np.arange(r.min(), r.max() + 1)
    f_range = np.arange(f.min(), f.max() + 1)
    grid = table.unstack("F").reindex(index=r_range[::-1], columns=f_range).fillna(fill)
    grid.index.name, grid.columns.name = "R", "F"

    finite = grid.to_numpy()[np.isfinite(grid.to_numpy())]
    if value is not None and finite.size and np.abs(finite).max() >= 100:
        fmt = ",.0f"  # 1,234 rather than 1.23e+03
    annot = grid.map(lambda v: "" if pd.isna(v) else format(v, fmt))

    ax = _axes(ax, (6.5, 5))
    _heatmap(grid, ax, annot=annot, fmt="", cmap="YlGnBu", cbar_kws={"label": _bi(what, what_zh)})
    ax.set_ylabel(_bi("recency score R", "最近一次消费"))
    ax.set_xlabel(_bi("frequency score F", "消费频率"))
    ax.set_title(_term("RFM analysis"))

    best = grid.stack().idxmax()
    return _set_alt(
        ax,
        f"Heatmap of {len(frame)} customers by recency score (rows, {r.max()} at the "
        f"top) and frequency score (columns): each cell shows {what}; the highest "
        f"value, {grid.loc[best]:.3g}, is at R={best[0]}, F={best[1]}.",
    )


def cohort_heatmap(retention: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Heatmap of cohort retention: the share of each cohort still active in each period.

    Parameters
    ----------
    retention : DataFrame
        Indexed by cohort (e.g. month of first purchase), one column per period since the
        first purchase (0, 1, 2, ...), values shares in [0, 1]; missing values (periods not
        yet observed) stay blank. Not modified.
    ax : Axes, optional
        Draw here instead of on a new figure.

    Returns
    -------
    Axes
        A seaborn heatmap annotated with percentages.

    Examples
    --------
    >>> retention = pd.DataFrame({0: [1.0, 1.0], 1: [0.4, 0.35], 2: [0.3, None]},
    ...                          index=["2024-01", "2024-02"])
    >>> ax = cohort_heatmap(retention)
    >>> [t.get_text() for t in ax.texts]
    ['100%', '40%', '30%', '100%', '35%']
    >>> plt.close(ax.figure)
    """
    values = _numbers(_nonempty_frame(retention, "retention"), "retention")
    finite = values[np.isfinite(values)]
    if np.any((finite < 0) | (finite > 1 + 1e-9)):
        raise ValueError("retention holds shares, which must lie in [0, 1]")
    grid = pd.DataFrame(
        values,
        index=[_short(i) for i in retention.index],
        columns=[_short(c) for c in retention.columns],
    )

    ax = _axes(ax, (min(2 + 0.7 * grid.shape[1], 14), min(1.5 + 0.4 * grid.shape[0], 12)))
    _heatmap(
        grid,
        ax,
        annot=grid.shape[1] <= 16 and grid.shape[0] <= 30,
        fmt=".0%",
        cmap="Blues",
        vmin=0,
        vmax=1,
        cbar_kws={"label": _term("retention rate"), "format": _percent()},
    )
    ax.set_xlabel(_bi("periods since first purchase", "距首次购买的期数"))
    ax.set_ylabel(_bi("cohort", "同期群"))
    ax.set_title(_bi("Cohort retention", "同期群客户保持率"))

    text = ""
    if grid.shape[1] > 1:
        second = grid.iloc[:, 1].dropna()
        if len(second):
            text = (
                f"; in period {grid.columns[1]} retention ranges from {second.min():.0%} to "
                f"{second.max():.0%} (mean {second.mean():.0%})"
            )
    return _set_alt(
        ax,
        f"Heatmap of retention for {grid.shape[0]} cohorts over {grid.shape[1]} "
        f"periods since the first purchase{text}.",
    )


def value_matrix_chart(
    data: pd.DataFrame,
    current: Hashable,
    future: Hashable,
    value_class: Hashable | None = "value_class",
    current_cut: float | None = None,
    future_cut: float | None = None,
    customer: Hashable | None = None,
    ax: Axes | None = None,
    *,
    key: Hashable | None = None,
) -> Axes:
    """Scatter of customers by current and future value, with the four value-matrix quadrants.

    Quadrant lines at the cuts split the plane into lead (铅质, low/low), iron (铁质, low current,
    high future), gold (黄金, high current, low future) and platinum (白金, high/high) customers,
    each labelled in its corner; points are coloured by class.

    Parameters
    ----------
    data : DataFrame
        One row per customer, for example the output of :func:`crmlab.value.value_matrix`. Not
        modified.
    current, future : column label
        Current and future value.
    value_class : column label or None, default "value_class"
        Column with the class of each point (English or Chinese labels). If the column is
        missing or ``None``, classes are computed from the cuts ("high" = above the cut).
    current_cut, future_cut : float, optional
        Where to draw the quadrant lines; default the medians (``value_matrix``'s default).
        With a ``value_class`` column made at other cuts, pass the cuts given to
        :func:`crmlab.value.value_matrix`: a class column that disagrees with the lines drawn
        is refused, naming the customers.
    customer : column label, optional
        Label points with this column (default the index) when there are at most 30.
    ax : Axes, optional
        Draw here instead of on a new figure.
    key : column label, optional
        Deprecated old name of ``customer`` (a ``FutureWarning``); removed in crmlab 0.3.

    Returns
    -------
    Axes
        One scatter collection per class present, with gid ``"class:<english label>"``.

    Examples
    --------
    >>> customers = pd.DataFrame({"now": [10.0, 80.0, 30.0, 90.0], "later": [20.0, 10.0, 70.0, 95.0]},
    ...                          index=["a", "b", "c", "d"])
    >>> ax = value_matrix_chart(customers, "now", "later", value_class=None,
    ...                         current_cut=50, future_cut=50)
    >>> sorted(c.get_gid() for c in ax.collections)
    ['class:gold', 'class:iron', 'class:lead', 'class:platinum']
    >>> plt.close(ax.figure)
    """
    frame = _require(data, [current, future], "data")
    customer = renamed("value_matrix_chart", "key", "customer", key, customer)
    x, y = _columns(frame, current, future)
    current_cut = float(np.nanmedian(x)) if current_cut is None else float(current_cut)
    future_cut = float(np.nanmedian(y)) if future_cut is None else float(future_cut)
    group = labels("value_class")  # lead, iron, gold, platinum
    grid = np.array([["lead", "iron"], ["gold", "platinum"]])
    by_cuts = grid[(x > current_cut).astype(int), (y > future_cut).astype(int)]
    if value_class is not None and value_class in frame.columns:
        classes = np.array([to_english(str(c), "value_class") for c in frame[value_class]])
        off = frame.index[classes != by_cuts]
        if len(off):
            raise ValueError(
                f"column {value_class!r} does not match the quadrant lines at "
                f"current_cut={current_cut:.6g}, future_cut={future_cut:.6g} for the customers "
                f"{describe_rows(off)}: pass the cuts given to value_matrix"
            )
    else:
        classes = by_cuts

    ax = _axes(ax, (7, 6))
    for label in group:
        mask = classes == label
        if mask.any():
            ax.scatter(
                x[mask],
                y[mask],
                s=40,
                color=VALUE_CLASS_COLORS[label],
                edgecolor="0.2",
                linewidth=0.5,
                gid=f"class:{label}",
                zorder=3,
                label=f"{_zh_en(label, 'value_class')} ({int(mask.sum())})",
            )
    ax.axvline(current_cut, gid="cut", **_GUIDE_LINE)
    ax.axhline(future_cut, gid="cut", **_GUIDE_LINE)
    corners = {
        "lead": (0.02, 0.02, "left", "bottom"),
        "iron": (0.02, 0.98, "left", "top"),
        "gold": (0.98, 0.02, "right", "bottom"),
        "platinum": (0.98, 0.98, "right", "top"),
    }
    for label, (cx, cy, ha, va) in corners.items():
        ax.text(
            cx,
            cy,
            _zh_en(label, "value_class", "\n"),
            transform=ax.transAxes,
            ha=ha,
            va=va,
            fontsize=11,
            color=VALUE_CLASS_COLORS[label],
            alpha=0.9,
            gid=f"quadrant:{label}",
        )
    names = (frame.index if customer is None else frame[customer]).astype(str).tolist()
    if len(frame) <= 30:
        for xi, yi, name in zip(x, y, names, strict=True):
            ax.annotate(name, (xi, yi), xytext=(4, 3), textcoords="offset points", fontsize=8)
    ax.set_xlabel(_bi(f"current value: {current}", "当前价值"))
    ax.set_ylabel(_bi(f"future value: {future}", "未来价值"))
    ax.set_title(_term("customer value matrix"))
    ax.legend(**_LEGEND_BESIDE)

    counts = ", ".join(f"{int((classes == c).sum())} {c}" for c in reversed(group))
    return _set_alt(
        ax,
        f"Scatter plot of {len(frame)} customers by current value ({current}, "
        f"cut at {current_cut:.3g}) and future value ({future}, cut at "
        f"{future_cut:.3g}) in the four value-matrix quadrants: {counts}.",
    )


# ============================================================================================
# Curves and trajectories: a quantity over time, or along the driver that moves it


def lifecycle_curve(stage_counts: pd.DataFrame | None = None, ax: Axes | None = None) -> Axes:
    """The customer lifecycle (客户生命周期): the classic curve, or stage counts over time.

    Without data, draws the textbook schematic of one customer's revenue and profit over the
    five stages (acquisition 潜在获取期, growth 成长期, maturity 成熟期, decline 衰退期,
    termination 终止期): profit is negative while the firm spends to acquire the customer,
    rises through growth, peaks in maturity and falls in decline. The shapes are illustrative,
    not data: the lecture material describes only the first stages, and the rest follows the
    literature (Reichheld & Sasser 1990; Dwyer, Schurr & Oh 1987).

    With ``stage_counts``, draws a stacked area chart of how many customers (or what share of
    them) are in each stage over time.

    Parameters
    ----------
    stage_counts : DataFrame, optional
        Either wide: indexed by time (period numbers or dates), one column per stage, the five
        lifecycle stages or the five relationship stages (认知 ... 解除) in English or Chinese,
        in any order (they are drawn in stage order); or tidy, as
        :func:`crmlab.lifecycle.stage_distribution` and
        :func:`~crmlab.lifecycle.simulate_relationship` return it: columns ``period``,
        ``stage`` and ``count`` or ``share``. When every row sums to 1 (shares), the y axis is
        in percent. Not modified.
    ax : Axes, optional
        Draw here instead of on a new figure.

    Returns
    -------
    Axes
        Schematic: lines with gids ``"revenue"`` and ``"profit"`` and one shaded span per stage
        labelled with its Chinese and English name. Counts: one stacked area per stage
        (``ax.collections``), legend labels Chinese and English.

    References
    ----------
    Dwyer, F. R., Schurr, P. H., & Oh, S. (1987). Developing buyer-seller relationships.
    *Journal of Marketing*, 51(2), 11-27.
    Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: quality comes to services.
    *Harvard Business Review*, 68(5), 105-111.

    Examples
    --------
    >>> ax = lifecycle_curve()
    >>> [line.get_gid() for line in ax.lines if line.get_gid()]
    ['revenue', 'profit']
    >>> plt.close(ax.figure)
    >>> counts = pd.DataFrame({"成长期": [0, 5, 8], "潜在获取期": [10, 6, 2]})
    >>> ax = lifecycle_curve(counts)
    >>> ax.get_legend().get_texts()[0].get_text()
    '潜在获取期 acquisition'
    >>> plt.close(ax.figure)

    The relationship stages as a Markov chain, straight from :mod:`crmlab.lifecycle`:

    >>> from crmlab.lifecycle import stage_distribution
    >>> ax = lifecycle_curve(stage_distribution(periods=12))
    >>> len(ax.collections), ax.get_ylabel()
    (5, 'share of customers (客户占比)')
    >>> plt.close(ax.figure)
    """
    if stage_counts is None:
        return _lifecycle_schematic(ax)
    stage_counts = _nonempty_frame(stage_counts, "stage_counts")
    if {"period", "stage"} <= set(stage_counts.columns) and (
        {"count", "share"} & set(stage_counts.columns)
    ):
        column = "count" if "count" in stage_counts.columns else "share"
        stage_counts = stage_counts.pivot_table(
            index="period", columns="stage", values=column, aggfunc="sum", observed=True
        )
        stage_counts.columns = [str(c) for c in stage_counts.columns]
    group, english = _stage_group(list(stage_counts.columns))
    if len(set(english)) != len(english):
        raise ValueError(f"stage_counts names a stage twice: {list(stage_counts.columns)}")
    values = _counts(stage_counts, "stage_counts")
    table = pd.DataFrame(values, index=stage_counts.index, columns=english)
    order = [s for s in labels(group) if s in table.columns]
    table = table[order]

    ax = _axes(ax, (9, 4.5))
    colors = sns.color_palette("viridis", len(labels(group)))
    palette = dict(zip(labels(group), colors, strict=True))
    x = np.arange(len(table)) if not _is_plottable_index(table.index) else table.index
    ax.stackplot(
        x,
        table.T.to_numpy(),
        colors=[palette[s] for s in order],
        labels=[_zh_en(s, group) for s in order],
        alpha=0.9,
    )
    if len(table) > 1:
        ax.set_xlim(x[0], x[-1])
    if pd.api.types.is_integer_dtype(np.asarray(x)):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    as_shares = bool(np.allclose(table.sum(axis=1), 1.0, atol=1e-9))
    if as_shares:
        ax.set_ylim(0, 1)
        ax.yaxis.set_major_formatter(_percent())
        ax.set_ylabel(_bi("share of customers", "客户占比"))
    else:
        ax.set_ylabel(_bi("customers", "客户数"))
    ax.set_xlabel(_bi("period", "期"))
    title = (
        _term("customer lifecycle")
        if group == "lifecycle_stage"
        else _bi("relationship development stages", "关系发展阶段")
    )
    ax.set_title(f"{title}: " + _say("customers per stage", "各阶段的客户"))
    ax.legend(**_LEGEND_BESIDE)

    last = table.iloc[-1]
    total = float(last.sum())
    biggest = last.idxmax()
    if as_shares:
        amount = f"{last[biggest]:.0%} of customers"
    else:
        share = f" ({last[biggest] / total:.0%})" if total > 0 else ""
        amount = f"{last[biggest]:g} customers{share}"
    return _set_alt(
        ax,
        f"Stacked area chart of customers in {len(order)} stages over {len(table)} "
        f"periods; at the end the largest stage is {biggest} "
        f"({chinese_name(biggest, group)}) with {amount}.",
    )


def _stage_group(columns: Sequence[Hashable]) -> tuple[str, list[str]]:
    """Which stages the columns name (lifecycle or relationship), and their English names."""
    for group in ("lifecycle_stage", "relationship_stage"):
        try:
            english = [to_english(str(c), group) for c in columns]
        except ValueError:
            continue
        return group, english
    raise ValueError(
        f"stage_counts columns must be customer lifecycle stages {labels('lifecycle_stage')} or "
        f"relationship stages {labels('relationship_stage')} (English or Chinese), got "
        f"{list(columns)}"
    )


def _is_plottable_index(index: pd.Index) -> bool:
    return pd.api.types.is_numeric_dtype(index) or pd.api.types.is_datetime64_any_dtype(index)


def _lifecycle_schematic(ax: Axes | None) -> Axes:
    stages = labels("lifecycle_stage")
    edges = np.array([0.0, 2.0, 4.5, 7.5, 9.5, 10.5])  # stage boundaries on a time axis
    t = np.linspace(0, edges[-1], 421)
    # revenue: a smooth rise to a plateau in maturity, then decline; zero after termination
    revenue = (
        100
        / (1 + np.exp(-1.6 * (t - 3.0)))
        * np.where(t < edges[3], 1.0, np.exp(-(((t - edges[3]) / 1.4) ** 2)))
    )
    revenue = np.where(t >= edges[4], revenue * np.exp(-3 * (t - edges[4])), revenue)
    # cost of serving: high acquisition spend first, then falling with experience (Reichheld)
    cost = 45 * np.exp(-t / 1.2) + 0.45 * revenue
    profit = revenue - cost

    ax = _axes(ax, (9, 4.5))
    shades = ["#F0F0F0", "#FFFFFF"]
    for i, stage in enumerate(stages):
        ax.axvspan(edges[i], edges[i + 1], color=shades[i % 2], zorder=0, gid=f"stage:{stage}")
        ax.text(
            (edges[i] + edges[i + 1]) / 2,
            0.98,
            _zh_en(stage, "lifecycle_stage", "\n"),
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="top",
            fontsize=9,
        )
    ax.plot(t, revenue, color="#0072B2", linewidth=2, gid="revenue", label=_bi("revenue", "收入"))
    ax.plot(t, profit, color="#D55E00", linewidth=2, gid="profit", label=_bi("profit", "利润"))
    ax.axhline(0, color="0.3", linewidth=0.8)
    ax.set_xlim(edges[0], edges[-1])
    ax.set_ylim(min(profit.min(), 0) * 1.2, revenue.max() * 1.35)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel(_bi("time", "时间"))
    ax.set_ylabel(_bi("per customer (schematic)", "每位客户, 示意"))
    ax.set_title(f"{_term('customer lifecycle')}: " + _say("revenue and profit", "收入与利润"))
    ax.legend(loc="center right", fontsize=8)
    return _set_alt(
        ax,
        "Schematic line chart of one customer's revenue and profit over the five "
        "lifecycle stages: profit is negative in acquisition, rises through growth, "
        "peaks in maturity and falls through decline to termination.",
    )


def clv_vs_retention(
    margin: float,
    discount: float | Sequence[float],
    retentions: Sequence[float] | np.ndarray | None = None,
    periods: int | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Customer lifetime value (客户终身价值) as the retention rate rises: one line per discount.

    CLV is computed with :func:`crmlab.value.clv`: the present value of a margin ``m`` per
    period while the customer stays, ``m r / (1 + d - r)`` over an unlimited horizon. The
    curve bends upward: each extra point of retention is worth more than the last, the
    arithmetic behind "5% more loyalty, 25%-85% more profit".

    Parameters
    ----------
    margin : float
        Margin per period from a retained customer.
    discount : float or sequence of floats
        Discount rate(s) per period; one line each.
    retentions : sequence of floats, optional
        Retention rates on the x axis, in [0, 1); default 0, 0.01, ..., 0.95.
    periods : int, optional
        Horizon in periods; default unlimited.
    ax : Axes, optional
        Draw here instead of on a new figure.

    Returns
    -------
    Axes
        One line per discount rate with gid ``"clv:<discount>"``; x data are the retention
        rates, y data the CLVs.

    Examples
    --------
    >>> ax = clv_vs_retention(100, [0.1, 0.2], retentions=[0.5, 0.8])
    >>> np.round(ax.lines[0].get_ydata(), 2).tolist()
    [83.33, 266.67]
    >>> len(ax.lines)
    2
    >>> plt.close(ax.figure)
    """
    discounts = np.atleast_1d(np.asarray(discount, dtype="float64"))
    if retentions is None:
        r = np.round(np.arange(0, 0.951, 0.01), 2)
    else:
        r = np.asarray(retentions, dtype="float64")
    if r.ndim != 1 or r.size == 0:
        raise ValueError("retentions must be a non-empty sequence of numbers")

    ax = _axes(ax, (8, 4.5))
    colors = sns.color_palette("colorblind", len(discounts))
    curves = []
    for d, color in zip(discounts, colors, strict=True):
        values = np.asarray(clv(margin, r, float(d), periods=periods), dtype="float64")
        curves.append(values)
        ax.plot(
            r,
            values,
            color=color,
            linewidth=2,
            marker="o" if r.size <= 12 else None,
            gid=f"clv:{d:g}",
            label=_bi(f"discount rate {d:.0%}", f"贴现率 {d:.0%}"),
        )
    ax.xaxis.set_major_formatter(_percent())
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_xlabel(_term("retention rate"))
    ax.set_ylabel(
        _bi("customer lifetime value, CLV", chinese_name("customer lifetime value (CLV)", "term"))
    )
    if periods is None:
        horizon = _say("unlimited horizon", "不限期")
    else:
        horizon = _say(f"{periods} periods", f"{periods}期")
    ax.set_title(
        _say(
            f"CLV vs retention: margin {margin:g} per period, {horizon}",
            f"客户终身价值与客户保持率：每期利润 {margin:g}，{horizon}",
        )
    )
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)

    first = curves[0]
    return _set_alt(
        ax,
        f"Line chart of customer lifetime value against the retention rate for a "
        f"margin of {margin:g} and {len(discounts)} discount rate(s): at "
        f"{discounts[0]:.0%} CLV rises from {first[0]:,.0f} at {r[0]:.0%} retention to "
        f"{first[-1]:,.0f} at {r[-1]:.0%}, faster as retention grows.",
    )
