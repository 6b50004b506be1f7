"""Deprecated: the key comparison moved to :mod:`crmlab.grading.preprocessors`.

Only here for the ``nbgrader_config.py`` of courses made before the move, which name
``crmlab.course.grading.GradingNonce`` and ``crmlab.course.grading.KeyComparison``. Those two
names still work (they are the same classes) and warn once; write
``crmlab.grading.preprocessors.GradingNonce`` and ``crmlab.grading.preprocessors.KeyComparison``
instead.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

NEW_MODULE = "crmlab.grading.preprocessors"
_FORWARDED = ("GradingNonce", "KeyComparison")
_warned = False


def __getattr__(name: str) -> Any:
    global _warned
    if name not in _FORWARDED:
        raise AttributeError(
            f"module {__name__!r} has no attribute {name!r} (it moved: see {NEW_MODULE})"
        )
    if not _warned:
        _warned = True
        warnings.warn(
            f"crmlab.course.grading is deprecated: name {NEW_MODULE}.GradingNonce and "
            f"{NEW_MODULE}.KeyComparison in nbgrader_config.py",
            DeprecationWarning,
            stacklevel=2,
        )
    return getattr(importlib.import_module(NEW_MODULE), name)
