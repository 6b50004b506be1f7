"""Shared test configuration.

Hypothesis runs derandomised (the same examples on every run and machine), so a property test
that passes in CI passes everywhere; set HYPOTHESIS_PROFILE=explore locally to search more widely.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("explore", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
