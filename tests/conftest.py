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

# maintainer checks with downloads of their own (`make font-check`): run only when named
collect_ignore = ["maintainer"]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say once when the grading round trips ran without the sandbox (a machine without bubblewrap)."""
    from tests.system_tools import grading_sandbox_problem, in_ci

    if in_ci() or not any(
        "grading" in str(a) or str(a).rstrip("/").endswith("tests") for a in config.args
    ):
        return
    problem = grading_sandbox_problem()
    if problem is not None:
        terminalreporter.write_sep(
            "-",
            f"grading sandbox unavailable here ({problem}): the course's own test notebooks were graded "
            "WITHOUT isolation (--unsafe); the adversarial suite was skipped. Install bubblewrap to test it.",
        )
