"""What an assignment's check cells call: instant, mistake-naming feedback that holds no answers.

Every graded question of a course assignment has

* an answer cell that starts with a stub the checks recognise (``answer = ...``);
* a test cell that calls ``check("q3", answer)``: format and type checks, plus messages that name
  the likely mistake, found by rules applied to the student's own answer or by comparing a hash
  of it with hashes of known mistakes. A check never contains, computes or prints the correct
  answer; for a multiple-choice item it checks the format only. A failing check raises
  :class:`CheckFailed`, which Jupyter shows as its one-line message, not a traceback, so a
  blank answer reads "not attempted yet";
* hidden lines in the same test cell (instructor side only) that call ``report("q3", answer)``:
  it serialises the student's value into the cell's output, and the grader compares it with the
  answer key outside the student's kernel (see :mod:`crmlab.grading.preprocessors`).

Examples
--------
>>> grader = for_assignment("05_abc")
>>> try:
...     grader.check("q2", ...)
... except CheckFailed as failure:
...     print(failure)
q2: not attempted yet: replace the `...` with your answer.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Callable
from typing import Any

from crmlab.checks._core import (
    CheckFailed,
    QuestionChecks,
    fingerprint,
    not_attempted,
)
from crmlab.checks._report import REPORT_MIME, report_value, serialise

__all__ = [
    "REPORT_MIME",
    "AssignmentChecks",
    "CheckFailed",
    "QuestionChecks",
    "checks_module",
    "fingerprint",
    "for_assignment",
    "not_attempted",
    "serialise",
]

_ASSIGNMENT_ID = re.compile(r"^(?P<number>\d{2})_(?P<slug>[a-z][a-z0-9_]*)$")


def checks_module(assignment: str) -> str:
    """The module holding an assignment's ``QUESTIONS``: ``NN_slug`` -> ``crmlab.checks.slug``.

    The assignment ids are those of ``course.toml`` (``assignment = "05_abc"`` beside ``slug =
    "abc"``); the rule replaces a registry kept by hand, and a test keeps every assignment of the
    manifest paired with its module. (Students' kernels have no ``course.toml``, only crmlab.)

    Examples
    --------
    >>> checks_module("05_abc")
    'crmlab.checks.abc'
    >>> checks_module("abc")
    Traceback (most recent call last):
    ...
    ValueError: unknown assignment 'abc': an assignment id is a two-digit number and the chapter's slug, e.g. '05_abc'
    """
    found = _ASSIGNMENT_ID.match(assignment) if isinstance(assignment, str) else None
    if found is None:
        raise ValueError(
            f"unknown assignment {assignment!r}: an assignment id is a two-digit number and the"
            " chapter's slug, e.g. '05_abc'"
        )
    module = f"crmlab.checks.{found['slug']}"
    if importlib.util.find_spec(module) is None:
        # an ImportError, as the import would raise: the grader's preflight recognises it
        raise ModuleNotFoundError(
            f"No module named {module!r} (the checks of assignment {assignment!r})", name=module
        )
    return module


FORMAT_OK = "format OK. The hidden tests decide whether the answer is right."


class AssignmentChecks:
    """The ``check`` and ``report`` helpers of one assignment.

    Parameters
    ----------
    assignment : str
        The assignment id, e.g. ``"05_abc"``.
    """

    def __init__(self, assignment: str) -> None:
        module = importlib.import_module(checks_module(assignment))
        self.assignment = assignment
        self.questions: dict[str, QuestionChecks] = module.QUESTIONS

    def _question(self, question: str) -> QuestionChecks:
        if question not in self.questions:
            raise ValueError(
                f"{self.assignment} has no question {question!r}; questions: {sorted(self.questions)}"
            )
        return self.questions[question]

    def check(self, question: str, answer: Any) -> None:
        """Run the visible checks of ``question`` on ``answer``.

        Prints a short confirmation when the format is right; raises :class:`CheckFailed` with a
        one-line message naming the likely mistake otherwise. Passing the checks does not mean
        the answer is right: the hidden tests decide that.
        """
        self._question(question).run(answer)
        from crmlab._i18n import translate

        print(f"{question}: {translate(FORMAT_OK)}")

    def report(self, question: str, answer: Any, **options: Any) -> None:
        """Hidden-test helper: put the student's ``answer`` into the cell output for the grader.

        ``options`` (e.g. ``kind="choice"``, ``atol=0.01``) describe how the grader compares; they
        are read from the answer key, which is built from the instructor's own run.
        """
        self._question(question)
        report_value(self.assignment, question, answer, options)

    @property
    def names(self) -> tuple[Callable[..., None], Callable[..., None]]:
        """``(check, report)``, for ``check, report = for_assignment("05_abc").names``."""
        return self.check, self.report


def for_assignment(assignment: str) -> AssignmentChecks:
    """The check helpers of an assignment (see :class:`AssignmentChecks`)."""
    return AssignmentChecks(assignment)
