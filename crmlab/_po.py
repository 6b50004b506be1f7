"""A small reader and writer of gettext PO catalogues (standard library only).

The course keeps its translations in gettext ``.po`` files, the format of Sphinx, Poedit and most
translation tools: each entry has an optional context (``msgctxt``), the English text (``msgid``),
its translation (``msgstr``), translator comments (``#``), extracted comments (``#.``), references
(``#:``), flags (``#, fuzzy``) and the previous English text of a fuzzy entry (``#| msgid``). This
module reads and writes that subset; it runs in students' kernels too (the check messages), so it
imports nothing beyond the standard library.

Examples
--------
>>> entry = Entry("Hello\\nworld", "你好\\n世界", context="md-01")
>>> text = dumps([entry], language="zh_CN")
>>> print(text.split("\\n\\n", 1)[1], end="")
msgctxt "md-01"
msgid ""
"Hello\\n"
"world"
msgstr ""
"你好\\n"
"世界"
>>> [(e.context, e.msgid, e.msgstr) for e in loads(text)]
[('md-01', 'Hello\\nworld', '你好\\n世界')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Entry", "PoError", "dumps", "loads"]

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r"}
_KEYWORD = re.compile(r'^(msgctxt|msgid|msgstr|msgid_plural|msgstr\[\d+\])\s+"(.*)"\s*$')
_CONTINUATION = re.compile(r'^"(.*)"\s*$')


class PoError(ValueError):
    """A catalogue that does not parse; the message names the line."""


@dataclass
class Entry:
    """One message of a catalogue."""

    msgid: str
    msgstr: str = ""
    context: str | None = None
    comments: list[str] = field(default_factory=list)  # "# ..." by translators
    notes: list[str] = field(default_factory=list)  # "#. ..." extracted from the source
    references: list[str] = field(default_factory=list)  # "#: ..."
    flags: list[str] = field(default_factory=list)  # "#, fuzzy"
    previous: str | None = None  # "#| msgid ..." of a fuzzy entry
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        """Marked ``fuzzy``: the English changed since it was translated."""
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        """Has a translation that is not fuzzy."""
        return bool(self.msgstr) and not self.fuzzy


def _quote(text: str) -> str:
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in text) + '"'


def _unquote(body: str, number: int) -> str:
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            if i + 1 >= len(body) or body[i + 1] not in _UNESCAPES:
                raise PoError(f"line {number}: unknown escape in {body!r}")
            out.append(_UNESCAPES[body[i + 1]])
            i += 2
        elif ch == '"':
            raise PoError(f"line {number}: an unescaped quote in {body!r}")
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _field(keyword: str, text: str, prefix: str = "") -> list[str]:
    """``keyword "..."``, split after each newline the way gettext tools do."""
    if "\n" not in text[:-1]:
        return [f"{prefix}{keyword} {_quote(text)}"]
    parts = re.findall(r"[^\n]*\n|[^\n]+", text)  # only "\n" splits (not str.splitlines' set)
    return [f'{prefix}{keyword} ""'] + [f"{prefix}{_quote(p)}" for p in parts]


def dumps(entries: list[Entry], *, language: str, project: str = "crmlab") -> str:
    """The PO text of ``entries`` after a standard header (UTF-8, the given language)."""
    header = (
        f"Project-Id-Version: {project}\n"
        f"Language: {language}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
    )
    blocks = ["\n".join(_field("msgid", "") + _field("msgstr", header))]
    for e in entries:
        lines = [f"# {c}" if c else "#" for c in e.comments]
        lines += [f"#. {n}" for n in e.notes]
        lines += [f"#: {r}" for r in e.references]
        if e.flags:
            lines.append("#, " + ", ".join(e.flags))
        if e.previous is not None:
            lines += _field("msgid", e.previous, "#| ")
        prefix = "#~ " if e.obsolete else ""
        if e.context is not None:
            lines += _field("msgctxt", e.context, prefix)
        lines += _field("msgid", e.msgid, prefix) + _field("msgstr", e.msgstr, prefix)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def loads(text: str) -> list[Entry]:
    """The entries of a PO text (the header entry left out).

    Raises
    ------
    PoError
        A line that is not PO syntax, an entry without ``msgid`` or ``msgstr``, a repeated
        (context, msgid) pair.
    """
    entries: list[Entry] = []
    seen: set[tuple[str | None, str]] = set()
    current: dict[str, object] = {}
    last: str | None = None

    def finish(number: int) -> None:
        nonlocal current, last
        if not current:
            return
        if "msgid" not in current or "msgstr" not in current:
            raise PoError(f"line {number}: an entry without msgid or msgstr")
        entry = Entry(
            msgid=str(current["msgid"]),
            msgstr=str(current["msgstr"]),
            context=current.get("msgctxt"),  # type: ignore[arg-type]
            comments=list(current.get("comments", [])),  # type: ignore[call-overload]
            notes=list(current.get("notes", [])),  # type: ignore[call-overload]
            references=list(current.get("references", [])),  # type: ignore[call-overload]
            flags=list(current.get("flags", [])),  # type: ignore[call-overload]
            previous=current.get("previous"),  # type: ignore[arg-type]
            obsolete=bool(current.get("obsolete", False)),
        )
        if entry.msgid or entry.context is not None:  # the empty msgid is the header
            if not entry.obsolete:
                if (entry.context, entry.msgid) in seen:
                    raise PoError(f"line {number}: a repeated entry {entry.context!r}")
                seen.add((entry.context, entry.msgid))
            entries.append(entry)
        current, last = {}, None

    lines = text.split("\n")
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip(" \t\r")
        if not line:
            finish(number)
            continue
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].lstrip()
            current["obsolete"] = True
        if line.startswith("#| "):
            found = _KEYWORD.match(line[3:])
            if found:
                current["previous"] = _unquote(found.group(2), number)
                last = "previous"
                continue
            more = _CONTINUATION.match(line[3:])
            if more and last == "previous":
                current["previous"] = str(current["previous"]) + _unquote(more.group(1), number)
                continue
            raise PoError(f"line {number}: not PO syntax: {raw!r}")
        if line.startswith("#"):
            kind = line[:2]
            body = line[2:].strip() if len(line) > 1 else ""
            if "msgid" in current or "msgctxt" in current:
                finish(number)
            key = {"#.": "notes", "#:": "references", "#,": "flags"}.get(kind, "comments")
            if key == "flags":
                current.setdefault("flags", []).extend(  # type: ignore[union-attr]
                    f.strip() for f in body.split(",") if f.strip()
                )
            elif key == "comments":
                current.setdefault("comments", []).append(line[1:].strip())  # type: ignore[union-attr]
            else:
                current.setdefault(key, []).append(body)  # type: ignore[union-attr]
            continue
        found = _KEYWORD.match(line)
        if found:
            keyword = found.group(1)
            if keyword in ("msgctxt", "msgid") and "msgstr" in current:
                finish(number)
            if obsolete:
                current["obsolete"] = True
            current[keyword] = _unquote(found.group(2), number)
            last = keyword
            continue
        more = _CONTINUATION.match(line)
        if more and last is not None:
            current[last] = str(current[last]) + _unquote(more.group(1), number)
            continue
        raise PoError(f"line {number}: not PO syntax: {raw!r}")
    finish(len(lines) + 1)
    return entries
