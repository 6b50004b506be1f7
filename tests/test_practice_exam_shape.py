"""The practice exam 10_practice_exam follows the Exam collection's format (fast, from its source)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import nbformat
import pytest

from crmlab.datasets import load_exam_questions
from tests.grading_cases.practice_exam import CHOICE, TRUE_FALSE
from tests.grading_helpers import REPO, graded_points

A = "10_practice_exam"
SOURCE = REPO / "solutions" / A / f"{A}.ipynb"


@pytest.fixture(scope="module")
def source() -> nbformat.NotebookNode:
    return nbformat.read(SOURCE, as_version=4)


def _cell(source: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    return next(
        c for c in source.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )


def test_points_follow_the_exam_collection_format(source):
    """Definitions 5 x 6, single choice 15, true/false 10, short answers 15, cases 2 x 15 (Exam collection)."""
    auto, manual = graded_points(source)
    points = auto | manual
    part = {
        "definitions": [f"q{n}" for n in range(1, 6)],
        "single choice": CHOICE,
        "true/false": TRUE_FALSE,
        "short answers": ["q31", "q32", "q33"],
        "case 1": ["q34", "q35", "q36", "q37", "q38"],
        "case 2": ["q39", "q40", "q41"],
    }
    totals = {name: sum(points[q] for q in qs) for name, qs in part.items()}
    assert totals == {
        "definitions": 30,
        "single choice": 15,
        "true/false": 10,
        "short answers": 15,
        "case 1": 15,
        "case 2": 15,
    }
    assert all(points[q] == 6 for q in part["definitions"])
    assert sum(points.values()) == 100
    assert sum(manual.values()) == 100 - 34  # 34 points graded automatically


def test_every_written_item_has_a_model_answer_and_rubric_citing_a_chapter(source):
    for cell in source.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and meta.get("grade"):
            text = cell.source
            assert text.startswith("YOUR ANSWER HERE"), meta["grade_id"]
            scheme = text.split("=== BEGIN MARK SCHEME ===", 1)[1].split(
                "=== END MARK SCHEME ===", 1
            )[0]
            assert "Model answer (chapter" in scheme and "Rubric" in scheme, meta["grade_id"]


def test_choice_keys_are_explained_in_the_hidden_block(source):
    for q in CHOICE + TRUE_FALSE:
        hidden = _cell(source, q).source.split("### BEGIN HIDDEN TESTS", 1)[1]
        assert re.search(r"# (Key [A-D]|True|False) \(chapter \d", hidden), q
        assert f'report("{q}", {q}_answer, kind="choice")' in hidden


def test_choice_items_are_new_not_the_exam_collection_questions(source):
    """The Exam collection's S1/S2/S3 choice questions are graded in the chapter assignments, not here."""
    mine = [
        _cell(source, f"{q}_text").source.split("**", 2)[2].strip().split("\n")[0].split(" · ")[0]
        for q in CHOICE + TRUE_FALSE
    ]
    assert all(re.search(r"[\u4e00-\u9fff]", stem) for stem in mine)
    collection = [re.sub(r"[（(]\s*[）)]", "", s).strip() for s in load_exam_questions()["stem_zh"]]
    for stem in mine:
        closest = max(SequenceMatcher(None, stem, s).ratio() for s in collection)
        assert closest < 0.6, stem
