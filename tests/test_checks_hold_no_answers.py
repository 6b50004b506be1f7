"""No check module holds an answer: one test over every assignment's crmlab.checks module.

A check runs in the student's kernel and its source ships in the student kit, so a constant that
equals a key value would give the answer away. Compared with each assignment's key
(keys/<assignment>.json): numbers (also rounded to 3 decimals, as a student would see them),
single-string answers, the letter set of every multiple-choice key, every collection literal whose
members are those of a set answer, and every string that spells five labels of a list answer in
order. Names that are vocabulary (a stage, a construct, a dimension) may appear.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import math

import pytest

from crmlab.checks import checks_module
from crmlab.course.manifest import load_course
from tests.grading_helpers import REPO, answer_values

ASSIGNMENTS = load_course(REPO).assignments
# option alphabets printed with every choice question: letters, not answers
ALPHABETS = {"AB", "ABC", "ABCD", "ABCDE", "ABCDEF"}
# reviewed exceptions, with the reason
ALLOWED_NUMBERS = {
    # the size of the cohort is data the notebook prints, not an answer
    "09_capstone": {"CUSTOMERS"},
}
DATA_QUESTIONS = {
    # q2's key is the recency and spend of every customer: the data itself, not a result
    "08_loyalty_value": {"q2"},
}
FORBIDDEN_SNIPPETS = {
    # q2 (a set of items) and q9 (dimensions) of the SERVQUAL assignment, as the key spells them
    "07_servqual": ['"empathy", "courtesy"'],
}


def _key(assignment: str) -> list[dict]:
    key = json.loads((REPO / "keys" / f"{assignment}.json").read_text(encoding="utf-8"))
    return [
        entry
        for entry in key["notebooks"][assignment]["cells"].values()
        if entry["question"] not in DATA_QUESTIONS.get(assignment, set())
    ]


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _interesting(value: float) -> bool:
    """Numbers worth looking for: not 0 or 1, not a small whole number (a label, a digit count)."""
    return math.isfinite(value) and not (float(value).is_integer() and abs(value) < 10)


def _same_number(constant: float, answer: float) -> bool:
    if math.isclose(constant, answer, rel_tol=1e-9, abs_tol=1e-12):
        return True
    return not float(constant).is_integer() and round(constant, 3) == round(answer, 3)


def violations(assignment: str) -> list[str]:
    """Every constant of the assignment's check module that gives an answer away."""
    entries = _key(assignment)
    numbers = {v for e in entries for v in answer_values(e["value"]) if _is_number(v)}
    numbers = {v for v in numbers if _interesting(v)}
    # a single-string answer and the letters of a choice key are answers; a string that is one
    # member of a set or a label in a table is vocabulary (a stage, a construct, a dimension)
    strings = {
        e["value"]["v"]
        for e in entries
        if e["value"].get("t") == "str" and len(e["value"]["v"]) > 1
    }
    choice_letters = {
        frozenset(e["value"]["v"])
        for e in entries
        if e.get("options", {}).get("kind") == "choice" and isinstance(e["value"].get("v"), str)
    }
    members = [
        frozenset(s for s in answer_values(e["value"]) if isinstance(s, str))
        for e in entries
        if e["value"].get("t") == "set"
    ]
    members = [m for m in members if len(m) >= 2]
    # a run of labels (one per customer, say) spelled out in order
    runs = []
    for e in entries:
        labels = [s for s in answer_values(e["value"]) if isinstance(s, str)]
        if e["value"].get("t") == "list" and len(labels) >= 5:
            runs += [sep.join(labels[:5]) for sep in (", ", ",", " ")]
    module = importlib.import_module(checks_module(assignment))
    source = inspect.getsource(module)
    allowed = {getattr(module, name) for name in ALLOWED_NUMBERS.get(assignment, set())}
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant):
            c = node.value
            where = f"line {node.lineno}: {c!r}"
            if _is_number(c) and c not in allowed and _interesting(c):
                if any(_same_number(c, v) for v in numbers):
                    found.append(f"{where} is a number of the key")
            if isinstance(c, str) and c not in ALPHABETS:
                if c in strings:
                    found.append(f"{where} is a string of the key")
                if any(run in c for run in runs):
                    found.append(f"{where} spells a run of labels of the key")
                if len(c) > 1 and frozenset(c) in choice_letters and set(c) <= set("ABCDEF"):
                    found.append(f"{where} is the letter set of a choice key")
        if isinstance(node, (ast.Tuple, ast.Set, ast.List)):
            literal = frozenset(n.value for n in node.elts if isinstance(n, ast.Constant))
            if literal in members:
                found.append(f"line {node.lineno}: a collection that is a set-like answer")
    found += [
        f"{s!r} spells an answer" for s in FORBIDDEN_SNIPPETS.get(assignment, []) if s in source
    ]
    return found


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_check_module_holds_no_answers(assignment):
    assert violations(assignment) == []


def test_the_scan_finds_a_planted_answer(monkeypatch):
    # a check module that spelled out 05_abc's q1 total, q8's choice and q2's class A would leak
    entries = {e["question"]: e for e in _key("05_abc")}
    total = next(v for v in answer_values(entries["q1"]["value"]) if _is_number(v))
    class_a = sorted(v for v in answer_values(entries["q2"]["value"]) if isinstance(v, str))
    choice = entries["q8"]["value"]["v"]
    planted = (
        f"TOTAL = {total!r}\nROUNDED = {round(total, 3)!r}\nA = {class_a!r}\nKEY = {choice * 2!r}\n"
    )
    real = inspect.getsource
    module = importlib.import_module("crmlab.checks.abc")
    monkeypatch.setattr(
        inspect, "getsource", lambda m: real(m) + planted if m is module else real(m)
    )
    found = violations("05_abc")
    assert any("is a number of the key" in f for f in found)
    assert any("a collection that is a set-like answer" in f for f in found)
    if len(choice) > 1:
        assert any("letter set of a choice key" in f for f in found)


def test_the_scan_finds_a_planted_run_of_labels(monkeypatch):
    q4 = next(e for e in _key("02_lifecycle") if e["question"] == "q4")
    labels = [s for s in answer_values(q4["value"]) if isinstance(s, str)]
    module = importlib.import_module("crmlab.checks.lifecycle")
    real = inspect.getsource
    planted = f"\nEXAMPLE = {', '.join(labels[:6])!r}\n"
    monkeypatch.setattr(
        inspect, "getsource", lambda m: real(m) + planted if m is module else real(m)
    )
    assert [f for f in violations("02_lifecycle") if "run of labels" in f]
