"""crmlab: customer relationship management (客户关系管理) analytics for a Jupyter course.

Public names are loaded lazily (PEP 562), so ``import crmlab`` costs little more than
``import pandas`` would, and heavy parts (plots, widgets, the grader) load only when used.

>>> import crmlab
>>> crmlab.abc_classify.__module__
'crmlab.abc'
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it (one module per concept; see docs/architecture.md)
_EXPORTS: dict[str, str] = {
    # chapter 5: ABC classification
    "abc_classify": "crmlab.abc",
    "abc_by_thresholds": "crmlab.abc",
    "abc_summary": "crmlab.abc",
    "achievement_ranking": "crmlab.abc",
    "growth_ranking": "crmlab.abc",
    # chapter 6: customer satisfaction measurement (crmlab.satisfaction)
    # chapter 7: SERVQUAL (crmlab.servqual)
    # chapters 1 and 8: customer value and retention economics (crmlab.value)
    # chapter 8: RFM (crmlab.rfm)
    # chapter 2: lifecycle (crmlab.lifecycle)
    # chapter 3: trust (crmlab.trust)
    # chapter 4: fairness (crmlab.fairness)
    # chapter 8: loyalty (crmlab.loyalty)
    # labels and the bilingual glossary
    "glossary": "crmlab.glossary",
    "to_english": "crmlab.glossary",
    "chinese_name": "crmlab.glossary",
}

_SUBMODULES = {
    "abc", "datasets", "glossary", "plotting", "widgets", "checks", "course",
    "satisfaction", "servqual", "value", "rfm", "lifecycle", "trust", "fairness", "loyalty",
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
