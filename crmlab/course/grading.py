"""Grading against the answer key, inside nbgrader's autograde (the grader's own process).

Two nbgrader preprocessors, registered in ``nbgrader_config.py``:

* :class:`GradingNonce` (before ``Execute``) draws a random nonce for this run and puts it in the
  environment the student's kernel inherits, so a report must come from this execution;
* :class:`KeyComparison` (after ``Execute`` and ``LimitOutput``, before ``SaveAutoGrades``) reads
  each hidden test cell's report, compares it with ``keys/<assignment>.json`` and replaces the
  cell's outputs with the verdict, which is what nbgrader then scores. A missing, malformed,
  duplicated, foreign or wrong report fails the cell; anything else the cell printed (warnings on
  stderr included) does not count. A missing key fails the whole notebook with a clear error.

So ``crmlab autograde``, plain ``nbgrader autograde`` and the formgrader's Autograde button all
grade the same way: the student's kernel only ever reports values; it never decides a grade.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from nbformat import NotebookNode
from traitlets import Unicode

from crmlab.checks._report import NONCE_VARIABLE, REPORT_MIME
from crmlab.course.compare import compare
from crmlab.course.keys import AnswerKeyError, load_key

try:  # nbgrader is an instructor-side dependency
    from nbgrader.preprocessors import NbGraderPreprocessor
except ImportError:  # pragma: no cover
    from nbconvert.preprocessors import Preprocessor as NbGraderPreprocessor

PASS_TEXT = "✓ {question}: correct ({points:g} of {points:g} points)\n"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"


def is_test_cell(cell: NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def reports_in(cell: NotebookNode) -> list[dict[str, Any]]:
    """The crmlab reports among a cell's outputs."""
    found = []
    for out in cell.get("outputs", []):
        if out.get("output_type") in ("display_data", "execute_result") and REPORT_MIME in out.get("data", {}):
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


def judge(cell: NotebookNode, entry: dict[str, Any], assignment: str, nonce: str | None) -> tuple[bool, str]:
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
    if passed:
        return [NotebookNode(output_type="stream", name="stdout", text=PASS_TEXT.format(question=question, points=points))]
    message = f"{question}: incorrect ({reason})" if reason else f"{question}: incorrect"
    return [NotebookNode(output_type="error", ename="Incorrect", evalue=message, traceback=[f"✗ {message}"])]


class GradingNonce(NbGraderPreprocessor):
    """Draw a per-run nonce that the student's kernel inherits (reports must carry it)."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        nonce = secrets.token_hex(16)
        os.environ[NONCE_VARIABLE] = nonce
        resources["crmlab_nonce"] = nonce
        return nb, resources


class KeyComparison(NbGraderPreprocessor):
    """Score hidden test cells by comparing their reports with the answer key."""

    keys_directory = Unicode("keys", help="Folder of the answer keys (<assignment>.json)").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        info = resources.get("nbgrader", {})
        assignment = info.get("assignment")
        notebook = info.get("notebook")
        os.environ.pop(NONCE_VARIABLE, None)
        key = load_key(Path(self.keys_directory), assignment)  # raises when missing: fail closed
        cells_key = key["notebooks"].get(notebook)
        if cells_key is None:
            raise AnswerKeyError(f"the key of {assignment} has no notebook {notebook!r}; regenerate it with crmlab generate")
        nonce = resources.get("crmlab_nonce")
        seen: set[str] = set()
        for cell in nb.cells:
            if not is_test_cell(cell):
                continue
            grade_id = cell.metadata.nbgrader["grade_id"]
            entry = cells_key["cells"].get(grade_id)
            if entry is None:
                raise AnswerKeyError(
                    f"test cell {grade_id!r} of {assignment}/{notebook} has no entry in the key; "
                    "regenerate the key with crmlab generate"
                )
            if grade_id in seen:  # nbgrader deduplicates ids; a second copy never scores
                passed, reason = False, "duplicated test cell"
            else:
                passed, reason = judge(cell, entry, assignment, nonce)
            seen.add(grade_id)
            points = float(cell.metadata.nbgrader.get("points", 0))
            failed_check = check_message(cell)
            cell.metadata["crmlab"] = {
                "question": entry["question"],
                "passed": passed,
                "reason": reason,
                "check": failed_check[1] if failed_check and failed_check[0] == entry["question"] else None,
            }
            cell.outputs = verdict_outputs(passed, entry["question"], points, reason)
        return nb, resources


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


def dumps_key(key: dict[str, Any]) -> str:
    return json.dumps(key, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
