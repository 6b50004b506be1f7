"""crmlab: customer relationship management (客户关系管理) analytics for a Jupyter course.

Public names are loaded lazily (PEP 562), so ``import crmlab`` costs little more than
``import pandas`` would, and heavy parts (plots, widgets, the grader) load only when used.

>>> import crmlab
>>> crmlab.abc_classify.__module__
'crmlab.abc'
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

__version__ = "0.1.0"

# The modules whose ``__all__`` is crmlab's top-level API (one module per concept; see
# docs/architecture.md). Each list is read from the module's source without importing it, so that
# ``import crmlab`` stays light; a name lands here by being added to its module's ``__all__``.
_TOP_LEVEL = (
    "abc",
    "satisfaction",
    "servqual",
    "value",
    "rfm",
    "lifecycle",
    "trust",
    "fairness",
    "loyalty",
    "glossary",
    "_i18n",
)
# names a module lists that stay under the module: ``crmlab.glossary`` is the module, its function
# is ``crmlab.glossary.glossary()``
_NOT_TOP_LEVEL = frozenset({"glossary"})
_ALL_LIST = re.compile(r"^__all__\s*=\s*(\[.*?\])", re.S | re.M)


def _listed(module: str) -> list[str]:
    """The names in ``crmlab/<module>.py``'s ``__all__`` list, read from its source."""
    source = (Path(__file__).parent / f"{module}.py").read_text(encoding="utf-8")
    found = _ALL_LIST.search(source)
    if found is None:  # pragma: no cover - a test keeps every module listing its names
        raise ImportError(f"crmlab/{module}.py has no literal __all__ list")
    return re.findall(r"[\"']([A-Za-z_]\w*)[\"']", found.group(1))


#: public name -> module that defines it
_EXPORTS: dict[str, str] = {
    name: f"crmlab.{module}"
    for module in _TOP_LEVEL
    for name in _listed(module)
    if name not in _NOT_TOP_LEVEL
}

_SUBMODULES = {
    "abc",
    "datasets",
    "glossary",
    "plotting",
    "widgets",
    "checks",
    "course",
    "grading",
    "satisfaction",
    "servqual",
    "value",
    "rfm",
    "lifecycle",
    "trust",
    "fairness",
    "loyalty",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"crmlab.{name}")
    raise AttributeError(f"module 'crmlab' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | _SUBMODULES)
