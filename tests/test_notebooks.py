"""The chapter notebooks teach what the course promises: structure, key terms, charts, examples.

Execution and stored outputs are checked by nbval (`make test` runs notebooks/ with --nbval); these
tests read the notebooks as files.
"""

from __future__ import annotations

import json
import re
import tomllib

import nbformat
import pytest

from crmlab.course.manifest import load_course
from crmlab.glossary import glossary
from tests.grading_helpers import REPO

COURSE = load_course(REPO)
CHAPTERS = [c for c in COURSE.chapters if c.notebook]
EXAMPLES = tomllib.loads((REPO / "tests" / "worked_examples.toml").read_text(encoding="utf-8"))[
    "example"
]


def read(path: str) -> nbformat.NotebookNode:
    return nbformat.read(REPO / path, as_version=4)


def markdown(nb: nbformat.NotebookNode) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def outputs_text(cell: nbformat.NotebookNode) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out["text"])
        elif "data" in out:
            parts.extend(str(out["data"].get(k, "")) for k in ("text/plain", "text/html"))
    return "\n".join(parts)


def shows(text: str, expected: str) -> bool:
    """Whether ``expected`` is in ``text`` with no digit glued to either end of it."""
    return re.search(r"(?<![\d.])" + re.escape(expected) + r"(?!\d)", text) is not None


def key_terms(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    text = markdown(nb)
    section = text.split("## Key terms", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*$", section, flags=re.M)
    return [
        (en, zh) for en, zh in rows if en not in ("English", "---") and not set(en) <= {"-", ":"}
    ]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.name)
def test_chapter_structure(chapter):
    nb = read(chapter.notebook)
    text = markdown(nb)
    assert text.lstrip().startswith(f"# Chapter {chapter.number} ·"), "title"
    assert "Learning goals" in text and "## Key terms · 关键术语" in text
    assert "## Summary" in text and "## References" in text
    assert "Try it yourself" in text
    assert re.search(r"\*Figure \d+\.\d+ ·", text), "a chart with a caption"
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.name)
def test_every_chart_has_alt_text_and_every_widget_is_excluded_from_nbval(chapter):
    nb = read(chapter.notebook)
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "at least one chart"
    for image in images:
        assert image.get("metadata", {}).get("image/png", {}).get("alt"), "a chart without alt text"
    widget_cells = [c for c in nb.cells if c.cell_type == "code" and "crmlab.widgets" in c.source]
    assert widget_cells, "at least one interactive widget"
    for cell in widget_cells:
        assert cell.source.startswith("# NBVAL_IGNORE_OUTPUT")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.name)
def test_key_terms_are_in_the_glossary(chapter):
    terms = key_terms(read(chapter.notebook))
    assert len(terms) >= 4
    table = glossary()
    known = set(zip(table["en"], table["zh"], strict=True))
    missing = [t for t in terms if t not in known]
    assert not missing, f"key terms missing from crmlab/glossary.csv: {missing}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.name)
def test_outputs_are_clean_and_stored(chapter):
    nb = read(chapter.notebook)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), "the notebook is stored executed"
    dump = json.dumps([c.get("outputs", []) for c in code])
    assert not re.search(r"0x[0-9a-f]{8,}", dump), "memory address in outputs"
    assert not re.search(r"/(root|home|tmp|work)/", dump), "absolute path in outputs"
    assert '"output_type": "error"' not in dump


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"ch{e['chapter']}-{e['name'][:40]}")
def test_worked_examples_appear_in_the_cell_that_computes_them(example):
    cells = {c.id: c for c in read(example["notebook"]).cells}
    for cell_id, expected in example["cells"].items():
        assert cell_id in cells, f"{example['name']}: no cell {cell_id} in {example['notebook']}"
        assert cells[cell_id].cell_type == "code"
        text = outputs_text(cells[cell_id])
        missing = [value for value in expected if not shows(text, value)]
        assert not missing, f"{example['name']}: {missing} not in the outputs of cell {cell_id}"


def test_a_figure_matches_only_as_a_whole_number():
    assert shows("alpha 0.109 overall", "0.109")
    assert shows("share: 0.109", "0.109") and shows("(0.109)", "0.109")
    assert not shows("doi 10.1093/jcr", "0.109"), "a number inside a longer one"
    assert not shows("0.1093", "0.109") and not shows("-10.109", "0.109")


def test_every_chapter_in_the_manifest_with_a_notebook_has_worked_examples():
    covered = {e["notebook"] for e in EXAMPLES}
    assert {c.notebook for c in CHAPTERS} <= covered
