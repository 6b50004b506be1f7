"""Release an assignment: the student version with nbgrader, the answer key by running the solution."""

from __future__ import annotations

import json
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


def generate(root: Path, assignment: str, edition: str | None = None) -> Path:
    """Build the key and release an assignment of an edition; return the release folder.

    The English edition (``solutions/`` -> ``exercises/``) writes ``keys/<assignment>.json``. A
    translated edition (``zh/solutions/`` -> ``zh/exercises/``, made by ``crmlab translations
    build``) runs its own solution too, and its key must equal the English one value for value:
    the code, grade ids and points of the editions are one, so there is one key. The edition
    defaults to the class's (``edition`` in course.toml).
    """
    from crmlab.course.manifest import load_course

    course = load_course(Path(root))
    edition = edition or course.edition
    source = course.source_dir(edition) / assignment
    if not source.is_dir():
        hint = " (run `crmlab translations build` first)" if edition != "en" else ""
        raise FileNotFoundError(f"no source assignment at {source}{hint}")
    key = build_key(source, assignment)
    path = key_path(root / "keys", assignment)
    if edition == "en":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps_key(key), encoding="utf-8")
    else:
        english = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
        if english is None or english["notebooks"] != key["notebooks"]:
            raise RuntimeError(
                f"the {edition} edition of {assignment} does not give the English key "
                f"({path}): its code or grading metadata differ; regenerate the English key "
                "first, then the translation (crmlab translations build)"
            )
    run_nbgrader(
        root,
        "generate_assignment",
        assignment,
        "--force",
        "--log-level=WARN",
        env={"CRMLAB_EDITION": edition},
    )
    release = course.release_dir(edition) / assignment
    leaks = find_leaks(release)
    if leaks:
        raise RuntimeError("the release leaks answers:\n" + "\n".join(leaks))
    return release
