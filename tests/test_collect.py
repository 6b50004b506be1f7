"""``crmlab collect``: folders and LMS zips (GBK names included) into submitted/, nothing lost."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import nbformat
import pytest

from crmlab.grading.collect import (
    clean_candidate,
    collect,
    student_id_problem,
    zip_entry_name,
)
from tests.grading_helpers import crmlab, fill, make_course, release_notebook, solution_answers

A = "05_abc"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return make_course(tmp_path, [A])


def notebook_bytes(root: Path, answers: dict[str, str] | None = None) -> bytes:
    nb = release_notebook(root, A)
    if answers:
        nb = fill(nb, answers)
    return nbformat.writes(nb).encode("utf-8")


def write(path: Path, data: bytes, mtime: float | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))


def submitted(root: Path, student: str) -> Path:
    return root / "submitted" / student / A / f"{A}.ipynb"


class GbkInfo(zipfile.ZipInfo):
    """A zip entry named in GBK without the UTF-8 flag, as Chinese Windows writes them."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("2021001", True),
        ("li.wei-2", True),
        ("A_b", True),
        ("", False),
        ("../keys", False),
        ("a/b", False),
        ("a..b", False),
        (".hidden", False),
        ("-x", False),
        ("学生", False),
        ("x" * 65, False),
        ("a b", False),
    ],
)
def test_student_ids_are_validated(name: str, ok: bool):
    assert (student_id_problem(name) is None) is ok


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021001", "2021001"),
        ("2021002_05_abc", "2021002"),
        ("05_abc-2021003", "2021003"),
        ("张三_2021004", "2021004"),
        ("Zhang San_2021005_assignsubmission_file_", "2021005"),
        ("05_abc (1)", None),
        ("Untitled1", None),
        ("05_abc", None),
        ("x y", None),
        ("..", None),
        ("li.wei", "li.wei"),
        ("张三", None),
    ],
)
def test_student_id_from_a_name(text: str, expected: str | None):
    assert clean_candidate(text, A) == expected


def test_gbk_zip_names_are_decoded():
    raw = "作业/张三_2021007.ipynb".encode("gbk").decode("cp437")
    assert zip_entry_name(zipfile.ZipInfo(raw)) == "作业/张三_2021007.ipynb"
    flagged = zipfile.ZipInfo("李四.ipynb")
    flagged.flag_bits |= 0x800
    assert zip_entry_name(flagged) == "李四.ipynb"
    utf8_unflagged = zipfile.ZipInfo("李四.ipynb".encode().decode("cp437"))
    assert zip_entry_name(utf8_unflagged) == "李四.ipynb"


def test_a_flat_folder_with_every_kind_of_file(course: Path, tmp_path: Path):
    src = tmp_path / "download"
    good = notebook_bytes(course, {"q8": 'q8_answer = "D"'})
    write(src / "2021001.ipynb", good)
    write(src / "2021002_05_abc.ipynb", good)
    write(src / "张三_2021003.ipynb", good)
    write(src / "bad.ipynb", b"this is not json")
    write(src / "empty.ipynb", b"{}")
    write(src / "x y.ipynb", good)
    write(src / "Untitled.ipynb", good)
    write(src / "notes.txt", b"hello")
    write(src / ".ipynb_checkpoints" / "2021001-checkpoint.ipynb", good)
    report = collect(course, A, src)
    assert sorted(report.new) == ["2021001", "2021002", "2021003"]
    for student in report.new:
        assert submitted(course, student).read_bytes() == good
    assert dict(report.unreadable).keys() == {"bad.ipynb", "empty.ipynb"}
    assert "not JSON" in dict(report.unreadable)["bad.ipynb"]
    assert "not a notebook" in dict(report.unreadable)["empty.ipynb"]
    assert {f for f, _ in report.odd} == {"x y.ipynb", "Untitled.ipynb"}
    assert report.ignored == ["notes.txt"]
    assert not (course / "submitted" / "bad").exists()
    text = str(report)
    assert (
        "bad.ipynb: not JSON" in text
        and "x y.ipynb" in text
        and "collected 3 submission(s)" in text
    )


def test_moodle_folders_and_a_shared_top_folder(course: Path, tmp_path: Path):
    src = tmp_path / "moodle"
    good = notebook_bytes(course)
    write(
        src / "05_abc submissions" / "Zhang San_2021005_assignsubmission_file_" / "05_abc.ipynb",
        good,
    )
    write(
        src / "05_abc submissions" / "Li Si_2021006_assignsubmission_file_" / "my work.ipynb", good
    )
    write(
        src / "05_abc submissions" / "Wang Wu_2021009_assignsubmission_file_" / "05_abc (1).ipynb",
        good,
    )
    report = collect(course, A, src)
    assert sorted(report.new) == ["2021005", "2021006", "2021009"]
    assert report.problems == 0


def test_one_student_folder_alone(course: Path, tmp_path: Path):
    src = tmp_path / "one"
    write(src / "2021010" / "Untitled.ipynb", notebook_bytes(course))
    assert collect(course, A, src).new == ["2021010"]


def test_a_gbk_zip_with_unsafe_paths(course: Path, tmp_path: Path):
    good = notebook_bytes(course)
    archive = tmp_path / "lms.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in [
            "作业/张三_2021007.ipynb",
            "作业/李四-2021008.ipynb",
            "作业/说明.txt",
            "作业/王五.ipynb",
        ]:
            zf.writestr(GbkInfo(name), good)
        zf.writestr("../../evil_2021011.ipynb", good)
        zf.writestr("/abs_2021012.ipynb", good)
        zf.writestr("__MACOSX/作业/._张三_2021007.ipynb", b"\x00\x05")
    report = collect(course, A, archive)
    assert sorted(report.new) == ["2021007", "2021008"]
    odd = dict(report.odd)
    assert "作业/王五.ipynb" in odd  # decoded, and reported: no student id in it
    assert any("unsafe path" in why for why in odd.values())
    assert len([why for why in odd.values() if "unsafe path" in why]) == 2
    assert report.ignored == ["作业/说明.txt"]
    assert (
        not (course / "submitted" / "2021011").exists()
        and not (course / "submitted" / "2021012").exists()
    )
    assert not (course.parent / "evil_2021011.ipynb").exists()


def test_a_new_version_moves_the_earlier_one_aside(course: Path, tmp_path: Path):
    first, second = tmp_path / "first", tmp_path / "second"
    v1 = notebook_bytes(course)
    v2 = notebook_bytes(course, {"q1": "total_sales = 1.0"})
    write(first / "2021001.ipynb", v1)
    write(second / "2021001.ipynb", v2)
    assert collect(course, A, first).new == ["2021001"]
    again = collect(course, A, first)
    assert again.unchanged == ["2021001"] and not again.replaced
    report = collect(course, A, second, now=__import__("datetime").datetime(2026, 11, 23, 10, 15))
    assert report.replaced == [("2021001", "submitted/.replaced/2021001/05_abc-20261123-101500")]
    assert submitted(course, "2021001").read_bytes() == v2
    assert (course / report.replaced[0][1] / f"{A}.ipynb").read_bytes() == v1
    third = collect(course, A, first, now=__import__("datetime").datetime(2026, 11, 23, 10, 15))
    assert third.replaced[0][1].endswith(
        "05_abc-20261123-101500-2"
    )  # never overwrites an earlier copy
    assert "moved to submitted/.replaced/2021001" in str(report)
    from crmlab.grading.autograde import submitted_students

    assert submitted_students(course, A) == ["2021001"]  # the copies aside are no students


def test_roster_and_duplicates(course: Path, tmp_path: Path):
    src = tmp_path / "src"
    good = notebook_bytes(course)
    write(src / "2021001.ipynb", good, mtime=1_700_000_000)
    write(
        src / "2021001_05_abc.ipynb",
        notebook_bytes(course, {"q8": 'q8_answer = "D"'}),
        mtime=1_700_000_500,
    )
    write(src / "2021099.ipynb", good)
    roster = tmp_path / "roster.csv"
    roster.write_text("student_id,name\n2021001,Zhang San\n2021002,Li Si\n", encoding="utf-8")
    report = collect(course, A, src, roster=roster)
    assert report.new == ["2021001"]
    assert report.unknown == [("2021099.ipynb", "2021099")]
    assert report.duplicates == [("2021001", "2021001_05_abc.ipynb", "2021001.ipynb")]
    kept = nbformat.read(submitted(course, "2021001"), as_version=4)
    assert any(c.source == 'q8_answer = "D"' for c in kept.cells)


def test_a_notebook_of_another_assignment_is_collected_with_a_warning(course: Path, tmp_path: Path):
    other = nbformat.v4.new_notebook()
    other.cells = [nbformat.v4.new_code_cell("x = 1")]
    other.cells[0].metadata["nbgrader"] = {"grade_id": "hw9-q1", "grade": False, "solution": True}
    write(tmp_path / "src" / "2021001.ipynb", nbformat.writes(other).encode())
    report = collect(course, A, tmp_path / "src")
    assert report.new == ["2021001"]
    assert "another assignment" in report.warnings[0][1]


def test_the_command_line(course: Path, tmp_path: Path):
    src = tmp_path / "src"
    write(src / "2021001.ipynb", notebook_bytes(course, solution_answers(course, A)))
    ok = crmlab(course, "collect", A, str(src))
    assert ok.returncode == 0, ok.stderr
    assert "collected 1 submission(s) of 05_abc" in ok.stdout
    write(src / "broken.ipynb", b"{")
    bad = crmlab(course, "collect", A, str(src))
    assert bad.returncode == 1 and "broken.ipynb: not JSON" in bad.stdout
    missing = crmlab(course, "collect", A, str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "no such folder or zip file" in missing.stderr
    pattern = crmlab(course, "collect", A, str(src), "--pattern", "(?P<who>\\d+)")
    assert pattern.returncode == 1 and "(?P<student>...)" in pattern.stderr
