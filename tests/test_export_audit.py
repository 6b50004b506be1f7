"""``crmlab export`` (grade table, LMS file, chart, difficulty) and ``crmlab audit`` (what to review)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from crmlab.grading.audit import audit_notebook, scan_code
from tests.grading_helpers import (
    REPO,
    crmlab,
    fill,
    make_course,
    release_notebook,
    solution_answers,
    submit,
)

A = "05_abc"


# ---------------------------------------------------------------------------------------------
# the code scan (fast)

SUSPICIOUS = [
    (
        "get_ipython().events.register('post_run_cell', f)",
        "IPython hook get_ipython().events.register",
    ),
    (
        "ip = get_ipython()\nip.input_transformers_cleanup.append(f)",
        "IPython hook ip.input_transformers_cleanup",
    ),
    ("get_ipython().ast_transformers.append(t)", "IPython hook get_ipython().ast_transformers"),
    ("get_ipython().set_custom_exc((Exception,), h)", "IPython hook get_ipython().set_custom_exc"),
    ("import sys\nsys.settrace(f)", "introspection sys.settrace"),
    ("import ctypes", "imports ctypes"),
    ("import os\nos._exit(0)", "calls os._exit() (processes)"),
    ("exec(code)", "calls exec()"),
    ("eval('1+1')", "calls eval()"),
    ("compile(src, 'x', 'exec')", "calls compile()"),
    ("m = __import__('os')", "calls __import__()"),
    ("import builtins\nbuiltins.float = str", "monkeypatches builtins.float"),
    ("import gc\ngc.get_objects()", "imports gc"),
    ("import inspect", "imports inspect"),
    ("import subprocess\nsubprocess.run(['ls'])", "imports subprocess"),
    ("open('/work/main/keys/05_abc.json')", "a file outside the working folder"),
    ("open('../../solutions/05_abc/05_abc.ipynb')", "a file outside the working folder"),
    ("open(path)", "of a computed path"),
    ("import os\nfor r, d, f in os.walk('/'): pass", "calls os.walk() (file system)"),
    ("check = lambda *a: None", "redefines check"),
    ("float = lambda *a: 1.0", "shadows the builtin float"),
    (
        "import crmlab.checks\ncrmlab.checks.AssignmentChecks.check = f",
        "monkeypatches crmlab.checks.AssignmentChecks.check",
    ),
    (
        "class X:\n    def __eq__(self, other):\n        return True",
        "an __eq__ that always returns the same answer",
    ),
    ("import os\nnonce = os.environ['CRMLAB_GRADING_NONCE']", "mentions 'CRMLAB_GRADING_NONCE'"),
    ("%time x = 1\n!cat /etc/passwd", "calls get_ipython()"),
]


@pytest.mark.parametrize(("code", "expected"), SUSPICIOUS)
def test_the_code_scan_finds(code: str, expected: str):
    found = [what for _, what in scan_code(code)]
    assert any(expected in what for what in found), found


def test_the_solutions_own_answers_pass_the_scan():
    for question, code in solution_answers(REPO, A).items():
        assert [h for h in scan_code(code) if h[0] == "high"] == [], question


def test_grading_modules_do_not_import_matplotlib():
    code = (
        "import sys, crmlab.cli, crmlab.grading.autograde, crmlab.grading.export, crmlab.grading.audit; "
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def audit_of(nb: nbformat.NotebookNode) -> list[str]:
    release = release_notebook(REPO, A)
    findings, _ = audit_notebook("s", nb, release, f"{A}.ipynb")
    return [f"{f.kind} {f.cell}: {f.detail}" for f in findings]


def test_cell_tampering_is_found():
    nb = release_notebook(REPO, A)
    cells = []
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid == "q7":
            continue
        if gid == "q2":
            cell.metadata["nbgrader"]["points"] = 100
        if gid == "q3":
            cell.source = "pass"
        if gid == "q9":
            cell.metadata["nbgrader"]["grade_id"] = "q9-renamed"
        cells.append(cell)
        if gid == "q1":
            dup = nbformat.from_dict(cell)
            dup["id"] = "dup"
            cells.append(dup)
    nb.cells = cells
    found = audit_of(nb)
    for expected in [
        "cells q7: deleted grade cell",
        "cells q1: duplicated (2 copies)",
        "cells q2: nbgrader metadata changed: points 2 -> 100",
        "cells q3: edited a locked cell",
        "cells q9-renamed: unknown grade id",
        "cells q9: deleted grade cell",
    ]:
        assert any(f.startswith(expected) for f in found), (expected, found)


def test_an_untouched_release_has_no_findings():
    assert audit_of(release_notebook(REPO, A)) == []


def test_a_notebook_of_another_assignment_is_found():
    other = nbformat.v4.new_notebook()
    other.cells = [nbformat.v4.new_code_cell("x = 1")]
    other.cells[0].metadata["nbgrader"] = {
        "grade_id": "hw9-q1",
        "grade": True,
        "solution": False,
        "points": 5,
    }
    found = audit_of(other)
    assert any("holds none of the assignment's cells" in f for f in found)


# ---------------------------------------------------------------------------------------------
# a graded class (slow)

CROSSING = {
    "q1": "total_sales = float(sales.sum())",
    "q2": "ranked = sales.sort_values(ascending=False)\nbefore = ranked.cumsum() - ranked\n"
    "a_class = set(ranked.index[before < 0.8 * ranked.sum()])",
    "q3": "b_class = set(ranked.index[(before >= 0.8 * ranked.sum()) & (before < 0.95 * ranked.sum())])",
    "q4": "a_customer_share = len(a_class) / 20",
    "q5": 'threshold_counts = {"A": int((sales >= 500).sum()), "B": int(((sales >= 100) & (sales < 500)).sum()), '
    '"C": int((sales < 100).sum())}',
    "q6": 'achievement_order = "".join((sales[targets.index] / targets).sort_values(ascending=False).index)',
    "q8": 'q8_answer = "D"',
    "q9": 'q9_answer = "AB"',
}
HOOKER = "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])\na_class = ..."


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_course(tmp_path_factory.mktemp("export"), [A])
    assert crmlab(root, "generate", A).returncode == 0
    release = release_notebook(root, A)
    good = solution_answers(root, A)
    submit(root, A, "ace", fill(release, good))
    submit(root, A, "blank", release)
    submit(root, A, "crossing", fill(release, CROSSING))
    submit(root, A, "hooker", fill(release, {"q1": good["q1"], "q2": HOOKER}))
    result = crmlab(root, "autograde", A, "--jobs", "2", "--timeout", "60")
    assert result.returncode == 0, result.stdout + result.stderr
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="crmlab") as gb:
        gb.add_student("absent")
        grade = gb.find_grade("q10", A, A, "ace")
        grade.manual_score = 2.0
        gb.db.commit()
    return root


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.mark.slow
def test_export_writes_exact_grades(graded: Path):
    result = crmlab(graded, "export", A)
    assert result.returncode == 0, result.stderr
    out = graded / "exports" / A
    rows = {r["student_id"]: r for r in read_csv(out / "grades.csv")}
    assert list(read_csv(out / "grades.csv")[0]) == [
        "student_id",
        *[f"q{i}" for i in range(1, 11)],
        "total",
        "max_score",
        "status",
    ]
    assert rows["ace"] == {
        "student_id": "ace",
        **{f"q{i}": str(p) for i, p in enumerate([1, 2, 1, 1, 1, 2, 3, 1, 1], 1)},
        "q10": "2",
        "total": "15",
        "max_score": "16",
        "status": "graded",
    }
    assert [rows["crossing"][f"q{i}"] for i in range(1, 10)] == [
        "1",
        "0",
        "0",
        "0",
        "1",
        "2",
        "0",
        "1",
        "1",
    ]
    assert rows["crossing"]["total"] == "6"
    assert rows["hooker"]["total"] == "1" and rows["blank"]["total"] == "0"
    assert rows["absent"] == {
        "student_id": "absent",
        **{f"q{i}": "" for i in range(1, 11)},
        "total": "0",
        "max_score": "16",
        "status": "not submitted",
    }
    assert (
        out / "lms_import.csv"
    ).read_text() == "Student ID,Score\nabsent,0\nace,15\nblank,0\ncrossing,6\nhooker,1\n"
    png = (out / "grade_distribution.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000


@pytest.mark.slow
def test_difficulty_table(graded: Path):
    assert crmlab(graded, "export", A).returncode == 0
    rows = {r["question"]: r for r in read_csv(graded / "exports" / A / "difficulty.csv")}
    shares = {q: rows[q]["share_correct"] for q in rows}
    assert shares == {
        "q1": "0.75",
        "q2": "0.25",
        "q3": "0.25",
        "q4": "0.25",
        "q5": "0.50",
        "q6": "0.50",
        "q7": "0.25",
        "q8": "0.50",
        "q9": "0.50",
        "q10": "0.00",
    }
    assert rows["q10"]["kind"] == "manual" and rows["q10"]["mean_score"] == "0.50"
    assert all(rows[q]["graded"] == "4" for q in rows)
    assert "running total does not exceed the target. (1)" in rows["q2"]["common_check_messages"]
    assert "not attempted yet" in rows["q2"]["common_check_messages"]
    assert "no answer was reported (1)" in rows["q2"]["common_failure_reasons"]
    table = (graded / "exports" / A / "difficulty.md").read_text()
    assert table.index("| q10 |") < table.index("| q2 |") < table.index("| q1 |")  # hardest first


@pytest.mark.slow
def test_audit_lists_what_to_review_and_changes_no_grade(graded: Path):
    assert crmlab(graded, "export", A).returncode == 0
    before = (graded / "exports" / A / "grades.csv").read_text()
    result = crmlab(graded, "audit", A)
    assert result.returncode == 0, result.stderr
    findings = json.loads((graded / "exports" / A / "audit.json").read_text())
    by_student: dict[str, list[str]] = {}
    for f in findings:
        by_student.setdefault(f["student"], []).append(f"{f['kind']} {f['cell']}: {f['detail']}")
    hooker = by_student["hooker"]
    assert any("IPython hook get_ipython().input_transformers_cleanup" in f for f in hooker), hooker
    assert any(f.startswith("tripwire") and "canary" in f for f in hooker), hooker
    assert any("identical to the instructor's solution" in f for f in by_student["ace"])
    assert "blank" not in by_student and "crossing" not in by_student
    assert "hooker" in result.stdout and "audit.md" in result.stdout
    assert "## hooker" in (graded / "exports" / A / "audit.md").read_text()
    assert crmlab(graded, "export", A).returncode == 0
    assert (graded / "exports" / A / "grades.csv").read_text() == before


@pytest.mark.slow
def test_feedback_of_a_class_with_a_manual_grade(graded: Path):
    assert crmlab(graded, "feedback", A).returncode == 0
    page = (graded / "feedback" / "ace" / A / f"{A}.html").read_text(encoding="utf-8")
    assert "Score: 15 of 16 points" in page


def test_everything_the_grader_writes_is_git_ignored():
    """Student data and grades never enter the repository."""
    written = [
        "submitted/2021001/05_abc/05_abc.ipynb",
        "submitted/.replaced/2021001/05_abc-20261123-101500/05_abc.ipynb",
        "autograded/2021001/05_abc/05_abc.ipynb",
        "feedback/2021001/05_abc/05_abc.html",
        "gradebook.db",
        "gradebook.db-journal",
        "exports/05_abc/grades.csv",
        "exports/05_abc/lms_import.csv",
        "exports/05_abc/grade_distribution.png",
        "exports/05_abc/difficulty.md",
        "exports/05_abc/audit.md",
        "exports/05_abc/audit.json",
        ".crmlab-grading/05_abc/done/2021001.json",
        ".crmlab-grading/05_abc/backups/gradebook-20261123-101500-000000.db",
        ".crmlab-grading/05_abc/logs/x.log",
        ".crmlab-grading/lock",
        "dist/crmlab-student-kit.zip",
        "grades.csv",
    ]
    git = subprocess.run(
        ["git", "check-ignore", "--no-index", *written], cwd=REPO, capture_output=True, text=True
    )
    if git.returncode == 128:
        pytest.skip(f"not a git checkout: {git.stderr.strip()}")
    assert sorted(git.stdout.split()) == sorted(written)
