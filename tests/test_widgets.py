"""Tests of crmlab.widgets: move a control, check the result against the model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

import ipywidgets
import numpy as np
import pandas as pd
import pytest

import crmlab
from crmlab import widgets
from crmlab.abc import abc_classify
from crmlab.datasets import load_distributors
from crmlab.glossary import labels

PNG = b"\x89PNG\r\n\x1a\n"


def classes(result: pd.DataFrame, label: str) -> str:
    return "".join(result.loc[result["abc_class"] == label, "distributor"])


def check_widget_contract(w: widgets.Explorer) -> None:
    """What browser tests rely on: a VBox with described controls and a classed output."""
    assert isinstance(w, ipywidgets.VBox)
    assert widgets.EXPLORER_CLASS in w._dom_classes
    assert w.output in w.children
    assert widgets.OUTPUT_CLASS in w.output._dom_classes
    assert w.html in w.output.children and w.chart in w.output.children
    for name, control in w.controls.items():
        assert control.description, f"control {name!r} has no description"
        if isinstance(control, ipywidgets.FloatSlider | ipywidgets.IntSlider):
            assert control.continuous_update is False
    assert bytes(w.chart.value).startswith(PNG)
    assert w.error is None and w.text in w.html.value


# --------------------------------------------------------------------------------------------
# ABC


@pytest.fixture
def abc() -> widgets.Explorer:
    return widgets.abc_explorer(load_distributors(), "sales", customer="distributor")


def test_abc_explorer_starts_at_the_lecture_example(abc):
    check_widget_contract(abc)
    assert abc.values == {"a_share": 0.7, "b_share": 0.2, "rule": "not_exceed"}
    assert classes(abc.result, "A") == "fetdinhpm"
    assert classes(abc.result, "B") == "blsoa"
    assert classes(abc.result, "C") == "jrkcqg"
    assert "A类客户" in abc.html.value and "f, e, t, d, i, n, h, p, m" in abc.html.value


def test_raising_the_a_share_moves_the_next_customers_into_a(abc):
    abc.controls["a_share"].value = 0.8
    # the A slider moves B the other way: C keeps its 10%
    assert abc.controls["b_share"].value == pytest.approx(0.1)
    assert classes(abc.result, "A") == "fetdinhpmbl"  # 8250 <= 0.8 * 10580 = 8464 < 8650
    assert classes(abc.result, "B") == "soa"
    assert classes(abc.result, "C") == "jrkcqg"
    expected = abc_classify(
        load_distributors(), "sales", customer="distributor", shares=(0.8, 0.1, 0.1)
    )
    pd.testing.assert_frame_equal(abc.result, expected, check_like=True)
    assert abc.text == "A: f e t d i n h p m b l | B: s o a | C: j r k c q g"
    assert len(abc.figure.axes[0].patches) == 20
    targets = sorted(
        ln.get_ydata()[0] for ln in abc.figure.axes[1].lines if ln.get_gid() == "target"
    )
    assert targets == pytest.approx([0.8, 0.9])


def test_lowering_the_a_share_moves_customers_out_of_a(abc):
    abc.controls["a_share"].value = 0.6
    assert abc.controls["b_share"].value == pytest.approx(0.3)
    # 0.6 * 10580 = 6348: f e t d i n h (5560 + 660 = 6220) stay, p (6850) leaves
    assert classes(abc.result, "A") == "fetdinh"


def test_the_b_share_changes_c(abc):
    abc.controls["b_share"].value = 0.25
    assert abc.controls["a_share"].value == 0.7
    # A + B target 0.95 * 10580 = 10051: j (9700) joins B, r (9980) too, k (10200) does not
    assert classes(abc.result, "B") == "blsoajr"
    assert classes(abc.result, "C") == "kcqg"


def test_the_rule_dropdown(abc):
    abc.controls["rule"].value = "crossing"
    assert classes(abc.result, "A") == "fetdinhpmb"  # b crosses the 70% line and joins A
    abc.controls["rule"].value = "not_exceed"
    assert classes(abc.result, "A") == "fetdinhpm"


def test_b_share_maximum_follows_a(abc):
    abc.controls["a_share"].value = 0.95
    b = abc.controls["b_share"]
    assert b.max == pytest.approx(0.04)
    assert b.value <= b.max and abc.error is None
    assert abc.shares[2] >= 0.01 - 1e-12


def test_invalid_shares_show_an_error_and_no_result(abc):
    abc.controls["b_share"].max = 0.94  # bypass the guard, as a front end could
    abc.controls["b_share"].value = 0.3  # 0.7 + 0.3 leaves nothing for C
    assert abc.result is None
    assert "leave nothing for C" in abc.error
    assert "crmlab-error" in abc.html.value
    assert bytes(abc.chart.value) == b""
    abc.controls["b_share"].value = 0.2
    assert abc.error is None and classes(abc.result, "A") == "fetdinhpm"


def test_hold_recomputes_once(abc, monkeypatch):
    calls = []
    original = abc.compute
    monkeypatch.setattr(abc, "compute", lambda values: calls.append(values) or original(values))
    with abc.hold():
        abc.controls["rule"].value = "crossing"
        abc.controls["b_share"].value = 0.1
    assert len(calls) == 1
    assert calls[0] == {"a_share": 0.7, "b_share": 0.1, "rule": "crossing"}


def test_abc_explorer_leaves_the_data_unchanged():
    data = load_distributors()
    before = data.copy()
    w = widgets.abc_explorer(data, "sales", customer="distributor")
    w.controls["a_share"].value = 0.5
    pd.testing.assert_frame_equal(data, before)


def test_abc_explorer_rejects_bad_data():
    with pytest.raises(ValueError, match="no column"):
        widgets.abc_explorer(load_distributors(), "profit", customer="distributor")


# --------------------------------------------------------------------------------------------
# CLV


def test_clv_explorer_follows_crmlab_value():
    from crmlab.value import clv

    w = widgets.clv_explorer()
    check_widget_contract(w)
    assert w.result.loc["current", "clv"] == pytest.approx(100 * 0.8 / 0.3)
    assert w.result.loc["+5 points", "clv"] == pytest.approx(100 * 0.85 / 0.25)
    w.controls["retention"].value = 0.9
    assert w.result.loc["current", "clv"] == pytest.approx(clv(100, 0.9, 0.1))
    w.controls["margin"].value = 200
    assert w.result.loc["current", "clv"] == pytest.approx(2 * clv(100, 0.9, 0.1))
    w.controls["discount"].value = 0.2
    assert w.result.loc["current", "clv"] == pytest.approx(clv(200, 0.9, 0.2))
    w.controls["periods"].value = 3
    assert w.result.loc["current", "clv"] == pytest.approx(clv(200, 0.9, 0.2, periods=3))
    change = w.result.loc["+5 points", "clv"] / w.result.loc["current", "clv"] - 1
    assert w.result.loc["+5 points", "change"] == pytest.approx(change)
    assert f"{change:+.1%}" in w.text


def test_clv_explorer_chart_marks_the_current_point():
    w = widgets.clv_explorer(retention=0.6)
    ax = w.figure.axes[0]
    point = next(ln for ln in ax.lines if ln.get_gid() == "current")
    assert point.get_xdata()[0] == pytest.approx(0.6)
    assert point.get_ydata()[0] == pytest.approx(w.result.loc["current", "clv"])
    w.controls["retention"].value = 0.99  # the curve extends to the chosen retention
    curve = next(ln for ln in w.figure.axes[0].lines if (ln.get_gid() or "").startswith("clv:"))
    assert curve.get_xdata().max() == pytest.approx(0.99)
    assert w.result.loc["+5 points", "retention"] == 1.0  # capped at 100%
    assert w.result.loc["+5 points", "clv"] == pytest.approx(100 / 0.1)
    w.controls["discount"].value = 0.0  # retention 1 without discounting: no finite CLV
    assert np.isnan(w.result.loc["+5 points", "clv"])
    assert w.result.loc["current", "clv"] == pytest.approx(100 * 0.99 / 0.01)


# --------------------------------------------------------------------------------------------
# CSM


def test_csm_explorer_score_follows_the_tables():
    from crmlab.satisfaction import csm_score

    counts = {"很满意": 2, "满意": 4, "一般": 3, "不满意": 1}
    w = widgets.csm_explorer(counts)
    check_widget_contract(w)
    assert w.score == pytest.approx(1.2)
    assert w.score == pytest.approx(float(w.result["share_x_score"].sum()))
    assert list(w.result.index) == labels("csm_level")
    w.controls["score:very satisfied"].value = 5  # 2 respondents x 2 more points / 10
    assert w.score == pytest.approx(1.6)
    w.controls["count:very dissatisfied"].value = 10
    scores = {level: w.controls[f"score:{level}"].value for level in labels("csm_level")}
    counts_now = {level: w.controls[f"count:{level}"].value for level in labels("csm_level")}
    assert w.score == pytest.approx(csm_score(counts_now, scores))
    assert w.result.loc["very dissatisfied", "share"] == pytest.approx(10 / 20)
    assert [p.get_height() for p in w.figure.axes[0].patches][0] == 10


def test_csm_explorer_defaults_and_errors():
    from crmlab.satisfaction import DEFAULT_CSM_SCORES

    w = widgets.csm_explorer()
    assert {lv: w.controls[f"score:{lv}"].value for lv in labels("csm_level")} == dict(
        DEFAULT_CSM_SCORES
    )
    with w.hold():
        for level in labels("csm_level"):
            w.controls[f"count:{level}"].value = 0
    assert w.result is None and "no respondents" in w.error
    with pytest.raises(ValueError, match="twice"):
        widgets.csm_explorer({"满意": 1, "satisfied": 2})


def test_csm_explorer_lays_its_number_boxes_out_in_two_columns():
    w = widgets.csm_explorer()
    heading, grid, output = w.children
    assert isinstance(grid, ipywidgets.GridBox) and output is w.output
    assert list(grid.children) == list(w.controls.values())  # a count and a score per row
    assert grid.layout.grid_template_columns == "repeat(2, 370px)"
    assert "CSM" in heading.value


# --------------------------------------------------------------------------------------------
# fairness


def test_fairness_explorer_follows_simulate_fairness():
    from crmlab.fairness import simulate_fairness

    w = widgets.fairness_explorer(n_customers=500, seed=3)
    check_widget_contract(w)
    expected = simulate_fairness(500, 20, 0.2, compensation=[0.0, 0.5], seed=3)
    pd.testing.assert_frame_equal(w.result, expected)
    final = w.final(w.result)["share_retained"]
    assert final[0.5] > final[0.0]  # compensation keeps customers

    w.controls["unfair_prob"].value = 0.5
    worse = w.final(w.result)["share_retained"]
    assert worse[0.0] < final[0.0] and worse[0.5] < final[0.5]

    w.controls["compensation"].value = 1.0
    full = w.final(w.result)["share_retained"]
    assert full[1.0] == pytest.approx(1.0)  # full recovery, no other churn: nobody leaves
    assert len(w.figure.axes[0].lines) == 2

    w.controls["compensation"].value = 0.0
    assert list(w.final(w.result).index) == [0.0]
    assert len(w.figure.axes[0].lines) == 1


def test_fairness_explorer_tolerance_and_interactions():
    w = widgets.fairness_explorer()
    start = w.final(w.result).loc[0.0, "share_retained"]
    w.controls["tolerance"].value = 3.0
    assert w.final(w.result).loc[0.0, "share_retained"] > start
    w.controls["n_interactions"].value = 5
    assert w.result["interaction"].max() == 5
    assert w.text.startswith("after 5 interactions")


# --------------------------------------------------------------------------------------------
# relationship stages


def test_relationship_explorer_follows_stage_distribution():
    from crmlab.lifecycle import default_transition, stage_distribution

    w = widgets.relationship_explorer(periods=12)
    check_widget_contract(w)
    pd.testing.assert_frame_equal(w.transition, default_transition())
    exact = stage_distribution(periods=12).pivot(index="period", columns="stage", values="share")
    np.testing.assert_allclose(w.result.to_numpy(), exact.to_numpy())
    assert list(w.result.columns) == labels("relationship_stage")

    before = w.result.loc[12]
    w.controls["dissolve:commitment"].value = 0.2
    after = w.result.loc[12]
    assert after["commitment"] < before["commitment"]
    assert after["dissolution"] > before["dissolution"]
    assert w.transition.loc["commitment", "commitment"] == pytest.approx(0.8)
    np.testing.assert_allclose(w.transition.sum(axis=1), 1.0)


def test_relationship_explorer_advance_and_periods():
    w = widgets.relationship_explorer(periods=6)
    w.controls["advance:awareness"].value = 0.0  # nobody leaves awareness except by dissolving
    assert w.result[["exploration", "expansion", "commitment"]].to_numpy().max() == 0.0
    assert w.result.loc[6, "awareness"] == pytest.approx((1 - 0.15) ** 6)
    w.controls["periods"].value = 30
    assert w.result.index.max() == 30
    legend = [t.get_text() for t in w.figure.axes[0].get_legend().get_texts()]
    assert legend[0] == "认知 awareness"


# --------------------------------------------------------------------------------------------
# laziness


def test_import_crmlab_does_not_import_ipywidgets():
    code = "import sys, crmlab, crmlab.abc\nprint('ipywidgets' in sys.modules)\n"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(crmlab.__file__).resolve().parent.parent,
    )
    assert out.stdout.strip() == "False"


def test_abc_explorer_key_is_a_deprecated_alias_and_no_data_rides_in_attrs():
    with pytest.warns(
        FutureWarning, match=r"abc_explorer\(key=...\) is now abc_explorer\(customer=...\)"
    ):
        old = widgets.abc_explorer(load_distributors(), "sales", key="distributor")
    new = widgets.abc_explorer(load_distributors(), "sales", customer="distributor")
    assert old.text == new.text and new.text.startswith("A: f e t d i n h p m")
    new.controls["a_share"].value = 0.8
    assert new.shares == pytest.approx((0.8, 0.1, 0.1))
    assert new.result.attrs == {}
    csm = widgets.csm_explorer()
    assert csm.result.attrs == {} and f"{csm.score:.4g}" in csm.text
