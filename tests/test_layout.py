"""The package layout shows the architecture, and the imports keep to it.

* the analytics modules (``crmlab.abc``, ``crmlab.rfm``, …) are the library: they import the
  standard library, numpy, pandas and each other, never the instructor side, the checks or the
  command line (``tests/test_package.py`` checks that importing them stays light);
* :mod:`crmlab.course` (authoring and publishing) never imports :mod:`crmlab.grading`, except
  :mod:`crmlab.course.release` building and writing the key with :mod:`crmlab.grading.keys`;
* :mod:`crmlab.grading` (the grading pipeline) imports of crmlab only itself,
  :mod:`crmlab.course.manifest` and :mod:`crmlab.checks`;
* :mod:`crmlab.checks` imports neither package; only :mod:`crmlab.cli` (and ``__main__``) imports
  the command line;
* :mod:`crmlab.grading.sandbox` imports only the standard library (it runs at every kernel start).

The old module paths are gone except two shims for what course configurations and installed
scripts may name; they work, warn once, and nothing else in the repository uses an old path.
"""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "crmlab"
STDLIB = set(sys.stdlib_module_names) | {"__future__"}

# the library's own modules that may use more than numpy and pandas (plots, widgets, the font tool)
# modules that draw or talk to the notebook: they may import matplotlib, ipywidgets, IPython
# (crmlab._i18n installs the Chinese keyboard's input transformer in the kernel)
PRESENTATION = {
    "crmlab.plotting",
    "crmlab.widgets",
    "crmlab.fonts",
    "crmlab.fonts.build_subset",
    "crmlab._i18n",
}
LIBRARY_THIRD_PARTY = {"numpy", "pandas"}
SHIMS = {"crmlab.course.grading": "crmlab.grading.preprocessors", "crmlab.course.cli": "crmlab.cli"}
# what crmlab.course may take from crmlab.grading: release.py builds and writes the answer key
COURSE_FROM_GRADING = {
    ("crmlab.course.release", "crmlab.grading.keys"): {"build_key", "dumps_key", "key_path"}
}
GRADING_MAY_IMPORT = (
    "crmlab.grading",
    "crmlab.course.manifest",
    "crmlab.checks",
    "crmlab._i18n",
    "crmlab._po",
)
OLD_MODULES = (
    "grading",
    "autograde",
    "sandbox",
    "cli",
    "keys",
    "feedback",
    "export",
    "audit",
    "collect",
    "compare",
)
OLD_PATH = re.compile(r"crmlab[./]course[./](?:" + "|".join(OLD_MODULES) + r")\b")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def imports(name: str) -> list[tuple[str, set[str], int]]:
    """``(module, names taken from it, line)`` for every import statement, at any depth."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, set(), node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((module, {alias.name for alias in node.names}, node.lineno))
    return found


def top_level_imports(name: str) -> list[str]:
    """Modules imported at module level (what importing the module loads at once)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    out = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            out.append(node.module or "")
    return out


def within(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def is_library(name: str) -> bool:
    """An analytics (library) module: ``crmlab.<module>`` or the fonts helper, not the
    package's own ``__init__``, ``__main__`` or the command line."""
    return (
        name.count(".") == 1
        and not within(name, "crmlab.course", "crmlab.grading", "crmlab.checks")
        and name not in ("crmlab.__main__", "crmlab.cli")
    ) or within(name, "crmlab.fonts", "crmlab.datasets")


def test_the_three_parts_have_their_own_folders():
    assert {n for n in MODULES if within(n, "crmlab.grading")} >= {
        f"crmlab.grading.{m}"
        for m in (
            "collect",
            "sandbox",
            "autograde",
            "worker",
            "gradebook",
            "preprocessors",
            "contract",
            "keys",
            "compare",
            "feedback",
            "export",
            "audit",
        )
    }
    assert {n for n in MODULES if within(n, "crmlab.course")} >= {
        f"crmlab.course.{m}"
        for m in ("manifest", "release", "coursedocs", "site", "workspace", "kit", "nbgrader_run")
    }
    assert "crmlab.cli" in MODULES
    leftovers = {
        n for n in MODULES if within(n, "crmlab.course") and n.rpartition(".")[2] in OLD_MODULES
    }
    assert leftovers == set(SHIMS), "only the shims remain of the old module paths"


def test_the_analytics_modules_import_only_the_library():
    library = {n for n in MODULES if is_library(n)}
    assert {
        "crmlab.abc",
        "crmlab.rfm",
        "crmlab.value",
        "crmlab._validate",
        "crmlab.plotting",
    } <= library
    problems = []
    for name in sorted(library):
        for module, _names, line in imports(name):
            top = module.split(".")[0]
            if top == "crmlab" and not is_library(module) and module != "crmlab":
                problems.append(f"{name}:{line} imports {module}")
            elif (
                top not in STDLIB
                and top != "crmlab"
                and name not in PRESENTATION
                and top not in LIBRARY_THIRD_PARTY
            ):
                problems.append(
                    f"{name}:{line} imports {module} (the library uses numpy and pandas only)"
                )
    assert problems == []


def test_crmlab_course_does_not_import_the_grading_pipeline():
    problems = []
    for name in sorted(n for n in MODULES if within(n, "crmlab.course") and n not in SHIMS):
        for module, names, line in imports(name):
            if within(module, "crmlab.grading"):
                allowed = COURSE_FROM_GRADING.get((name, module), set())
                if not names or not names <= allowed:
                    problems.append(f"{name}:{line} imports {module} {sorted(names)}")
            elif within(module, "crmlab.cli"):
                problems.append(f"{name}:{line} imports the command line")
    assert problems == []


def test_the_grading_pipeline_imports_only_the_course_manifest_and_the_checks():
    problems = []
    for name in sorted(n for n in MODULES if within(n, "crmlab.grading")):
        for module, _names, line in imports(name):
            if module.split(".")[0] == "crmlab" and not within(module, *GRADING_MAY_IMPORT):
                problems.append(f"{name}:{line} imports {module}")
    assert problems == []


def test_the_checks_import_neither_package_nor_the_command_line():
    problems = [
        f"{name}:{line} imports {module}"
        for name in sorted(n for n in MODULES if within(n, "crmlab.checks"))
        for module, _names, line in imports(name)
        if within(module, "crmlab.course", "crmlab.grading", "crmlab.cli")
    ]
    assert problems == []


def test_only_the_entry_points_import_the_command_line():
    users = {
        name for name in MODULES for module, _n, _l in imports(name) if within(module, "crmlab.cli")
    }
    assert users <= {"crmlab.__main__", "crmlab.course.cli"}


def test_the_library_loads_nothing_heavy_at_import():
    """The ast form of tests/test_package.py's rule: no module-level import of a heavy package."""
    heavy = ("matplotlib", "seaborn", "ipywidgets", "nbgrader", "nbformat", "scipy")
    problems = [
        f"{name} imports {module} at module level"
        for name in sorted(n for n in MODULES if is_library(n) and n not in PRESENTATION)
        for module in top_level_imports(name)
        if within(module, *heavy)
    ]
    assert problems == []


def test_the_sandbox_imports_only_the_standard_library():
    problems = [
        f"line {line}: {module}"
        for module, _names, line in imports("crmlab.grading.sandbox")
        if module.split(".")[0] not in STDLIB
    ]
    assert problems == []
    # and at run time: what `python -m crmlab.grading.sandbox` loads beyond the interpreter's start
    code = (
        "import sys; before = set(sys.modules); import crmlab.grading.sandbox; "
        "print('\\n'.join(sorted(set(sys.modules) - before)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    loaded = {
        m for m in out.stdout.split() if m.split(".")[0] not in STDLIB and not m.startswith("_")
    }
    assert loaded == {"crmlab", "crmlab.grading", "crmlab.grading.sandbox"}


def test_the_grading_package_init_imports_nothing():
    assert imports("crmlab.grading") == []


# --------------------------------------------------------------------------------------------
# the old names


def _fresh(name: str):
    sys.modules.pop(name, None)
    return importlib.import_module(name)


def test_the_old_grading_names_work_and_warn_once():
    from traitlets.config import Config
    from traitlets.utils.importstring import import_item

    from crmlab.grading.preprocessors import GradingNonce, KeyComparison

    old = _fresh("crmlab.course.grading")
    with pytest.warns(DeprecationWarning, match=r"crmlab\.grading\.preprocessors\.KeyComparison"):
        assert (
            import_item("crmlab.course.grading.KeyComparison") is KeyComparison
        )  # as nbgrader resolves it
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert old.GradingNonce is GradingNonce  # once per process
    # a course's `c.KeyComparison.keys_directory = ...` still reaches the class
    config = Config({"KeyComparison": {"keys_directory": "/course/keys"}})
    assert old.KeyComparison(config=config).keys_directory == "/course/keys"
    with pytest.raises(AttributeError, match="moved"):
        old.judge  # noqa: B018 - only the two preprocessors are forwarded


def test_the_old_command_line_entry_point_works_and_warns():
    import crmlab.cli

    old = _fresh("crmlab.course.cli")
    with pytest.warns(DeprecationWarning, match=r"crmlab\.cli:main"):
        assert old.main is crmlab.cli.main
    # a `crmlab` script installed before the move runs exactly this
    script = "import sys; from crmlab.course.cli import main; sys.exit(main())"
    out = subprocess.run(
        [sys.executable, "-c", script, "--help"], capture_output=True, text=True, cwd=REPO
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("usage: crmlab")
    assert "DeprecationWarning" in out.stderr and "crmlab.cli:main" in out.stderr


def test_the_command_line_and_the_script_point_to_crmlab_cli():
    import tomllib

    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert scripts == {"crmlab": "crmlab.cli:main"}
    out = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-m", "crmlab", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert out.returncode == 0, out.stderr
    assert "autograde" in out.stdout


SCANNED = [REPO / d for d in ("crmlab", "tests", "bench", "docs", ".ci")]
SCANNED_ROOT_FILES = [
    "*.py",
    "*.md",
    "*.toml",
    "*.yaml",
    "*.yml",
    "*.cfg",
    "Makefile",
    "Dockerfile",
    "postBuild",
]
TEXT_SUFFIXES = {
    ".py",
    ".md",
    ".toml",
    ".yaml",
    ".yml",
    ".cfg",
    ".txt",
    ".ipynb",
    ".json",
    ".j2",
    ".html",
    ".css",
    ".in",
    ".sh",
    ".csv",
    "",
}


def _repository_text_files() -> list[Path]:
    files = [p for pattern in SCANNED_ROOT_FILES for p in REPO.glob(pattern) if p.is_file()]
    for base in [*SCANNED, REPO / "notebooks", REPO / "solutions", REPO / "exercises"]:
        if base.is_dir():
            files += [
                p
                for p in base.rglob("*")
                if p.is_file()
                and p.suffix in TEXT_SUFFIXES
                and not {"__pycache__", ".ipynb_checkpoints"} & set(p.parts)
            ]
    return sorted(set(files))


def test_nothing_in_the_repository_uses_an_old_module_path():
    exempt = {MODULES[name] for name in SHIMS} | {Path(__file__).resolve()}
    found = []
    for path in _repository_text_files():
        if path.resolve() in exempt:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if OLD_PATH.search(line):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()[:120]}")
    assert found == []
