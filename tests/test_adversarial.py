"""Faulty and cheating submissions of 05_abc, graded in one batch with honest ones.

One ``crmlab autograde 05_abc --jobs 2 --timeout 15`` over a temporary course holding honest
students (graded before, among and after the others, asserted to the exact score) and more than
fifteen kinds of hostile or broken submissions: IPython hooks, planted startup files, redefined
builtins, objects equal to anything, a monkeypatched crmlab, ``sys.exit``/``os._exit``, an endless
loop, a fork bomb, a memory bomb, a flood of output, attempts to read the solutions and the key and
to overwrite the gradebook, a corrupted notebook, a notebook of another assignment, tampered grade
cells and odd student ids. Each one must get exactly what its honest work earns (never more), the
batch must finish, every other student must be graded exactly, and the gradebook must stay
consistent.

The suite needs the bubblewrap sandbox: without it, it is skipped on a workstation and fails on
CI (``CI=true``), where ``apt-get install -y bubblewrap`` belongs in the setup.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from crmlab.grading.sandbox import UID_BASE, choose_isolation, on_ci
from tests.grading_helpers import (
    crmlab,
    fill,
    make_course,
    release_notebook,
    solution_answers,
    submit,
)

pytestmark = pytest.mark.slow
A = "05_abc"
TIMEOUT = "15"

try:
    ISOLATION = choose_isolation(unsafe=False)
except Exception as exc:  # no sandbox here
    if on_ci():
        raise
    pytest.skip(f"the grading sandbox is not available here ({exc})", allow_module_level=True)

# the fork bomb runs only where RLIMIT_NPROC binds it: inside the sandbox, as a separate uid
FORK_BOMB_SAFE = ISOLATION.safe and ISOLATION.as_root


def answers(root: Path) -> dict[str, str]:
    """The solution's answer cells (an honest student who gets every automatic point)."""
    return solution_answers(root, A)


def honest(root: Path, *questions: str) -> dict[str, str]:
    """Honest answers for the given questions only."""
    good = answers(root)
    return {q: good[q] for q in questions}


HOOK_NOOP = """
get_ipython().input_transformers_cleanup.append(lambda lines: ["pass\\n"])
a_class = ...
"""

CUSTOM_EXC = """
get_ipython().set_custom_exc((BaseException,), lambda *args, **kwargs: None)
a_class = {"f"}
"""

AST_TRANSFORMER = """
import ast, sys
class NoAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.Pass()
get_ipython().ast_transformers.append(NoAsserts())
sys.settrace(lambda *args: None)
a_class = ...
"""

EQ_ANYTHING = {
    "q1": "class Anything(float):\n    def __eq__(self, other):\n        return True\n    __hash__ = float.__hash__\n"
    "total_sales = Anything(1.0)",
    "q2": "class AnySet(set):\n    def __eq__(self, other):\n        return True\n    __hash__ = None\n"
    "a_class = AnySet({'f'})",
    "q5": "class AnyDict(dict):\n    def __eq__(self, other):\n        return True\n"
    "threshold_counts = AnyDict(A=1, B=1, C=1)",
    "q8": "class AnyStr(str):\n    def __eq__(self, other):\n        return True\n    __hash__ = str.__hash__\n"
    "q8_answer = AnyStr('B')",
}

BUILTINS = """
import builtins
builtins.isinstance = lambda *args: True
builtins.float = lambda *args: 0.0
builtins.len = lambda obj: 0
a_class = ...
"""

MONKEYPATCH_CRMLAB = """
import crmlab.checks
import crmlab.checks._report as _r
from IPython.display import display
crmlab.checks.AssignmentChecks.check = lambda self, question, answer: None
def forged(assignment, question, value, options):
    payload = {"assignment": assignment, "question": question, "options": options,
               "nonce": __import__("os").environ.get("CRMLAB_GRADING_NONCE", ""),
               "value": _r.serialise({"f", "e", "t"})}
    display({_r.REPORT_MIME: payload, "text/plain": "ok"}, raw=True)
_r.report_value = forged
check = lambda *args, **kwargs: None
a_class = ...
"""

SYS_EXIT = "import sys\nsys.exit(3)\nb_class = ..."
OS_EXIT = "import os\nos._exit(0)\nb_class = ..."
ENDLESS = "while True:\n    pass"
MEMORY_BOMB = "hog = []\nwhile True:\n    hog.append(bytearray(50 * 2**20))"
FLOOD = "while True:\n    print('x' * 100_000)"
FORK_BOMB = """
import os, time
if os.fork() == 0:
    while True:
        try:
            os.fork()
        except OSError:
            time.sleep(0.05)
time.sleep(1)
b_class = ...
"""

STARTUP_PLANTER = """
import os, site, pathlib
poison = "import builtins\\nbuiltins.float = lambda *a: 0.0\\nbuiltins.set = lambda *a: {'x'}\\n"
planted = []
for home in {os.path.expanduser("~"), "/root", "/home/student", os.getcwd(), "/tmp"}:
    target = pathlib.Path(home, ".ipython", "profile_default", "startup", "00-poison.py")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(poison)
        planted.append(str(target))
    except OSError:
        pass
for folder in site.getsitepackages() + [site.getusersitepackages()]:
    try:
        pathlib.Path(folder, "zz-poison.pth").write_text("import builtins; builtins.set = lambda *a: {'x'}\\n")
        planted.append(folder)
    except OSError:
        pass
a_class = ...
"""

LEFTOVER = """
import os, subprocess, time
subprocess.Popen(["sleep", "600"])
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        while True:
            try:
                open("/tmp/still-here", "a").write("x")
            except OSError:
                pass
            time.sleep(1)
    os._exit(0)
a_class = ...
"""

READ_SOLUTIONS = """
import json, os, pathlib
found = []
for start in [pathlib.Path.cwd(), pathlib.Path("/work/main"), pathlib.Path("/")]:
    for folder in [start, *start.parents]:
        for name in ["solutions/05_abc/05_abc.ipynb", "source/05_abc/05_abc.ipynb"]:
            path = folder / name
            try:
                nb = json.loads(path.read_text())
            except OSError:
                continue
            found.append(str(path))
            for cell in nb["cells"]:
                if cell.get("metadata", {}).get("nbgrader", {}).get("solution") and cell["cell_type"] == "code":
                    exec("".join(cell["source"]))
for root, dirs, files in os.walk("/"):
    dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev", "usr")]
    if "05_abc.json" in files or "gradebook.db" in files:
        found.append(root)
"""

READ_KEY = """
import json, pathlib
for start in [pathlib.Path.cwd(), pathlib.Path("/work/main")]:
    for folder in [start, *start.parents]:
        path = folder / "keys" / "05_abc.json"
        try:
            key = json.loads(path.read_text())
        except OSError:
            continue
        cells = key["notebooks"]["05_abc"]["cells"]
        total_sales = cells["q1"]["value"]["v"]
        a_class = {x["v"] for x in cells["q2"]["value"]["v"]}
"""

WRITE_GRADEBOOK = """
import os, pathlib, shutil
hits = []
for start in [pathlib.Path.cwd()]:
    for folder in [start, *start.parents]:
        for name in ["gradebook.db", "../gradebook.db"]:
            path = folder / name
            if path.exists():
                try:
                    path.write_bytes(b"not a database")
                    hits.append(str(path))
                except OSError:
                    pass
        for name in ["autograded", "submitted", "keys", ".crmlab-grading"]:
            try:
                shutil.rmtree(folder / name)
                hits.append(str(folder / name))
            except OSError:
                pass
for path in ["/usr/evil", "/work/main/.venv/evil", "/root/evil"]:
    try:
        open(path, "w").write("x")
        hits.append(path)
    except OSError:
        pass
os.symlink("/", "escape")
"""

REPLACE_OWN_NOTEBOOK = """
import os, glob
for nb in glob.glob("*.ipynb"):
    os.remove(nb)
os.symlink("../../../../../gradebook.db", "05_abc.ipynb")
a_class = ...
"""

# expected automatic score of each submission: exactly what its honest part earns
EXPECTED: dict[str, float] = {
    "aaa_honest": 13.0,
    "adv_ast_transformer": 1.0,
    "adv_builtins": 1.0,
    "adv_corrupt_file": 0.0,
    "adv_custom_exc": 1.0,
    "adv_endless_loop": 3.0,
    "adv_eq_anything": 0.0,
    "adv_flood": 3.0,
    "adv_hook_noop": 1.0,
    "adv_leftover_processes": 1.0,
    "adv_memory_bomb": 3.0,
    "adv_monkeypatch_crmlab": 1.0,
    "adv_os_exit": 3.0,
    "adv_other_assignment": 0.0,
    "adv_read_key": 0.0,
    "adv_read_solutions": 0.0,
    "adv_replace_notebook": 1.0,
    "adv_startup_planter": 1.0,
    "adv_sys_exit": 3.0,
    "adv_tampered_cells": 13.0,
    "adv_write_gradebook": 0.0,
    "mid_honest": 13.0,
    "zz_blank": 0.0,
    "zz_honest": 13.0,
    "zz_partial": 6.0,
}
if FORK_BOMB_SAFE:
    EXPECTED["adv_fork_bomb"] = 3.0
STOPPED = {"adv_os_exit", "adv_flood", "adv_corrupt_file"}  # grading stopped early, with a reason
ODD_IDS = ["bad name", "a..b", "-dash", "学生"]


def other_assignment_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    answer = nbformat.v4.new_code_cell("x = 42")
    answer.metadata["nbgrader"] = {
        "grade": False,
        "solution": True,
        "locked": False,
        "grade_id": "hw9-q1-answer",
        "schema_version": 3,
    }
    test = nbformat.v4.new_code_cell("assert x == 42")
    test.metadata["nbgrader"] = {
        "grade": True,
        "solution": False,
        "locked": True,
        "grade_id": "hw9-q1",
        "points": 50,
        "schema_version": 3,
    }
    nb.cells = [answer, test]
    return nb


def tampered(release: nbformat.NotebookNode, good: dict[str, str]) -> nbformat.NotebookNode:
    """Honest answers, but test cells deleted, duplicated, re-labelled and re-pointed."""
    nb = fill(release, good)
    cells = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        gid = meta.get("grade_id")
        if gid == "q7":
            continue  # deleted test cell (nbgrader puts it back from the gradebook)
        if gid == "q2":
            meta["points"] = 100  # more points for an easy question
        if gid == "q9":
            meta["grade_id"] = "q9-renamed"
        cells.append(cell)
        if gid == "q1":
            dup = nbformat.from_dict(cell)
            dup["id"] = "duplicated-q1"
            cells.append(dup)  # a duplicated test cell
    nb.cells = cells
    return nb


def write_submissions(root: Path) -> None:
    release = release_notebook(root, A)
    good = answers(root)
    one = honest(root, "q1")
    three = honest(root, "q1", "q2")

    def sub(student: str, given: dict[str, str]) -> None:
        submit(root, A, student, fill(release, given))

    sub("aaa_honest", good)
    sub("mid_honest", good)
    sub("zz_honest", good)
    sub("zz_blank", {})
    crossing_like = {**honest(root, "q1", "q5", "q8", "q9"), "q6": good["q6"]}  # 1 + 1 + 1 + 1 + 2
    sub("zz_partial", crossing_like)
    sub("adv_hook_noop", {**one, "q2": HOOK_NOOP})
    sub("adv_custom_exc", {**one, "q2": CUSTOM_EXC})
    sub("adv_ast_transformer", {**one, "q2": AST_TRANSFORMER})
    sub("adv_eq_anything", EQ_ANYTHING)
    sub("adv_builtins", {**one, "q2": BUILTINS})
    sub("adv_monkeypatch_crmlab", {**one, "q2": MONKEYPATCH_CRMLAB})
    sub("adv_sys_exit", {**three, "q3": SYS_EXIT})
    sub("adv_os_exit", {**three, "q3": OS_EXIT})
    sub("adv_endless_loop", {**three, "q3": ENDLESS})
    sub("adv_memory_bomb", {**three, "q3": MEMORY_BOMB})
    sub("adv_flood", {**three, "q3": FLOOD})
    if FORK_BOMB_SAFE:
        sub("adv_fork_bomb", {**three, "q3": FORK_BOMB})
    sub("adv_startup_planter", {**one, "q2": STARTUP_PLANTER})
    sub("adv_leftover_processes", {**one, "q2": LEFTOVER})
    sub("adv_read_solutions", {"q1": READ_SOLUTIONS})
    sub("adv_read_key", {"q1": READ_KEY})
    sub("adv_write_gradebook", {"q1": WRITE_GRADEBOOK})
    sub("adv_replace_notebook", {**one, "q2": REPLACE_OWN_NOTEBOOK})
    submit(root, A, "adv_tampered_cells", tampered(release, good))
    submit(root, A, "adv_other_assignment", other_assignment_notebook())
    corrupt = root / "submitted" / "adv_corrupt_file" / A
    corrupt.mkdir(parents=True)
    (corrupt / f"{A}.ipynb").write_text(
        '{"cells": [ {"cell_type": "code", "source": "total_sales = 10'
    )
    for odd in ODD_IDS:
        submit(root, A, odd, fill(release, good))


def sandbox_processes(root: Path) -> list[str]:
    """Processes of this course's grading still running as a sandbox uid (there must be none).

    Other tests may be grading at the same time (pytest -n): only processes working under
    ``root`` count.
    """
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            uid = int((entry / "status").read_text().split("\nUid:")[1].split()[0])
            cwd = os.readlink(entry / "cwd")
        except (OSError, IndexError, ValueError):
            continue
        if UID_BASE <= uid < UID_BASE + 1000 and cwd.startswith(str(root)):
            out.append(f"{entry.name} uid {uid} in {cwd}")
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course with 05_abc generated (release, key, gradebook), copied by each test."""
    root = make_course(tmp_path_factory.mktemp("generated"), [A])
    result = crmlab(root, "generate", A)
    assert result.returncode == 0, result.stderr
    return root


def copy_course(generated: Path, tmp: Path) -> Path:
    root = tmp / "course"
    shutil.copytree(generated, root)
    return root


@pytest.fixture(scope="module")
def batch(
    generated: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, subprocess.CompletedProcess[str], float]:
    root = copy_course(generated, tmp_path_factory.mktemp("adversarial"))
    write_submissions(root)
    started = time.monotonic()
    result = crmlab(root, "autograde", A, "--jobs", "2", "--timeout", TIMEOUT, timeout=900)
    (root / "autograde.log").write_text(
        result.stdout + "\n" + result.stderr
    )  # for a failing test's reader
    return root, result, time.monotonic() - started


def gradebook_scores(root: Path) -> dict[str, float]:
    from crmlab.grading.gradebook import read_scores

    students = sorted(p.name for p in (root / "submitted").iterdir() if not p.name.startswith("."))
    return {r.student: r.score for r in read_scores(root, A, students) if r.ok}


def test_the_batch_finishes_and_says_which_isolation(batch):
    root, result, seconds = batch
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    assert "isolation: bubblewrap sandbox" in result.stderr
    assert "FAILED" not in result.stdout
    assert seconds < 600


def test_every_submission_gets_exactly_its_honest_score(batch):
    root, result, _ = batch
    assert gradebook_scores(root) == EXPECTED, result.stdout


def test_odd_student_ids_are_reported_and_never_graded(batch):
    root, result, _ = batch
    for odd in ODD_IDS:
        assert repr(odd) in result.stderr
        assert not (root / "autograded" / odd).exists()
    bad = crmlab(root, "autograde", A, "--student", "../keys")
    assert bad.returncode == 1 and "'../keys'" in bad.stderr


def test_stopped_gradings_say_why(batch):
    root, result, _ = batch
    lines = {ln.split(":", 1)[0]: ln for ln in result.stdout.splitlines() if ":" in ln}
    assert "the kernel stopped" in lines["adv_os_exit"]
    assert "MiB of output" in lines["adv_flood"]
    assert "cannot be read" in lines["adv_corrupt_file"]
    for student in STOPPED:
        nb = nbformat.read(root / "autograded" / student / A / f"{A}.ipynb", as_version=4)
        assert nb.metadata["crmlab"]["stopped"]


def test_tripwires_fire_for_error_suppression(batch):
    root, _, _ = batch

    def tripwires(student: str) -> list[dict]:
        nb = nbformat.read(root / "autograded" / student / A / f"{A}.ipynb", as_version=4)
        return nb.metadata["crmlab"]["tripwires"]

    # set_custom_exc is held by nbgrader itself (the error comes back in the execute reply)
    for student in ("adv_hook_noop", "adv_ast_transformer"):
        assert tripwires(student), student
    for student in ("aaa_honest", "zz_partial", "adv_sys_exit", "adv_eq_anything"):
        assert tripwires(student) == [], student


def test_gradebook_is_consistent(batch):
    root, _, _ = batch
    with sqlite3.connect(root / "gradebook.db") as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        students = {row[0] for row in con.execute("SELECT id FROM student")}
    assert students == set(EXPECTED)
    # the gradebook's automatic scores agree with the verdicts in the autograded notebooks
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="crmlab") as gb:
        for student in EXPECTED:
            nb = nbformat.read(root / "autograded" / student / A / f"{A}.ipynb", as_version=4)
            passed = {
                c.metadata["nbgrader"]["grade_id"]: c.metadata["crmlab"]["passed"]
                for c in nb.cells
                if "crmlab" in c.get("metadata", {})
            }
            sub = gb.find_submission_notebook(A, A, student)
            for grade in sub.grades:
                if grade.name in passed:
                    assert (grade.auto_score or 0) == (
                        grade.max_score if passed[grade.name] else 0
                    ), (student, grade.name)


def test_nothing_of_the_course_was_touched(batch):
    root, _, _ = batch
    for path in [
        "keys/05_abc.json",
        "solutions/05_abc/05_abc.ipynb",
        "exercises/05_abc/05_abc.ipynb",
    ]:
        assert (root / path).is_file(), path
    for student in EXPECTED:
        assert (root / "submitted" / student / A).is_dir()
    assert not any(p.name == "escape" for p in (root / "autograded").rglob("escape"))
    assert not Path("/root/.ipython/profile_default/startup/00-poison.py").exists()
    assert not Path("/work/main/.venv/evil").exists()


def test_no_process_of_a_sandbox_survives(batch):
    root, _, _ = batch
    assert sandbox_processes(root) == []


def test_rerun_grades_nothing_again_and_keeps_manual_grades(batch):
    root, _, _ = batch
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="crmlab") as gb:
        grade = gb.find_grade("q10", A, A, "zz_honest")
        grade.manual_score = 2.5
        gb.db.commit()
    again = crmlab(root, "autograde", A, "--jobs", "2", "--timeout", TIMEOUT)
    assert again.returncode == 0, again.stderr
    assert f"{len(EXPECTED)} already graded" in again.stderr
    forced = crmlab(root, "autograde", A, "--student", "zz_honest", "--force", "--timeout", TIMEOUT)
    assert forced.returncode == 0, forced.stderr
    assert "zz_honest: 15.5 / 16" in forced.stdout
    assert gradebook_scores(root) == {**EXPECTED, "zz_honest": 15.5}
    backups = list((root / ".crmlab-grading" / A / "backups").glob("gradebook-*.db"))
    assert len(backups) >= 2


def test_an_interrupted_run_goes_on_where_it_stopped(generated: Path, tmp_path: Path):
    root = copy_course(generated, tmp_path)
    release = release_notebook(root, A)
    good = solution_answers(root, A)
    names = [f"s{i:02d}" for i in range(5)]
    for name in names:
        submit(root, A, name, fill(release, good))
    proc = subprocess.Popen(
        [sys.executable, "-m", "crmlab", "autograde", A, "--jobs", "1", "--timeout", TIMEOUT],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # a suite started in the background (`make test &`) inherits SIGINT ignored: Ctrl-C must
        # reach the grader here however the suite was started
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stderr is not None
    seen = ""
    while seen.count("/ 16") < 2:
        line = proc.stderr.readline()
        assert line, seen + (proc.stdout.read() if proc.stdout else "")
        seen += line
    proc.send_signal(signal.SIGINT)
    _, rest = proc.communicate(timeout=120)
    assert proc.returncode == 130, seen + rest
    assert "interrupted" in rest
    markers = sorted(p.stem for p in (root / ".crmlab-grading" / A / "done").glob("*.json"))
    assert 2 <= len(markers) < len(names)
    resumed = crmlab(root, "autograde", A, "--jobs", "2", "--timeout", TIMEOUT)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(markers)} already graded" in resumed.stderr
    assert gradebook_scores(root) == dict.fromkeys(names, 13.0)
    assert sandbox_processes(root) == []


def test_without_the_sandbox_grading_needs_unsafe_and_ci_refuses(generated: Path, tmp_path: Path):
    root = copy_course(generated, tmp_path)
    submit(root, A, "ace", fill(release_notebook(root, A), solution_answers(root, A)))

    def run(*args: str, ci: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "CRMLAB_BWRAP": "", "CI": ci}
        return subprocess.run(
            [sys.executable, "-m", "crmlab", "autograde", A, "--timeout", TIMEOUT, *args],
            cwd=root,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )

    refused = run(ci="")
    assert (
        refused.returncode == 1
        and "pass --unsafe" in refused.stderr
        and "nothing was graded" in refused.stderr
    )
    on_ci_run = run("--unsafe", ci="true")
    assert on_ci_run.returncode == 1 and "apt-get install -y bubblewrap" in on_ci_run.stderr
    assert not (root / "autograded").exists()
    unsafe = run("--unsafe", ci="")
    assert unsafe.returncode == 0, unsafe.stderr
    assert (
        "WARNING: grading WITHOUT isolation" in unsafe.stderr and "isolation: NONE" in unsafe.stderr
    )
    assert "ace: 13 / 16" in unsafe.stdout
    marker = json.loads((root / ".crmlab-grading" / A / "done" / "ace.json").read_text())
    assert marker["isolation"] == "none"


def test_a_broken_grader_grades_nobody_instead_of_giving_zeros(generated: Path, tmp_path: Path):
    root = copy_course(generated, tmp_path)
    submit(root, A, "ace", fill(release_notebook(root, A), solution_answers(root, A)))
    config = root / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nraise RuntimeError('a typo in the configuration')\n")
    result = crmlab(root, "autograde", A, "--timeout", TIMEOUT)
    assert result.returncode == 1
    # the preflight finds out before any student: nobody is graded, nobody is reported graded
    assert "crmlab autograde: error: preflight: the grading worker did not start" in result.stderr
    assert "nothing was graded" in result.stderr and "ace:" not in result.stdout
    assert not (root / ".crmlab-grading" / A / "done" / "ace.json").exists()
    assert not (root / "autograded" / "ace").exists()
