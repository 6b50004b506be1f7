"""crmlab.datasets: the contents of the seed, real and synthetic data, the generators, and the
errors a missing, truncated or corrupted file gives."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crmlab import datasets
from crmlab.datasets import DatasetError

ROOT = Path(__file__).resolve().parent.parent


@cache
def retail() -> tuple[pd.DataFrame, pd.DataFrame]:
    return datasets.load_retail_transactions(), datasets.load_retail_customers()


# ---------------------------------------------------------------- list_datasets


def test_list_datasets_lists_every_schema_with_kind_rows_and_loader():
    table = datasets.list_datasets()
    assert list(table.index) == list(datasets.SCHEMAS)
    assert list(table.columns) == ["file", "kind", "rows", "seed", "n", "loader", "description"]
    assert set(table["kind"]) == {"quoted", "real", "synthetic"}
    assert table.loc["cdnow_master", "rows"] == 69659
    assert table.loc["cdnow_sample", "loader"] == "load_cdnow(sample=True)"
    synthetic = table[table["kind"] == "synthetic"]
    assert synthetic["seed"].notna().sum() == 6  # the rest are fixed design tables
    for name, loader in table["loader"].items():
        function = loader.split("(")[0]
        assert hasattr(datasets, function) and function in datasets.__all__, name


def test_read_table_unknown_name_says_what_exists():
    with pytest.raises(KeyError, match="unknown dataset 'nope'.*distributors"):
        datasets.read_table("nope")


# ---------------------------------------------------------------- the package and its declarations

# the public names before crmlab/datasets.py became a package, and the ones the package added
API_BEFORE_THE_SPLIT = {
    "SCHEMAS", "DatasetError", "RetailData", "Schema", "data_dir", "data_path", "list_datasets",
    "load_abc_food_company", "load_b2b_customers", "load_cdnow", "load_crm_quality_products",
    "load_csm_attributes", "load_csm_survey", "load_distributors", "load_exam_questions",
    "load_quoted_figures", "load_retail_customers", "load_retail_stores",
    "load_retail_transactions", "load_satisfaction_chain", "load_servqual_items",
    "load_servqual_survey", "load_trust_items", "load_trust_survey", "make_b2b_customers",
    "make_csm_survey", "make_retail_transactions", "make_servqual_survey", "make_trust_survey",
    "read_table", "trust_population_alpha", "write_synthetic",
}  # fmt: skip
ADDED = {"Column", "data_dictionary_markdown", "data_dictionary_readme"}


def test_the_public_names_are_those_of_the_module_it_was_and_belong_to_crmlab_datasets():
    assert set(datasets.__all__) == API_BEFORE_THE_SPLIT | ADDED
    assert len(datasets.__all__) == len(set(datasets.__all__))
    for name in datasets.__all__:
        value = getattr(datasets, name)
        if callable(value):
            assert value.__module__ == "crmlab.datasets", name
    assert repr(DatasetError) == "<class 'crmlab.datasets.DatasetError'>"


def test_import_loads_no_more_than_numpy_pandas_and_the_package():
    code = (
        "import sys; before = set(sys.modules); import crmlab.datasets; "
        "print('\\n'.join(sorted(set(sys.modules) - before)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    ours = {m for m in out.stdout.split() if m.split(".")[0] == "crmlab"}
    assert ours == {"crmlab", "crmlab.datasets"} | {
        f"crmlab.datasets.{m}"
        for m in ("_schema", "_synthetic", "_quoted", "_cdnow", "_retail", "_surveys", "_b2b")
        + ("_catalogue", "_dictionary")
    }
    heavy = {"matplotlib", "seaborn", "scipy", "ipywidgets", "nbformat", "nbgrader"}
    assert not heavy & {m.split(".")[0] for m in out.stdout.split()}


def test_a_schema_derives_its_types_and_allowed_values_from_its_column_declarations():
    schema = datasets.SCHEMAS["abc_food_company"]
    assert [c.name for c in schema.spec] == list(schema.columns)
    assert schema.columns["abc_class"] == "category:abc_class"
    assert schema.allowed == {
        "abc_class_zh": "A类客户, B类客户, C类客户",
        "customer_share": "0..1",
        "sales_share": "0..1",
        "salesforce_share": "0..1",
    }  # "any" and the glossary's labels are not checked against a list
    assert datasets.SCHEMAS["retail_customers"].allowed["city"] == (
        "Shanghai, Beijing, Hangzhou, Chengdu, Guangzhou"
    )  # from the design table of the stores


@pytest.mark.parametrize(("fields", "message"), [
    (("x", "number", "–", "any", "x", "甲"), "column 'x': unknown type 'number'"),
    (("x", "category:csm_level", "–", "any", "x", "甲"), "column 'x': allowed 'any': a category"),
    (("x", "string", "–", "glossary", "x", "甲"), "column 'x': allowed 'glossary': a category"),
    (("x", "string", "", "any", "x", "甲"), r"column 'x': every field must be filled \(– for no"),
])  # fmt: skip
def test_a_bad_column_declaration_is_refused_naming_the_column(fields, message):
    with pytest.raises(ValueError, match=message):
        datasets.Column(*fields)


def test_a_column_table_line_with_a_field_missing_is_refused_naming_the_line():
    with pytest.raises(
        ValueError,
        match=r"line 'step \| int \| – \| 1..3 \| position' has 5 fields, expected 6: name \| type",
    ):
        datasets._schema.column_table("step | int | – | 1..3 | position")
    with pytest.raises(KeyError, match="cities"):
        datasets._schema.column_table("city | string | – | $cities | city | 城市", other="x")


def test_a_schema_with_a_repeated_column_or_an_unknown_key_is_refused():
    table = datasets._schema.column_table("step | int | – | 1..3 | position | 位置")
    with pytest.raises(ValueError, match=r"chain.csv: a column is declared twice"):
        datasets.Schema("chain.csv", table + table, 3, "a chain")
    with pytest.raises(ValueError, match=r"chain.csv: key \('stage',\) names unknown columns"):
        datasets.Schema("chain.csv", table, 3, "a chain", key=("stage",))


# ---------------------------------------------------------------- quoted tables


def test_distributors_unchanged():
    df = datasets.load_distributors()
    assert df["distributor"].tolist() == list("abcdefghijklmnopqrst")
    assert df["sales"].sum() == 10580


def test_abc_food_company_shares_from_the_exam_collection():
    df = datasets.load_abc_food_company().set_index("abc_class")
    assert df["customer_share"].tolist() == [0.10, 0.20, 0.70]
    assert df["sales_share"].tolist() == [0.70, 0.20, 0.10]
    assert df.loc["A", "salesforce_share"] == 0.15
    assert df.loc["C", "salesforce_share"] == 0.60
    assert np.isnan(df.loc["B", "salesforce_share"])  # cut off in the Exam collection: not invented
    assert df["customer_share"].sum() == pytest.approx(1.0)
    assert df["sales_share"].sum() == pytest.approx(1.0)


def test_crm_quality_table_1_2_of_the_lecture_notes():
    df = datasets.load_crm_quality_products()
    assert df["crm_quality"].tolist() == ["poor", "medium", "high"]
    assert df["crm_quality"].cat.ordered
    assert df["share_add_product"].tolist() == [0.15, 0.21, 0.31]
    assert df["share_drop_product"].tolist() == [0.26, 0.10, 0.01]


def test_quoted_figures_of_slides_a_and_the_article():
    df = datasets.load_quoted_figures().set_index("figure")
    assert df.loc["crm_market_share_gain", "value"] == 6
    assert df.loc["crm_service_fee_gain", ["value", "value_high"]].tolist() == [9, 10]
    assert df.loc["crm_growth_multiple", "value"] == 2
    assert df.loc["acquisition_cost", ["value", "unit"]].tolist() == [350, "USD per new customer"]
    assert df.loc["yearly_churn", ["value", "unit"]].tolist() == [40, "percent per year"]
    assert df.loc["loyalty_profit_gain", ["value", "value_high"]].tolist() == [25, 85]
    assert set(df["material"]) == {"slides-a", "article"}
    assert df.loc["acquisition_cost", "material"] == "article"
    assert df.loc["loyalty_profit_gain", "material"] == "slides-a"
    assert df.loc["crm_market_share_gain", "source"].startswith("International CRM Forum")


def test_satisfaction_chain_of_slides_b():
    df = datasets.load_satisfaction_chain()
    assert df["measure"].tolist() == [
        "employee satisfaction", "customer satisfaction", "company performance",
    ]  # fmt: skip
    assert df["change_percent"].tolist() == [5.0, 1.3, 0.5]


# the inventory of exam-questions.md: number -> chapter
INVENTORY = {
    **dict.fromkeys([f"S1-S{i}" for i in (1, 9, 10)], 0),
    "S1-S2": 6, "S1-S3": 6, "S1-S4": 2, "S1-S5": 8, "S1-S6": 5, "S1-S7": 2, "S1-S8": 6,
    "S1-M1": 8, "S1-M2": 7, "S1-M3": 0, "S1-M4": 0, "S1-M5": 0, "S1-M6": 5, "S1-M7": 6,
    "S1-M8": 8, "S1-M9": 8,
    **dict.fromkeys([f"S2-M{i}" for i in range(1, 10)], 0),
    "S2-M10": 1, "S2-M11": 1, "S2-M12": 1, "S2-M13": 2, "S2-M14": 8, "S2-M15": 0,
    **dict.fromkeys([f"S3-S{i}" for i in range(1, 10)], 0),
    **dict.fromkeys([f"S3-M{i}" for i in range(1, 6)], 0),
}  # fmt: skip
NO_OPTIONS = {"S1-M9", "S2-M15", "S3-M5"}


@cache
def questions() -> pd.DataFrame:
    return datasets.load_exam_questions().set_index("number")


def test_exam_questions_include_every_question_of_the_inventory_with_its_chapter():
    q = questions()
    missing = set(INVENTORY) - set(q.index)
    assert not missing
    for number, chapter in INVENTORY.items():
        assert q.loc[number, "chapter"] == chapter, number
    extra = set(q.index) - set(INVENTORY)
    assert extra == {f"S1-T{i}" for i in range(1, 6)}  # S1's translation items
    assert (q["set"] == q.index.str[:2]).all()


def test_exam_questions_types_and_options():
    q = questions()
    for number, row in q.iterrows():
        if number in NO_OPTIONS or number.startswith("S1-T"):
            assert row["type"] == "open" and pd.isna(row["options_zh"]), number
            continue
        expected = "single" if number.split("-")[1].startswith("S") else "multiple"
        assert row["type"] == expected, number
        zh, en = row["options_zh"].split("|"), row["options_en"].split("|")
        assert len(zh) == len(en) in (4, 5), number
        for letter, a, b in zip("ABCDE", zh, en, strict=False):
            assert a.startswith(f"{letter}. ") and b.startswith(f"{letter}. "), number
    assert "cut off" in q.loc["S1-M7", "note"]


def test_exam_questions_carry_no_answer_keys():
    q = datasets.load_exam_questions()
    assert not {"key", "answer", "answers", "solution"} & set(q.columns)
    key_in_brackets = re.compile(r"[(\uff08]\s*[A-E](?:\s*[A-E])*\s*[)\uff09]")
    for column in ("stem_zh", "stem_en", "note"):
        found = q[column].dropna().str.contains(key_in_brackets)
        assert not found.any(), q.loc[found[found].index, column].tolist()
    text = (ROOT / "datasets" / "exam_questions.csv").read_text(encoding="utf-8")
    assert not re.search(r"答案[::]|[Kk]ey[::]", text)


def test_exam_questions_s3_repeats_point_to_s2():
    q = questions()
    repeats = q["duplicate_of"].dropna()
    assert repeats.to_dict() == {f"S3-M{i}": f"S2-M{i}" for i in range(1, 6)}
    for number, original in repeats.items():
        if number != "S3-M5":
            assert q.loc[number, "options_zh"] == q.loc[original, "options_zh"]
        assert q.loc[number, "stem_en"] == q.loc[original, "stem_en"]


# ---------------------------------------------------------------- real data


def test_cdnow_master():
    cd = datasets.load_cdnow()
    assert cd.shape == (69659, 4)
    assert cd["customer_id"].nunique() == 23570
    assert cd["date"].min() == pd.Timestamp("1997-01-01")
    assert cd["date"].max() == pd.Timestamp("1998-06-30")
    assert cd["quantity"].dtype == np.int64 and cd["amount"].dtype == np.float64
    assert cd.loc[0].tolist() == ["00001", pd.Timestamp("1997-01-01"), 1, 11.77]
    # the cohort made its first purchase in the first quarter of 1997
    assert cd.groupby("customer_id")["date"].min().max() < pd.Timestamp("1997-04-01")


def test_cdnow_sample_is_a_tenth_of_the_master_customers():
    sample = datasets.load_cdnow(sample=True)
    master = datasets.load_cdnow()
    assert sample.shape == (6919, 5)
    assert sample["sample_id"].nunique() == sample["customer_id"].nunique() == 2357
    assert sample.groupby("sample_id")["customer_id"].nunique().eq(1).all()
    keys = ["customer_id", "date", "quantity", "amount"]
    merged = sample[keys].merge(master[keys].drop_duplicates(), on=keys, how="left", indicator=True)
    assert (merged["_merge"] == "both").all()


def test_load_cdnow_sample_must_be_a_bool():
    with pytest.raises(TypeError, match="sample must be True or False"):
        datasets.load_cdnow(sample="yes")  # type: ignore[arg-type]


# ---------------------------------------------------------------- synthetic data


def test_retail_transactions_are_modest_and_cover_two_years():
    tx, customers = retail()
    assert len(tx) <= 60_000
    assert (ROOT / "datasets" / "retail_transactions.csv").stat().st_size < 3_000_000
    assert len(customers) == 2000
    assert tx["date"].min() >= pd.Timestamp("2023-01-01")
    assert tx["date"].max() <= pd.Timestamp("2024-12-31")
    assert tx["date"].max() - tx["date"].min() > pd.Timedelta(days=700)
    assert set(tx["customer_id"]) == set(customers["customer_id"])
    assert tx["transaction_id"].is_monotonic_increasing
    assert tx["date"].is_monotonic_increasing


def test_retail_stages_are_consistent_with_the_purchases():
    tx, customers = retail()
    c = customers.set_index("customer_id")
    first = tx.groupby("customer_id")["date"].min()
    last = tx.groupby("customer_id")["date"].max()
    assert (first == c["first_purchase"].reindex(first.index)).all()
    # no purchase on or after the end of the relationship
    ended = c["termination_start"].dropna()
    assert (last.reindex(ended.index) < ended).all()
    # stage starts follow the lifecycle order, and the stage is the last one started
    starts = c[["first_purchase", "growth_start", "maturity_start", "decline_start"]]
    for a, b in zip(starts.columns[:-1], starts.columns[1:], strict=True):
        both = starts[[a, b]].dropna()
        assert (both[a] < both[b]).all(), (a, b)
    order = ["growth", "maturity", "decline", "termination"]
    latest = c[[f"{s}_start" for s in order]].notna()
    expected = pd.Series("acquisition", index=c.index)
    for s in order:
        expected[latest[f"{s}_start"]] = s
    assert (c["stage"].astype(str) == expected).all()
    # every stage occurs, none dominates
    shares = c["stage"].value_counts(normalize=True)
    assert shares.min() > 0.03 and shares.max() < 0.5


def test_retail_stages_differ_in_recent_buying():
    tx, customers = retail()
    recent = tx[tx["date"] > pd.Timestamp("2024-10-01")].groupby("customer_id").size()
    c = customers.set_index("customer_id")
    rate = recent.reindex(c.index, fill_value=0).groupby(c["stage"], observed=True).mean()
    assert rate["maturity"] > rate["decline"] > rate["termination"]
    assert rate["maturity"] > rate["growth"] > rate["termination"]


def test_csm_survey_every_respondent_rates_every_attribute_once():
    survey = datasets.load_csm_survey()
    attributes = datasets.load_csm_attributes()
    assert attributes["weight"].sum() == pytest.approx(1.0)
    assert set(attributes["aspect"]) == {"product", "visual", "service"}
    counts = survey.groupby("respondent_id")["attribute"].agg(list)
    assert all(x == attributes["attribute"].tolist() for x in counts)
    assert survey["level"].nunique() == 7  # all seven CSM levels occur
    assert set(survey["level_zh"]) == {
        "很不满意", "不满意", "不太满意", "一般", "较满意", "满意", "很满意",
    }  # fmt: skip


def test_servqual_survey_has_an_expectation_and_a_perception_per_respondent():
    survey = datasets.load_servqual_survey()
    items = datasets.load_servqual_items()
    assert items["item"].tolist() == [f"q{i}" for i in range(1, 23)]
    assert (
        survey.groupby("respondent_id")["kind"].agg(tuple) == ("expectation", "perception")
    ).all()
    scores = survey.set_index(["respondent_id", "kind"])[items["item"]]
    gap = scores.xs("perception", level="kind") - scores.xs("expectation", level="kind")
    by_dimension = gap.mean().groupby(items.set_index("item")["dimension"], observed=True).mean()
    assert (by_dimension < 0).all()
    assert by_dimension.idxmin() in {"reliability", "responsiveness"}


def test_trust_survey_sample_alpha_is_near_the_population_alpha():
    survey = datasets.load_trust_survey()
    items = datasets.load_trust_items()
    alpha = datasets.trust_population_alpha()
    for construct, group in items.groupby("construct", sort=False):
        x = survey[group["item"].tolist()].astype(float)
        k = x.shape[1]
        sample = k / (k - 1) * (1 - x.var(ddof=1).sum() / x.sum(axis=1).var(ddof=1))
        assert sample == pytest.approx(alpha.loc[construct, "alpha_likert"], abs=0.06), construct
    assert alpha["alpha_likert"].lt(alpha["alpha_latent"]).all()
    assert alpha["alpha_likert"].max() - alpha["alpha_likert"].min() > 0.2  # varied reliability


def test_trust_population_alpha_agrees_with_a_simulation():
    rng = np.random.default_rng(0)
    cuts = np.array([-1.8, -1.0, -0.2, 0.9])
    loadings = datasets.load_trust_items().groupby("construct", sort=False)["loading"]
    alpha = datasets.trust_population_alpha()
    for construct, lam in loadings:
        lam = lam.to_numpy()
        factor = rng.normal(size=(200_000, 1))
        y = 1 + np.searchsorted(
            cuts, factor * lam + np.sqrt(1 - lam**2) * rng.normal(size=(200_000, 4))
        )
        sim = 4 / 3 * (1 - y.var(axis=0, ddof=1).sum() / y.sum(axis=1).var(ddof=1))
        assert sim == pytest.approx(alpha.loc[construct, "alpha_likert"], abs=0.005), construct


def test_b2b_customers_support_abc_and_the_value_matrix():
    b = datasets.load_b2b_customers()
    sales = b["sales_this_year"]
    classes = pd.cut(sales, [0, 100, 500, np.inf], labels=["C", "B", "A"])
    assert (
        classes.value_counts().min() >= 10
    )  # the Exam collection's thresholds give all three classes
    assert (b["sales_target"] % 1 == 0).all()
    achievement = sales / b["sales_target"]
    growth = sales / b["sales_last_year"] - 1
    assert achievement.between(0.3, 2).all() and growth.between(-0.7, 1.3).all()
    high_now = b["current_value"] > b["current_value"].median()
    high_later = b["future_value"] > b["future_value"].median()
    quadrants = pd.crosstab(high_now, high_later)
    assert quadrants.shape == (2, 2) and quadrants.to_numpy().min() >= 10


# ---------------------------------------------------------------- generators

GENERATORS = [
    datasets.make_retail_transactions,
    datasets.make_csm_survey,
    datasets.make_servqual_survey,
    datasets.make_trust_survey,
    datasets.make_b2b_customers,
]


def _frame(result: object) -> pd.DataFrame:
    return result.transactions if isinstance(result, datasets.RetailData) else result


@pytest.mark.parametrize("make", GENERATORS)
def test_generator_same_seed_same_data_other_seed_other_data(make):
    a, b, c = _frame(make(30, 7)), _frame(make(30, 7)), _frame(make(30, 8))
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)


@pytest.mark.parametrize("make", GENERATORS)
def test_generator_accepts_numpy_integers_and_n_of_one(make):
    assert len(_frame(make(np.int64(1), np.int32(3)))) >= 1


@pytest.mark.parametrize("make", GENERATORS)
@pytest.mark.parametrize(
    ("n", "seed", "error", "message"),
    [
        (0, 1, ValueError, "n must be between 1 and"),
        (-5, 1, ValueError, "n must be between 1 and"),
        (2.5, 1, TypeError, "n must be a positive whole number"),
        (True, 1, TypeError, "n must be a positive whole number"),
        ("10", 1, TypeError, "n must be a positive whole number"),
        (10, 1.0, TypeError, "seed must be a whole number"),
        (10, None, TypeError, "seed must be a whole number"),
        (10, -1, ValueError, "seed must not be negative"),
    ],
)
def test_generator_rejects_bad_arguments(make, n, seed, error, message):
    with pytest.raises(error, match=message):
        make(n, seed)


def test_make_retail_transactions_returns_both_tables():
    data = datasets.make_retail_transactions(40, 1)
    assert isinstance(data, datasets.RetailData)
    assert list(data.transactions.columns) == list(datasets.SCHEMAS["retail_transactions"].columns)
    assert list(data.customers.columns) == list(datasets.SCHEMAS["retail_customers"].columns)
    assert len(data.customers) == 40


# ---------------------------------------------------------------- broken files


@pytest.fixture
def broken(tmp_path, monkeypatch):
    """Copy one data file to a fresh folder that the loaders then read; returns its path."""

    def copy(name: str) -> Path:
        file = datasets.SCHEMAS[name].file
        shutil.copy(ROOT / "datasets" / file, tmp_path / file)
        return tmp_path / file

    # the loaders look the folder up where data_dir is defined; crmlab.datasets.data_dir is the same
    monkeypatch.setattr(datasets._schema, "data_dir", lambda: tmp_path)
    return copy


def _edit_line(path: Path, line: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in line ``line`` (1-based) of ``path``, keeping other bytes."""
    lines = path.read_bytes().split(b"\n")
    assert old.encode() in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old.encode(), new.encode(), 1)
    path.write_bytes(b"\n".join(lines))


@pytest.mark.parametrize("name", ["distributors", "retail_transactions", "cdnow_sample"])
def test_missing_file(broken, name):
    broken(name).unlink()
    with pytest.raises(
        DatasetError, match=rf"data file '{datasets.SCHEMAS[name].file}' is missing"
    ):
        datasets.read_table(name)


@pytest.mark.parametrize("name", ["csm_survey", "cdnow_master", "exam_questions"])
def test_file_truncated_between_lines(broken, name):
    path = broken(name)
    data = path.read_bytes()
    cut = data.rindex(b"\n", 0, len(data) // 2) + 1
    path.write_bytes(data[:cut])
    file = datasets.SCHEMAS[name].file
    with pytest.raises(DatasetError, match=rf"{re.escape(file)}: has \d+ data rows, expected"):
        datasets.read_table(name)


@pytest.mark.parametrize("name", ["b2b_customers", "cdnow_sample", "retail_customers"])
def test_file_truncated_in_the_middle_of_a_line(broken, name):
    path = broken(name)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 3])
    file = datasets.SCHEMAS[name].file
    with pytest.raises(DatasetError, match=rf"{re.escape(file)}: the last line is incomplete"):
        datasets.read_table(name)


def test_empty_file(broken):
    broken("trust_survey").write_bytes(b"")
    with pytest.raises(DatasetError, match=r"trust_survey.csv: header is None"):
        datasets.load_trust_survey()


def test_not_utf8(broken):
    path = broken("servqual_items")
    data = bytearray(path.read_bytes())
    data[200] = 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DatasetError, match=r"servqual_items.csv: is not UTF-8 text"):
        datasets.load_servqual_items()


def test_wrong_header(broken):
    _edit_line(broken("distributors"), 1, "sales", "revenue")
    with pytest.raises(DatasetError, match=r"distributors.csv: header is .*'revenue'.*expected"):
        datasets.load_distributors()


def test_whitespace_file_with_a_field_too_many(broken):
    _edit_line(broken("cdnow_master"), 3, "12.00", "12.00 7")
    with pytest.raises(DatasetError, match=r"cdnow_master.txt: line 3 has 5 fields, expected 4"):
        datasets.load_cdnow()


def test_csv_with_a_field_too_few(broken):
    _edit_line(broken("satisfaction_chain"), 3, ",1.3", "")
    with pytest.raises(
        DatasetError, match=r"satisfaction_chain.csv: line 3 has 3 fields, expected 4"
    ):
        datasets.load_satisfaction_chain()


def _set_field(path: Path, line: int, column: str, value: str) -> None:
    """Set one field of a CSV data file (line 1-based, counting the header)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    fields = lines[line - 1].split(",")
    assert len(fields) == len(header), "a field holds a comma: use _edit_line"
    fields[header.index(column)] = value
    lines[line - 1] = ",".join(fields)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "column", "value"),
    [("b2b_customers", "sales_this_year", "85x39"), ("retail_transactions", "amount", "12;50")],
)
def test_not_a_number(broken, name, column, value):
    _set_field(broken(name), 5, column, value)
    file = datasets.SCHEMAS[name].file
    with pytest.raises(
        DatasetError, match=rf"{re.escape(file)}, column '{column}': not a number on lines \[5\]"
    ):
        datasets.read_table(name)


def test_not_a_whole_number(broken):
    _set_field(broken("trust_survey"), 5, "sv1", "3.5")
    with pytest.raises(
        DatasetError, match=r"trust_survey.csv, column 'sv1': not a whole number on lines \[5\]"
    ):
        datasets.load_trust_survey()


def test_bad_date(broken):
    _edit_line(broken("cdnow_sample"), 2, "19970118", "19971318")
    with pytest.raises(
        DatasetError, match=r"cdnow_sample.txt, column 'date': not a %Y%m%d date on lines \[2\]"
    ):
        datasets.load_cdnow(sample=True)


def test_unknown_category_label(broken):
    _edit_line(broken("crm_quality_products"), 3, "medium", "average")
    with pytest.raises(
        DatasetError,
        match=r"crm_quality_products.csv, column 'crm_quality': unknown labels on lines \[3\]: \['average'\]",
    ):
        datasets.load_crm_quality_products()


def test_empty_value_where_none_is_allowed(broken):
    _edit_line(broken("abc_food_company"), 2, "0.10", "")
    with pytest.raises(
        DatasetError,
        match=r"abc_food_company.csv, column 'customer_share': empty values on lines \[2\]",
    ):
        datasets.load_abc_food_company()


def test_value_outside_its_allowed_range(broken):
    _edit_line(broken("servqual_survey"), 4, ",7,", ",9,")
    with pytest.raises(
        DatasetError,
        match=r"servqual_survey.csv, column 'q\d+': values on lines \[4\] must lie in 1..7, got \['9'\]",
    ):
        datasets.load_servqual_survey()


def test_label_outside_its_allowed_values(broken):
    _edit_line(broken("exam_questions"), 8, ",single,", ",essay,")
    with pytest.raises(
        DatasetError,
        match=r"exam_questions.csv, column 'type': values on lines \[8\] must be one of",
    ):
        datasets.load_exam_questions()


def test_duplicate_key(broken):
    path = broken("retail_stores")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3].replace("S03", "S02", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DatasetError, match=r"retail_stores.csv: duplicate store_id on lines \[4\]"):
        datasets.load_retail_stores()


@pytest.mark.parametrize(("name", "line", "old", "new"), [
    ("cdnow_master", 100, "16.36", "16.39"),
    ("csm_attributes", 3, "0.20", "0.21"),
    ("quoted_figures", 5, "350", "360"),
])  # fmt: skip
def test_silent_change_is_caught_by_the_checksum(broken, name, line, old, new):
    _edit_line(broken(name), line, old, new)
    file = datasets.SCHEMAS[name].file
    with pytest.raises(
        DatasetError,
        match=rf"{re.escape(file)}: content differs from the data dictionary's checksum",
    ):
        datasets.read_table(name)


def test_intact_copy_loads(broken):
    broken("distributors")
    pd.testing.assert_frame_equal(datasets.load_distributors(), datasets.read_table("distributors"))
    assert datasets.data_path("distributors.csv").parent != ROOT / "datasets"


# ---------------------------------------------------------------- a wheel's layout


def test_loaders_work_from_a_wheel_layout(tmp_path):
    """A wheel puts datasets/ at crmlab/_data/datasets (pyproject force-include)."""
    site = tmp_path / "site"
    shutil.copytree(
        ROOT / "crmlab", site / "crmlab", ignore=shutil.ignore_patterns("__pycache__", "_data")
    )
    shutil.copytree(ROOT / "datasets", site / "crmlab" / "_data" / "datasets")
    script = textwrap.dedent(
        """
        import crmlab.datasets as d
        print(d.data_dir())
        for name in d.SCHEMAS:
            assert len(d.read_table(name)) == d.SCHEMAS[name].rows, name
        print(len(d.load_cdnow(sample=True)))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    folder, rows = result.stdout.split()
    assert Path(folder) == site / "crmlab" / "_data" / "datasets"
    assert rows == "6919"
