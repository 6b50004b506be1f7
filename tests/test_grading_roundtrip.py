"""The grading contract end to end on every assignment, through the real commands.

For each assignment of course.toml, in a temporary copy of the course: ``crmlab generate``
(release + key), the submissions (``ace``, the solution's answers; ``blank``, the untouched
release; and the typical mistakes of the assignment's table in ``tests/grading_cases/``),
``crmlab autograde`` (nbgrader + key comparison) and ``crmlab feedback``. Every score is
asserted exactly, with the questions each submission fails, what each feedback page shows
and that no page shows a hidden test, a mark scheme or the key.

The tables hold what only a person can say (a submission's answers, its exact score, the
questions it fails, the phrases that name its mistakes); the total points come from course.toml
and the automatically graded points and questions from the release. The module-scoped ``graded``
fixture builds one course per assignment; each assignment's tests carry the xdist group
``roundtrip-<assignment>``, so that ``--dist loadgroup`` spreads the assignments over the
workers and builds each course once.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from crmlab.course.manifest import load_course
from tests import grading_cases
from tests.grading_cases import SECRETS, Case, Submission
from tests.grading_helpers import (
    REPO,
    assert_release_reproduced,
    crmlab,
    feedback_page,
    fill,
    graded_points,
    make_course,
    question_results,
    release_notebook,
    scores,
    solution_answers,
    submit,
)

COURSE = load_course(REPO)
ASSIGNMENTS = COURSE.assignments
ROUND_TRIPS = {
    a: pytest.param(a, id=a, marks=[pytest.mark.slow, pytest.mark.xdist_group(f"roundtrip-{a}")])
    for a in ASSIGNMENTS
}
WRITTEN = "written answer: to be graded by your instructor"


def case_of(assignment: str) -> Case:
    return grading_cases.case(COURSE.chapter_of(assignment).slug)


def submissions(assignment: str, auto: dict[str, float]) -> dict[str, Submission]:
    """Every submission of the round trip: the implicit ``ace`` and ``blank``, then the table's."""
    return {
        "ace": Submission({}, base="solution", fails=set(), score=sum(auto.values())),
        "blank": Submission({}, base="release", passes=set(), score=0),
        **case_of(assignment).submissions,
    }


@dataclass(frozen=True)
class Graded:
    """An assignment's course after the round trip, and what the course says about it."""

    assignment: str
    root: Path
    autograde: subprocess.CompletedProcess[str]
    total: float  # course.toml
    auto: dict[str, float]  # the release's automatically graded questions and their points
    manual: dict[str, float]  # the release's written answers
    answers: dict[str, dict[str, str]]  # the answer cells each submission filled in

    @property
    def case(self) -> Case:
        return case_of(self.assignment)

    @property
    def submissions(self) -> dict[str, Submission]:
        return submissions(self.assignment, self.auto)

    def pages(self) -> dict[str, str]:
        return {name: feedback_page(self.root, self.assignment, name) for name in self.submissions}


@pytest.fixture(scope="module", params=list(ROUND_TRIPS.values()))
def graded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Graded:
    a = request.param
    root = make_course(tmp_path_factory.mktemp(f"grading-{a}"), [a])
    generated = crmlab(root, "generate", a)
    assert generated.returncode == 0, generated.stderr
    release = release_notebook(root, a)
    solution = solution_answers(root, a)
    auto, manual = graded_points(release)
    answers = {name: s.answer_cells(solution) for name, s in submissions(a, auto).items()}
    for name, cells in answers.items():
        submit(root, a, name, fill(release, cells))
    autograded = crmlab(root, "autograde", a)
    feedback = crmlab(root, "feedback", a)
    assert feedback.returncode == 0, autograded.stderr + feedback.stderr
    total = COURSE.chapter_of(a).points
    return Graded(a, root, autograded, total, auto, manual, answers)


def _times(page: str, phrase: str) -> int:
    """How often ``phrase`` stands on the page, as written or as HTML-escaped text."""
    return max(page.count(phrase), html.unescape(page).count(phrase))


# ---- the tables (fast: the committed release and solution)


def test_every_assignment_has_a_table_and_every_table_an_assignment():
    tables = {p.stem for p in Path(grading_cases.__file__).parent.glob("*.py")} - {"__init__"}
    assert tables == {COURSE.chapter_of(a).slug for a in ASSIGNMENTS}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_each_table_score_is_the_points_of_the_questions_it_passes(assignment):
    release = release_notebook(REPO, assignment)
    auto, _ = graded_points(release)
    answer_cells = {
        c.metadata["nbgrader"]["grade_id"].removesuffix("-answer")
        for c in release.cells
        if c.get("metadata", {}).get("nbgrader", {}).get("solution")
    }
    solution = solution_answers(REPO, assignment)
    for name, submission in submissions(assignment, auto).items():
        failed = submission.failed(set(auto))
        assert failed <= set(auto), (name, failed - set(auto))
        assert set(submission.answer_cells(solution)) <= answer_cells, name
        assert submission.score == sum(auto[q] for q in set(auto) - failed), name


# ---- the round trips (slow: one course per assignment)


def test_generate_in_a_fresh_course_reproduces_the_committed_release_and_key(graded: Graded):
    assert_release_reproduced(graded.root, graded.assignment)


def test_autograde_reports_every_score(graded: Graded):
    result = graded.autograde
    assert result.returncode == 0, result.stdout + result.stderr
    reported = {
        name: (score, total)
        for name, score, total in re.findall(r"^(\S+): ([\d.]+) / ([\d.]+)", result.stdout, re.M)
    }
    assert reported == {
        name: (f"{s.score:g}", f"{graded.total:g}") for name, s in graded.submissions.items()
    }, result.stdout


def test_exact_scores(graded: Graded):
    assert scores(graded.root, graded.assignment) == {
        name: float(s.score) for name, s in graded.submissions.items()
    }


def test_each_submission_fails_exactly_its_questions(graded: Graded):
    got = {
        name: question_results(graded.root, graded.assignment, name) for name in graded.submissions
    }
    expected = {
        name: {q: q not in s.failed(set(graded.auto)) for q in graded.auto}
        for name, s in graded.submissions.items()
    }
    assert got == expected


def test_feedback_shows_the_score_and_each_result(graded: Graded):
    problems = []
    for name, page in graded.pages().items():
        s = graded.submissions[name]
        score = f"Score: {s.score:g} of {graded.total:g} points"
        if score not in page:
            problems.append(f"{name}: no {score!r}")
        rows = {q: kind for kind, q in re.findall(r'<tr class="fb-(\w+)"><td>([^<]+)</td>', page)}
        failed = s.failed(set(graded.auto))
        expected_rows = {q: "fail" if q in failed else "pass" for q in graded.auto}
        expected_rows |= dict.fromkeys(graded.manual, "wait")
        if rows != expected_rows:
            problems.append(f"{name}: rows {rows}, expected {expected_rows}")
        if page.count(WRITTEN) != len(graded.manual):
            problems.append(f"{name}: {page.count(WRITTEN)} times {WRITTEN!r}")
        if not failed and "✗" in page:
            problems.append(f"{name}: a ✗ on a page without a failed question")
    assert problems == []


def test_feedback_names_the_mistakes(graded: Graded):
    pages = graded.pages()
    problems = []
    for name, s in graded.submissions.items():
        problems += [f"{name}: no {p!r}" for p in s.shows if not _times(pages[name], p)]
        problems += [
            f"{name}: {p!r} not {n} times"
            for p, n in s.times.items()
            if _times(pages[name], p) != n
        ]
    assert problems == []


def test_feedback_hides_the_tests_and_the_key(graded: Graded):
    key = (graded.root / "keys" / f"{graded.assignment}.json").read_text(encoding="utf-8")
    problems = []
    for name, page in graded.pages().items():
        # a page shows the student's own answers back: a secret may stand there as often as
        # the student wrote it (a forged report), never more
        code = "\n".join(graded.answers[name].values())
        problems += [
            f"{name}: {p!r}"
            for p in SECRETS + graded.case.secrets
            if _times(page, p) > code.count(p)
        ]
        if key in page:
            problems.append(f"{name}: the key")
    assert problems == []


# ---- assignment-specific round trips


@pytest.mark.parametrize("graded", [ROUND_TRIPS["05_abc"]], indirect=True)
def test_missing_key_fails_closed(graded: Graded, tmp_path: Path):
    key = graded.root / "keys" / "05_abc.json"
    moved = tmp_path / "key.json"
    key.rename(moved)
    try:
        result = crmlab(graded.root, "autograde", "05_abc", "--student", "ace")
        assert result.returncode == 1
        assert "no answer key for 05_abc" in result.stderr and "nothing was graded" in result.stderr
    finally:
        moved.rename(key)
