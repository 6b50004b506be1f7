"""The notebooks' text sources (content/*.py, jupytext py:percent) and the notebooks made from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from crmlab.cli import main
from crmlab.course import textnotebooks as tn

REPO = Path(__file__).resolve().parents[1]
PAIRS = tn.pairs(REPO)


def test_every_course_notebook_has_a_text_source():
    sourced = {pair.notebook for pair in PAIRS}
    notebooks = set((REPO / "notebooks").glob("[0-9]*.ipynb"))
    notebooks |= set((REPO / "solutions").glob("*/*.ipynb"))
    assert notebooks - sourced == set(), "notebooks without a text source in content/"
    assert {p.notebook for p in PAIRS if not p.notebook.exists()} == set()
    # notebooks/index.ipynb is generated from course.toml by `crmlab sync-docs`, not from text
    assert REPO / "notebooks" / "index.ipynb" not in sourced
    assert len(PAIRS) == 20


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: str(p.notebook.relative_to(REPO)))
def test_notebook_is_in_step_with_its_text_source(pair):
    assert tn.check(pair) == []
    text = pair.text.read_text(encoding="utf-8")
    # the text is in its canonical form, so an export after an edit in JupyterLab adds no churn
    assert tn.writes(tn.read(pair.text)) == text, (
        f"rewrite {pair.text} with `crmlab notebooks export`"
    )
    if not pair.executed:
        nb = nbformat.read(pair.notebook, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells), "solutions store no outputs"


def test_grade_cells_keep_their_ids_and_metadata_through_the_text():
    pair = next(p for p in PAIRS if p.notebook.name == "05_abc.ipynb" and p.kind == "solution")
    nb = tn.read(pair.text)
    cells = {c.id: c for c in nb.cells}
    assert cells["q7-test"].metadata["nbgrader"]["points"] == 3
    assert cells["q7-test"].metadata["nbgrader"]["grade_id"] == "q7"
    assert cells["q1-answer"].metadata["nbgrader"]["solution"] is True
    chapter = tn.read(REPO / "content" / "chapters" / "05_abc.py")
    # a cell magic is commented out in the text and comes back as a magic
    assert chapter.cells[1].source.startswith("%config InlineBackend")


def _course_copy(tmp_path: Path) -> Path:
    (tmp_path / "course.toml").write_text((REPO / "course.toml").read_text())
    for kind, name in (("chapters", "05_abc"), ("solutions", "05_abc")):
        target = tmp_path / "content" / kind
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "content" / kind / f"{name}.py", target)
    (tmp_path / "notebooks").mkdir()
    shutil.copy(REPO / "notebooks" / "05_abc.ipynb", tmp_path / "notebooks")
    (tmp_path / "solutions" / "05_abc").mkdir(parents=True)
    shutil.copy(REPO / "solutions" / "05_abc" / "05_abc.ipynb", tmp_path / "solutions" / "05_abc")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_names_each_kind_of_drift(tmp_path):
    root = _course_copy(tmp_path)
    chapter, solution = tn.pairs(root)
    assert tn.check(chapter) == [] and tn.check(solution) == []
    _edit(solution.text, '"points": 3', '"points": 4')
    assert tn.check(solution) == [
        f"{solution.notebook}: cell q7-test differs from {solution.text} in its metadata"
    ]
    text = chapter.text.read_text(encoding="utf-8")
    first, second = text.split('\n\n# %% [markdown] id="md-03"', 1)
    chapter.text.write_text(
        first + '\n\n# %% id="code-new-1"\nx = 1\n\n# %% [markdown] id="md-03"' + second
    )
    _edit(chapter.text, "import pandas", "import numpy")
    problems = tn.check(chapter)
    assert f"{chapter.notebook}: cell code-new-1 of {chapter.text} is missing" in problems
    assert f"{chapter.notebook}: cell code-02 differs from {chapter.text} in its source" in problems
    assert main(["--root", str(root), "notebooks", "check"]) == 1
    assert main(["--root", str(root), "notebooks", "build"]) == 0
    assert main(["--root", str(root), "notebooks", "check"]) == 0


def test_build_keeps_outputs_of_unchanged_cells_only(tmp_path):
    root = _course_copy(tmp_path)
    chapter = tn.pairs(root)[0]
    before = nbformat.read(chapter.notebook, as_version=4)
    code = [c for c in before.cells if c.cell_type == "code" and c.outputs]
    changed, kept = code[1], code[2]
    _edit(
        chapter.text, changed.source.splitlines()[0], changed.source.splitlines()[0] + "  # edited"
    )
    assert tn.build(chapter) is True
    after = {c.id: c for c in nbformat.read(chapter.notebook, as_version=4).cells}
    assert after[changed.id].outputs == [] and after[changed.id].execution_count is None
    assert after[kept.id].outputs == kept.outputs
    assert tn.check(chapter) == []
    assert tn.build(chapter) is False, "a second build changes nothing"


def test_export_then_build_gives_back_the_same_notebook(tmp_path):
    root = _course_copy(tmp_path)
    solution = tn.pairs(root)[1]
    original = solution.notebook.read_bytes()
    solution.text.unlink()
    tn.export(solution.notebook, solution.text)
    solution.notebook.unlink()
    assert tn.build(solution) is True
    assert solution.notebook.read_bytes() == original


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# %% [markdown]\n# hello\n", "cell 1 (markdown, starting 'hello') has no id"),
        (
            '# %% id="a"\nx = 1\n\n# %% id="a"\ny = 2\n',
            "cell 2 (code, starting 'y = 2') repeats the id 'a'",
        ),
        ('# %% id="Q 1"\nx = 1\n', "cell 1 (code, starting 'x = 1') has the id 'Q 1'"),
    ],
)
def test_a_bad_cell_id_is_named(text, message):
    with pytest.raises(
        tn.TextSourceError, match="^x.py: " + message.replace("(", r"\(").replace(")", r"\)")
    ):
        tn.reads(text, name="x.py")
