"""The grading worker: a process that grades one student at a time, and its line protocol.

``crmlab autograde`` starts N workers (``python -m crmlab.grading.worker RUN_JSON SLOT``, with
``run.json`` holding the :class:`RunConfig` every worker of the run shares). Each runs under a
memory limit and grades one student at a time (:meth:`_Worker.grade`): a scratch course of that
student alone (the template gradebook, the one submission, brought in line with the release by
:func:`canonicalize`), nbgrader's autograde in-process with the course's ``nbgrader_config.py``
plus the sandbox (:func:`crmlab.grading.preprocessors.grading_preprocessors`), and every kernel
it started killed afterwards. It also grades the assignment's solution for the preflight
(:meth:`_Worker.preflight`).

The protocol (:func:`worker_main` on the worker's side, :class:`WorkerProcess` on the parent's):
after start-up the worker writes one line ``{"ready": true}``; then, for every line of JSON
``{"student": ..., "extension": seconds}`` (or ``{"student": ..., "preflight": true}``) on its
stdin, one line of JSON with the result: ``ok`` with the gradebook entries and the autograded
folder, ``stopped`` (the submission gets 0 automatically, with the reason) or ``failed`` (the
machinery failed: the student is not graded), ``recycle`` when the next student must start in a
fresh process, ``retry`` when the kernel did not start. Anything else the worker or nbgrader
prints goes to stderr (the worker's log), never into the protocol.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import secrets
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat import NotebookNode

from crmlab.course.manifest import release_dir
from crmlab.grading.contract import is_test_cell, summarise
from crmlab.grading.gradebook import (
    COURSE_ID,
    copy_files,
    gradebook_entries,
    load_course_config,
    quiet_nbgrader,
)
from crmlab.grading.preprocessors import START_FAILED, grading_preprocessors
from crmlab.grading.sandbox import (
    KERNEL_NAME,
    SETTINGS_ENV,
    UID_BASE,
    Limits,
    SandboxSettings,
    describe_exit,
    package_binds,
)

WORKER_MEMORY = 4096 * 2**20  # address space of one grading worker (the grader's side)
PREFLIGHT_STUDENT = "crmlab-preflight"  # the solution, graded before any student (never a real id)


@dataclass
class RunConfig:
    """What every worker of a run needs (written to ``run.json``)."""

    root: str
    assignment: str
    run_dir: str
    isolation: str
    bwrap: str | None
    as_root: bool
    limits: dict[str, int]
    cell_timeout: int


# --------------------------------------------------------------------------------------------
# the worker process: one student at a time


def _grade_id(cell: Any) -> str | None:
    """The nbgrader grade id of a cell, or None (also for malformed metadata)."""
    meta = cell.get("metadata", {}).get("nbgrader")
    gid = meta.get("grade_id") if isinstance(meta, dict) else None
    return gid if isinstance(gid, str) else None


def canonicalize(path: Path, release_path: Path) -> list[str]:
    """Bring a submitted notebook's nbgrader cells in line with the release, in place.

    nbgrader aborts a student's whole notebook on a cell id it does not know and on some deleted
    cells (its ``add_missing_cells`` needs the previous locked cell), and a duplicated id can
    abort a batch. So, before nbgrader sees it: cells with an unknown grade id, and later copies
    of a known one, lose their nbgrader metadata (they stay as ordinary cells); every nbgrader
    cell of the release that is missing (the setup cell included) is put back from the release
    after the nearest release cell before it. The student's own extra cells keep their places.
    Returns what was changed (empty for an untouched notebook, which is then not rewritten).
    """
    import nbformat

    nb = nbformat.read(path, as_version=4)
    release = nbformat.read(release_path, as_version=4)
    order = [gid for gid in (_grade_id(c) for c in release.cells) if gid]
    known = {_grade_id(c): c for c in release.cells if _grade_id(c)}
    changes: list[str] = []
    seen: set[str] = set()
    for cell in nb.cells:
        gid = _grade_id(cell)
        if gid is None and "nbgrader" in cell.get("metadata", {}):
            cell.metadata.pop("nbgrader")
            changes.append("a cell with malformed nbgrader metadata became an ordinary cell")
        elif gid is not None and (gid not in known or gid in seen):
            cell.metadata.pop("nbgrader")
            changes.append(
                f"cell {gid!r} ({'duplicate' if gid in seen else 'unknown id'}) became an ordinary cell"
            )
        elif gid is not None:
            seen.add(gid)
    last = -1
    for gid in order:
        where = next((i for i, c in enumerate(nb.cells) if _grade_id(c) == gid), None)
        if where is None:
            cell = nbformat.from_dict(copy.deepcopy(known[gid]))
            if nb.nbformat_minor >= 5:
                cell["id"] = f"crmlab-{secrets.token_hex(6)}"
            else:
                cell.pop("id", None)
            if cell.get("cell_type") == "code":
                cell.outputs, cell.execution_count = [], None
            nb.cells.insert(last + 1, cell)
            changes.append(f"missing cell {gid!r} put back from the release")
            where = last + 1
        last = where
    if changes:
        nbformat.write(nb, path)
    return changes


class _Worker:
    """State of a worker process (see :func:`worker_main`)."""

    def __init__(self, config: RunConfig, slot: int) -> None:
        self.config = config
        self.slot = slot
        self.root = Path(config.root)
        self.run_dir = Path(config.run_dir)
        self.base_config = load_course_config(self.root)
        os.environ["JUPYTER_PATH"] = str(self.run_dir / "jupyter")

    def grade(
        self, student: str, extension: float = 0.0, source: Path | None = None
    ) -> dict[str, Any]:
        """Grade one submission (``source``: another folder than ``submitted/<student>/<a>``)."""
        from nbgrader.converters import Autograde
        from nbgrader.coursedir import CourseDirectory

        cfg = self.config
        scratch = self.run_dir / "work" / student
        shutil.rmtree(scratch, ignore_errors=True)
        course = scratch / "course"
        (course / "submitted" / student).mkdir(parents=True)
        shutil.copyfile(self.run_dir / "template" / "gradebook.db", course / "gradebook.db")
        if extension:  # the course gradebook granted more time: late penalties must see it
            from nbgrader.api import Gradebook

            with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id=COURSE_ID) as gb:
                gb.add_student(student)
                gb.add_submission(
                    cfg.assignment, student, extension=dt.timedelta(seconds=extension)
                )
        submitted = (
            source if source is not None else self.root / "submitted" / student / cfg.assignment
        )
        copy_files(submitted, course / "submitted" / student / cfg.assignment)
        timestamp = submitted / "timestamp.txt"
        if timestamp.is_file():
            shutil.copyfile(
                timestamp, course / "submitted" / student / cfg.assignment / "timestamp.txt"
            )
        copy_files(
            self.root / "solutions" / cfg.assignment,
            course / "solutions" / cfg.assignment,
            skip_notebooks=True,
        )
        for path in sorted((course / "submitted" / student / cfg.assignment).glob("*.ipynb")):
            release = release_dir(self.root) / cfg.assignment / path.name
            if release.is_file():
                canonicalize(path, release)
        box = scratch / "sandbox"
        for sub in ("work", "home"):
            (box / sub).mkdir(parents=True)
        # IPC socket paths must stay short (108 bytes on Linux): the runtime folder lives in /tmp
        runtime = Path(tempfile.mkdtemp(prefix="crmlab-run-"))
        settings = SandboxSettings(
            mode=cfg.isolation,
            python=sys.executable,
            work=str(box / "work"),
            home=str(box / "home"),
            log=str(box / "kernel.log"),
            bwrap=cfg.bwrap,
            uid=UID_BASE + self.slot if cfg.as_root and cfg.isolation == "bubblewrap" else None,
            limits=Limits(**cfg.limits),
        )
        os.environ[SETTINGS_ENV] = str(settings.write(box / "settings.json"))

        c = copy.deepcopy(self.base_config)
        c.CourseDirectory.root = str(course)
        c.CourseDirectory.assignment_id = cfg.assignment
        c.CourseDirectory.student_id = student
        c.Autograde.create_student = True
        c.Autograde.autograde_preprocessors = grading_preprocessors(
            list(c.Autograde.autograde_preprocessors)
        )
        c.SandboxExecute.kernel_name = KERNEL_NAME
        c.SandboxExecute.timeout = cfg.cell_timeout
        c.SandboxExecute.max_output_bytes = settings.limits.output_bytes
        c.SandboxExecute.runtime_dir = str(runtime) if os.name == "posix" else ""

        log_path = scratch / "nbgrader.log"
        error = ""
        import logging

        coursedir = CourseDirectory(config=c)
        app = Autograde(coursedir=coursedir, config=c)
        handler = logging.FileHandler(log_path, encoding="utf-8")
        handler.setLevel(logging.WARNING)
        app.log.addHandler(handler)
        cwd = os.getcwd()
        try:
            app.start()
        except BaseException as exc:  # nbgrader may even call sys.exit
            error = f"{type(exc).__name__}: {exc}".strip()
        finally:
            app.log.removeHandler(handler)
            handler.close()
            os.chdir(cwd)
            _kill_children()  # no kernel of this student survives into the next one
            shutil.rmtree(runtime, ignore_errors=True)
        log_text = (
            log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
        )
        result: dict[str, Any] = {"student": student, "ok": False, "scratch": str(scratch)}
        if START_FAILED in log_text or START_FAILED in error:
            logs = Path(cfg.run_dir) / "logs" / f"{student}.log"
            why = next(
                (
                    ln.split(START_FAILED, 1)[1].strip(" :")
                    for ln in log_text.splitlines() + [error]
                    if START_FAILED in ln
                ),
                "",
            )
            result["failed"] = (
                f"the sandboxed kernel did not start ({why[:200] or 'no reason given'}); see {logs}"
            )
            result["recycle"] = result["retry"] = True
            return result
        autograded = course / "autograded" / student / cfg.assignment
        notebooks = sorted(autograded.glob("*.ipynb")) if autograded.is_dir() else []
        if error or not notebooks:
            tail = [ln for ln in log_text.splitlines() if ln.strip()][-3:]
            result["stopped"] = "nbgrader could not grade the notebook: " + (
                error or " / ".join(tail) or "no output"
            )
            result["recycle"] = True
            return result
        import nbformat

        stops, tripwires = [], []
        for path in notebooks:
            meta = nbformat.read(path, as_version=4).metadata.get("crmlab", {})
            if meta.get("stopped"):
                stops.append(meta["stopped"])
            tripwires += meta.get("tripwires", [])
        result.update(
            ok=True,
            autograded=str(autograded),
            stopped_in_notebook=stops[0] if stops else "",
            tripwires=len(tripwires),
            entries=gradebook_entries(
                f"sqlite:///{course / 'gradebook.db'}", cfg.assignment, student
            ),
        )
        return result

    def preflight(self) -> dict[str, Any]:
        """Grade the assignment's solution as a submission; report what it earned and why not.

        The result has ``preflight``: the automatic points earned and possible, the questions
        that failed and the first error the solution's notebook met (e.g. an import error in
        the setup cell), for :func:`crmlab.grading.autograde.preflight_problem` to judge.
        """
        import nbformat

        source = self.root / "solutions" / self.config.assignment
        result = self.grade(PREFLIGHT_STUDENT, source=source)
        earned = possible = 0.0
        failed: list[str] = []
        reasons: list[str] = []
        first_error = ""
        for path in sorted(Path(result["autograded"]).glob("*.ipynb")) if result.get("ok") else []:
            nb = nbformat.read(path, as_version=4)
            for row in summarise(nb):
                if row["auto"]:
                    possible += row["points"]
                    if row["passed"]:
                        earned += row["points"]
                    else:
                        failed.append(row["question"])
            reasons += _verdict_reasons(nb)
            if not first_error:
                first_error = _first_error(nb)
        for (
            host,
            inside,
        ) in package_binds():  # say where the instructor finds it, not the sandbox's path
            first_error = first_error.replace(inside, host)
        result["preflight"] = {
            "earned": earned,
            "possible": possible,
            "failed": failed,
            "error": first_error,
            "reasons": reasons,
        }
        return result


def _first_error(nb: NotebookNode) -> str:
    """``"cell N: Name: message"`` of the first error outside the test cells, or ``""``.

    (The test cells' own outputs are the grader's verdicts: see :func:`_verdict_reasons`.)
    """
    for number, cell in enumerate(nb.cells, start=1):
        if cell.get("cell_type") != "code" or is_test_cell(cell):
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                where = f"cell {gid!r}" if gid else f"cell {number}"
                value = " ".join(str(out.get("evalue", "")).split())[:200]
                return f"{where}: {out.get('ename', 'Error')}: {value}".rstrip(": ")
    return ""


def _verdict_reasons(nb: NotebookNode) -> list[str]:
    """Why each failed test cell failed, as the grader wrote it (``"q1: incorrect (...)"``)."""
    return [
        str(out.get("evalue", ""))
        for cell in nb.cells
        if is_test_cell(cell)
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]


def _kill_children() -> None:
    """Kill every process this worker started that is still running (Linux; kernels are its
    children, and bubblewrap takes the whole sandbox down with it)."""
    me = str(os.getpid())
    proc = Path("/proc")
    if not proc.is_dir():
        return
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[1] == me:
            with contextlib.suppress(OSError):
                os.kill(int(entry.name), signal.SIGKILL)


def _faster_nbgrader() -> None:
    """Check nbgrader's cell-metadata schema once per worker instead of on every cell.

    nbgrader validates each cell with ``jsonschema.validate``, which re-checks the schema itself
    every time (a third of a second per notebook). Same validator, same errors, once.
    """
    import jsonschema
    from nbgrader.nbgraderformat import common

    validators: dict[str, Any] = {}

    def validate(instance: Any, schema: Any) -> None:
        key = json.dumps(schema, sort_keys=True, default=str)
        validator = validators.get(key)
        if validator is None:
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = validators[key] = cls(schema)
        error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error

    class _Jsonschema:
        pass

    shim = _Jsonschema()
    shim.validate = validate  # type: ignore[attr-defined]
    common.jsonschema = shim  # type: ignore[assignment]


def worker_main(argv: list[str]) -> int:
    """``python -m crmlab.grading.worker RUN_JSON SLOT``: grade students read on stdin.

    Protocol (see the module's docstring): after start-up the worker writes ``{"ready": true}``;
    then, for every line ``{"student": ...}`` on stdin, one line of JSON with the result.
    Anything else the worker or nbgrader prints goes to stderr (the worker's log), never into the
    protocol.
    """
    run_json, slot = argv[0], int(argv[1])
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    quiet_nbgrader()
    _faster_nbgrader()
    config = RunConfig(**json.loads(Path(run_json).read_text(encoding="utf-8")))
    worker = _Worker(config, slot)
    protocol.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        job = json.loads(line)
        try:
            if job.get("preflight"):
                result = worker.preflight()
            else:
                result = worker.grade(job["student"], float(job.get("extension") or 0.0))
        except Exception as exc:  # the machinery failed: report it, never guess a grade
            traceback.print_exc()
            result = {
                "student": job["student"],
                "ok": False,
                "failed": f"{type(exc).__name__}: {exc}",
            }
        protocol.write(json.dumps(result) + "\n")
    return 0


# --------------------------------------------------------------------------------------------
# the parent's side: a worker subprocess and its line protocol


class WorkerStartFailed(RuntimeError):
    """A grading worker could not be started (the machinery failed, not the student)."""


class WorkerGone(RuntimeError):
    """The worker process ended (or closed its pipes) before it answered."""


class WorkerProcess:
    """A worker subprocess and its line protocol (the parent's side of :func:`worker_main`)."""

    def __init__(
        self, run_json: Path, slot: int, root: Path, log: Path, env: dict[str, str]
    ) -> None:
        self.slot = slot
        self.log_path = log
        self.log = open(log, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "crmlab.grading.worker", str(run_json), str(slot)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            cwd=root,
            env=env,
            start_new_session=True,
        )
        self.buffer = b""
        self.jobs = 0

    def wait_ready(self, timeout: float = 300) -> None:
        """Wait for the worker's ``{"ready": true}``; if it does not come, kill the worker and
        raise :class:`WorkerStartFailed`."""
        try:
            ready = self.read(timeout=timeout).get("ready")
        except (TimeoutError, WorkerGone, ValueError) as exc:
            self.kill()
            raise WorkerStartFailed(
                f"the grading worker did not start ({exc or 'no answer'}); see {self.log_path}"
            ) from exc
        if not ready:
            self.kill()
            raise WorkerStartFailed(f"the grading worker did not start; see {self.log_path}")

    def read(self, timeout: float) -> dict[str, Any]:
        """The next line of the protocol, as JSON; :class:`TimeoutError` after ``timeout`` s,
        :class:`WorkerGone` when the worker ended."""
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while b"\n" not in self.buffer:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                if not sel.select(left):
                    continue
                chunk = os.read(fd, 65536)
                if not chunk:
                    code = self.proc.wait()
                    raise WorkerGone(describe_exit(code).replace("it ", "the grading process ", 1))
                self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return json.loads(line)

    def send_preflight(self) -> None:
        """Ask the worker to grade the assignment's solution (:meth:`_Worker.preflight`)."""
        self._write({"student": PREFLIGHT_STUDENT, "preflight": True})

    def send(self, student: str, extension: float = 0.0) -> None:
        """Ask the worker to grade ``student`` (``extension``: seconds granted past the deadline)."""
        self._write({"student": student, "extension": extension})

    def _write(self, job: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write((json.dumps(job) + "\n").encode())
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise WorkerGone(f"the grading process is gone ({exc})") from exc
        self.jobs += 1

    def kill(self) -> None:
        """Kill the worker and everything it started (its process group)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            self.proc.wait(timeout=10)
        self.log.close()

    def close(self) -> None:
        """Let the worker finish (end of its stdin); kill it if it does not within 30 s."""
        with contextlib.suppress(Exception):
            assert self.proc.stdin is not None
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()
        self.log.close()


if __name__ == "__main__":
    if len(sys.argv) == 3:
        sys.exit(worker_main(sys.argv[1:]))
    print(
        "usage: python -m crmlab.grading.worker RUN_JSON SLOT (started by crmlab autograde)",
        file=sys.stderr,
    )
    sys.exit(2)
