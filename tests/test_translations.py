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


# ---- the Chinese edition itself: complete, current, built, and written as the course is

PAIRS = tn.pairs(REPO)
ZH = [p for p in PAIRS]


@pytest.mark.parametrize("pair", ZH, ids=lambda p: f"{p.kind}-{p.text.stem}")
def test_the_chinese_edition_is_complete_current_and_built(pair):
    assert tr.check(pair, "zh") == []
    assert tr.edition_check(pair, "zh") == []


def test_every_check_message_has_a_chinese_translation():
    from crmlab.course.manifest import load_course

    assert tr.message_problems(load_course(REPO).assignments, "zh") == []


def _chinese_chapter(pair: tn.NotebookPair) -> nbformat.NotebookNode:
    return nbformat.read(tr.edition_path(pair, "zh"), as_version=4)


def _key_terms(markdown: str, heading: str) -> list[tuple[str, str]]:
    import re

    section = markdown.split(heading, 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*$", section, flags=re.M)
    return [(a, b) for a, b in rows if not set(a) <= {"-", ":"} and a not in ("English", "中文")]


CHAPTERS = [p for p in PAIRS if p.kind == "chapter"]


@pytest.mark.parametrize("pair", CHAPTERS, ids=lambda p: p.text.stem)
def test_a_chinese_chapter_has_the_structure_and_key_terms_of_the_english(pair):
    import re

    from crmlab.glossary import glossary

    english = "\n".join(c.source for c in tn.read(pair.text).cells if c.cell_type == "markdown")
    chinese = "\n".join(c.source for c in _chinese_chapter(pair).cells if c.cell_type == "markdown")
    number = int(pair.text.stem[:2])
    assert chinese.lstrip().startswith(f"# 第{number}章 · ")
    for fixed in (
        "**学习目标。**",
        "## 关键术语 · Key terms",
        "## 小结",
        "## 参考文献",
        "动手试一试",
    ):
        assert fixed in chinese, fixed
    assert re.search(rf"\*图{number}\.\d+ ·", chinese), "a figure caption"
    # the same key terms, the table mirrored (中文 | English), each the glossary's pair
    terms_en = _key_terms(english, "## Key terms · 关键术语")
    terms_zh = _key_terms(chinese, "## 关键术语 · Key terms")
    assert terms_zh == [(zh, en) for en, zh in terms_en]
    table = glossary()
    known = set(zip(table["en"], table["zh"], strict=True))
    assert [t for t in terms_en if t not in known] == []
    # and the Chinese text uses each key term outside its table
    body = chinese.split("## 关键术语 · Key terms", 1)[1].split("\n#", 1)
    rest = chinese.split("## 关键术语 · Key terms", 1)[0] + (body[1] if len(body) > 1 else "")
    unused = [zh for zh, _ in terms_zh if zh not in rest]
    assert unused == [], f"key terms the Chinese text never uses: {unused}"


def test_no_chinese_notebook_calls_a_lecture_material_a_seed():
    for pair in PAIRS:
        text = "\n".join(
            c.source for c in _chinese_chapter(pair).cells if c.cell_type == "markdown"
        )
        for word in ("种子", "seed"):
            for line in text.splitlines():
                if word in line:
                    assert "随机种子" in line or "random seed" in line or "seed=" in line, (
                        pair.text.stem,
                        line,
                    )


def _unrendered_emphasis(markdown: str) -> list[str]:
    """Lines whose ** or * a CommonMark renderer leaves as literal asterisks."""
    import re

    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(markdown)
    text = re.sub(r"<code>.*?</code>|<pre>.*?</pre>", "", html, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]*\$", "", text, flags=re.S)  # formulas keep their *
    return [line for line in re.sub(r"<[^>]+>", "", text).splitlines() if "**" in line]


def test_emphasis_renders_in_both_editions():
    # Chinese punctuation before a closing ** followed by a character is not emphasis in
    # CommonMark: "**学习时间：**约75分钟" shows its asterisks
    assert _unrendered_emphasis("**学习时间：**约75分钟。") != []
    assert _unrendered_emphasis("**学习时间：** 约75分钟。") == []
    bad = {}
    for pair in PAIRS:
        for nb in (tn.read(pair.text), nbformat.read(tr.edition_path(pair, "zh"), as_version=4)):
            for cell in nb.cells:
                if cell.cell_type == "markdown" and _unrendered_emphasis(cell.source):
                    bad[f"{pair.kind} {pair.text.stem} {cell.id}"] = _unrendered_emphasis(
                        cell.source
                    )
    assert bad == {}


@pytest.mark.parametrize("page", sorted(tr.DOCS))
def test_every_guide_has_a_current_chinese_page(page):
    assert tr.doc_problems(REPO, page, "zh") == []
    target = REPO / tr.DOCS[page]
    before = target.read_text(encoding="utf-8")
    assert tr.build_doc(REPO, page, "zh") is False, (
        f"{target} is out of step: crmlab translations build"
    )
    assert target.read_text(encoding="utf-8") == before
    assert _unrendered_emphasis(before) == []


def test_a_changed_english_block_goes_fuzzy_and_links_follow_the_chinese_pages(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "zh" / "docs").mkdir(parents=True)
    (tmp_path / "docs" / "student-guide.md").write_text(
        "# Guide\n\nSee [the sources](sources.md) and [the licence](../LICENSE).\n\n```\nmake lab\n```\n"
    )
    (tmp_path / "docs" / "sources.md").write_text("# Sources\n")
    (tmp_path / "zh" / "docs" / "sources.md").write_text("# 来源\n")
    (tmp_path / "LICENSE").write_text("MIT\n")
    page = "docs/student-guide.md"
    assert tr.update_doc(tmp_path, page, "zh").new == 2, "the code block is not for translators"
    catalogue = tr.doc_catalogue_path(tmp_path, page, "zh")
    _fill(
        catalogue,
        lambda e: (
            "# 指南" if e.msgid == "# Guide" else "见[来源](sources.md)和[许可](../LICENSE)。"
        ),
    )
    assert tr.build_doc(tmp_path, page, "zh") is True
    built = (tmp_path / "zh" / "docs" / "student-guide.md").read_text(encoding="utf-8")
    # a page with a Chinese version links to it; one without links back to the English
    assert (
        built == "# 指南\n\n见[来源](sources.md)和[许可](../../LICENSE)。\n\n```\nmake lab\n```\n"
    )
    (tmp_path / "docs" / "student-guide.md").write_text(
        "# Guide\n\nSee [the sources](sources.md) and [the licence](../LICENSE) first.\n\n```\nmake lab\n```\n"
    )
    report = tr.update_doc(tmp_path, page, "zh")
    assert (report.new, report.fuzzy) == (0, 1)
    assert [p.split(": ", 1)[1] for p in tr.doc_problems(tmp_path, page, "zh")] == [
        "the block 'See [the sources](sources.md) and [the licence](../LICENSE) ' is fuzzy: "
        "review it, then remove the flag"
    ]
    with pytest.raises(tr.TranslationError, match="has no current zh translation"):
        tr.build_doc(tmp_path, page, "zh")


@pytest.mark.slow
def test_a_class_given_the_chinese_edition_is_graded_like_the_english(tmp_path):
    """course.toml's edition = "zh": the release, grading, restored locked cells and feedback."""
    from tests.grading_helpers import crmlab, fill, make_course, scores, solution_answers, submit

    root = make_course(tmp_path, [A])
    for folder in ("zh/solutions", "zh/exercises"):
        shutil.copytree(REPO / folder / A, root / folder / A)
    manifest = (root / "course.toml").read_text(encoding="utf-8")
    (root / "course.toml").write_text(manifest.replace('edition = "en"', 'edition = "zh"'))
    generated = crmlab(root, "generate", A)
    assert generated.returncode == 0, generated.stderr
    assert f"generated zh/exercises/{A}/" in generated.stdout
    release_path = root / "zh" / "exercises" / A / f"{A}.ipynb"
    assert release_path.read_bytes() == (REPO / "zh" / "exercises" / A / f"{A}.ipynb").read_bytes()
    assert (root / "keys" / f"{A}.json").read_bytes() == (REPO / "keys" / f"{A}.json").read_bytes()
    release = nbformat.read(release_path, as_version=4)
    assert release.metadata["crmlab"] == {"language": "zh"}
    ace = fill(release, solution_answers(root, A))
    submit(root, A, "ace", ace)
    submit(root, A, "blank", release)
    tamper = nbformat.from_dict(release)
    intro = next(c for c in tamper.cells if c.cell_type == "markdown")
    chinese_intro = intro.source
    intro.source = "I rewrote the instructions."
    submit(root, A, "tamper", tamper)
    result = crmlab(root, "autograde", A)
    assert result.returncode == 0, result.stdout + result.stderr
    auto = sum(
        c.metadata["nbgrader"]["points"]
        for c in release.cells
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    )
    assert auto == 13
    assert scores(root, A) == {"ace": 13.0, "blank": 0.0, "tamper": 0.0}
    restored = nbformat.read(root / "autograded" / "tamper" / A / f"{A}.ipynb", as_version=4)
    assert next(c for c in restored.cells if c.cell_type == "markdown").source == chinese_intro
    assert crmlab(root, "feedback", A).returncode == 0
    page = (root / "feedback" / "blank" / A / f"{A}.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and "得分：0分（满分16分）。" in page
    assert "尚未作答" in page, "the blank's Chinese check messages are quoted"


# ---- a Chinese keyboard: full-width input


@given(st.text(st.characters(max_codepoint=0x7E, blacklist_categories=("Cs",)), max_size=80))
def test_ascii_code_is_left_as_it_is(source):
    from crmlab._i18n import halfwidth_code

    assert halfwidth_code(source) == source


def test_full_width_code_runs_and_strings_and_comments_stay():
    from crmlab._i18n import halfwidth_code

    source = 'answer = （１２．５ ＋ ２）  # 约１２．５\ntext = """Ａ，\nＢ"""\nname = \'甲，乙\'\n'
    assert (
        halfwidth_code(source)
        == 'answer = (12.5 + 2)  # 约１２．５\ntext = """Ａ，\nＢ"""\nname = \'甲，乙\'\n'
    )
    namespace: dict = {}
    exec(halfwidth_code(source), namespace)
    assert namespace["answer"] == 14.5


def test_a_chinese_notebook_accepts_full_width_numbers_and_choice_letters():
    from nbclient import NotebookClient

    from crmlab.checks import serialise
    from crmlab.checks._core import choice_question
    from crmlab.grading.compare import compare

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('import crmlab\ncrmlab.set_language("zh")'),
        nbformat.v4.new_code_cell("answer = １２．５\nprint（answer ＊ ２）"),
        nbformat.v4.new_code_cell('crmlab.set_language("en")'),
        nbformat.v4.new_code_cell("answer = １"),
    ]
    NotebookClient(nb, kernel_name="python3", timeout=60, allow_errors=True).execute()
    assert nb.cells[1].outputs[0]["text"] == "25.0\n"
    assert nb.cells[3].outputs[0]["ename"] == "SyntaxError", "English notebooks are not changed"
    # choice letters typed full-width, with Chinese separators: the check and the grader agree
    choice_question("q8", "ABCD", single=False).run("Ａ，Ｃ")
    choice_question("q8", "ABCD", single=False).run("A、C")
    for typed in ("Ａ，Ｃ", "A、C", "c; a"):
        assert compare(serialise("AC"), serialise(typed), {"kind": "choice"})[0], typed
    assert not compare(serialise("AC"), serialise("Ａ，Ｂ"), {"kind": "choice"})[0]


def test_charts_and_controls_speak_the_notebook_language():
    import matplotlib.pyplot as plt

    import crmlab
    from crmlab import plotting, widgets
    from crmlab.abc import abc_classify
    from crmlab.datasets import load_distributors

    result = abc_classify(load_distributors(), "sales", customer="distributor")
    english = plotting.pareto_chart(result, "sales", customer="distributor")
    try:
        crmlab.set_language("zh")
        chinese = plotting.pareto_chart(result, "sales", customer="distributor")
        clv = plotting.clv_vs_retention(100, discount=[0.1])
        explorer = widgets.csm_explorer()
    finally:
        crmlab.set_language("en")
    assert english.get_xlabel() == "customer, ranked by sales (客户, 按sales排序)"
    assert chinese.get_xlabel() == "客户, 按sales排序（customer, ranked by sales）"
    assert (
        chinese.get_title()
        == "ABC客户分类（ABC customer classification）: 帕累托图（Pareto chart）"
    )
    assert clv.get_title().startswith("客户终身价值与客户保持率：每期利润 100")
    assert (
        explorer.controls["count:very satisfied"].description == "人数 · 很满意（very satisfied）"
    )
    assert (
        widgets.csm_explorer()
        .controls["count:very satisfied"]
        .description.startswith("respondents")
    )
    plt.close("all")
