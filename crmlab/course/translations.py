"""The Chinese edition of the notebooks: gettext catalogues keyed on stable cell ids.

Two languages, one source. The code of a notebook exists once, in its English text source
(``content/chapters/NN_slug.py``, ``content/solutions/NN_slug.py``); the prose of each markdown
cell is translated in a catalogue beside it::

    content/zh/chapters/05_abc.po      msgctxt = cell id, msgid = the English cell, msgstr = 中文
    content/zh/solutions/05_abc.po

and the Chinese notebooks are generated from both (``crmlab translations build``)::

    zh/notebooks/05_abc.ipynb           (executed, outputs stored, as notebooks/ is)
    zh/solutions/05_abc/05_abc.ipynb    (nbgrader source of the Chinese release)

A Chinese notebook differs from its English one in its markdown cells and in one thing of its
code: the first code cell that uses crmlab starts with :data:`LANGUAGE_LINES` (``crmlab.
set_language("zh")``), which is how the notebook tells crmlab its language. Cell ids, cell
order, code, nbgrader metadata (grade ids, points) are the English ones; :func:`parity` checks it.

When the English text of a cell changes, ``crmlab translations update`` marks its translation
``fuzzy`` (keeping the old English as ``#| msgid``, so the translator sees what changed) and a
test fails until it is reviewed; a new cell gets an empty entry; the entry of a deleted cell
becomes obsolete (``#~``), kept for reuse but no longer counted.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmlab._i18n import LANGUAGES
from crmlab._po import Entry, dumps, loads
from crmlab.course import textnotebooks as tn

__all__ = [
    "LANGUAGE_LINES",
    "DOCS",
    "blocks",
    "build_doc",
    "check_messages",
    "doc_problems",
    "update_doc",
    "edition_check",
    "message_catalogue_path",
    "message_problems",
    "update_messages",
    "TranslationError",
    "catalogue_path",
    "check",
    "edition_path",
    "extract",
    "parity",
    "translate",
    "update",
]

#: the lines the generator puts at the top of a translated notebook's setup cell
LANGUAGE_LINES = 'import crmlab\n\ncrmlab.set_language("{lang}")\n\n'
TRANSLATED = ("markdown",)


class TranslationError(ValueError):
    """A catalogue that cannot make a complete notebook (a cell untranslated or out of date)."""


@dataclass(frozen=True)
class Report:
    """What :func:`update` did to one catalogue."""

    path: Path
    new: int
    fuzzy: int
    obsolete: int
    changed: bool


def _language(lang: str) -> str:
    if lang == "en" or lang not in LANGUAGES:
        raise ValueError(f"no translated edition {lang!r}; editions: {sorted(LANGUAGES)[1:]}")
    return lang


def catalogue_path(pair: tn.NotebookPair, lang: str) -> Path:
    """``content/<lang>/<chapters|solutions>/<stem>.po`` beside the text source."""
    return (
        pair.text.parent.parent / _language(lang) / pair.text.parent.name / f"{pair.text.stem}.po"
    )


def edition_path(pair: tn.NotebookPair, lang: str) -> Path:
    """Where the translated notebook goes: ``<lang>/notebooks/...`` or ``<lang>/solutions/...``."""
    root = pair.text.parent.parent.parent
    return root / _language(lang) / pair.notebook.relative_to(root)


def extract(nb: Any, name: str) -> list[Entry]:
    """The translatable entries of a notebook: one per non-empty markdown cell."""
    return [
        Entry(msgid=cell.source, context=cell.id, notes=[f"{name}, {cell.cell_type} cell"])
        for cell in nb.cells
        if cell.cell_type in TRANSLATED and cell.source.strip()
    ]


def _read(path: Path) -> list[Entry]:
    return loads(path.read_text(encoding="utf-8")) if path.exists() else []


def update(pair: tn.NotebookPair, lang: str) -> Report:
    """Bring a catalogue in step with its English text source (see the module docstring)."""
    path = catalogue_path(pair, lang)
    old = {e.context: e for e in _read(path) if not e.obsolete}
    obsolete_before = [e for e in _read(path) if e.obsolete]
    entries, new, fuzzy = [], 0, 0
    for entry in extract(tn.read(pair.text), f"{pair.kind} {pair.text.stem}"):
        before = old.pop(entry.context, None)
        if before is None:
            new += 1
        elif before.msgid == entry.msgid:
            entry.msgstr, entry.flags = before.msgstr, before.flags
            entry.comments, entry.previous = before.comments, before.previous
        else:
            entry.msgstr, entry.comments = before.msgstr, before.comments
            entry.flags = sorted(set(before.flags) | ({"fuzzy"} if before.msgstr else set()))
            entry.previous = before.previous if before.fuzzy else before.msgid
            fuzzy += bool(before.msgstr)
        entries.append(entry)
    gone = [e for e in old.values() if e.msgstr]
    for entry in gone:
        entry.obsolete = True
    text = dumps(entries + obsolete_before + gone, language=LANGUAGES[lang])
    changed = not path.exists() or path.read_text(encoding="utf-8") != text
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Report(path, new, fuzzy, len(gone), changed)


def check(pair: tn.NotebookPair, lang: str) -> list[str]:
    """What keeps the catalogue from making a complete, current translation (empty when none)."""
    path = catalogue_path(pair, lang)
    if not path.exists():
        return [f"{path} is missing: run `crmlab translations update`"]
    problems = []
    have = {e.context: e for e in _read(path) if not e.obsolete}
    for entry in extract(tn.read(pair.text), ""):
        got = have.pop(entry.context, None)
        where = f"{path}: cell {entry.context}"
        if got is None:
            problems.append(f"{where} has no entry: run `crmlab translations update`")
        elif got.msgid != entry.msgid:
            problems.append(f"{where}: the English changed: run `crmlab translations update`")
        elif got.fuzzy:
            problems.append(f"{where} is fuzzy: review the translation, then remove the flag")
        elif not got.msgstr.strip():
            problems.append(f"{where} is not translated yet")
    problems += [f"{path}: entry {c} is for no cell of {pair.text}" for c in have]
    return problems


def translate(nb: Any, entries: list[Entry], lang: str, *, name: str = "") -> Any:
    """A copy of the English notebook ``nb`` in ``lang``, from the catalogue ``entries``."""
    lang = _language(lang)
    table = {e.context: e for e in entries if not e.obsolete}
    out = copy.deepcopy(nb)
    for cell in out.cells:
        if cell.cell_type not in TRANSLATED or not cell.source.strip():
            continue
        entry = table.get(cell.id)
        if entry is None or entry.msgid != cell.source or not entry.translated:
            state = "no entry" if entry is None else "out of date or untranslated"
            raise TranslationError(f"{name}: cell {cell.id} has {state} in the {lang} catalogue")
        cell.source = entry.msgstr
    setup = next((c for c in out.cells if c.cell_type == "code" and "crmlab" in c.source), None)
    if setup is None:
        raise TranslationError(f"{name}: no code cell uses crmlab, so none can set the language")
    setup.source = LANGUAGE_LINES.format(lang=lang) + setup.source
    out.metadata["crmlab"] = {"language": lang}
    return out


def edition_check(pair: tn.NotebookPair, lang: str) -> list[str]:
    """What differs between a translated notebook in ``zh/`` and what its sources make now.

    Compares cell ids, types, sources and metadata with the translation of the text source, and
    the code with the English (:func:`parity`); outputs are left to nbval.
    """
    import nbformat

    target = edition_path(pair, lang)
    if not target.exists():
        return [f"{target} is missing: run `crmlab translations build`"]
    english = tn.read(pair.text)
    catalogue = catalogue_path(pair, lang)
    try:
        want = translate(english, _read(catalogue), lang, name=str(catalogue))
    except TranslationError as err:
        return [str(err)]
    have = nbformat.read(target, as_version=4)
    problems = [f"{target}: {p}" for p in parity(english, have, lang)]
    if problems:
        return problems
    for a, b in zip(want.cells, have.cells, strict=True):
        if a.source != b.source:
            problems.append(f"{target}: cell {a.id} is not what {catalogue} makes now")
    if have.metadata.get("crmlab") != {"language": lang}:
        problems.append(f"{target}: its metadata does not say crmlab.language = {lang!r}")
    if problems:
        problems.append("run `crmlab translations build` (with --execute for a chapter)")
    return problems


def parity(english: Any, translated: Any, lang: str) -> list[str]:
    """What differs between two editions beyond translated prose and the language lines."""
    problems = []
    ids = [c.id for c in english.cells]
    if ids != [c.get("id") for c in translated.cells]:
        return ["the cells (ids or order) differ"]
    prefix = LANGUAGE_LINES.format(lang=lang)
    set_seen = False
    for a, b in zip(english.cells, translated.cells, strict=True):
        if a.cell_type != b.cell_type:
            problems.append(f"cell {a.id}: {a.cell_type} in English, {b.cell_type} here")
        if a.metadata.get("nbgrader") != b.metadata.get("nbgrader"):
            problems.append(f"cell {a.id}: the nbgrader metadata (grade id, points) differ")
        if a.cell_type == "code":
            source = b.source
            if not set_seen and source.startswith(prefix):
                source, set_seen = source[len(prefix) :], True
            if source != a.source:
                problems.append(f"cell {a.id}: the code differs")
    if not set_seen:
        problems.append(f"no cell sets the language {lang!r}")
    return problems


# ---- crmlab's own messages (what a student's check cell prints), crmlab/locale/<lang>/checks.po


def message_catalogue_path(lang: str, domain: str = "checks") -> Path:
    """``crmlab/locale/<lang>/<domain>.po``, inside the package (students' kernels read it)."""
    from crmlab._i18n import LOCALE

    return LOCALE / _language(lang) / f"{domain}.po"


def check_messages(assignments: list[str]) -> list[Entry]:
    """Every message a visible check can show, once each, with where it is used."""
    from crmlab.checks import FORMAT_OK, for_assignment

    uses: dict[str, list[str]] = {FORMAT_OK: ["every question: the check passed"]}
    for assignment in assignments:
        for question, checks in for_assignment(assignment).questions.items():
            for code, message in checks.messages().items():
                uses.setdefault(message, []).append(f"{assignment} {question} {code}")
    return [
        Entry(msgid=m, notes=[", ".join(where[:4]) + (" ..." if len(where) > 4 else "")])
        for m, where in uses.items()
    ]


def update_messages(assignments: list[str], lang: str) -> Report:
    """Bring ``checks.po`` in step with the check messages; a changed message is matched by
    similarity with a retired one and marked fuzzy, keeping the old translation for review."""
    import difflib

    path = message_catalogue_path(lang)
    before = _read(path)
    old = {e.msgid: e for e in before if not e.obsolete}
    retired_before = [e for e in before if e.obsolete]
    entries, new, fuzzy = [], 0, 0
    fresh = check_messages(assignments)
    candidates = [m for m in old if m not in {e.msgid for e in fresh} and old[m].msgstr]
    for entry in fresh:
        got = old.get(entry.msgid)
        if got is not None:
            entry.msgstr, entry.flags, entry.comments = got.msgstr, got.flags, got.comments
            entry.previous = got.previous
        else:
            close = difflib.get_close_matches(entry.msgid, candidates, n=1, cutoff=0.75)
            if close:
                was = old[close[0]]
                candidates.remove(close[0])
                entry.msgstr, entry.flags, entry.previous = was.msgstr, ["fuzzy"], was.msgid
                fuzzy += 1
            else:
                new += 1
        entries.append(entry)
    gone = [old[m] for m in candidates]
    for entry in gone:
        entry.obsolete = True
    text = dumps(entries + retired_before + gone, language=LANGUAGES[lang])
    changed = not path.exists() or path.read_text(encoding="utf-8") != text
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Report(path, new, fuzzy, len(gone), changed)


def message_problems(assignments: list[str], lang: str) -> list[str]:
    """Check messages without a current translation (empty when the catalogue is complete)."""
    path = message_catalogue_path(lang)
    have = {e.msgid: e for e in _read(path) if not e.obsolete}
    problems = []
    for entry in check_messages(assignments):
        got = have.get(entry.msgid)
        short = entry.msgid if len(entry.msgid) < 70 else entry.msgid[:67] + "..."
        if got is None:
            problems.append(f"{path}: no entry for {short!r}: run `crmlab translations update`")
        elif got.fuzzy:
            problems.append(f"{path}: {short!r} is fuzzy: review it, then remove the flag")
        elif not got.msgstr.strip():
            problems.append(f"{path}: {short!r} is not translated yet")
    return problems


# ---- the guides: Markdown pages translated block by block, content/zh/docs/<page>.po

#: the pages of the Chinese edition: English page -> Chinese page (both relative to the root)
DOCS = {
    "README.md": "zh/README.md",
    "docs/student-guide.md": "zh/docs/student-guide.md",
    "docs/sources.md": "zh/docs/sources.md",
    "docs/practice-exam.md": "zh/docs/practice-exam.md",
    "docs/instructor-guide.md": "zh/docs/instructor-guide.md",
    "docs/instructor-grading.md": "zh/docs/instructor-grading.md",
}
_FENCE = re.compile(r"^\s*(```|~~~)")
_LINK = re.compile(r"(\]\()([^)\s]+)(\))")


def blocks(markdown: str) -> list[str]:
    """The blocks of a Markdown page: paragraphs, list runs, tables, fenced code, split at blank
    lines outside code fences.

    >>> blocks("# A\\n\\ntext\\nmore\\n\\n```\\ncode\\n\\nstill code\\n```\\n")
    ['# A', 'text\\nmore', '```\\ncode\\n\\nstill code\\n```']
    """
    out: list[str] = []
    current: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                out.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        out.append("\n".join(current))
    return out


def _translatable(block: str) -> bool:
    """A block with prose: not only a code fence, an HTML comment or a rule."""
    stripped = block.strip()
    if _FENCE.match(stripped) and stripped.endswith(("```", "~~~")):
        return False
    if stripped.startswith("<!--") and stripped.endswith("-->"):
        return False
    return bool(re.search(r"[A-Za-z]", stripped)) and stripped not in ("---", "***")


def doc_catalogue_path(root: Path, page: str, lang: str) -> Path:
    """``content/<lang>/docs/<page path with / as __>.po``."""
    return Path(root) / "content" / _language(lang) / "docs" / (page.replace("/", "__") + ".po")


def _doc_entries(root: Path, page: str) -> list[Entry]:
    text = (Path(root) / page).read_text(encoding="utf-8")
    seen: set[str] = set()
    entries = []
    for block in blocks(text):
        if _translatable(block) and block not in seen:
            seen.add(block)
            entries.append(Entry(msgid=block, notes=[page]))
    return entries


def update_doc(root: Path, page: str, lang: str) -> Report:
    """Bring a page's catalogue in step with the English page (a changed block goes fuzzy)."""
    import difflib

    path = doc_catalogue_path(root, page, lang)
    before = _read(path)
    old = {e.msgid: e for e in before if not e.obsolete}
    fresh = _doc_entries(root, page)
    fresh_ids = {e.msgid for e in fresh}
    candidates = [m for m in old if m not in fresh_ids and old[m].msgstr]
    new = fuzzy = 0
    for entry in fresh:
        got = old.get(entry.msgid)
        if got is not None:
            entry.msgstr, entry.flags, entry.previous = got.msgstr, got.flags, got.previous
            entry.comments = got.comments
            continue
        close = difflib.get_close_matches(entry.msgid, candidates, n=1, cutoff=0.6)
        if close:
            candidates.remove(close[0])
            was = old[close[0]]
            entry.msgstr, entry.flags, entry.previous = was.msgstr, ["fuzzy"], was.msgid
            fuzzy += 1
        else:
            new += 1
    gone = [old[m] for m in candidates]
    for entry in gone:
        entry.obsolete = True
    retired = [e for e in before if e.obsolete]
    text = dumps(fresh + retired + gone, language=LANGUAGES[lang])
    changed = not path.exists() or path.read_text(encoding="utf-8") != text
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Report(path, new, fuzzy, len(gone), changed)


def doc_problems(root: Path, page: str, lang: str) -> list[str]:
    """Blocks of a page without a current translation (empty when complete)."""
    path = doc_catalogue_path(root, page, lang)
    have = {e.msgid: e for e in _read(path) if not e.obsolete}
    problems = []
    for entry in _doc_entries(root, page):
        got = have.get(entry.msgid)
        first = entry.msgid.splitlines()[0][:60]
        if got is None:
            problems.append(
                f"{path}: no entry for the block {first!r}: run `crmlab translations update`"
            )
        elif got.fuzzy:
            problems.append(
                f"{path}: the block {first!r} is fuzzy: review it, then remove the flag"
            )
        elif not got.msgstr.strip():
            problems.append(f"{path}: the block {first!r} is not translated yet")
    return problems


def _relink(block: str, source: Path, target: Path, root: Path) -> str:
    """Point relative links of a block at the Chinese page when there is one, else at the English."""
    import os

    def fix(match: re.Match[str]) -> str:
        link = match.group(2)
        if re.match(r"^[a-z]+:|^#|^/", link):
            return match.group(0)
        path, _, anchor = link.partition("#")
        english = (source.parent / path).resolve()
        chinese = (target.parent / path).resolve()
        if chinese.exists() or not english.exists():
            return match.group(0)
        new = os.path.relpath(english, target.parent).replace(os.sep, "/")
        return f"{match.group(1)}{new}{'#' + anchor if anchor else ''}{match.group(3)}"

    del root
    return _LINK.sub(fix, block)


def build_doc(root: Path, page: str, lang: str) -> bool:
    """Write the Chinese page of ``page`` from its catalogue; return whether it changed."""
    root = Path(root)
    source, target = root / page, root / DOCS[page]
    table = {e.msgid: e for e in _read(doc_catalogue_path(root, page, lang)) if not e.obsolete}
    out = []
    for block in blocks(source.read_text(encoding="utf-8")):
        if _translatable(block):
            entry = table.get(block)
            if entry is None or not entry.translated:
                raise TranslationError(
                    f"{page}: the block {block.splitlines()[0][:60]!r} has no current {lang} translation"
                )
            block = entry.msgstr
        out.append(_relink(block, source, target, root))
    text = "\n\n".join(out) + "\n"
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return True
