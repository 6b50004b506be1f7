"""Documents generated from the course manifest and the glossary, so they cannot drift.

``crmlab sync-docs`` writes the README's chapter table, the course index notebook
(``notebooks/index.ipynb``) and the bilingual glossary page (``docs/glossary.md``); tests check that
the committed files equal a fresh generation.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from crmlab.course.manifest import Course, load_course

TABLE_START = "<!-- chapters:start (generated from course.toml by `crmlab sync-docs`) -->"
TABLE_END = "<!-- chapters:end -->"
GROUP_TITLES = {
    "term": "Terms · 术语",
    "abc_class": "ABC classes · ABC客户类别",
    "csm_level": "CSM satisfaction levels · 满意度等级 (lowest first)",
    "lifecycle_stage": "Customer lifecycle stages · 客户生命周期阶段",
    "relationship_stage": "Relationship development stages · 关系发展阶段",
    "value_class": "Customer value matrix · 客户价值矩阵",
    "servqual_dimension": "SERVQUAL dimensions · 服务质量维度",
}


def chapter_table(course: Course) -> str:
    """The README's chapter table (Markdown)."""
    rows = [
        "| # | chapter | 章节 | minutes | notebook | assignment (points) |",
        "|---|---|---|---|---|---|",
    ]
    for c in course.chapters:
        notebook = (
            f"[`{c.notebook}`]({c.notebook})"
            if c.notebook
            else ("–" if c.assignment else "in preparation")
        )
        assignment = (
            f"`exercises/{c.assignment}/` ({c.points:g})" if c.assignment else "in preparation"
        )
        rows.append(
            f"| {c.number} | {c.title_en} | {c.title_zh} | {c.minutes} | {notebook} | {assignment} |"
        )
    return "\n".join(rows)


def readme_text(root: Path) -> str:
    text = (root / "README.md").read_text(encoding="utf-8")
    start, end = text.index(TABLE_START), text.index(TABLE_END)
    return (
        text[: start + len(TABLE_START)]
        + "\n"
        + chapter_table(load_course(root))
        + "\n"
        + text[end:]
    )


def index_notebook(course: Course) -> nbformat.NotebookNode:
    """``notebooks/index.ipynb``: the course map, from the manifest."""
    total_minutes = sum(c.minutes for c in course.chapters)
    lines = [
        f"# {course.title_en} · {course.title_zh}",
        "",
        "Welcome. This is the map of the course: read the chapters in order (each builds on the ones "
        "before), run every cell, move the sliders, and try the exercises. Each chapter has a graded "
        "assignment in `exercises/`: open it, replace every `...` with your answer and run the check "
        "cell under it for instant feedback.",
        "",
        f"About {total_minutes / 60:.0f} hours in all.",
        "",
        "| # | chapter | 章节 | minutes | notebook | exercise | points |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in course.chapters:
        notebook = (
            f"[{c.name}]({Path(c.notebook).name})"
            if c.notebook
            else ("–" if c.assignment else "in preparation")
        )
        exercise = (
            f"[{c.assignment}](../exercises/{c.assignment}/{c.assignment}.ipynb)"
            if c.assignment
            else "–"
        )
        points = f"{c.points:g}" if c.points is not None else "–"
        lines.append(
            f"| {c.number} | {c.title_en} | {c.title_zh} | {c.minutes} | {notebook} | {exercise} | {points} |"
        )
    lines += [
        "",
        "The bilingual glossary (中英术语表) of every term the course uses is in `docs/glossary.md`; "
        "the data sets and their dictionary are described in `datasets/README.md`.",
        "",
        "The chapters cite five Chinese lecture materials by short names (Slides A, the Lecture notes, "
        "the Article, Slides B and the Exam collection) and number the exam questions as S1-M9 and so "
        "on: the [sources page](../docs/sources.md) explains both.",
    ]
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_markdown_cell("\n".join(lines))
    cell.id = "course-map"
    nb.cells.append(cell)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def glossary_markdown() -> str:
    """``docs/glossary.md``: the glossary CSV as one bilingual table per group."""
    from crmlab.glossary import glossary

    table = glossary()
    out = [
        "# Glossary · 中英术语表",
        "",
        "Generated from `crmlab/glossary.csv` by `crmlab sync-docs`; the notebooks, charts and the "
        "library's labels read the same file. Chapter = where the term is introduced.",
    ]
    groups = list(dict.fromkeys(table["group"]))
    for group in groups:
        rows = table[table["group"] == group]
        out += ["", f"## {GROUP_TITLES.get(group, group.replace('_', ' ').capitalize())}", ""]
        out += ["| English | 中文 | chapter | note |", "|---|---|---|---|"]
        for r in rows.itertuples():
            note = str(r.note).replace("|", "/") if r.note == r.note else ""
            out.append(f"| {r.en} | {r.zh} | {r.chapter} | {note} |")
    return "\n".join(out) + "\n"


GUIDE_START = "<!-- assignments:start (generated by `crmlab sync-docs`) -->"
GUIDE_END = "<!-- assignments:end -->"


def assignment_tables(course: Course) -> str:
    """For instructors: each assignment's chapter, time, points and the mistakes its checks name."""
    from crmlab.checks import for_assignment

    out = ["| assignment | chapter | minutes | points |", "|---|---|---|---|"]
    for c in course.chapters:
        if c.assignment:
            out.append(
                f"| `{c.assignment}` | {c.number} · {c.title_en} ({c.title_zh}) | {c.minutes} | {c.points:g} |"
            )
    for c in course.chapters:
        if not c.assignment:
            continue
        try:
            questions = for_assignment(c.assignment).questions
        except ValueError:
            continue
        out += ["", f"### `{c.assignment}`: what the checks recognise", ""]
        for qid, question in questions.items():
            mistakes = [m for k, m in question.messages().items() if k.startswith("mistake-")]
            formats = [
                m
                for k, m in question.messages().items()
                if not k.startswith("mistake-") and k != "not-attempted"
            ]
            parts = []
            if mistakes:
                parts.append("mistakes: " + "; ".join(dict.fromkeys(mistakes)))
            if formats:
                parts.append("format: " + "; ".join(dict.fromkeys(formats)))
            out.append(f"- **{qid}**: " + (" — ".join(parts) if parts else "format only"))
    return "\n".join(out)


def instructor_guide_text(root: Path) -> str:
    text = (root / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    start, end = text.index(GUIDE_START), text.index(GUIDE_END)
    return (
        text[: start + len(GUIDE_START)]
        + "\n"
        + assignment_tables(load_course(root))
        + "\n"
        + text[end:]
    )


def expected_files(root: Path) -> dict[Path, str]:
    """Every generated file and the text it must hold."""
    from crmlab.datasets import data_dictionary_readme

    course = load_course(root)
    return {
        root / "README.md": readme_text(root),
        root / course.index: nbformat.writes(index_notebook(course)) + "\n",
        root / "docs" / "glossary.md": glossary_markdown(),
        root / "docs" / "instructor-guide.md": instructor_guide_text(root),
        root / "datasets" / "README.md": data_dictionary_readme(
            (root / "datasets" / "README.md").read_text(encoding="utf-8")
        ),
    }


def sync_docs(root: Path) -> list[Path]:
    """Write the generated files that differ; return the ones written."""
    written = []
    for path, text in expected_files(root).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
