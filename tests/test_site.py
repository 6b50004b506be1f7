"""The offline course website (`make site` = `crmlab site _site`), checked without a browser.

The site is built once per module, from the real course, by the command line; then every page is
parsed with the standard library: figures have alt text, headings go down one level at a time,
links inside the site resolve, nothing loads from another host, the exercises carry no answers,
and the course map, glossary and search index cover what the manifest lists. The checkers
themselves are tested on small broken sites. The browser half (no request to another host while
the pages open, search, formulas, fonts) is in tests/test_browser.py.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from crmlab.cli import main
from crmlab.course import site as sitemod
from crmlab.course.manifest import load_course
from crmlab.course.site import (
    MARKER,
    NBCONVERT_DEFAULT_ALT,
    chapter_page,
    check_page_headings,
    check_site,
    exercise_page,
    glossary_rows,
    static_widgets,
)
from tests.grading_helpers import REPO

COURSE = load_course(REPO)
CHAPTERS = [c for c in COURSE.chapters if c.notebook]
ASSIGNMENTS = [c.assignment for c in COURSE.chapters if c.assignment]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, float]:
    """The course site built by `crmlab site` (what `make site` runs): folder, output, seconds."""
    out = tmp_path_factory.mktemp("site") / "_site"
    buffer = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(buffer):
        code = main(["--root", str(REPO), "site", str(out)])
    seconds = time.perf_counter() - started
    assert code == 0, f"crmlab site failed:\n{buffer.getvalue()}"
    return out, buffer.getvalue(), seconds


def page_text(path: Path) -> str:
    """The visible text of an HTML page (scripts and styles left out)."""

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("script", "style"):
                self.skip += 1

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style"):
                self.skip -= 1

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def search_index(site: Path) -> dict:
    text = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1 :].strip().rstrip(";"))


# --------------------------------------------------------------------------------------------
# the real course


@pytest.mark.slow
def test_site_builds_and_passes_its_checks(built: tuple[Path, str, float]) -> None:
    site, output, seconds = built
    assert "PROBLEM" not in output, output
    assert check_site(site) == []
    assert (site / MARKER).is_file()
    print(f"site build: {seconds:.1f} s")


@pytest.mark.slow
def test_every_page_of_the_manifest_is_there(built: tuple[Path, str, float]) -> None:
    site = built[0]
    expected = {"index.html", "glossary.html", "sources.html", "search.html"}
    expected |= {chapter_page(c) for c in CHAPTERS}
    expected |= {exercise_page(a) for a in ASSIGNMENTS}
    assert expected <= {p.name for p in site.glob("*.html")}
    for c in CHAPTERS:
        # the chapter's own first heading is the page's h1 and its stored outputs are there
        nb = nbformat.read(REPO / c.notebook, as_version=4)
        first = next(cell.source for cell in nb.cells if cell.cell_type == "markdown")
        h1 = re.search(r"^# (.+)$", first, flags=re.M)
        assert h1, f"{c.notebook}: no '# title' in its first Markdown cell"
        text = page_text(site / chapter_page(c))
        assert " ".join(h1.group(1).split()) in " ".join(text.split())
        streams = [
            o["text"]
            for cell in nb.cells
            for o in cell.get("outputs", [])
            if o.get("output_type") == "stream"
        ]
        for stream in streams[:3]:
            assert stream.strip().splitlines()[0].strip() in text, (
                f"{c.notebook}: stored output missing"
            )


@pytest.mark.slow
def test_course_map_lists_chapters_in_order_with_minutes_and_exercises(
    built: tuple[Path, str, float],
) -> None:
    site = built[0]
    source = (site / "index.html").read_text(encoding="utf-8")
    positions = []
    for c in COURSE.chapters:
        row = re.search(rf'<tr id="chapter-{c.number}">(.*?)</tr>', source, flags=re.S)
        assert row, f"chapter {c.number} is not in the course map"
        cells = row.group(1)
        positions.append(row.start())
        assert html.escape(c.title_en) in cells and html.escape(c.title_zh) in cells
        assert f">{c.minutes}<" in cells
        assert (f'href="{chapter_page(c)}"' in cells) == bool(c.notebook)
        if c.assignment:
            assert (
                f'href="{exercise_page(c.assignment)}"' in cells and f"{c.points:g} points" in cells
            )
        else:
            assert "exercise-" not in cells
    assert positions == sorted(positions), "the course map is not in course order"
    assert f">{sum(c.minutes for c in COURSE.chapters)}<" in source, "total minutes"


@pytest.mark.slow
def test_glossary_page_has_every_term_in_both_languages(built: tuple[Path, str, float]) -> None:
    site = built[0]
    source = (site / "glossary.html").read_text(encoding="utf-8")
    rows = glossary_rows()
    assert source.count('<tr id="term-') == len(rows)
    ids = re.findall(r'<tr id="(term-[^"]+)"', source)
    assert len(ids) == len(set(ids))
    for row in rows:
        assert f"<td>{html.escape(row['en'])}</td>" in source, row["en"]
        assert f'<td lang="zh-CN">{html.escape(row["zh"])}</td>' in source, row["zh"]


@pytest.mark.slow
def test_sources_page_is_built_and_every_page_links_it(built: tuple[Path, str, float]) -> None:
    site = built[0]
    source = (site / "sources.html").read_text(encoding="utf-8")
    text = " ".join(page_text(site / "sources.html").split())
    assert "Sources · 讲义来源" in text
    for name in ("Slides A", "Lecture notes", "Article", "Slides B", "Exam collection", "S1-M9"):
        assert name in text, name
    assert 'href="chapter-05_abc.html"' in source and "docs/sources.md" not in source
    assert 'aria-current="page">Sources' in source
    # a chapter's or an exercise's link to docs/sources.md now points to the page, in the content
    for page in [chapter_page(c) for c in CHAPTERS] + [exercise_page(a) for a in ASSIGNMENTS]:
        content = (site / page).read_text(encoding="utf-8").split('id="content"', 1)[1]
        assert re.search(r'<a href="sources\.html[#"]', content), (
            f"{page} does not link sources.html"
        )
        assert "sources.md" not in content, page


def solution_lines(assignment: str) -> set[str]:
    """Lines of the solutions and hidden tests of an assignment's source notebook."""
    nb = nbformat.read(REPO / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
    lines: set[str] = set()
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and meta.get("solution"):
            lines |= {line.strip() for line in cell.source.splitlines()}
            continue
        inside = False
        for line in cell.source.splitlines():
            marker = line.strip()
            if marker in ("### BEGIN SOLUTION", "### BEGIN HIDDEN TESTS"):
                inside = True
            elif marker in ("### END SOLUTION", "### END HIDDEN TESTS"):
                inside = False
            elif inside:
                lines.add(marker)
    return {line for line in lines if len(line) >= 12 and not line.startswith("#")}


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_exercise_pages_hold_the_questions_without_the_answers(
    built: tuple[Path, str, float], assignment: str
) -> None:
    site = built[0]
    page = site / exercise_page(assignment)
    text = page_text(page)
    raw = page.read_text(encoding="utf-8")
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "HIDDEN TESTS"):
        assert marker not in raw
    release = nbformat.read(REPO / "exercises" / assignment / f"{assignment}.ipynb", as_version=4)
    public = {line.strip() for cell in release.cells for line in cell.source.splitlines()}
    page_lines = {line.strip() for line in text.splitlines()}
    leaked = (solution_lines(assignment) & page_lines) - public
    assert not leaked, (
        f"{page.name} shows lines of the solution or hidden tests: {sorted(leaked)[:5]}"
    )
    # the questions are there: every check cell of the release
    for cell in release.cells:
        if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code":
            assert cell.source.strip().splitlines()[0] in text


@pytest.mark.slow
def test_no_page_loads_from_a_cdn_or_embeds_widget_state(built: tuple[Path, str, float]) -> None:
    site = built[0]
    for page in site.glob("*.html"):
        source = page.read_text(encoding="utf-8")
        for needle in (
            "cdnjs.cloudflare.com",
            "unpkg.com",
            "cdn.jsdelivr.net",
            "require.min.js",
            sitemod.WIDGET_STATE,
            sitemod.WIDGET_VIEW,
            NBCONVERT_DEFAULT_ALT,
        ):
            assert needle not in source, f"{page.name} contains {needle!r}"
        for src in re.findall(r'<script[^>]*\ssrc="([^"]+)"', source):
            assert src.startswith("assets/") and (site / src).is_file(), (page.name, src)


def widget_chapters() -> list[str]:
    out = []
    for c in CHAPTERS:
        nb = nbformat.read(REPO / c.notebook, as_version=4)
        if any(
            sitemod.WIDGET_VIEW in o.get("data", {})
            for cell in nb.cells
            for o in cell.get("outputs", [])
        ):
            out.append(c.name)
    return out


@pytest.mark.slow
def test_widgets_are_shown_as_a_snapshot_with_alt_text(built: tuple[Path, str, float]) -> None:
    site = built[0]
    names = widget_chapters()
    for name in names:
        source = (site / f"chapter-{name}.html").read_text(encoding="utf-8")
        snapshot = source[source.index('class="crmlab-static-widget"') :]
        assert "<li>" in snapshot, f"{name}: the explorer's controls are not listed"
        img = re.search(r'<img [^>]*class="crmlab-chart"[^>]*>', snapshot)
        assert img and 'src="data:image/png;base64,' in img.group(0), f"{name}: no chart"
        assert re.search(r'alt="Chart of the explorer[^"]+"', img.group(0)), (
            f"{name}: no alt text on the chart"
        )


@pytest.mark.slow
def test_pages_with_formulas_load_the_local_mathjax(built: tuple[Path, str, float]) -> None:
    site = built[0]
    assert (site / "assets" / "vendor" / "mathjax" / "tex-svg-full.js").stat().st_size > 1_000_000
    assert "Apache License" in (site / "assets" / "licences" / "MathJax-LICENSE.txt").read_text(
        encoding="utf-8"
    )
    assert (
        "SIL OPEN FONT LICENSE"
        in (site / "assets" / "licences" / "OFL.txt").read_text(encoding="utf-8").upper()
    )
    with_math = 0
    for c in CHAPTERS:
        nb = nbformat.read(REPO / c.notebook, as_version=4)
        has_math = any(
            cell.cell_type == "markdown" and sitemod._MATH.search(cell.source) for cell in nb.cells
        )
        source = (site / chapter_page(c)).read_text(encoding="utf-8")
        assert ('src="assets/vendor/mathjax/tex-svg-full.js"' in source) == has_math, c.name
        with_math += has_math
    print(f"{with_math} of {len(CHAPTERS)} chapters have formulas")


@pytest.mark.slow
def test_search_index_covers_every_page_and_term(built: tuple[Path, str, float]) -> None:
    site = built[0]
    index = search_index(site)
    files = [page for page, _ in index["pages"]]
    assert set(files) == {p.name for p in site.glob("*.html")} - {"search.html"}
    headings = {(files[e[0]], e[2]) for e in index["entries"]}
    for c in CHAPTERS:
        h1 = re.search(
            r"<h1[^>]*>(.*?)<a class=\"anchor-link\"",
            (site / chapter_page(c)).read_text(encoding="utf-8"),
        )
        assert h1, chapter_page(c)
        title = " ".join(html.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).split())
        assert (chapter_page(c), title) in headings
    terms = [
        e for e in index["entries"] if files[e[0]] == "glossary.html" and e[1].startswith("term-")
    ]
    assert len(terms) == len(glossary_rows())
    # every anchor of the index exists on its page
    for number, anchor, _, _ in index["entries"]:
        if anchor:
            assert f'id="{anchor}"' in (site / files[number]).read_text(encoding="utf-8"), (
                files[number],
                anchor,
            )


def test_site_refuses_a_folder_that_is_not_a_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["--root", str(REPO), "site", str(tmp_path)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(sitemod.SiteError):
        sitemod.build_site(REPO, REPO)


# --------------------------------------------------------------------------------------------
# the checkers and converters, on small made-up input


def write_site(folder: Path, pages: dict[str, str], css: str = "") -> Path:
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    (folder / "assets" / "site.css").write_text(css, encoding="utf-8")
    for name, body in pages.items():
        (folder / name).write_text(
            f"<!DOCTYPE html><html><head><title>t</title>"
            f'<link rel="stylesheet" href="assets/site.css"></head><body>{body}</body></html>',
            encoding="utf-8",
        )
    return folder


def test_check_site_accepts_a_good_site(tmp_path: Path) -> None:
    pages = {
        "index.html": '<h1 id="a">A</h1><h2 id="b">B</h2><img src="data:image/png;base64,AA" alt="a chart">'
        '<a href="other.html#x%C2%B7y">other</a> <a href="https://example.org/">out</a>',
        "other.html": '<h1 id="x%C2%B7y">X</h1><h2>Y</h2><h3>Z</h3><h2>W</h2><a href="#x·y">top</a>',
    }
    assert (
        check_site(
            write_site(tmp_path, pages, css="/* https://cdn.example.org */ a { color: red }")
        )
        == []
    )


@pytest.mark.parametrize(
    ("body", "css", "expected"),
    [
        ('<h1>A</h1><img src="x.png">', "", "no alt text"),
        ('<h1>A</h1><img src="data:," alt="">', "", "no alt text"),
        (f'<h1>A</h1><img src="data:," alt="{NBCONVERT_DEFAULT_ALT}">', "", "placeholder alt"),
        ("<h1>A</h1><h3>C</h3>", "", "a level is skipped"),
        ("<h2>A</h2>", "", "not h1"),
        ("<h1>A</h1><h1>B</h1>", "", "2 h1 headings"),
        ('<h1>A</h1><a href="missing.html">x</a>', "", "missing file"),
        ('<h1>A</h1><a href="#nowhere">x</a>', "", "no id 'nowhere'"),
        ('<h1>A</h1><a href="../outside.html">x</a>', "", "outside the site"),
        (
            '<h1>A</h1><script src="https://cdnjs.cloudflare.com/require.js"></script>',
            "",
            "another host",
        ),
        ('<h1>A</h1><link rel="stylesheet" href="//fonts.example.org/a.css">', "", "another host"),
        ('<h1>A</h1><img alt="a" src="http://example.org/a.png">', "", "another host"),
        ("<h1>A</h1>", "@import 'https://example.org/a.css';", "another host"),
        ("<h1>A</h1>", "b { background: url(fonts/none.otf) }", "missing file"),
        (
            '<h1>A</h1><style>b { background: url("https://example.org/x.png") }</style>',
            "",
            "another host",
        ),
        (
            '<h1>A</h1><script type="application/vnd.jupyter.widget-state+json">{}</script>',
            "",
            "widget state",
        ),
    ],
)
def test_check_site_finds_each_kind_of_problem(
    tmp_path: Path, body: str, css: str, expected: str
) -> None:
    problems = check_site(write_site(tmp_path, {"index.html": body}, css=css))
    assert any(expected in p for p in problems), problems


def test_heading_outline_rules() -> None:
    assert check_page_headings([(1, "a"), (2, "b"), (3, "c"), (3, "d"), (2, "e"), (3, "f")]) == []
    assert check_page_headings([]) == ["no headings"]
    assert len(check_page_headings([(1, "a"), (2, "b"), (4, "c"), (6, "d")])) == 2


def explorer_notebook() -> nbformat.NotebookNode:
    """A notebook with one stored explorer: a box of a heading, a slider, a dropdown, a table, a chart."""
    state = {
        "box": {
            "model_name": "VBoxModel",
            "state": {
                "_dom_classes": ["crmlab-explorer"],
                "children": ["IPY_MODEL_h", "IPY_MODEL_s", "IPY_MODEL_d", "IPY_MODEL_o"],
            },
        },
        "h": {"model_name": "HTMLModel", "state": {"value": "<h4>ABC explorer ABC客户分类</h4>"}},
        "s": {
            "model_name": "FloatSliderModel",
            "state": {"description": "A share A类目标占比", "value": 0.7, "readout_format": ".2f"},
        },
        "d": {
            "model_name": "DropdownModel",
            "state": {
                "description": "rule 规则",
                "index": 1,
                "_options_labels": ["not exceed", "crossing"],
            },
        },
        "o": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_t", "IPY_MODEL_i"]}},
        "t": {
            "model_name": "HTMLModel",
            "state": {
                "_dom_classes": ["crmlab-table"],
                "value": '<p class="crmlab-summary">A: f e | B: b</p><table></table>',
            },
        },
        "i": {
            "model_name": "ImageModel",
            "state": {"format": "png", "value": {}},
            "buffers": [{"data": "iVBORw0KGgo=", "encoding": "base64", "path": ["value"]}],
        },
    }
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {
        sitemod.WIDGET_STATE: {"state": state, "version_major": 2, "version_minor": 0}
    }
    cell = nbformat.v4.new_code_cell("abc_explorer(...)")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={
                sitemod.WIDGET_VIEW: {"model_id": "box", "version_major": 2, "version_minor": 0},
                "text/plain": "Explorer(...)",
            },
        )
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), cell]
    return nb


def test_widget_outputs_become_static_snapshots() -> None:
    nb = explorer_notebook()
    assert static_widgets(nb) == 1
    assert "widgets" not in nb.metadata
    data = nb.cells[1].outputs[0]["data"]
    assert list(data) == ["text/html"]
    snapshot = data["text/html"]
    assert (
        "<h4>" not in snapshot
        and '<p class="widget-heading">ABC explorer ABC客户分类</p>' in snapshot
    )
    assert "<li>A share A类目标占比: <strong>0.70</strong></li>" in snapshot
    assert "<li>rule 规则: <strong>crossing</strong></li>" in snapshot
    assert '<div class="crmlab-table"><p class="crmlab-summary">A: f e | B: b</p>' in snapshot
    assert (
        'src="data:image/png;base64,iVBORw0KGgo=" alt="Chart of the explorer “ABC explorer ABC客户分类” '
        'as saved: A: f e | B: b"'
    ) in snapshot
    # without stored state: only the note, never a broken widget
    nb = explorer_notebook()
    del nb.metadata["widgets"]
    static_widgets(nb)
    assert "Interactive explorer" in nb.cells[1].outputs[0]["data"]["text/html"]
    assert "<img" not in nb.cells[1].outputs[0]["data"]["text/html"]


def test_links_to_course_files_point_to_site_pages_or_become_text() -> None:
    links = sitemod.site_links(COURSE)
    warnings: list[str] = []
    fragment = (
        '<p><a href="../exercises/05_abc/05_abc.ipynb">the exercise</a>, '
        '<a href="05_abc.ipynb#Summary">chapter 5</a>, <a href="../datasets/README.md">the data</a>, '
        '<a href="#top">top</a>, <a href="https://example.org/">elsewhere</a></p>'
    )
    out = sitemod._rewrite_links(
        fragment, "notebooks/01_retention_economics.ipynb", links, warnings
    )
    if any(c.assignment == "05_abc" for c in COURSE.chapters):
        assert '<a href="exercise-05_abc.html">the exercise</a>' in out
    if any(c.notebook == "notebooks/05_abc.ipynb" for c in COURSE.chapters):
        assert '<a href="chapter-05_abc.html#Summary">chapter 5</a>' in out
    assert (
        '<span class="repo-file" title="datasets/README.md in the course repository">the data</span>'
        in out
    )
    assert '<a href="#top">top</a>' in out and '<a href="https://example.org/">elsewhere</a>' in out
    assert warnings == [
        "notebooks/01_retention_economics.ipynb links to datasets/README.md, which has no "
        "page on the site: shown as text"
    ]


def test_images_keep_the_alt_text_of_their_metadata(tmp_path: Path) -> None:
    nb = explorer_notebook()
    png = nbformat.v4.new_output(
        "display_data",
        data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"},
        metadata={"image/png": {"alt": "Pareto chart of 20 customers"}},
    )
    bare = nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})
    cell = nbformat.v4.new_code_cell("show(ax)")
    cell.outputs = [png, bare]
    nb.cells.append(cell)
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    body, title, math = sitemod.render_notebook(
        path, "notebooks/nb.ipynb", sitemod._exporter(), {}, []
    )
    assert title == "Title" and not math
    assert 'alt="Pareto chart of 20 customers"' in body
    assert body.count(f'alt="{NBCONVERT_DEFAULT_ALT}"') == 1, (
        "the image without alt text is not hidden"
    )
