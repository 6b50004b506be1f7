"""The machinery of visible checks: failures that show one line, rules, and mistake fingerprints."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

_SALT = "crmlab-mistake-v1:"


class CheckFailed(Exception):
    """A visible check failed. Jupyter shows only the message, never a traceback.

    The message starts with ``"<question>: "`` and a code in the catalogue of the question's
    check rules, so that feedback can quote the course's own wording.
    """

    def __init__(self, question: str, code: str, message: str) -> None:
        self.question = question
        self.code = code
        self.message = message
        super().__init__(f"{question}: {message}")

    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of a traceback
        return [f"\x1b[1;31m✗ {self}\x1b[0m"]


def not_attempted(answer: Any) -> bool:
    """True for the stub ``...`` (and for ``None``, what an empty function body returns).

    >>> not_attempted(...), not_attempted(None), not_attempted(0)
    (True, True, False)
    """
    return answer is Ellipsis or answer is None


def canonical(value: Any) -> str:
    """A canonical JSON text of a plain value (used to fingerprint answers).

    Sets and strings of option letters are sorted, so ``{"b", "a"}`` and ``["a", "b"]`` differ
    but ``{"b", "a"}`` and ``{"a", "b"}`` do not.

    >>> canonical({"b", "a"})
    '{"set": ["a", "b"]}'
    >>> canonical(1.0) == canonical(1)
    True
    """

    def plain(v: Any) -> Any:
        if isinstance(v, (set, frozenset)):
            return {"set": sorted(plain(x) for x in v)}
        if isinstance(v, dict):
            return {"dict": sorted([str(k), plain(x)] for k, x in v.items())}
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        if isinstance(v, bool) or v is None or isinstance(v, str):
            return v
        if isinstance(v, (int, float)):
            return round(float(v), 6)
        if hasattr(v, "tolist"):
            return plain(v.tolist())
        return str(v)

    return json.dumps(plain(value), ensure_ascii=False, sort_keys=True)


def fingerprint(value: Any) -> str:
    """A salted SHA-256 of a value's canonical form: what mistake catalogues store.

    >>> fingerprint(["a", "b"]) == fingerprint(("a", "b"))
    True
    >>> len(fingerprint(1))
    16
    """
    return hashlib.sha256((_SALT + canonical(value)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Rule:
    """One visible check: ``test(answer)`` returns True when the answer breaks the rule."""

    code: str
    message: str
    test: Callable[[Any], bool]


@dataclass
class QuestionChecks:
    """The visible checks of one question.

    Parameters
    ----------
    question : str
        The question id (``"q3"``).
    rules : list of Rule
        Applied in order; the first broken rule raises :class:`CheckFailed`.
    mistakes : dict
        Fingerprint (see :func:`fingerprint`) of a known wrong answer, after ``normalise``, to
        the message naming that mistake.
    normalise : callable
        Turns a well-formed answer into the plain value that is fingerprinted.
    """

    question: str
    rules: list[Rule] = field(default_factory=list)
    mistakes: dict[str, str] = field(default_factory=dict)
    normalise: Callable[[Any], Any] = lambda answer: answer

    def messages(self) -> dict[str, str]:
        """The catalogue of this question's messages, by code (what feedback may quote)."""
        out = {"not-attempted": "not attempted yet: replace the `...` with your answer."}
        out.update({r.code: r.message for r in self.rules})
        out.update({f"mistake-{k}": m for k, m in self.mistakes.items()})
        return out

    def fail(self, code: str) -> CheckFailed:
        return CheckFailed(self.question, code, self.messages()[code])

    def run(self, answer: Any) -> None:
        if not_attempted(answer):
            raise self.fail("not-attempted")
        for rule in self.rules:
            try:
                broken = rule.test(answer)
            except CheckFailed:
                raise
            except Exception:  # a malformed answer that a rule cannot even inspect
                broken = True
            if broken:
                raise self.fail(rule.code)
        try:
            key = fingerprint(self.normalise(answer))
        except Exception:
            return
        if key in self.mistakes:
            raise self.fail(f"mistake-{key}")


def letters_rule(options: Iterable[str], single: bool) -> list[Rule]:
    """Format rules of a multiple-choice answer: a string of option letters."""
    allowed = "".join(options)
    rules = [
        Rule(
            "not-a-string",
            f'write your choice as a string of option letters, e.g. "{allowed[0]}".',
            lambda a: not isinstance(a, str),
        ),
        Rule(
            "unknown-option",
            f"use only the option letters {', '.join(allowed)}.",
            lambda a: (
                not a.strip()
                or any(c not in allowed for c in a.replace(" ", "").replace(",", "").upper())
            ),
        ),
    ]
    if single:
        rules.append(
            Rule(
                "one-letter",
                "this is a single-choice question: give exactly one letter.",
                lambda a: len(set(a.replace(" ", "").replace(",", "").upper())) != 1,
            )
        )
    return rules


def choice_question(question: str, options: str, *, single: bool) -> QuestionChecks:
    """Checks of a multiple-choice item: the format only, never the key.

    >>> q = choice_question("q7", "ABCD", single=True)
    >>> q.run("E")
    Traceback (most recent call last):
    crmlab.checks._core.CheckFailed: q7: use only the option letters A, B, C, D.
    >>> q.run("b")
    """
    return QuestionChecks(question, rules=letters_rule(options, single))
