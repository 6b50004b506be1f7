"""Interactive explorers (ipywidgets) for the chapters: move a slider, see the model answer.

Each function returns an :class:`Explorer`, an ``ipywidgets.VBox`` that a notebook displays as
it is. Besides being a widget it exposes what tests and browser tests need to drive it:

* ``controls``: a dict of the input widgets by name (sliders, dropdowns, number boxes), each
  with a ``description``; setting ``controls[name].value`` recomputes at once;
* ``result``: the latest result of the model (a DataFrame), ``None`` after invalid input;
* ``text``: a one-line plain-text summary of the result; ``error``: the message of invalid
  input, else ``None``;
* ``figure``: the latest matplotlib figure (drawn off-screen and shown as a PNG image);
* ``output``: the output area, a ``VBox`` with the DOM class ``crmlab-output`` holding an HTML
  table (class ``crmlab-table``) and the chart image (class ``crmlab-chart``);
* :meth:`Explorer.update`: recompute from the current control values.

Sliders report only when released (``continuous_update=False``), so dragging does not queue
dozens of redraws. This module imports ipywidgets and matplotlib; ``import crmlab`` does not
import it. In a notebook, mark explorer cells ``# NBVAL_IGNORE_OUTPUT``: widget output is not
stable text.

Explorers
---------
The module is in sections: first the machinery every explorer shares (:class:`Explorer`, the
control factories and the layout), then the explorers grouped by the kind of model they
explore. A new explorer is a subclass of :class:`Explorer` in the section of its kind, with a
public function that returns it; its chart comes from :mod:`crmlab.plotting`.

A formula on a few numbers:

- :func:`clv_explorer`: customer lifetime value as margin, retention and discount change
  (chapters 0, 1, 7 and 8)
- :func:`csm_explorer`: the CSM score from respondents and scores per level (chapter 6)

A classification of customers:

- :func:`abc_explorer`: ABC classes with adjustable targets and rule (chapter 5)

A process over time:

- :func:`fairness_explorer`: a simulation of customers facing repeated unfair outcomes
  (chapter 4)
- :func:`relationship_explorer`: the relationship stages as a Markov chain (chapters 2 and 3)

Examples
--------
>>> from crmlab.datasets import load_distributors
>>> w = abc_explorer(load_distributors(), "sales", customer="distributor")
>>> w.text
'A: f e t d i n h p m | B: b l s o a | C: j r k c q g'
>>> w.controls["a_share"].value = 0.8
>>> w.text
'A: f e t d i n h p m b l | B: s o a | C: j r k c q g'
"""

from __future__ import annotations

import html
import io
from collections.abc import Hashable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from crmlab.glossary import chinese_name, labels, to_english

__all__ = [
    "EXPLORER_CLASS",
    "OUTPUT_CLASS",
    "Explorer",
    "abc_explorer",
    "clv_explorer",
    "csm_explorer",
    "fairness_explorer",
    "relationship_explorer",
]


# ============================================================================================
# The machinery every explorer shares: DOM classes, controls, layout and the update cycle

#: DOM class of every explorer's output area (for browser tests).
OUTPUT_CLASS = "crmlab-output"
#: DOM class of every explorer container.
EXPLORER_CLASS = "crmlab-explorer"

_WIDE = {"description_width": "initial"}
_SLIDER_LAYOUT = {"width": "480px"}
_BOX_LAYOUT = {"width": "360px"}  # a number box; in a grid, a column is 10px wider
_GRID_COLUMN = "370px"


def _slider(
    description: str,
    value: float,
    low: float,
    high: float,
    step: float = 1,
    readout_format: str = ".2f",
    *,
    integer: bool = False,
) -> widgets.FloatSlider | widgets.IntSlider:
    """A slider that reports when released, its description in full; whole numbers if ``integer``."""
    if integer:
        kind, options = widgets.IntSlider, {}
    else:
        kind, options = widgets.FloatSlider, {"readout_format": readout_format}
    return kind(
        value=value,
        min=low,
        max=high,
        step=step,
        description=localised(description),
        continuous_update=False,
        style=_WIDE,
        layout=_SLIDER_LAYOUT,
        **options,
    )


def localised(label: str) -> str:
    """A bilingual control label ("English 中文") with the notebook's language first.

    >>> import crmlab
    >>> localised("retention rate 客户保持率")
    'retention rate 客户保持率'
    >>> crmlab.set_language("zh")
    >>> localised("retention rate 客户保持率"), localised("periods 期数 (0 = unlimited 无限)")
    ('客户保持率 retention rate', '期数 (0 = unlimited 无限) periods')
    >>> crmlab.set_language("en")
    """
    import re

    from crmlab._i18n import get_language

    found = re.search(r"[\u4e00-\u9fff]", label)
    if get_language() != "zh" or found is None or found.start() == 0:
        return label
    return f"{label[found.start() :]} {label[: found.start()].strip()}"


def _pick(english: str, chinese: str) -> str:
    """The label of the notebook's language."""
    from crmlab._i18n import get_language

    return chinese if get_language() == "zh" else english


class Explorer(widgets.VBox):
    """An explorer: named controls, a model computed from them, and its rendered result.

    Subclasses set the controls and implement :meth:`compute` (control values -> result),
    :meth:`summary` (result -> one-line text) and :meth:`draw` (result, Axes -> chart), and
    may override :meth:`table` (result -> DataFrame to show; default the result itself) and
    :meth:`adjust` (keep controls consistent).

    Parameters
    ----------
    title : str
        Heading shown above the controls (bilingual).
    controls : dict
        Input widgets by name, in display order.
    figsize : tuple of float
        Size of the chart in inches.
    columns : int, default 1
        Controls per row: more than 1 lays them out in a grid (number boxes side by side).
    """

    def __init__(
        self,
        title: str,
        controls: dict[str, widgets.ValueWidget],
        figsize: tuple[float, float] = (8.0, 4.0),
        columns: int = 1,
    ) -> None:
        self.controls: dict[str, widgets.ValueWidget] = dict(controls)
        self.result: Any = None
        self.text: str = ""
        self.error: str | None = None
        self.figure: Figure | None = None
        self._figsize = figsize
        self._held = 0
        self.html = widgets.HTML()
        self.html.add_class("crmlab-table")
        self.chart = widgets.Image(format="png")
        self.chart.add_class("crmlab-chart")
        self.output = widgets.VBox([self.html, self.chart])
        self.output.add_class(OUTPUT_CLASS)
        heading = widgets.HTML(f"<h4>{html.escape(title)}</h4>")
        inputs = list(self.controls.values())
        if columns > 1:
            layout = {"grid_template_columns": f"repeat({columns}, {_GRID_COLUMN})"}
            inputs = [widgets.GridBox(inputs, layout=layout)]
        super().__init__([heading, *inputs, self.output])
        self.add_class(EXPLORER_CLASS)
        for name, control in self.controls.items():
            control.observe(self._changed, names="value")
            control.add_class(f"crmlab-control-{name.replace(':', '-').replace(' ', '-')}")
        self.update()

    # -- the model, overridden by each explorer
    def compute(self, values: dict[str, Any]) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def summary(self, result: Any) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def table(self, result: Any) -> pd.DataFrame:
        """The table shown under the summary; default the result itself."""
        return result

    def draw(self, result: Any, ax: Axes) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def adjust(self, name: str, old: Any) -> None:
        """Hook: keep controls consistent after ``name`` changed from ``old`` (before recomputing)."""

    # -- machinery
    @property
    def values(self) -> dict[str, Any]:
        """The current value of every control, by name."""
        return {name: control.value for name, control in self.controls.items()}

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Change several controls without recomputing after each; recompute once at the end."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
        if not self._held:
            self.update()

    def _changed(self, change: dict[str, Any]) -> None:
        if self._held:
            return
        name = next(k for k, c in self.controls.items() if c is change["owner"])
        self._held += 1
        try:
            self.adjust(name, change.get("old"))
        finally:
            self._held -= 1
        self.update()

    def update(self) -> Any:
        """Recompute from the controls, render the table and the chart; return the result."""
        try:
            result = self.compute(self.values)
        except (ValueError, TypeError) as exc:
            self.result, self.text, self.error, self.figure = None, "", str(exc), None
            self.html.value = f'<p class="crmlab-error">{html.escape(str(exc))}</p>'
            self.chart.value = b""
            self.chart.layout.display = "none"  # no broken-image icon
            return None
        self.result, self.error = result, None
        self.text = self.summary(result)
        shown = self.table(result)
        self.html.value = f'<p class="crmlab-summary">{html.escape(self.text)}</p>' + shown.to_html(
            classes="crmlab-result", float_format=lambda v: f"{v:,.4g}", border=0, na_rep=""
        )
        from crmlab.plotting import use_cjk_font

        use_cjk_font()
        figure = Figure(figsize=self._figsize, layout="constrained")
        self.draw(result, figure.subplots())
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=96)
        self.figure = figure
        self.chart.value = buffer.getvalue()
        self.chart.layout.display = None
        return result


# ============================================================================================
# Explorers of a formula on a few numbers: customer lifetime value, the CSM score


class _ClvExplorer(Explorer):
    def __init__(self, margin: float, retention: float, discount: float, periods: int) -> None:
        controls = {
            "margin": _slider("margin per period 每期利润", margin, 0, 1000, 10, ".0f"),
            "retention": _slider("retention rate 客户保持率", retention, 0, 0.99, 0.01),
            "discount": _slider("discount rate 贴现率", discount, 0, 0.5, 0.01),
            "periods": _slider("periods 期数 (0 = unlimited 无限)", periods, 0, 50, integer=True),
        }
        super().__init__("Customer lifetime value vs retention 客户终身价值与客户保持率", controls)

    @staticmethod
    def _clv(margin: float, retention: float, discount: float, periods: int | None) -> float:
        from crmlab.value import clv

        try:
            return float(clv(margin, retention, discount, periods=periods))
        except ValueError:
            return float("nan")

    def compute(self, values: dict[str, Any]) -> pd.DataFrame:
        periods = values["periods"] or None
        margin, r, d = values["margin"], values["retention"], values["discount"]
        higher = min(round(r + 0.05, 10), 1.0)
        base = self._clv(margin, r, d, periods)
        up = self._clv(margin, higher, d, periods)
        change = (up - base) / base if base else float("nan")
        return pd.DataFrame(
            {"retention": [r, higher], "clv": [base, up], "change": [0.0, change]},
            index=pd.Index(["current", "+5 points"], name="scenario"),
        )

    def summary(self, result: pd.DataFrame) -> str:
        base, up = result["clv"]
        change = result.loc["+5 points", "change"]
        return (
            f"CLV = {base:,.2f} at retention {result['retention'].iloc[0]:.0%}; "
            f"5 points more retention: {up:,.2f} ({change:+.1%})"
        )

    def draw(self, result: pd.DataFrame, ax: Axes) -> None:
        from crmlab.plotting import clv_vs_retention

        v = self.values
        top = max(0.95, float(v["retention"]) + 0.05)
        retentions = np.round(np.arange(0.0, min(top, 0.99) + 1e-9, 0.01), 2)
        clv_vs_retention(
            v["margin"], v["discount"], retentions=retentions, periods=v["periods"] or None, ax=ax
        )
        ax.plot(
            result["retention"].iloc[:1],
            result["clv"].iloc[:1],
            "o",
            color="black",
            markersize=8,
            gid="current",
            zorder=4,
        )


def clv_explorer(
    margin: float = 100.0, retention: float = 0.8, discount: float = 0.1, periods: int = 0
) -> Explorer:
    """Customer lifetime value (客户终身价值) as margin, retention and discount rate change.

    CLV comes from :func:`crmlab.value.clv`; the explorer also shows what five more points of
    retention are worth (the "5% more loyalty" claim of chapter 1) and the CLV curve over
    retention with the current point marked.

    Parameters
    ----------
    margin, retention, discount : float
        Starting values of the sliders (margin 0-1000, retention 0-0.99, discount 0-0.5).
    periods : int, default 0
        Starting horizon in periods, 0-50; 0 means an unlimited horizon.

    Returns
    -------
    Explorer
        Controls ``margin``, ``retention``, ``discount``, ``periods``; ``result`` is a frame
        indexed ``current`` / ``+5 points`` with columns ``retention``, ``clv``, ``change``.

    Examples
    --------
    >>> w = clv_explorer()
    >>> round(float(w.result.loc["current", "clv"]), 2)
    266.67
    >>> w.controls["retention"].value = 0.9
    >>> round(float(w.result.loc["current", "clv"]), 2)
    450.0
    """
    return _ClvExplorer(margin, retention, discount, periods)


_EXAMPLE_CSM_COUNTS = {
    "很满意": 20,
    "满意": 35,
    "较满意": 20,
    "一般": 12,
    "不太满意": 7,
    "不满意": 4,
    "很不满意": 2,
}


def _by_level(table: Mapping[Any, float] | pd.Series, argument: str) -> dict[str, float]:
    items = table.items() if isinstance(table, (Mapping, pd.Series)) else None
    if items is None:
        raise TypeError(f"{argument} must be a mapping or Series of CSM level -> number")
    out: dict[str, float] = {}
    for level, number in items:
        english = to_english(str(level), "csm_level")
        if english in out:
            raise ValueError(f"{argument} names the CSM level {english!r} twice")
        out[english] = float(number)
    return out


class _CsmExplorer(Explorer):
    def __init__(
        self,
        counts: Mapping[Any, float] | pd.Series,
        scores: Mapping[Any, float] | pd.Series | None,
    ) -> None:
        from crmlab.satisfaction import DEFAULT_CSM_SCORES

        count_of = _by_level(counts, "counts")
        score_of = _by_level(DEFAULT_CSM_SCORES if scores is None else scores, "scores")
        controls: dict[str, widgets.ValueWidget] = {}
        for level in reversed(labels("csm_level")):  # highest first, as a survey lists them
            zh = chinese_name(level, "csm_level")
            controls[f"count:{level}"] = widgets.BoundedFloatText(
                value=count_of.get(level, 0.0),
                min=0,
                max=1e12,
                description=_pick(f"respondents 人数 · {zh} {level}", f"人数 · {zh}（{level}）"),
                style=_WIDE,
                layout=_BOX_LAYOUT,
            )
            controls[f"score:{level}"] = widgets.FloatText(
                value=score_of.get(level, 0.0),
                description=_pick(f"score 分值 · {zh} {level}", f"分值 · {zh}（{level}）"),
                style=_WIDE,
                layout=_BOX_LAYOUT,
            )
        self.score: float | None = None
        super().__init__(
            "CSM simple scale score method 简单梯级分值法", controls, figsize=(9, 4.5), columns=2
        )

    def compute(self, values: dict[str, Any]) -> pd.DataFrame:
        from crmlab.satisfaction import csm_score

        levels = labels("csm_level")
        counts = pd.Series({lv: float(values[f"count:{lv}"]) for lv in levels})
        scores = pd.Series({lv: float(values[f"score:{lv}"]) for lv in levels})
        self.score = csm_score(counts, scores)
        total = counts.sum()
        result = pd.DataFrame(
            {
                "中文": [chinese_name(lv, "csm_level") for lv in levels],
                "respondents": counts.to_numpy(),
                "share": (counts / total).to_numpy(),
                "score": scores.to_numpy(),
                "share_x_score": (counts / total * scores).to_numpy(),
            },
            index=pd.Index(levels, name="csm_level"),
        )
        return result

    def summary(self, result: pd.DataFrame) -> str:
        return f"CSM score 满意度 = {self.score:.4g} ({result['respondents'].sum():g} respondents)"

    def table(self, result: pd.DataFrame) -> pd.DataFrame:
        return result.iloc[::-1]

    def draw(self, result: pd.DataFrame, ax: Axes) -> None:
        from crmlab.plotting import csm_distribution

        csm_distribution(result["respondents"], ax=ax)


def csm_explorer(
    counts: Mapping[Any, float] | pd.Series | None = None,
    scores: Mapping[Any, float] | pd.Series | None = None,
) -> Explorer:
    """The simple scale score method (简单梯级分值法) with editable respondents and scores.

    One number box per CSM level for the respondents and one for the score of the level; the
    satisfaction score is :func:`crmlab.satisfaction.csm_score`, the respondent-weighted mean
    score.

    Parameters
    ----------
    counts : mapping or Series, optional
        Respondents per level (Chinese or English labels). Default: an example of 100
        respondents.
    scores : mapping or Series, optional
        Score per level. Default: :data:`crmlab.satisfaction.DEFAULT_CSM_SCORES` (-3 ... +3).

    Returns
    -------
    Explorer
        Controls ``"count:<level>"`` and ``"score:<level>"`` for the seven English levels;
        ``result`` is a frame per level (respondents, share, score, share x score); the
        satisfaction score is the explorer's ``score``.

    Examples
    --------
    >>> w = csm_explorer({"很满意": 2, "满意": 4, "一般": 3, "不满意": 1})
    >>> w.score
    1.2
    >>> w.controls["score:very satisfied"].value = 5
    >>> w.score
    1.6
    """
    return _CsmExplorer(_EXAMPLE_CSM_COUNTS if counts is None else counts, scores)


# ============================================================================================
# Explorers of a classification of customers: ABC


class _AbcExplorer(Explorer):
    def __init__(self, data: pd.DataFrame, value: Hashable, customer: Hashable | None) -> None:
        from crmlab.abc import abc_classify

        abc_classify(data, value, customer=customer)  # check the data once, with a clear error
        self._data, self._value, self._key = data, value, customer
        self.shares: tuple[float, float, float] = (0.7, 0.2, 0.1)
        controls = {
            "a_share": _slider("A share of the total A类目标占比", 0.7, 0.05, 0.95, 0.01),
            "b_share": _slider("B share of the total B类目标占比", 0.2, 0.01, 0.94, 0.01),
            "rule": widgets.Dropdown(
                options=[
                    ("do not exceed 不超过 (lecture)", "not_exceed"),
                    ("crossing customer joins the higher class 跨线者归上一类", "crossing"),
                ],
                value="not_exceed",
                description=localised("rule 规则"),
                style=_WIDE,
            ),
        }
        controls["b_share"].max = round(0.99 - controls["a_share"].value, 2)
        super().__init__(f"ABC classification ABC客户分类: {value}", controls, figsize=(9, 4.5))

    def adjust(self, name: str, old: Any) -> None:
        a, b = self.controls["a_share"], self.controls["b_share"]
        if name == "a_share" and old is not None:
            # moving the A target moves B's by the same amount: C keeps its share
            c_share = 1.0 - float(old) - b.value
            b.max = round(0.99 - a.value, 2)  # C keeps at least 1%
            b.value = min(max(round(1.0 - a.value - c_share, 2), b.min), b.max)

    def compute(self, values: dict[str, Any]) -> pd.DataFrame:
        from crmlab.abc import abc_classify

        a, b = float(values["a_share"]), float(values["b_share"])
        c = 1.0 - a - b
        if c <= 1e-9:  # 0.7 + 0.3 leaves 5.6e-17 in floating point: nothing
            raise ValueError(f"the A and B shares ({a:.2f} + {b:.2f}) leave nothing for C")
        self.shares = (a, b, c)
        return abc_classify(
            self._data, self._value, customer=self._key, shares=self.shares, rule=values["rule"]
        )

    def _names(self, result: pd.DataFrame, label: str) -> list[str]:
        rows = result[result["abc_class"] == label]
        keys = rows.index if self._key is None else rows[self._key]
        return [str(k) for k in keys]

    def summary(self, result: pd.DataFrame) -> str:
        return " | ".join(f"{c}: {' '.join(self._names(result, c))}" for c in ("A", "B", "C"))

    def table(self, result: pd.DataFrame) -> pd.DataFrame:
        from crmlab.abc import abc_summary

        table = abc_summary(result, self._value)
        table.insert(0, "类别", [chinese_name(str(c), "abc_class") for c in table.index])
        table["target_share"] = self.shares
        table["customers_in_class"] = [", ".join(self._names(result, str(c))) for c in table.index]
        return table

    def draw(self, result: pd.DataFrame, ax: Axes) -> None:
        from crmlab.plotting import pareto_chart

        pareto_chart(result, self._value, customer=self._key, ax=ax, shares=self.shares)


def abc_explorer(
    data: pd.DataFrame,
    value: Hashable,
    customer: Hashable | None = None,
    *,
    key: Hashable | None = None,
) -> Explorer:
    """ABC classification with adjustable class targets and rule.

    Sliders set the A and B target shares of the total, C gets the rest. Moving the A slider
    moves the B share the other way, so that C keeps its share (A 0.7 -> 0.8 turns B 0.2 into
    0.1, and the A + B line stays at 90%); moving the B slider changes C. The B slider's
    maximum follows the A share so that C keeps at least 1%. A dropdown sets the rule for the
    customer whose value crosses a target (:func:`crmlab.abc_classify`). The output is the
    class summary of :func:`crmlab.abc.abc_summary` with the customers of each class, and the
    Pareto chart.

    Parameters
    ----------
    data : DataFrame
        One row per customer; not modified.
    value : column label
        Numeric column to classify by.
    customer : column label, optional
        Customer column (default: the index).
    key : column label, optional
        Deprecated old name of ``customer`` (a ``FutureWarning``); removed in crmlab 0.3.

    Returns
    -------
    Explorer
        Controls ``a_share``, ``b_share``, ``rule``; ``result`` is the output of
        ``abc_classify`` (sorted, with ``cum_share`` and ``abc_class``) at the explorer's
        ``shares``.

    Examples
    --------
    >>> from crmlab.datasets import load_distributors
    >>> w = abc_explorer(load_distributors(), "sales", customer="distributor")
    >>> w.controls["rule"].value = "crossing"
    >>> w.text.split(" | ")[0]
    'A: f e t d i n h p m b'
    """
    from crmlab._validate import renamed

    return _AbcExplorer(data, value, renamed("abc_explorer", "key", "customer", key, customer))


# ============================================================================================
# Explorers of a process over time: a fairness simulation, the relationship Markov chain


class _FairnessExplorer(Explorer):
    def __init__(self, n_customers: int, seed: int) -> None:
        self._n, self._seed = n_customers, seed
        controls = {
            "unfair_prob": _slider("unfair outcome probability 不公平结果概率", 0.2, 0, 1, 0.01),
            "compensation": _slider("compensation probability 补偿概率", 0.5, 0, 1, 0.05),
            "n_interactions": _slider("interactions 交互次数", 20, 1, 60, integer=True),
            "tolerance": _slider("tolerance 容忍度", 1.0, 0, 5, 0.5, ".1f"),
            "churn_step": _slider("churn per grievance 每单位不满的流失概率", 0.3, 0, 1, 0.05),
            "forgetting": _slider("forgetting 遗忘", 0.0, 0, 1, 0.05),
        }
        super().__init__("Fairness over repeated interactions 重复交往中的公平性", controls)

    def compute(self, values: dict[str, Any]) -> pd.DataFrame:
        from crmlab.fairness import simulate_fairness

        compensation = sorted({0.0, float(values["compensation"])})
        return simulate_fairness(
            self._n,
            int(values["n_interactions"]),
            float(values["unfair_prob"]),
            compensation=compensation,
            seed=self._seed,
            tolerance=float(values["tolerance"]),
            churn_step=float(values["churn_step"]),
            forgetting=float(values["forgetting"]),
        )

    def final(self, result: pd.DataFrame) -> pd.DataFrame:
        last = result[result["interaction"] == result["interaction"].max()]
        return last.set_index("compensation")

    def summary(self, result: pd.DataFrame) -> str:
        last = self.final(result)
        n = int(result["interaction"].max())
        parts = [
            f"compensation {c:.0%}: {row.share_retained:.1%} retained" for c, row in last.iterrows()
        ]
        return f"after {n} interactions, " + "; ".join(parts)

    def table(self, result: pd.DataFrame) -> pd.DataFrame:
        columns = [
            "unfair_prob",
            "interaction",
            "customers_retained",
            "share_retained",
            "mean_grievance",
        ]
        return self.final(result)[columns]

    def draw(self, result: pd.DataFrame, ax: Axes) -> None:
        from matplotlib.ticker import MaxNLocator, PercentFormatter

        for (comp, group), style in zip(result.groupby("compensation"), ("--", "-"), strict=False):
            label = "no compensation 无补偿" if comp == 0 else f"compensation {comp:.0%} 补偿"
            ax.plot(
                group["interaction"],
                group["share_retained"],
                style,
                linewidth=2,
                gid=f"compensation:{comp:g}",
                label=label,
            )
        ax.set_ylim(0, 1.02)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_xlabel("interaction (交互次数)")
        ax.set_ylabel("customers retained (保留客户占比)")
        ax.set_title(
            f"unfair outcomes {self.values['unfair_prob']:.0%} of interactions (不公平结果占比)"
        )
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)


def fairness_explorer(n_customers: int = 1000, seed: int = 0) -> Explorer:
    """Customers who tolerate one unfair outcome but leave after repeated ones (chapter 4).

    Runs :func:`crmlab.fairness.simulate_fairness` for the chosen probability of an unfair
    outcome, with the chosen compensation (service recovery) and without any, on the same
    random numbers (a fixed ``seed``), and plots the share of customers retained over the
    interactions. The model's assumptions are in ``simulate_fairness``'s documentation.

    Parameters
    ----------
    n_customers : int, default 1000
        Simulated customers per scenario.
    seed : int, default 0
        Seed of the simulation: the same settings always give the same result.

    Returns
    -------
    Explorer
        Controls ``unfair_prob``, ``compensation``, ``n_interactions``, ``tolerance``,
        ``churn_step``, ``forgetting``; ``result`` is the tidy frame of
        ``simulate_fairness`` (both scenarios).

    Examples
    --------
    >>> w = fairness_explorer()
    >>> before = w.final(w.result).loc[0.0, "share_retained"]
    >>> w.controls["unfair_prob"].value = 0.4
    >>> bool(w.final(w.result).loc[0.0, "share_retained"] < before)
    True
    """
    return _FairnessExplorer(n_customers, seed)


class _RelationshipExplorer(Explorer):
    def __init__(self, periods: int) -> None:
        from crmlab.lifecycle import default_transition

        default = default_transition().to_numpy()
        stages = labels("relationship_stage")
        zh = {s: chinese_name(s, "relationship_stage") for s in stages}
        controls: dict[str, widgets.ValueWidget] = {}
        for i, stage in enumerate(stages[:-1]):
            if i + 1 < len(stages) - 1:
                nxt = stages[i + 1]
                controls[f"advance:{stage}"] = _slider(
                    f"{zh[stage]} → {zh[nxt]} ({stage} → {nxt})", default[i, i + 1], 0, 0.5, 0.01
                )
            controls[f"dissolve:{stage}"] = _slider(
                f"{zh[stage]} → {zh['dissolution']} ({stage} → dissolution)",
                default[i, -1],
                0,
                0.5,
                0.01,
            )
        controls["periods"] = _slider("periods 期数", periods, 1, 60, integer=True)
        self.transition: pd.DataFrame | None = None
        super().__init__(
            "Relationship stages as a Markov chain 关系发展阶段 (马尔可夫链)",
            controls,
            figsize=(9, 4.5),
        )

    def matrix(self, values: Mapping[str, Any]) -> pd.DataFrame:
        """The transition matrix the controls describe: advance one stage, stay or dissolve."""
        from crmlab.lifecycle import default_transition

        frame = default_transition() * 0.0
        stages = labels("relationship_stage")
        for i, stage in enumerate(stages[:-1]):
            advance = float(values.get(f"advance:{stage}", 0.0))
            dissolve = float(values[f"dissolve:{stage}"])
            if i + 1 < len(stages) - 1:
                frame.iloc[i, i + 1] = advance
            frame.iloc[i, -1] = dissolve
            frame.iloc[i, i] = 1.0 - advance - dissolve
        frame.iloc[-1, -1] = 1.0
        return frame

    def compute(self, values: dict[str, Any]) -> pd.DataFrame:
        from crmlab.lifecycle import stage_distribution

        self.transition = self.matrix(values)
        tidy = stage_distribution(self.transition, periods=int(values["periods"]))
        wide = tidy.pivot_table(
            index="period", columns="stage", values="share", observed=True, aggfunc="sum"
        )
        wide.columns = pd.Index([str(c) for c in wide.columns], name="stage")
        return wide

    def summary(self, result: pd.DataFrame) -> str:
        last = result.iloc[-1]
        return f"after {result.index[-1]} periods: " + ", ".join(
            f"{stage} {share:.1%}" for stage, share in last.items()
        )

    def table(self, result: pd.DataFrame) -> pd.DataFrame:
        table = self.transition.copy() if self.transition is not None else pd.DataFrame()
        table.index = [f"{chinese_name(s, 'relationship_stage')} {s}" for s in table.index]
        table[f"share after {result.index[-1]} periods"] = result.iloc[-1].to_numpy()
        return table

    def draw(self, result: pd.DataFrame, ax: Axes) -> None:
        from crmlab.plotting import lifecycle_curve

        lifecycle_curve(result, ax=ax)


def relationship_explorer(periods: int = 24) -> Explorer:
    """The relationship development stages (认知 → 探测 → 扩大 → 承诺, 解除) as a Markov chain.

    Each period a relationship advances one stage, stays, or dissolves (dissolution is
    absorbing). Sliders set the probabilities of advancing and of dissolving from each stage,
    starting from :func:`crmlab.lifecycle.default_transition` (an assumption, not an
    estimate); the share of relationships in each stage over time is computed exactly with
    :func:`crmlab.lifecycle.stage_distribution`.

    Parameters
    ----------
    periods : int, default 24
        Starting number of periods, 1-60.

    Returns
    -------
    Explorer
        Controls ``"advance:<stage>"`` (awareness, exploration, expansion),
        ``"dissolve:<stage>"`` (awareness ... commitment) and ``periods``; ``result`` is a
        frame of shares, one row per period and one column per stage; ``transition`` is the
        matrix used.

    Examples
    --------
    >>> from crmlab.lifecycle import stage_distribution
    >>> w = relationship_explorer(periods=24)
    >>> exact = stage_distribution(periods=24).query("period == 24").set_index("stage")["share"]
    >>> bool(abs(w.result.loc[24, "commitment"] - exact["commitment"]) < 1e-12)
    True
    >>> w.controls["dissolve:commitment"].value = 0.2
    >>> bool(w.result.loc[24, "commitment"] < exact["commitment"])
    True
    """
    return _RelationshipExplorer(periods)
