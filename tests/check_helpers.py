"""Helpers for the tests of the visible checks: what an assignment's check says to an answer."""

from __future__ import annotations

import contextlib
import functools
import io
from collections.abc import Callable
from typing import Any

import pytest

from crmlab.checks import CheckFailed, for_assignment


def failure(assignment: str, question: str, answer: Any) -> str:
    """The message with which the visible check of ``question`` rejects ``answer``."""
    with pytest.raises(CheckFailed) as info:
        for_assignment(assignment).check(question, answer)
    return str(info.value)


def failure_of(assignment: str) -> Callable[[str, Any], str]:
    """:func:`failure` for one assignment: ``failure = failure_of("03_trust")``."""
    return functools.partial(failure, assignment)


def assert_passes(assignment: str, question: str, answer: Any) -> None:
    """The visible check of ``question`` accepts ``answer`` and says that its format is OK."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for_assignment(assignment).check(question, answer)
    assert out.getvalue().startswith(f"{question}: format OK."), out.getvalue()
