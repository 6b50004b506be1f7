"""Collect submissions from a folder or an LMS zip into ``submitted/<student>/<assignment>/``.

``crmlab collect ASSIGNMENT SOURCE [--pattern REGEX] [--roster FILE]``

SOURCE holds one notebook per student, the student id in the file name (``2021001.ipynb``,
``2021001_05_abc.ipynb``, ``张三_2021001.ipynb``) or in the name of the folder around it
(``2021001/05_abc.ipynb``, Moodle's ``Zhang San_2021001_assignsubmission_file_/05_abc.ipynb``).
How the id is found, unless ``--pattern`` gives a regular expression with a group
``(?P<student>...)`` matched against the path inside SOURCE:

* candidates, nearest first: the folders between SOURCE (and a top folder that every entry
  shares) and the file, then the file name, then that shared top folder;
* from each candidate the assignment name, copy suffixes like ``(1)`` and separators are
  removed; what remains is the id if it is a valid id; otherwise a single run of four or more
  digits in it (a student number) is; generic names (``Untitled``, ``notebook``…) never are.

A valid student id is 1 to 64 letters, digits, ``.``, ``_`` or ``-``, starting with a letter or a
digit, with no ``..`` (see :func:`student_id_problem`): no path can be smuggled through it.

Zip files from Chinese Windows store file names in GBK without the UTF-8 flag; :mod:`zipfile`
then decodes them as cp437. :func:`zip_entry_name` re-encodes those names to bytes and decodes
them as UTF-8 or GBK, so ``张三_2021001.ipynb`` is read as such.

Nothing is lost: files that are not JSON or not notebooks, names without a valid id, ids not in
the roster and second notebooks of a student are reported and not collected (SOURCE keeps
them); a student's earlier, different submission is moved to
``submitted/.replaced/<student>/<assignment>-<timestamp>/`` and the report says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from crmlab.course.manifest import release_dir

STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
GENERIC_NAMES = re.compile(
    r"(?i)(untitled|notebook|submission|homework|assignment|answers?|main|final|copy|作业|副本)\d*"
)
MAX_NOTEBOOK_BYTES = 50 * 2**20
REPLACED = ".replaced"


def student_id_problem(name: str) -> str | None:
    """What is wrong with ``name`` as a student id, or None when it is valid.

    >>> student_id_problem("2021001") is None, student_id_problem("li.wei-2") is None
    (True, True)
    >>> student_id_problem("../keys")
    "'../keys' has characters other than letters, digits, '.', '_' and '-', or starts with one of '.', '_', '-'"
    >>> student_id_problem("a..b")
    "'a..b' contains '..'"
    """
    if not name:
        return "the student id is empty"
    if len(name) > 64:
        return f"{name[:20]!r}... is longer than 64 characters"
    if not STUDENT_ID.fullmatch(name):
        return (
            f"{name!r} has characters other than letters, digits, '.', '_' and '-', "
            "or starts with one of '.', '_', '-'"
        )
    if ".." in name:
        return f"{name!r} contains '..'"
    return None


def zip_entry_name(info: zipfile.ZipInfo) -> str:
    """The real name of a zip entry: UTF-8 when flagged, else the raw bytes as UTF-8 or GBK.

    >>> info = zipfile.ZipInfo("张三_2021001.ipynb".encode("gbk").decode("cp437"))
    >>> zip_entry_name(info)
    '张三_2021001.ipynb'
    """
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for encoding in ("utf-8", "gbk", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def clean_candidate(text: str, assignment: str) -> str | None:
    """A student id from one file or folder name (see the module docstring), or None.

    >>> clean_candidate("2021001_05_abc", "05_abc"), clean_candidate("张三_2021001", "05_abc")
    ('2021001', '2021001')
    >>> clean_candidate("Zhang San_123456_assignsubmission_file_", "05_abc")
    '123456'
    >>> clean_candidate("05_abc (1)", "05_abc") is None, clean_candidate("Untitled1", "05_abc") is None
    (True, True)
    """
    t = re.sub(re.escape(assignment), " ", text, flags=re.IGNORECASE)
    t = re.sub(r"\(\d+\)|（\d+）|-\s*copy$|-\s*副本$", " ", t, flags=re.IGNORECASE)
    t = t.strip(" _-.\t")
    if not t or GENERIC_NAMES.fullmatch(t):
        return None
    if student_id_problem(t) is None:
        return t
    numbers = set(re.findall(r"\d{4,}", t))
    if len(numbers) == 1:
        return numbers.pop()
    return None


@dataclass
class Entry:
    """One file of the source: its path inside the source, how to read it, when it was made."""

    path: PurePosixPath
    read: Callable[[], bytes]
    size: int
    mtime: float


@dataclass
class CollectReport:
    """What ``collect`` did, for the instructor."""

    assignment: str
    new: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[tuple[str, str]] = field(
        default_factory=list
    )  # (student, where the old one went)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    odd: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (file, student id)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (student, kept, skipped)
    ignored: list[str] = field(default_factory=list)  # files that are not notebooks
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (student, warning)

    @property
    def problems(self) -> int:
        return len(self.unreadable) + len(self.odd) + len(self.unknown) + len(self.duplicates)

    def __str__(self) -> str:
        a = self.assignment
        total = len(self.new) + len(self.replaced) + len(self.unchanged)
        lines = [
            f"collected {total} submission(s) of {a} into submitted/<student>/{a}/: "
            f"{len(self.new)} new, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged"
        ]
        for student, where in self.replaced:
            lines.append(f"  replaced: {student}: the earlier submission was moved to {where}")
        for student, warning in self.warnings:
            lines.append(f"  warning: {student}: {warning}")
        sections = [
            ("unreadable, not collected", [f"{f}: {why}" for f, why in self.unreadable]),
            ("no valid student id, not collected", [f"{f}: {why}" for f, why in self.odd]),
            (
                "not in the roster, not collected",
                [f"{f}: student id {s!r}" for f, s in self.unknown],
            ),
            (
                "more than one notebook for a student, only the newest collected",
                [f"{s}: kept {k}, not collected {x}" for s, k, x in self.duplicates],
            ),
        ]
        for title, items in sections:
            if items:
                lines.append(f"{title} ({len(items)}):")
                lines += [f"  {item}" for item in items]
        if self.ignored:
            shown = ", ".join(self.ignored[:10]) + (" ..." if len(self.ignored) > 10 else "")
            lines.append(f"ignored {len(self.ignored)} file(s) that are not notebooks: {shown}")
        return "\n".join(lines)


def _hidden(path: PurePosixPath) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in path.parts)


def _entries(source: Path, report: CollectReport) -> list[Entry]:
    """The files of a folder or a zip (links, hidden files and unsafe zip paths left out)."""
    entries: list[Entry] = []
    if source.is_dir():
        for folder, dirs, files in os.walk(source):
            dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(folder, d)))
            for name in sorted(files):
                path = Path(folder) / name
                rel = PurePosixPath(path.relative_to(source).as_posix())
                if path.is_symlink() or not path.is_file():
                    report.odd.append((str(rel), "a link, not a file"))
                    continue
                stat = path.stat()
                entries.append(Entry(rel, path.read_bytes, stat.st_size, stat.st_mtime))
        return entries
    if zipfile.is_zipfile(source):
        archive = zipfile.ZipFile(source)
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = zip_entry_name(info).replace("\\", "/")
            rel = PurePosixPath(name)
            if rel.is_absolute() or ".." in rel.parts or re.match(r"^[A-Za-z]:", name):
                report.odd.append((name, "an unsafe path inside the zip (absolute or with '..')"))
                continue
            mtime = dt.datetime(*info.date_time).timestamp()

            def read(info: zipfile.ZipInfo = info) -> bytes:
                with archive.open(info) as fh:
                    return fh.read(MAX_NOTEBOOK_BYTES + 1)

            entries.append(Entry(rel, read, info.file_size, mtime))
        return entries
    if source.exists():
        raise ValueError(f"{source} is neither a folder nor a zip file")
    raise FileNotFoundError(f"no such folder or zip file: {source}")


def _notebook_problem(data: bytes) -> tuple[str | None, set[str]]:
    """(why these bytes are not a notebook or None, the notebook's grade ids)."""
    import nbformat

    if len(data) > MAX_NOTEBOOK_BYTES:
        return f"larger than {MAX_NOTEBOOK_BYTES // 2**20} MB", set()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "not text in UTF-8 (not a notebook file)", set()
    try:
        raw = json.loads(text)
    except ValueError as exc:
        return f"not JSON ({exc})", set()
    if not isinstance(raw, dict) or not isinstance(raw.get("cells", raw.get("worksheets")), list):
        return "JSON but not a notebook (no cells)", set()
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:
        return f"not a readable notebook ({type(exc).__name__}: {str(exc)[:120]})", set()
    ids = set()
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if isinstance(grade_id, str):
            ids.add(grade_id)
    return None, ids


def _release_ids(root: Path, assignment: str) -> tuple[str, set[str]]:
    """The notebook name submissions are stored under, and the release's grade ids."""
    import nbformat

    release = sorted((release_dir(root) / assignment).glob("*.ipynb"))
    name = release[0].name if len(release) == 1 else f"{assignment}.ipynb"
    ids: set[str] = set()
    for path in release:
        for cell in nbformat.read(path, as_version=4).cells:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if isinstance(grade_id, str):
                ids.add(grade_id)
    return name, ids


def read_roster(path: Path) -> set[str]:
    """Student ids from a roster: the first column of a text or CSV file (a header is skipped)."""
    ids = set()
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        first = re.split(r"[,;\t]", line.strip(), maxsplit=1)[0].strip().strip('"')
        if first and student_id_problem(first) is None:
            ids.add(first)
    if not ids:
        raise ValueError(f"the roster {path} holds no valid student ids")
    return ids


def _student_of(
    entry: Entry, assignment: str, shared: int, pattern: re.Pattern[str] | None
) -> tuple[str | None, str]:
    if pattern is not None:
        m = pattern.search(str(entry.path))
        if not m or not m.groupdict().get("student"):
            return None, f"--pattern {pattern.pattern!r} does not match"
        student = m.group("student")
        problem = student_id_problem(student)
        return (None, problem) if problem else (student, "")
    parts = entry.path.parts
    folders, top = list(parts[shared:-1]), list(parts[:shared])
    candidates = [*reversed(folders), entry.path.stem, *reversed(top)]
    for candidate in candidates:
        student = clean_candidate(candidate, assignment)
        if student:
            return student, ""
    return (
        None,
        "no student id in the file or folder names (use --pattern REGEX with (?P<student>...))",
    )


def collect(
    root: Path,
    assignment: str,
    source: Path,
    *,
    pattern: str | None = None,
    roster: Path | None = None,
    now: dt.datetime | None = None,
) -> CollectReport:
    """Copy the notebooks of ``source`` into ``submitted/`` (see the module docstring)."""
    root = Path(root)
    source = Path(source)
    if not (release_dir(root) / assignment).is_dir():
        raise FileNotFoundError(
            f"no release of {assignment} in {release_dir(root)}: run `crmlab generate {assignment}`"
        )
    report = CollectReport(assignment)
    regex = re.compile(pattern) if pattern else None
    if regex is not None and "student" not in regex.groupindex:
        raise ValueError(f"--pattern {pattern!r} has no group (?P<student>...)")
    known = read_roster(roster) if roster else None
    target_name, release_ids = _release_ids(root, assignment)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")

    notebooks: list[Entry] = []
    for entry in _entries(source, report):
        if _hidden(entry.path):
            continue
        if entry.path.suffix.lower() != ".ipynb":
            report.ignored.append(str(entry.path))
            continue
        notebooks.append(entry)
    shared = 0
    if len(notebooks) > 1:
        first = notebooks[0].path.parts[:-1]
        while shared < len(first) and all(
            len(e.path.parts) > shared + 1 and e.path.parts[shared] == first[shared]
            for e in notebooks
        ):
            shared += 1
    elif notebooks:
        shared = len(notebooks[0].path.parts) - 1

    chosen: dict[str, tuple[Entry, bytes, set[str]]] = {}
    for entry in notebooks:
        student, why = _student_of(entry, assignment, shared, regex)
        if student is None:
            report.odd.append((str(entry.path), why))
            continue
        if known is not None and student not in known:
            report.unknown.append((str(entry.path), student))
            continue
        data = entry.read()
        problem, ids = _notebook_problem(data)
        if problem:
            report.unreadable.append((str(entry.path), problem))
            continue
        if student in chosen:
            other = chosen[student][0]
            keep, skip = (entry, other) if entry.mtime > other.mtime else (other, entry)
            report.duplicates.append((student, str(keep.path), str(skip.path)))
            if keep is other:
                continue
        chosen[student] = (entry, data, ids)

    for student in sorted(chosen):
        entry, data, ids = chosen[student]
        if release_ids and not (ids & release_ids):
            report.warnings.append(
                (
                    student,
                    f"{entry.path} holds none of the grade cells of {assignment} "
                    "(a notebook of another assignment?); collected, it will score 0",
                )
            )
        folder = root / "submitted" / student / assignment
        target = folder / target_name
        if (
            target.is_file()
            and hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(data).digest()
        ):
            report.unchanged.append(student)
            continue
        if folder.exists():
            aside = root / "submitted" / REPLACED / student / f"{assignment}-{stamp}"
            n = 1
            while aside.exists():
                n += 1
                aside = aside.with_name(f"{assignment}-{stamp}-{n}")
            aside.parent.mkdir(parents=True, exist_ok=True)
            folder.rename(aside)
            report.replaced.append((student, str(aside.relative_to(root))))
        else:
            report.new.append(student)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{target_name}.tmp"
        tmp.write_bytes(data)
        os.utime(tmp, (entry.mtime, entry.mtime))
        tmp.replace(target)
    return report
