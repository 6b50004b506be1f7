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
    """Make crmlab speak ``language`` (``"en"`` or ``"zh"``) in this kernel."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"crmlab speaks {' or '.join(map(repr, LANGUAGES))}, not {language!r}")
    _current = language


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
