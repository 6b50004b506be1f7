"""The feedback page, fast: built from an autograded-like notebook, no grading round trip.

The notebook is the committed release of 08_loyalty_value (it has a displayed formula) with what
``crmlab autograde`` leaves in it: each test cell's source with its hidden block restored, the
grader's verdict in the cell's ``crmlab`` metadata, and outputs (which the page must never show).
tests/test_feedback_browser.py opens real feedback pages in Chromium; this module reads the HTML.
"""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import nbformat
import pytest

from crmlab.checks import for_assignment
from crmlab.grading.contract import is_test_cell
from crmlab.grading.feedback import CSP, feedback_html, formula, markdown_html, write_feedback
from tests.grading_helpers import REPO, fill, release_notebook, solution_answers

A = "08_loyalty_value"
SECRETS = (
    "BEGIN HIDDEN TESTS",
    "_hidden_inputs",
    "SECRET-KEY-0.4242",
    "SECRET-OUTPUT",
    "vnd.crmlab.report",
)
HOSTILE = (
    "My answer: retain the **gold** customers first, worth $r^t$ a period.\n\n"
    "<script>document.title = 'pwned'</script>\n"
    '<img src="http://evil.example/track.png" onerror="document.title = \'pwned\'">\n'
    '<a href="javascript:alert(1)">click</a> <a href="https://example.org/ok">a fine link</a>\n'
    '<iframe src="http://evil.example/"></iframe><svg onload="alert(1)"><circle r="9"/></svg>\n'
    '<form action="http://evil.example/"><input name="x"></form><style>body { display: none }</style>\n'
    '<p style="background: url(http://evil.example/bg.png)" onclick="alert(1)" id="fb-score">styled</p>\n\n'
    "![a chart](http://evil.example/chart.png)\n"
)
ROWS = "you counted rows: a customer with two rows on the same day made one purchase. Count distinct customer-days."
NOT_IN_CATALOGUE = "the key is 0.4242, SECRET-KEY-0.4242"


INLINE = {
    "a",
    "abbr",
    "b",
    "code",
    "em",
    "i",
    "img",
    "kbd",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "u",
}


class Page(HTMLParser):
    """What a browser would build from the HTML, enough to check it: elements and visible text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.chunks: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in INLINE:
            self.chunks.append(" ")
        if tag not in ("img", "br", "hr", "meta", "input", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in INLINE:
            self.chunks.append(" ")
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not {"style", "script", "title"} & set(self.stack):
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]


LITERAL_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>")


def autograded(
    verdicts: dict[str, tuple[bool, str | None]], answers: dict[str, str] | None = None
) -> nbformat.NotebookNode:
    """The release as ``crmlab autograde`` leaves it; ``verdicts``: question -> (passed, check)."""
    nb = release_notebook(REPO, A)
    if answers:
        nb = fill(nb, answers)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if is_test_cell(cell):
            question = meta["grade_id"]
            passed, check = verdicts.get(question, (False, None))
            cell.source += (
                "\n### BEGIN HIDDEN TESTS\n"
                f'report("{question}", _hidden_inputs)  # SECRET-KEY-0.4242\n'
                "### END HIDDEN TESTS"
            )
            cell.metadata["crmlab"] = {
                "question": question,
                "passed": passed,
                "reason": "",
                "check": check,
            }
            cell.outputs = [
                nbformat.v4.new_output(
                    "stream", name="stdout", text="SECRET-OUTPUT of the verdict\n"
                )
            ]
        elif cell.cell_type == "code":
            cell.outputs = [
                nbformat.v4.new_output(
                    "stream", name="stdout", text="SECRET-OUTPUT of a student cell\n"
                ),
                nbformat.v4.new_output(
                    "display_data",
                    data={
                        "application/vnd.crmlab.report+json": {"v": 1},
                        "text/plain": "SECRET-OUTPUT",
                    },
                ),
            ]
    return nb


def release() -> nbformat.NotebookNode:
    return release_notebook(REPO, A)


def questions() -> list[str]:
    return sorted(for_assignment(A).questions, key=lambda q: int(q[1:]))


def cell_of(nb: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


@pytest.fixture(scope="module")
def mixed() -> str:
    """q1 and q6 wrong (q1 with a catalogue message, q6 with one that is not), a hostile written answer."""
    verdicts = {q: (True, None) for q in questions()}
    verdicts["q1"] = (False, ROWS)
    verdicts["q6"] = (False, NOT_IN_CATALOGUE)
    nb = autograded(verdicts, solution_answers(REPO, A))
    cell_of(nb, "q12").source = HOSTILE
    manual = {
        "q12": (1.5, "Good start. <script>alert(2)</script>Name the **segment**."),
        "q13": (None, ""),
    }
    return feedback_html(nb, A, manual, release())


def test_the_page_checks_can_fail():
    """The checks below see escaped and literal tags, raw TeX and foreign resources."""
    escaped = Page(
        "<p>&lt;p&gt;Score&lt;/p&gt; $$\\mathrm{CLV}$$ <img src='http://x.example/a.png'></p>"
    )
    assert LITERAL_TAG.search(escaped.text) and "$$" in escaped.text
    assert escaped.tags("img")[0]["src"].startswith("http")


def test_results_table_has_a_header_row_and_the_score(mixed: str):
    page = Page(mixed)
    heads = [a for t, a in page.elements if t == "th"]
    assert len(heads) >= 3
    assert (
        '<table class="fb-results">\n<thead><tr><th scope="col">question</th><th scope="col">points</th>'
        in mixed
    )
    assert "question points result q1 1 ✗ not correct q2 2 ✓ correct" in page.text
    assert "Score: 13.5 of 21 points." in page.text  # 16 - 1 - 3 auto, 1.5 by hand
    assert "q12 2 graded by your instructor: 1.5" in page.text
    assert "q13 3 written answer: to be graded by your instructor" in page.text
    assert page.text.count("written answer: to be graded by your instructor") == 1


def test_markdown_renders_as_html_not_as_text(mixed: str):
    page = Page(mixed)
    for escaped in ("&lt;p&gt;", "&lt;h", "&lt;th&gt;", "&lt;table", "&lt;/"):
        assert escaped not in mixed, escaped
    assert not LITERAL_TAG.search(page.text), LITERAL_TAG.search(page.text)
    assert [a for a in page.tags("h2")], "the assignment's title is a heading"
    # the course's own table (points per question) keeps its header row
    assert "<th>question</th>\n  <th>what</th>" in mixed
    assert "Assignment 8 · Loyalty, RFM and customer value" in page.text


def test_formulas_are_typeset_as_svg(mixed: str):
    page = Page(mixed)
    for raw in ("$", "\\mathrm", "\\frac", "\\sum"):
        assert raw not in page.text, raw
    images = [a for a in page.tags("img") if a.get("class") == "fb-math"]
    assert [a["alt"] for a in images] == [
        "\\mathrm{CLV} = \\sum_{t=1}^{T} \\frac{m\\,r^t}{(1+d)^t}",
        "r^t",
    ]
    for image in images:
        prefix = "data:image/svg+xml;base64,"
        assert image["src"].startswith(prefix)
        svg = ElementTree.fromstring(base64.b64decode(image["src"].removeprefix(prefix)))
        assert svg.tag == "{http://www.w3.org/2000/svg}svg"
        assert svg.findall(".//{http://www.w3.org/2000/svg}path"), "glyphs drawn as paths"


def test_the_page_is_self_contained_and_has_no_script(mixed: str):
    page = Page(mixed)
    assert page.tags("meta")[1] == {"http-equiv": "Content-Security-Policy", "content": CSP}
    assert "default-src 'none'" in CSP and "script-src" not in CSP  # so no script at all
    assert not page.tags("script") and not page.tags("link") and not page.tags("iframe")
    for tag, attrs in page.elements:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = attrs.get(name) or ""
            assert not value.startswith(("http:", "https:", "//", "file:", "javascript:")) or (
                tag == "a" and name == "href" and value.startswith("https:")
            ), (tag, attrs)
    assert "@import" not in mixed and "url(" not in mixed


def test_nothing_hidden_and_no_student_output(mixed: str):
    for secret in SECRETS:
        assert secret not in mixed, secret
    text = Page(mixed).text
    assert 'check("q1", repeat_rate)' in text  # the visible part of a test cell
    assert "check: " + ROWS in text  # a message of the course's catalogue
    assert "0.4242" not in mixed  # a message that is not


def test_a_students_markup_is_cleaned_but_the_answer_shown(mixed: str):
    page = Page(mixed)
    answer = mixed[mixed.index("Your answer (q12)") :]
    answer = answer[: answer.index("</section>")]
    assert "My answer: retain the <strong>gold</strong> customers first" in answer
    assert '<a href="https://example.org/ok">a fine link</a>' in answer
    for bad in (
        "<script",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "<iframe",
        "<svg",
        "<form",
        "<input",
        "<style",
        "evil.example",
        'id="fb-score"',
        "background",
    ):
        assert bad not in answer, bad
    assert [a["class"] for a in page.tags("img")] == ["fb-math", "fb-math"]  # none of the student's
    assert "[image: a chart]" in page.text
    assert (
        "pwned" not in mixed and "display: none" not in mixed
    )  # a script's or style's text is left out too
    assert "Instructor: 1.5 points. Good start. Name the segment." in page.text
    assert "<script" not in mixed


def test_course_text_comes_from_the_release_not_the_submission():
    nb = autograded({})
    cell_of(nb, "part_a").source = "<script>alert(1)</script>**Score: 21 of 21 points.** TAMPERED"
    nb.cells.insert(
        1, nbformat.v4.new_markdown_cell("A note of my own <img src=x onerror=alert(1)>")
    )
    with_release = feedback_html(nb, A, {}, release())
    assert "TAMPERED" not in with_release and "Repeat buying and RFM on CDNOW" in with_release
    assert "Your note" in with_release and "A note of my own" in with_release
    assert "onerror" not in with_release
    without = feedback_html(nb, A, {})  # no release at hand: the submission's text, cleaned
    assert "TAMPERED" in without and "<script" not in without
    assert Page(without).text.count("Score: ") == 2  # the real score, and the student's own text


def test_blank_and_full_submissions():
    blank = Page(feedback_html(autograded({}), A, {}, release())).text
    assert "Score: 0 of 21 points." in blank and "You wrote no answer." in blank
    full = Page(
        feedback_html(autograded({q: (True, None) for q in questions()}), A, {}, release())
    ).text
    assert "Score: 16 of 21 points." in full and "✗" not in full


def test_markdown_html_cleans_with_an_allow_list():
    assert (
        markdown_html("<b onmouseover='x()'>bold</b> <span class='x-evil'>t</span>")
        == "<p><b>bold</b> <span>t</span></p>"
    )
    assert (
        markdown_html("[x](javascript:alert(1)) <a href='data:text/html,hi'>d</a>")
        == '<p><a href="#harmful-link">x</a> <a>d</a></p>'
    )
    assert (
        markdown_html("[sources](../../docs/sources.md) [top](#top)")
        == '<p><a>sources</a> <a href="#top">top</a></p>'
    )
    table = markdown_html("| a | b |\n|:-|-:|\n| 1 | 2 |")
    assert '<th style="text-align:left;">a</th>' in table and "<td" in table
    assert markdown_html("## Part A") == "<h3>Part A</h3>"  # one level below the page's h1 and h2
    # a student's own math marker is typeset like any formula, never passed through
    assert markdown_html("<crmlab-tex>x^2</crmlab-tex>").startswith(
        '<p><img class="fb-math" alt="x^2"'
    )
    assert "crmlab-tex" not in markdown_html("<crmlab-tex><b>x</b></crmlab-tex>")


def test_a_formula_mathtext_cannot_typeset_shows_its_tex():
    out = markdown_html("$$\\begin{aligned} a &= b \\end{aligned}$$ and $x < y$")
    assert (
        '<code class="fb-tex-source">$$\\begin{aligned} a &amp;= b \\end{aligned}$$</code>' in out
    )
    assert '<img class="fb-math" alt="x &lt; y"' in out
    assert formula("x" * 601) is None and formula("") is None


def test_an_escaped_dollar_is_a_dollar():
    assert markdown_html(r"costs \$140 and \$20") == "<p>costs $140 and $20</p>"


@pytest.mark.parametrize(
    "path", sorted((REPO / "exercises").glob("*/*.ipynb")), ids=lambda p: p.stem
)
def test_every_formula_of_the_course_is_typeset(path: Path):
    """mathtext knows a subset of TeX: a formula it cannot typeset would reach students as TeX."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            out = markdown_html(cell.source)
            assert "fb-tex-source" not in out, out
            assert "$" not in Page(out).text, cell.source


def test_write_feedback_writes_one_page_per_notebook(tmp_path: Path):
    root = tmp_path / "course"
    (root / "exercises" / A).mkdir(parents=True)
    nbformat.write(release(), root / "exercises" / A / f"{A}.ipynb")
    for student in ("s1", "s2"):
        folder = root / "autograded" / student / A
        folder.mkdir(parents=True)
        nbformat.write(autograded({"q1": (True, None)}), folder / f"{A}.ipynb")
    written = write_feedback(root, A)
    assert written == [root / "feedback" / s / A / f"{A}.html" for s in ("s1", "s2")]
    page = written[0].read_text(encoding="utf-8")
    assert "Score: 1 of 21 points." in page and "Repeat buying" in page
    assert sorted(p.name for p in (root / "feedback" / "s1" / A).iterdir()) == [f"{A}.html"]


def test_a_chinese_notebook_gets_its_feedback_in_chinese():
    from crmlab._i18n import translate

    english_check = for_assignment(A).questions["q1"].messages()["not-attempted"]
    chinese_check = translate(english_check, language="zh")
    assert chinese_check != english_check
    verdicts = {q: (True, None) for q in questions()}
    verdicts["q1"] = (False, chinese_check)  # what the student's Chinese check cell printed
    verdicts["q6"] = (False, NOT_IN_CATALOGUE)
    nb = autograded(verdicts, solution_answers(REPO, A))
    chinese_release = release()
    chinese_release.metadata["crmlab"] = {"language": "zh"}
    page = feedback_html(nb, A, {"q12": (1.5, ""), "q13": (None, "")}, chinese_release)
    text = Page(page).text
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert "题号 分值 结果 q1 1 ✗ 不正确 q2 2 ✓ 正确" in text
    assert "得分：13.5分（满分21分）。" in text
    assert "q12 2 老师评分：1.5" in text and "q13 3 书面作答：由老师评分" in text
    assert f"检查提示：{chinese_check}" in text, "a translated check message is the course's own"
    assert NOT_IN_CATALOGUE not in text
    assert "Score:" not in text and "not correct" not in text
    # the language comes from the course's release, not from what a student wrote in theirs
    nb.metadata["crmlab"] = {"language": "zh"}
    assert "Score: " in Page(feedback_html(nb, A, {}, release())).text


def test_every_text_of_the_feedback_page_is_translated_with_its_placeholders():
    import string

    from crmlab._i18n import catalogue
    from crmlab.grading.feedback import PAGE_TEXT

    table = catalogue("feedback", "zh")
    fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    missing = [t for t in PAGE_TEXT if t not in table]
    assert missing == []
    assert [t for t in PAGE_TEXT if fields(table[t]) != fields(t)] == []
    assert set(table) == set(PAGE_TEXT), "no stale entry in feedback.po"
