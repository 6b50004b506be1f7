"""The machinery of visible checks: failures that show one line, rules, and mistake fingerprints."""

from __future__ import annotations

import dis
import hashlib
import inspect
import json
import math
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


STUB_FUNCTION = "not attempted yet: your function returns None; write its body in place of `pass`."
NO_RETURN = (
    "your function returned None: it must `return` its result (printing it is not returning it)."
)
MISSING_NUMBER = (
    "your number is NaN (missing): a mean or share of no values, or 0 / 0, gives NaN; check the "
    "rows you selected and the values you mapped or divided."
)
MISSING_VALUES = (
    "some values are NaN (missing): a mean or share of no values, 0 / 0, or values that do not "
    "line up by label give NaN; check the rows you selected and how you combined them."
)


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
        """The failure of rule ``code``, its message in the notebook's language."""
        from crmlab._i18n import translate

        return CheckFailed(self.question, code, translate(self.messages()[code]))

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


# instructions that do nothing (the interpreter's own bookkeeping)
_NO_OPS = {"RESUME", "NOP", "CACHE", "EXTENDED_ARG", "NOT_TAKEN"}
# what an empty body (`pass`, `...`, a docstring, a bare `return`) compiles to
_RETURN_NONE = ([("LOAD_CONST", None), ("RETURN_VALUE", None)], [("RETURN_CONST", None)])


def is_stub(func: Any) -> bool:
    """True when a function's body does nothing: still the release's `pass  # YOUR CODE HERE`.

    Decided from the compiled code, not from the source, so it works for functions defined in a
    notebook cell, and a body written above a `pass  # YOUR CODE HERE` left in place is not a stub.

    >>> def stub(x):
    ...     \"\"\"Docstring.\"\"\"
    ...     pass  # YOUR CODE HERE
    >>> def prints(x):
    ...     print(x)
    >>> is_stub(stub), is_stub(prints), is_stub(len)
    (True, False, False)
    """
    try:
        code = inspect.unwrap(func).__code__
        ops = [(i.opname, i.argval) for i in dis.get_instructions(code) if i.opname not in _NO_OPS]
    except Exception:  # a builtin, a callable object: not a stub we recognise
        return False
    return ops in _RETURN_NONE


def function_rules() -> list[Rule]:
    """The messages of a function question whose function returned None (see :func:`returned`)."""
    return [
        Rule("stub", STUB_FUNCTION, lambda a: False),
        Rule("returns-none", NO_RETURN, lambda a: False),
    ]


def returned(checks: QuestionChecks, func: Any, result: Any) -> Any:
    """The result of a call of the student's ``func``; a None result fails with its message.

    A stub is "not attempted yet"; a function with a body that returned None (it printed its
    result, or forgot the ``return``) is told to return it. The question must have
    :func:`function_rules` among its rules.
    """
    if result is None:
        raise checks.fail("stub" if is_stub(func) else "returns-none")
    return result


def has_missing(answer: Any) -> bool:
    """True when a number, or a value of a Series, DataFrame, array, dict, list or tuple, is missing.

    Missing means NaN, None, ``pd.NA`` or ``NaT``. Never raises: an answer it cannot read has no
    missing values as far as it knows (the other rules name what is wrong with it).

    >>> has_missing(float("nan")), has_missing([0.5, None]), has_missing({"a": 1.0}), has_missing("x")
    (True, True, False, False)
    """
    try:
        if isinstance(answer, str):
            return False
        if hasattr(answer, "isna") and hasattr(answer, "to_numpy"):  # Series, DataFrame, Index
            return bool(answer.isna().to_numpy().any())
        if isinstance(answer, dict):
            return any(_missing_scalar(v) for v in answer.values())
        if isinstance(answer, (list, tuple, set, frozenset)) or hasattr(answer, "tolist"):
            values = answer.tolist() if hasattr(answer, "tolist") else answer
            if not isinstance(values, (list, tuple, set, frozenset)):
                return _missing_scalar(values)  # a NumPy scalar
            return any(_missing_scalar(v) for v in values)
        return _missing_scalar(answer)
    except Exception:
        return False


def _missing_scalar(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if type(value).__module__.startswith(("numpy", "pandas")):
        import pandas as pd

        missing = pd.isna(value)
        return bool(missing) if getattr(missing, "ndim", 0) == 0 else False
    return False


def missing_rule(message: str = MISSING_NUMBER) -> Rule:
    """A rule that fails an answer with a missing value (NaN), named by ``message``.

    Put it before every rule that compares the answer's values with bounds: NaN breaks every
    comparison, and a range message would name the wrong mistake.
    """
    return Rule("missing", message, has_missing)


#: what may separate the letters of a choice answer: spaces, commas, semicolons, 、
_SEPARATORS = {",", ";", "、"}


def option_letters(answer: str) -> str:
    """The option letters of a choice answer, in upper case, as the checks and the grader read it.

    Full-width letters and punctuation typed on a Chinese keyboard count as their ASCII forms
    (Unicode NFKC), and spaces, commas, semicolons and 、 between letters are dropped.

    >>> option_letters("a, c"), option_letters("Ａ，Ｂ；Ｃ"), option_letters("B、D")
    ('AC', 'ABC', 'BD')
    """
    import unicodedata

    text = unicodedata.normalize("NFKC", answer)
    return "".join(c for c in text if not c.isspace() and c not in _SEPARATORS).upper()


_letters = option_letters


def letters_rule(options: Iterable[str], single: bool) -> list[Rule]:
    """Format rules of a multiple-choice answer: a string of option letters."""
    allowed = "".join(options)
    empty = (
        f'your answer is empty: give the letter of the option you choose, e.g. "{allowed[0]}".'
        if single
        else f'your answer is empty: give the letters of the options you choose, e.g. "{allowed[:3:2]}".'
    )
    rules = [
        Rule(
            "not-a-string",
            f'write your choice as a string of option letters, e.g. "{allowed[0]}".',
            lambda a: not isinstance(a, str),
        ),
        Rule("empty", empty, lambda a: not _letters(a).strip()),
        Rule(
            "unknown-option",
            f"use only the option letters {', '.join(allowed)}.",
            lambda a: any(c not in allowed for c in _letters(a)),
        ),
    ]
    if single:
        rules.append(
            Rule(
                "one-letter",
                "this is a single-choice question: give exactly one letter.",
                lambda a: len(set(_letters(a))) != 1,
            )
        )
    return rules


def choice_question(question: str, options: str, *, single: bool) -> QuestionChecks:
    """Checks of a multiple-choice item: the format only, never the key.

    >>> q = choice_question("q7", "ABCD", single=True)
    >>> q.run("E")
    Traceback (most recent call last):
    crmlab.checks._core.CheckFailed: q7: use only the option letters A, B, C, D.
    >>> q.run("")
    Traceback (most recent call last):
    crmlab.checks._core.CheckFailed: q7: your answer is empty: give the letter of the option you choose, e.g. "A".
    >>> q.run("b")
    """
    return QuestionChecks(question, rules=letters_rule(options, single))
