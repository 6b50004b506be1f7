"""Per-student feedback: each question's result and the visible messages, nothing hidden.

nbgrader's own feedback shows hidden tests by design (nbgrader #917, #1156). This feedback is built
from the autograded notebook instead: test cells show their visible part only and the grader's
verdict; the outputs of student code cells are left out (the student has them, and a student's
function could print the hidden inputs it was called with); a check message is shown only when
it is word for word one of the course's own check messages for that question.
"""

from __future__ import annotations

import html
from pathlib import Path

import nbformat

from crmlab.course.grading import is_test_cell, strip_hidden_tests, summarise


def _known_message(assignment: str, question: str, text: str | None) -> str | None:
    if not text:
        return None
    try:
        from crmlab.checks import for_assignment

        catalogue = for_assignment(assignment).questions[question].messages().values()
    except (ValueError, KeyError):
        return None
    return text if text in catalogue else None


def manual_scores(root: Path, assignment: str, notebook: str, student: str) -> dict[str, tuple[float | None, str]]:
    """Manual scores and comments from the gradebook, by grade id (empty when none)."""
    try:
        from nbgrader.api import Gradebook, MissingEntry

        from crmlab.course.autograde import gradebook_url

        out: dict[str, tuple[float | None, str]] = {}
        with Gradebook(gradebook_url(root), course_id="crmlab") as gb:
            try:
                sub = gb.find_submission_notebook(notebook, assignment, student)
            except MissingEntry:
                return {}
            comments = {c.name: (c.manual_comment or "") for c in sub.comments}
            for grade in sub.grades:
                if grade.manual_score is not None or grade.needs_manual_grade:
                    out[grade.name] = (grade.manual_score, comments.get(grade.name, ""))
        return out
    except Exception:  # no gradebook yet: feedback still lists the auto-graded results
        return {}


def feedback_notebook(nb: nbformat.NotebookNode, assignment: str, manual: dict[str, tuple[float | None, str]]) -> nbformat.NotebookNode:
    """The feedback version of an autograded notebook (see the module docstring)."""
    rows = summarise(nb)
    lines = ["# Feedback", "", "| question | points | result |", "|---|---|---|"]
    earned = total = 0.0
    for r in rows:
        total += r["points"]
        if r["auto"]:
            got = r["points"] if r["passed"] else 0.0
            earned += got
            result = "✓ correct" if r["passed"] else "✗ not correct"
        else:
            score, _ = manual.get(r["grade_id"], (None, ""))
            if score is None:
                result = "written answer: to be graded by your instructor"
            else:
                earned += score
                result = f"graded by your instructor: {score:g}"
        lines.append(f"| {html.escape(r['question'])} | {r['points']:g} | {result} |")
    lines += ["", f"**Score: {earned:g} of {total:g} points.**"]
    out = nbformat.v4.new_notebook(metadata={"kernelspec": nb.metadata.get("kernelspec", {})})
    out.cells.append(nbformat.v4.new_markdown_cell("\n".join(lines)))
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            out.cells.append(nbformat.v4.new_markdown_cell(cell.source))
        elif cell.cell_type == "code" and is_test_cell(cell):
            verdict = cell.metadata.get("crmlab", {})
            question = verdict.get("question", "")
            text = "✓ correct\n" if verdict.get("passed") else "✗ not correct\n"
            message = _known_message(assignment, question, verdict.get("check"))
            if message and not verdict.get("passed"):
                text += f"check: {message}\n"
            new = nbformat.v4.new_code_cell(strip_hidden_tests(cell.source))
            new.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
            out.cells.append(new)
        elif cell.cell_type == "code":
            out.cells.append(nbformat.v4.new_code_cell(cell.source))
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade") and meta.get("solution") and meta.get("grade_id") in manual:
            score, comment = manual[meta["grade_id"]]
            note = f"**Instructor:** {score:g} points." if score is not None else "**Instructor:** not graded yet."
            if comment:
                note += f" {comment}"
            out.cells.append(nbformat.v4.new_markdown_cell(note))
    return out


def write_feedback(root: Path, assignment: str, students: list[str] | None = None) -> list[Path]:
    """Write ``feedback/<student>/<assignment>/<notebook>.html`` for autograded submissions."""
    from nbconvert import HTMLExporter

    base = root / "autograded"
    if students is None:
        students = sorted(p.name for p in base.iterdir() if (p / assignment).is_dir()) if base.is_dir() else []
    if not students:
        raise FileNotFoundError(f"no autograded submissions of {assignment} in {base}; run crmlab autograde first")
    exporter = HTMLExporter(template_name="lab")
    exporter.sanitize_html = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    written = []
    for student in students:
        for path in sorted((base / student / assignment).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            manual = manual_scores(root, assignment, path.stem, student)
            body, _ = exporter.from_notebook_node(feedback_notebook(nb, assignment, manual))
            target = root / "feedback" / student / assignment / f"{path.stem}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
            written.append(target)
    return written
