"""Export an assignment's grades: a grade table, an LMS import file, a chart and question difficulty.

``crmlab export ASSIGNMENT [--output DIR]`` writes into ``exports/<assignment>/`` (git-ignored):

* ``grades.csv``: one row per student of the gradebook (graded or not), one column per graded
  question (the score, manual grades included), the total, the maximum and a status
  (``graded``, ``needs manual grading``, ``not submitted``);
* ``lms_import.csv``: ``Student ID,Score`` — what Moodle's grade import (map "Student ID" to the
  ID number) and most LMS accept; ``Score`` is the total;
* ``grade_distribution.png``: a histogram of the totals (matplotlib, Agg backend, imported here
  only);
* ``difficulty.csv`` and ``difficulty.md``: per question the points, how many were graded, the
  share that got full marks and the mean score, and for automatically graded questions the most
  common check messages (the visible checks' own wording, from ``cell.metadata["crmlab"]`` of the
  autograded notebooks) and the most common reasons a hidden test failed.

Scores come from the gradebook, so manual grading in the formgrader is included.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crmlab.grading.gradebook import COURSE_ID, gradebook_url


@dataclass
class Question:
    """One graded cell of the assignment."""

    grade_id: str
    notebook: str
    label: str
    points: float
    automatic: bool
    scores: list[float] = field(default_factory=list)
    checks: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def graded(self) -> int:
        return len(self.scores)

    @property
    def share_correct(self) -> float | None:
        if not self.scores:
            return None
        return sum(1 for s in self.scores if s >= self.points - 1e-9) / len(self.scores)

    @property
    def mean(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None


@dataclass
class Grades:
    """Everything the export files are made of."""

    assignment: str
    questions: list[Question]
    rows: list[
        dict[str, Any]
    ]  # student, per-question scores (None: not graded), total, max, status
    max_score: float


def _question_labels(root: Path, assignment: str) -> dict[str, str]:
    """grade id -> question name from the answer key (``q3``), for the column headers."""
    try:
        from crmlab.grading.keys import load_key

        key = load_key(root / "keys", assignment)
    except Exception:
        return {}
    return {
        gid: entry["question"]
        for nb in key["notebooks"].values()
        for gid, entry in nb["cells"].items()
    }


def collect_grades(root: Path, assignment: str) -> Grades:
    """Read scores from the gradebook and verdicts from ``autograded/`` notebooks."""
    import nbformat
    from nbgrader.api import Gradebook, MissingEntry

    root = Path(root)
    labels = _question_labels(root, assignment)
    questions: list[Question] = []
    rows: list[dict[str, Any]] = []
    with Gradebook(gradebook_url(root), course_id=COURSE_ID) as gb:
        try:
            a = gb.find_assignment(assignment)
        except MissingEntry:
            raise FileNotFoundError(
                f"the gradebook has no assignment {assignment}: generate and grade it first"
            ) from None
        for nb in a.notebooks:
            written = {c.name for c in nb.solution_cells}
            for cell in nb.grade_cells:
                automatic = cell.cell_type == "code" and cell.name not in written
                label = labels.get(cell.name, cell.name)
                if len(a.notebooks) > 1:
                    label = f"{nb.name}:{label}"
                questions.append(
                    Question(cell.name, nb.name, label, float(cell.max_score), automatic)
                )
        by_key = {(q.notebook, q.grade_id): q for q in questions}
        max_score = sum(q.points for q in questions)
        for student in sorted(gb.students, key=lambda s: s.id):
            row: dict[str, Any] = {
                "student": student.id,
                "scores": {},
                "total": 0.0,
                "max": max_score,
            }
            try:
                sub = gb.find_submission(assignment, student.id)
            except MissingEntry:
                row["status"] = "not submitted"
                rows.append(row)
                continue
            needs_manual = False
            for snb in sub.notebooks:
                for grade in snb.grades:
                    q = by_key.get((snb.name, grade.name))
                    if q is None:
                        continue
                    if grade.needs_manual_grade:
                        needs_manual = True
                    score = grade.score
                    if grade.auto_score is None and grade.manual_score is None:
                        row["scores"][q.label] = None
                        continue
                    row["scores"][q.label] = float(score)
                    q.scores.append(float(score))
            row["total"] = float(sub.score)
            row["status"] = "needs manual grading" if needs_manual else "graded"
            rows.append(row)
    for row in rows:
        folder = root / "autograded" / row["student"] / assignment
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.ipynb")):
            try:
                nb = nbformat.read(path, as_version=4)
            except Exception:
                continue
            for cell in nb.cells:
                verdict = cell.get("metadata", {}).get("crmlab")
                gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                q = by_key.get((path.stem, gid))
                if not isinstance(verdict, dict) or q is None or verdict.get("passed"):
                    continue
                if verdict.get("check"):
                    q.checks[str(verdict["check"])] += 1
                elif verdict.get("reason"):
                    q.reasons[str(verdict["reason"])] += 1
    return Grades(assignment, questions, rows, max_score)


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def grades_csv(grades: Grades) -> str:
    """``grades.csv``: a row per student, a column per question, total, max and status."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    labels = [q.label for q in grades.questions]
    writer.writerow(["student_id", *labels, "total", "max_score", "status"])
    for row in grades.rows:
        writer.writerow(
            [
                row["student"],
                *(_fmt(row["scores"].get(label)) for label in labels),
                _fmt(row["total"]),
                _fmt(row["max"]),
                row["status"],
            ]
        )
    return out.getvalue()


def lms_csv(grades: Grades) -> str:
    """``lms_import.csv``: ``Student ID,Score`` (the total), for Moodle/Canvas-style imports."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Student ID", "Score"])
    for row in grades.rows:
        writer.writerow([row["student"], _fmt(row["total"])])
    return out.getvalue()


def difficulty_rows(grades: Grades, top: int = 3) -> list[dict[str, str]]:
    """Per question: points, graded, share with full marks, mean, common messages."""
    rows = []
    for q in grades.questions:
        share = q.share_correct
        rows.append(
            {
                "question": q.label,
                "kind": "automatic" if q.automatic else "manual",
                "points": _fmt(q.points),
                "graded": str(q.graded),
                "share_correct": "" if share is None else f"{share:.2f}",
                "mean_score": "" if q.mean is None else f"{q.mean:.2f}",
                "common_check_messages": " | ".join(
                    f"{m} ({n})" for m, n in q.checks.most_common(top)
                ),
                "common_failure_reasons": " | ".join(
                    f"{m} ({n})" for m, n in q.reasons.most_common(top)
                ),
            }
        )
    return rows


def difficulty_csv(grades: Grades) -> str:
    rows = difficulty_rows(grades)
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(rows[0]) if rows else ["question"], lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def difficulty_markdown(grades: Grades) -> str:
    """The difficulty table for people: hardest questions first."""
    rows = sorted(
        difficulty_rows(grades), key=lambda r: (r["share_correct"] == "", r["share_correct"])
    )
    graded = [r for r in grades.rows if r["status"] != "not submitted"]
    lines = [
        f"# {grades.assignment}: question difficulty",
        "",
        f"{len(graded)} graded submission(s) of {len(grades.rows)} student(s); maximum {grades.max_score:g} points.",
        "",
        "| question | kind | points | graded | share with full marks | mean | most common check messages |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        messages = r["common_check_messages"] or r["common_failure_reasons"]
        lines.append(
            f"| {r['question']} | {r['kind']} | {r['points']} | {r['graded']} | {r['share_correct']} | "
            f"{r['mean_score']} | {messages.replace('|', '/')} |"
        )
    return "\n".join(lines) + "\n"


def distribution_png(grades: Grades, path: Path) -> Path:
    """A histogram of the totals of graded submissions (matplotlib's Agg backend, no display)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    totals = [r["total"] for r in grades.rows if r["status"] != "not submitted"]
    fig = Figure(figsize=(6, 3.5), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    top = max(grades.max_score, max(totals, default=0.0), 1.0)
    bins = min(20, max(1, int(top)))
    ax.hist(totals, bins=bins, range=(0, top), color="#4C72B0", edgecolor="white")
    ax.set_xlabel(f"total score (of {grades.max_score:g})")
    ax.set_ylabel("students")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    mean = sum(totals) / len(totals) if totals else 0.0
    ax.set_title(f"{grades.assignment}: {len(totals)} graded, mean {mean:.1f}")
    fig.tight_layout()
    fig.savefig(path, format="png", metadata={"Software": None})
    return path


def export(root: Path, assignment: str, output: Path | None = None) -> list[Path]:
    """Write the export files (see the module docstring); return their paths."""
    root = Path(root)
    grades = collect_grades(root, assignment)
    if not grades.rows:
        raise FileNotFoundError(
            f"no students in the gradebook for {assignment}: run crmlab autograde first"
        )
    folder = Path(output) if output else root / "exports" / assignment
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in [
        ("grades.csv", grades_csv(grades)),
        ("lms_import.csv", lms_csv(grades)),
        ("difficulty.csv", difficulty_csv(grades)),
        ("difficulty.md", difficulty_markdown(grades)),
    ]:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    written.append(distribution_png(grades, folder / "grade_distribution.png"))
    return written
