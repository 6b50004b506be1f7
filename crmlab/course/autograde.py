"""Autograde submissions with nbgrader, scoring hidden tests against the answer key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crmlab.course.keys import load_key
from crmlab.course.nbgrader_run import run_nbgrader


@dataclass(frozen=True)
class GradeResult:
    student: str
    ok: bool
    score: float = 0.0
    max_score: float = 0.0
    error: str = ""


def submitted_students(root: Path, assignment: str) -> list[str]:
    base = root / "submitted"
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if (p / assignment).is_dir())


def gradebook_url(root: Path) -> str:
    return f"sqlite:///{root / 'gradebook.db'}"


def read_scores(root: Path, assignment: str, students: list[str]) -> list[GradeResult]:
    from nbgrader.api import Gradebook, MissingEntry

    results = []
    with Gradebook(gradebook_url(root), course_id="crmlab") as gb:
        for student in students:
            try:
                sub = gb.find_submission(assignment, student)
            except MissingEntry:
                results.append(GradeResult(student, False, error="not graded"))
                continue
            if not (root / "autograded" / student / assignment).is_dir():
                results.append(GradeResult(student, False, error="autograde failed; see the log"))
                continue
            results.append(GradeResult(student, True, float(sub.score), float(sub.max_score)))
    return results


def autograde(root: Path, assignment: str, students: list[str] | None = None) -> list[GradeResult]:
    """Grade ``submitted/<student>/<assignment>`` for every (or the given) student.

    The key must exist before anything runs: without it nothing is graded (fails closed).
    """
    load_key(root / "keys", assignment)
    students = students or submitted_students(root, assignment)
    if not students:
        raise FileNotFoundError(f"no submissions of {assignment} in {root / 'submitted'}")
    for student in students:
        run_nbgrader(root, "autograde", assignment, "--student", student, "--force", "--log-level=WARN", check=False)
    return read_scores(root, assignment, students)
