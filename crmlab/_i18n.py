"""The language crmlab speaks in a notebook: English (``"en"``) or Chinese (``"zh"``).

A notebook of the Chinese edition starts with ``crmlab.set_language("zh")``; from then on crmlab's
check messages, errors, chart labels and widget controls are in Chinese. The language is set
explicitly by the notebook, never read from the shell's locale (``LANG``), so an English notebook
stays English on a Chinese computer and the reverse.

Examples
--------
>>> set_language("zh")
>>> get_language()
'zh'
>>> set_language("fr")
Traceback (most recent call last):
ValueError: crmlab speaks 'en' or 'zh', not 'fr'
>>> set_language("en")
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["LANGUAGES", "get_language", "set_language"]

#: crmlab's own catalogues: ``crmlab/locale/<lang>/<domain>.po`` (``checks``: check messages)
LOCALE = Path(__file__).with_name("locale")

#: the languages of the course, with the code of their gettext catalogues
LANGUAGES = {"en": "en", "zh": "zh_CN"}

_current = "en"


def set_language(language: str) -> None:
    """Make crmlab speak ``language`` (``"en"`` or ``"zh"``) in this kernel.

    In the Chinese edition this also lets code typed on a Chinese keyboard run: full-width
    digits, letters and punctuation outside strings and comments (``answer = １２．５``,
    ``f（x，y）``) are read as their ASCII forms, see :func:`halfwidth_code`.
    """
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"crmlab speaks {' or '.join(map(repr, LANGUAGES))}, not {language!r}")
    _current = language
    _input_normaliser(language == "zh")


def get_language() -> str:
    """The language set by :func:`set_language` (``"en"`` until a notebook sets another)."""
    return _current


@cache
def catalogue(domain: str, language: str) -> dict[str, str]:
    """English message -> translation, for the translated (not fuzzy) entries of a catalogue.

    >>> catalogue("checks", "zh")["not attempted yet: replace the `...` with your answer."]
    '尚未作答：把 `...` 换成你的答案。'
    """
    from crmlab._po import loads

    if language == "en":
        return {}
    path = LOCALE / language / f"{domain}.po"
    if not path.exists():
        return {}
    entries = loads(path.read_text(encoding="utf-8"))
    return {e.msgid: e.msgstr for e in entries if e.translated and not e.obsolete}


def translate(message: str, domain: str = "checks", language: str | None = None) -> str:
    """``message`` in ``language`` (default: the notebook's), or as it is when not translated.

    >>> translate("not attempted yet: replace the `...` with your answer.", language="zh")
    '尚未作答：把 `...` 换成你的答案。'
    >>> translate("not attempted yet: replace the `...` with your answer.", language="en")
    'not attempted yet: replace the `...` with your answer.'
    """
    language = language or _current
    return catalogue(domain, language).get(message, message) if language != "en" else message


# full-width forms of ASCII (U+FF01-FF5E), the ideographic space, and the curly quotes a Chinese
# input method types for " and '
_HALFWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALFWIDTH.update({0x3000: 0x20, 0x201C: 0x22, 0x201D: 0x22, 0x2018: 0x27, 0x2019: 0x27})
_TRIPLES = ('"' * 3, "'" * 3)


def _ascii(ch: str) -> str:
    return chr(_HALFWIDTH.get(ord(ch), ord(ch)))


def halfwidth_code(source: str) -> str:
    """Python source with full-width ASCII outside string literals and comments made ASCII.

    A Chinese input method types ``１２．５``, ``（``, ``，`` or ``“`` where Python needs
    ``12.5``, ``(``, ``,`` and ``"``; Python rejects them with "invalid character". Text inside
    strings and comments is the student's and stays as it is (the checks read choice letters
    such as ``"Ａ，Ｂ"`` themselves).

    >>> halfwidth_code("answer = １２．５  # 约１２．５")
    'answer = 12.5  # 约１２．５'
    >>> halfwidth_code("x = max（１，２）； s = “Ａ，Ｂ”")
    'x = max(1,2); s = "Ａ，Ｂ"'
    """
    out: list[str] = []
    quote: str | None = None  # the delimiter of the string we are in
    comment = False
    i = 0
    while i < len(source):
        ch = source[i] if quote is not None or comment else _ascii(source[i])
        if comment:
            comment = ch != "\n"
        elif quote is not None:
            if ch == "\\":
                out.append(source[i : i + 2])
                i += 2
                continue
            if source.startswith(quote, i) or (len(quote) == 1 and _ascii(ch) == quote):
                out.append(quote)
                i += len(quote) if source.startswith(quote, i) else 1
                quote = None
                continue
            if ch == "\n" and len(quote) == 1:
                quote = None
        elif ch == "#":
            comment = True
        elif ch in "\"'":
            ahead = "".join(_ascii(c) for c in source[i : i + 3])
            quote = ahead if ahead in _TRIPLES else ch
            out.append(quote)
            i += len(quote)
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _cleanup(lines: list[str]) -> list[str]:
    """IPython input transformer: :func:`halfwidth_code` on a cell's lines."""
    return halfwidth_code("".join(lines)).splitlines(keepends=True)


def _input_normaliser(on: bool) -> None:
    """Install or remove :func:`_cleanup` in the running IPython kernel (nothing outside one)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is part of every course environment
        return
    shell = get_ipython()
    if shell is None:
        return
    transformers = shell.input_transformers_cleanup
    if on and _cleanup not in transformers:
        transformers.append(_cleanup)
    elif not on and _cleanup in transformers:
        transformers.remove(_cleanup)
