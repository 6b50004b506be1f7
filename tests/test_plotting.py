"""Tests of crmlab.plotting and the shipped CJK font: artists, labels, glyphs, laziness."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import warnings
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import seaborn as sns
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.colors import to_hex

import crmlab
from crmlab import plotting
from crmlab.abc import abc_classify
from crmlab.datasets import load_distributors
from crmlab.fonts import FAMILY, FONT_FILE, LICENSE_FILE
from crmlab.fonts.build_subset import characters, gb2312_hanzi, gb2312_symbols
from crmlab.glossary import chinese_name, labels

PACKAGE_DIR = Path(crmlab.__file__).resolve().parent
GLYPH_WARNING = ("missing from font", "Glyph")


@pytest.fixture(autouse=True)
def _clean_figures():
    with plt.rc_context():
        yield
    plt.close("all")


@pytest.fixture(scope="module")
def cmap() -> dict[int, str]:
    return TTFont(FONT_FILE).getBestCmap()


def png_warnings(fig: matplotlib.figure.Figure) -> list[str]:
    """Draw ``fig`` to a PNG buffer and return the glyph warnings raised while drawing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught if any(s in str(w.message) for s in GLYPH_WARNING)]


def all_texts(fig: matplotlib.figure.Figure) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


# --------------------------------------------------------------------------------------------
# example data


def distributors_abc() -> pd.DataFrame:
    return abc_classify(load_distributors(), "sales", customer="distributor")


def csm_counts() -> pd.Series:
    return pd.Series(
        {
            "很满意": 20,
            "满意": 35,
            "较满意": 20,
            "一般": 12,
            "不太满意": 7,
            "不满意": 4,
            "很不满意": 2,
        }
    )


def servqual_frame() -> pd.DataFrame:
    gaps = pd.DataFrame(
        {"perception": [5.5, 4.0, 5.1, 5.8, 4.9], "expectation": [6.0, 6.5, 6.0, 5.5, 6.1]},
        index=["tangibles", "reliability", "responsiveness", "assurance", "empathy"],
    )
    gaps.loc["overall"] = gaps.mean()
    gaps["gap"] = gaps["perception"] - gaps["expectation"]
    return gaps


def rfm_frame() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        {
            "R": rng.integers(1, 6, 300),
            "F": rng.integers(1, 6, 300),
            "monetary": rng.gamma(2.0, 50.0, 300).round(2),
        }
    )


def retention_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [[1.0, 0.4, 0.3, 0.25], [1.0, 0.35, 0.28, np.nan], [1.0, 0.38, np.nan, np.nan]],
        index=pd.period_range("2024-01", periods=3, freq="M"),
    )


def stage_counts() -> pd.DataFrame:
    return pd.DataFrame(
        {"maturity": [0, 5, 10, 20], "acquisition": [100, 80, 60, 40], "growth": [0, 15, 30, 40]}
    )


def value_frame() -> pd.DataFrame:
    from crmlab.value import value_matrix

    rng = np.random.default_rng(3)
    data = pd.DataFrame(
        {"now": rng.normal(50, 20, 24).round(1), "later": rng.normal(50, 20, 24).round(1)},
        index=[f"c{i}" for i in range(24)],
    )
    return value_matrix(data, "now", "later")


CHARTS = {
    "pareto": lambda: plotting.pareto_chart(distributors_abc(), "sales", customer="distributor"),
    "csm": lambda: plotting.csm_distribution(csm_counts()),
    "servqual": lambda: plotting.servqual_gap_chart(servqual_frame()),
    "rfm": lambda: plotting.rfm_heatmap(rfm_frame(), value="monetary"),
    "cohort": lambda: plotting.cohort_heatmap(retention_frame()),
    "lifecycle": lambda: plotting.lifecycle_curve(),
    "stages": lambda: plotting.lifecycle_curve(stage_counts()),
    "value_matrix": lambda: plotting.value_matrix_chart(value_frame(), "now", "later"),
    "clv": lambda: plotting.clv_vs_retention(100, [0.05, 0.1]),
}


# --------------------------------------------------------------------------------------------
# the font


def test_font_ships_inside_the_package_with_its_licence():
    assert FONT_FILE.is_file() and FONT_FILE.parent == PACKAGE_DIR / "fonts"
    assert FONT_FILE.stat().st_size < 3_000_000  # a subset, not the 16 MB original
    text = LICENSE_FILE.read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "Adobe" in text and "Noto Sans CJK SC" in text


def test_font_names_and_licence_records():
    font = TTFont(FONT_FILE)
    name = font["name"]
    assert name.getDebugName(1) == FAMILY
    assert name.getDebugName(6) == "CRMLabSansSC-Regular"
    assert "Open Font License" in name.getDebugName(13)
    assert "Adobe" in name.getDebugName(0)
    assert font["OS/2"].fsType == 0  # installable embedding: PDF export may embed it


def test_font_covers_gb2312_ascii_and_cjk_punctuation(cmap):
    required = {
        "GB2312 level 1": gb2312_hanzi(1),
        "GB2312 level 2": gb2312_hanzi(2),
        "GB2312 symbols": gb2312_symbols(),
        "ASCII": [chr(c) for c in range(0x20, 0x7F)],
        "CJK punctuation": list("，。、；：？！“”‘’（）《》【】「」『』—…·～￥％"),
    }
    assert len(required["GB2312 level 1"]) == 3755
    for what, chars in required.items():
        missing = [c for c in chars if ord(c) not in cmap]
        assert not missing, f"{what}: {''.join(missing[:20])}"


def test_font_covers_every_glossary_character(cmap):
    text = (PACKAGE_DIR / "glossary.csv").read_text(encoding="utf-8")
    missing = sorted({c for c in text if c.isprintable() and ord(c) not in cmap})
    assert not missing, (
        f"glossary.csv uses characters the chart font lacks: {''.join(missing)}; rebuild it with "
        "`python -m crmlab.fonts.build_subset` (see crmlab/fonts/README.md)"
    )


def test_subset_characters_are_in_the_font(cmap):
    wanted = characters()
    missing = [c for c in wanted if ord(c) not in cmap]
    # only general-punctuation code points Noto Sans CJK SC itself does not have
    assert all(0x2010 <= ord(c) <= 0x2044 for c in missing), missing


def test_use_cjk_font_registers_the_packaged_file():
    assert plotting.use_cjk_font() == FAMILY
    path = font_manager.findfont(
        font_manager.FontProperties(family=FAMILY), fallback_to_default=False
    )
    assert Path(path) == FONT_FILE
    assert PACKAGE_DIR in Path(path).parents
    assert matplotlib.rcParams["font.family"][0] == FAMILY
    assert matplotlib.rcParams["font.sans-serif"][0] == FAMILY
    assert matplotlib.rcParams["axes.unicode_minus"] is False


def test_use_cjk_font_registers_once():
    plotting.use_cjk_font()
    plotting.use_cjk_font()
    entries = [f for f in font_manager.fontManager.ttflist if f.fname == str(FONT_FILE)]
    assert len(entries) == 1


def test_charts_keep_the_font_after_seaborn_resets_the_theme():
    sns.set_theme()  # sets font.family to sans-serif with Arial first
    ax = plotting.csm_distribution(csm_counts())
    assert ax.title.get_fontname() == FAMILY
    assert not png_warnings(ax.figure)


def test_glyph_check_detects_missing_glyphs():
    """The check used below does fail when a font lacks Chinese glyphs."""
    with plt.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title("客户关系管理")
        assert png_warnings(fig)


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_chinese_labels_draw_without_missing_glyphs(chart):
    ax = CHARTS[chart]()
    text = all_texts(ax.figure)
    assert any("\u4e00" <= c <= "\u9fff" for c in text), "the chart has no Chinese label"
    assert png_warnings(ax.figure) == []


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_every_chart_has_one_sentence_alt_text(chart):
    ax = CHARTS[chart]()
    text = plotting.alt_text(ax)
    assert text == plotting.alt_text(ax.figure)
    assert len(text) > 40 and text.endswith(".") and text.count(". ") == 0
    assert "\n" not in text


def test_alt_text_refuses_foreign_axes():
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="not drawn by a crmlab"):
        plotting.alt_text(ax)


@pytest.mark.parametrize("chart", ["pareto", "csm", "servqual", "rfm", "value_matrix"])
def test_output_is_deterministic(chart):
    def png() -> bytes:
        buffer = io.BytesIO()
        ax = CHARTS[chart]()
        ax.figure.savefig(buffer, format="png", dpi=60)
        plt.close(ax.figure)
        return buffer.getvalue()

    assert png() == png()


def test_draws_on_a_given_axes():
    fig, axes = plt.subplots(1, 2)
    out = plotting.csm_distribution(csm_counts(), ax=axes[1])
    assert out is axes[1]
    assert len(axes[1].patches) == 7 and len(axes[0].patches) == 0


def test_show_displays_a_png_with_alt_text_and_closes_the_figure(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    ax = plotting.pareto_chart(distributors_abc(), "sales", customer="distributor")
    number = ax.figure.number
    plotting.show(ax)
    (image,) = shown
    assert image.data.startswith(b"\x89PNG")
    assert image._repr_png_()[1] == {"alt": plotting.alt_text(ax)}
    assert not plt.fignum_exists(number)
    fig, other = plt.subplots()
    plotting.show(fig, alt="an empty chart")
    assert shown[-1]._repr_png_()[1] == {"alt": "an empty chart"}
    with pytest.raises(ValueError, match="not drawn by a crmlab"):
        plotting.show(plt.subplots()[0])


@pytest.mark.slow
def test_show_in_a_kernel_stores_one_png_output_with_alt_text():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    source = (
        "%config InlineBackend.figure_formats = ['png']\n"
        "from crmlab.plotting import csm_distribution, show\n"
        "ax = csm_distribution({'满意': 3, '很满意': 1})\n"
        "show(ax)"
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbclient.NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(PACKAGE_DIR.parent)}},
    ).execute()
    outputs = nb.cells[0].outputs
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1, outputs  # the inline backend does not show the figure again
    alt = images[0]["metadata"]["image/png"]["alt"]
    assert alt.startswith("Bar chart of 4 respondents over the seven CSM levels")
    assert not [o for o in outputs if o.get("name") == "stderr"]


# --------------------------------------------------------------------------------------------
# each chart's content, in the sections of crmlab.plotting: concentration


def test_pareto_chart_bars_line_and_targets():
    result = distributors_abc()
    ax = plotting.pareto_chart(result, "sales", customer="distributor")
    bars = ax.patches
    assert len(bars) == 20
    assert [b.get_height() for b in bars] == result["sales"].tolist()
    colors = [to_hex(b.get_facecolor()) for b in bars]
    expected = [plotting.ABC_COLORS[c].lower() for c in result["abc_class"].astype(str)]
    assert colors == expected
    twin = ax.figure.axes[1]
    line = next(ln for ln in twin.lines if ln.get_gid() == "cum_share")
    np.testing.assert_allclose(line.get_ydata(), result["cum_share"].to_numpy())
    assert line.get_marker() == "o"
    targets = sorted(ln.get_ydata()[0] for ln in twin.lines if ln.get_gid() == "target")
    assert targets == pytest.approx([0.7, 0.9])
    splits = [ln.get_xdata()[0] for ln in ax.lines if ln.get_gid() == "class_split"]
    assert splits == [8.5, 13.5]  # after the 9 A and the 5 B customers
    assert [t.get_text() for t in ax.get_xticklabels()] == list("fetdinhpmblsoajrkcqg")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0].startswith("A类客户 A: 9 (45%)") and "C类客户" in legend[2]
    assert "ABC客户分类" in ax.get_title()
    assert "class A has 9 customers (45%) with 69.8% of the total" in plotting.alt_text(ax)


def test_pareto_chart_custom_shares_and_index_keys():
    data = load_distributors().set_index("distributor")
    result = abc_classify(data, "sales", shares=(0.8, 0.1, 0.1))
    ax = plotting.pareto_chart(result, "sales", shares=(0.8, 0.1, 0.1))
    targets = sorted(
        ln.get_ydata()[0] for ln in ax.figure.axes[1].lines if ln.get_gid() == "target"
    )
    assert targets == pytest.approx([0.8, 0.9])
    assert ax.get_xticklabels()[0].get_text() == "f"
    none = plotting.pareto_chart(result, "sales", shares=None)
    assert not [ln for ln in none.figure.axes[1].lines if ln.get_gid() == "target"]


def test_pareto_chart_many_customers_draws_areas():
    rng = np.random.default_rng(0)
    data = pd.DataFrame({"sales": rng.pareto(1.5, 1000) * 100 + 1})
    result = abc_classify(data, "sales")
    ax = plotting.pareto_chart(result, "sales")
    assert len(ax.patches) == 0
    assert sorted(c.get_gid() for c in ax.collections) == ["bars:A", "bars:B", "bars:C"]
    line = next(ln for ln in ax.figure.axes[1].lines if ln.get_gid() == "cum_share")
    np.testing.assert_allclose(line.get_ydata(), result["cum_share"].to_numpy())
    assert "rank" in ax.get_xlabel()  # too many customers for one tick label each
    assert len(ax.get_xticklabels()) < 20


def test_pareto_chart_rejects_unsorted_input():
    result = distributors_abc().sample(frac=1.0, random_state=1)
    with pytest.raises(ValueError, match="must not decrease"):
        plotting.pareto_chart(result, "sales")
    with pytest.raises(ValueError, match="no column"):
        plotting.pareto_chart(distributors_abc().drop(columns="cum_share"), "sales")


# --------------------------------------------------------------------------------------------
# survey results


def test_csm_distribution_bars_in_scale_order_with_chinese_ticks():
    counts = csm_counts()
    ax = plotting.csm_distribution(counts)
    levels = labels("csm_level")
    heights = [b.get_height() for b in ax.patches]
    assert heights == [counts[chinese_name(level, "csm_level")] for level in levels]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert [t.split("\n")[0] for t in ticks] == [
        chinese_name(level, "csm_level") for level in levels
    ]
    assert ticks[0] == "很不满意\nvery dissatisfied"


def test_csm_distribution_accepts_english_labels_and_fills_missing_levels():
    from crmlab.satisfaction import csm_counts as tally

    counts = tally(["满意", "very satisfied", "满意", "一般"])
    ax = plotting.csm_distribution(counts)
    assert [b.get_height() for b in ax.patches] == [0, 0, 0, 1, 0, 2, 1]
    ax2 = plotting.csm_distribution(pd.Series({"satisfied": 2}))
    assert [b.get_height() for b in ax2.patches] == [0, 0, 0, 0, 0, 2, 0]
    with pytest.raises(ValueError, match="unknown csm_level"):
        plotting.csm_distribution(pd.Series({"有点满意": 3}))
    with pytest.raises(ValueError, match="twice"):
        plotting.csm_distribution(pd.Series([1, 2], index=["满意", "satisfied"]))
    with pytest.raises(ValueError, match="no respondents"):
        plotting.csm_distribution(pd.Series({"满意": 0}))


def test_servqual_gap_chart_markers_and_labels():
    gaps = servqual_frame()
    ax = plotting.servqual_gap_chart(gaps)
    by_gid = {c.get_gid(): c for c in ax.collections}
    np.testing.assert_allclose(by_gid["perception"].get_offsets()[:, 0], gaps["perception"])
    np.testing.assert_allclose(by_gid["expectation"].get_offsets()[:, 0], gaps["expectation"])
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[0] == "有形性 tangibles" and ticks[-1] == "总体 overall"
    gap_labels = [t.get_text() for t in ax.texts]
    assert gap_labels == [f"{g:+.2f}" for g in gaps["gap"]]


def test_servqual_gap_chart_on_servqual_gaps_output():
    from crmlab.servqual import servqual_gaps

    items = {"t1": "有形性", "t2": "有形性", "r1": "reliability", "r2": "reliability"}
    p = pd.DataFrame({"t1": [6, 5], "t2": [5, 6], "r1": [4, 4], "r2": [3, 5]})
    e = pd.DataFrame({"t1": [6, 6], "t2": [6, 6], "r1": [7, 6], "r2": [6, 7]})
    ax = plotting.servqual_gap_chart(servqual_gaps(p, e, dimension_of=items))
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "有形性 tangibles",
        "可靠性 reliability",
        "总体 overall",
    ]
    assert "-2.50 for reliability" in plotting.alt_text(ax)
    bad = servqual_gaps(p, e, dimension_of=items).assign(gap=0.0)
    with pytest.raises(ValueError, match="perception - expectation"):
        plotting.servqual_gap_chart(bad)


# --------------------------------------------------------------------------------------------
# matrices and heatmaps


def test_rfm_heatmap_counts_and_means():
    data = rfm_frame()
    ax = plotting.rfm_heatmap(data)
    counts = pd.crosstab(data["R"], data["F"]).sort_index(ascending=False)
    cells = np.asarray(ax.collections[0].get_array()).reshape(counts.shape)
    np.testing.assert_array_equal(cells, counts.to_numpy())
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "5"
    assert "最近一次消费" in ax.get_ylabel() and "消费频率" in ax.get_xlabel()

    ax2 = plotting.rfm_heatmap(data, value="monetary")
    means = data.groupby(["R", "F"])["monetary"].mean().unstack().sort_index(ascending=False)
    cells2 = np.asarray(ax2.collections[0].get_array()).reshape(means.shape)
    np.testing.assert_allclose(cells2, means.to_numpy())


def test_rfm_heatmap_on_rfm_scores_output():
    from crmlab.rfm import rfm_scores

    table = pd.DataFrame(
        {
            "recency": [3, 40, 10, 200, 90],
            "frequency": [12, 2, 7, 1, 5],
            "monetary": [900.0, 60.0, 400.0, 25.0, 300.0],
        },
        index=pd.Index(list("abcde"), name="customer"),
    )
    ax = plotting.rfm_heatmap(rfm_scores(table), value="monetary")
    assert np.nansum(np.asarray(ax.collections[0].get_array())) == pytest.approx(1685.0)


def test_cohort_heatmap_annotations_and_ticks():
    retention = retention_frame()
    ax = plotting.cohort_heatmap(retention)
    assert [t.get_text() for t in ax.texts] == [
        "100%",
        "40%",
        "30%",
        "25%",
        "100%",
        "35%",
        "28%",
        "100%",
        "38%",
    ]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2024-01", "2024-02", "2024-03"]
    assert "同期群" in ax.get_ylabel()
    with pytest.raises(ValueError, match="shares"):
        plotting.cohort_heatmap(retention * 100)


def test_cohort_heatmap_on_cohort_retention_output():
    from crmlab.lifecycle import cohort_retention

    tx = pd.DataFrame(
        {
            "customer": ["a", "a", "b", "b", "c", "d"],
            "date": [
                "2024-01-03",
                "2024-02-10",
                "2024-01-20",
                "2024-03-01",
                "2024-02-05",
                "2024-02-28",
            ],
        }
    )
    ax = plotting.cohort_heatmap(cohort_retention(tx, "customer", "date"))
    assert [t.get_text() for t in ax.texts] == ["100%", "50%", "50%", "100%", "0%"]


def test_value_matrix_chart_quadrants_and_classes():
    data = value_frame()
    ax = plotting.value_matrix_chart(data, "now", "later")
    counts = data["value_class"].value_counts()
    for collection in ax.collections:
        label = collection.get_gid().split(":")[1]
        assert len(collection.get_offsets()) == counts[label]
    vertical, horizontal = (ln for ln in ax.lines if ln.get_gid() == "cut")
    assert vertical.get_xdata()[0] == data["now"].median()
    assert horizontal.get_ydata()[0] == data["later"].median()
    quadrants = {
        t.get_gid(): t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("quadrant:")
    }
    assert quadrants == {
        "quadrant:lead": "铅质客户\nlead",
        "quadrant:iron": "铁质客户\niron",
        "quadrant:gold": "黄金客户\ngold",
        "quadrant:platinum": "白金客户\nplatinum",
    }
    # the quadrant labels sit in the right corners: gold = high current (right), low future (bottom)
    gold = next(t for t in ax.texts if t.get_gid() == "quadrant:gold")
    assert gold.get_position()[0] > 0.5 > gold.get_position()[1]


def test_value_matrix_chart_draws_the_cuts_it_is_given():
    from crmlab.value import value_matrix

    data = value_matrix(
        value_frame().drop(columns="value_class"), "now", "later", current_cut=30.0, future_cut=70.0
    )
    ax = plotting.value_matrix_chart(data, "now", "later", current_cut=30.0, future_cut=70.0)
    vertical, horizontal = (ln for ln in ax.lines if ln.get_gid() == "cut")
    assert (vertical.get_xdata()[0], horizontal.get_ydata()[0]) == (30.0, 70.0)
    with pytest.raises(ValueError, match="pass the cuts given to value_matrix"):
        plotting.value_matrix_chart(data, "now", "later")  # the medians disagree with the classes
    plain = data.drop(columns="value_class")
    explicit = plotting.value_matrix_chart(plain, "now", "later", current_cut=40, future_cut=45)
    vertical, horizontal = (ln for ln in explicit.lines if ln.get_gid() == "cut")
    assert (vertical.get_xdata()[0], horizontal.get_ydata()[0]) == (40, 45)
    plt.close("all")


def test_value_matrix_chart_computes_classes_from_cuts():
    data = pd.DataFrame(
        {"now": [10.0, 80.0, 30.0, 90.0], "later": [20.0, 10.0, 70.0, 95.0]}, index=list("abcd")
    )
    ax = plotting.value_matrix_chart(
        data, "now", "later", value_class=None, current_cut=50, future_cut=50
    )
    where = {c.get_gid(): c.get_offsets().tolist() for c in ax.collections}
    assert where == {
        "class:lead": [[10.0, 20.0]],
        "class:iron": [[30.0, 70.0]],
        "class:gold": [[80.0, 10.0]],
        "class:platinum": [[90.0, 95.0]],
    }


# --------------------------------------------------------------------------------------------
# curves and trajectories


def test_lifecycle_curve_schematic_shows_five_stages():
    ax = plotting.lifecycle_curve()
    spans = [p.get_gid() for p in ax.patches if (p.get_gid() or "").startswith("stage:")]
    assert spans == [f"stage:{s}" for s in labels("lifecycle_stage")]
    text = all_texts(ax.figure)
    for stage in labels("lifecycle_stage"):
        assert chinese_name(stage, "lifecycle_stage") in text
    profit = next(ln for ln in ax.lines if ln.get_gid() == "profit").get_ydata()
    revenue = next(ln for ln in ax.lines if ln.get_gid() == "revenue").get_ydata()
    assert profit[0] < 0 < profit.max()  # negative while acquiring, positive later
    assert np.argmax(revenue) > len(revenue) // 3


def test_lifecycle_curve_stage_counts_in_stage_order():
    counts = stage_counts()
    ax = plotting.lifecycle_curve(counts)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["潜在获取期 acquisition", "成长期 growth", "成熟期 maturity"]
    assert len(ax.collections) == 3
    top = ax.collections[-1].get_paths()[0].vertices[:, 1].max()
    assert top == pytest.approx(counts.sum(axis=1).max())


def test_lifecycle_curve_tidy_relationship_shares():
    from crmlab.lifecycle import stage_distribution

    tidy = stage_distribution(periods=6)
    ax = plotting.lifecycle_curve(tidy)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "认知 awareness" and legend[-1] == "解除 dissolution"
    assert ax.get_ylim() == (0.0, 1.0)
    with pytest.raises(ValueError, match="stages"):
        plotting.lifecycle_curve(pd.DataFrame({"x": [1]}))


def test_clv_vs_retention_matches_crmlab_value_and_the_closed_form():
    from crmlab.value import clv

    r = np.array([0.0, 0.5, 0.8, 0.9])
    ax = plotting.clv_vs_retention(100, [0.1, 0.2], retentions=r)
    assert [ln.get_gid() for ln in ax.lines] == ["clv:0.1", "clv:0.2"]
    for line, d in zip(ax.lines, (0.1, 0.2), strict=True):
        np.testing.assert_allclose(line.get_xdata(), r)
        np.testing.assert_allclose(line.get_ydata(), clv(100, r, d))
        np.testing.assert_allclose(line.get_ydata(), 100 * r / (1 + d - r))
    finite = plotting.clv_vs_retention(100, 0.1, retentions=[0.5, 0.8], periods=3)
    expected = [sum(100 * (x / 1.1) ** t for t in range(1, 4)) for x in (0.5, 0.8)]
    np.testing.assert_allclose(finite.lines[0].get_ydata(), expected)
    assert finite.lines[0].get_ydata()[1] == pytest.approx(clv(100, 0.8, 0.1, periods=3))


# --------------------------------------------------------------------------------------------
# the caller's data and laziness


@pytest.mark.parametrize(
    "chart, make, call",
    [
        (
            "pareto",
            distributors_abc,
            lambda d: plotting.pareto_chart(d, "sales", customer="distributor"),
        ),
        ("csm", csm_counts, plotting.csm_distribution),
        ("servqual", servqual_frame, plotting.servqual_gap_chart),
        ("rfm", rfm_frame, lambda d: plotting.rfm_heatmap(d, value="monetary")),
        ("cohort", retention_frame, plotting.cohort_heatmap),
        ("stages", stage_counts, plotting.lifecycle_curve),
        ("value_matrix", value_frame, lambda d: plotting.value_matrix_chart(d, "now", "later")),
    ],
)
def test_charts_leave_the_callers_data_unchanged(chart, make, call):
    data = make()
    before = data.copy(deep=True)
    call(data)
    if isinstance(data, pd.Series):
        pd.testing.assert_series_equal(data, before)
    else:
        pd.testing.assert_frame_equal(data, before)
        assert data.attrs == before.attrs


def fresh_python(code: str) -> str:
    """What ``code`` prints in a new interpreter started in the repository (Agg backend)."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE_DIR.parent,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    return out.stdout.strip()


def test_import_crmlab_does_not_import_matplotlib_or_seaborn():
    code = (
        "import sys, crmlab, crmlab.abc, crmlab.fonts, crmlab.glossary\n"
        "crmlab.abc_classify\n"
        "heavy = [m for m in ('matplotlib', 'seaborn', 'ipywidgets') if m in sys.modules]\n"
        "print(','.join(heavy) or 'none')\n"
    )
    assert fresh_python(code) == "none"


def test_importing_plotting_does_load_matplotlib():
    """The laziness check above is not vacuous: the subprocess does see imported modules."""
    assert fresh_python("import sys, crmlab.plotting\nprint('matplotlib' in sys.modules)") == "True"


def test_value_matrix_chart_refuses_classes_made_at_other_cuts():
    from crmlab.value import value_matrix

    data = value_frame().drop(columns="value_class")
    fixed = value_matrix(data, "now", "later", current_cut=data["now"].max() - 1e-9, future_cut=0.0)
    with pytest.raises(ValueError, match="does not match the quadrant lines at current_cut="):
        plotting.value_matrix_chart(fixed, "now", "later")
    cut = data["now"].max() - 1e-9
    ax = plotting.value_matrix_chart(fixed, "now", "later", current_cut=cut, future_cut=0.0)
    vertical = next(ln for ln in ax.lines if ln.get_gid() == "cut")
    assert vertical.get_xdata()[0] == cut
    plt.close(ax.figure)


@pytest.mark.parametrize("chart", ["pareto_chart", "value_matrix_chart"])
def test_key_is_a_deprecated_alias_of_customer_in_charts(chart):
    if chart == "pareto_chart":
        data, args = distributors_abc(), ("sales",)
    else:
        data, args = value_frame().reset_index(names="id"), ("now", "later")
    column = "distributor" if chart == "pareto_chart" else "id"
    draw = getattr(plotting, chart)
    new = draw(data, *args, customer=column)
    with pytest.warns(FutureWarning, match=rf"{chart}\(key=...\) is now {chart}\(customer=...\)"):
        old = draw(data, *args, key=column)

    def labels(ax):
        return sorted(t.get_text() for t in ax.texts) + [t.get_text() for t in ax.get_xticklabels()]

    assert labels(old) == labels(new) and any(str(v) in labels(new) for v in data[column])
    plt.close("all")
