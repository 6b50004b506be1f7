"""The course gradebook and the grading state folder, as ``crmlab autograde`` uses them.

* the gradebook URL: ``CourseDirectory.db_url`` of the course's nbgrader configuration (e.g.
  PostgreSQL on a hub), else ``sqlite:///<root>/gradebook.db`` (:func:`gradebook_url`);
* ``.crmlab-grading/<assignment>/`` (git-ignored, :func:`state_dir`): a *done* marker per graded
  student (:func:`read_marker`), the end of each student's logs, sqlite backups of the gradebook
  taken before every run (:func:`backup_gradebook`, the newest :data:`KEEP_BACKUPS` kept), and the
  *template* gradebook every scratch course starts from (:func:`make_template`);
* merging one student's automatic grades into the course gradebook without touching manual
  grading (:func:`merge_entries`), and putting the autograded notebooks in place
  (:func:`install_autograded`; for a submission whose grading stopped,
  :func:`stopped_notebooks`).

Nothing here starts a process; nbgrader is imported only by the functions that read or write a
gradebook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmlab.course.manifest import release_dir
from crmlab.grading.contract import is_test_cell, stopped_output
from crmlab.grading.keys import load_key

COURSE_ID = "crmlab"
STATE_DIR = ".crmlab-grading"
KEEP_BACKUPS = 20


@dataclass(frozen=True)
class GradeResult:
    """The outcome for one student: ``ok`` with a score, or not graded with an ``error``.

    ``note`` says why a graded submission got 0 automatically (grading stopped), or that it was
    already graded in an earlier run.
    """

    student: str
    ok: bool
    score: float = 0.0
    max_score: float = 0.0
    error: str = ""
    note: str = ""


# --------------------------------------------------------------------------------------------
# the course configuration: where the gradebook is, the cell time limit


def load_course_config(root: Path) -> Any:
    """The nbgrader configuration as nbgrader reads it in the course root.

    ``nbgrader_config.py`` from Jupyter's config folders (``/etc/jupyter`` on a hub, where the
    gradebook URL may be set), then the course's own, which takes precedence.
    """
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    previous = os.environ.get("CRMLAB_COURSE_ROOT")
    os.environ["CRMLAB_COURSE_ROOT"] = str(root)
    try:
        config = Config()
        for folder in [*reversed(jupyter_config_path()), str(root)]:
            if (Path(folder) / "nbgrader_config.py").is_file():
                config.merge(PyFileConfigLoader("nbgrader_config.py", path=folder).load_config())
        if not (Path(root) / "nbgrader_config.py").is_file():
            raise FileNotFoundError(f"no nbgrader_config.py in {root}")
        return config
    finally:
        if previous is None:
            os.environ.pop("CRMLAB_COURSE_ROOT", None)
        else:
            os.environ["CRMLAB_COURSE_ROOT"] = previous


@functools.cache
def course_config(root: str) -> Any:
    """The course configuration (cached; None when ``nbgrader_config.py`` is missing or broken)."""
    try:
        return load_course_config(Path(root))
    except Exception:
        return None


def _configured_db_url(root: str) -> str | None:
    """``CourseDirectory.db_url`` of the course configuration, or None."""
    config = course_config(root)
    url = config.CourseDirectory.get("db_url") if config is not None else None
    return str(url) if url else None


def gradebook_url(root: Path) -> str:
    """The course gradebook: ``CourseDirectory.db_url`` of ``nbgrader_config.py`` (e.g. PostgreSQL
    on a hub), else nbgrader's default ``sqlite:///<root>/gradebook.db``."""
    return (
        _configured_db_url(str(Path(root).resolve()))
        or f"sqlite:///{Path(root).resolve() / 'gradebook.db'}"
    )


def configured_cell_timeout(root: Path) -> int:
    """``Execute.timeout`` of the course configuration (60 when unset)."""
    config = course_config(str(root))
    try:
        return int(config.Execute.get("timeout", 60) or 60) if config is not None else 60
    except (TypeError, ValueError):
        return 60


# --------------------------------------------------------------------------------------------
# the state folder: done markers, logs, backups


def state_dir(root: Path, assignment: str) -> Path:
    """``.crmlab-grading/<assignment>/`` (git-ignored): markers, logs, backups, scratch."""
    return root / STATE_DIR / assignment


def read_marker(root: Path, assignment: str, student: str) -> dict[str, Any] | None:
    """The done marker of a student's last successful grading, or None."""
    path = state_dir(root, assignment) / "done" / f"{student}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_marker(root: Path, assignment: str, student: str, marker: dict[str, Any]) -> None:
    """Write a student's done marker (through a temporary file: a marker is whole or absent)."""
    path = state_dir(root, assignment) / "done" / f"{student}.json"
    tmp_marker = path.with_suffix(".tmp")
    tmp_marker.write_text(json.dumps(marker, indent=1), encoding="utf-8")
    tmp_marker.replace(path)


def read_scores(root: Path, assignment: str, students: list[str]) -> list[GradeResult]:
    """Scores from the course gradebook (manual grades included), one result per student."""
    from nbgrader.api import Gradebook, MissingEntry

    results = []
    with Gradebook(gradebook_url(root), course_id=COURSE_ID) as gb:
        for student in students:
            try:
                sub = gb.find_submission(assignment, student)
            except MissingEntry:
                results.append(GradeResult(student, False, error="not graded"))
                continue
            if not (root / "autograded" / student / assignment).is_dir():
                results.append(GradeResult(student, False, error="autograde failed; see the log"))
                continue
            marker = read_marker(root, assignment, student) or {}
            results.append(
                GradeResult(
                    student,
                    True,
                    float(sub.score),
                    float(sub.max_score),
                    note=marker.get("note", ""),
                )
            )
    return results


def keep_logs(state: Path, student: str, scratch: Path | None, limit: int = 64 * 1024) -> None:
    """Keep the end of nbgrader's and the kernel's log of this student in ``logs/<student>.log``."""
    if scratch is None:
        return
    parts = []
    for name in ("nbgrader.log", "sandbox/kernel.log"):
        path = scratch / name
        if path.is_file():
            with open(path, "rb") as fh:
                size = fh.seek(0, os.SEEK_END)
                fh.seek(max(0, size - limit))
                parts.append(
                    f"==> {name} ({size} bytes) <==\n" + fh.read().decode("utf-8", "replace")
                )
    if parts:
        (state / "logs" / f"{student}.log").write_text("\n".join(parts), encoding="utf-8")


def backup_gradebook(course_url: str, state: Path) -> Path | None:
    """Copy a sqlite gradebook (consistently, via sqlite's backup) into ``backups/``; keep the newest.

    A PostgreSQL gradebook is backed up by the database's own tools (``pg_dump``; see
    ``docs/deploy/README.md``): None is returned and the caller says so.
    """
    if not course_url.startswith("sqlite:///"):
        return None
    db = Path(course_url.removeprefix("sqlite:///"))
    if not db.is_file():
        return None
    backups = state / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    target = backups / f"gradebook-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.db"
    with (
        contextlib.closing(sqlite3.connect(db)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
    for old in sorted(backups.glob("gradebook-*.db"))[:-KEEP_BACKUPS]:
        old.unlink()
    return target


# --------------------------------------------------------------------------------------------
# gradebooks: the template of a scratch course, merging one student into the course


def make_template(course_url: str, assignment: str, target: Path) -> None:
    """A new sqlite gradebook with the assignment's structure and no student in it.

    Every scratch course starts from a copy, so a worker never holds other students' grades and
    the course gradebook may be sqlite or PostgreSQL.
    """
    from nbgrader.api import Gradebook, MissingEntry

    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    if (
        course_url.startswith("sqlite:///")
        and not Path(course_url.removeprefix("sqlite:///")).is_file()
    ):
        raise FileNotFoundError(
            f"no gradebook at {course_url}: run `crmlab generate {assignment}` first; "
            "nothing was graded"
        )
    with (
        Gradebook(course_url, course_id=COURSE_ID) as src,
        Gradebook(f"sqlite:///{target}", course_id=COURSE_ID) as dst,
    ):
        try:
            a = src.find_assignment(assignment)
        except MissingEntry:
            raise FileNotFoundError(
                f"the gradebook has no assignment {assignment}: run `crmlab generate "
                f"{assignment}` first; nothing was graded"
            ) from None
        dst.add_assignment(assignment, duedate=a.duedate)
        for nb in a.notebooks:
            dst.add_notebook(nb.name, assignment, kernelspec=nb.kernelspec)
            for cell in nb.source_cells:
                dst.add_source_cell(
                    cell.name,
                    nb.name,
                    assignment,
                    cell_type=cell.cell_type,
                    locked=cell.locked,
                    source=cell.source,
                    checksum=cell.checksum,
                )
            for cell in nb.grade_cells:
                dst.add_grade_cell(
                    cell.name,
                    nb.name,
                    assignment,
                    max_score=cell.max_score,
                    cell_type=cell.cell_type,
                )
            for cell in nb.solution_cells:
                dst.add_solution_cell(cell.name, nb.name, assignment)
            for cell in nb.task_cells:
                dst.add_task_cell(
                    cell.name,
                    nb.name,
                    assignment,
                    max_score=cell.max_score,
                    cell_type=cell.cell_type,
                )


def gradebook_entries(db_url: str, assignment: str, student: str) -> dict[str, Any]:
    """The grades nbgrader saved for one student (from a scratch gradebook)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id=COURSE_ID) as gb:
        sub = gb.find_submission(assignment, student)
        out: dict[str, Any] = {
            "timestamp": sub.timestamp.isoformat() if sub.timestamp else None,
            "notebooks": {},
        }
        for snb in sub.notebooks:
            out["notebooks"][snb.name] = {
                "late_submission_penalty": snb.late_submission_penalty,
                "grades": {
                    g.name: {
                        "auto_score": g.auto_score,
                        "needs_manual_grade": bool(g.needs_manual_grade),
                    }
                    for g in snb.grades
                },
                "comments": {c.name: c.auto_comment for c in snb.comments},
            }
    return out


def granted_extensions(gb: Any, assignment: str, students: list[str]) -> dict[str, float]:
    """Deadline extensions (seconds) granted in the course gradebook, by student."""
    out = {}
    for sub in gb.assignment_submissions(assignment):
        if sub.student_id in students and sub.extension:
            out[sub.student_id] = sub.extension.total_seconds()
    return out


def zero_entries(gb: Any, assignment: str) -> dict[str, Any]:
    """Gradebook entries for a submission whose grading stopped: 0 for every automatic cell."""
    out: dict[str, Any] = {"timestamp": None, "notebooks": {}}
    for notebook in gb.find_assignment(assignment).notebooks:
        written = {c.name for c in notebook.solution_cells}
        grades = {}
        for cell in notebook.grade_cells:
            automatic = cell.cell_type == "code" and cell.name not in written
            grades[cell.name] = {
                "auto_score": 0.0 if automatic else None,
                "needs_manual_grade": not automatic,
            }
        for cell in notebook.task_cells:
            grades[cell.name] = {"auto_score": None, "needs_manual_grade": True}
        out["notebooks"][notebook.name] = {
            "late_submission_penalty": None,
            "grades": grades,
            "comments": {},
        }
    return out


def merge_entries(
    gb: Any, assignment: str, student: str, entries: dict[str, Any], same_submission: bool
) -> None:
    """Write one student's automatic grades into the course gradebook, keeping manual grading.

    ``auto_score`` and automatic comments are copied per grade cell; ``manual_score``, manual
    comments, extra credit and flags are kept. A cell graded by hand is marked for review when
    the submission changed since (nbgrader does the same on a re-run, #583), not on a plain
    regrade of the same submission.
    """
    from nbgrader.api import MissingEntry
    from nbgrader.utils import parse_utc

    try:
        gb.find_student(student)
    except MissingEntry:
        gb.add_student(student)
    try:
        sub = gb.find_submission(assignment, student)
    except MissingEntry:
        sub = gb.add_submission(assignment, student)
    try:
        if entries.get("timestamp"):
            sub.timestamp = parse_utc(entries["timestamp"])
        for snb in sub.notebooks:
            data = entries["notebooks"].get(snb.name)
            if data is None:
                continue
            snb.late_submission_penalty = data.get("late_submission_penalty")
            for grade in snb.grades:
                new = data["grades"].get(grade.name)
                if new is None:
                    continue
                grade.auto_score = new["auto_score"]
                if grade.manual_score is not None:
                    grade.needs_manual_grade = (
                        bool(grade.needs_manual_grade) if same_submission else True
                    )
                else:
                    grade.needs_manual_grade = new["needs_manual_grade"]
            for comment in snb.comments:
                if comment.name in data["comments"]:
                    comment.auto_comment = data["comments"][comment.name]
        gb.db.commit()
    except Exception:
        gb.db.rollback()
        raise


def quiet_nbgrader() -> None:
    """nbgrader 0.9 trips SQLAlchemy 2's "not in session" warning when it adds a submission."""
    import warnings

    warnings.filterwarnings("ignore", message=".*not in session.*")


# --------------------------------------------------------------------------------------------
# autograded/: installing a student's autograded notebooks


def copy_files(source: Path, target: Path, skip_notebooks: bool = False) -> None:
    """Copy the regular files under ``source`` (no links, no hidden files) into ``target``."""
    if not source.is_dir():
        return
    for folder, dirs, files in os.walk(source):
        dirs[:] = [
            d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(folder, d))
        ]
        for name in files:
            path = Path(folder) / name
            if name.startswith(".") or path.is_symlink() or not path.is_file():
                continue
            if skip_notebooks and name.endswith(".ipynb"):
                continue
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)


def install_autograded(root: Path, assignment: str, student: str, source: Path) -> None:
    """Replace ``autograded/<student>/<assignment>/`` with the regular files of ``source``."""
    parent = root / "autograded" / student
    parent.mkdir(parents=True, exist_ok=True)
    target = parent / assignment
    fresh = parent / f".{assignment}.new-{os.getpid()}"
    old = parent / f".{assignment}.old-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    copy_files(source, fresh)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def stopped_notebooks(root: Path, assignment: str, student: str, reason: str, target: Path) -> None:
    """Autograded notebooks for a submission whose grading stopped: the release, the student's
    answers where readable, every test cell failed with the reason."""
    import nbformat

    key = load_key(root / "keys", assignment)
    target.mkdir(parents=True, exist_ok=True)
    for release_path in sorted((release_dir(root) / assignment).glob("*.ipynb")):
        nb = nbformat.read(release_path, as_version=4)
        submitted = root / "submitted" / student / assignment / release_path.name
        answers: dict[str, str] = {}
        with contextlib.suppress(Exception):
            mine = nbformat.read(submitted, as_version=4)
            for cell in mine.cells:
                meta = cell.get("metadata", {}).get("nbgrader", {})
                if meta.get("solution") and isinstance(cell.get("source"), str):
                    answers.setdefault(meta.get("grade_id", ""), cell.source)
        cells_key = key["notebooks"].get(release_path.stem, {}).get("cells", {})
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("solution") and meta.get("grade_id") in answers:
                cell.source = answers[meta["grade_id"]]
            if is_test_cell(cell):
                entry = cells_key.get(meta.get("grade_id"), {})
                cell.outputs = [stopped_output(reason, ran=False)]
                cell.metadata["crmlab"] = {
                    "question": entry.get("question", meta.get("grade_id")),
                    "passed": False,
                    "reason": f"grading stopped: {reason}",
                    "check": None,
                }
        nb.metadata["crmlab"] = {"stopped": reason, "tripwires": []}
        nbformat.write(nb, target / release_path.name)
