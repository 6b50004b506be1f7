"""The grading contract in code: what a test cell is, what it reports and how it is judged.

``docs/grading-contract.md`` describes the contract; these are its rules, shared by the key
comparison (:class:`crmlab.grading.preprocessors.KeyComparison`), the preflight, the feedback
page and the audit:

* a *test cell* is a graded code cell that is not a solution cell (:func:`is_test_cell`); its
  hidden block (between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``) never reaches a
  student (:func:`strip_hidden_tests`);
* the cell's answer is the one crmlab report among its outputs (:func:`reports_in`); a visible
  check that failed shows as a ``CheckFailed`` error (:func:`check_message`);
* :func:`judge` decides the cell from its outputs and its key entry, and
  :func:`verdict_outputs` is what replaces the outputs (what nbgrader then scores);
* :func:`stopped_output` marks a cell where grading stopped (the kernel died, the output was
  capped) or that was never run;
* :func:`summarise` reads the verdicts back from an autograded notebook.

Only the grader's own process runs this; the student's kernel only ever reports values.
"""

from __future__ import annotations

from typing import Any

from nbformat import NotebookNode

from crmlab.checks._report import REPORT_MIME
from crmlab.grading.compare import compare

PASS_TEXT = "✓ {question}: correct ({points:g} of {points:g} points)\n"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"


def is_test_cell(cell: NotebookNode) -> bool:
    """A graded code cell that is not a solution cell (nbgrader's "Autograder tests")."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def reports_in(cell: NotebookNode) -> list[dict[str, Any]]:
    """The crmlab reports among a cell's outputs."""
    found = []
    for out in cell.get("outputs", []):
        if out.get("output_type") in ("display_data", "execute_result") and REPORT_MIME in out.get(
            "data", {}
        ):
            found.append(out["data"][REPORT_MIME])
    return found


def check_message(cell: NotebookNode) -> tuple[str, str] | None:
    """The (question, code) of a visible check that failed in this cell, if any."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error" and out.get("ename") == "CheckFailed":
            text = str(out.get("evalue", ""))
            question, _, rest = text.partition(": ")
            return question, rest
    return None


def judge(
    cell: NotebookNode, entry: dict[str, Any], assignment: str, nonce: str | None
) -> tuple[bool, str]:
    """Decide one test cell from its outputs and its key entry: ``(passed, reason)``."""
    reports = reports_in(cell)
    # an error means the report line never ran as written: any report beside it is not the cell's own
    if check_message(cell):
        return False, "a visible check failed"
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if errors:
        return False, f"the cell raised {errors[0].get('ename', 'an error')}"
    if not reports:
        return False, "no answer was reported"
    if len(reports) > 1:
        return False, "more than one report in the cell"
    report = reports[0]
    if not isinstance(report, dict):
        return False, "malformed report"
    if report.get("question") != entry["question"] or report.get("assignment") != assignment:
        return False, "the report is for another question"
    if nonce is not None and report.get("nonce") != nonce:
        return False, "the report does not come from this grading run"
    if "error" in report:
        return False, str(report["error"])[:200]
    return compare(entry["value"], report.get("value"), entry.get("options"))


def verdict_outputs(passed: bool, question: str, points: float, reason: str) -> list[NotebookNode]:
    """The outputs that replace a judged test cell's: a pass line, or an ``Incorrect`` error."""
    if passed:
        return [
            NotebookNode(
                output_type="stream",
                name="stdout",
                text=PASS_TEXT.format(question=question, points=points),
            )
        ]
    message = f"{question}: incorrect ({reason})" if reason else f"{question}: incorrect"
    return [
        NotebookNode(
            output_type="error", ename="Incorrect", evalue=message, traceback=[f"✗ {message}"]
        )
    ]


def stopped_output(reason: str, ran: bool) -> NotebookNode:
    """The ``GradingStopped`` error a cell gets when grading stopped in it (``ran``) or before it."""
    what = "stopped while running this cell" if ran else "not run"
    text = f"grading stopped: {reason}"
    return NotebookNode(
        output_type="error",
        ename="GradingStopped",
        evalue=f"{what}: {text}",
        traceback=[f"✗ {what}: {text}"],
    )


def strip_hidden_tests(source: str) -> str:
    """A test cell's source as students see it: without the hidden-test block.

    >>> strip_hidden_tests("check('q1', a)\\n### BEGIN HIDDEN TESTS\\nreport('q1', a)\\n### END HIDDEN TESTS")
    "check('q1', a)"
    """
    out, hidden = [], False
    for line in source.splitlines():
        if line.strip() == HIDDEN_BEGIN:
            hidden = True
        elif line.strip() == HIDDEN_END:
            hidden = False
        elif not hidden:
            out.append(line)
    return "\n".join(out).rstrip()


def summarise(nb: NotebookNode) -> list[dict[str, Any]]:
    """One row per graded cell of an autograded notebook: id, question, points, score."""
    rows = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if not meta.get("grade"):
            continue
        verdict = cell.metadata.get("crmlab", {})
        rows.append(
            {
                "grade_id": meta["grade_id"],
                "question": verdict.get("question", meta["grade_id"]),
                "points": float(meta.get("points", 0)),
                "auto": is_test_cell(cell),
                "passed": verdict.get("passed"),
                "check": verdict.get("check"),
            }
        )
    return rows
