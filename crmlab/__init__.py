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
    "CSM_LEVELS": "crmlab.satisfaction",
    "DEFAULT_CSM_SCORES": "crmlab.satisfaction",
    "csm_counts": "crmlab.satisfaction",
    "csm_score": "crmlab.satisfaction",
    "weighted_satisfaction": "crmlab.satisfaction",
    "satisfaction_ratio": "crmlab.satisfaction",
    # chapter 7: SERVQUAL (crmlab.servqual)
    "SERVQUAL_DIMENSIONS": "crmlab.servqual",
    "SERVQUAL_ITEMS": "crmlab.servqual",
    "servqual_gaps": "crmlab.servqual",
    # chapters 1 and 8: customer value and retention economics (crmlab.value)
    "clv": "crmlab.value",
    "acquisition_cost": "crmlab.value",
    "new_customer_profit": "crmlab.value",
    "defection_loss": "crmlab.value",
    "replacement_cost": "crmlab.value",
    "retention_profit_effect": "crmlab.value",
    "share_of_wallet": "crmlab.value",
    "value_matrix": "crmlab.value",
    # chapter 8: RFM (crmlab.rfm)
    "RFM_SEGMENTS": "crmlab.rfm",
    "rfm_table": "crmlab.rfm",
    "rfm_scores": "crmlab.rfm",
    "rfm_segment_grid": "crmlab.rfm",
    # chapter 2: lifecycle (crmlab.lifecycle)
    "LIFECYCLE_STAGES": "crmlab.lifecycle",
    "RELATIONSHIP_STAGES": "crmlab.lifecycle",
    "cohort_retention": "crmlab.lifecycle",
    "lifecycle_stage": "crmlab.lifecycle",
    "simulate_relationship": "crmlab.lifecycle",
    "stage_distribution": "crmlab.lifecycle",
    "default_transition": "crmlab.lifecycle",
    # chapter 3: trust (crmlab.trust)
    "cronbach_alpha": "crmlab.trust",
    "likert_scores": "crmlab.trust",
    # chapter 4: fairness (crmlab.fairness)
    "equity_ratios": "crmlab.fairness",
    "simulate_fairness": "crmlab.fairness",
    # chapter 8: loyalty (crmlab.loyalty)
    "LOYALTY_MEASURES": "crmlab.loyalty",
    "LoyaltyMeasure": "crmlab.loyalty",
    "loyalty_index": "crmlab.loyalty",
    "repeat_purchase_rate": "crmlab.loyalty",
    # labels and the bilingual glossary
    "to_english": "crmlab.glossary",
    "chinese_name": "crmlab.glossary",
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
