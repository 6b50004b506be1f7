"""System tools some tests need (a browser, bubblewrap): skip on a user's machine, never in CI."""

from __future__ import annotations

import functools
import os
import shutil

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tool(name: str, why: str, install: str) -> str:
    """Path of the tool ``name``; skip (fail under CI=true) when it is missing."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed ({why}); install it with: {install}"
    if in_ci():
        pytest.fail(f"CI=true but {message}. .ci/run must install it.")
    pytest.skip(message)


@functools.cache
def grading_sandbox_problem() -> str | None:
    """Why the grading sandbox (bubblewrap) cannot run here, or None when it can.

    Under CI=true the sandbox is required: callers fail instead of grading without it.
    """
    from crmlab.grading.sandbox import SandboxUnavailable, choose_isolation

    try:
        choose_isolation(unsafe=False)
    except SandboxUnavailable as exc:
        return str(exc).split(":")[0].split(";")[0]
    return None


def grading_flags() -> list[str]:
    """Extra ``crmlab autograde`` flags for the course's own, trusted test notebooks.

    Where bubblewrap is missing (a user's machine with only Python, pip and make), the
    solutions, blanks and typical mistakes of the test suite are graded without isolation
    (``--unsafe``): they are the course's own code, and the grading logic is still tested. Under
    CI=true nothing is relaxed (the sandbox must be there, and grading refuses without it).
    What is about the sandbox itself (tests/test_adversarial.py) skips instead.
    """
    if in_ci() or grading_sandbox_problem() is None:
        return []
    return ["--unsafe"]
