"""The feedback page as a student sees it: opened from ``file://`` in Chromium after a real round trip.

generate -> submissions (the solution's answers, the untouched release, a mixed one with a written
answer that carries markup and a formula) -> ``crmlab autograde`` -> a manual grade with a comment
-> ``crmlab feedback``, on 08_loyalty_value (its text has a displayed formula). Each page is read as
rendered text (what a person sees), not as page source: headings and paragraphs, no literal tag,
the results table with its header row, the exact score, the test cells with their verdicts, the
instructor's comment, formulas typeset and no raw TeX, and not one request beyond the page itself.
Screenshots go to ``test-artifacts/screenshots/feedback-*.png``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.grading_helpers import (
    crmlab,
    fill,
    make_course,
    release_notebook,
    solution_answers,
    submit,
)
from tests.test_browser import SCREENSHOTS, chromium_context

pytestmark = [pytest.mark.browser, pytest.mark.slow]

A = "08_loyalty_value"
MIXED = {
    # two typical mistakes (see tests/grading_cases/loyalty_value.py): rows counted as purchases, and a
    # lifetime value whose sum starts at t = 0
    "q1": "repeat_rate = float((cdnow.groupby('customer_id').size() >= 2).mean())",
    "q6": (
        "def lifetime_value(margin, retention, discount, periods):\n"
        "    return sum(margin * retention**t / (1 + discount) ** t for t in range(periods))\n"
    ),
}
WRITTEN = (
    "Retain the **gold** customers first: each is worth $m\\,r^t$ in period $t$.\n\n"
    "<script>document.title = 'pwned'</script>"
    '<img src="http://evil.example/t.png" onerror="document.title = \'pwned\'">\n'
)
COMMENT = "Good start; now name the **segment** you would contact."
SCORES = {
    "ace": "Score: 16 of 21 points.",
    "blank": "Score: 0 of 21 points.",
    "mixed": "Score: 13.5 of 21 points.",
}
LITERAL_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>")
RAW_TEX = ("$", "\\mathrm", "\\frac", "\\sum", "\\begin")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Chromium with a fresh profile, as in tests/test_browser.py."""
    yield from chromium_context(tmp_path_factory, width=1200)


@pytest.fixture(scope="module")
def feedback(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Path:
    """A graded course with the three feedback pages (the browser first: without it, skip at once)."""
    root = make_course(tmp_path_factory.mktemp("feedback"), [A])
    generated = crmlab(root, "generate", A)
    assert generated.returncode == 0, generated.stderr
    release = release_notebook(root, A)
    answers = solution_answers(root, A)
    submit(root, A, "ace", fill(release, answers))
    submit(root, A, "blank", release)
    mixed = fill(release, {**answers, **MIXED})
    next(
        c for c in mixed.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q12"
    ).source = WRITTEN
    submit(root, A, "mixed", mixed)
    graded = crmlab(root, "autograde", A)
    assert graded.returncode == 0 and "mixed: 12 / 21" in graded.stdout, (
        graded.stdout + graded.stderr
    )
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="crmlab") as gb:
        gb.find_grade("q12", A, A, "mixed").manual_score = 1.5
        gb.find_comment("q12", A, A, "mixed").manual_comment = COMMENT
        gb.db.commit()
    written = crmlab(root, "feedback", A)
    assert written.returncode == 0, written.stderr
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return root


def release_formulas(root: Path) -> int:
    """How many formulas the release's Markdown holds (``$$...$$`` and ``$...$``)."""
    release = release_notebook(root, A)
    text = "\n".join(c.source for c in release.cells if c.cell_type == "markdown")
    return len(re.findall(r"\$\$.+?\$\$|\$[^$\n]+\$", text, flags=re.S))


def open_page(browser: Any, path: Path) -> tuple[Any, list[str]]:
    """Open a feedback page from file:// and record every request the tab makes."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_function("() => [...document.images].every(i => i.complete)")
    return page, requests


@pytest.mark.parametrize("student", ["ace", "blank", "mixed"])
def test_feedback_page_renders_for_a_person(browser: Any, feedback: Path, student: str) -> None:
    path = feedback / "feedback" / student / A / f"{A}.html"
    page, requests = open_page(browser, path)
    try:
        text = page.inner_text("body")
        # rendered, not shown as markup: no literal tag, no raw TeX
        assert not LITERAL_TAG.search(text), LITERAL_TAG.search(text)
        for raw in RAW_TEX:
            assert raw not in text, raw
        assert page.locator("h1").inner_text() == "Feedback"
        assert page.locator(
            "h2", has_text="Assignment 8 · Loyalty, RFM and customer value"
        ).is_visible()
        assert page.locator("p", has_text="How you are graded.").first.is_visible()
        # the results table, with its header row, and the exact score
        heads = page.locator("table.fb-results thead th")
        assert heads.all_inner_texts() == ["question", "points", "result"]
        assert all(h.is_visible() for h in heads.all())
        assert page.locator("table.fb-results tbody tr").count() == 13
        assert page.locator(".fb-score").inner_text() == SCORES[student]
        assert SCORES[student] in text
        # the course's own tables keep their header rows too
        assert page.locator(".fb-markdown table thead th", has_text="what").is_visible()
        # every test cell: its visible source and the verdict, nothing hidden
        tests = page.locator("section.fb-test")
        assert tests.count() == 11
        assert tests.first.locator(".highlight").inner_text().strip() == 'check("q1", repeat_rate)'
        verdicts = tests.locator(".fb-verdict").all_inner_texts()
        expected_fail = {"ace": set(), "blank": set(range(11)), "mixed": {0, 5}}[student]
        assert [i for i, v in enumerate(verdicts) if v == "✗ not correct"] == sorted(expected_fail)
        for secret in (
            "BEGIN HIDDEN TESTS",
            "_hidden_inputs",
            "report(",
            "MARK SCHEME",
            "The Exam collection gives no key",
        ):
            assert secret not in text, secret
        # formulas typeset (SVG drawn by the browser), none left as TeX
        formulas = page.locator("img.fb-math")
        own = 2 if student == "mixed" else 0  # $m\,r^t$ and $t$ in the written answer
        assert formulas.count() == release_formulas(feedback) + own
        for image in formulas.all():
            assert image.evaluate(
                "i => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().height > 8"
            )
        display = page.locator(".fb-math-display img.fb-math").first
        assert display.get_attribute("alt").startswith("\\mathrm{CLV}")
        # nothing from anywhere but the page itself, and no script in it
        assert requests[:1] == [path.as_uri()], requests
        assert not [u for u in requests[1:] if not u.startswith("data:")], requests
        assert page.locator("script").count() == 0
        if student == "blank":
            assert text.count("You wrote no answer.") == 2
            assert "check: not attempted yet: replace the `...` with your answer." in text
        if student == "mixed":
            assert (
                "check: you counted rows: a customer with two rows on the same day made one purchase."
                in text
            )
            answer = page.locator("section.fb-answer", has_text="Your answer (q12)")
            assert "Retain the gold customers first" in answer.inner_text()
            assert answer.locator("strong", has_text="gold").is_visible()
            assert answer.locator("img.fb-math").count() == 2
            assert answer.locator("img:not(.fb-math)").count() == 0
            assert page.locator("[onerror], [onload], [onclick]").count() == 0
            assert page.title() == f"Feedback · {A}"  # the student's script never ran
            instructor = page.locator("section.fb-instructor")
            assert (
                instructor.inner_text().split()
                == ("Instructor: 1.5 points. " + COMMENT.replace("**", "")).split()
            )
            assert "q12\t2\tgraded by your instructor: 1.5" in text
            page.screenshot(path=str(SCREENSHOTS / "feedback-mixed.png"), full_page=True)
            display.scroll_into_view_if_needed()
            display.locator("xpath=ancestor::section").screenshot(
                path=str(SCREENSHOTS / "feedback-formula.png")
            )
        else:
            assert "written answer: to be graded by your instructor" in text
    finally:
        page.close()


def test_the_checks_see_a_page_that_shows_markup(browser: Any, tmp_path: Path) -> None:
    """The assertions above can fail: the old page's symptoms are caught on a page that has them."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html><body><div>&lt;h1 id="Feedback"&gt;Feedback&lt;/h1&gt; &lt;th&gt;question&lt;/th&gt;'
        "<p>$$\\mathrm{CLV} = \\frac{m}{1+d}$$</p><img alt='x' src='http://example.invalid/x.png'></div></body></html>",
        encoding="utf-8",
    )
    page, requests = open_page(browser, broken)
    try:
        text = page.inner_text("body")
        assert LITERAL_TAG.search(text) and all(raw in text for raw in ("$$", "\\mathrm", "\\frac"))
        assert page.locator("table.fb-results thead th").count() == 0
        assert "http://example.invalid/x.png" in requests
    finally:
        page.close()
