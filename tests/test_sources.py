"""The lecture materials are cited by the names of docs/sources.md, never as "seed 00N".

The course follows five lecture materials that are not in the repository. Readers know them by the
short names that ``docs/sources.md`` defines (Slides A, the Lecture notes, the Article, Slides B and
the Exam collection); the file numbers 000-004 under which they were collected mean nothing to a
student, and "seed" is reserved for random seeds. These tests hold the course to that:

* no reader-facing file cites a material as "seed 004", "seeds 000 and 002", "(004)" or "the seed";
* the sources page lists the five names and their short ids, and nothing else is cited by a name
  it does not define (the ids stored in data files included);
* every chapter notebook and every assignment links the sources page where the student can open it
  (in the repository, in the workspace of ``make lab`` and on the course site), and spells out the
  first exam question number it uses.
"""

from __future__ import annotations

import csv
import json
import posixpath
import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from crmlab import datasets
from crmlab.course import kit, site, workspace
from crmlab.course.manifest import load_course

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "docs" / "sources.md"
SOURCES_PATH = "docs/sources.md"
COURSE = load_course(REPO)
CHAPTERS = [c.notebook for c in COURSE.chapters if c.notebook]
ASSIGNMENTS = [c.assignment for c in COURSE.chapters if c.assignment]
NAMES = {"Slides A", "Lecture notes", "Article", "Slides B", "Exam collection"}
IDS = {"slides-a", "lecture-notes", "article", "slides-b", "exam-collection"}

# ---------------------------------------------------------------------------------------------
# the check


#: How the course used to cite its lecture materials; none of it may come back.
CITATION_PATTERNS = [
    (r"\bseeds?[\s-]+00[0-4]\b", "a material cited by its file number (seed 00N)"),
    (
        r"\bseeds?[\s-]+\d{3}(?:\s*(?:,|and|or)\s*\d{3})+",
        "materials cited by file numbers (seeds N and M)",
    ),
    (r"\bseed[\s-]+(?:files?|tables?|texts?|materials?|decks?)\b", "'seed' used for a material"),
    (r"\bthe\s+seeds\b", "'the seeds' for the lecture materials"),
    (r"\b(?:the|this|that|each)\s+seed's\b", "'the seed's' for a material"),
    (r"\b(?:in|from|of|by|to)\s+the\s+seed\b(?!\s+and\b)", "'the seed' for a material"),
    (
        r"\bthe\s+seed\s+(?:says|gives|does|names|lists|writes|reports|credits|describes|has|is|"
        r"cuts|keys|holds|quotes|leaves|calls|defines|asks|adds)\b",
        "'the seed' for a material",
    ),
    (r"\(\s*00[0-4]\s*[);:,]", "a bare material number as a citation, e.g. (004)"),
    (
        r"(?<![\w.,/#+-])00[0-4](?=\s*(?:'s\b|:\s|;|,\s*(?:Fig|Table|set|chapter)|\s+Fig\b))",
        "a bare material number as a citation, e.g. 001's or 001:",
    ),
    (
        r"(?<![\w.,/#+-])00[0-4]\s+(?:says|gives|calls|keys|adds|lists|names|describes|has|defines)\b",
        "a bare material number as the subject of a sentence",
    ),
    (r"讲义\s*00[0-4]", "a material cited by its file number in Chinese (讲义004)"),
]
_CITATIONS = [(re.compile(p, re.IGNORECASE), why) for p, why in CITATION_PATTERNS]


def citation_problems(text: str) -> list[str]:
    """Each old-style citation of a lecture material in ``text``: 'why: the matched text'."""
    found = []
    for pattern, why in _CITATIONS:
        for match in pattern.finditer(text):
            found.append(f"{why}: {' '.join(match.group(0).split())!r}")
    return found


@pytest.mark.parametrize(
    "text",
    [
        "as seed 004 says",
        "Seed 001's answer",
        "the figures of seeds 000 and 002",
        "(seeds\n000, 003)",
        "the seed-004 thresholds",
        "a customer named in the seed files",
        "the seeds give no probabilities",
        "The seed gives no key.",
        "the seed's wording is garbled",
        "option D is cut off in the seed",
        "loyalty measure 1 (003)",
        "customers (002), employees (001; Dwyer)",
        "001's Fig. 1-2",
        "001: from a zero-sum game to a win-win",
        "an ordinary sale (001 Fig. 2-1)",
        "004 keys them as operational",
        "讲义004中的选择题",
    ],
)
def test_the_check_finds_old_citations(text):
    assert citation_problems(text), text


@pytest.mark.parametrize(
    "text",
    [
        "make_b2b_customers(n, seed) with the seed and n above",
        "simulated, 2,000 customers per scenario, seed 4",
        "seeded synthetic data; the same `seed` gives the same bytes",
        "a new random seed (seed=2027)",
        "customer ids B001 to B200 and R0001; 1,000,000 rows; 100,000 yuan; 0.004",
        "exam question S2-M13 of the Exam collection (Slides A, the Lecture notes)",
    ],
)
def test_the_check_accepts_random_seeds_and_numbers(text):
    assert citation_problems(text) == []


# ---------------------------------------------------------------------------------------------
# the reader-facing files


def tracked(*patterns: str) -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *patterns],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return sorted({REPO / p for p in out if (REPO / p).is_file()})


def reader_facing_files() -> list[Path]:
    """Notebooks, assignments, releases, docs, README, the library, the glossary and the data."""
    files = tracked(
        "notebooks/*.ipynb",
        "solutions/*",
        "exercises/*",
        "docs/*",
        "README.md",
        "crmlab/*.py",
        "crmlab/glossary.csv",
        "datasets/*",
    )
    text_like = {
        ".ipynb",
        ".py",
        ".md",
        ".csv",
        ".txt",
        ".yaml",
        ".yml",
        ".toml",
        ".j2",
        ".html",
        "",
    }
    return [
        p
        for p in files
        # the CDNOW purchase logs are third-party numbers, not course text
        if p.suffix in text_like and not p.name.startswith("cdnow_")
    ]


def notebook_text(path: Path) -> str:
    """Every cell's source and every text output of a notebook (images left out)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    parts = []
    for cell in nb["cells"]:
        parts.append("".join(cell["source"]))
        for output in cell.get("outputs", []):
            parts.append("".join(output.get("text", "")))
            for kind, value in output.get("data", {}).items():
                if kind.startswith("text/") or kind.endswith(("json", "markdown")):
                    parts.append(value if isinstance(value, str) else "".join(map(str, value)))
    return "\n".join(parts)


def file_text(path: Path) -> str:
    return notebook_text(path) if path.suffix == ".ipynb" else path.read_text(encoding="utf-8")


def test_the_reader_facing_files_are_found():
    files = {p.relative_to(REPO).as_posix() for p in reader_facing_files()}
    for expected in [
        *CHAPTERS,
        "README.md",
        SOURCES_PATH,
        "crmlab/datasets/__init__.py",
        "crmlab/glossary.csv",
        "datasets/README.md",
        "datasets/quoted_figures.csv",
        *(f"exercises/{a}/{a}.ipynb" for a in ASSIGNMENTS),
        *(f"solutions/{a}/{a}.ipynb" for a in ASSIGNMENTS),
    ]:
        assert expected in files, expected


@pytest.mark.parametrize(
    "path", reader_facing_files(), ids=lambda p: p.relative_to(REPO).as_posix()
)
def test_no_file_cites_a_material_by_its_file_number(path):
    problems = citation_problems(file_text(path))
    assert not problems, (
        f"{path.relative_to(REPO)}: cite the materials as docs/sources.md names them: {problems[:5]}"
    )


# ---------------------------------------------------------------------------------------------
# the sources page


def sources_table() -> list[list[str]]:
    """The rows of the first table of docs/sources.md (header and rule left out)."""
    rows, started = [], False
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        if line.startswith("|"):
            started = True
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif started:
            break
    assert rows[0][:2] == ["id", "what it is"] and set(rows[1][0]) <= {"-"}
    return rows[2:]


def table_names_and_ids() -> dict[str, str]:
    out = {}
    for row in sources_table():
        match = re.fullmatch(r"\*\*(.+?)\*\* \(`([a-z-]+)`.*\)", row[0])
        assert match, f"first column should read **Name** (`id`): {row[0]!r}"
        out[match.group(1)] = match.group(2)
    return out


def test_the_sources_page_lists_the_five_materials_with_their_ids():
    named = table_names_and_ids()
    assert set(named) == NAMES
    assert set(named.values()) == IDS
    for row in sources_table():
        what, title, takes, chapters = row[1:5]
        assert len(what) > 20 and len(takes) > 40, row[0]
        assert re.search(r"《[\u4e00-\u9fff]", title), f"{row[0]}: no Chinese title"
        assert re.search(r"\[\d+\]\(\.\./(notebooks|exercises)/", chapters), f"{row[0]}: no chapter"
    text = SOURCES.read_text(encoding="utf-8")
    assert "not redistributed" in text and "README" in text
    for code in ("S1-M9", "S1-S3", "S2-M", "S3-", "S1-T", "paper B"):
        assert code in text, code


def test_every_chapter_the_sources_page_links_exists():
    for target in re.findall(r"\]\((\.\./[^)#\s]+)\)", SOURCES.read_text(encoding="utf-8")):
        path = posixpath.normpath(posixpath.join("docs", target))
        assert (REPO / path).exists(), f"docs/sources.md links to {path}, which does not exist"


def exam_codes_used() -> set[str]:
    """The type letters that follow a set in the course's exam question numbers (S, M, T)."""
    letters = set()
    for path in [
        *(REPO / c for c in CHAPTERS),
        *(REPO / "solutions" / a / f"{a}.ipynb" for a in ASSIGNMENTS),
        REPO / "docs" / "practice-exam.md",
    ]:
        letters |= set(re.findall(r"\bS[123]-([A-Z]+)\d", file_text(path)))
    return letters


def test_every_exam_number_letter_is_explained():
    letters = exam_codes_used()
    assert letters == {"S", "M", "T"}, letters
    text = SOURCES.read_text(encoding="utf-8")
    for letter, meaning in {"S": "单选", "M": "多选", "T": "英汉互译"}.items():
        assert re.search(rf"`{letter}`[^|]*\|[^|]*{meaning}", text), f"{letter} is not explained"


def names_used_in(text: str) -> set[str]:
    return set(re.findall(r"\bSlides [A-Z]\b", text)) | {
        n for n in NAMES - {"Slides A", "Slides B"} if n in text
    }


def test_every_name_the_course_uses_is_on_the_sources_page():
    used: set[str] = set()
    for path in reader_facing_files():
        if path != SOURCES:
            used |= names_used_in(file_text(path))
    assert used <= set(table_names_and_ids()), f"not defined on the sources page: {used - NAMES}"
    assert used == NAMES, f"never cited: {NAMES - used}"


def test_the_ids_in_data_files_are_the_ids_of_the_sources_page():
    ids = set(table_names_and_ids().values())
    with open(REPO / "datasets" / "quoted_figures.csv", encoding="utf-8", newline="") as f:
        stored = {row["material"] for row in csv.DictReader(f)}
    assert stored and stored <= ids
    allowed = datasets.SCHEMAS["quoted_figures"].allowed["material"].split(", ")
    assert set(allowed) == ids
    assert set(datasets.load_quoted_figures()["material"]) == {"slides-a", "article"}


def test_a_name_missing_from_the_sources_page_is_caught():
    assert names_used_in("as Slides C shows") - set(table_names_and_ids()) == {"Slides C"}


# ---------------------------------------------------------------------------------------------
# links to the sources page


def markdown_links(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    """(cell index, link target) of every Markdown link in the notebook's Markdown cells."""
    return [
        (i, target)
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown"
        for target in re.findall(r"\]\(([^)\s]+)\)", cell.source)
    ]


def links_to_sources(path: str, nb: nbformat.NotebookNode) -> list[int]:
    """The cells of the notebook at repository path ``path`` that link docs/sources.md."""
    base = posixpath.dirname(path)
    return [
        i
        for i, target in markdown_links(nb)
        if posixpath.normpath(posixpath.join(base, target.split("#")[0])) == SOURCES_PATH
    ]


def notebooks_that_must_link() -> list[str]:
    return [
        *CHAPTERS,
        *(f"{d}/{a}/{a}.ipynb" for a in ASSIGNMENTS for d in ("solutions", "exercises")),
    ]


@pytest.mark.parametrize("path", notebooks_that_must_link())
def test_every_chapter_and_assignment_links_the_sources_page(path):
    nb = nbformat.read(REPO / path, as_version=4)
    assert links_to_sources(path, nb), f"{path} does not link {SOURCES_PATH}"


def exam_citations(path: str) -> list[int]:
    """Indices of the Markdown cells of ``path`` that cite an exam question number."""
    nb = nbformat.read(REPO / path, as_version=4)
    return [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "markdown" and re.search(r"\bS[123]-[SMT]\d", c.source)
    ]


def test_most_notebooks_cite_exam_numbers():
    # the parametrised test below covers only the notebooks that cite one: they must not vanish
    assert len([p for p in notebooks_that_must_link() if exam_citations(p)]) >= 20


@pytest.mark.parametrize("path", [p for p in notebooks_that_must_link() if exam_citations(p)])
def test_the_first_exam_number_is_spelled_out(path):
    nb = nbformat.read(REPO / path, as_version=4)
    cited = exam_citations(path)
    first = nb.cells[cited[0]].source
    assert re.search(r"\bset [123]\b", first), (
        f"{path}: the first exam number is not explained (set N, ...)"
    )
    assert cited[0] in links_to_sources(path, nb), (
        f"{path}: the first exam number does not link the sources page"
    )


def test_a_notebook_without_the_link_is_caught():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("See [the sources](../docs/source.md) and [x](sources.md).")
    ]
    assert links_to_sources("notebooks/05_abc.ipynb", nb) == []
    nb.cells.append(nbformat.v4.new_markdown_cell("[the sources page](../../docs/sources.md#exam)"))
    assert links_to_sources("exercises/05_abc/05_abc.ipynb", nb) == [1]


def test_the_link_works_in_the_workspace_and_the_kit(tmp_path):
    """``make lab`` and the student kit carry the sources page at the path the links point to."""
    assert SOURCES_PATH in workspace.LINKED_FILES and SOURCES_PATH in kit.FILES
    report = workspace.sync_workspace(REPO, tmp_path / "work")
    work = tmp_path / "work"
    assert (
        work / SOURCES_PATH
    ).read_bytes() == SOURCES.read_bytes() and SOURCES_PATH in report.added
    for path in [*CHAPTERS, *(f"exercises/{a}/{a}.ipynb" for a in ASSIGNMENTS)]:
        # the copy sits at the same relative path, so its link resolves to the copied page
        assert links_to_sources(path, nbformat.read(work / path, as_version=4)), path
    assert f"{kit.TOP}/{SOURCES_PATH}" in {name for _, name in kit.kit_files(REPO)}


# ---------------------------------------------------------------------------------------------
# the site


def test_the_site_rewrites_links_to_the_sources_page():
    links = site.site_links(COURSE)
    assert links[SOURCES_PATH] == "sources.html"
    warnings: list[str] = []
    chapter = site._rewrite_links(
        '<a href="../docs/sources.md#Exam-question-numbers">sources page</a>',
        "notebooks/05_abc.ipynb",
        links,
        warnings,
    )
    exercise = site._rewrite_links(
        '<a href="../../docs/sources.md">sources page</a>',
        "exercises/05_abc/05_abc.ipynb",
        links,
        warnings,
    )
    assert chapter == '<a href="sources.html#Exam-question-numbers">sources page</a>'
    assert exercise == '<a href="sources.html">sources page</a>'
    assert warnings == []


def test_the_sources_page_renders_with_its_links(tmp_path):
    links = site.site_links(COURSE)
    warnings: list[str] = []
    body, heading, math = site.render_markdown(SOURCES, SOURCES_PATH, links, warnings)
    assert heading == "Sources · 讲义来源" and not math
    assert 'href="chapter-05_abc.html"' in body and 'href="exercise-10_practice_exam.html"' in body
    assert "../notebooks/" not in body and "$350" not in body.replace(
        '<span class="dollar">$</span>', ""
    )
    assert body.count("<h1") == 1 and "<table>" in body
    for name in NAMES:
        assert f"<strong>{name}</strong>" in body
