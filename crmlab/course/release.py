"""Release an assignment: the student version with nbgrader, the answer key by running the solution."""

from __future__ import annotations

import re
from pathlib import Path

from crmlab.course.nbgrader_run import run_nbgrader

# the one import of crmlab.grading in crmlab.course: the key is built and written at release time
from crmlab.grading.keys import build_key, dumps_key, key_path

# what must never reach a student: solution and hidden-test markers, report calls, keys
LEAK_PATTERNS = [
    re.compile(r"BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS|END HIDDEN TESTS|MARK SCHEME"),
    re.compile(r"\breport\(\s*[\"']q"),
    re.compile(r"application/vnd\.crmlab\.report"),
]


def find_leaks(folder: Path) -> list[str]:
    """Files under ``folder`` that hold a solution marker, a hidden test or a key."""
    leaks = []
    for path in sorted(Path(folder).rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".json" and path.parent.name == "keys":
            leaks.append(f"{path}: an answer key")
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for pattern in LEAK_PATTERNS:
            if pattern.search(text):
                leaks.append(f"{path}: {pattern.pattern}")
                break
    return leaks


def generate(root: Path, assignment: str) -> None:
    """Build ``keys/<assignment>.json`` and release ``exercises/<assignment>/`` from ``solutions/``."""
    source = root / "solutions" / assignment
    if not source.is_dir():
        raise FileNotFoundError(f"no source assignment at {source}")
    key = build_key(source, assignment)
    path = key_path(root / "keys", assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps_key(key), encoding="utf-8")
    run_nbgrader(root, "generate_assignment", assignment, "--force", "--log-level=WARN")
    leaks = find_leaks(root / "exercises" / assignment)
    if leaks:
        raise RuntimeError("the release leaks answers:\n" + "\n".join(leaks))
