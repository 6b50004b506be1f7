"""Text sources of the course's notebooks: what people edit and review.

Every chapter notebook and every assignment's solution notebook has a text source in
``content/`` in jupytext's ``py:percent`` format::

    content/chapters/05_abc.py         ->  notebooks/05_abc.ipynb          (executed, with outputs)
    content/solutions/05_abc.py        ->  solutions/05_abc/05_abc.ipynb   (no outputs)

The ``.ipynb`` files are generated from the text (``make notebooks``: ``crmlab notebooks build
--execute``) and a test fails when a pair is out of step (:func:`check`). The release in
``exercises/`` is generated from ``solutions/`` as before (``make exercises``).

Every cell carries a stable id in its header, ``# %% [markdown] id="md-03"``. jupytext itself does
not keep nbformat cell ids (jupytext issues #735 and #1263), so this module moves the ``id`` key of a
cell's header metadata onto the notebook cell's id and back. The ids are assigned once and never
renumbered: a new cell gets a new id (any unused ``[a-z0-9-]`` name), so that the Chinese edition's
translations, keyed on ``(notebook, cell id)``, keep pointing at the same cell when others are
inserted or moved. The solution notebooks' answer and test cells use their grade ids (``q3-answer``,
``q3-test``).

Only jupytext's reader and writer are used; they are imported when a function here needs them.

Examples
--------
>>> text = '# %% [markdown] id="md-01"\\n# # A title\\n\\n# %% id="code-02"\\nx = 1\\n'
>>> nb = reads(text)
>>> [(c.id, c.cell_type, c.source) for c in nb.cells]
[('md-01', 'markdown', '# A title'), ('code-02', 'code', 'x = 1')]
>>> writes(nb) == text
True
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "NotebookPair",
    "TextSourceError",
    "build",
    "check",
    "export",
    "pairs",
    "read",
    "reads",
    "writes",
]

FORMAT = "py:percent"
CONTENT = "content"
CELL_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
#: what every course notebook runs on; written into each generated .ipynb
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: fixed rather than taken from the kernel, so that a rebuild on another patch release of Python
#: changes nothing
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
    "version": "3.11",
}
#: cell metadata that is a by-product of running a notebook, never part of its source
RUNTIME_METADATA = ("execution", "ExecuteTime", "collapsed", "scrolled")


class TextSourceError(ValueError):
    """A text source that cannot become a notebook (a cell without an id, a duplicated id)."""


@dataclass(frozen=True)
class NotebookPair:
    """One text source and the notebook generated from it."""

    text: Path
    notebook: Path
    kind: str  # "chapter" (executed, outputs stored) or "solution" (no outputs)

    @property
    def executed(self) -> bool:
        """Whether the generated notebook stores outputs (chapters do, solutions do not)."""
        return self.kind == "chapter"


def pairs(root: Path) -> list[NotebookPair]:
    """Every text source under ``root/content`` with the notebook it generates, sorted.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for rel in ("content/chapters/01_x.py", "content/solutions/01_x.py"):
    ...     _ = (root / rel).parent.mkdir(parents=True, exist_ok=True)
    ...     _ = (root / rel).write_text("")
    >>> [(str(p.notebook.relative_to(root)), p.kind) for p in pairs(root)]
    [('notebooks/01_x.ipynb', 'chapter'), ('solutions/01_x/01_x.ipynb', 'solution')]
    """
    root = Path(root)
    found = [
        NotebookPair(text, root / "notebooks" / f"{text.stem}.ipynb", "chapter")
        for text in sorted((root / CONTENT / "chapters").glob("*.py"))
    ]
    found += [
        NotebookPair(text, root / "solutions" / text.stem / f"{text.stem}.ipynb", "solution")
        for text in sorted((root / CONTENT / "solutions").glob("*.py"))
    ]
    return found


def reads(text: str, *, name: str = "<text>") -> Any:
    """Parse a ``py:percent`` text source into a notebook whose cells carry their stable ids.

    Raises
    ------
    TextSourceError
        When a cell has no ``id="..."`` in its header, an id is not a lower-case name, or two
        cells share an id; the message names the cell by its position and first line.
    """
    import jupytext

    nb = jupytext.reads(text, fmt=FORMAT)
    seen: dict[str, int] = {}
    for number, cell in enumerate(nb.cells, start=1):
        first = cell.source.splitlines()[0][:60] if cell.source else "(empty)"
        where = f"{name}: cell {number} ({cell.cell_type}, starting {first!r})"
        cell_id = cell.metadata.pop("id", None)
        if cell_id is None:
            raise TextSourceError(
                f'{where} has no id: give its header a new one, e.g. `# %% id="code-new-1"`'
            )
        if not isinstance(cell_id, str) or not CELL_ID.match(cell_id):
            raise TextSourceError(
                f"{where} has the id {cell_id!r}: use lower-case letters, digits and '-'"
            )
        if cell_id in seen:
            raise TextSourceError(f"{where} repeats the id {cell_id!r} of cell {seen[cell_id]}")
        seen[cell_id] = number
        cell.id = cell_id
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": copy.deepcopy(LANGUAGE_INFO)}
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def read(path: Path) -> Any:
    """Read a text source file (see :func:`reads`)."""
    path = Path(path)
    return reads(path.read_text(encoding="utf-8"), name=str(path))


def _source_metadata(cell: Any) -> dict[str, Any]:
    return {k: v for k, v in cell.metadata.items() if k not in RUNTIME_METADATA}


def writes(nb: Any) -> str:
    """The ``py:percent`` text of a notebook: its cells' ids, types, sources and metadata only.

    Outputs, execution counts and run-time metadata are left out, and so is the notebook's
    metadata (every course notebook runs on the same kernel; :func:`reads` writes it back).
    """
    import jupytext
    import nbformat

    plain = nbformat.v4.new_notebook()
    plain.metadata = {"jupytext": {"notebook_metadata_filter": "-all"}}
    for cell in nb.cells:
        if not getattr(cell, "id", None):
            raise TextSourceError(f"a {cell.cell_type} cell has no id: {cell.source[:60]!r}")
        new = copy.deepcopy(cell)
        new.metadata = {"id": cell.id, **_source_metadata(cell)}
        new.pop("outputs", None)
        new.pop("execution_count", None)
        new.pop("attachments", None)
        if new.cell_type == "code":
            new.outputs, new.execution_count = [], None
        plain.cells.append(new)
    text = jupytext.writes(plain, fmt=FORMAT)
    return text.lstrip("\n")


def export(notebook: Path, text: Path) -> None:
    """Write the text source of an existing notebook (after it was edited in JupyterLab)."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    Path(text).parent.mkdir(parents=True, exist_ok=True)
    Path(text).write_text(writes(nb), encoding="utf-8")


def _cell_key(cell: Any) -> tuple[str, str, str]:
    return (cell.cell_type, cell.source, repr(sorted(_source_metadata(cell).items())))


def _stable_widget_ids(nb: Any, name: str) -> Any:
    """Rename the random widget model ids of an executed notebook to ids derived from its name.

    ipywidgets names each model by a random UUID, so every re-run would rewrite the stored widget
    state; renumbered in order of first appearance, a re-run of unchanged code changes nothing.
    """
    import hashlib
    import json

    import nbformat

    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    models = state.get("state", {})
    if not models:
        return nb
    hexid = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")
    # canonical order: the models the outputs show, in order, then what each refers to
    # (a model may refer to one the stored state left out: that id is renamed too)
    views = [
        output["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in output.get("data", {})
    ]
    order = list(dict.fromkeys(views))
    for model in order:  # the list grows while it is walked: a breadth-first walk
        for ref in hexid.findall(json.dumps(models.get(model, {}), sort_keys=True)):
            if ref not in order:
                order.append(ref)
    rest = [m for m in models if m not in order]
    order += sorted(rest, key=lambda m: json.dumps(models[m], sort_keys=True))
    text = nbformat.writes(nb)
    renamed = {
        old: hashlib.sha1(f"{name}:{n}".encode()).hexdigest()[:32] for n, old in enumerate(order)
    }
    text = hexid.sub(lambda m: renamed.get(m.group(0), m.group(0)), text)
    new = nbformat.reads(text, as_version=4)
    widgets = new.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]
    widgets["state"] = dict(sorted(widgets["state"].items()))
    return nbformat.from_dict(json.loads(json.dumps(new)))


def build(
    pair: NotebookPair, *, execute: bool = False, timeout: int = 600, lang: str = "en"
) -> bool:
    """Generate ``pair.notebook`` from ``pair.text``; return whether the file changed.

    With ``lang`` other than ``"en"``, the notebook of that edition is generated instead, from
    the text source and its catalogue (:mod:`crmlab.course.translations`), into the edition's
    folder (``zh/notebooks/...``, ``zh/solutions/...``).

    Without ``execute``, a chapter keeps the stored outputs of every code cell whose id and source
    are unchanged (a prose edit needs no re-run; CI's nbval run then checks the outputs still hold).
    With ``execute``, a chapter is run top to bottom in a fresh ``python3`` kernel from its own
    folder and its outputs stored. Solutions never store outputs.
    """
    import nbformat

    nb = read(pair.text)
    target = pair.notebook
    if lang != "en":
        from crmlab.course import translations

        catalogue = translations.catalogue_path(pair, lang)
        entries = translations.loads(catalogue.read_text(encoding="utf-8"))
        nb = translations.translate(nb, entries, lang, name=str(catalogue))
        target = translations.edition_path(pair, lang)
    old = nbformat.read(target, as_version=4) if target.exists() else None
    if pair.executed and execute:
        from nbclient import NotebookClient

        target.parent.mkdir(parents=True, exist_ok=True)  # the kernel starts in it

        NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            record_timing=False,
            resources={"metadata": {"path": str(target.parent)}},
        ).execute()
        nb.metadata["language_info"] = copy.deepcopy(LANGUAGE_INFO)
        for cell in nb.cells:
            for key in RUNTIME_METADATA:
                cell.metadata.pop(key, None)
        nb = _stable_widget_ids(nb, pair.text.stem)
    elif pair.executed and old is not None:
        stored = {c.get("id"): c for c in old.cells}
        for cell in nb.cells:
            before = stored.get(cell.id)
            if cell.cell_type == "code" and before is not None and before.source == cell.source:
                cell.outputs = before.get("outputs", [])
                cell.execution_count = before.get("execution_count")
        if "widgets" in old.metadata:
            nb.metadata["widgets"] = old.metadata["widgets"]
    text = nbformat.writes(nb) + "\n"
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return True


def check(pair: NotebookPair) -> list[str]:
    """What differs between a text source and its notebook (an empty list when in step).

    Compares every cell's id, position, type, source and source metadata, and the kernel; outputs
    are not compared here (nbval checks them by re-running the chapters).

    Examples
    --------
    >>> import tempfile, nbformat
    >>> root = Path(tempfile.mkdtemp())
    >>> pair = NotebookPair(root / "a.py", root / "a.ipynb", "solution")
    >>> _ = pair.text.write_text('# %% id="code-01"\\nx = 1\\n')
    >>> build(pair)
    True
    >>> check(pair)
    []
    >>> _ = pair.text.write_text('# %% id="code-01"\\nx = 2\\n')
    >>> check(pair)  # doctest: +ELLIPSIS
    ['...a.ipynb: cell code-01 differs from ...a.py in its source']
    """
    import nbformat

    if not pair.notebook.exists():
        return [f"{pair.notebook} is missing: generate it from {pair.text} (make notebooks)"]
    want = read(pair.text)
    have = nbformat.read(pair.notebook, as_version=4)
    where = f"{pair.notebook}"
    problems: list[str] = []
    if have.metadata.get("kernelspec", {}).get("name") != KERNELSPEC["name"]:
        problems.append(f"{where}: kernel is not {KERNELSPEC['name']!r}")
    want_ids = [c.id for c in want.cells]
    have_ids = [c.get("id") for c in have.cells]
    for cell_id in want_ids:
        if cell_id not in have_ids:
            problems.append(f"{where}: cell {cell_id} of {pair.text} is missing")
    for cell_id in have_ids:
        if cell_id not in want_ids:
            problems.append(f"{where}: cell {cell_id} is not in {pair.text}")
    common_want = [i for i in want_ids if i in have_ids]
    common_have = [i for i in have_ids if i in want_ids]
    if common_want != common_have:
        problems.append(f"{where}: cells are in another order than in {pair.text}")
    by_id = {c.get("id"): c for c in have.cells}
    for cell in want.cells:
        other = by_id.get(cell.id)
        if other is None:
            continue
        for part, a, b in zip(
            ("type", "source", "metadata"), _cell_key(cell), _cell_key(other), strict=True
        ):
            if a != b:
                problems.append(f"{where}: cell {cell.id} differs from {pair.text} in its {part}")
    return problems
