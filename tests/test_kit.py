"""``crmlab kit``: the student distribution holds the course and nothing that gives answers away."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import nbformat
import pytest

from crmlab.course.kit import TOP, KitLeak, build_kit, find_kit_leaks, kit_files
from tests.grading_helpers import REPO, crmlab

A = "05_abc"


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, zipfile.ZipFile]:
    target = tmp_path_factory.mktemp("kit") / "kit.zip"
    result = crmlab(REPO, "kit", str(target))
    assert result.returncode == 0, result.stderr
    return target, zipfile.ZipFile(target)


def test_the_kit_holds_the_course(kit):
    _, archive = kit
    names = set(archive.namelist())
    for name in [
        "README.md",
        "pyproject.toml",
        "requirements.lock",
        "course.toml",
        "LICENSE",
        "LICENSE-CONTENT.md",
        "Makefile",
        f"exercises/{A}/{A}.ipynb",
        "crmlab/__init__.py",
        "crmlab/checks/abc.py",
        "crmlab/datasets/__init__.py",
        "datasets/distributors.csv",
    ]:
        assert f"{TOP}/{name}" in names, name
    for path in (REPO / "notebooks").glob("*.ipynb"):
        assert f"{TOP}/notebooks/{path.name}" in names
    assert all(name.startswith(f"{TOP}/") for name in names)


def test_the_kit_holds_nothing_secret(kit):
    _, archive = kit
    for name in archive.namelist():
        parts = name.split("/")
        assert not {
            "solutions",
            "content",
            "keys",
            "tests",
            "submitted",
            "autograded",
            "feedback",
            "exports",
            "bench",
            ".crmlab-grading",
            "__pycache__",
            ".venv",
        } & set(parts), name
        assert not name.endswith((".db", ".pyc", "nbgrader_config.py")), name
        data = archive.read(name)
        assert not data.startswith(b"SQLite format 3"), name
        if name.endswith((".ipynb", ".md", ".csv", ".txt", ".toml", ".json")):
            text = data.decode("utf-8")
            for marker in (
                "BEGIN SOLUTION",
                "BEGIN HIDDEN TESTS",
                "MARK SCHEME",
                "vnd.crmlab.report",
                "_hidden_inputs",
            ):
                assert marker not in text, (name, marker)
            if name.endswith(".json"):
                assert "notebooks" not in json.loads(text) or "format" not in json.loads(text), name


def test_no_solution_line_is_in_any_notebook_of_the_kit(kit):
    _, archive = kit
    solution = nbformat.read(REPO / "solutions" / A / f"{A}.ipynb", as_version=4)
    secret = []
    for cell in solution.cells:
        inside = False
        for line in cell.source.splitlines():
            if "BEGIN SOLUTION" in line or "BEGIN HIDDEN TESTS" in line:
                inside = True
            elif "END SOLUTION" in line or "END HIDDEN TESTS" in line:
                inside = False
            elif inside and len(line.strip()) >= 20:
                secret.append(line.strip())
    assert secret
    for name in archive.namelist():
        if name.endswith(".ipynb"):
            text = "\n".join(
                c.source for c in nbformat.reads(archive.read(name).decode(), as_version=4).cells
            )
            for line in secret:
                assert line not in text, (name, line)


def test_the_key_values_are_not_in_the_release(kit):
    _, archive = kit
    key = json.loads((REPO / "keys" / f"{A}.json").read_text())
    release = archive.read(f"{TOP}/exercises/{A}/{A}.ipynb").decode()
    assert "report(" not in release
    assert json.dumps(key["notebooks"][A]["cells"]["q7"]["value"]) not in release


def test_the_kit_is_reproducible(kit, tmp_path: Path):
    target, _ = kit
    again = tmp_path / "again.zip"
    build_kit(REPO, again)
    assert again.read_bytes() == target.read_bytes()


def fake_course(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    root.mkdir()
    for name in ["course.toml", "README.md", "pyproject.toml", "LICENSE"]:
        shutil.copy2(REPO / name, root / name)
    for folder in [f"exercises/{A}", f"solutions/{A}"]:
        shutil.copytree(REPO / folder, root / folder)
    (root / "keys").mkdir()
    shutil.copy2(REPO / "keys" / f"{A}.json", root / "keys" / f"{A}.json")
    (root / "notebooks").mkdir()
    (root / "datasets").mkdir()
    (root / "datasets" / "sales.csv").write_text("a,b\n1,2\n")
    return root


def test_a_clean_fake_course_builds_without_keys_or_solutions(tmp_path: Path):
    root = fake_course(tmp_path)
    names = build_kit(root, tmp_path / "kit.zip")
    assert f"{TOP}/exercises/{A}/{A}.ipynb" in names
    assert not [n for n in names if "/keys/" in n or "/solutions/" in n]


@pytest.mark.parametrize(
    "leak", ["marker", "solution_line", "key_copy", "database", "report_output", "report_call"]
)
def test_planted_leaks_stop_the_build(tmp_path: Path, leak: str):
    root = fake_course(tmp_path)
    chapter = nbformat.v4.new_notebook()
    if leak == "marker":
        chapter.cells = [
            nbformat.v4.new_code_cell("x = 1\n### BEGIN SOLUTION\nx = 2\n### END SOLUTION")
        ]
    elif leak == "solution_line":
        chapter.cells = [
            nbformat.v4.new_code_cell("a_class = set(ranked.index[running <= 0.80 * total])")
        ]
    elif leak == "key_copy":
        shutil.copy2(REPO / "keys" / f"{A}.json", root / "datasets" / "extra.json")
    elif leak == "database":
        with sqlite3.connect(root / "datasets" / "grades.sqlite3") as con:
            con.execute("CREATE TABLE t (x)")
    elif leak == "report_output":
        cell = nbformat.v4.new_code_cell("x")
        cell.outputs = [
            nbformat.v4.new_output(
                "display_data", data={"application/vnd.crmlab.report+json": {"v": 1}}
            )
        ]
        chapter.cells = [cell]
    elif leak == "report_call":
        chapter.cells = [nbformat.v4.new_code_cell('report("q2", {"f", "e"}, kind="set")')]
    nbformat.write(chapter, root / "notebooks" / "05_abc.ipynb")
    target = tmp_path / "kit.zip"
    with pytest.raises(KitLeak) as caught:
        build_kit(root, target)
    assert "nothing was written" in str(caught.value)
    assert not target.exists()
    assert find_kit_leaks(root, kit_files(root))


def test_the_command_line_reports_a_leak(tmp_path: Path):
    root = fake_course(tmp_path)
    (root / "notebooks" / "notes.md").write_text("=== BEGIN MARK SCHEME ===\nfull marks for ...\n")
    result = crmlab(root, "kit", str(tmp_path / "kit.zip"))
    assert result.returncode != 0
    assert "MARK SCHEME" in result.stderr and "notes.md" in result.stderr


def test_the_solutions_text_sources_never_go_into_the_kit():
    source = REPO / "content" / "solutions" / f"{A}.py"
    leaks = find_kit_leaks(REPO, [(source, f"{TOP}/content/solutions/{A}.py")])
    assert leaks == [f"{TOP}/content/solutions/{A}.py: a folder that never goes to students"]
