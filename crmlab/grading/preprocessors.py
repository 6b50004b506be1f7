"""Every nbgrader preprocessor of crmlab's grading (they run in the grader's own process).

Two are registered in ``nbgrader_config.py``, so ``crmlab autograde``, plain ``nbgrader
autograde`` and the formgrader's Autograde button all grade the same way:

* :class:`GradingNonce` (before ``Execute``) draws a random nonce for this run and puts it in the
  environment the student's kernel inherits, so a report must come from this execution;
* :class:`KeyComparison` (after ``Execute`` and ``LimitOutput``, before ``SaveAutoGrades``) reads
  each hidden test cell's report, compares it with ``keys/<assignment>.json`` and replaces the
  cell's outputs with the verdict, which is what nbgrader then scores. A missing, malformed,
  duplicated, foreign or wrong report fails the cell; anything else the cell printed (warnings on
  stderr included) does not count. A missing key fails the whole notebook with a clear error. The
  rules are those of :mod:`crmlab.grading.contract`.

Three more make a run sandboxed; a ``crmlab autograde`` worker puts them in place of nbgrader's
``Execute`` (:func:`grading_preprocessors`):

* :class:`InsertCanaries` adds after every test cell a canary cell that must fail;
* :class:`SandboxExecute` runs the notebook in the ``crmlab-sandbox`` kernel over IPC, caps the
  output it accepts and turns a kernel that dies into a stopped notebook;
* :class:`CheckCanaries` removes the canaries and records tripwires and stops.

The student's kernel only ever reports values; it never decides a grade.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from pathlib import Path
from typing import Any

from nbformat import NotebookNode
from traitlets import Integer, Unicode

from crmlab.checks._report import NONCE_VARIABLE
from crmlab.grading.contract import (
    check_message,
    is_test_cell,
    judge,
    stopped_output,
    verdict_outputs,
)
from crmlab.grading.keys import AnswerKeyError, load_key
from crmlab.grading.sandbox import describe_exit

try:  # nbgrader is an instructor-side dependency
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from nbgrader.preprocessors import Execute, NbGraderPreprocessor
except ImportError:  # pragma: no cover
    Execute = object  # type: ignore[misc,assignment]
    CellTimeoutError = DeadKernelError = RuntimeError  # type: ignore[misc,assignment]
    try:
        from nbconvert.preprocessors import Preprocessor as NbGraderPreprocessor
    except ImportError:
        NbGraderPreprocessor = object  # type: ignore[misc,assignment]

# what SandboxExecute raises when the kernel never started: the machinery failed, not the student
START_FAILED = "crmlab: the kernel did not start"


# --------------------------------------------------------------------------------------------
# the key comparison (registered in nbgrader_config.py)


class GradingNonce(NbGraderPreprocessor):
    """Draw a per-run nonce that the student's kernel inherits (reports must carry it)."""

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        nonce = secrets.token_hex(16)
        os.environ[NONCE_VARIABLE] = nonce
        resources["crmlab_nonce"] = nonce
        return nb, resources


class KeyComparison(NbGraderPreprocessor):
    """Score hidden test cells by comparing their reports with the answer key."""

    keys_directory = Unicode("keys", help="Folder of the answer keys (<assignment>.json)").tag(
        config=True
    )

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        info = resources.get("nbgrader", {})
        assignment = info.get("assignment")
        notebook = info.get("notebook")
        os.environ.pop(NONCE_VARIABLE, None)
        key = load_key(Path(self.keys_directory), assignment)  # raises when missing: fail closed
        cells_key = key["notebooks"].get(notebook)
        if cells_key is None:
            raise AnswerKeyError(
                f"the key of {assignment} has no notebook {notebook!r}; regenerate it with crmlab generate"
            )
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
                "check": failed_check[1]
                if failed_check and failed_check[0] == entry["question"]
                else None,
            }
            cell.outputs = verdict_outputs(passed, entry["question"], points, reason)
        return nb, resources


# --------------------------------------------------------------------------------------------
# the sandboxed run (put in place of nbgrader's Execute by the worker)


def _message_size(content: dict[str, Any]) -> int:
    """A cheap estimate of the bytes an IOPub message adds to the notebook."""
    size = 0
    for key in ("text", "evalue"):
        value = content.get(key)
        if isinstance(value, str):
            size += len(value)
    for value in (content.get("data") or {}).values():
        size += len(value) if isinstance(value, str) else len(json.dumps(value, default=str))
    for line in content.get("traceback") or []:
        size += len(line) if isinstance(line, str) else 0
    return size + 64


class SandboxExecute(Execute):  # type: ignore[misc,valid-type]
    """nbgrader's ``Execute`` for student code that may be hostile.

    * the kernel talks over IPC sockets in ``runtime_dir`` (the sandbox has no network);
    * at most ``max_output_bytes`` of output are accepted; past that the kernel is killed, so a
      flood cannot exhaust the grader (nbgrader's ``LimitOutput`` only trims afterwards);
    * a kernel that dies, or does not stop when interrupted, stops this notebook: the cell gets
      a ``GradingStopped`` error naming the reason and every later cell is marked not run, so
      the tests after it fail and the cells before it keep their verdicts.
    """

    runtime_dir = Unicode(
        "", help="Folder for the kernel's connection file and IPC sockets; empty: TCP"
    ).tag(config=True)
    max_output_bytes = Integer(8 * 2**20, help="Output accepted from one notebook, in bytes").tag(
        config=True
    )

    def preprocess(
        self, nb: NotebookNode, resources: Any = None, km: Any = None
    ) -> tuple[NotebookNode, Any]:
        self._crmlab_output = 0
        self._crmlab_stop: str | None = None
        self._crmlab_stopped: str | None = None
        self._crmlab_started = False
        try:
            nb, resources = super().preprocess(nb, resources, km)
        except Exception as exc:
            if not self._crmlab_started:  # the grading machinery failed, not the student
                raise RuntimeError(f"{START_FAILED}: {exc}") from exc
            raise
        resources["crmlab_stopped"] = self._crmlab_stopped
        return nb, resources

    def create_kernel_manager(self) -> Any:
        km = super().create_kernel_manager()
        if self.runtime_dir:
            name = f"kernel-{secrets.token_hex(6)}"
            km.transport = "ipc"
            km.connection_file = os.path.join(self.runtime_dir, f"{name}.json")
            km.ip = os.path.join(self.runtime_dir, name)
        return km

    def preprocess_cell(
        self, cell: NotebookNode, resources: Any, index: int
    ) -> tuple[NotebookNode, Any]:
        self._crmlab_started = True
        if cell.cell_type != "code":
            return cell, resources
        if self._crmlab_stopped:
            cell.outputs = [stopped_output(self._crmlab_stopped, ran=False)]
            return cell, resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except (DeadKernelError, CellTimeoutError) as exc:
            if self._crmlab_stop:
                reason = self._crmlab_stop
            elif isinstance(exc, CellTimeoutError):
                reason = "a cell did not stop when interrupted after the time limit"
            else:
                reason = f"the kernel stopped: {describe_exit(self._kernel_returncode())}"
            self._kill_kernel()
            self._crmlab_stopped = reason
            cell.outputs.append(stopped_output(reason, ran=True))
            return cell, resources

    def process_message(self, msg: dict[str, Any], cell: NotebookNode, cell_index: int) -> Any:
        if msg.get("msg_type") not in ("status", "execute_input"):
            self._crmlab_output += _message_size(msg.get("content", {}))
            if self._crmlab_output > self.max_output_bytes:
                if not self._crmlab_stop:
                    self._crmlab_stop = f"the notebook printed more than {self.max_output_bytes // 2**20} MiB of output"
                    self._kill_kernel()
                return None
        return super().process_message(msg, cell, cell_index)

    def _kernel_process(self) -> Any:
        provisioner = getattr(self.km, "provisioner", None)
        return getattr(provisioner, "process", None)

    def _kernel_returncode(self) -> int | None:
        process = self._kernel_process()
        if process is None:
            return None
        with contextlib.suppress(Exception):
            return process.wait(timeout=2)
        return None

    def _kill_kernel(self) -> None:
        process = self._kernel_process()
        if process is not None:
            with contextlib.suppress(Exception):
                process.kill()


class InsertCanaries(NbGraderPreprocessor):  # type: ignore[misc,valid-type]
    """Tripwire: after every test cell, a canary cell that must fail.

    If a canary's error does not show, something in the student's code suppresses errors or
    rewrites cells; :class:`CheckCanaries` removes the canaries and records what happened. The
    grade never depends on it (the key comparison decides); the audit reports it for review.
    """

    def preprocess(self, nb: NotebookNode, resources: Any) -> tuple[NotebookNode, Any]:
        import nbformat

        token = secrets.token_hex(8)
        a = secrets.randbelow(10**6)
        b = a + 1 + secrets.randbelow(1000)
        resources["crmlab_canary"] = token
        cells = []
        for cell in nb.cells:
            cells.append(cell)
            if is_test_cell(cell):
                canary = nbformat.v4.new_code_cell(f"assert {a} == {b}, {token!r}")
                canary.metadata["crmlab_canary"] = cell.metadata["nbgrader"].get("grade_id", "")
                cells.append(canary)
        nb.cells = cells
        return nb, resources


class CheckCanaries(NbGraderPreprocessor):  # type: ignore[misc,valid-type]
    """Remove the canaries and record tripwires and stops in ``nb.metadata["crmlab"]``."""

    def preprocess(self, nb: NotebookNode, resources: Any) -> tuple[NotebookNode, Any]:
        token = resources.get("crmlab_canary")
        stopped = resources.get("crmlab_stopped")
        tripwires, cells = [], []
        for cell in nb.cells:
            after = cell.get("metadata", {}).get("crmlab_canary")
            if after is None:
                cells.append(cell)
                continue
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            if any(o.get("ename") == "GradingStopped" for o in errors):
                continue
            if not any(token and token in str(o.get("evalue", "")) for o in errors):
                tripwires.append(
                    {
                        "kind": "canary",
                        "after": after,
                        "detail": "the canary after this test cell did not fail: errors are suppressed or cells rewritten",
                    }
                )
        nb.cells = cells
        info = nb.metadata.setdefault("crmlab", {})
        info["tripwires"] = tripwires
        info["stopped"] = stopped
        return nb, resources


def grading_preprocessors(preprocessors: list[Any]) -> list[Any]:
    """The course's autograde preprocessors with the sandboxed ``Execute`` and the canaries."""
    out: list[Any] = []
    replaced = False
    for pp in preprocessors:
        name = pp if isinstance(pp, str) else f"{pp.__module__}.{pp.__qualname__}"
        is_execute = name.rsplit(".", 1)[-1] == "Execute" or (
            isinstance(pp, type) and issubclass(pp, Execute)
        )
        if is_execute and not replaced:
            out += [InsertCanaries, SandboxExecute, CheckCanaries]
            replaced = True
        else:
            out.append(pp)
    if not replaced:
        raise ValueError(
            "nbgrader_config.py: Autograde.autograde_preprocessors has no Execute step"
        )
    return out
