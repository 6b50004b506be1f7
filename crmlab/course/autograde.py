"""Autograde a class: nbgrader per submission, in parallel, sandboxed, resumable.

``crmlab autograde ASSIGNMENT [--jobs N] [--timeout SECONDS] [--force] [--unsafe]``

How one run goes (see ``docs/instructor-grading.md``):

1. The answer key must exist (fails closed) and the isolation is decided and announced
   (:func:`crmlab.course.sandbox.choose_isolation`): a bubblewrap sandbox for every kernel, or —
   only with ``--unsafe``, never on CI — none, with a loud warning.
2. Students whose submission and key are unchanged since their last successful grading (a done
   marker in ``.crmlab-grading/<assignment>/done/``) are skipped, so an interrupted run goes on
   where it stopped; ``--force`` regrades everyone.
3. A *preflight* proves the grading environment before any student: the assignment's own
   solution is graded exactly as the students will be (same worker, sandbox, configuration and
   key) and must earn every automatically graded point. If it does not (crmlab not importable
   in the sandbox, a data set missing, a broken configuration), nothing is graded and the run
   stops with the reason: a broken environment never becomes a class of zeros.
4. ``gradebook.db`` is backed up, and a *template* gradebook (the assignment without students) is
   made. N worker processes (each with a memory limit) take one student at a time: a scratch
   course of that student alone (the template gradebook, the one submission), nbgrader's
   autograde in-process with the course's ``nbgrader_config.py`` plus the sandbox: the kernel is
   ``crmlab-sandbox`` over IPC, a canary cell follows every test cell, the output the grader
   accepts is capped, and a kernel that dies stops the notebook instead of the batch.
5. The parent merges each finished student into the course gradebook, one at a time (sqlite has
   one writer): automatic scores and comments are copied per grade cell; manual scores, manual
   comments and extra credit are never touched. Then the autograded notebook is copied into
   ``autograded/`` and only then the done marker is written.
6. A submission whose grading cannot finish (it runs past the time limit, floods the grader, the
   notebook file is unreadable) gets 0 for the automatically graded cells, with the reason in
   the autograded notebook, the done marker and the summary; its written answers still wait for
   manual grading. A failure of the grading machinery itself grades nobody silently: the student
   is reported FAILED and no marker is written.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import hashlib
import json
import os
import queue
import secrets
import selectors
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from nbformat import NotebookNode
from traitlets import Integer, Unicode

from crmlab.course.collect import student_id_problem
from crmlab.course.keys import load_key
from crmlab.course.sandbox import (
    KERNEL_NAME,
    SETTINGS_ENV,
    UID_BASE,
    UNSAFE_WARNING,
    Isolation,
    Limits,
    SandboxSettings,
    choose_isolation,
    describe_exit,
    package_binds,
    write_kernelspec,
)

try:  # nbgrader is an instructor-side dependency
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from nbgrader.preprocessors import Execute, NbGraderPreprocessor
except ImportError:  # pragma: no cover
    Execute = NbGraderPreprocessor = object  # type: ignore[misc,assignment]
    CellTimeoutError = DeadKernelError = RuntimeError  # type: ignore[misc,assignment]

COURSE_ID = "crmlab"
STATE_DIR = ".crmlab-grading"
WORKER_MEMORY = 4096 * 2**20  # address space of one grading worker (the grader's side)
WORKER_RECYCLE = 100  # a worker grades at most this many students, then a fresh one starts
KEEP_BACKUPS = 20
START_FAILED = "crmlab: the kernel did not start"
PREFLIGHT_STUDENT = "crmlab-preflight"  # the solution, graded before any student (never a real id)


class GradingEnvironmentBroken(RuntimeError):
    """The preflight failed: the solution does not earn full marks here, so nothing is graded."""


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


def submitted_students(root: Path, assignment: str) -> list[str]:
    """Students with a ``submitted/<student>/<assignment>/`` folder and a valid id, sorted."""
    base = root / "submitted"
    if not base.is_dir():
        return []
    return sorted(
        p.name for p in base.iterdir()
        if not p.name.startswith(".") and (p / assignment).is_dir() and student_id_problem(p.name) is None
    )


def odd_submissions(root: Path, assignment: str) -> list[str]:
    """Folders under ``submitted/`` holding the assignment whose name is not a valid student id."""
    base = root / "submitted"
    if not base.is_dir():
        return []
    return sorted(
        p.name for p in base.iterdir()
        if not p.name.startswith(".") and (p / assignment).is_dir() and student_id_problem(p.name) is not None
    )


@functools.cache
def _course_config(root: str) -> Any:
    """The course configuration (cached; None when ``nbgrader_config.py`` is missing or broken)."""
    try:
        return _load_course_config(Path(root))
    except Exception:
        return None


def _configured_db_url(root: str) -> str | None:
    config = _course_config(root)
    url = config.CourseDirectory.get("db_url") if config is not None else None
    return str(url) if url else None


def gradebook_url(root: Path) -> str:
    """The course gradebook: ``CourseDirectory.db_url`` of ``nbgrader_config.py`` (e.g. PostgreSQL
    on a hub), else nbgrader's default ``sqlite:///<root>/gradebook.db``."""
    return _configured_db_url(str(Path(root).resolve())) or f"sqlite:///{Path(root).resolve() / 'gradebook.db'}"


def state_dir(root: Path, assignment: str) -> Path:
    """``.crmlab-grading/<assignment>/`` (git-ignored): markers, logs, backups, scratch."""
    return root / STATE_DIR / assignment


def read_marker(root: Path, assignment: str, student: str) -> dict[str, Any] | None:
    path = state_dir(root, assignment) / "done" / f"{student}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


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
            results.append(GradeResult(student, True, float(sub.score), float(sub.max_score),
                                       note=marker.get("note", "")))
    return results


# --------------------------------------------------------------------------------------------
# nbgrader preprocessors of a sandboxed run (put in place of nbgrader's Execute by the worker)


def _is_test_cell(cell: NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def _stopped_output(reason: str, ran: bool) -> NotebookNode:
    what = "stopped while running this cell" if ran else "not run"
    text = f"grading stopped: {reason}"
    return NotebookNode(output_type="error", ename="GradingStopped", evalue=f"{what}: {text}",
                        traceback=[f"✗ {what}: {text}"])


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

    runtime_dir = Unicode("", help="Folder for the kernel's connection file and IPC sockets; empty: TCP").tag(config=True)
    max_output_bytes = Integer(8 * 2**20, help="Output accepted from one notebook, in bytes").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None) -> tuple[NotebookNode, Any]:
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

    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int) -> tuple[NotebookNode, Any]:
        self._crmlab_started = True
        if cell.cell_type != "code":
            return cell, resources
        if self._crmlab_stopped:
            cell.outputs = [_stopped_output(self._crmlab_stopped, ran=False)]
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
            cell.outputs.append(_stopped_output(reason, ran=True))
            return cell, resources

    def process_message(self, msg: dict[str, Any], cell: NotebookNode, cell_index: int) -> Any:
        if msg.get("msg_type") not in ("status", "execute_input"):
            self._crmlab_output += _message_size(msg.get("content", {}))
            if self._crmlab_output > self.max_output_bytes:
                if not self._crmlab_stop:
                    self._crmlab_stop = (
                        f"the notebook printed more than {self.max_output_bytes // 2**20} MiB of output"
                    )
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
            if _is_test_cell(cell):
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
                tripwires.append({"kind": "canary", "after": after,
                                  "detail": "the canary after this test cell did not fail: errors are suppressed or cells rewritten"})
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
        is_execute = name.rsplit(".", 1)[-1] == "Execute" or (isinstance(pp, type) and issubclass(pp, Execute))
        if is_execute and not replaced:
            out += [InsertCanaries, SandboxExecute, CheckCanaries]
            replaced = True
        else:
            out.append(pp)
    if not replaced:
        raise ValueError("nbgrader_config.py: Autograde.autograde_preprocessors has no Execute step")
    return out


# --------------------------------------------------------------------------------------------
# the worker: one process grading one student at a time


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


def _load_course_config(root: Path) -> Any:
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


def _copy_files(source: Path, target: Path, skip_notebooks: bool = False) -> None:
    """Copy the regular files under ``source`` (no links, no hidden files) into ``target``."""
    if not source.is_dir():
        return
    for folder, dirs, files in os.walk(source):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(folder, d))]
        for name in files:
            path = Path(folder) / name
            if name.startswith(".") or path.is_symlink() or not path.is_file():
                continue
            if skip_notebooks and name.endswith(".ipynb"):
                continue
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)


def _gradebook_entries(db_url: str, assignment: str, student: str) -> dict[str, Any]:
    """The grades nbgrader saved for one student (from a scratch gradebook)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id=COURSE_ID) as gb:
        sub = gb.find_submission(assignment, student)
        out: dict[str, Any] = {"timestamp": sub.timestamp.isoformat() if sub.timestamp else None, "notebooks": {}}
        for snb in sub.notebooks:
            out["notebooks"][snb.name] = {
                "late_submission_penalty": snb.late_submission_penalty,
                "grades": {g.name: {"auto_score": g.auto_score, "needs_manual_grade": bool(g.needs_manual_grade)}
                           for g in snb.grades},
                "comments": {c.name: c.auto_comment for c in snb.comments},
            }
    return out


def _grade_id(cell: Any) -> str | None:
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
            changes.append(f"cell {gid!r} ({'duplicate' if gid in seen else 'unknown id'}) became an ordinary cell")
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
        self.base_config = _load_course_config(self.root)
        os.environ["JUPYTER_PATH"] = str(self.run_dir / "jupyter")

    def grade(self, student: str, extension: float = 0.0, source: Path | None = None) -> dict[str, Any]:
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
                gb.add_submission(cfg.assignment, student, extension=dt.timedelta(seconds=extension))
        submitted = source if source is not None else self.root / "submitted" / student / cfg.assignment
        _copy_files(submitted, course / "submitted" / student / cfg.assignment)
        timestamp = submitted / "timestamp.txt"
        if timestamp.is_file():
            shutil.copyfile(timestamp, course / "submitted" / student / cfg.assignment / "timestamp.txt")
        _copy_files(self.root / "solutions" / cfg.assignment, course / "solutions" / cfg.assignment, skip_notebooks=True)
        for path in sorted((course / "submitted" / student / cfg.assignment).glob("*.ipynb")):
            release = self.root / "exercises" / cfg.assignment / path.name
            if release.is_file():
                canonicalize(path, release)
        box = scratch / "sandbox"
        for sub in ("work", "home"):
            (box / sub).mkdir(parents=True)
        # IPC socket paths must stay short (108 bytes on Linux): the runtime folder lives in /tmp
        runtime = Path(tempfile.mkdtemp(prefix="crmlab-run-"))
        settings = SandboxSettings(
            mode=cfg.isolation, python=sys.executable, work=str(box / "work"), home=str(box / "home"),
            log=str(box / "kernel.log"), bwrap=cfg.bwrap,
            uid=UID_BASE + self.slot if cfg.as_root and cfg.isolation == "bubblewrap" else None,
            limits=Limits(**cfg.limits),
        )
        os.environ[SETTINGS_ENV] = str(settings.write(box / "settings.json"))

        c = copy.deepcopy(self.base_config)
        c.CourseDirectory.root = str(course)
        c.CourseDirectory.assignment_id = cfg.assignment
        c.CourseDirectory.student_id = student
        c.Autograde.create_student = True
        c.Autograde.autograde_preprocessors = grading_preprocessors(list(c.Autograde.autograde_preprocessors))
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
        log_text = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
        result: dict[str, Any] = {"student": student, "ok": False, "scratch": str(scratch)}
        if START_FAILED in log_text or START_FAILED in error:
            logs = Path(cfg.run_dir) / "logs" / f"{student}.log"
            why = next((ln.split(START_FAILED, 1)[1].strip(" :") for ln in log_text.splitlines() + [error]
                        if START_FAILED in ln), "")
            result["failed"] = f"the sandboxed kernel did not start ({why[:200] or 'no reason given'}); see {logs}"
            result["recycle"] = result["retry"] = True
            return result
        autograded = course / "autograded" / student / cfg.assignment
        notebooks = sorted(autograded.glob("*.ipynb")) if autograded.is_dir() else []
        if error or not notebooks:
            tail = [ln for ln in log_text.splitlines() if ln.strip()][-3:]
            result["stopped"] = "nbgrader could not grade the notebook: " + (error or " / ".join(tail) or "no output")
            result["recycle"] = True
            return result
        import nbformat

        stops, tripwires = [], []
        for path in notebooks:
            meta = nbformat.read(path, as_version=4).metadata.get("crmlab", {})
            if meta.get("stopped"):
                stops.append(meta["stopped"])
            tripwires += meta.get("tripwires", [])
        result.update(ok=True, autograded=str(autograded), stopped_in_notebook=stops[0] if stops else "",
                      tripwires=len(tripwires),
                      entries=_gradebook_entries(f"sqlite:///{course / 'gradebook.db'}", cfg.assignment, student))
        return result


    def preflight(self) -> dict[str, Any]:
        """Grade the assignment's solution as a submission; report what it earned and why not.

        The result has ``preflight``: the automatic points earned and possible, the questions
        that failed and the first error the solution's notebook met (e.g. an import error in
        the setup cell), for :func:`preflight_problem` to judge.
        """
        import nbformat

        from crmlab.course.grading import summarise

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
        for host, inside in package_binds():  # say where the instructor finds it, not the sandbox's path
            first_error = first_error.replace(inside, host)
        result["preflight"] = {"earned": earned, "possible": possible, "failed": failed, "error": first_error,
                               "reasons": reasons}
        return result


def _first_error(nb: NotebookNode) -> str:
    """``"cell N: Name: message"`` of the first error outside the test cells, or ``""``.

    (The test cells' own outputs are the grader's verdicts: see :func:`_verdict_reasons`.)
    """
    from crmlab.course.grading import is_test_cell

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
    from crmlab.course.grading import is_test_cell

    return [str(out.get("evalue", "")) for cell in nb.cells if is_test_cell(cell)
            for out in cell.get("outputs", []) if out.get("output_type") == "error"]


# failed test cells whose reason is one of these did not get as far as comparing with the key
_NOT_COMPARED = ("the cell raised", "no answer was reported", "a visible check failed", "more than one report",
                 "malformed report", "the report")


def preflight_problem(result: dict[str, Any], assignment: str) -> str | None:
    """None when the solution earned every automatic point, else one line saying why and the fix.

    >>> ok = {"ok": True, "preflight": {"earned": 13.0, "possible": 13.0, "failed": [], "error": ""}}
    >>> preflight_problem(ok, "05_abc") is None
    True
    >>> bad = {"ok": True, "preflight": {"earned": 0.0, "possible": 13.0, "failed": ["q1"],
    ...        "error": "cell 'setup': ModuleNotFoundError: No module named 'crmlab.checks'"}}
    >>> print(preflight_problem(bad, "05_abc"))  # doctest: +NORMALIZE_WHITESPACE
    preflight: the solution of 05_abc earned 0 of 13 automatic points in this grading environment
    (cell 'setup': ModuleNotFoundError: No module named 'crmlab.checks'); nothing was graded.
    Fix: the kernel cannot import crmlab: install crmlab into the environment that runs
    `crmlab autograde` (`pip install -e .` in the course, or the course's wheel), then run again
    """
    info = result.get("preflight")
    if result.get("failed"):
        why, fix = result["failed"], "see the worker and student logs under .crmlab-grading/"
    elif not result.get("ok") or info is None:
        why, fix = result.get("stopped") or "grading stopped", "see the logs under .crmlab-grading/"
    elif info["possible"] > 0 and info["earned"] >= info["possible"] and not info["failed"]:
        return None
    else:
        error = info.get("error") or ""
        reasons = [r for r in info.get("reasons", []) if r]
        compared = [r for r in reasons if not r.partition("(")[2].startswith(_NOT_COMPARED)]
        why = (f"earned {_fmt(info['earned'])} of {_fmt(info['possible'])} automatic points"
               if info["possible"] > 0 else "has no automatically graded points")
        detail = error or "failed: " + ", ".join(info["failed"][:8])
        if not error and reasons and len(compared) < len(reasons):
            detail += f"; {next(r for r in reasons if r not in compared)[:200]}"
        why = f"{why} in this grading environment ({detail})"
        if "crmlab" in error and ("ModuleNotFoundError" in error or "ImportError" in error):
            fix = ("the kernel cannot import crmlab: install crmlab into the environment that runs "
                   "`crmlab autograde` (`pip install -e .` in the course, or the course's wheel), then run again")
        elif "DatasetError" in error or "FileNotFoundError" in error or "No such file" in error:
            fix = ("a file the notebook reads is missing: restore the course's datasets/ (and the "
                   "assignment's data files in solutions/), then run again")
        elif error or len(compared) < len(reasons) or not info["failed"]:
            fix = "repair the grading environment (the error above), then run again"
        else:
            fix = (f"the key does not match the solution: run `crmlab generate {assignment}` to rebuild "
                   "the release and the key, then run again")
        return f"preflight: the solution of {assignment} {why}; nothing was graded. Fix: {fix}"
    return f"preflight: the solution of {assignment} could not be graded ({why}); nothing was graded. Fix: {fix}"


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


def _quiet_nbgrader() -> None:
    """nbgrader 0.9 trips SQLAlchemy 2's "not in session" warning when it adds a submission."""
    import warnings

    warnings.filterwarnings("ignore", message=".*not in session.*")


def worker_main(argv: list[str]) -> int:
    """``python -m crmlab.course.autograde --worker RUN_JSON SLOT``: grade students read on stdin.

    Protocol: after start-up the worker writes ``{"ready": true}``; then, for every line
    ``{"student": ...}`` on stdin, one line of JSON with the result. Anything else the worker or
    nbgrader prints goes to stderr (the worker's log), never into the protocol.
    """
    run_json, slot = argv[0], int(argv[1])
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    _quiet_nbgrader()
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
            result = {"student": job["student"], "ok": False, "failed": f"{type(exc).__name__}: {exc}"}
        protocol.write(json.dumps(result) + "\n")
    return 0


# --------------------------------------------------------------------------------------------
# the parent: a pool of workers, serial merging into the course gradebook


class GradingBusy(RuntimeError):
    """Another ``crmlab autograde`` holds the course's grading lock."""


class _StartFailed(RuntimeError):
    """A grading worker could not be started (the machinery failed, not the student)."""


class _WorkerGone(RuntimeError):
    pass


class _WorkerProcess:
    """A worker subprocess and its line protocol."""

    def __init__(self, run_json: Path, slot: int, root: Path, log: Path, env: dict[str, str]) -> None:
        self.slot = slot
        self.log = open(log, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "crmlab.course.autograde", "--worker", str(run_json), str(slot)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, cwd=root, env=env,
            start_new_session=True,
        )
        self.buffer = b""
        self.jobs = 0

    def read(self, timeout: float) -> dict[str, Any]:
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
                    raise _WorkerGone(describe_exit(code).replace("it ", "the grading process ", 1))
                self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return json.loads(line)

    def send_preflight(self) -> None:
        self._write({"student": PREFLIGHT_STUDENT, "preflight": True})

    def send(self, student: str, extension: float = 0.0) -> None:
        self._write({"student": student, "extension": extension})

    def _write(self, job: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write((json.dumps(job) + "\n").encode())
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise _WorkerGone(f"the grading process is gone ({exc})") from exc
        self.jobs += 1

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            self.proc.wait(timeout=10)
        self.log.close()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            assert self.proc.stdin is not None
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()
        self.log.close()


def _sha256_files(folder: Path) -> str:
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _backup_gradebook(course_url: str, state: Path) -> Path | None:
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
    with contextlib.closing(sqlite3.connect(db)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    for old in sorted(backups.glob("gradebook-*.db"))[:-KEEP_BACKUPS]:
        old.unlink()
    return target


def _make_template(course_url: str, assignment: str, target: Path) -> None:
    """A new sqlite gradebook with the assignment's structure and no student in it.

    Every scratch course starts from a copy, so a worker never holds other students' grades and
    the course gradebook may be sqlite or PostgreSQL.
    """
    from nbgrader.api import Gradebook, MissingEntry

    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    if course_url.startswith("sqlite:///") and not Path(course_url.removeprefix("sqlite:///")).is_file():
        raise FileNotFoundError(f"no gradebook at {course_url}: run `crmlab generate {assignment}` first; "
                                "nothing was graded")
    with Gradebook(course_url, course_id=COURSE_ID) as src, Gradebook(f"sqlite:///{target}", course_id=COURSE_ID) as dst:
        try:
            a = src.find_assignment(assignment)
        except MissingEntry:
            raise FileNotFoundError(f"the gradebook has no assignment {assignment}: run `crmlab generate "
                                    f"{assignment}` first; nothing was graded") from None
        dst.add_assignment(assignment, duedate=a.duedate)
        for nb in a.notebooks:
            dst.add_notebook(nb.name, assignment, kernelspec=nb.kernelspec)
            for cell in nb.source_cells:
                dst.add_source_cell(cell.name, nb.name, assignment, cell_type=cell.cell_type,
                                    locked=cell.locked, source=cell.source, checksum=cell.checksum)
            for cell in nb.grade_cells:
                dst.add_grade_cell(cell.name, nb.name, assignment, max_score=cell.max_score, cell_type=cell.cell_type)
            for cell in nb.solution_cells:
                dst.add_solution_cell(cell.name, nb.name, assignment)
            for cell in nb.task_cells:
                dst.add_task_cell(cell.name, nb.name, assignment, max_score=cell.max_score, cell_type=cell.cell_type)


def _extensions(gb: Any, assignment: str, students: list[str]) -> dict[str, float]:
    """Deadline extensions (seconds) granted in the course gradebook, by student."""
    out = {}
    for sub in gb.assignment_submissions(assignment):
        if sub.student_id in students and sub.extension:
            out[sub.student_id] = sub.extension.total_seconds()
    return out


def _zero_entries(gb: Any, assignment: str) -> dict[str, Any]:
    """Gradebook entries for a submission whose grading stopped: 0 for every automatic cell."""
    out: dict[str, Any] = {"timestamp": None, "notebooks": {}}
    for notebook in gb.find_assignment(assignment).notebooks:
        written = {c.name for c in notebook.solution_cells}
        grades = {}
        for cell in notebook.grade_cells:
            automatic = cell.cell_type == "code" and cell.name not in written
            grades[cell.name] = {"auto_score": 0.0 if automatic else None, "needs_manual_grade": not automatic}
        for cell in notebook.task_cells:
            grades[cell.name] = {"auto_score": None, "needs_manual_grade": True}
        out["notebooks"][notebook.name] = {"late_submission_penalty": None, "grades": grades, "comments": {}}
    return out


def _merge(gb: Any, assignment: str, student: str, entries: dict[str, Any], same_submission: bool) -> None:
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
                    grade.needs_manual_grade = bool(grade.needs_manual_grade) if same_submission else True
                else:
                    grade.needs_manual_grade = new["needs_manual_grade"]
            for comment in snb.comments:
                if comment.name in data["comments"]:
                    comment.auto_comment = data["comments"][comment.name]
        gb.db.commit()
    except Exception:
        gb.db.rollback()
        raise


def _install_autograded(root: Path, assignment: str, student: str, source: Path) -> None:
    """Replace ``autograded/<student>/<assignment>/`` with the regular files of ``source``."""
    parent = root / "autograded" / student
    parent.mkdir(parents=True, exist_ok=True)
    target = parent / assignment
    fresh = parent / f".{assignment}.new-{os.getpid()}"
    old = parent / f".{assignment}.old-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    _copy_files(source, fresh)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _stopped_notebooks(root: Path, assignment: str, student: str, reason: str, target: Path) -> None:
    """Autograded notebooks for a submission whose grading stopped: the release, the student's
    answers where readable, every test cell failed with the reason."""
    import nbformat

    key = load_key(root / "keys", assignment)
    target.mkdir(parents=True, exist_ok=True)
    for release_path in sorted((root / "exercises" / assignment).glob("*.ipynb")):
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
            if _is_test_cell(cell):
                entry = cells_key.get(meta.get("grade_id"), {})
                cell.outputs = [_stopped_output(reason, ran=False)]
                cell.metadata["crmlab"] = {"question": entry.get("question", meta.get("grade_id")),
                                           "passed": False, "reason": f"grading stopped: {reason}", "check": None}
        nb.metadata["crmlab"] = {"stopped": reason, "tripwires": []}
        nbformat.write(nb, target / release_path.name)


@contextlib.contextmanager
def _run_lock(root: Path) -> Iterator[None]:
    """One autograde run per course at a time."""
    lock_dir = root / STATE_DIR
    lock_dir.mkdir(parents=True, exist_ok=True)
    handle = open(lock_dir / "lock", "w")
    try:
        try:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - Windows: no lock
            pass
        except BlockingIOError:
            raise GradingBusy(f"another crmlab autograde is running in {root} (lock {lock_dir / 'lock'})") from None
        yield
    finally:
        handle.close()


def _tools_on_path() -> None:
    """nbgrader runs ``alembic`` as a subprocess: the environment's ``bin/`` must be on PATH."""
    bindir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bindir not in parts:
        os.environ["PATH"] = os.pathsep.join([bindir, *parts])


def _fmt(x: float) -> str:
    return f"{x:g}"


@dataclass
class _Progress:
    total: int
    out: TextIO | None
    started: float = field(default_factory=time.monotonic)
    done: int = 0

    def step(self, text: str) -> None:
        self.done += 1
        if self.out is None:
            return
        elapsed = time.monotonic() - self.started
        eta = elapsed / self.done * (self.total - self.done)
        width = 20
        filled = int(width * self.done / max(self.total, 1))
        bar = "#" * filled + "." * (width - filled)
        self.out.write(f"[{bar}] {self.done}/{self.total} {text}  ({elapsed:.0f} s, ~{eta:.0f} s left)\n")
        self.out.flush()


def autograde(
    root: Path,
    assignment: str,
    students: list[str] | None = None,
    *,
    jobs: int = 1,
    timeout: int = 300,
    force: bool = False,
    unsafe: bool = False,
    limits: Limits | None = None,
    progress: TextIO | None = None,
    on_result: Callable[[GradeResult], None] | None = None,
) -> list[GradeResult]:
    """Grade ``submitted/<student>/<assignment>`` for every (or the given) student.

    Returns one :class:`GradeResult` per student (skipped ones included, from the gradebook).
    The key must exist before anything runs: without it nothing is graded (fails closed). Raises
    :class:`crmlab.course.sandbox.SandboxUnavailable` when the required isolation is missing.
    """
    root = Path(root).resolve()
    _tools_on_path()
    key_file = root / "keys" / f"{assignment}.json"
    load_key(root / "keys", assignment)
    if students:
        for student in students:
            problem = student_id_problem(student)
            if problem:
                raise ValueError(f"student {student!r}: {problem}")
            if not (root / "submitted" / student / assignment).is_dir():
                raise FileNotFoundError(f"no submission of {assignment} by {student} in {root / 'submitted'}")
    else:
        students = submitted_students(root, assignment)
        odd = odd_submissions(root, assignment)
        if odd and progress is not None:
            progress.write(f"skipped folders in submitted/ that are not valid student ids: {', '.join(map(repr, odd))}\n")
        if not students:
            raise FileNotFoundError(f"no submissions of {assignment} in {root / 'submitted'}")
    isolation = choose_isolation(unsafe)
    limits = limits or Limits(cpu_seconds=timeout)
    if progress is not None:
        if not isolation.safe:
            progress.write(UNSAFE_WARNING + "\n")
        progress.write(isolation.describe(limits) + "\n")
        progress.flush()
    jobs = max(1, int(jobs))
    with _run_lock(root):
        return _autograde_locked(root, assignment, students, key_file, isolation, limits, jobs, timeout,
                                 force, progress, on_result)


def _autograde_locked(
    root: Path, assignment: str, students: list[str], key_file: Path, isolation: Isolation,
    limits: Limits, jobs: int, timeout: int, force: bool, progress: TextIO | None,
    on_result: Callable[[GradeResult], None] | None,
) -> list[GradeResult]:
    import nbformat
    from nbgrader.api import Gradebook

    state = state_dir(root, assignment)
    done_dir = state / "done"
    for folder in (done_dir, state / "logs"):
        folder.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(state / "work", ignore_errors=True)
    key_hash = hashlib.sha256(key_file.read_bytes()).hexdigest()
    hashes = {s: _sha256_files(root / "submitted" / s / assignment) for s in students}

    todo, skipped = [], []
    for student in students:
        marker = read_marker(root, assignment, student)
        fresh = (
            not force and marker is not None and marker.get("submission") == hashes[student]
            and marker.get("key") == key_hash and (root / "autograded" / student / assignment).is_dir()
        )
        (skipped if fresh else todo).append(student)

    results: dict[str, GradeResult] = {}
    if skipped:
        for r in read_scores(root, assignment, skipped):
            if r.ok:
                results[r.student] = GradeResult(r.student, True, r.score, r.max_score,
                                                 note=r.note or "already graded (unchanged)")
            else:
                todo.append(r.student)
        if progress is not None and results:
            progress.write(f"{len(results)} already graded and unchanged (use --force to regrade them)\n")
    if not todo:
        return [results[s] for s in students]

    course_url = gradebook_url(root)
    backup = _backup_gradebook(course_url, state)
    if progress is not None:
        if backup is not None:
            progress.write(f"gradebook backed up to {backup.relative_to(root) if backup.is_relative_to(root) else backup}\n")
        elif not course_url.startswith("sqlite:///"):
            progress.write("the gradebook is not sqlite: back it up with the database's tools (pg_dump) before grading\n")
    _make_template(course_url, assignment, state / "template" / "gradebook.db")
    write_kernelspec(state / "jupyter")
    run_json = state / "run.json"
    per_cell = _load_cell_timeout(root)
    config = RunConfig(str(root), assignment, str(state), isolation.kind, isolation.bwrap, isolation.as_root,
                       asdict(limits), max(1, min(per_cell, timeout)))
    run_json.write_text(json.dumps(asdict(config), indent=1), encoding="utf-8")

    # unreadable notebooks never reach a worker
    pending: queue.Queue[str] = queue.Queue()
    immediate: list[tuple[str, dict[str, Any]]] = []
    for student in todo:
        problem = _unreadable(root / "submitted" / student / assignment, nbformat)
        if problem:
            immediate.append((student, {"student": student, "ok": False, "stopped": problem}))
        else:
            pending.put(student)

    with Gradebook(course_url, course_id=COURSE_ID) as gb:
        extensions = _extensions(gb, assignment, todo)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["CRMLAB_COURSE_ROOT"] = str(root)
    env.setdefault("PYTHONHASHSEED", "0")
    finished: queue.Queue[tuple[str, dict[str, Any], float]] = queue.Queue()
    stop = threading.Event()
    live: dict[int, _WorkerProcess] = {}
    live_lock = threading.Lock()
    wall_limit = timeout + 60

    def start_worker(slot: int) -> _WorkerProcess:
        log = state / "logs" / f"worker-{slot}.log"
        try:
            worker = _WorkerProcess(run_json, slot, root, log, env)
        except OSError as exc:
            raise _StartFailed(f"the grading worker could not start ({exc})") from exc
        with live_lock:
            live[slot] = worker
        try:
            ready = worker.read(timeout=300).get("ready")
        except (TimeoutError, _WorkerGone, ValueError) as exc:
            worker.kill()
            raise _StartFailed(f"the grading worker did not start ({exc or 'no answer'}); see {log}") from exc
        if not ready:
            worker.kill()
            raise _StartFailed(f"the grading worker did not start; see {log}")
        return worker

    def grade_one(slot: int, student: str, worker: _WorkerProcess | None) -> tuple[dict[str, Any], _WorkerProcess | None]:
        """Grade one student on this slot's worker; a kernel that did not start gets one more try
        in a fresh worker (a failure of the machinery is never the student's zero)."""
        result, worker = grade_once(slot, student, worker)
        if result.get("retry"):
            first = result["failed"]
            result, worker = grade_once(slot, student, worker)
            if result.get("failed"):
                result["failed"] += f" (first try: {first})"
        return result, worker

    def grade_once(slot: int, student: str, worker: _WorkerProcess | None) -> tuple[dict[str, Any], _WorkerProcess | None]:
        try:
            if worker is None or worker.jobs >= WORKER_RECYCLE:
                if worker is not None:
                    worker.close()
                worker = None
                worker = start_worker(slot)
            worker.send(student, extensions.get(student, 0.0))
            result = worker.read(timeout=wall_limit)
            if result.get("recycle"):  # the next student starts in a fresh process
                worker.close()
                worker = None
            return result, worker
        except _StartFailed as exc:  # the machinery, not the student: no grade at all
            return {"student": student, "ok": False, "failed": str(exc)}, None
        except TimeoutError:
            if worker is not None:
                worker.kill()
            return {"student": student, "ok": False,
                    "stopped": f"grading took longer than {wall_limit} s and was stopped"}, None
        except _WorkerGone as exc:
            return {"student": student, "ok": False,
                    "stopped": f"{exc} while grading (usually too much output or memory)"}, None
        except Exception as exc:  # never lose a student: report and go on
            traceback.print_exc()
            if worker is not None:
                worker.kill()
            return {"student": student, "ok": False, "failed": f"{type(exc).__name__}: {exc}"}, None

    def slot_loop(slot: int, worker: _WorkerProcess | None = None) -> None:
        try:
            while not stop.is_set():
                try:
                    student = pending.get_nowait()
                except queue.Empty:
                    break
                started = time.monotonic()
                result, worker = grade_one(slot, student, worker)
                finished.put((student, result, time.monotonic() - started))
        finally:
            if worker is not None:
                if stop.is_set():
                    worker.kill()
                else:
                    worker.close()

    first = _preflight(root, assignment, start_worker, wall_limit, state, progress)
    meter = _Progress(len(todo), progress)
    threads = [threading.Thread(target=slot_loop, args=(slot, first if slot == 0 else None), daemon=True)
               for slot in range(min(jobs, pending.qsize()))]
    if not threads:
        first.close()
    for t in threads:
        t.start()
    for student, result in immediate:
        finished.put((student, result, 0.0))

    interrupted = False
    _quiet_nbgrader()
    try:
        with Gradebook(course_url, course_id=COURSE_ID) as gb:
            for _ in range(len(todo)):
                while True:
                    try:
                        student, result, seconds = finished.get(timeout=0.5)
                        break
                    except queue.Empty:
                        continue
                outcome = _finish(root, assignment, student, result, gb, hashes[student], key_hash,
                                  isolation, read_marker(root, assignment, student))
                results[student] = outcome
                if on_result is not None:
                    on_result(outcome)
                if outcome.ok:
                    text = f"{student}: {_fmt(outcome.score)} / {_fmt(outcome.max_score)}"
                    if outcome.note:
                        text += f" ({outcome.note})"
                else:
                    text = f"{student}: FAILED: {outcome.error}"
                meter.step(f"{text} [{seconds:.1f} s]")
    except KeyboardInterrupt:
        interrupted = True
        stop.set()
        with live_lock:
            for worker in live.values():
                worker.kill()
        if progress is not None:
            progress.write(f"\ninterrupted: {meter.done} of {len(todo)} graded and saved; "
                           "run the same command again to go on\n")
        raise
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60 if not interrupted else 5)
        shutil.rmtree(state / "work", ignore_errors=True)
    if progress is not None:
        elapsed = time.monotonic() - meter.started
        progress.write(f"graded {len(todo)} submission(s) in {elapsed:.1f} s "
                       f"({elapsed / max(len(todo), 1):.2f} s each, {jobs} worker(s))\n")
    return [results[s] for s in students]


def _preflight(
    root: Path, assignment: str, start_worker: Callable[[int], _WorkerProcess], wall_limit: float,
    state: Path, progress: TextIO | None,
) -> _WorkerProcess:
    """Grade the solution on slot 0's worker before any student; return that worker, ready.

    Raises :class:`GradingEnvironmentBroken` (nothing graded, no gradebook row written) when
    the solution does not earn every automatic point or cannot be graded at all. A kernel that
    did not start gets one more try in a fresh worker, as a student's would.
    """
    if not any((root / "solutions" / assignment).glob("*.ipynb")):
        raise GradingEnvironmentBroken(
            f"preflight: no solution notebook in solutions/{assignment}/ to prove the grading "
            "environment with; nothing was graded")
    started = time.monotonic()
    worker: _WorkerProcess | None = None
    result: dict[str, Any] = {}
    for attempt in range(2):
        try:
            worker = start_worker(0)
            worker.send_preflight()
            result = worker.read(timeout=wall_limit)
        except _StartFailed as exc:
            raise GradingEnvironmentBroken(f"preflight: {exc}; nothing was graded") from exc
        except (TimeoutError, _WorkerGone, ValueError) as exc:
            if worker is not None:
                worker.kill()
            raise GradingEnvironmentBroken(
                f"preflight: grading the solution of {assignment} did not finish ({exc or 'no answer'}); "
                f"nothing was graded; see {state / 'logs'}") from exc
        finally:
            if result.get("scratch"):
                _keep_logs(state, PREFLIGHT_STUDENT, Path(result["scratch"]))
                shutil.rmtree(result["scratch"], ignore_errors=True)
        if not (result.get("retry") and attempt == 0):
            break
        worker.close()
    assert worker is not None
    problem = preflight_problem(result, assignment)
    if problem is not None:
        worker.kill()
        raise GradingEnvironmentBroken(problem)
    if progress is not None:
        info = result["preflight"]
        progress.write(f"preflight: the solution earned {_fmt(info['earned'])} of {_fmt(info['possible'])} "
                       f"automatic points in this environment [{time.monotonic() - started:.1f} s]\n")
        progress.flush()
    if result.get("recycle"):
        worker.close()
        worker = start_worker(0)
    return worker


def _load_cell_timeout(root: Path) -> int:
    """``Execute.timeout`` of the course configuration (60 when unset)."""
    config = _course_config(str(root))
    try:
        return int(config.Execute.get("timeout", 60) or 60) if config is not None else 60
    except (TypeError, ValueError):
        return 60


def _unreadable(folder: Path, nbformat: Any) -> str | None:
    """Why the submitted notebooks in ``folder`` cannot be graded at all, or None."""
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        return f"no notebook in {folder.name}/"
    for path in notebooks:
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as exc:
            return f"the submitted notebook {path.name} cannot be read ({type(exc).__name__}: {str(exc)[:120]})"
        if not isinstance(nb.get("cells"), list):
            return f"the submitted file {path.name} is not a notebook"
    return None


def _finish(
    root: Path, assignment: str, student: str, result: dict[str, Any], gb: Any, submission_hash: str,
    key_hash: str, isolation: Isolation, previous: dict[str, Any] | None,
) -> GradeResult:
    """Merge one worker result into the course: gradebook, autograded notebooks, done marker."""
    state = state_dir(root, assignment)
    scratch = Path(result["scratch"]) if result.get("scratch") else None
    try:
        _keep_logs(state, student, scratch)
        if result.get("failed"):
            return GradeResult(student, False, error=result["failed"])
        same = previous is not None and previous.get("submission") == submission_hash
        note = ""
        if result.get("ok"):
            _merge(gb, assignment, student, result["entries"], same)
            _install_autograded(root, assignment, student, Path(result["autograded"]))
            if result.get("stopped_in_notebook"):
                note = f"grading stopped: {result['stopped_in_notebook']}"
        else:
            reason = result.get("stopped") or "grading stopped"
            note = f"0 for automatic grading: {reason}"
            _merge(gb, assignment, student, _zero_entries(gb, assignment), same)
            tmp = state / "stopped" / student
            shutil.rmtree(tmp, ignore_errors=True)
            _stopped_notebooks(root, assignment, student, reason, tmp)
            _install_autograded(root, assignment, student, tmp)
            shutil.rmtree(tmp, ignore_errors=True)
        sub = gb.find_submission(assignment, student)
        outcome = GradeResult(student, True, float(sub.score), float(sub.max_score), note=note)
        marker = {
            "student": student, "assignment": assignment, "submission": submission_hash, "key": key_hash,
            "score": outcome.score, "max_score": outcome.max_score, "note": note,
            "tripwires": result.get("tripwires", 0), "isolation": isolation.kind,
            "graded_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        path = state / "done" / f"{student}.json"
        tmp_marker = path.with_suffix(".tmp")
        tmp_marker.write_text(json.dumps(marker, indent=1), encoding="utf-8")
        tmp_marker.replace(path)
        return outcome
    except Exception as exc:  # a merge problem: the student stays ungraded and is re-graded next time
        traceback.print_exc()
        return GradeResult(student, False, error=f"could not save the grades ({type(exc).__name__}: {exc})")
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _keep_logs(state: Path, student: str, scratch: Path | None, limit: int = 64 * 1024) -> None:
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
                parts.append(f"==> {name} ({size} bytes) <==\n" + fh.read().decode("utf-8", "replace"))
    if parts:
        (state / "logs" / f"{student}.log").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--worker":
        sys.exit(worker_main(sys.argv[2:]))
    print("usage: python -m crmlab.course.autograde --worker RUN_JSON SLOT (started by crmlab autograde)",
          file=sys.stderr)
    sys.exit(2)
