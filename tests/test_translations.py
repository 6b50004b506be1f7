"""The Chinese edition's machinery: PO catalogues, keeping them in step, translated notebooks."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmlab._po import Entry, PoError, dumps, loads
from crmlab.cli import main
from crmlab.course import textnotebooks as tn
from crmlab.course import translations as tr

REPO = Path(__file__).resolve().parents[1]
A = "05_abc"

text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
)


@given(
    st.lists(
        st.tuples(
            text, text, st.text("abcdefghij-0123456789", min_size=1, max_size=8), st.booleans()
        ),
        max_size=6,
        unique_by=lambda t: t[2],
    )
)
def test_po_round_trip(rows):
    entries = [
        Entry(
            msgid=m or "x",
            msgstr=s,
            context=c,
            flags=["fuzzy"] if f else [],
            previous="old" if f else None,
        )
        for m, s, c, f in rows
    ]
    back = loads(dumps(entries, language="zh_CN"))
    assert [(e.context, e.msgid, e.msgstr, e.fuzzy, e.previous) for e in back] == [
        (e.context, e.msgid, e.msgstr, e.fuzzy, e.previous) for e in entries
    ]


@pytest.mark.parametrize(
    ("po", "message"),
    [
        ('msgid "a"\nmsgstr "b"\nnonsense\n', "line 3: not PO syntax"),
        ('msgid "a\\q"\nmsgstr ""\n', "line 1: unknown escape"),
        (
            'msgctxt "x"\nmsgid "a"\nmsgstr ""\n\nmsgctxt "x"\nmsgid "a"\nmsgstr ""\n',
            "a repeated entry 'x'",
        ),
        ('msgctxt "x"\nmsgid "a"\n', "an entry without msgid or msgstr"),
    ],
)
def test_a_broken_catalogue_names_the_line(po, message):
    with pytest.raises(PoError, match=message):
        loads(po)


def _course(tmp_path: Path) -> Path:
    for kind in ("chapters", "solutions"):
        (tmp_path / "content" / kind).mkdir(parents=True)
        shutil.copy(REPO / "content" / kind / f"{A}.py", tmp_path / "content" / kind)
    (tmp_path / "course.toml").write_text((REPO / "course.toml").read_text(encoding="utf-8"))
    return tmp_path


def _fill(path: Path, how=lambda e: f"【中】{e.msgid}") -> None:
    entries = loads(path.read_text(encoding="utf-8"))
    for e in entries:
        e.msgstr = how(e)
    path.write_text(dumps(entries, language="zh_CN"), encoding="utf-8")


def test_update_marks_changed_english_fuzzy_keeps_the_old_text_and_check_says_so(tmp_path):
    root = _course(tmp_path)
    chapter = tn.pairs(root)[0]
    first = tr.update(chapter, "zh")
    catalogue = tr.catalogue_path(chapter, "zh")
    assert catalogue == root / "content" / "zh" / "chapters" / f"{A}.po"
    markdown = [c for c in tn.read(chapter.text).cells if c.cell_type == "markdown"]
    assert first.new == len(markdown) and first.changed
    assert tr.check(chapter, "zh") == [
        f"{catalogue}: cell {c.id} is not translated yet" for c in markdown
    ]
    _fill(catalogue)
    assert tr.check(chapter, "zh") == []
    assert tr.update(chapter, "zh").changed is False
    # the English of one cell changes, another cell is deleted, a new one appears
    source = chapter.text.read_text(encoding="utf-8")
    old_first_line = markdown[1].source.splitlines()[0]
    source = source.replace("# " + old_first_line, "# " + old_first_line + " (revised)", 1)
    gone = markdown[2]
    start = source.index(f'# %% [markdown] id="{gone.id}"')
    end = source.index("# %%", start + 5)
    source = source[:start] + '# %% [markdown] id="md-new-1"\n# A new cell\n\n' + source[end:]
    chapter.text.write_text(source, encoding="utf-8")
    report = tr.update(chapter, "zh")
    assert (report.new, report.fuzzy, report.obsolete) == (1, 1, 1)
    entries = {e.context: e for e in loads(catalogue.read_text(encoding="utf-8"))}
    assert entries[markdown[1].id].fuzzy
    assert entries[markdown[1].id].previous == markdown[1].source
    assert entries[markdown[1].id].msgstr == f"【中】{markdown[1].source}", "kept for the reviewer"
    assert entries[gone.id].obsolete and entries[gone.id].msgstr
    assert set(tr.check(chapter, "zh")) == {
        f"{catalogue}: cell {markdown[1].id} is fuzzy: review the translation, then remove the flag",
        f"{catalogue}: cell md-new-1 is not translated yet",
    }
    assert main(["--root", str(root), "translations", "check", A]) == 1


def test_a_translated_notebook_keeps_code_ids_and_grading_metadata(tmp_path):
    root = _course(tmp_path)
    chapter, solution = tn.pairs(root)
    for pair in (chapter, solution):
        tr.update(pair, "zh")
        _fill(tr.catalogue_path(pair, "zh"))
    with pytest.raises(FileNotFoundError):
        tr.edition_path(solution, "zh").read_text()
    assert main(["--root", str(root), "translations", "build", A]) == 0
    english = tn.read(solution.text)
    chinese = nbformat.read(tr.edition_path(solution, "zh"), as_version=4)
    assert tr.edition_path(solution, "zh") == root / "zh" / "solutions" / A / f"{A}.ipynb"
    assert tr.parity(english, chinese, "zh") == []
    assert chinese.metadata["crmlab"] == {"language": "zh"}
    setup = next(c for c in chinese.cells if c.cell_type == "code")
    assert setup.source.startswith('import crmlab\n\ncrmlab.set_language("zh")\n')
    md = [c for c in chinese.cells if c.cell_type == "markdown" and c.source.strip()]
    assert md and all(c.source.startswith("【中】") for c in md)
    points = [
        c.metadata["nbgrader"].get("points") for c in chinese.cells if "nbgrader" in c.metadata
    ]
    assert points == [
        c.metadata["nbgrader"].get("points") for c in english.cells if "nbgrader" in c.metadata
    ]
    # parity names what a translator must not change
    tampered = nbformat.from_dict(chinese)
    answer = next(c for c in tampered.cells if c.id == "q1-answer")
    answer.source += "\nextra = 1"
    tampered.cells[-1].metadata.setdefault("nbgrader", {})["points"] = 99
    assert tr.parity(english, tampered, "zh") == [
        "cell q1-answer: the code differs",
        f"cell {tampered.cells[-1].id}: the nbgrader metadata (grade id, points) differ",
    ]


def test_an_untranslated_cell_stops_the_build_by_name(tmp_path):
    root = _course(tmp_path)
    solution = tn.pairs(root)[1]
    tr.update(solution, "zh")
    catalogue = tr.catalogue_path(solution, "zh")
    _fill(catalogue, lambda e: "" if e.context == "md-01" else "译文")
    with pytest.raises(tr.TranslationError, match="cell md-01 has out of date or untranslated"):
        tn.build(solution, lang="zh")
    assert not tr.edition_path(solution, "zh").exists()
    with pytest.raises(ValueError, match="no translated edition 'fr'"):
        tr.catalogue_path(solution, "fr")


def test_the_class_edition_chooses_the_nbgrader_folders(tmp_path, monkeypatch):
    from crmlab.course.manifest import edition_folders, release_dir

    monkeypatch.delenv("CRMLAB_EDITION", raising=False)
    assert edition_folders(tmp_path) == ("solutions", "exercises"), "no course.toml: English"
    manifest = (REPO / "course.toml").read_text(encoding="utf-8")
    assert 'edition = "en"' in manifest
    (tmp_path / "course.toml").write_text(manifest.replace('edition = "en"', 'edition = "zh"'))
    assert edition_folders(tmp_path) == ("zh/solutions", "zh/exercises")
    assert release_dir(tmp_path) == tmp_path / "zh" / "exercises"
    assert release_dir(tmp_path, "en") == tmp_path / "exercises"
    monkeypatch.setenv("CRMLAB_EDITION", "en")  # what `crmlab generate --lang en` sets
    assert edition_folders(tmp_path) == ("solutions", "exercises")
    monkeypatch.setenv("CRMLAB_EDITION", "fr")
    with pytest.raises(ValueError, match="unknown edition 'fr'"):
        edition_folders(tmp_path)


def test_nbgrader_reads_the_edition_from_the_course(tmp_path):
    from traitlets.config.loader import PyFileConfigLoader

    manifest = (REPO / "course.toml").read_text(encoding="utf-8")
    (tmp_path / "course.toml").write_text(manifest.replace('edition = "en"', 'edition = "zh"'))
    (tmp_path / "nbgrader_config.py").write_text((REPO / "nbgrader_config.py").read_text())
    import os

    saved = os.environ.pop("CRMLAB_EDITION", None)
    os.environ["CRMLAB_COURSE_ROOT"] = str(tmp_path)
    try:
        config = PyFileConfigLoader("nbgrader_config.py", path=str(tmp_path)).load_config()
    finally:
        os.environ.pop("CRMLAB_COURSE_ROOT")
        if saved is not None:
            os.environ["CRMLAB_EDITION"] = saved
    assert config.CourseDirectory.source_directory == "zh/solutions"
    assert config.CourseDirectory.release_directory == "zh/exercises"


def test_a_check_speaks_the_notebook_language(capsys):
    import crmlab
    from crmlab.checks import CheckFailed, for_assignment

    grader = for_assignment(A)
    try:
        crmlab.set_language("zh")
        with pytest.raises(CheckFailed) as failed:
            grader.check("q1", ...)
        assert str(failed.value) == "q1: 尚未作答：把 `...` 换成你的答案。"
        assert failed.value.code == "not-attempted"
        grader.check("q1", 10580.0)
        assert capsys.readouterr().out == "q1: 格式正确。答案是否正确由隐藏测试判定。\n"
    finally:
        crmlab.set_language("en")
    with pytest.raises(CheckFailed, match="not attempted yet"):
        grader.check("q1", ...)
