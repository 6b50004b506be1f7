"""System tools some tests need (a browser, bubblewrap): skip on a user's machine, never in CI."""

from __future__ import annotations

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
