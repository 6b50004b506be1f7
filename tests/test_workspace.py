"""The learner's workspace: filled on first run, topped up later, never overwriting their work."""

from __future__ import annotations

import shutil
from pathlib import Path

from crmlab.course.workspace import sync_workspace


def make_course(tmp: Path) -> Path:
    root = tmp / "course"
    (root / "notebooks").mkdir(parents=True)
    (root / "exercises" / "05_abc").mkdir(parents=True)
    (root / "notebooks" / "05_abc.ipynb").write_text("chapter v1")
    (root / "exercises" / "05_abc" / "05_abc.ipynb").write_text("exercise v1")
    return root


def test_first_run_copies_everything(tmp_path: Path):
    root = make_course(tmp_path)
    report = sync_workspace(root, Path("work"))
    assert sorted(report.added) == ["exercises/05_abc/05_abc.ipynb", "notebooks/05_abc.ipynb"]
    assert (root / "work" / "notebooks" / "05_abc.ipynb").read_text() == "chapter v1"


def test_learner_changes_are_never_overwritten_and_originals_stay_pristine(tmp_path: Path):
    root = make_course(tmp_path)
    sync_workspace(root, Path("work"))
    mine = root / "work" / "exercises" / "05_abc" / "05_abc.ipynb"
    mine.write_text("my answers")
    (root / "exercises" / "05_abc" / "05_abc.ipynb").write_text("exercise v2")  # git pull
    (root / "notebooks" / "05_abc.ipynb").write_text("chapter v2")
    (root / "notebooks" / "06_csm.ipynb").write_text("new chapter")
    report = sync_workspace(root, Path("work"))
    assert mine.read_text() == "my answers"
    assert report.kept == ["exercises/05_abc/05_abc.ipynb"]
    # an untouched copy follows the course; a new chapter arrives
    assert report.updated == ["notebooks/05_abc.ipynb"] and report.added == [
        "notebooks/06_csm.ipynb"
    ]
    assert (root / "work" / "notebooks" / "05_abc.ipynb").read_text() == "chapter v2"
    assert (root / "exercises" / "05_abc" / "05_abc.ipynb").read_text() == "exercise v2"
    assert "kept your version of exercises/05_abc/05_abc.ipynb" in str(report)


def test_a_deleted_copy_comes_back(tmp_path: Path):
    root = make_course(tmp_path)
    sync_workspace(root, Path("work"))
    (root / "work" / "notebooks" / "05_abc.ipynb").unlink()
    shutil.rmtree(root / "work" / "exercises")
    report = sync_workspace(root, Path("work"))
    assert len(report.added) == 2
