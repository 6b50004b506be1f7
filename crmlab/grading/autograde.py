"""Autograde a class: nbgrader per submission, in parallel, sandboxed, resumable.

``crmlab autograde ASSIGNMENT [--jobs N] [--timeout SECONDS] [--force] [--unsafe]``

How one run goes (see ``docs/instructor-grading.md``):

1. The answer key must exist (fails closed) and the isolation is decided and announced
   (:func:`crmlab.grading.sandbox.choose_isolation`): a bubblewrap sandbox for every kernel, or —
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

This module is the orchestration (:func:`autograde` and its steps, the preflight, the pool of
workers, merging the results). The parts it drives live beside it: the worker process and its
protocol in :mod:`crmlab.grading.worker`, the gradebook and the state folder in
:mod:`crmlab.grading.gradebook`, the nbgrader preprocessors in
:mod:`crmlab.grading.preprocessors`, the sandbox in :mod:`crmlab.grading.sandbox`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import queue
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from crmlab.grading.collect import student_id_problem
from crmlab.grading.gradebook import (
    COURSE_ID,
    STATE_DIR,
    GradeResult,
    backup_gradebook,
    configured_cell_timeout,
    gradebook_url,
    granted_extensions,
    install_autograded,
    keep_logs,
    make_template,
    merge_entries,
    quiet_nbgrader,
    read_marker,
    read_scores,
    state_dir,
    stopped_notebooks,
    write_marker,
    zero_entries,
)
from crmlab.grading.keys import load_key
from crmlab.grading.sandbox import (
    UNSAFE_WARNING,
    Isolation,
    Limits,
    choose_isolation,
    write_kernelspec,
)
from crmlab.grading.worker import (
    PREFLIGHT_STUDENT,
    RunConfig,
    WorkerGone,
    WorkerProcess,
    WorkerStartFailed,
)

WORKER_RECYCLE = 100  # a worker grades at most this many students, then a fresh one starts


class GradingEnvironmentBroken(RuntimeError):
    """The preflight failed: the solution does not earn full marks here, so nothing is graded."""


class GradingBusy(RuntimeError):
    """Another ``crmlab autograde`` holds the course's grading lock."""


def submitted_students(root: Path, assignment: str) -> list[str]:
    """Students with a ``submitted/<student>/<assignment>/`` folder and a valid id, sorted."""
    base = root / "submitted"
    if not base.is_dir():
        return []
    return sorted(
        p.name
        for p in base.iterdir()
        if not p.name.startswith(".")
        and (p / assignment).is_dir()
        and student_id_problem(p.name) is None
    )


def odd_submissions(root: Path, assignment: str) -> list[str]:
    """Folders under ``submitted/`` holding the assignment whose name is not a valid student id."""
    base = root / "submitted"
    if not base.is_dir():
        return []
    return sorted(
        p.name
        for p in base.iterdir()
        if not p.name.startswith(".")
        and (p / assignment).is_dir()
        and student_id_problem(p.name) is not None
    )


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
    :class:`crmlab.grading.sandbox.SandboxUnavailable` when the required isolation is missing.
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
                raise FileNotFoundError(
                    f"no submission of {assignment} by {student} in {root / 'submitted'}"
                )
    else:
        students = submitted_students(root, assignment)
        odd = odd_submissions(root, assignment)
        if odd and progress is not None:
            progress.write(
                f"skipped folders in submitted/ that are not valid student ids: {', '.join(map(repr, odd))}\n"
            )
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
        return _autograde_locked(
            root,
            assignment,
            students,
            key_file,
            isolation,
            limits,
            jobs,
            timeout,
            force,
            progress,
            on_result,
        )


def _autograde_locked(
    root: Path,
    assignment: str,
    students: list[str],
    key_file: Path,
    isolation: Isolation,
    limits: Limits,
    jobs: int,
    timeout: int,
    force: bool,
    progress: TextIO | None,
    on_result: Callable[[GradeResult], None] | None,
) -> list[GradeResult]:
    """One run, under the course's grading lock, in five steps (each a function below).

    1. decide who needs grading (:func:`_plan_run`); nobody: the scores from the gradebook;
    2. prepare the run (:func:`_prepare_run`: gradebook backup, template gradebook, kernelspec,
       ``run.json``) and set aside submissions no worker could read (:func:`_split_unreadable`);
    3. the preflight on slot 0's worker (:func:`_preflight`): the solution must earn full marks;
    4. the worker pool grades everyone else (:class:`_WorkerPool`; slot 0 keeps its worker);
    5. every result is merged into the course as it comes (:func:`_merge_results`).
    """
    state = _fresh_state(root, assignment)
    plan = _plan_run(root, assignment, students, key_file, force, progress)
    if not plan.todo:
        return [plan.results[s] for s in students]
    run = _prepare_run(root, assignment, state, plan.todo, isolation, limits, timeout, progress)
    readable, unreadable = _split_unreadable(root, assignment, plan.todo)
    pool = _WorkerPool(run)
    first = _preflight(root, assignment, pool.start_worker, run.wall_limit, state, progress)
    meter = _Progress(len(plan.todo), progress)
    pool.start(readable, jobs, first)
    for student, result in unreadable:
        pool.finished.put((student, result, 0.0))
    _merge_results(run, plan, pool, isolation, meter, on_result)
    if progress is not None:
        elapsed = time.monotonic() - meter.started
        progress.write(
            f"graded {len(plan.todo)} submission(s) in {elapsed:.1f} s "
            f"({elapsed / max(len(plan.todo), 1):.2f} s each, {jobs} worker(s))\n"
        )
    return [plan.results[s] for s in students]


# --------------------------------------------------------------------------------------------
# step 1: who needs grading


def _fresh_state(root: Path, assignment: str) -> Path:
    """The run's state folder with ``done/`` and ``logs/``, and no scratch left by an earlier run."""
    state = state_dir(root, assignment)
    for folder in (state / "done", state / "logs"):
        folder.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(state / "work", ignore_errors=True)
    return state


@dataclass
class _Plan:
    """Who a run grades (``todo``) and what it knows already.

    ``results`` starts with the students skipped because they are graded and unchanged (their
    scores from the gradebook) and receives every outcome of the run. The hashes of each
    submission and of the key go into the done markers.
    """

    key_hash: str
    hashes: dict[str, str]
    todo: list[str]
    results: dict[str, GradeResult]


def _plan_run(
    root: Path,
    assignment: str,
    students: list[str],
    key_file: Path,
    force: bool,
    progress: TextIO | None,
) -> _Plan:
    """Decide who needs grading: everyone with ``force``, else whoever has no done marker, or a
    marker for another submission or key, or no ``autograded/`` folder, or no gradebook entry."""
    key_hash = hashlib.sha256(key_file.read_bytes()).hexdigest()
    hashes = {s: _sha256_files(root / "submitted" / s / assignment) for s in students}

    todo, skipped = [], []
    for student in students:
        marker = read_marker(root, assignment, student)
        fresh = (
            not force
            and marker is not None
            and marker.get("submission") == hashes[student]
            and marker.get("key") == key_hash
            and (root / "autograded" / student / assignment).is_dir()
        )
        (skipped if fresh else todo).append(student)

    results: dict[str, GradeResult] = {}
    if skipped:
        for r in read_scores(root, assignment, skipped):
            if r.ok:
                results[r.student] = GradeResult(
                    r.student,
                    True,
                    r.score,
                    r.max_score,
                    note=r.note or "already graded (unchanged)",
                )
            else:
                todo.append(r.student)
        if progress is not None and results:
            progress.write(
                f"{len(results)} already graded and unchanged (use --force to regrade them)\n"
            )
    return _Plan(key_hash, hashes, todo, results)


def _sha256_files(folder: Path) -> str:
    """A digest of the regular files under ``folder`` (names and contents)."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------
# step 2: prepare the run


@dataclass
class _Run:
    """What the parent's side of a run shares: where things are, the workers' environment and
    the limits, the deadline extensions granted in the course gradebook."""

    root: Path
    assignment: str
    state: Path
    course_url: str
    run_json: Path
    env: dict[str, str]
    wall_limit: int
    extensions: dict[str, float]


def _prepare_run(
    root: Path,
    assignment: str,
    state: Path,
    todo: list[str],
    isolation: Isolation,
    limits: Limits,
    timeout: int,
    progress: TextIO | None,
) -> _Run:
    """Prepare the run: back up the gradebook, make the template gradebook, write the sandbox's
    kernelspec and ``run.json`` (the workers' :class:`~crmlab.grading.worker.RunConfig`), read
    the deadline extensions and set up the workers' environment."""
    from nbgrader.api import Gradebook

    course_url = gradebook_url(root)
    backup = backup_gradebook(course_url, state)
    if progress is not None:
        if backup is not None:
            progress.write(
                f"gradebook backed up to {backup.relative_to(root) if backup.is_relative_to(root) else backup}\n"
            )
        elif not course_url.startswith("sqlite:///"):
            progress.write(
                "the gradebook is not sqlite: back it up with the database's tools (pg_dump) before grading\n"
            )
    make_template(course_url, assignment, state / "template" / "gradebook.db")
    write_kernelspec(state / "jupyter")
    run_json = state / "run.json"
    per_cell = configured_cell_timeout(root)
    config = RunConfig(
        str(root),
        assignment,
        str(state),
        isolation.kind,
        isolation.bwrap,
        isolation.as_root,
        asdict(limits),
        max(1, min(per_cell, timeout)),
    )
    run_json.write_text(json.dumps(asdict(config), indent=1), encoding="utf-8")

    with Gradebook(course_url, course_id=COURSE_ID) as gb:
        extensions = granted_extensions(gb, assignment, todo)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["CRMLAB_COURSE_ROOT"] = str(root)
    env.setdefault("PYTHONHASHSEED", "0")
    return _Run(root, assignment, state, course_url, run_json, env, timeout + 60, extensions)


def _split_unreadable(
    root: Path,
    assignment: str,
    todo: list[str],
) -> tuple[list[str], list[tuple[str, dict[str, Any]]]]:
    """The students whose notebooks a worker can grade, and a *stopped* result for each of the
    others (unreadable notebooks never reach a worker)."""
    import nbformat

    readable: list[str] = []
    unreadable: list[tuple[str, dict[str, Any]]] = []
    for student in todo:
        problem = _unreadable(root / "submitted" / student / assignment, nbformat)
        if problem:
            unreadable.append((student, {"student": student, "ok": False, "stopped": problem}))
        else:
            readable.append(student)
    return readable, unreadable


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


# --------------------------------------------------------------------------------------------
# step 3: the preflight (the solution must earn full marks here before any student is graded)


def _preflight(
    root: Path,
    assignment: str,
    start_worker: Callable[[int], WorkerProcess],
    wall_limit: float,
    state: Path,
    progress: TextIO | None,
) -> WorkerProcess:
    """Grade the solution on slot 0's worker before any student; return that worker, ready.

    Raises :class:`GradingEnvironmentBroken` (nothing graded, no gradebook row written) when
    the solution does not earn every automatic point or cannot be graded at all. A kernel that
    did not start gets one more try in a fresh worker, as a student's would.
    """
    if not any((root / "solutions" / assignment).glob("*.ipynb")):
        raise GradingEnvironmentBroken(
            f"preflight: no solution notebook in solutions/{assignment}/ to prove the grading "
            "environment with; nothing was graded"
        )
    started = time.monotonic()
    worker: WorkerProcess | None = None
    result: dict[str, Any] = {}
    for attempt in range(2):
        try:
            worker = start_worker(0)
            worker.send_preflight()
            result = worker.read(timeout=wall_limit)
        except WorkerStartFailed as exc:
            raise GradingEnvironmentBroken(f"preflight: {exc}; nothing was graded") from exc
        except (TimeoutError, WorkerGone, ValueError) as exc:
            if worker is not None:
                worker.kill()
            raise GradingEnvironmentBroken(
                f"preflight: grading the solution of {assignment} did not finish ({exc or 'no answer'}); "
                f"nothing was graded; see {state / 'logs'}"
            ) from exc
        finally:
            if result.get("scratch"):
                keep_logs(state, PREFLIGHT_STUDENT, Path(result["scratch"]))
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
        progress.write(
            f"preflight: the solution earned {_fmt(info['earned'])} of {_fmt(info['possible'])} "
            f"automatic points in this environment [{time.monotonic() - started:.1f} s]\n"
        )
        progress.flush()
    if result.get("recycle"):
        worker.close()
        worker = start_worker(0)
    return worker


# failed test cells whose reason is one of these did not get as far as comparing with the key
_NOT_COMPARED = (
    "the cell raised",
    "no answer was reported",
    "a visible check failed",
    "more than one report",
    "malformed report",
    "the report",
)


def preflight_problem(result: dict[str, Any], assignment: str) -> str | None:
    """None when the solution earned every automatic point, else one line saying why and the fix.

    >>> ok = {"ok": True, "preflight": {"earned": 13.0, "possible": 13.0, "failed": [], "error": ""}}
    >>> preflight_problem(ok, "05_abc") is None
    True
    >>> written_only = {"ok": True, "preflight": {"earned": 0.0, "possible": 0.0, "failed": [], "error": ""}}
    >>> preflight_problem(written_only, "11_essay") is None
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
    elif (
        info["earned"] >= info["possible"]
        and not info["failed"]
        and (info["possible"] > 0 or not info.get("error"))
    ):
        # full marks; an assignment without automatic points passes when its solution ran cleanly
        return None
    else:
        error = info.get("error") or ""
        reasons = [r for r in info.get("reasons", []) if r]
        compared = [r for r in reasons if not r.partition("(")[2].startswith(_NOT_COMPARED)]
        why = (
            f"earned {_fmt(info['earned'])} of {_fmt(info['possible'])} automatic points"
            if info["possible"] > 0
            else "has no automatically graded points"
        )
        detail = error or "failed: " + ", ".join(info["failed"][:8])
        if not error and reasons and len(compared) < len(reasons):
            detail += f"; {next(r for r in reasons if r not in compared)[:200]}"
        why = f"{why} in this grading environment ({detail})"
        if "crmlab" in error and ("ModuleNotFoundError" in error or "ImportError" in error):
            fix = (
                "the kernel cannot import crmlab: install crmlab into the environment that runs "
                "`crmlab autograde` (`pip install -e .` in the course, or the course's wheel), then run again"
            )
        elif "DatasetError" in error or "FileNotFoundError" in error or "No such file" in error:
            fix = (
                "a file the notebook reads is missing: restore the course's datasets/ (and the "
                "assignment's data files in solutions/), then run again"
            )
        elif error or len(compared) < len(reasons) or not info["failed"]:
            fix = "repair the grading environment (the error above), then run again"
        else:
            fix = (
                f"the key does not match the solution: run `crmlab generate {assignment}` to rebuild "
                "the release and the key, then run again"
            )
        return f"preflight: the solution of {assignment} {why}; nothing was graded. Fix: {fix}"
    return f"preflight: the solution of {assignment} could not be graded ({why}); nothing was graded. Fix: {fix}"


def _fmt(x: float) -> str:
    return f"{x:g}"


# --------------------------------------------------------------------------------------------
# step 4: the worker pool


class _WorkerPool:
    """The parent's worker processes: one thread per slot takes the next student from
    ``pending``, grades them on that slot's worker and puts ``(student, result, seconds)`` on
    ``finished``; the main thread merges the results one at a time (sqlite has one writer)."""

    def __init__(self, run: _Run) -> None:
        self.run = run
        self.pending: queue.Queue[str] = queue.Queue()
        self.finished: queue.Queue[tuple[str, dict[str, Any], float]] = queue.Queue()
        self.stop = threading.Event()
        self.live: dict[int, WorkerProcess] = {}
        self.live_lock = threading.Lock()
        self.threads: list[threading.Thread] = []

    def start_worker(self, slot: int) -> WorkerProcess:
        """A new worker for ``slot``, ready (raises :class:`WorkerStartFailed` when it is not)."""
        log = self.run.state / "logs" / f"worker-{slot}.log"
        try:
            worker = WorkerProcess(self.run.run_json, slot, self.run.root, log, self.run.env)
        except OSError as exc:
            raise WorkerStartFailed(f"the grading worker could not start ({exc})") from exc
        with self.live_lock:
            self.live[slot] = worker
        worker.wait_ready(timeout=300)
        return worker

    def start(self, students: list[str], jobs: int, first: WorkerProcess) -> None:
        """Queue ``students`` and start a thread for each of at most ``jobs`` slots; slot 0 goes
        on with ``first`` (the preflight's worker), which is closed when nobody is left to grade."""
        for student in students:
            self.pending.put(student)
        self.threads = [
            threading.Thread(
                target=self._slot_loop, args=(slot, first if slot == 0 else None), daemon=True
            )
            for slot in range(min(jobs, self.pending.qsize()))
        ]
        if not self.threads:
            first.close()
        for t in self.threads:
            t.start()

    def next_finished(self) -> tuple[str, dict[str, Any], float]:
        """The next finished student (waits in short steps, so Ctrl-C is noticed)."""
        while True:
            try:
                return self.finished.get(timeout=0.5)
            except queue.Empty:
                continue

    def kill_all(self) -> None:
        """Stop taking students and kill every worker (on Ctrl-C)."""
        self.stop.set()
        with self.live_lock:
            for worker in self.live.values():
                worker.kill()

    def join(self, timeout: float) -> None:
        """Stop taking students and wait up to ``timeout`` s for each slot thread."""
        self.stop.set()
        for t in self.threads:
            t.join(timeout=timeout)

    def _slot_loop(self, slot: int, worker: WorkerProcess | None = None) -> None:
        try:
            while not self.stop.is_set():
                try:
                    student = self.pending.get_nowait()
                except queue.Empty:
                    break
                started = time.monotonic()
                result, worker = self._grade_one(slot, student, worker)
                self.finished.put((student, result, time.monotonic() - started))
        finally:
            if worker is not None:
                if self.stop.is_set():
                    worker.kill()
                else:
                    worker.close()

    def _grade_one(
        self, slot: int, student: str, worker: WorkerProcess | None
    ) -> tuple[dict[str, Any], WorkerProcess | None]:
        """Grade one student on this slot's worker; a kernel that did not start gets one more try
        in a fresh worker (a failure of the machinery is never the student's zero)."""
        result, worker = self._grade_once(slot, student, worker)
        if result.get("retry"):
            first = result["failed"]
            result, worker = self._grade_once(slot, student, worker)
            if result.get("failed"):
                result["failed"] += f" (first try: {first})"
        return result, worker

    def _grade_once(
        self, slot: int, student: str, worker: WorkerProcess | None
    ) -> tuple[dict[str, Any], WorkerProcess | None]:
        """One attempt: the worker's result, or a *stopped* or *failed* one made here."""
        wall_limit = self.run.wall_limit
        try:
            if worker is None or worker.jobs >= WORKER_RECYCLE:
                if worker is not None:
                    worker.close()
                worker = None
                worker = self.start_worker(slot)
            worker.send(student, self.run.extensions.get(student, 0.0))
            result = worker.read(timeout=wall_limit)
            if result.get("recycle"):  # the next student starts in a fresh process
                worker.close()
                worker = None
            return result, worker
        except WorkerStartFailed as exc:  # the machinery, not the student: no grade at all
            return {"student": student, "ok": False, "failed": str(exc)}, None
        except TimeoutError:
            if worker is not None:
                worker.kill()
            return {
                "student": student,
                "ok": False,
                "stopped": f"grading took longer than {wall_limit} s and was stopped",
            }, None
        except WorkerGone as exc:
            return {
                "student": student,
                "ok": False,
                "stopped": f"{exc} while grading (usually too much output or memory)",
            }, None
        except Exception as exc:  # never lose a student: report and go on
            traceback.print_exc()
            if worker is not None:
                worker.kill()
            return {"student": student, "ok": False, "failed": f"{type(exc).__name__}: {exc}"}, None


# --------------------------------------------------------------------------------------------
# step 5: merge the results into the course


def _merge_results(
    run: _Run,
    plan: _Plan,
    pool: _WorkerPool,
    isolation: Isolation,
    meter: _Progress,
    on_result: Callable[[GradeResult], None] | None,
) -> None:
    """Finish the run: merge each finished student into the course as it comes (one at a time:
    sqlite has one writer), report it, and at the end (or on Ctrl-C, after killing the workers:
    what was merged stays) stop the pool and remove the scratch folders."""
    from nbgrader.api import Gradebook

    interrupted = False
    quiet_nbgrader()
    try:
        with Gradebook(run.course_url, course_id=COURSE_ID) as gb:
            for _ in range(len(plan.todo)):
                student, result, seconds = pool.next_finished()
                outcome = _finish(
                    run.root,
                    run.assignment,
                    student,
                    result,
                    gb,
                    plan.hashes[student],
                    plan.key_hash,
                    isolation,
                    read_marker(run.root, run.assignment, student),
                )
                plan.results[student] = outcome
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
        pool.kill_all()
        if meter.out is not None:
            meter.out.write(
                f"\ninterrupted: {meter.done} of {len(plan.todo)} graded and saved; "
                "run the same command again to go on\n"
            )
        raise
    finally:
        pool.join(timeout=60 if not interrupted else 5)
        shutil.rmtree(run.state / "work", ignore_errors=True)


def _finish(
    root: Path,
    assignment: str,
    student: str,
    result: dict[str, Any],
    gb: Any,
    submission_hash: str,
    key_hash: str,
    isolation: Isolation,
    previous: dict[str, Any] | None,
) -> GradeResult:
    """Merge one worker result into the course: gradebook, autograded notebooks, done marker."""
    state = state_dir(root, assignment)
    scratch = Path(result["scratch"]) if result.get("scratch") else None
    try:
        keep_logs(state, student, scratch)
        if result.get("failed"):
            return GradeResult(student, False, error=result["failed"])
        same = previous is not None and previous.get("submission") == submission_hash
        note = ""
        if result.get("ok"):
            merge_entries(gb, assignment, student, result["entries"], same)
            install_autograded(root, assignment, student, Path(result["autograded"]))
            if result.get("stopped_in_notebook"):
                note = f"grading stopped: {result['stopped_in_notebook']}"
        else:
            reason = result.get("stopped") or "grading stopped"
            note = f"0 for automatic grading: {reason}"
            merge_entries(gb, assignment, student, zero_entries(gb, assignment), same)
            tmp = state / "stopped" / student
            shutil.rmtree(tmp, ignore_errors=True)
            stopped_notebooks(root, assignment, student, reason, tmp)
            install_autograded(root, assignment, student, tmp)
            shutil.rmtree(tmp, ignore_errors=True)
        sub = gb.find_submission(assignment, student)
        outcome = GradeResult(student, True, float(sub.score), float(sub.max_score), note=note)
        marker = {
            "student": student,
            "assignment": assignment,
            "submission": submission_hash,
            "key": key_hash,
            "score": outcome.score,
            "max_score": outcome.max_score,
            "note": note,
            "tripwires": result.get("tripwires", 0),
            "isolation": isolation.kind,
            "graded_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        write_marker(root, assignment, student, marker)
        return outcome
    except (
        Exception
    ) as exc:  # a merge problem: the student stays ungraded and is re-graded next time
        traceback.print_exc()
        return GradeResult(
            student, False, error=f"could not save the grades ({type(exc).__name__}: {exc})"
        )
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


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
        self.out.write(
            f"[{bar}] {self.done}/{self.total} {text}  ({elapsed:.0f} s, ~{eta:.0f} s left)\n"
        )
        self.out.flush()


# --------------------------------------------------------------------------------------------
# the run lock and the environment


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
            raise GradingBusy(
                f"another crmlab autograde is running in {root} (lock {lock_dir / 'lock'})"
            ) from None
        yield
    finally:
        handle.close()


def _tools_on_path() -> None:
    """nbgrader runs ``alembic`` as a subprocess: the environment's ``bin/`` must be on PATH."""
    bindir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bindir not in parts:
        os.environ["PATH"] = os.pathsep.join([bindir, *parts])
