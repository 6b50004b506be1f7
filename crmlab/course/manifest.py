"""The course manifest (``course.toml``): chapters, notebooks, assignments and point totals."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Chapter:
    """One chapter of the course (a notebook and, once written, an assignment)."""

    number: int
    slug: str
    title_en: str
    title_zh: str
    minutes: int
    status: str
    notebook: str | None = None
    assignment: str | None = None
    points: float | None = None

    @property
    def name(self) -> str:
        """``NN_slug``, e.g. ``05_abc``."""
        return f"{self.number:02d}_{self.slug}"


#: where each edition's nbgrader source and release live, relative to the course root
EDITIONS = {"en": ("solutions", "exercises"), "zh": ("zh/solutions", "zh/exercises")}


@dataclass(frozen=True)
class Course:
    """The whole manifest."""

    root: Path
    title_en: str
    title_zh: str
    index: str
    chapters: tuple[Chapter, ...]
    #: the language of this class's release ("en" or "zh"): course.toml's ``edition``, or the
    #: environment variable ``CRMLAB_EDITION`` (what ``crmlab generate --lang`` sets for nbgrader)
    edition: str = "en"

    def source_dir(self, edition: str | None = None) -> Path:
        """The nbgrader source folder of an edition (default: the class's)."""
        return self.root / EDITIONS[self._edition(edition)][0]

    def release_dir(self, edition: str | None = None) -> Path:
        """The release folder of an edition (default: the class's): ``exercises/``, ``zh/exercises/``."""
        return self.root / EDITIONS[self._edition(edition)][1]

    def _edition(self, edition: str | None) -> str:
        edition = edition or self.edition
        if edition not in EDITIONS:
            raise ValueError(f"unknown edition {edition!r}: the course has {sorted(EDITIONS)}")
        return edition

    @property
    def assignments(self) -> list[str]:
        return [c.assignment for c in self.chapters if c.assignment]

    @property
    def notebooks(self) -> list[str]:
        return [c.notebook for c in self.chapters if c.notebook]

    def chapter_of(self, assignment: str) -> Chapter:
        for c in self.chapters:
            if c.assignment == assignment:
                return c
        raise ValueError(
            f"no chapter has assignment {assignment!r}; assignments: {self.assignments}"
        )


def find_root(start: Path | None = None) -> Path:
    """The course root: the nearest folder at or above ``start`` (default: cwd) with course.toml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "course.toml").is_file():
            return folder
    raise FileNotFoundError(
        f"no course.toml in {here} or any folder above it; run from the course root"
    )


@cache
def load_course(root: Path | None = None) -> Course:
    """Read and check ``course.toml`` of the course at ``root`` (default: found from cwd).

    Chapter names must follow ``NN_slug``; numbers are unique; an assignment is named like its
    chapter.
    """
    root = find_root(root)
    data = tomllib.loads((root / "course.toml").read_text(encoding="utf-8"))
    course = data["course"]
    chapters = tuple(Chapter(**entry) for entry in data["chapter"])
    numbers = [c.number for c in chapters]
    if len(set(numbers)) != len(numbers):
        raise ValueError(f"course.toml: chapter numbers repeat: {numbers}")
    for c in chapters:
        if c.notebook and c.notebook != f"notebooks/{c.name}.ipynb":
            raise ValueError(
                f"course.toml: chapter {c.number} notebook should be notebooks/{c.name}.ipynb"
            )
        if c.assignment and c.assignment != c.name:
            raise ValueError(f"course.toml: chapter {c.number} assignment should be {c.name}")
    edition = os.environ.get("CRMLAB_EDITION") or course.get("edition", "en")
    if edition not in EDITIONS:
        raise ValueError(f"course.toml: edition must be one of {sorted(EDITIONS)}, got {edition!r}")
    return Course(root, course["title_en"], course["title_zh"], course["index"], chapters, edition)


def edition_folders(root: Path) -> tuple[str, str]:
    """(source, release) folders of the class at ``root``, for nbgrader_config.py.

    The edition is ``CRMLAB_EDITION`` when set, else course.toml's ``edition``; a folder without
    course.toml (a deployment's bare config) is English.
    """
    edition = os.environ.get("CRMLAB_EDITION")
    if not edition:
        path = Path(root) / "course.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        edition = data.get("course", {}).get("edition", "en")
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}: the course has {sorted(EDITIONS)}")
    return EDITIONS[edition]


def release_dir(root: Path, edition: str | None = None) -> Path:
    """The release folder of the class at ``root``: its edition's (see :func:`edition_folders`)."""
    if edition is not None:
        if edition not in EDITIONS:
            raise ValueError(f"unknown edition {edition!r}: the course has {sorted(EDITIONS)}")
        return Path(root) / EDITIONS[edition][1]
    return Path(root) / edition_folders(root)[1]
