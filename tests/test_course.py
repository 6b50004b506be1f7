"""The course manifest, the release in exercises/ and the environment files agree with each other."""

from __future__ import annotations

import inspect
import re
import tomllib
from pathlib import Path

import nbformat
import pytest

from crmlab.course.manifest import load_course
from crmlab.course.release import find_leaks
from tests.grading_helpers import REPO, make_course

COURSE = load_course(REPO)


def nbgrader_points(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    return sum(
        float(c.metadata.get("nbgrader", {}).get("points", 0))
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade")
    )


def test_manifest_names_follow_the_layout():
    assert [c.number for c in COURSE.chapters] == sorted(c.number for c in COURSE.chapters)
    for chapter in COURSE.chapters:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+", chapter.name)
        if chapter.notebook:
            assert (REPO / chapter.notebook).is_file(), chapter.notebook
        if chapter.assignment:
            assert (
                REPO / "solutions" / chapter.assignment / f"{chapter.assignment}.ipynb"
            ).is_file()
            assert (
                REPO / "exercises" / chapter.assignment / f"{chapter.assignment}.ipynb"
            ).is_file()
            assert (REPO / "keys" / f"{chapter.assignment}.json").is_file()
    assert (REPO / COURSE.index).is_file() or COURSE.index == "notebooks/index.ipynb"


@pytest.mark.parametrize("assignment", COURSE.assignments)
def test_point_totals_agree_with_nbgrader_metadata(assignment):
    chapter = COURSE.chapter_of(assignment)
    total = sum(nbgrader_points(p) for p in (REPO / "solutions" / assignment).glob("*.ipynb"))
    assert chapter.points == total
    intro = (
        nbformat.read(REPO / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
        .cells[0]
        .source
    )
    assert f"{total:g} points" in intro, "the notebook must state its point total"


def test_every_solution_folder_is_in_the_manifest():
    folders = {p.name for p in (REPO / "solutions").iterdir() if p.is_dir()}
    assert folders == set(COURSE.assignments)
    assert {p.name for p in (REPO / "exercises").iterdir() if p.is_dir()} == folders


def test_exercises_hold_no_solutions_hidden_tests_or_keys():
    assert find_leaks(REPO / "exercises") == []
    for path in (REPO / "exercises").rglob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            assert not cell.get("outputs"), f"{path}: release cells carry no outputs"


def test_leak_scan_finds_a_planted_solution(tmp_path: Path):
    (tmp_path / "x.ipynb").write_text('{"source": "### BEGIN SOLUTION"}')
    (tmp_path / "keys").mkdir()
    (tmp_path / "keys" / "05_abc.json").write_text("{}")
    assert len(find_leaks(tmp_path)) == 2


def test_every_assignment_has_a_round_trip_that_checks_its_release_is_reproduced():
    # the regeneration check lives in the round trip (tests/test_grading_roundtrip.py), which runs
    # `crmlab generate` anyway: its course fixture must cover every assignment, and the check use it
    from tests import test_grading_roundtrip as roundtrip

    assert list(roundtrip.ROUND_TRIPS) == COURSE.assignments
    suite = inspect.getsource(roundtrip)
    assert '@pytest.fixture(scope="module", params=list(ROUND_TRIPS.values()))' in suite
    check = roundtrip.test_generate_in_a_fresh_course_reproduces_the_committed_release_and_key
    assert "assert_release_reproduced(graded.root, graded.assignment)" in inspect.getsource(check)


def _pins(path: Path) -> dict[str, str]:
    return dict(re.findall(r"^([a-z0-9_.-]+)==([^\s;]+)", path.read_text(), flags=re.M))


def _names(requirements: list[str]) -> list[str]:
    return [re.split(r"[<>=!\[ ]", r)[0].lower() for r in requirements]


def test_environment_yml_is_a_thin_layer_over_the_lock():
    yaml = pytest.importorskip("yaml")
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    deps = env["dependencies"]
    assert "python=3.11" in deps and "pip" in deps
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict))
    assert pip_section == ["-r requirements.lock"]
    assert "pip install --no-deps -e ." in (REPO / "postBuild").read_text()


def test_the_course_lock_has_what_learning_needs_and_the_test_lock_adds_the_test_tools():
    course, test = _pins(REPO / "requirements.lock"), _pins(REPO / "requirements-test.lock")
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    for name in _names(project["dependencies"] + extras["course"]):
        assert name in course, (
            f"{name} is a course dependency in pyproject.toml but not pinned in requirements.lock"
        )
    for name in _names(project["dependencies"] + extras["course"] + extras["test"]):
        assert name in test, f"{name} is in pyproject.toml but not pinned in requirements-test.lock"
    # `make lab` installs no test tooling (playwright alone is 165 MB) ...
    for tool in ("pytest", "playwright", "ruff", "hypothesis", "nbval", "lifetimes"):
        assert tool not in course, f"{tool} is a test tool but requirements.lock pins it"
    # ... and the two locks agree on every package they share, so outputs reproduce in both
    assert {n: v for n, v in test.items() if n in course} == course
    assert (
        course["pandas"].startswith("3.")
        and course["jupyterlab"].startswith("4.")
        and course["nbgrader"].startswith("0.9")
    )


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-test.lock"])
def test_lock_has_hashes_for_every_pin(lock: str):
    text = (REPO / lock).read_text()
    blocks = re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[2])
    pinned = [b for b in blocks if "==" in b.split("\n")[0]]
    assert pinned and all("--hash=sha256:" in b for b in pinned)


def test_the_makefile_keeps_lab_and_test_environments_apart():
    makefile = (REPO / "Makefile").read_text()
    targets = dict(re.findall(r"^([a-z-]+):([^\n=]*)$", makefile, flags=re.M))
    assert targets["workspace"].split() == ["$(COURSE)"] and targets["test"].split() == [
        "$(TESTENV)"
    ]
    assert (
        "--require-hashes -r requirements.lock" in makefile
        and "--require-hashes -r requirements-test.lock" in makefile
    )
    # every target listed as phony exists (no phantom targets), and `make lock` never uses the system pip
    phony = re.search(r"^\.PHONY:(.*)$", makefile, flags=re.M).group(1).split()
    assert [t for t in phony if t not in targets] == []
    lock_recipe = makefile.split("\nlock:", 1)[1].split("\n\n", 1)[0]
    assert "$(PYTHON) -m pip" not in lock_recipe and "$(TOOLS)/bin/uv" in lock_recipe


def test_generated_docs_are_up_to_date():
    from crmlab.course.coursedocs import expected_files

    for path, text in expected_files(REPO).items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is out of date: run `crmlab sync-docs`"
        )
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme


@pytest.mark.slow
@pytest.mark.parametrize("assignment", COURSE.assignments)
def test_nbgrader_validate_passes_the_solution_and_fails_the_release(assignment, tmp_path: Path):
    """What the Validate button reports: the solution passes; the untouched release fails every test."""
    from crmlab.course.nbgrader_run import run_nbgrader

    root = make_course(tmp_path, [assignment])
    solution = run_nbgrader(
        root, "validate", f"solutions/{assignment}/{assignment}.ipynb", check=False
    )
    assert "Success! Your notebook passes all the tests." in solution.stdout, (
        solution.stdout + solution.stderr
    )
    release = run_nbgrader(
        root, "validate", "--invert", f"exercises/{assignment}/{assignment}.ipynb", check=False
    )
    assert "Success! The notebook does not pass any tests." in release.stdout, (
        release.stdout + release.stderr
    )


def test_lint_runs_in_make_test_and_pre_commit_runs_the_same_checks():
    yaml = pytest.importorskip("yaml")
    makefile = (REPO / "Makefile").read_text()
    test_recipe = makefile.split("\ntest: $(TESTENV)\n", 1)[1].split("\n\n", 1)[0]
    lint_recipe = makefile.split("\nlint: $(TESTENV)\n", 1)[1].split("\n\n", 1)[0]
    checks = ["$(BIN)/ruff check $(LINT)", "$(BIN)/ruff format --check $(LINT)"]
    assert [ln.strip() for ln in lint_recipe.splitlines()] == checks
    assert [ln.strip() for ln in test_recipe.splitlines()][:2] == checks
    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert [h["entry"] for h in hooks] == [".venv/bin/ruff check", ".venv/bin/ruff format --check"]


def test_the_release_comparison_catches_a_drifted_release_and_key(tmp_path: Path):
    from tests.grading_helpers import assert_release_reproduced

    root = make_course(tmp_path, ["05_abc"])  # a copy of the committed release and key
    assert_release_reproduced(root, "05_abc")
    key = root / "keys" / "05_abc.json"
    key.write_bytes(key.read_bytes().replace(b"10580.0", b"10581.0"))
    with pytest.raises(AssertionError, match="keys/05_abc.json drifted"):
        assert_release_reproduced(root, "05_abc")
    key.write_bytes((REPO / "keys" / "05_abc.json").read_bytes())
    (root / "exercises" / "05_abc" / "extra.csv").write_text("x\n")
    with pytest.raises(AssertionError, match="exercises/05_abc drifted"):
        assert_release_reproduced(root, "05_abc")
