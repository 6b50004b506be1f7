"""Shared test configuration.

Hypothesis runs derandomised (the same examples on every run and machine), so a property test
that passes in CI passes everywhere; set HYPOTHESIS_PROFILE=explore locally to search more widely.
"""

from __future__ import annotations

import os

import pytest
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


def pytest_configure(config):
    # pytest-xdist registers it too; this keeps --strict-markers happy under `-p no:xdist`
    config.addinivalue_line("markers", "xdist_group(name): run on one worker with its group")
    config.pluginmanager.register(_XdistGroupSuffix(), "crmlab-xdist-group-suffix")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test without an xdist group of its own joins the group of its module.

    Under ``--dist loadgroup`` pytest-xdist keeps each group on one worker and treats a test
    without a group as a group of its own; with this, loadgroup schedules like loadfile (a
    module's tests and its module-scoped fixtures on one worker), except where a test names its
    group: the round trips (tests/test_grading_roundtrip.py) are one group per assignment, so
    that they spread over the workers and each assignment's course is built once.
    """
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))


class _XdistGroupSuffix:
    """Carry each test's group to the scheduler where pytest-xdist's own way no longer does.

    A worker tells the scheduler a test's group by the suffix ``@<group>`` of its node id, which
    pytest-xdist (3.8) writes into ``item._nodeid``; pytest 9.2 keeps the id in ``item._id``
    instead, so the suffix is lost and ``--dist loadgroup`` silently spreads every group over the
    workers (pytest-xdist issue #1386). Where the suffix is missing this writes it the same way
    into the structured id; with a pytest-xdist that sets it, it does nothing.
    """

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        if not config.getoption("loadgroup", default=False):  # set on xdist workers only
            return
        from _pytest.nodeid import NodeId

        for item in items:
            names = {
                str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                for mark in item.iter_markers("xdist_group")
            }
            suffix = "@" + "_".join(sorted(names))
            if names and not item.nodeid.endswith(suffix):
                item._id = NodeId.parse(item.nodeid + suffix)
