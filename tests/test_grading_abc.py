"""The grading contract end to end on assignment 05_abc, through the real commands.

generate (release + key) -> submissions -> autograde (nbgrader + key comparison) -> feedback,
in a temporary copy of the course. Scores are asserted exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.grading_helpers import (
    assert_release_reproduced,
    crmlab,
    fill,
    make_course,
    question_results,
    release_notebook,
    scores,
    solution_answers,
    submit,
)

pytestmark = pytest.mark.slow
A = "05_abc"
AUTO_POINTS = 13.0

CROSSING = {
    # the typical mistake: the customer that crosses a boundary joins the higher class
    "q1": "total_sales = float(sales.sum())",
    "q2": "ranked = sales.sort_values(ascending=False)\nbefore = ranked.cumsum() - ranked\n"
    "a_class = set(ranked.index[before < 0.8 * ranked.sum()])",
    "q3": "b_class = set(ranked.index[(before >= 0.8 * ranked.sum()) & (before < 0.95 * ranked.sum())])",
    "q4": "a_customer_share = len(a_class) / 20",
    "q5": 'threshold_counts = {"A": int((sales >= 500).sum()), "B": int(((sales >= 100) & (sales < 500)).sum()), "C": int((sales < 100).sum())}',
    "q6": 'achievement_order = "".join((sales[targets.index] / targets).sort_values(ascending=False).index)',
    "q7": (
        "def classify(values, shares=(0.7, 0.2, 0.1)):\n"
        "    ordered = values.sort_values(ascending=False, kind='stable')\n"
        "    before = ordered.cumsum() - ordered\n"
        "    total = ordered.sum()\n"
        "    labels = pd.Series('C', index=ordered.index)\n"
        "    labels[before < (shares[0] + shares[1]) * total] = 'B'\n"
        "    labels[before < shares[0] * total] = 'A'\n"
        "    return labels.reindex(values.index)\n"
    ),
    "q8": 'q8_answer = "D"',
    "q9": 'q9_answer = "AB"',
}
CROSSING_SCORE = 1 + 1 + 2 + 1 + 1  # q1, q5, q6, q8, q9

FAKER = {
    # q1 honest; a fake report for q2 with the right value printed from an answer cell, and a
    # report of q2's right value called from q3's answer cell: neither may earn q2 or q3
    "q1": (
        "total_sales = 10580.0\n"
        "import os\n"
        "from IPython.display import display\n"
        "fake = {'assignment': '05_abc', 'question': 'q2', 'options': {'kind': 'set'},\n"
        "        'nonce': os.environ.get('CRMLAB_GRADING_NONCE', ''),\n"
        "        'value': {'t': 'set', 'v': [{'t': 'str', 'v': x} for x in sorted('fetdinhpmbl')]}}\n"
        "display({'application/vnd.crmlab.report+json': fake, 'text/plain': 'q2 ok'}, raw=True)\n"
    ),
    "q3": "report('q2', set('fetdinhpmbl'))\nb_class = ...",
}

HOOKER = {
    # an IPython hook that adds a report of q2's right value to every later cell
    "q1": (
        "total_sales = 10580.0\n"
        "get_ipython().events.register('post_run_cell', lambda result: report('q2', set('fetdinhpmbl'), kind='set'))\n"
    ),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_course(tmp_path_factory.mktemp("grading"), [A])
    generated = crmlab(root, "generate", A)
    assert generated.returncode == 0, generated.stderr
    release = release_notebook(root, A)
    submit(root, A, "ace", fill(release, solution_answers(root, A)))
    submit(root, A, "blank", release)
    submit(root, A, "crossing", fill(release, CROSSING))
    submit(root, A, "faker", fill(release, FAKER))
    submit(root, A, "hooker", fill(release, HOOKER))
    result = crmlab(root, "autograde", A)
    assert "ace: 13 / 16" in result.stdout, result.stdout + result.stderr
    feedback = crmlab(root, "feedback", A)
    assert feedback.returncode == 0, feedback.stderr
    return root


def test_generate_in_a_fresh_course_reproduces_the_committed_release_and_key(graded: Path):
    assert_release_reproduced(graded, A)


def test_exact_scores(graded: Path):
    got = scores(graded, A)
    assert got == {
        "ace": AUTO_POINTS,
        "blank": 0.0,
        "crossing": float(CROSSING_SCORE),
        "faker": 1.0,
        "hooker": 0.0,
    }


def test_the_typical_mistake_fails_exactly_the_rule_questions(graded: Path):
    results = question_results(graded, A, "crossing")
    assert {q for q, ok in results.items() if not ok} == {"q2", "q3", "q4", "q7"}


def test_forged_reports_earn_nothing(graded: Path):
    faker = question_results(graded, A, "faker")
    assert faker["q1"] and not faker["q2"] and not faker["q3"]
    hooker = question_results(graded, A, "hooker")
    assert not any(hooker.values())


def test_feedback_shows_results_and_messages_but_nothing_hidden(graded: Path):
    page = (graded / "feedback" / "crossing" / A / f"{A}.html").read_text(encoding="utf-8")
    assert "Score: 6 of 16 points" in page
    assert "written answer: to be graded by your instructor" in page
    # the visible check named the likely mistake
    assert "running total does not exceed the target" in page
    key = (graded / "keys" / f"{A}.json").read_text()
    for secret in (
        "BEGIN HIDDEN TESTS",
        "_hidden_inputs",
        "900.0, 50.0",
        "&quot;k1&quot;, &quot;k2&quot;",
        '"k1", "k2"',
        "report(&quot;q",
        'report("q',
        "vnd.crmlab.report",
        "MARK SCHEME",
    ):
        assert secret not in page, secret
    assert key not in page
    ace = (graded / "feedback" / "ace" / A / f"{A}.html").read_text(encoding="utf-8")
    assert "Score: 13 of 16 points" in ace and "✗" not in ace


def test_missing_key_fails_closed(graded: Path, tmp_path: Path):
    key = graded / "keys" / f"{A}.json"
    moved = tmp_path / "key.json"
    key.rename(moved)
    try:
        result = crmlab(graded, "autograde", A, "--student", "ace")
        assert result.returncode == 1
        assert "no answer key for 05_abc" in result.stderr and "nothing was graded" in result.stderr
    finally:
        moved.rename(key)
