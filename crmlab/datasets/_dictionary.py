"""The data dictionary's tables (``datasets/README.md``), rendered from the declarations.

Each data set is declared once, in its :class:`~crmlab.datasets.Schema`; the README's tables are
generated from it between marker comments, and ``crmlab sync-docs`` rewrites them.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._schema import GLOSSARY, Column, Schema

#: the marker comments around each generated part of datasets/README.md: name -> (start, end)
MARKERS = {
    "trust-reliability": (
        "<!-- trust-reliability:start (generated from crmlab/datasets/ by `crmlab sync-docs`) -->",
        "<!-- trust-reliability:end -->",
    ),
    "data-dictionary": (
        "<!-- data-dictionary:start (generated from the schemas in crmlab/datasets/ by "
        "`crmlab sync-docs`: edit those, not the tables) -->",
        "<!-- data-dictionary:end -->",
    ),
}
_HEADINGS = {"quoted": "Quoted tables", "real": "Real data", "synthetic": "Synthetic data"}
_NONE = "–"


def _cell(text: str) -> str:
    """A table cell: ``|`` escaped, so that it does not end the cell."""
    return text.replace("|", "\\|")


def _allowed(column: Column) -> str:
    if column.allowed == GLOSSARY:
        from crmlab.glossary import labels

        return ", ".join(labels(column.type.removesuffix("?").split(":", 1)[1]))
    if column.allowed.startswith("/") and column.allowed.endswith("/"):
        return f"`{column.allowed}`"
    return column.allowed


def _optional(value: object) -> str:
    return _NONE if value is None else str(value)


def _section(name: str, schema: Schema) -> str:
    """The section of one file: its heading, property table and column table."""
    if schema.format == "whitespace":
        header = " ".join(schema.header) if schema.header else "none"
    else:
        header = _NONE
    properties = {
        "dataset": name,
        "loader": f"`crmlab.datasets.{schema.loader}`",
        "kind": schema.kind,
        "rows": _optional(schema.rows),
        "seed": _optional(schema.seed),
        "n": _optional(schema.n),
        "key": ", ".join(schema.key) if schema.key else _NONE,
        "format": schema.format,
        "header": header,
        "sha256": f"`{schema.sha256}`" if schema.sha256 else _NONE,
        "source": schema.source,
        "licence": schema.licence,
        "description": schema.description,
        "说明": schema.description_zh,
    }
    lines = [f"### `{schema.file}`", "", "| property | value |", "|---|---|"]
    lines += [f"| {key} | {_cell(value)} |" for key, value in properties.items()]
    lines += [
        "",
        "| column | type | unit | allowed | meaning | 含义 |",
        "|---|---|---|---|---|---|",
    ]
    for c in schema.spec:
        cells = (c.name, c.type, c.unit, _allowed(c), c.meaning, c.meaning_zh)
        lines.append("| " + " | ".join(_cell(x) for x in cells) + " |")
    return "\n".join(lines) + "\n"


def data_dictionary_markdown(schemas: Mapping[str, Schema] | None = None) -> str:
    """The data dictionary's tables of every data file, as Markdown, from their declarations.

    One section per file (``### `<file>` ``) with a property table (dataset, loader, kind, rows,
    seed, n, key, format, header, sha256, source, licence, description, 说明) and a column table
    (column, type, unit, allowed values, meaning, 含义), grouped under ``## Quoted tables``,
    ``## Real data`` and ``## Synthetic data``: the generated part of ``datasets/README.md``.

    Parameters
    ----------
    schemas : mapping of str to Schema, optional
        The declarations to render, by data set name; default :data:`crmlab.datasets.SCHEMAS`.

    Returns
    -------
    str
        Markdown, ending in a line break.

    Examples
    --------
    >>> text = data_dictionary_markdown()
    >>> print(text[text.index("### `distributors.csv`"):].split("\\n\\n")[2])
    | column | type | unit | allowed | meaning | 含义 |
    |---|---|---|---|---|---|
    | distributor | string | – | `/[a-t]/` | distributor label a-t | 分销商 |
    | sales | float | 10k yuan (万元) per year | 0.. | yearly sales | 年销售额 |
    """
    if schemas is None:
        from ._catalogue import SCHEMAS as schemas
    parts = []
    for kind, heading in _HEADINGS.items():
        names = [name for name, schema in schemas.items() if schema.kind == kind]
        if names:
            parts.append(f"## {heading}\n")
            parts += [_section(name, schemas[name]) for name in names]
    unknown = {s.kind for s in schemas.values()} - set(_HEADINGS)
    if unknown:
        raise ValueError(
            f"unknown kind of data {sorted(unknown)}; expected one of {list(_HEADINGS)}"
        )
    return "\n".join(parts)


def data_dictionary_readme(text: str, schemas: Mapping[str, Schema] | None = None) -> str:
    """``text`` of ``datasets/README.md`` with its generated parts written afresh.

    Between each pair of :data:`MARKERS` the text is replaced: the trust survey's reliability
    table and the tables of every data file (:func:`data_dictionary_markdown`). The rest of the
    text, written by hand, is kept. ``crmlab sync-docs`` writes the result; a test checks that
    the committed README equals it.

    Parameters
    ----------
    text : str
        The README as it stands.
    schemas : mapping of str to Schema, optional
        The declarations to render; default :data:`crmlab.datasets.SCHEMAS`.

    Returns
    -------
    str
        The README with its generated parts up to date.

    Raises
    ------
    ValueError
        When a marker is missing or out of order (naming it).

    Examples
    --------
    >>> from crmlab.datasets import data_dir
    >>> text = (data_dir() / "README.md").read_text(encoding="utf-8")
    >>> data_dictionary_readme(text) == text  # the committed README is up to date
    True
    >>> data_dictionary_readme("# Data\\n")
    Traceback (most recent call last):
    ...
    ValueError: datasets/README.md has no marker <!-- trust-reliability:start ...
    """
    from ._surveys import trust_reliability_markdown

    generated = {
        "trust-reliability": trust_reliability_markdown(),
        "data-dictionary": data_dictionary_markdown(schemas),
    }
    for part, (start, end) in MARKERS.items():
        for marker in (start, end):
            if text.count(marker) != 1:
                raise ValueError(
                    f"datasets/README.md has {'no' if marker not in text else 'more than one'} "
                    f"marker {marker}"
                )
        begin, finish = text.index(start) + len(start), text.index(end)
        if finish < begin:
            raise ValueError(f"datasets/README.md: {end} comes before {start}")
        text = text[:begin] + "\n\n" + generated[part] + "\n" + text[finish:]
    return text
