"""Helpers for grading tests: a temporary course, submissions built from the release notebook."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
COURSE_FILES = ["course.toml", "nbgrader_config.py"]
COURSE_DIRS = ["solutions", "keys", "exercises"]


def make_course(tmp: Path, assignments: list[str] | None = None) -> Path:
    """A copy of the course (manifest, config, solutions, keys, exercises) in ``tmp/course``."""
    root = tmp / "course"
    root.mkdir()
    for name in COURSE_FILES:
        shutil.copy2(REPO / name, root / name)
    for folder in COURSE_DIRS:
        src = REPO / folder
        if assignments is None:
            shutil.copytree(
                src,
                root / folder,
                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
            )
        else:
            (root / folder).mkdir()
            for a in assignments:
                for path in src.glob(f"{a}*"):
                    if path.is_dir():
                        shutil.copytree(path, root / folder / path.name)
                    else:
                        shutil.copy2(path, root / folder / path.name)
    return root


def crmlab(root: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the real ``crmlab`` command line in ``root``.

    ``autograde`` of the course's own test notebooks gets ``--unsafe`` where the sandbox is
    missing and CI is not set (see :func:`tests.system_tools.grading_flags`).
    """
    if args and args[0] == "autograde" and "--unsafe" not in args:
        from tests.system_tools import grading_flags

        args = (*args, *grading_flags())
    return subprocess.run(
        [sys.executable, "-m", "crmlab", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def release_notebook(root: Path, assignment: str) -> nbformat.NotebookNode:
    return nbformat.read(root / "exercises" / assignment / f"{assignment}.ipynb", as_version=4)


def fill(nb: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    """A copy of ``nb`` with the answer cells of the given questions replaced by code."""
    out = nbformat.from_dict(nb)
    found = set()
    for cell in out.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        question = grade_id.removesuffix("-answer")
        if grade_id.endswith("-answer") and question in answers:
            cell.source = answers[question]
            found.add(question)
    missing = set(answers) - found
    assert not missing, f"no answer cells for {missing}"
    return out


def graded_points(nb: nbformat.NotebookNode) -> tuple[dict[str, float], dict[str, float]]:
    """The points of ``nb``'s graded cells by grade id: (automatically graded, written answers)."""
    auto, manual = {}, {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade"):
            automatic = cell.cell_type == "code" and not meta.get("solution")
            (auto if automatic else manual)[meta["grade_id"]] = meta["points"]
    return auto, manual


def solution_answers(root: Path, assignment: str) -> dict[str, str]:
    """The solution's answer cells, as a student who got everything right would write them."""
    nb = nbformat.read(root / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
    answers = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            lines = [
                ln
                for ln in cell.source.splitlines()
                if "### BEGIN SOLUTION" not in ln and "### END SOLUTION" not in ln
            ]
            answers[meta["grade_id"].removesuffix("-answer")] = "\n".join(lines)
    return answers


def submit(root: Path, assignment: str, student: str, nb: nbformat.NotebookNode) -> Path:
    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{assignment}.ipynb"
    nbformat.write(nb, path)
    return path


def scores(root: Path, assignment: str) -> dict[str, float]:
    """Auto-graded scores from the gradebook, by student."""
    from crmlab.grading.autograde import submitted_students
    from crmlab.grading.gradebook import read_scores

    return {
        r.student: r.score
        for r in read_scores(root, assignment, submitted_students(root, assignment))
        if r.ok
    }


def feedback_page(root: Path, assignment: str, student: str) -> str:
    """The feedback page that ``crmlab feedback`` wrote for ``student``."""
    return (root / "feedback" / student / assignment / f"{assignment}.html").read_text(
        encoding="utf-8"
    )


def question_results(root: Path, assignment: str, student: str) -> dict[str, bool]:
    """Pass/fail per auto-graded question, read from the autograded notebook."""
    nb = nbformat.read(
        root / "autograded" / student / assignment / f"{assignment}.ipynb", as_version=4
    )
    return {
        c.metadata["crmlab"]["question"]: c.metadata["crmlab"]["passed"]
        for c in nb.cells
        if "crmlab" in c.get("metadata", {})
    }


def key_values(node, skip_labels: bool = False):
    """Every leaf value of a serialised key entry; with ``skip_labels``, not index labels or names."""
    if isinstance(node, dict):
        if node.get("t") in ("str", "int", "float"):
            yield node["v"]
        for name, value in node.items():
            if skip_labels and name in ("index", "name", "columns"):
                continue
            if isinstance(value, (dict, list)):
                yield from key_values(value, skip_labels)
    elif isinstance(node, list):
        for item in node:
            yield from key_values(item, skip_labels)


def answer_values(node):
    """Leaf values of a key entry that can be answers (index labels and names are not)."""
    return key_values(node, skip_labels=True)


def assert_release_reproduced(root: Path, assignment: str) -> None:
    """The release and key that ``crmlab generate`` wrote in ``root`` equal the committed ones.

    The whole release folder is compared file by file and the key byte for byte, so a solution
    edited without ``make exercises`` fails here.
    """
    fresh, committed = root / "exercises" / assignment, REPO / "exercises" / assignment
    cmp = filecmp.dircmp(fresh, committed)
    assert not (cmp.left_only or cmp.right_only or cmp.diff_files), (
        f"exercises/{assignment} drifted from solutions/{assignment}: run `make exercises` "
        f"(only fresh: {cmp.left_only}, only committed: {cmp.right_only}, differ: {cmp.diff_files})"
    )
    fresh_key = (root / "keys" / f"{assignment}.json").read_bytes()
    assert fresh_key == (REPO / "keys" / f"{assignment}.json").read_bytes(), (
        f"keys/{assignment}.json drifted from solutions/{assignment}: run `make exercises`"
    )
