"""The tables of the grading round trips (tests/test_grading_roundtrip.py), one module per assignment.

The module of an assignment is named by its chapter's slug (``03_trust`` -> ``trust.py``) and
defines ``CASE``: the submissions besides the two that every assignment gets (``ace``, the
solution's answers, and ``blank``, the untouched release), each with its exact score, the
questions it fails and the phrases its feedback page must show, and the phrases that no page of
the assignment may show. What the tables do not say comes from the course: the total points
from course.toml, the automatically graded points and questions from the release's nbgrader
metadata.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

Answers = Mapping[str, str] | Callable[[Mapping[str, str]], Mapping[str, str]]


@dataclass(frozen=True)
class Submission:
    """One submission of a round trip and what grading it must give.

    ``answers`` maps a question to the code of its answer cell (or is a function of the
    solution's answers that returns that map). With ``base="solution"`` they replace the
    solution's answers of those questions; with ``base="release"`` only they are filled in and
    every other answer cell stays as released. Exactly one of ``fails`` and ``passes`` names the
    automatically graded questions it fails or passes; ``score`` is its exact score. Its
    feedback page shows every phrase of ``shows`` (as written or as HTML-escaped text) and each
    phrase of ``times`` exactly that many times.
    """

    answers: Answers
    score: float
    base: Literal["solution", "release"]
    fails: frozenset[str] | set[str] | None = None
    passes: frozenset[str] | set[str] | None = None
    shows: tuple[str, ...] = ()
    times: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if (self.fails is None) == (self.passes is None):
            raise ValueError("a submission names either the questions it fails or those it passes")

    def answer_cells(self, solution: Mapping[str, str]) -> dict[str, str]:
        """The answer cells to fill in the release, given the solution's answers."""
        answers = dict(self.answers(solution) if callable(self.answers) else self.answers)
        return {**solution, **answers} if self.base == "solution" else answers

    def failed(self, questions: set[str]) -> set[str]:
        """The questions (of ``questions``, every automatically graded one) that it fails."""
        return set(self.fails) if self.fails is not None else questions - set(self.passes)


@dataclass(frozen=True)
class Case:
    """An assignment's round trip: its submissions, and what no feedback page may show."""

    submissions: Mapping[str, Submission]
    secrets: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        implicit = {"ace", "blank"} & set(self.submissions)
        if implicit:
            raise ValueError(f"{sorted(implicit)} are implicit in every round trip")


# never on any feedback page: the hidden tests, the mark schemes and the report format
SECRETS = ("BEGIN HIDDEN TESTS", "MARK SCHEME", "vnd.crmlab.report")


def case(slug: str) -> Case:
    """The round trip of the assignment whose chapter has ``slug`` (``tests/grading_cases/<slug>.py``)."""
    return importlib.import_module(f"{__name__}.{slug}").CASE
