"""Per-student feedback: each question's result and the visible messages, nothing hidden.

nbgrader's own feedback shows hidden tests by design (nbgrader #917, #1156). This feedback is built
from the autograded notebook instead: test cells show their visible part only and the grader's
verdict; the outputs of student code cells are left out (the student has them, and a student's
function could print the hidden inputs it was called with); a check message is shown only when
it is word for word one of the course's own check messages for that question.

The page (``feedback/<student>/<assignment>/<notebook>.html``) is one self-contained HTML file:
nbgrader's ``release_feedback`` copies that file alone (renamed after the notebook's checksum),
so it carries no separate asset and loads nothing, from another host or from the disk:

* **formulas** are typeset when the page is written, by matplotlib's mathtext (a TeX layout engine
  that crmlab already depends on), into SVG images embedded as ``data:`` URIs, with the TeX as alt
  text; a formula mathtext cannot typeset is shown as its TeX source in a code span;
* **no script at all**: the page holds no ``<script>`` and declares a Content-Security-Policy
  (``default-src 'none'``, inline styles and ``data:`` images only), so even markup that got past
  the cleaning below could neither run nor fetch anything;
* **Markdown** is rendered with nbconvert's Markdown renderer, then cleaned with an allow-list
  (``bleach``): formatting tags only; links only to http(s), mailto or a fragment (a relative link
  into the course folder becomes text); no images (their alt text is shown), forms, frames,
  scripts or styles (left out with their content), no event handlers, ids, or styles other than
  a table cell's alignment. The course's own text (the locked Markdown cells) is taken from the
  course's release, ``exercises/<assignment>/<notebook>.ipynb``, when it is there, not from the
  submission; a student's written answer (and any cell the student added) is shown cleaned the
  same way, under "Your answer" / "Your note".
"""

from __future__ import annotations

import base64
import functools
import html
import io
import re
from pathlib import Path
from typing import Any

import nbformat

from crmlab.course.manifest import release_dir
from crmlab.grading.contract import is_test_cell, strip_hidden_tests, summarise

#: what a browser may load for the page: nothing but its own inline styles and data: images
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
#: the tags a Markdown cell may keep (what Markdown itself produces, plus a few inline ones)
ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br code dd del div dl dt em h1 h2 h3 h4 h5 h6 hr i kbd li ol p pre q s samp "
    "small span strong sub sup table tbody td tfoot th thead tr u ul crmlab-tex crmlab-tex-display".split()
)
PROTOCOLS = frozenset({"http", "https", "mailto"})
#: longest formula that is typeset (a longer one is shown as TeX); mathtext is a recursive parser
MAX_TEX = 600
_MATH_SIZE = 10.0  # points: the SVG is then sized in em, 1 em = _MATH_SIZE
#: Computer Modern looks small beside a sans-serif text of the same size (a smaller x-height)
INLINE_SCALE, DISPLAY_SCALE = 1.2, 1.4
_CLASS = re.compile(r"(highlight|language-[\w+-]+|[a-z]{1,3}[0-9]?)")  # pygments' token classes
_TEX = re.compile(r"<crmlab-tex(-display)?>([^<]*)</crmlab-tex(?:-display)?>")
_TEX_TAG = re.compile(r"</?crmlab-tex(?:-display)?>")
_NO_ANSWER = {"", "YOUR ANSWER HERE"}
# elements whose content is code or hidden, not text: left out whole (the allow-list would drop the
# tags and show the content as text); the cleaning does not depend on this
_RAW_TEXT = re.compile(
    r"<(script|style|template|noscript|textarea|title|iframe|noembed|noframes|xmp|object)\b[^>]*>.*?</\1\s*>",
    flags=re.S | re.I,
)


def _known_message(assignment: str, question: str, text: str | None) -> str | None:
    """``text`` when it is one of the question's check messages, in English or translated."""
    if not text:
        return None
    try:
        from crmlab._i18n import LANGUAGES, translate
        from crmlab.checks import for_assignment

        english = for_assignment(assignment).questions[question].messages().values()
    except (ValueError, KeyError):
        return None
    known = {translate(m, language=lang) for m in english for lang in LANGUAGES}
    return text if text in known else None


def manual_scores(
    root: Path, assignment: str, notebook: str, student: str
) -> dict[str, tuple[float | None, str]]:
    """Manual scores and comments from the gradebook, by grade id (empty when none)."""
    try:
        from nbgrader.api import Gradebook, MissingEntry

        from crmlab.grading.gradebook import gradebook_url

        out: dict[str, tuple[float | None, str]] = {}
        with Gradebook(gradebook_url(root), course_id="crmlab") as gb:
            try:
                sub = gb.find_submission_notebook(notebook, assignment, student)
            except MissingEntry:
                return {}
            comments = {c.name: (c.manual_comment or "") for c in sub.comments}
            for grade in sub.grades:
                if grade.manual_score is not None or grade.needs_manual_grade:
                    out[grade.name] = (grade.manual_score, comments.get(grade.name, ""))
        return out
    except Exception:  # no gradebook yet: feedback still lists the auto-graded results
        return {}


# --------------------------------------------------------------------------------------------
# Markdown: render, clean, typeset


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _keep_attribute(tag: str, name: str, value: str) -> bool:
    if tag == "a":  # a relative link points into the course folder, which the student does not have
        return name == "title" or (
            name == "href" and value.startswith(("http:", "https:", "mailto:", "#"))
        )
    if tag in ("abbr", "q"):
        return name == "title"
    if tag in ("th", "td"):
        return name in ("style", "colspan", "rowspan")
    if tag == "ol":
        return name == "start"
    if tag in ("span", "div", "code", "pre") and name == "class":
        return all(_CLASS.fullmatch(c) for c in value.split())
    return False


@functools.cache
def _markdown() -> Any:
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    class Renderer(IPythonRenderer):
        """nbconvert's renderer with formulas marked for typesetting, headings one level down
        (the page's own h1 is "Feedback"), and images replaced by their alt text."""

        def block_math(self, body: str) -> str:
            return f"<crmlab-tex-display>{_escape(body)}</crmlab-tex-display>"

        def latex_environment(self, name: str, body: str) -> str:
            return self.block_math(f"\\begin{{{name}}}{body}\\end{{{name}}}")

        def inline_math(self, body: str) -> str:
            return f"<crmlab-tex>{_escape(body)}</crmlab-tex>"

        def heading(self, text: str, level: int, **attrs: Any) -> str:
            return super().heading(text, min(level + 1, 6))

        def image(self, text: str, url: str, title: str | None = None) -> str:
            return f"<em>[image: {text}]</em>" if text else "<em>[image]</em>"

        def block_mermaidjs(self, code: str) -> str:
            return f"<pre><code>{_escape(code)}</code></pre>"

    renderer = Renderer(escape=False, allow_harmful_protocols=False, exclude_anchor_links=True)
    return MarkdownWithMath(renderer=renderer)


@functools.cache
def _cleaner() -> Any:
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=_keep_attribute,
        protocols=PROTOCOLS,
        strip=True,
        strip_comments=True,
        css_sanitizer=CSSSanitizer(allowed_css_properties=["text-align"]),
    )


@functools.lru_cache(maxsize=1024)
def formula(tex: str, display: bool = False) -> str | None:
    r"""A formula typeset as an ``<img>`` (SVG, as a data: URI) by matplotlib's mathtext.

    None when mathtext cannot typeset it (or it is longer than :data:`MAX_TEX`).

    >>> formula(r"\frac{m\,r}{1 + d - r}").startswith('<img class="fb-math" alt="\\frac{m\\,r}{1 + d - r}"')
    True
    >>> formula(r"\begin{aligned} a \end{aligned}") is None
    True
    """
    source = " ".join(tex.split())
    if not source or len(source) > MAX_TEX:
        return None
    # mathtext has no display style: a displayed fraction is asked for as one
    typeset = re.sub(r"\\frac(?![a-zA-Z])", r"\\dfrac", source) if display else source
    from matplotlib import figure, mathtext, rc_context
    from matplotlib.font_manager import FontProperties

    settings = {
        "mathtext.fontset": "cm",
        "svg.fonttype": "path",
        "svg.hashsalt": "crmlab",
        "text.usetex": False,
    }
    with rc_context(settings):
        prop = FontProperties(size=_MATH_SIZE)
        try:
            width, height, depth, _, _ = mathtext.MathTextParser("path").parse(
                f"${typeset}$", dpi=72, prop=prop
            )
            fig = figure.Figure(figsize=(width / 72, height / 72))
            fig.text(0, depth / height, f"${typeset}$", fontproperties=prop)
            out = io.BytesIO()
            fig.savefig(out, format="svg", metadata={"Date": None}, transparent=True)
        except Exception:  # mostly mathtext's ValueError; never a reason to stop the feedback
            return None
    svg = base64.b64encode(out.getvalue()).decode("ascii")
    em = _MATH_SIZE / (DISPLAY_SCALE if display else INLINE_SCALE)
    style = (
        f"width:{width / em:.3f}em;height:{height / em:.3f}em;vertical-align:{-depth / em:.3f}em"
    )
    return (
        f'<img class="fb-math" alt="{html.escape(source)}" role="math" '
        f'src="data:image/svg+xml;base64,{svg}" style="{style}">'
    )


def _typeset(match: re.Match[str]) -> str:
    display, tex = bool(match.group(1)), html.unescape(match.group(2))
    image = formula(tex, display)
    delimiter = "$$" if display else "$"
    shown = image or f'<code class="fb-tex-source">{_escape(delimiter + tex + delimiter)}</code>'
    return f'<span class="fb-math-display">{shown}</span>' if display else shown


def markdown_html(source: str) -> str:
    """A Markdown cell as clean HTML: rendered, cleaned with the allow-list, formulas typeset.

    >>> markdown_html('**Hi** <script>alert(1)</script><img src=x onerror="alert(1)"> <u>x</u>')
    '<p><strong>Hi</strong>  <u>x</u></p>'
    """
    rendered = _RAW_TEXT.sub("", _markdown().render(source))  # a script's text is no answer either
    cleaned = _cleaner().clean(rendered)
    # after cleaning, a `<` is a real tag (text and attribute values have it escaped)
    return _TEX_TAG.sub("", _TEX.sub(_typeset, cleaned)).strip()


# --------------------------------------------------------------------------------------------
# the page


def _code_html(source: str) -> str:
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    if not source.strip():
        return ""
    return highlight(source, PythonLexer(), HtmlFormatter(cssclass="highlight fb-source"))


def _course_text(release: nbformat.NotebookNode | None) -> dict[str, str] | None:
    """The release's own Markdown (locked, not an answer), by grade id; None without a release."""
    if release is None:
        return None
    out = {}
    for cell in release.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "markdown" and meta.get("grade_id") and not meta.get("solution"):
            out[meta["grade_id"]] = cell.source
    return out


#: every text of the page, in English; crmlab/locale/<lang>/feedback.po translates them
PAGE_TEXT = (
    "✓ correct",
    "✗ not correct",
    "written answer: to be graded by your instructor",
    "graded by your instructor: {score}",
    "question",
    "points",
    "result",
    "Score: {earned} of {total} points.",
    "You wrote no answer.",
    "Your answer",
    "Your note",
    "check: {message}",
    "{score} points.",
    "not graded yet.",
    "Instructor:",
    "Assignment {assignment}",
    "Assignment {assignment}, notebook {notebook}",
    "Feedback · {notebook}",
    "Feedback",
)


def _t(text: str, lang: str, **values: object) -> str:
    """A text of the page in the notebook's language (see :data:`PAGE_TEXT`)."""
    from crmlab._i18n import translate

    return translate(text, "feedback", lang).format(**values)


def notebook_language(
    release: nbformat.NotebookNode | None, submission: nbformat.NotebookNode | None = None
) -> str:
    """The language of a course notebook: its ``crmlab.language`` metadata, English without it.

    The release decides when there is one: it is the course's own copy, which no student can
    change; the submission's metadata is asked only when the release is missing.
    """
    nb = release if release is not None else submission
    lang = nb.metadata.get("crmlab", {}).get("language") if nb is not None else None
    return str(lang) if lang in ("en", "zh") else "en"


def _results(
    nb: nbformat.NotebookNode, manual: dict[str, tuple[float | None, str]], lang: str = "en"
) -> tuple[str, str]:
    """(the results table, the score line) of an autograded notebook."""
    rows, earned, total = [], 0.0, 0.0
    for r in summarise(nb):
        total += r["points"]
        if r["auto"]:
            earned += r["points"] if r["passed"] else 0.0
            result, kind = (
                (_t("✓ correct", lang), "pass")
                if r["passed"]
                else (_t("✗ not correct", lang), "fail")
            )
        else:
            score, _ = manual.get(r["grade_id"], (None, ""))
            if score is None:
                result, kind = _t("written answer: to be graded by your instructor", lang), "wait"
            else:
                earned += score
                result, kind = (
                    _t("graded by your instructor: {score}", lang, score=f"{score:g}"),
                    "manual",
                )
        rows.append(
            f'<tr class="fb-{kind}"><td>{_escape(r["question"])}</td><td>{r["points"]:g}</td>'
            f"<td>{_escape(result)}</td></tr>"
        )
    table = (
        f'<table class="fb-results">\n<thead><tr><th scope="col">{_t("question", lang)}</th>'
        f'<th scope="col">{_t("points", lang)}</th>'
        f'<th scope="col">{_t("result", lang)}</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )
    line = _t("Score: {earned} of {total} points.", lang, earned=f"{earned:g}", total=f"{total:g}")
    return table, f'<p class="fb-score"><strong>{line}</strong></p>'


def _cells(
    nb: nbformat.NotebookNode,
    assignment: str,
    manual: dict[str, tuple[float | None, str]],
    course: dict[str, str] | None,
    lang: str = "en",
) -> list[str]:
    out = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        grade_id = meta.get("grade_id")
        if cell.cell_type == "markdown":
            if meta.get("solution"):
                text = cell.source.strip()
                body = (
                    markdown_html(text)
                    if text not in _NO_ANSWER
                    else f"<p><em>{_t('You wrote no answer.', lang)}</em></p>"
                )
                label = _t("Your answer", lang) + (
                    f" ({_escape(grade_id)})" if meta.get("grade") and grade_id else ""
                )
                out.append(
                    f'<section class="fb-cell fb-answer"><p class="fb-label">{label}</p>\n{body}\n</section>'
                )
            elif course is not None and grade_id not in course:  # a cell the student added
                out.append(
                    f'<section class="fb-cell fb-answer"><p class="fb-label">{_t("Your note", lang)}</p>\n'
                    f"{markdown_html(cell.source)}\n</section>"
                )
            else:
                text = course[grade_id] if course is not None else cell.source
                out.append(
                    f'<section class="fb-cell fb-markdown">\n{markdown_html(text)}\n</section>'
                )
        elif cell.cell_type == "code" and is_test_cell(cell):
            verdict = cell.metadata.get("crmlab", {})
            passed = bool(verdict.get("passed"))
            verdict_text = _t("✓ correct" if passed else "✗ not correct", lang)
            lines = [f'<p class="fb-verdict">{verdict_text}</p>']
            message = _known_message(assignment, verdict.get("question", ""), verdict.get("check"))
            if message and not passed:
                check = _t("check: {message}", lang, message=_escape(message))
                lines.append(f'<p class="fb-check">{check}</p>')
            out.append(
                f'<section class="fb-cell fb-test fb-{"pass" if passed else "fail"}">\n'
                f"{_code_html(strip_hidden_tests(cell.source))}"
                f'<div class="fb-outcome">{"".join(lines)}</div>\n</section>'
            )
        elif cell.cell_type == "code":
            kind = "fb-yours" if meta.get("solution") or not meta else "fb-given"
            code = _code_html(cell.source)
            if code:
                out.append(f'<section class="fb-cell fb-code {kind}">\n{code}</section>')
        if meta.get("grade") and meta.get("solution") and grade_id in manual:
            score, comment = manual[grade_id]
            note = (
                _t("{score} points.", lang, score=f"{score:g}")
                if score is not None
                else _t("not graded yet.", lang)
            )
            comment_html = markdown_html(comment) if comment.strip() else ""
            out.append(
                f'<section class="fb-cell fb-instructor"><p><strong>{_t("Instructor:", lang)}</strong> {note}</p>'
                f"\n{comment_html}\n</section>"
            )
    return out


_STYLE = """
:root { color-scheme: light; }
body { margin: 0; background: #f6f7f9; color: #1f2328; font: 16px/1.55 system-ui, -apple-system,
  "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 56rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
h2 { font-size: 1.5rem; } h3 { font-size: 1.25rem; } h4, h5, h6 { font-size: 1.05rem; }
.fb-about { color: #59636e; margin: 0 0 1rem; }
.fb-summary, .fb-cell { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px;
  padding: .75rem 1rem; margin: 0 0 .75rem; }
.fb-summary { padding: 1rem 1.25rem; }
.fb-score { font-size: 1.2rem; margin: .5rem 0 .75rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #d1d9e0; padding: .3rem .7rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f4; font-weight: 600; }
.fb-results tr.fb-pass td:last-child { color: #1a7f37; }
.fb-results tr.fb-fail td:last-child { color: #cf222e; font-weight: 600; }
.fb-results tr.fb-wait td:last-child { color: #59636e; font-style: italic; }
code, pre, kbd, samp { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
  font-size: .9em; }
:not(pre) > code { background: #eff1f3; border-radius: 4px; padding: .05em .3em; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.highlight { background: #f6f8fa; border-radius: 4px; padding: .5rem .75rem; }
.fb-code.fb-given { border-left: 4px solid #d1d9e0; }
.fb-code.fb-yours { border-left: 4px solid #0969da; }
.fb-test.fb-pass { border-left: 4px solid #1a7f37; }
.fb-test.fb-fail { border-left: 4px solid #cf222e; }
.fb-outcome p { margin: .5rem 0 0; }
.fb-pass .fb-verdict { color: #1a7f37; font-weight: 600; }
.fb-fail .fb-verdict { color: #cf222e; font-weight: 600; }
.fb-check { color: #1f2328; }
.fb-answer { border-left: 4px solid #8250df; }
.fb-label { margin: 0 0 .25rem; color: #8250df; font-weight: 600; font-size: .9rem; }
.fb-instructor { border-left: 4px solid #bf8700; background: #fff8e6; }
.fb-math { display: inline-block; max-width: 100%; }
.fb-math-display { display: block; text-align: center; margin: .75rem 0; overflow-x: auto; }
blockquote { margin: .5rem 0; padding: 0 1rem; border-left: 4px solid #d1d9e0; color: #59636e; }
"""


@functools.cache
def _stylesheet() -> str:
    from pygments.formatters import HtmlFormatter

    return _STYLE + HtmlFormatter(style="default").get_style_defs(".highlight")


def feedback_html(
    nb: nbformat.NotebookNode,
    assignment: str,
    manual: dict[str, tuple[float | None, str]],
    release: nbformat.NotebookNode | None = None,
    notebook: str | None = None,
) -> str:
    """The feedback page of an autograded notebook (see the module docstring).

    ``release`` is the course's release of the notebook: its Markdown replaces the submission's.
    """
    lang = notebook_language(release, nb)
    table, score = _results(nb, manual, lang)
    name = notebook or assignment
    about = (
        _t(
            "Assignment {assignment}, notebook {notebook}",
            lang,
            assignment=_escape(assignment),
            notebook=_escape(name),
        )
        if name != assignment
        else _t("Assignment {assignment}", lang, assignment=_escape(assignment))
    )
    cells = "\n".join(_cells(nb, assignment, manual, _course_text(release), lang))
    html_lang = {"en": "en", "zh": "zh-CN"}[lang]
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="crmlab feedback">\n'
        f"<title>{_t('Feedback · {notebook}', lang, notebook=_escape(name))}</title>\n"
        f"<style>{_stylesheet()}</style>\n</head>\n<body>\n<main>\n"
        f'<header class="fb-summary">\n<h1>{_t("Feedback", lang)}</h1>\n<p class="fb-about">{about}</p>\n'
        f"{score}\n{table}\n</header>\n{cells}\n</main>\n</body>\n</html>\n"
    )


def write_feedback(root: Path, assignment: str, students: list[str] | None = None) -> list[Path]:
    """Write ``feedback/<student>/<assignment>/<notebook>.html`` for autograded submissions."""
    base = root / "autograded"
    if students is None:
        students = (
            sorted(p.name for p in base.iterdir() if (p / assignment).is_dir())
            if base.is_dir()
            else []
        )
    if not students:
        raise FileNotFoundError(
            f"no autograded submissions of {assignment} in {base}; run crmlab autograde first"
        )
    releases: dict[str, nbformat.NotebookNode | None] = {}
    written = []
    for student in students:
        for path in sorted((base / student / assignment).glob("*.ipynb")):
            if path.stem not in releases:
                release = release_dir(root) / assignment / path.name
                releases[path.stem] = (
                    nbformat.read(release, as_version=4) if release.is_file() else None
                )
            nb = nbformat.read(path, as_version=4)
            manual = manual_scores(root, assignment, path.stem, student)
            page = feedback_html(nb, assignment, manual, releases[path.stem], path.stem)
            target = root / "feedback" / student / assignment / f"{path.stem}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
            written.append(target)
    return written
