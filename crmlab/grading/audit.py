"""Audit an assignment's submissions: what deserves a human look. Never a grade.

``crmlab audit ASSIGNMENT`` writes ``exports/<assignment>/audit.md`` and ``audit.json`` (git-ignored)
and prints the findings. Each finding names the student, the cell and why it is listed:

* **cells** — grade cells deleted, duplicated, re-labelled (an id the release does not have),
  locked cells edited, nbgrader metadata changed (points, type, flags), compared with the release
  in ``exercises/``; a notebook with none of the assignment's cells;
* **code** — an AST scan of the student's own cells (answer cells, added cells, edited locked
  cells) for IPython hooks (``get_ipython``, ``events.register``, the input and AST transformer
  lists, ``set_custom_exc``), introspection and escape hatches (``exec``, ``eval``, ``compile``,
  ``__import__``, ``builtins``, ``sys.settrace``, ``ctypes``, ``gc``, ``inspect``,
  ``os._exit``…), processes (``subprocess``, ``os.fork``, ``os.system``), file access outside the
  working folder (``open`` of an absolute, ``..`` or computed path; walking the file system),
  redefined checks, shadowed builtins, ``__eq__`` methods that always say yes, and mentions of the
  grader's secrets (solutions, keys, the gradebook, the grading nonce, the report MIME type);
* **tripwires** — a canary test that did not fail during grading (errors were suppressed or cells
  rewritten), reports rejected as forged (another question, another run, two in one cell), and
  gradings that stopped early (time, memory, output, a kernel that exited);
* **similar** — students whose answers are identical to each other's or to the solution.

A finding is a reason to look, not proof: deny-lists cannot be complete (introspection defeats
them) and honest code can match them. Grades are decided by the key comparison alone.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from crmlab.course.manifest import release_dir

HOOK_ATTRIBUTES = {
    "events",
    "input_transformers",
    "input_transformers_cleanup",
    "input_transformers_post",
    "input_splitter",
    "ast_transformers",
    "set_custom_exc",
    "showtraceback",
    "run_cell",
    "run_cell_async",
    "user_ns",
    "user_global_ns",
    "register_magic_function",
    "custom_exceptions",
    "display_pub",
    "displayhook",
    "excepthook",
    "set_trace",
    "showsyntaxerror",
}
INTROSPECTION_ATTRIBUTES = {
    "settrace",
    "setprofile",
    "_getframe",
    "f_back",
    "f_globals",
    "f_locals",
    "f_builtins",
    "__globals__",
    "__code__",
    "__closure__",
    "__subclasses__",
    "__builtins__",
    "__bases__",
    "__mro__",
    "modules",
    "meta_path",
    "path_hooks",
    "audit",
    "addaudithook",
}
PROCESS_ATTRIBUTES = {
    "_exit",
    "fork",
    "forkpty",
    "system",
    "popen",
    "kill",
    "killpg",
    "execv",
    "execve",
    "execvp",
    "execl",
    "execlp",
    "spawnv",
    "spawnl",
    "posix_spawn",
    "setsid",
    "abort",
}
FILESYSTEM_ATTRIBUTES = {
    "remove",
    "unlink",
    "rmdir",
    "rmtree",
    "removedirs",
    "rename",
    "replace",
    "symlink",
    "link",
    "chmod",
    "chown",
    "chdir",
    "walk",
    "listdir",
    "scandir",
    "glob",
    "rglob",
    "iterdir",
    "write_text",
    "write_bytes",
    "copyfile",
    "copytree",
    "move",
}
SUSPICIOUS_CALLS = {
    "exec",
    "eval",
    "compile",
    "__import__",
    "breakpoint",
    "globals",
    "vars",
    "setattr",
    "delattr",
    "get_ipython",
    "memoryview",
}
SUSPICIOUS_MODULES = {
    "ctypes",
    "gc",
    "inspect",
    "subprocess",
    "socket",
    "importlib",
    "builtins",
    "__builtin__",
    "multiprocessing",
    "signal",
    "resource",
    "pty",
    "marshal",
    "types",
    "IPython",
    "nbgrader",
    "nbformat",
    "nbclient",
    "jupyter_client",
    "zmq",
    "urllib",
    "requests",
    "http",
    "ftplib",
    "shutil",
    "tempfile",
    "site",
    "atexit",
    "faulthandler",
    "threading",
    "_thread",
    "code",
    "codeop",
    "pickle",
    "dill",
    "crmlab.course",
    "crmlab.grading",
    "crmlab.checks._report",
    "crmlab.checks._core",
}
SECRET_WORDS = re.compile(
    r"solutions?/|keys?/|\.json\b.*key|gradebook|\.ipython|startup|site-packages|\.pth\b|"
    r"CRMLAB_GRADING_NONCE|vnd\.crmlab|nbgrader|autograded|submitted/|BEGIN (SOLUTION|HIDDEN)",
    re.IGNORECASE,
)
BUILTIN_NAMES = {
    "float",
    "int",
    "str",
    "set",
    "list",
    "dict",
    "tuple",
    "len",
    "sum",
    "sorted",
    "isinstance",
    "type",
    "print",
    "abs",
    "round",
    "min",
    "max",
    "bool",
    "frozenset",
    "hash",
    "repr",
    "open",
    "range",
    "zip",
    "map",
    "filter",
    "any",
    "all",
    "object",
    "Exception",
    "AssertionError",
}
FORGERY_REASONS = (
    "another question",
    "does not come from this grading run",
    "more than one report",
)


@dataclass(frozen=True)
class Finding:
    """One thing to review in one student's submission."""

    student: str
    kind: str  # "cells", "code", "tripwire", "stopped", "similar", "file"
    detail: str
    cell: str = ""
    severity: str = "review"  # "high" or "review"

    def __str__(self) -> str:
        where = f" [{self.cell}]" if self.cell else ""
        return f"{self.student}: {self.kind}{where}: {self.detail}" + (
            " (high)" if self.severity == "high" else ""
        )


def _gid(cell: Any) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader")
    gid = meta.get("grade_id") if isinstance(meta, dict) else None
    return gid if isinstance(gid, str) else None


def _norm(source: Any) -> str:
    text = "".join(source) if isinstance(source, list) else str(source or "")
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _python(source: str) -> str:
    """Cell source as plain Python (IPython magics and shell escapes turned into calls)."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    except Exception:
        return source


def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    elif isinstance(node, ast.Call):
        parts.append(_dotted(node.func) + "()")
    return ".".join(reversed(parts))


class _Scanner(ast.NodeVisitor):
    """Collect (severity, what) for suspicious constructs in one cell."""

    def __init__(self) -> None:
        self.hits: list[tuple[str, str]] = []

    def hit(self, severity: str, what: str, node: ast.AST) -> None:
        line = getattr(node, "lineno", 0)
        self.hits.append((severity, f"line {line}: {what}"))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._module(alias.name, node)
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        self._module(module, node)
        for alias in node.names:
            self._module(f"{module}.{alias.name}", node, imported_name=True)
            if alias.name in PROCESS_ATTRIBUTES | INTROSPECTION_ATTRIBUTES | HOOK_ATTRIBUTES:
                self.hit("high", f"imports {alias.name} from {module}", node)
        self.generic_visit(node)

    def _module(self, name: str, node: ast.AST, imported_name: bool = False) -> None:
        for module in SUSPICIOUS_MODULES:
            if name == module or name.startswith(module + "."):
                if not imported_name or name == module:
                    self.hit(
                        "high"
                        if module in ("ctypes", "gc", "inspect", "builtins", "subprocess")
                        else "review",
                        f"imports {name}",
                        node,
                    )
                return

    def visit_Call(self, node: ast.Call) -> None:
        name = _dotted(node.func)
        last = name.rsplit(".", 1)[-1]
        if isinstance(node.func, ast.Name) and node.func.id in SUSPICIOUS_CALLS:
            self.hit("high", f"calls {node.func.id}()", node)
        elif last in PROCESS_ATTRIBUTES and "." in name:
            self.hit("high", f"calls {name}() (processes)", node)
        elif last in FILESYSTEM_ATTRIBUTES and "." in name:
            self.hit("review", f"calls {name}() (file system)", node)
        if last == "open" or (last in ("Path", "PurePath") and node.args):
            self._path_argument(name, node)
        self.generic_visit(node)

    def _path_argument(self, name: str, node: ast.Call) -> None:
        if not node.args:
            return
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            path = arg.value
            if path.startswith(("/", "~", "\\")) or ".." in path or re.match(r"^[A-Za-z]:", path):
                self.hit("high", f"{name}({path!r}): a file outside the working folder", node)
        elif not (isinstance(arg, ast.Name) and arg.id in ("__file__",)):
            self.hit(
                "review",
                f"{name}() of a computed path (file access outside the working folder?)",
                node,
            )

    def visit_Attribute(self, node: ast.Attribute) -> None:
        name = _dotted(node)
        if node.attr in HOOK_ATTRIBUTES and (
            "get_ipython" in name or node.attr not in ("events", "user_ns")
        ):
            self.hit("high", f"IPython hook {name}", node)
        elif node.attr == "register" and "events" in name:
            self.hit("high", f"IPython hook {name}", node)
        elif (
            node.attr in INTROSPECTION_ATTRIBUTES
            and node.attr != "modules"
            or name in ("sys.modules",)
        ):
            self.hit("high", f"introspection {name}", node)
        elif name in ("os.environ", "os.getenv"):
            self.hit("review", f"reads the environment ({name})", node)
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in ("get_ipython", "__builtins__", "__builtin__", "builtins") and isinstance(
            node.ctx, ast.Load
        ):
            if node.id != "get_ipython":
                self.hit("high", f"uses {node.id}", node)
        self.generic_visit(node)

    def _assigned(self, target: ast.AST, node: ast.AST) -> None:
        if isinstance(target, ast.Name):
            if target.id in ("check", "report", "for_assignment"):
                self.hit("high", f"redefines {target.id} (the course's checks)", node)
            elif target.id in BUILTIN_NAMES:
                self.hit("high", f"shadows the builtin {target.id}", node)
        elif isinstance(target, ast.Attribute):
            name = _dotted(target)
            if name.split(".")[0] in (
                "crmlab",
                "builtins",
                "sys",
                "IPython",
                "pd",
                "pandas",
                "np",
                "numpy",
            ) or target.attr in ("check", "report", "report_value", "serialise", "run"):
                self.hit("high", f"monkeypatches {name}", node)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._assigned(element, node)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._assigned(target, node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name in ("check", "report") or node.name in BUILTIN_NAMES:
            self.hit("high", f"defines a function named {node.name}", node)
        if node.name in (
            "__eq__",
            "__ne__",
            "__hash__",
            "__bool__",
            "__instancecheck__",
            "__getattr__",
        ):
            body = [s for s in node.body if not isinstance(s, ast.Expr)]
            always = (
                len(body) == 1
                and isinstance(body[0], ast.Return)
                and isinstance(body[0].value, ast.Constant)
            )
            if node.name == "__eq__" and always:
                self.hit("high", "an __eq__ that always returns the same answer", node)
            else:
                self.hit("review", f"defines {node.name}", node)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and SECRET_WORDS.search(node.value):
            self.hit("high", f"mentions {SECRET_WORDS.search(node.value).group(0)!r}", node)


def scan_code(source: str) -> list[tuple[str, str]]:
    """Suspicious constructs in one cell: ``(severity, description)`` pairs.

    >>> for severity, what in scan_code("get_ipython().input_transformers_cleanup.append(f)"):
    ...     print(severity, what)
    high line 1: IPython hook get_ipython().input_transformers_cleanup
    high line 1: calls get_ipython()
    >>> scan_code("import pandas as pd\\nx = pd.Series([1, 2]).sum()")
    []
    """
    try:
        tree = ast.parse(_python(source))
    except SyntaxError as exc:
        return [("review", f"the cell does not parse ({exc.msg}, line {exc.lineno})")]
    scanner = _Scanner()
    scanner.visit(tree)
    seen, out = set(), []
    for hit in scanner.hits:
        if hit not in seen:
            seen.add(hit)
            out.append(hit)
    return out


def _release_cells(root: Path, assignment: str) -> dict[str, Any]:
    import nbformat

    out = {}
    for path in sorted((release_dir(root) / assignment).glob("*.ipynb")):
        out[path.name] = nbformat.read(path, as_version=4)
    return out


def audit_notebook(student: str, nb: Any, release: Any, name: str) -> tuple[list[Finding], str]:
    """Findings of one submitted notebook against its release; also its answers' fingerprint."""
    findings: list[Finding] = []
    rel = {gid: cell for cell in release.cells if (gid := _gid(cell))}
    copies: dict[str, list[Any]] = defaultdict(list)
    for cell in nb.cells:
        gid = _gid(cell)
        if gid:
            copies[gid].append(cell)
    if rel and not set(copies) & set(rel):
        findings.append(
            Finding(
                student,
                "cells",
                f"{name} holds none of the assignment's cells (another assignment?)",
                severity="high",
            )
        )
    for gid, cell in rel.items():
        meta = cell.metadata["nbgrader"]
        mine = copies.get(gid, [])
        if not mine:
            what = "grade cell" if meta.get("grade") else "cell"
            findings.append(
                Finding(
                    student,
                    "cells",
                    f"deleted {what}",
                    gid,
                    "high" if meta.get("grade") or meta.get("locked") else "review",
                )
            )
            continue
        if len(mine) > 1:
            findings.append(
                Finding(student, "cells", f"duplicated ({len(mine)} copies)", gid, "high")
            )
        got = mine[0]
        their = got.metadata.get("nbgrader", {})
        for attr in ("grade", "solution", "locked", "points", "task"):
            if meta.get(attr) != their.get(attr) and not (
                attr == "points" and not meta.get("grade")
            ):
                findings.append(
                    Finding(
                        student,
                        "cells",
                        f"nbgrader metadata changed: {attr} "
                        f"{meta.get(attr)!r} -> {their.get(attr)!r}",
                        gid,
                        "high",
                    )
                )
        if got.cell_type != cell.cell_type:
            findings.append(
                Finding(
                    student,
                    "cells",
                    f"cell type changed: {cell.cell_type} -> {got.cell_type}",
                    gid,
                    "high",
                )
            )
        if (
            meta.get("locked")
            and not meta.get("solution")
            and _norm(got.source) != _norm(cell.source)
        ):
            findings.append(Finding(student, "cells", "edited a locked cell", gid, "high"))
    for gid in sorted(set(copies) - set(rel)):
        findings.append(
            Finding(
                student,
                "cells",
                "unknown grade id (re-labelled, or a cell of another notebook)",
                gid,
                "high",
            )
        )
    # the student's own code: answer cells, added cells, edited locked code cells
    answers = []
    for index, cell in enumerate(nb.cells):
        if cell.get("cell_type") != "code":
            continue
        gid = _gid(cell)
        own = (
            gid is None
            or gid not in rel
            or rel[gid].metadata["nbgrader"].get("solution")
            or _norm(cell.source) != _norm(rel[gid].source)
        )
        if not own:
            continue
        if gid in rel and rel[gid].metadata["nbgrader"].get("solution"):
            answers.append(_norm(cell.source))
        label = gid or f"cell {index + 1}"
        for severity, what in scan_code(_norm(cell.source)):
            findings.append(Finding(student, "code", what, label, severity))
    stub_free = "\n".join(a for a in answers if a)
    fingerprint = hashlib.sha256(stub_free.encode()).hexdigest() if len(stub_free) >= 200 else ""
    return findings, fingerprint


def _grading_findings(student: str, path: Path) -> list[Finding]:
    """Tripwires, forged reports and stops recorded in an autograded notebook."""
    import nbformat

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:
        return []
    info = nb.metadata.get("crmlab", {})
    out = []
    for wire in info.get("tripwires", []):
        out.append(
            Finding(
                student,
                "tripwire",
                wire.get("detail", "a tripwire fired"),
                wire.get("after", ""),
                "high",
            )
        )
    if info.get("stopped"):
        out.append(Finding(student, "stopped", f"grading stopped: {info['stopped']}"))
    for cell in nb.cells:
        verdict = cell.get("metadata", {}).get("crmlab", {})
        reason = str(verdict.get("reason", ""))
        if any(r in reason for r in FORGERY_REASONS):
            out.append(
                Finding(student, "tripwire", f"report rejected: {reason}", _gid(cell) or "", "high")
            )
    return out


def _solution_fingerprints(root: Path, assignment: str) -> set[str]:
    import nbformat

    out = set()
    for path in sorted((root / "solutions" / assignment).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        answers = []
        for cell in nb.cells:
            if cell.cell_type == "code" and cell.get("metadata", {}).get("nbgrader", {}).get(
                "solution"
            ):
                lines = [
                    ln
                    for ln in _norm(cell.source).splitlines()
                    if "### BEGIN SOLUTION" not in ln and "### END SOLUTION" not in ln
                ]
                answers.append("\n".join(lines))
        text = "\n".join(a for a in answers if a)
        if len(text) >= 200:
            out.add(hashlib.sha256(text.encode()).hexdigest())
    return out


def audit(root: Path, assignment: str) -> list[Finding]:
    """Every finding for every submission of ``assignment`` (see the module docstring)."""
    import nbformat

    from crmlab.grading.collect import student_id_problem

    root = Path(root)
    releases = _release_cells(root, assignment)
    if not releases:
        raise FileNotFoundError(f"no release of {assignment} in {release_dir(root)}")
    base = root / "submitted"
    folders = (
        sorted(p for p in base.iterdir() if (p / assignment).is_dir() and p.name != ".replaced")
        if base.is_dir()
        else []
    )
    if not folders:
        raise FileNotFoundError(f"no submissions of {assignment} in {base}")
    findings: list[Finding] = []
    prints: dict[str, list[str]] = defaultdict(list)
    for folder in folders:
        student = folder.name
        problem = student_id_problem(student)
        if problem:
            findings.append(
                Finding(
                    student,
                    "file",
                    f"folder name is not a valid student id ({problem}); not graded",
                    severity="high",
                )
            )
            continue
        for name, release in releases.items():
            path = folder / assignment / name
            if not path.is_file():
                findings.append(Finding(student, "file", f"{name} is missing from the submission"))
                continue
            try:
                nb = nbformat.read(path, as_version=4)
            except Exception as exc:
                findings.append(
                    Finding(
                        student,
                        "file",
                        f"{name} cannot be read ({type(exc).__name__})",
                        severity="high",
                    )
                )
                continue
            found, fingerprint = audit_notebook(student, nb, release, name)
            findings += found
            if fingerprint:
                prints[fingerprint].append(student)
            graded = root / "autograded" / student / assignment / name
            if graded.is_file():
                findings += _grading_findings(student, graded)
    solution = _solution_fingerprints(root, assignment)
    for fingerprint, students in prints.items():
        if fingerprint in solution:
            for student in students:
                findings.append(
                    Finding(
                        student,
                        "similar",
                        "answers identical to the instructor's solution",
                        severity="high",
                    )
                )
        if len(students) > 1:
            for student in students:
                others = ", ".join(s for s in students if s != student)
                findings.append(Finding(student, "similar", f"answers identical to {others}"))
    return findings


def write_report(
    root: Path, assignment: str, findings: list[Finding], output: Path | None = None
) -> Path:
    """``exports/<assignment>/audit.md`` (for people) and ``audit.json`` (for tools)."""
    folder = Path(output) if output else Path(root) / "exports" / assignment
    folder.mkdir(parents=True, exist_ok=True)
    by_student: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_student[f.student].append(f)
    lines = [
        f"# Audit of {assignment}",
        "",
        "Submissions to look at. A finding is a reason to review, never proof and never a grade:",
        "the grades come from the key comparison alone.",
        "",
        f"{len(by_student)} submission(s), {len(findings)} finding(s).",
    ]
    order = sorted(by_student, key=lambda s: (-sum(f.severity == "high" for f in by_student[s]), s))
    for student in order:
        items = by_student[student]
        high = sum(f.severity == "high" for f in items)
        lines += ["", f"## {student} ({high} high, {len(items) - high} to review)", ""]
        for f in items:
            where = f" `{f.cell}`" if f.cell else ""
            lines.append(
                f"- **{f.kind}**{where}: {f.detail}" + (" — high" if f.severity == "high" else "")
            )
    path = folder / "audit.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "audit.json").write_text(
        json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return path
