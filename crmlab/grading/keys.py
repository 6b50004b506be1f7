"""Answer keys: built by running the solution notebooks once on the instructor's side.

``keys/<assignment>.json`` holds, for every hidden test cell (by nbgrader grade id), the question
it grades, the value the solution reported (serialised) and how to compare (``options`` of the
``report`` call). It lives outside ``solutions/<assignment>/`` and ``exercises/`` because nbgrader
copies the whole source folder into releases and into every student's grading folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import nbformat

from crmlab.checks._report import NONCE_VARIABLE, REPORT_MIME
from crmlab.grading.contract import is_test_cell

KEY_FORMAT = 1


class AnswerKeyError(RuntimeError):
    """A key is missing, unreadable or does not fit the assignment: grading stops (fails closed)."""


def key_path(keys_dir: Path, assignment: str) -> Path:
    """``keys_dir/<assignment>.json``."""
    return Path(keys_dir) / f"{assignment}.json"


def dumps_key(key: dict[str, Any]) -> str:
    """A key as ``keys/<assignment>.json`` holds it: sorted, indented JSON, non-ASCII kept.

    >>> print(dumps_key({"format": 1, "assignment": "05_abc", "notebooks": {}}), end="")
    {
     "assignment": "05_abc",
     "format": 1,
     "notebooks": {}
    }
    """
    return json.dumps(key, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load_key(keys_dir: Path, assignment: str | None) -> dict[str, Any]:
    """Read the key of ``assignment``; raise :class:`AnswerKeyError` when it is missing or broken."""
    if not assignment:
        raise AnswerKeyError("no assignment name given to the key comparison")
    path = key_path(keys_dir, assignment)
    if not path.is_file():
        raise AnswerKeyError(
            f"no answer key for {assignment} at {path}: run `crmlab generate {assignment}` first; "
            "nothing was graded"
        )
    try:
        key = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnswerKeyError(
            f"the answer key {path} cannot be read ({exc}); nothing was graded"
        ) from exc
    if (
        key.get("format") != KEY_FORMAT
        or key.get("assignment") != assignment
        or "notebooks" not in key
    ):
        raise AnswerKeyError(f"the answer key {path} is not a crmlab key for {assignment}")
    return key


def execute_notebook(path: Path, timeout: int = 120) -> nbformat.NotebookNode:
    """Run a notebook in a scratch copy of its folder and return it with outputs."""
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory(prefix="crmlab-key-") as tmp:
        work = Path(tmp) / path.parent.name
        shutil.copytree(path.parent, work)
        nb = nbformat.read(work / path.name, as_version=4)
        previous = os.environ.pop(NONCE_VARIABLE, None)
        try:
            NotebookClient(
                nb,
                timeout=timeout,
                kernel_name="python3",
                resources={"metadata": {"path": str(work)}},
            ).execute()
        finally:
            if previous is not None:
                os.environ[NONCE_VARIABLE] = previous
    return nb


def key_from_executed(nb: nbformat.NotebookNode, assignment: str, name: str) -> dict[str, Any]:
    """Collect the reports of an executed solution notebook into key entries."""
    cells: dict[str, Any] = {}
    for index, cell in enumerate(nb.cells):
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            raise AnswerKeyError(
                f"{assignment}/{name}: cell {index} of the solution raised {errors[0].get('ename')}: "
                f"{errors[0].get('evalue')}; the solution must pass its own checks"
            )
        if not is_test_cell(cell):
            continue
        grade_id = cell.metadata.nbgrader["grade_id"]
        reports = [
            o["data"][REPORT_MIME]
            for o in cell.get("outputs", [])
            if o.get("output_type") in ("display_data", "execute_result")
            and REPORT_MIME in o.get("data", {})
        ]
        if len(reports) != 1:
            raise AnswerKeyError(
                f"{assignment}/{name}: test cell {grade_id!r} reported {len(reports)} values; "
                "every test cell must call report() exactly once in its hidden tests"
            )
        report = reports[0]
        if "error" in report:
            raise AnswerKeyError(f"{assignment}/{name}: test cell {grade_id!r}: {report['error']}")
        if report.get("assignment") != assignment:
            raise AnswerKeyError(
                f"{assignment}/{name}: test cell {grade_id!r} reports for {report.get('assignment')!r}"
            )
        cells[grade_id] = {
            "question": report["question"],
            "value": report["value"],
            "options": report.get("options", {}),
            "points": float(cell.metadata.nbgrader.get("points", 0)),
        }
    questions = [c["question"] for c in cells.values()]
    if len(set(questions)) != len(questions):
        raise AnswerKeyError(
            f"{assignment}/{name}: a question is reported by two test cells: {questions}"
        )
    return {"cells": cells}


def build_key(source_dir: Path, assignment: str) -> dict[str, Any]:
    """Run every notebook of ``source_dir`` (``solutions/<assignment>``) and build its key."""
    notebooks = sorted(Path(source_dir).glob("*.ipynb"))
    if not notebooks:
        raise AnswerKeyError(f"no notebooks in {source_dir}")
    key: dict[str, Any] = {
        "format": KEY_FORMAT,
        "assignment": assignment,
        "notebooks": {},
        "sources": {},
    }
    for path in notebooks:
        executed = execute_notebook(path)
        key["notebooks"][path.stem] = key_from_executed(executed, assignment, path.stem)
        key["sources"][path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return key
