"""The grading environment is proved before any student is graded (the preflight).

A broken environment (the kernel cannot import crmlab, a data set is missing, a key that does not
fit the solution) must never become a class of zeros: ``crmlab autograde`` grades the
assignment's own solution first, in the same sandbox and configuration, and refuses to grade
anyone when it does not earn full marks. And wherever the grading process imports crmlab from
(an editable install of another clone, a path on PYTHONPATH, a clone used as the course), the
sandboxed kernel imports the same one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.grading_helpers import (
    REPO,
    crmlab,
    fill,
    make_course,
    release_notebook,
    solution_answers,
    submit,
)
from tests.system_tools import grading_flags

pytestmark = pytest.mark.slow
A = "05_abc"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_course(tmp_path_factory.mktemp("preflight"), [A])
    generated = crmlab(root, "generate", A)
    assert generated.returncode == 0, generated.stderr
    release = release_notebook(root, A)
    submit(root, A, "ace", fill(release, solution_answers(root, A)))
    submit(root, A, "blank", release)
    return root


def copy_course(course: Path, tmp: Path) -> Path:
    root = tmp / "course"
    shutil.copytree(course, root)
    return root


def library_copy(tmp: Path) -> Path:
    """A folder holding a copy of crmlab and its data sets, as a path on PYTHONPATH would."""
    lib = tmp / "lib"
    lib.mkdir()
    shutil.copytree(REPO / "crmlab", lib / "crmlab", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "datasets", lib / "datasets")
    return lib


def autograde(
    root: Path, *args: str, pythonpath: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "crmlab",
            "autograde",
            A,
            "--timeout",
            "60",
            *args,
            *grading_flags(),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )


def assert_nothing_graded(root: Path) -> None:
    from nbgrader.api import Gradebook

    assert not (root / "autograded").exists()
    assert not list((root / ".crmlab-grading" / A / "done").glob("*.json"))
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="crmlab") as gb:
        assert gb.find_assignment(A).submissions == []
        assert gb.students == []


def test_a_clone_used_as_the_course_grades_with_its_own_crmlab(course: Path, tmp_path: Path):
    # The grading process imports the course's crmlab (python -m from the course root), while the
    # environment's editable install points at another clone (this repository): the kernel must
    # import the grader's crmlab, not the installed one, and the preflight must say it worked.
    root = copy_course(course, tmp_path)
    shutil.copytree(REPO / "crmlab", root / "crmlab", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "datasets", root / "datasets")
    result = autograde(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "preflight: the solution earned 13 of 13 automatic points" in result.stderr
    assert "ace: 13 / 16" in result.stdout and "blank: 0 / 16" in result.stdout


def test_a_missing_data_set_is_refused_before_any_student(course: Path, tmp_path: Path):
    # crmlab from a path on PYTHONPATH whose data folder lacks the file the ABC notebook reads:
    # the kernel sees the grader's copy (the installed crmlab has the file), and nobody is graded
    root = copy_course(course, tmp_path)
    lib = library_copy(tmp_path)
    (lib / "datasets" / "distributors.csv").unlink()
    result = autograde(root, "--jobs", "2", pythonpath=lib)
    assert result.returncode == 1, result.stdout + result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith(
        "crmlab autograde: error: preflight: the solution of 05_abc earned 5 of 13 automatic points"
    )
    assert f"DatasetError: data file 'distributors.csv' is missing from {lib / 'datasets'}" in line
    assert "nothing was graded" in line and "Fix: a file the notebook reads is missing" in line
    assert "ace:" not in result.stdout and "blank:" not in result.stdout
    assert_nothing_graded(root)


def test_crmlab_hidden_from_the_kernel_is_refused(course: Path, tmp_path: Path):
    # the checks that the notebook's setup cell imports are missing in the grader's crmlab
    root = copy_course(course, tmp_path)
    lib = library_copy(tmp_path)
    (lib / "crmlab" / "checks" / "abc.py").unlink()
    result = autograde(root, pythonpath=lib)
    assert result.returncode == 1, result.stdout + result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert "preflight: the solution of 05_abc earned 0 of 13 automatic points" in line
    assert "ModuleNotFoundError: No module named 'crmlab.checks.abc'" in line
    assert "Fix: the kernel cannot import crmlab" in line
    assert_nothing_graded(root)


def test_a_key_that_does_not_fit_the_solution_is_refused(course: Path, tmp_path: Path):
    root = copy_course(course, tmp_path)
    key_path = root / "keys" / f"{A}.json"
    key = json.loads(key_path.read_text(encoding="utf-8"))
    q1 = key["notebooks"][A]["cells"]["q1"]
    assert q1["value"] == {"t": "float", "v": 10580.0}
    q1["value"]["v"] = 10581.0  # a key rebuilt from an edited solution, say
    key_path.write_text(json.dumps(key), encoding="utf-8")
    result = autograde(root)
    assert result.returncode == 1, result.stdout + result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert "preflight: the solution of 05_abc earned 12 of 13 automatic points" in line
    assert (
        "(failed: q1)" in line
        and f"Fix: the key does not match the solution: run `crmlab generate {A}`" in line
    )
    assert_nothing_graded(root)
