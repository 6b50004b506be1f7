"""The offline course website: ``crmlab site DIR`` (``make site``).

A static HTML site of the course, built from the manifest (``course.toml``) with nbconvert and
nothing else: no executing, no Jupyter Book, no second environment. It holds

* ``index.html``: the course map (chapter order, minutes, which exercise goes with which chapter);
* ``chapter-NN_slug.html``: every chapter notebook with its stored outputs;
* ``exercise-NN_slug.html``: every released exercise (``exercises/``, never ``solutions/``), so the
  questions without the answers;
* ``glossary.html``: the bilingual glossary (``crmlab/glossary.csv``);
* ``sources.html``: the lecture materials the course cites and the exam question numbers
  (``docs/sources.md``, rendered from its Markdown);
* ``search.html``: in-site search over a JSON index written at build time (``assets/``);

and it opens from the file system (``file://``) or any static host without a request to another
host: nbconvert's MathJax, require.js and widget scripts are not used, widget outputs become a
static snapshot of their saved state (from the notebook's stored widget state, which is then
dropped), formulas are typeset by a vendored MathJax (``site_assets/vendor/mathjax``), and
Chinese text uses crmlab's own font (``crmlab/fonts``). Every asset comes from the installed
packages or is committed with its licence.

:func:`check_site` checks a built site: every ``<img>`` has real alt text, headings go down one
level at a time from a single ``h1``, every link and resource inside the site resolves (files
and ``#fragments``), nothing loads from another host and no widget state is embedded.
``crmlab site`` runs it after every build and fails when it finds a problem.
"""

from __future__ import annotations

import csv
import html
import json
import posixpath
import re
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from crmlab.course.manifest import Chapter, Course, load_course

ASSETS = Path(__file__).with_name("site_assets")
#: A file every site build writes: ``crmlab site`` only ever replaces a folder that holds it.
MARKER = ".crmlab-site"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: What nbconvert puts on an image without alt text; the site must never show it.
NBCONVERT_DEFAULT_ALT = "No description has been provided for this image"
_MATH = re.compile(r"\$[^$\n]+\$|\$\$|\\\(|\\\[|\\begin\{")
_CJK_FONT = Path(__file__).parents[1] / "fonts" / "CRMLabSansSC-Regular.otf"
_GLOSSARY = Path(__file__).parents[1] / "glossary.csv"
#: Markdown documents of the repository that get a page of their own: repository path -> page.
DOC_PAGES = {"docs/sources.md": "sources.html"}

GLOSSARY_GROUPS = {
    "term": "Key terms · 关键术语",
    "abc_class": "ABC classes · ABC客户类别",
    "crm_quality": "Quality of customer relationship management · 客户关系管理水平",
    "lifecycle_stage": "Customer lifecycle stages · 客户生命周期阶段",
    "relationship_stage": "Relationship development stages · 关系发展阶段",
    "equity_state": "Equity states · 公平状态",
    "csm_level": "Satisfaction levels (CSM) · 满意度等级",
    "servqual_dimension": "SERVQUAL dimensions · SERVQUAL维度",
    "value_class": "Customer value classes · 客户价值类别",
    "rfm_segment": "RFM segments · RFM客户细分",
}


class SiteError(ValueError):
    """The site cannot be built (a missing notebook, an output folder that is not a site)."""


@dataclass
class SiteReport:
    """What :func:`build_site` wrote and found."""

    out: Path
    pages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def __str__(self) -> str:
        lines = [
            f"site: {len(self.pages)} pages in {self.out} ({self.seconds:.1f} s); "
            f"open {self.out / 'index.html'}"
        ]
        lines += [f"  note: {w}" for w in self.warnings]
        lines += [f"  PROBLEM: {p}" for p in self.problems]
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# names of pages


def chapter_page(chapter: Chapter) -> str:
    """The site file of a chapter's notebook.

    >>> chapter_page(Chapter(5, "abc", "ABC", "ABC", 75, "ready", notebook="notebooks/05_abc.ipynb"))
    'chapter-05_abc.html'
    """
    return f"chapter-{chapter.name}.html"


def exercise_page(assignment: str) -> str:
    """The site file of an assignment's released notebook.

    >>> exercise_page("05_abc")
    'exercise-05_abc.html'
    """
    return f"exercise-{assignment}.html"


def site_links(course: Course) -> dict[str, str]:
    """Repository paths (POSIX, relative to the course root) that have a page on the site."""
    links = {
        course.index: "index.html",
        "crmlab/glossary.csv": "glossary.html",
        "docs/glossary.md": "glossary.html",
        **DOC_PAGES,
    }
    for c in course.chapters:
        if c.notebook:
            links[c.notebook] = chapter_page(c)
        if c.assignment:
            for path in (
                f"exercises/{c.assignment}/{c.assignment}.ipynb",
                f"exercises/{c.assignment}",
                f"exercises/{c.assignment}/",
            ):
                links[path] = exercise_page(c.assignment)
    return links


# --------------------------------------------------------------------------------------------
# widgets: a static snapshot of the stored widget state


def _demote_headings(markup: str) -> str:
    """Headings inside widget HTML become bold paragraphs (the page's heading order is the notebook's)."""
    markup = re.sub(r"<h[1-6](\s[^>]*)?>", '<p class="widget-heading">', markup, flags=re.I)
    return re.sub(r"</h[1-6]\s*>", "</p>", markup, flags=re.I)


def _strip_tags(markup: str) -> str:
    """Text of an HTML snippet, whitespace collapsed.

    >>> _strip_tags("<h4>ABC &amp; <b>more</b></h4>")
    'ABC & more'
    """
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _control_value(state: dict[str, Any]) -> str:
    if "_options_labels" in state and isinstance(state.get("index"), int):
        labels = state["_options_labels"]
        return str(labels[state["index"]]) if 0 <= state["index"] < len(labels) else ""
    value = state.get("value")
    if isinstance(value, list):
        return " – ".join(str(v) for v in value)
    fmt = state.get("readout_format")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and fmt:
        try:
            return format(value, fmt)
        except ValueError:
            pass
    return str(value)


def widget_snapshot(model_id: str, state: dict[str, Any]) -> str:
    """HTML showing a widget (by its model id) as stored in the notebook's widget state.

    Boxes are walked in order; HTML widgets keep their markup (headings demoted), images their
    data (with alt text from the explorer's title and its one-line summary), controls become a
    list "description: value". An unknown model id gives only the note.
    """
    items: list[tuple[str, str]] = []
    title = summary = ""

    def walk(mid: str, depth: int) -> None:
        nonlocal title, summary
        model = state.get(mid)
        if not isinstance(model, dict) or depth > 30:
            return
        s = model.get("state", {})
        name = model.get("model_name", "")
        classes = s.get("_dom_classes") or []
        if isinstance(s.get("children"), list):
            for child in s["children"]:
                walk(str(child).removeprefix("IPY_MODEL_"), depth + 1)
            return
        if name in ("HTMLModel", "HTMLMathModel"):
            value = str(s.get("value", ""))
            if not value.strip():
                return
            if not title and re.search(r"<h[1-6]", value, flags=re.I):
                title = _strip_tags(value)
            match = re.search(r'class="crmlab-summary"[^>]*>(.*?)</p>', value, flags=re.S)
            if match:
                summary = _strip_tags(match.group(1))
            css = "crmlab-table" if "crmlab-table" in classes else "widget-html"
            items.append(("html", f'<div class="{css}">{_demote_headings(value)}</div>'))
        elif name == "ImageModel":
            buffers = [b for b in model.get("buffers", []) if b.get("path") == ["value"]]
            if buffers and buffers[0].get("data"):
                fmt = html.escape(str(s.get("format", "png")))
                items.append(("image", f"data:image/{fmt};base64,{buffers[0]['data']}"))
        elif name == "LabelModel":
            items.append(("html", f"<p>{html.escape(str(s.get('value', '')))}</p>"))
        elif "description" in s and ("value" in s or "index" in s):
            label = html.escape(str(s.get("description", "")).strip() or name.removesuffix("Model"))
            items.append(
                ("control", f"<li>{label}: <strong>{html.escape(_control_value(s))}</strong></li>")
            )

    walk(model_id, 0)
    note = (
        '<p class="widget-note">Interactive explorer: run this notebook in JupyterLab '
        "(<code>make lab</code>) to move the controls. Shown here as saved with the chapter. "
        '<span lang="zh-CN">交互式探索：在 JupyterLab 中运行本章即可调节参数；此处显示保存时的状态。</span></p>'
    )
    out = ['<div class="crmlab-static-widget">', note]
    controls: list[str] = []
    alt = f"Chart of the explorer “{title or 'interactive explorer'}” as saved"
    if summary:
        alt += f": {summary}"
    for kind, value in items + [("end", "")]:
        if kind != "control" and controls:
            out.append('<ul class="widget-controls">' + "".join(controls) + "</ul>")
            controls = []
        if kind == "control":
            controls.append(value)
        elif kind == "html":
            out.append(value)
        elif kind == "image":
            out.append(f'<img class="crmlab-chart" src="{value}" alt="{html.escape(alt)}">')
    out.append("</div>")
    return "\n".join(out)


def static_widgets(nb: Any) -> int:
    """Replace every widget output of ``nb`` by its snapshot and drop the widget state; the count."""
    widgets = nb.metadata.pop("widgets", None) or {}
    state = widgets.get(WIDGET_STATE, {}).get("state", {})
    replaced = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                view = data[WIDGET_VIEW]
                model_id = view.get("model_id", "") if isinstance(view, dict) else ""
                output["data"] = {"text/html": widget_snapshot(model_id, state)}
                replaced += 1
    return replaced


# --------------------------------------------------------------------------------------------
# rendering


def _exporter() -> Any:
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.HTMLExporter.extra_template_basedirs = [str(ASSETS / "templates")]
    config.HTMLExporter.template_name = "crmlab_site"
    config.HTMLExporter.embed_images = True
    config.HTMLExporter.anchor_link_text = "¶"
    exporter = HTMLExporter(config=config)
    exporter.log.setLevel("ERROR")  # missing alt text is reported by check_site, not as a log line
    return exporter


_ANCHOR = re.compile(r'<a\s([^>]*?)href="([^"]*)"([^>]*)>(.*?)</a>', re.S)


def _rewrite_links(fragment: str, source: str, links: dict[str, str], warnings: list[str]) -> str:
    """Point relative links of a notebook at ``source`` (repo path) to the site's pages.

    A link to a course file that has no page (a dataset, a guide, a solution) becomes plain text
    with the path as a tooltip: the site has no page for it and must not link out of itself.
    """
    base = posixpath.dirname(source)

    def replace(match: re.Match[str]) -> str:
        before, href, after, text = match.groups()
        parts = urlsplit(html.unescape(href))
        if parts.scheme or href.startswith(("#", "//")) or not parts.path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        fragment_id = f"#{parts.fragment}" if parts.fragment else ""
        if target in links:
            return f'<a {before}href="{html.escape(links[target] + fragment_id)}"{after}>{text}</a>'
        warnings.append(f"{source} links to {target}, which has no page on the site: shown as text")
        return f'<span class="repo-file" title="{html.escape(target)} in the course repository">{text}</span>'

    return _ANCHOR.sub(replace, fragment)


def _first_heading(fragment: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", fragment, flags=re.S)
    return _strip_tags(match.group(1)).replace("¶", "").strip() if match else ""


_INLINE_MATH = re.compile(r"(?<![\\$])\$((?:[^$\n]|\n(?!\s*\n))+?)(?<!\\)\$")  # within a paragraph
_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")


def escaped_dollars(markdown: str) -> str:
    r"""Markdown with each ``\$`` (a literal dollar sign) made safe from MathJax.

    nbconvert turns ``\$`` into a bare ``$``, which MathJax would then pair with the next one;
    a ``<span>`` around it keeps the two apart. Code spans are left as they are.

    >>> escaped_dollars(r"costs \$140, or `\$x`")
    'costs <span class="dollar">$</span>140, or `\\$x`'
    """
    parts = re.split(r"(`+[^`]*`+)", markdown)
    dollar = '<span class="dollar">$</span>'
    return "".join(
        part if part.startswith("`") else re.sub(r"(?<!\\)\\\$", dollar, part) for part in parts
    )


def money_as_math(markdown: str) -> list[str]:
    r"""Inline ``$...$`` spans that read like prose (money amounts), not like formulas.

    >>> money_as_math("bring $140 of margin a year;\nthe firm spends $140 million")
    ['$140 of margin a year;\nthe firm spends $']
    >>> money_as_math(r"$\text{equity ratio} = \frac{a}{b}$")
    []
    """
    found = []
    for match in _INLINE_MATH.finditer(markdown):
        body = re.sub(r"\\[a-zA-Z]+\{[^}]*\}", " ", match.group(1))
        if _WORDS.search(body):
            found.append(match.group(0))
    return found


def render_notebook(
    path: Path, source: str, exporter: Any, links: dict[str, str], warnings: list[str]
) -> tuple[str, str, bool]:
    """(cells as HTML, the notebook's first h1 as text, whether it holds math) of one notebook."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    static_widgets(nb)
    math = any(cell.cell_type == "markdown" and _MATH.search(cell.source) for cell in nb.cells)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for span in money_as_math(cell.source):
                warnings.append(
                    f"{source}: {span[:50]!r} is typeset as a formula (in JupyterLab too); "
                    "write a dollar sign of money as \\$"
                )
            cell.source = escaped_dollars(cell.source)
    resources = {"metadata": {"path": str(path.parent), "name": path.stem}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    body = _rewrite_links(body, source, links, warnings)
    return body, _first_heading(body), math


def render_markdown(
    path: Path, source: str, links: dict[str, str], warnings: list[str]
) -> tuple[str, str, bool]:
    """(HTML, the first h1 as text, whether it holds math) of the Markdown file ``source``.

    Rendered as nbconvert renders a notebook's Markdown cells, so headings get the same anchors, and
    relative links are rewritten like a notebook's (a link to a chapter becomes its page).
    """
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    text = path.read_text(encoding="utf-8")
    for span in money_as_math(text):
        warnings.append(
            f"{source}: {span[:50]!r} is typeset as a formula; write a dollar sign as \\$"
        )
    body = markdown2html_mistune(escaped_dollars(text))
    body = _rewrite_links(body, source, links, warnings)
    return body, _first_heading(body), bool(_MATH.search(text))


# --------------------------------------------------------------------------------------------
# the pages the manifest makes


def _esc(text: Any) -> str:
    return html.escape(str(text))


def _index_content(course: Course) -> str:
    rows = []
    total = 0
    for c in course.chapters:
        total += c.minutes
        if c.notebook:
            chapter = f'<a href="{chapter_page(c)}">{_esc(c.title_en)}</a>'
        else:
            chapter = f'{_esc(c.title_en)} <span class="planned">(in preparation 准备中)</span>'
        if c.assignment:
            points = f" ({c.points:g} points)" if c.points is not None else ""
            exercise = (
                f'<a href="{exercise_page(c.assignment)}">Exercise {_esc(c.assignment)}</a>{points}'
            )
        else:
            exercise = '<span class="planned">in preparation 准备中</span>'
        rows.append(
            f'<tr id="chapter-{c.number}"><td class="num">{c.number}</td><td>{chapter}</td>'
            f'<td lang="zh-CN">{_esc(c.title_zh)}</td><td class="num">{c.minutes}</td><td>{exercise}</td></tr>'
        )
    ready = sum(1 for c in course.chapters if c.notebook)
    return f"""<h1 id="course">{_esc(course.title_en)} <span lang="zh-CN">{_esc(course.title_zh)}</span></h1>
<p>A course on customer relationship management (客户关系管理, CRM) with data: read the chapters
with their worked examples, charts and explorers, then try the exercises. {ready} of
{len(course.chapters)} chapters are ready.</p>
<h2 id="course-map">Course map · 课程地图</h2>
<table class="course-map">
<caption>Chapters in course order, with their time and their exercise.</caption>
<thead><tr><th scope="col">#</th><th scope="col">Chapter</th><th scope="col">章节</th>
<th scope="col">Minutes</th><th scope="col">Exercise (points)</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
<tfoot><tr><td></td><th scope="row">Total</th><td></td><td class="num">{total}</td><td></td></tr></tfoot>
</table>
<h2 id="working">Working with the course · 如何学习</h2>
<p>This site shows the chapters with their stored results and the exercises without their
answers. To run the code, move the sliders and answer the exercises, open the course in
JupyterLab: <code>make lab</code> in a clone of the course repository (see its README). Every
exercise checks each answer as you go; the <strong>Validate</strong> button runs them all.</p>
<p>Terms in English and Chinese are in the <a href="glossary.html">glossary</a>; the lecture
materials the course cites and the numbers of the exam questions are explained on the
<a href="sources.html">sources page</a>; the <a href="search.html">search</a> finds words in every
page.</p>
"""


def _slug(text: str) -> str:
    slug = re.sub(r"[^\w\u4e00-\u9fff]+", "-", text.strip().lower()).strip("-")
    return slug or "term"


def glossary_rows() -> list[dict[str, str]]:
    """The rows of crmlab's glossary (group, en, zh, chapter, note)."""
    with _GLOSSARY.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _glossary_content(
    course: Course, rows: list[dict[str, str]]
) -> tuple[str, list[tuple[str, str, str]]]:
    """The glossary page and its search entries (anchor, heading, text)."""
    chapters = {str(c.number): c for c in course.chapters}
    groups: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    used: set[str] = set()
    parts = [
        '<h1 id="glossary">Glossary · 术语表</h1>',
        f"<p>{len(rows)} terms of the course in English and Chinese, by group; the chapter is "
        "where the term is introduced.</p>",
    ]
    entries = []
    for group, members in groups.items():
        heading = GLOSSARY_GROUPS.get(group, group.replace("_", " ").capitalize())
        parts.append(f'<h2 id="group-{_slug(group)}">{_esc(heading)}</h2>')
        parts.append(
            '<table class="glossary-table"><thead><tr><th scope="col">English</th>'
            '<th scope="col">中文</th><th scope="col">Chapter</th><th scope="col">Note</th>'
            "</tr></thead><tbody>"
        )
        for row in members:
            anchor = f"term-{_slug(group)}-{_slug(row['en'])}"
            while anchor in used:
                anchor += "-"
            used.add(anchor)
            c = chapters.get(row["chapter"])
            if c is not None and c.notebook:
                chapter = f'<a href="{chapter_page(c)}" title="{_esc(c.title_en)}">{c.number}</a>'
            else:
                chapter = _esc(row["chapter"])
            parts.append(
                f'<tr id="{anchor}"><td>{_esc(row["en"])}</td><td lang="zh-CN">{_esc(row["zh"])}</td>'
                f'<td class="num">{chapter}</td><td>{_esc(row["note"])}</td></tr>'
            )
            where = (
                f"chapter {c.number} {c.title_en} {c.title_zh}"
                if c
                else f"chapter {row['chapter']}"
            )
            entries.append(
                (anchor, f"{row['en']} · {row['zh']}", f"{heading}. {row['note']} ({where})")
            )
        parts.append("</tbody></table>")
    return "\n".join(parts), entries


_SEARCH_CONTENT = """<h1 id="search">Search · 搜索</h1>
<form id="search-form" class="search-form" action="search.html" method="get" role="search">
<label class="visually-hidden" for="search-q">Search the course 搜索课程</label>
<input id="search-q" name="q" type="search" placeholder="e.g. customer lifetime value, 客户满意度" autocomplete="off">
<button type="submit">Search</button>
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results"></ol>
<noscript><p>Search needs JavaScript. The <a href="index.html">course map</a> and the
<a href="glossary.html">glossary</a> list everything without it.</p></noscript>
"""


# --------------------------------------------------------------------------------------------
# the search index


class _Sections(HTMLParser):
    """Text of a page split at its h1-h3 headings (with ids); outputs and prompts left out."""

    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
    SKIP_TAGS = {"script", "style", "svg", "noscript", "button", "form"}
    SKIP_CLASSES = {
        "jp-OutputArea",
        "anchor-link",
        "jp-InputPrompt",
        "jp-OutputPrompt",
        "crmlab-static-widget",
    }

    #: elements that separate words: their text is not glued to the text around them
    BLOCKS = {
        "p",
        "div",
        "li",
        "td",
        "th",
        "tr",
        "br",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "ul",
        "ol",
        "blockquote",
        "dd",
        "dt",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list[Any]] = [["", "", []]]
        self._stack: list[tuple[str, bool]] = []
        self._heading_depth: int | None = None

    def _skipping(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS and not self._skipping() and self._heading_depth is None:
            self.sections[-1][2].append(" ")
        if tag in self.VOID:
            return
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        skip = self._skipping() or tag in self.SKIP_TAGS or bool(classes & self.SKIP_CLASSES)
        self._stack.append((tag, skip))
        if tag in ("h1", "h2", "h3") and not skip and a.get("id"):
            self.sections.append([a["id"], "", []])
            self._heading_depth = len(self._stack)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break
        if self._heading_depth is not None and len(self._stack) < self._heading_depth:
            self._heading_depth = None
        if tag in self.BLOCKS and not self._skipping() and self._heading_depth is None:
            self.sections[-1][2].append(" ")

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        if self._heading_depth is not None:
            self.sections[-1][1] += data
        else:
            self.sections[-1][2].append(data)


def page_sections(fragment: str) -> list[tuple[str, str, str]]:
    """(anchor, heading, text) of each h1-h3 section of a page's content, in order.

    >>> page_sections('<h1 id="a">Title ¶</h1><p>one</p><h2 id="b">Part</h2><p>two  three</p>')
    [('a', 'Title', 'one'), ('b', 'Part', 'two three')]
    """
    parser = _Sections()
    parser.feed(_without_data(fragment))
    parser.close()
    out = []
    for anchor, heading, texts in parser.sections:
        heading = " ".join(heading.replace("¶", " ").split())
        text = " ".join("".join(texts).split())
        if heading or text:
            out.append((anchor, heading, text))
    return out


# --------------------------------------------------------------------------------------------
# the build


def _prepare(out: Path) -> None:
    if out.exists():
        if not out.is_dir():
            raise SiteError(f"{out} is a file, not a folder for the site")
        if any(out.iterdir()) and not (out / MARKER).is_file():
            raise SiteError(
                f"{out} is not empty and holds no earlier site build ({MARKER}); "
                "choose an empty or new folder"
            )
        shutil.rmtree(out)
    (out / "assets" / "fonts").mkdir(parents=True)
    (out / "assets" / "licences").mkdir()
    (out / MARKER).write_text(
        "built by `crmlab site`; the whole folder is replaced at each build\n", encoding="utf-8"
    )


def _copy_assets(out: Path, exporter: Any) -> None:
    assets = out / "assets"
    for name in ("site.css", "search.js", "mathjax-config.js"):
        shutil.copy2(ASSETS / name, assets / name)
    shutil.copytree(ASSETS / "vendor", assets / "vendor")
    shutil.copy2(_CJK_FONT, assets / "fonts" / _CJK_FONT.name)
    shutil.copy2(_CJK_FONT.with_name("OFL.txt"), assets / "licences" / "OFL.txt")
    shutil.copy2(
        ASSETS / "vendor" / "mathjax" / "LICENSE", assets / "licences" / "MathJax-LICENSE.txt"
    )
    import nbformat

    env = exporter.environment
    css = [
        env.loader.get_source(env, f"static/{name}")[0] for name in ("index.css", "theme-light.css")
    ]
    # the code highlighting styles nbconvert inlines in each page (jupyterlab_pygments)
    _, resources = exporter.from_notebook_node(nbformat.v4.new_notebook())
    css += [str(rule) for rule in resources.get("inlining", {}).get("css", [])]
    header = (
        "/* The notebook styles of nbconvert's lab template (static/index.css, theme-light.css and\n"
        "   its code highlighting), copied by `crmlab site` from the installed nbconvert. Copyright\n"
        "   (c) Jupyter Development Team, Modified BSD License (assets/licences/nbconvert-LICENSE.txt). */\n"
    )
    (assets / "notebook.css").write_text(header + "\n".join(css), encoding="utf-8")
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        files = distribution("nbconvert").files or []
        licence = next((f for f in files if f.name.upper().startswith("LICENSE")), None)
        if licence is not None:
            (assets / "licences" / "nbconvert-LICENSE.txt").write_text(
                licence.read_text(encoding="utf-8"), encoding="utf-8"
            )
    except PackageNotFoundError:  # pragma: no cover - nbconvert is a dependency of the site
        pass
    if not (assets / "licences" / "nbconvert-LICENSE.txt").exists():
        (assets / "licences" / "nbconvert-LICENSE.txt").write_text(
            "nbconvert is distributed under the Modified BSD License; Copyright (c) Jupyter Development Team.\n",
            encoding="utf-8",
        )


def build_site(root: Path, out: Path, *, check: bool = True) -> SiteReport:
    """Build the course website of the course at ``root`` into the folder ``out``.

    ``out`` is replaced when it holds an earlier build; a non-empty folder that is not a site
    is refused. With ``check`` (the default) :func:`check_site` runs on the result and its
    findings are the report's ``problems``.
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    started = time.perf_counter()
    root = Path(root).resolve()
    out = Path(out).resolve()
    course = load_course(root)
    if out == root or out in root.parents:
        raise SiteError(f"the site cannot be written to {out}: it holds the course")
    missing = [
        c.notebook for c in course.chapters if c.notebook and not (root / c.notebook).is_file()
    ]
    missing += [
        f"exercises/{a}/{a}.ipynb"
        for a in course.assignments
        if not (root / "exercises" / a / f"{a}.ipynb").is_file()
    ]
    if missing:
        raise SiteError(
            "course.toml names notebooks that do not exist (run `make exercises` for "
            f"missing exercises): {', '.join(missing)}"
        )
    _prepare(out)
    report = SiteReport(out)
    exporter = _exporter()
    _copy_assets(out, exporter)
    env = Environment(
        loader=FileSystemLoader(str(ASSETS)),
        autoescape=select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
    )
    template = env.get_template("page.html.j2")
    links = site_links(course)
    search_pages: list[tuple[str, str]] = []
    search_entries: list[tuple[int, str, str, str]] = []

    def write(
        name: str,
        title: str,
        content: str,
        *,
        kind: str,
        notebook: bool = False,
        math: bool = False,
        meta: str = "",
        pager: dict[str, Any] | None = None,
        scripts: Iterable[str] = (),
        sections: list[tuple[str, str, str]] | None = None,
    ) -> None:
        page = template.render(
            course=course,
            title=title,
            content=Markup(content),
            kind=kind,
            notebook=notebook,
            math=math,
            meta=Markup(meta) if meta else "",
            pager=pager,
            scripts=list(scripts),
        )
        (out / name).write_text(page, encoding="utf-8")
        report.pages.append(name)
        if kind != "search":
            search_pages.append((name, title))
            number = len(search_pages) - 1
            for anchor, heading, text in (
                sections if sections is not None else page_sections(content)
            ):
                search_entries.append((number, anchor, heading or title, text))

    write(
        "index.html", f"{course.title_en} · {course.title_zh}", _index_content(course), kind="index"
    )

    ready = [c for c in course.chapters if c.notebook]
    for i, c in enumerate(ready):
        assert c.notebook is not None
        body, heading, math = render_notebook(
            root / c.notebook, c.notebook, exporter, links, report.warnings
        )
        if not heading:
            report.problems.append(f"{c.notebook}: no level-1 heading (# title) in its first cells")
        exercise = (
            f' · exercise: <a href="{exercise_page(c.assignment)}">{_esc(c.assignment)}</a>'
            if c.assignment
            else ""
        )
        meta = (
            f"Chapter {c.number} · {c.minutes} minutes · "
            f'<span lang="zh-CN">{_esc(c.title_zh)}</span>{exercise}'
        )
        pager = {
            "prev": {
                "href": chapter_page(ready[i - 1]),
                "label": f"{ready[i - 1].number} · {ready[i - 1].title_en}",
            }
            if i > 0
            else None,
            "next": {
                "href": chapter_page(ready[i + 1]),
                "label": f"{ready[i + 1].number} · {ready[i + 1].title_en}",
            }
            if i + 1 < len(ready)
            else None,
        }
        write(
            chapter_page(c),
            heading or c.title_en,
            body,
            kind="chapter",
            notebook=True,
            math=math,
            meta=meta,
            pager=pager,
        )

    for c in course.chapters:
        if not c.assignment:
            continue
        source = f"exercises/{c.assignment}/{c.assignment}.ipynb"
        body, heading, math = render_notebook(
            root / source, source, exporter, links, report.warnings
        )
        chapter = (
            f'<a href="{chapter_page(c)}">chapter {c.number}</a>'
            if c.notebook
            else f"chapter {c.number}"
        )
        points = f" · {c.points:g} points" if c.points is not None else ""
        meta = (
            f"Exercise for {chapter}{points} · the questions only: to answer them, open "
            f"<code>{_esc(source)}</code> in JupyterLab (<code>make lab</code>)."
        )
        write(
            exercise_page(c.assignment),
            heading or f"Exercise {c.assignment}",
            body,
            kind="exercise",
            notebook=True,
            math=math,
            meta=meta,
        )

    content, entries = _glossary_content(course, glossary_rows())
    write(
        "glossary.html",
        "Glossary · 术语表",
        content,
        kind="glossary",
        sections=[("glossary", "Glossary · 术语表", "Terms of the course in English and Chinese.")]
        + entries,
    )
    for source, page in DOC_PAGES.items():
        if not (root / source).is_file():
            report.problems.append(f"{source} is missing: the site has no {page}")
            continue
        body, heading, math = render_markdown(root / source, source, links, report.warnings)
        if not heading:
            report.problems.append(f"{source}: no level-1 heading (# title)")
        write(
            page,
            heading or source,
            f'<div class="doc-page">\n{body}\n</div>',
            kind=page.removesuffix(".html"),
            math=math,
        )
    write(
        "search.html",
        "Search · 搜索",
        _SEARCH_CONTENT,
        kind="search",
        scripts=["assets/search-index.js", "assets/search.js"],
    )

    index = {"pages": search_pages, "entries": search_entries}
    (out / "assets" / "search-index.js").write_text(
        "/* generated by `crmlab site`: the search index of this site */\n"
        "window.CRMLAB_SEARCH_INDEX = "
        + json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        + ";\n",
        encoding="utf-8",
    )
    if check:
        report.problems += check_site(out)
    report.seconds = time.perf_counter() - started
    return report


# --------------------------------------------------------------------------------------------
# checking a built site


#: Elements and attributes the browser loads by itself (resources), not on a click (links).
RESOURCE_ATTRS = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
    ("track", "src"),
}
LINK_ATTRS = {("a", "href"), ("area", "href"), ("form", "action")}
#: What the URL parser leaves as it is in a fragment (it percent-encodes the rest, e.g. non-ASCII).
_FRAGMENT_SAFE = "!#$%&'()*+,-./:;=?@[\\]^_{|}~"


class _Page(HTMLParser):
    """What :func:`check_site` needs of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.images: list[dict[str, str | None]] = []
        self.headings: list[tuple[int, str]] = []
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.styles: list[str] = []
        self.widget_state = False
        self._heading: list[Any] | None = None
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(str(a[key]))
        if tag == "img":
            self.images.append(a)
            if a.get("srcset"):
                for candidate in str(a["srcset"]).split(","):
                    if candidate.strip():
                        self.urls.append((tag, "srcset", candidate.split()[0]))
        if tag == "script" and a.get("type") == WIDGET_STATE:
            self.widget_state = True
        for attr, value in a.items():
            if value is not None and ((tag, attr) in RESOURCE_ATTRS or (tag, attr) in LINK_ATTRS):
                self.urls.append((tag, attr, value))
            if attr == "style" and value and "url(" in value:
                self.styles.append(value)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]
        if tag == "style":
            self._style = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append(
                (self._heading[0], " ".join(self._heading[1].replace("¶", "").split()))
            )
            self._heading = None
        if tag == "style":
            self._style = False

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading[1] += data
        if self._style:
            self.styles.append(data)


_DATA_URI = re.compile(r'(\s(?:src|href|data)=")data:([^",;]*)[^"]*"')


def _without_data(markup: str) -> str:
    """Markup with the payload of every ``data:`` URI dropped (they make parsing slow).

    >>> _without_data('<img alt="a" src="data:image/png;base64,iVBORw0KGgo=">')
    '<img alt="a" src="data:image/png">'
    """
    return _DATA_URI.sub(r'\1data:\2"', markup)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(_without_data(path.read_text(encoding="utf-8")))
    page.close()
    return page


def _external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return url.strip().startswith("//") or parts.scheme not in (
        "",
        "data",
        "blob",
        "about",
        "javascript",
        "mailto",
        "file",
    )


def _css_urls(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css)
    found += re.findall(r"@import\s+['\"]([^'\"]+)['\"]", css)
    return found


def check_page_headings(headings: list[tuple[int, str]]) -> list[str]:
    """Problems with a page's heading outline: one h1 first, then one level down at a time.

    >>> check_page_headings([(1, "a"), (2, "b"), (3, "c"), (2, "d")])
    []
    >>> check_page_headings([(1, "a"), (3, "c")])
    ["h3 'c' follows h1 'a' (a level is skipped)"]
    """
    problems = []
    if not headings:
        return ["no headings"]
    if headings[0][0] != 1:
        problems.append(f"the first heading is h{headings[0][0]} {headings[0][1]!r}, not h1")
    h1 = [text for level, text in headings if level == 1]
    if len(h1) != 1:
        problems.append(f"{len(h1)} h1 headings (one expected): {h1}")
    for (before, btext), (level, text) in zip(headings, headings[1:], strict=False):
        if level > before + 1:
            problems.append(f"h{level} {text!r} follows h{before} {btext!r} (a level is skipped)")
    return problems


def check_site(site: Path) -> list[str]:
    """Everything wrong with the built site in ``site``, as one line each (empty: all good).

    Checks every HTML file: ``<img>`` without alt text or with nbconvert's placeholder; the
    heading outline (:func:`check_page_headings`); every link, form target and resource that
    stays inside the site must exist (a ``#fragment`` as an ``id`` of the target page); every
    resource (script, stylesheet, image, font or ``url()`` in CSS) must come from the site
    itself, never from another host; no stored widget state may be embedded.
    """
    site = Path(site)
    problems: list[str] = []
    pages = {p.relative_to(site).as_posix(): _parse(p) for p in sorted(site.rglob("*.html"))}
    if "index.html" not in pages:
        problems.append("index.html is missing")
    css_files = {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*.css"))
    }

    def resolve(base: str, url: str) -> tuple[str | None, str]:
        parts = urlsplit(url)
        if not parts.path:
            return base, parts.fragment
        target = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path)))
        if target.startswith("../") or target == "..":
            return None, ""
        return target, parts.fragment

    for name, page in pages.items():
        for img in page.images:
            alt = (img.get("alt") or "").strip()
            src = str(img.get("src") or "")[:60]
            if not alt:
                problems.append(f"{name}: <img src={src!r}…> has no alt text")
            elif alt == NBCONVERT_DEFAULT_ALT:
                problems.append(f"{name}: <img src={src!r}…> has nbconvert's placeholder alt text")
        problems += [f"{name}: {p}" for p in check_page_headings(page.headings)]
        if page.widget_state:
            problems.append(f"{name}: embeds stored widget state")
        for tag, attr, url in page.urls:
            if not url.strip():
                problems.append(f'{name}: <{tag} {attr}=""> is empty')
                continue
            if _external(url):
                if (tag, attr) in LINK_ATTRS and tag != "form":
                    continue  # a link out is fine: it is not followed unless clicked
                problems.append(f"{name}: <{tag} {attr}={url!r}> loads from another host")
                continue
            if urlsplit(url).scheme:
                continue  # data:, mailto: ...
            target, fragment = resolve(name, url)
            if target is None:
                problems.append(f"{name}: <{tag} {attr}={url!r}> points outside the site")
            elif not (site / target).is_file():
                problems.append(f"{name}: <{tag} {attr}={url!r}> points to a missing file")
            elif (
                fragment
                and target.endswith(".html")
                and not {quote(fragment, safe=_FRAGMENT_SAFE), unquote(fragment)}
                & pages[target].ids
            ):
                # as browsers do: the fragment as the URL parser encodes it, then percent-decoded
                problems.append(f"{name}: <{tag} {attr}={url!r}>: no id {fragment!r} in {target}")
        for css in page.styles:
            for url in _css_urls(css):
                if _external(url):
                    problems.append(f"{name}: CSS url({url!r}) loads from another host")
    for name, css in css_files.items():
        for url in _css_urls(css):
            if _external(url):
                problems.append(f"{name}: url({url!r}) loads from another host")
            elif not urlsplit(url).scheme:
                target, _ = resolve(name, url)
                if target is None or not (site / target).is_file():
                    problems.append(f"{name}: url({url!r}) points to a missing file")
    return problems
