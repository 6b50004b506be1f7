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

__all__ = ["LANGUAGES", "get_language", "set_language"]

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
