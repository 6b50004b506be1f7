"""Deprecated: the command line moved to :mod:`crmlab.cli`.

Only here for ``crmlab`` scripts installed before the move (their entry point is
``crmlab.course.cli:main``): ``main`` is :func:`crmlab.cli.main` and warns once. Reinstall
crmlab (``pip install -e .``) to get a script that runs ``crmlab.cli:main``.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

NEW_MODULE = "crmlab.cli"
_FORWARDED = ("main",)
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
            f"crmlab.course.cli is deprecated: the command line is {NEW_MODULE}:main "
            "(reinstall crmlab to update the crmlab script)",
            DeprecationWarning,
            stacklevel=2,
        )
    return getattr(importlib.import_module(NEW_MODULE), name)
