"""The data dictionary (datasets/README.md), the data files and the schemas cannot drift apart.

The dictionary's tables are generated from the declarations in ``crmlab.datasets.SCHEMAS``
(``crmlab sync-docs``); the README must equal a fresh generation, and a changed declaration must
change it. The dictionary is then parsed here with its own small reader, and every file is
checked against it with checks written independently of crmlab.datasets (so a bug in the
loaders' checks cannot hide a bad file); then the dictionary is compared with the schemas, which
the loaders enforce at run time. Synthetic files are regenerated from their recorded seed and n
and compared byte for byte; the CDNOW files are compared with the installed lifetimes package.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import importlib.util
import io
import re
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crmlab import datasets
from crmlab.glossary import chinese_name, labels

DATA = Path(__file__).resolve().parent.parent / "datasets"
README = DATA / "README.md"
NOT_DATA = {"README.md", ".gitattributes"}
PROPERTY_HEADER = ["property", "value"]
COLUMN_HEADER = ["column", "type", "unit", "allowed", "meaning", "含义"]
PROPERTIES = [
    "dataset", "loader", "kind", "rows", "seed", "n", "key", "format", "header", "sha256",
    "source", "licence", "description", "说明",
]  # fmt: skip


@dataclass
class Entry:
    file: str
    props: dict[str, str]
    columns: list[dict[str, str]]

    def prop(self, name: str) -> str | None:
        value = self.props[name]
        return None if value == "–" else value


def _cells(line: str) -> list[str]:
    parts = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    cells = []
    for part in parts:
        cell = part.strip().replace("\\|", "|")
        if len(cell) >= 2 and cell.startswith("`") and cell.endswith("`"):
            cell = cell[1:-1]
        cells.append(cell)
    return cells


def _tables(lines: list[str]) -> list[list[list[str]]]:
    tables, current = [], []
    for line in lines:
        if line.startswith("|"):
            current.append(_cells(line))
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def parse_dictionary(text: str) -> dict[str, Entry]:
    """Sections headed ``### `<file>` `` holding a property table and a column table."""
    entries: dict[str, Entry] = {}
    sections = re.split(r"^### `([^`]+)`[ \t]*$", text, flags=re.MULTILINE)
    for file, body in zip(sections[1::2], sections[2::2], strict=True):
        body = re.split(r"^#{1,3} ", body, flags=re.MULTILINE)[0]
        tables = _tables(body.splitlines())
        assert len(tables) == 2, (
            f"{file}: expected a property and a column table, got {len(tables)}"
        )
        props, cols = tables
        assert props[0] == PROPERTY_HEADER, f"{file}: property table header {props[0]}"
        assert cols[0] == COLUMN_HEADER, f"{file}: column table header {cols[0]}"
        assert all(set(r) <= {"---"} for r in (props[1], cols[1])), f"{file}: table rule missing"
        assert file not in entries, f"{file} documented twice"
        for row in props[2:] + cols[2:]:
            width = len(props[0]) if row in props else len(cols[0])
            assert len(row) == width, f"{file}: table row {row} (unescaped | in a cell?)"
        entries[file] = Entry(
            file=file,
            props={r[0]: r[1] for r in props[2:]},
            columns=[dict(zip(COLUMN_HEADER, r, strict=True)) for r in cols[2:]],
        )
    return entries


DICTIONARY = parse_dictionary(README.read_text(encoding="utf-8"))
FILES = sorted(DICTIONARY)


def entry_by_dataset(name: str) -> Entry:
    return next(e for e in DICTIONARY.values() if e.props["dataset"] == name)


# ---------------------------------------------------------------- reading files independently


def read_rows(entry: Entry) -> tuple[list[str] | None, list[list[str]]]:
    text = (DATA / entry.file).read_bytes().decode("utf-8")
    assert text.endswith("\n"), f"{entry.file}: no line break at the end"
    if entry.props["format"] == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        return rows[0], rows[1:]
    assert entry.props["format"] == "whitespace"
    rows = [line.split() for line in text.splitlines()]
    if entry.props["header"] == "none":
        return None, rows
    return rows[0], rows[1:]


def check_value_type(kind: str, value: str) -> bool:
    base = kind.rstrip("?")
    if base == "string":
        return True
    if base == "int":
        return re.fullmatch(r"[+-]?\d+", value) is not None
    if base == "float":
        try:
            return np.isfinite(float(value))
        except ValueError:
            return False
    if base.startswith("date"):
        fmt = "%Y-%m-%d" if base == "date" else base.split(":", 1)[1]
        try:
            datetime.strptime(value, fmt)
        except ValueError:
            return False
        return True
    if base.startswith("category:"):
        return value in labels(base.split(":", 1)[1])
    raise AssertionError(f"unknown type {kind!r}")


def as_comparable(kind: str, value: str, *, bound: bool = False) -> object:
    base = kind.rstrip("?")
    if base.startswith("date"):  # bounds of date ranges are ISO dates
        fmt = "%Y-%m-%d" if base == "date" or bound else base.split(":", 1)[1]
        return datetime.strptime(value, fmt)
    return float(value)


def check_allowed(kind: str, spec: str, value: str) -> bool:
    if spec == "any":
        return True
    if spec.startswith("/") and spec.endswith("/"):
        return re.fullmatch(spec[1:-1], value) is not None
    if ".." in spec:
        low, high = spec.split("..")
        x = as_comparable(kind, value)
        return (not low or x >= as_comparable(kind, low, bound=True)) and (
            not high or x <= as_comparable(kind, high, bound=True)
        )
    return value in [c.strip() for c in spec.split(",")]


# ---------------------------------------------------------------- the tests


def test_the_readme_is_the_generation_from_the_declarations():
    text = README.read_text(encoding="utf-8")
    assert text == datasets.data_dictionary_readme(text), (
        "datasets/README.md is out of date with the declarations in crmlab/datasets/: "
        "run `crmlab sync-docs`"
    )
    assert text.count("\n### `") == len(datasets.SCHEMAS)


def test_a_changed_declaration_changes_the_readme():
    text = README.read_text(encoding="utf-8")
    schema = datasets.SCHEMAS["distributors"]
    sales = replace(schema.spec[1], unit="yuan (元)", meaning="sales of the year")
    changed = {**datasets.SCHEMAS, "distributors": replace(schema, spec=(schema.spec[0], sales))}
    new = datasets.data_dictionary_readme(text, changed)
    assert new != text
    assert "| sales | float | yuan (元) | 0.. | sales of the year | 年销售额 |" in new
    assert parse_dictionary(new)["distributors.csv"].columns[1]["unit"] == "yuan (元)"
    fewer = {k: v for k, v in datasets.SCHEMAS.items() if k != "b2b_customers"}
    assert "b2b_customers.csv" not in parse_dictionary(datasets.data_dictionary_readme(text, fewer))
    # only the parts between the markers are generated: the prose is kept
    assert (
        new.split("<!-- trust-reliability:start")[0]
        == text.split("<!-- trust-reliability:start")[0]
    )


def test_the_readme_without_its_markers_is_refused():
    text = README.read_text(encoding="utf-8")
    start, end = datasets._dictionary.MARKERS["data-dictionary"]
    with pytest.raises(ValueError, match="has no marker <!-- data-dictionary:end -->"):
        datasets.data_dictionary_readme(text.replace(end, ""))
    with pytest.raises(ValueError, match="has more than one marker <!-- data-dictionary:start"):
        datasets.data_dictionary_readme(text.replace(start, start + "\n" + start))


def test_dictionary_documents_every_file_and_only_existing_files():
    present = {p.name for p in DATA.iterdir() if p.is_file() and p.name not in NOT_DATA}
    assert set(DICTIONARY) == present, (
        f"undocumented files: {sorted(present - set(DICTIONARY))}; "
        f"documented but missing: {sorted(set(DICTIONARY) - present)}"
    )
    assert {s.file for s in datasets.SCHEMAS.values()} == present


def test_dictionary_has_every_property_and_dataset_names_are_unique():
    for file, entry in DICTIONARY.items():
        assert list(entry.props) == PROPERTIES, f"{file}: properties {list(entry.props)}"
        assert entry.props["kind"] in {"quoted", "real", "synthetic"}, file
        assert all(entry.props[p].strip() not in {"", "–"} for p in ("source", "licence")), file
    names = [e.props["dataset"] for e in DICTIONARY.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("file", FILES)
def test_file_matches_its_dictionary_entry(file):
    entry = DICTIONARY[file]
    data = (DATA / file).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry.props["sha256"], f"{file}: sha256 differs"
    header, rows = read_rows(entry)
    names = [c["column"] for c in entry.columns]
    if entry.props["format"] == "csv":
        assert header == names, f"{file}: header {header} != dictionary {names}"
    elif entry.props["header"] != "none":
        assert header == entry.props["header"].split(), f"{file}: header {header}"
    assert len(rows) == int(entry.props["rows"]), f"{file}: {len(rows)} rows"
    for number, row in enumerate(rows, start=1):
        assert len(row) == len(names), f"{file}: data row {number} has {len(row)} fields"
    for k, column in enumerate(entry.columns):
        kind, spec, name = column["type"], column["allowed"], column["column"]
        values = [row[k] for row in rows]
        empty = [i for i, v in enumerate(values) if v == ""]
        if not kind.endswith("?"):
            assert not empty, f"{file}, {name}: empty on data rows {empty[:5]}"
        filled = sorted({v for v in values if v != ""})
        bad = [v for v in filled if not check_value_type(kind, v)]
        assert not bad, f"{file}, {name}: not of type {kind}: {bad[:5]}"
        out = [v for v in filled if not check_allowed(kind, spec, v)]
        assert not out, f"{file}, {name}: not in {spec}: {out[:5]}"
    if entry.prop("key"):
        key = [names.index(c) for c in entry.props["key"].split(", ")]
        seen = [tuple(row[i] for i in key) for row in rows]
        assert len(seen) == len(set(seen)), f"{file}: key {entry.props['key']} not unique"


@pytest.mark.parametrize("file", FILES)
def test_dictionary_agrees_with_the_schemas(file):
    entry = DICTIONARY[file]
    name = entry.props["dataset"]
    assert name in datasets.SCHEMAS, f"{file}: dataset {name!r} has no schema"
    schema = datasets.SCHEMAS[name]
    assert schema.file == file
    assert entry.props["loader"] == f"crmlab.datasets.{schema.loader}"
    assert entry.props["kind"] == schema.kind
    assert int(entry.props["rows"]) == schema.rows
    assert entry.prop("seed") == (None if schema.seed is None else str(schema.seed))
    assert entry.prop("n") == (None if schema.n is None else str(schema.n))
    assert entry.prop("key") == (", ".join(schema.key) if schema.key else None)
    assert entry.props["format"] == schema.format
    if schema.format == "whitespace":
        assert entry.props["header"] == (" ".join(schema.header) if schema.header else "none")
    assert entry.props["sha256"] == schema.sha256
    assert entry.props["description"] == schema.description
    assert [c["column"] for c in entry.columns] == list(schema.columns)
    for column in entry.columns:
        kind = schema.columns[column["column"]]
        assert column["type"] == kind, f"{file}, {column['column']}: type"
        if kind.rstrip("?").startswith("category:"):
            expected = ", ".join(labels(kind.rstrip("?").split(":", 1)[1]))
        else:
            expected = schema.allowed.get(column["column"], "any")
        assert column["allowed"] == expected, f"{file}, {column['column']}: allowed values"
    unknown = set(schema.allowed) - set(schema.columns)
    assert not unknown, f"{file}: allowed values for unknown columns {unknown}"


@pytest.mark.parametrize("file", FILES)
def test_every_column_has_a_unit_and_a_meaning_in_english_and_chinese(file):
    for column in DICTIONARY[file].columns:
        assert column["unit"], f"{file}, {column['column']}: no unit (write – for none)"
        assert len(column["meaning"]) > 3, f"{file}, {column['column']}: no meaning"
        assert re.search(r"[\u4e00-\u9fff]", column["含义"]), f"{file}, {column['column']}: no 含义"
    assert re.search(r"[\u4e00-\u9fff]", DICTIONARY[file].props["说明"])


def _loader(entry: Entry):
    call = entry.props["loader"].removeprefix("crmlab.datasets.")
    match = re.fullmatch(r"(\w+)\((.*)\)", call)
    assert match, call
    function = getattr(datasets, match.group(1))
    kwargs = {}
    for part in filter(None, match.group(2).split(",")):
        key, value = part.split("=")
        kwargs[key.strip()] = {"True": True, "False": False}[value.strip()]
    return lambda: function(**kwargs)


@pytest.mark.parametrize("file", FILES)
def test_loader_returns_the_documented_columns_and_dtypes(file):
    entry = DICTIONARY[file]
    frame = _loader(entry)()
    assert list(frame.columns) == [c["column"] for c in entry.columns]
    assert len(frame) == int(entry.props["rows"])
    for column in entry.columns:
        dtype = frame[column["column"]].dtype
        base = column["type"].rstrip("?")
        where = f"{file}, {column['column']}: {dtype}"
        if base == "string":
            assert dtype == pd.StringDtype(na_value=np.nan), where
        elif base == "float":
            assert dtype == np.float64, where
        elif base == "int":
            assert dtype == ("Int64" if column["type"].endswith("?") else np.int64), where
        elif base.startswith("date"):
            assert pd.api.types.is_datetime64_dtype(dtype), where
        else:
            group = base.split(":", 1)[1]
            assert isinstance(dtype, pd.CategoricalDtype) and dtype.ordered, where
            assert list(dtype.categories) == labels(group), where


@pytest.mark.parametrize("file", FILES)
def test_chinese_columns_match_their_english_columns_one_to_one(file):
    entry = DICTIONARY[file]
    frame = _loader(entry)()
    kinds = {c["column"]: c["type"] for c in entry.columns}
    pairs = [(c[:-3], c) for c in kinds if c.endswith("_zh") and c[:-3] in kinds]
    for en, zh in pairs:
        both = frame[[en, zh]].dropna().astype(str).drop_duplicates()
        assert both[en].is_unique and both[zh].is_unique, f"{file}: {en} and {zh} not one to one"
        if kinds[en].startswith("category:"):
            group = kinds[en].split(":", 1)[1]
            wrong = both[both[zh] != both[en].map(lambda x, g=group: chinese_name(x, g))]
            assert wrong.empty, f"{file}: {zh} is not the glossary's Chinese: {wrong.head()}"


def test_trust_reliability_table_states_the_alpha_the_loadings_imply():
    text = README.read_text(encoding="utf-8")
    section = text.split("## Reliability of the trust survey", 1)[1].split("\n## ", 1)[0]
    (table,) = _tables(section.splitlines())
    assert table[0] == ["construct", "构念", "items", "loadings", "alpha_latent", "alpha_likert"]
    stated = pd.DataFrame(table[2:], columns=table[0]).set_index("construct")
    alpha = datasets.trust_population_alpha()
    assert list(stated.index) == list(alpha.index)
    for construct in alpha.index:
        for column in ("alpha_latent", "alpha_likert"):
            assert float(stated.loc[construct, column]) == round(alpha.loc[construct, column], 3)
    items = datasets.load_trust_items()
    for construct, group in items.groupby("construct", sort=False):
        loadings = ", ".join(f"{x:.2f}" for x in group["loading"])
        assert stated.loc[construct, "loadings"] == loadings
        assert stated.loc[construct, "items"] == ", ".join(group["item"])


def test_synthetic_files_regenerate_byte_for_byte_from_their_seed(tmp_path):
    written = datasets.write_synthetic(tmp_path)
    synthetic = {f for f, e in DICTIONARY.items() if e.props["kind"] == "synthetic"}
    assert {p.name for p in written} == synthetic
    for path in written:
        assert path.read_bytes() == (DATA / path.name).read_bytes(), (
            f"{path.name}: regenerating from seed {DICTIONARY[path.name].props['seed']} and n "
            f"{DICTIONARY[path.name].props['n']} gives different bytes"
        )


_retail = cache(datasets.make_retail_transactions)
GENERATED = {
    "retail_transactions": lambda n, s: _retail(n, s).transactions,
    "retail_customers": lambda n, s: _retail(n, s).customers,
    "csm_survey": datasets.make_csm_survey,
    "servqual_survey": datasets.make_servqual_survey,
    "trust_survey": datasets.make_trust_survey,
    "b2b_customers": datasets.make_b2b_customers,
}


def test_every_randomly_generated_file_has_a_generator():
    seeded = {e.props["dataset"] for e in DICTIONARY.values() if e.prop("seed") is not None}
    assert seeded == set(GENERATED)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generator_with_the_recorded_seed_and_n_gives_the_loaded_frame(name):
    entry = entry_by_dataset(name)
    n, seed = int(entry.props["n"]), int(entry.props["seed"])
    made = GENERATED[name](n, seed)
    pd.testing.assert_frame_equal(made, _loader(entry)())


def _lifetimes_datasets() -> Path:
    spec = importlib.util.find_spec("lifetimes")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("lifetimes is not installed (it is in the test extra)")
    return Path(next(iter(spec.submodule_search_locations))) / "datasets"


@pytest.mark.parametrize(
    ("file", "original"),
    [("cdnow_master.txt", "CDNOW_master.txt"), ("cdnow_sample.txt", "CDNOW_sample.txt")],
)
def test_cdnow_files_are_the_ones_in_lifetimes_0_11_3(file, original):
    source = _lifetimes_datasets() / original
    assert importlib.metadata.version("lifetimes") == "0.11.3"
    assert (DATA / file).read_bytes() == source.read_bytes()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert DICTIONARY[file].props["sha256"] == digest
    entry = DICTIONARY[file]
    assert "lifetimes" in entry.props["source"] and original in entry.props["source"]
    assert "Fader" in entry.props["licence"] and "MIT" in entry.props["licence"]
