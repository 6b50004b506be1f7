"""The student kit: the course as students get it, as one zip, checked for leaks.

``crmlab kit [PATH]`` (``make kit``: ``dist/crmlab-student-kit.zip``) packs, under a top folder
``crmlab-student-kit/``:

* ``notebooks/`` (the chapters), ``exercises/`` (the released assignments), ``datasets/``, and
  the Chinese edition's ``zh/notebooks/``, ``zh/exercises/`` and ``zh/docs/sources.md``;
* the ``crmlab`` package source (its grading internals hold no answers: the checks store only
  fingerprints of *wrong* answers, the grader only compares with keys that stay behind);
* ``README.md``, ``pyproject.toml``, ``requirements.lock``, ``course.toml``, ``Makefile`` and the
  licence files, so ``make lab`` (or ``pip install -r requirements.lock``) works from the kit;
* ``docs/sources.md``, the page that names the lecture materials, which every notebook links to.

Never packed: ``solutions/``, ``content/`` (the solutions' text sources), ``keys/``, gradebooks, student work (``submitted/``,
``autograded/``, ``feedback/``, ``exports/``, ``.crmlab-grading/``), ``tests/`` (they hold
answers), ``bench/``, the rest of ``docs/``, ``nbgrader_config.py``, caches and virtual environments.

Before the zip is written, :func:`find_kit_leaks` checks every file that would go in: no answer
key (by path and by content), no sqlite database, no solution, hidden-test or mark-scheme marker
and no report output in any notebook, data or text file, no report call with a value anywhere, and
in no notebook, data or text file a hidden test's report or inputs, a mark scheme's sentence or a
solution's answer line (see :func:`_secrets`; the library's Python source may implement what an
exercise asks students to compute). A leak stops the build with the list of leaks; nothing is
written.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path, PurePosixPath

TOP = "crmlab-student-kit"
FILES = [
    "README.md",
    "pyproject.toml",
    "requirements.lock",
    "course.toml",
    "Makefile",
    "LICENSE",
    "LICENSE-CONTENT.md",
    "docs/sources.md",
    "zh/docs/sources.md",
]
# the Chinese edition: its chapters, releases and pages (never zh/solutions)
FOLDERS = [
    "notebooks",
    "exercises",
    "datasets",
    "crmlab",
    "zh/notebooks",
    "zh/exercises",
]
SKIP_PARTS = {
    "__pycache__",
    ".ipynb_checkpoints",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".git",
}
SKIP_SUFFIXES = {".pyc", ".pyo", ".db", ".sqlite", ".db-journal"}
MARKERS = re.compile(
    r"BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS|END HIDDEN TESTS|BEGIN MARK SCHEME|"
    r"END MARK SCHEME|MARK SCHEME"
)
REPORT_OUTPUT = "application/vnd.crmlab.report"
# a report call with a literal value: report, a question id, then a number, string or collection
REPORT_WITH_VALUE = re.compile(r"""\breport\(\s*["']q\d+["']\s*,\s*[\[{("'0-9-]""")


class KitLeak(RuntimeError):
    """The kit would give answers away; nothing was written."""


def kit_files(root: Path) -> list[tuple[Path, str]]:
    """``(file, name in the zip)`` for everything the kit holds, sorted."""
    root = Path(root)
    out: list[tuple[Path, str]] = []
    for name in FILES:
        if (root / name).is_file():
            out.append((root / name, f"{TOP}/{name}"))
    for folder in FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for current, dirs, files in os.walk(base):
            dirs[:] = sorted(
                d
                for d in dirs
                if d not in SKIP_PARTS
                and not d.startswith(".")
                and not os.path.islink(os.path.join(current, d))
            )
            for name in sorted(files):
                path = Path(current) / name
                if (
                    path.suffix in SKIP_SUFFIXES
                    or name.startswith(".")
                    and name != ".gitattributes"
                ):
                    continue
                if path.is_symlink() or not path.is_file():
                    continue
                out.append((path, f"{TOP}/{path.relative_to(root).as_posix()}"))
    return sorted(out, key=lambda item: item[1])


def _secrets(root: Path) -> set[str]:
    """Lines of ``solutions/`` that must not appear in student material.

    The hidden tests' report calls and hidden inputs, the mark schemes' sentences, and every
    solution line that assigns the answer (the name in the stub above ``### BEGIN SOLUTION``, e.g.
    ``a_class = set(...)``). Helper lines of a solution (``weights = ...``) and generic lines of a
    hidden test (``pd.DataFrame({``) may well appear in a chapter's worked example: a chapter
    teaches the method, the exercise asks for the answer.
    """
    import nbformat

    lines: set[str] = set()
    for path in sorted((Path(root) / "solutions").rglob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            block, stub_names, solution = None, set(), []
            for line in str(cell.get("source", "")).splitlines():
                stripped = line.strip()
                begin = re.search(r"BEGIN (SOLUTION|HIDDEN TESTS|MARK SCHEME)", stripped)
                if begin:
                    block = begin.group(1)
                    continue
                if re.search(r"END (SOLUTION|HIDDEN TESTS|MARK SCHEME)", stripped):
                    block = None
                    continue
                if block is None:
                    m = re.match(r"(?:def\s+)?([A-Za-z_]\w*)\s*(?:=|\()", stripped)
                    if m:
                        stub_names.add(m.group(1))
                    continue
                if not stripped or stripped.startswith("#"):
                    continue
                if block == "SOLUTION":
                    solution.append(stripped)
                elif block == "HIDDEN TESTS" and re.search(r"\breport\(|_hidden", stripped):
                    lines.add(stripped)
                elif block == "MARK SCHEME" and len(stripped) >= 30:
                    lines.add(stripped)
            for stripped in solution:
                m = re.match(r"([A-Za-z_]\w*)\s*=(?!=)", stripped)
                if m and m.group(1) in stub_names and not stripped.endswith("= ..."):
                    lines.add(stripped)
    return lines


def _is_key(text: str) -> bool:
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return (
        isinstance(data, dict) and "notebooks" in data and "assignment" in data and "format" in data
    )


def _notebook_text(raw: str) -> str:
    """Cell sources and text outputs of a notebook (the raw JSON when it cannot be read)."""
    try:
        nb = json.loads(raw)
    except ValueError:
        return raw
    chunks = []
    for cell in nb.get("cells", []) if isinstance(nb, dict) else []:
        source = cell.get("source", "")
        chunks.append("".join(source) if isinstance(source, list) else str(source))
        for out in cell.get("outputs", []):
            text = out.get("text") or out.get("data", {}).get("text/plain", "")
            chunks.append("".join(text) if isinstance(text, list) else str(text))
    return "\n".join(chunks)


def find_kit_leaks(root: Path, files: list[tuple[Path, str]]) -> list[str]:
    """What in ``files`` would give answers away (empty when the kit is clean)."""
    secret_lines = _secrets(root)
    leaks = []
    for path, name in files:
        member = PurePosixPath(name)
        parts = set(member.parts)
        # content/ holds the solutions' text sources
        never = {"solutions", "content", "keys", "tests", "submitted", "autograded", "feedback"}
        if parts & (never | {"exports"}):
            leaks.append(f"{name}: a folder that never goes to students")
            continue
        data = path.read_bytes()
        if data.startswith(b"SQLite format 3"):
            leaks.append(f"{name}: a database (a gradebook?)")
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # images and other binary files hold no answer text
        if path.suffix == ".json" and _is_key(text):
            leaks.append(f"{name}: an answer key")
            continue
        is_python = path.suffix == ".py"
        if not is_python:  # the grader's own source names the markers it strips; nothing else may
            marker = MARKERS.search(text)
            if marker:
                leaks.append(f"{name}: {marker.group(0)!r}")
            if REPORT_OUTPUT in text:
                leaks.append(f"{name}: a hidden-test report output")
        if path.suffix == ".ipynb":  # look at what the notebook shows, not at its JSON escaping
            text = _notebook_text(text)
        call = REPORT_WITH_VALUE.search(text)
        if call:
            leaks.append(f"{name}: a report call with a value ({call.group(0)}...)")
        if (
            is_python
        ):  # the library may implement what an exercise asks for; notebooks may not show it
            continue
        shown = [
            ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")
        ]
        hit = next((ln for ln in shown if ln in secret_lines), None)
        if hit is not None:
            leaks.append(f"{name}: part of a solution, hidden test or mark scheme: {hit[:80]!r}")
    return leaks


def build_kit(root: Path, target: Path) -> list[str]:
    """Write the kit zip at ``target``; return the names inside. Raises :class:`KitLeak`."""
    root = Path(root)
    files = kit_files(root)
    if not any(name.endswith(".ipynb") and "/exercises/" in name for _, name in files):
        raise FileNotFoundError(
            f"no released exercises in {root / 'exercises'}: run `crmlab generate --all` first"
        )
    leaks = find_kit_leaks(root, files)
    if leaks:
        raise KitLeak(
            "the student kit would leak answers; nothing was written:\n  " + "\n  ".join(leaks)
        )
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, name in files:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # reproducible
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    tmp.replace(target)
    return [name for _, name in files]
