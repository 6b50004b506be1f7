"""The ``crmlab`` command line (``crmlab`` or ``python -m crmlab``), run from the course root.

    crmlab generate ASSIGNMENT|--all   release exercises/ and build keys/ from solutions/
    crmlab collect ASSIGNMENT SOURCE   copy a folder or LMS zip of notebooks into submitted/
    crmlab autograde ASSIGNMENT        grade submitted/ against the key (nbgrader + key comparison),
                                       in parallel sandboxed workers, resumable
    crmlab feedback ASSIGNMENT         per-student feedback without hidden tests or their outputs
    crmlab export ASSIGNMENT           grades.csv, an LMS import file, a chart and a difficulty table
    crmlab audit ASSIGNMENT            suspicious submissions, for review (never an automatic zero)
    crmlab kit [PATH]                  the student distribution of the course as a zip
    crmlab workspace [DIR]             copy notebooks and exercises into a personal workspace
    crmlab site [DIR]                  the offline course website (static HTML, default _site/)
    crmlab notebooks build|check|export  the notebooks' text sources in content/ (py:percent)
    crmlab translations update|check|build  the Chinese edition: catalogues in content/zh/, zh/

Each command is a thin wrapper: authoring and publishing live in :mod:`crmlab.course`, the
grading pipeline in :mod:`crmlab.grading`; both are imported only when a command needs them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _course_root(args: argparse.Namespace) -> Path:
    from crmlab.course.manifest import find_root

    return find_root(Path(args.root) if args.root else None)


def cmd_generate(args: argparse.Namespace) -> int:
    from crmlab.course.manifest import load_course
    from crmlab.course.release import generate

    root = _course_root(args)
    names = load_course(root).assignments if args.all else args.assignment
    if not names:
        print("crmlab generate: name an assignment or pass --all", file=sys.stderr)
        return 2
    for name in names:
        release = generate(root, name, args.lang)
        print(f"generated {release.relative_to(root)}/ (key keys/{name}.json)")
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    from crmlab.grading.collect import collect

    root = _course_root(args)
    report = collect(
        root,
        args.assignment,
        Path(args.source),
        pattern=args.pattern,
        roster=Path(args.roster) if args.roster else None,
    )
    print(report)
    return 1 if report.problems else 0


def cmd_autograde(args: argparse.Namespace) -> int:
    from crmlab.grading.autograde import GradingBusy, GradingEnvironmentBroken, autograde
    from crmlab.grading.sandbox import SandboxUnavailable

    root = _course_root(args)
    try:
        results = autograde(
            root,
            args.assignment,
            students=args.student or None,
            jobs=args.jobs,
            timeout=args.timeout,
            force=args.force,
            unsafe=args.unsafe,
            progress=sys.stderr,
        )
    except (SandboxUnavailable, GradingBusy, GradingEnvironmentBroken) as exc:
        print(f"crmlab autograde: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    failed = [r for r in results if not r.ok]
    for r in results:
        status = f"{r.score:g} / {r.max_score:g}" if r.ok else f"FAILED: {r.error}"
        if r.ok and r.note:
            status += f"  ({r.note})"
        print(f"{r.student}: {status}")
    stopped = [r for r in results if r.ok and r.note.startswith(("0 for", "grading stopped"))]
    if stopped:
        print(
            f"{len(stopped)} submission(s) where grading stopped early (see the notes above and "
            f"`crmlab audit {args.assignment}`)",
            file=sys.stderr,
        )
    return 1 if failed else 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from crmlab.grading.feedback import write_feedback

    root = _course_root(args)
    written = write_feedback(root, args.assignment, students=args.student or None)
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from crmlab.grading.export import export

    root = _course_root(args)
    written = export(root, args.assignment, Path(args.output) if args.output else None)
    for path in written:
        print(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from crmlab.grading.audit import audit, write_report

    root = _course_root(args)
    findings = audit(root, args.assignment)
    path = write_report(root, args.assignment, findings)
    flagged = sorted({f.student for f in findings})
    print(
        f"{len(flagged)} submission(s) to review, {len(findings)} finding(s); report: {path.relative_to(root)}"
    )
    for f in findings:
        print(f"  {f}")
    return 0


def cmd_kit(args: argparse.Namespace) -> int:
    from crmlab.course.kit import KitLeak, build_kit

    root = _course_root(args)
    target = Path(args.path) if args.path else root / "dist" / "crmlab-student-kit.zip"
    if not target.is_absolute():
        target = Path.cwd() / target
    try:
        files = build_kit(root, target)
    except KitLeak as exc:
        print(f"crmlab kit: error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {target} ({len(files)} files)")
    return 0


def cmd_workspace(args: argparse.Namespace) -> int:
    from crmlab.course.workspace import sync_workspace

    root = _course_root(args)
    report = sync_workspace(root, Path(args.directory), args.lang)
    print(report)
    return 0


def cmd_sync_docs(args: argparse.Namespace) -> int:
    from crmlab.course.coursedocs import sync_docs

    root = _course_root(args)
    written = sync_docs(root)
    for path in written:
        print(f"updated {path.relative_to(root)}")
    if not written:
        print("README.md, the course index and docs/glossary.md are up to date")
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    from crmlab.course.site import build_site

    root = _course_root(args)
    target = Path(args.directory)
    if not target.is_absolute():
        target = Path.cwd() / target
    report = build_site(root, target)
    print(report)
    return 1 if report.problems else 0


def cmd_notebooks(args: argparse.Namespace) -> int:
    from crmlab.course import textnotebooks as tn

    root = _course_root(args)
    chosen = [
        pair
        for pair in tn.pairs(root)
        if not args.name or pair.text.stem in args.name or pair.notebook.stem in args.name
    ]
    if args.name and not chosen:
        print(f"crmlab notebooks: no text source named {' or '.join(args.name)}", file=sys.stderr)
        return 2
    if args.action == "export":
        for pair in chosen:
            if pair.notebook.exists():
                tn.export(pair.notebook, pair.text)
                print(f"wrote {pair.text.relative_to(root)} from {pair.notebook.relative_to(root)}")
        return 0
    if args.action == "check":
        problems = [problem for pair in chosen for problem in tn.check(pair)]
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("run `make notebooks` (or `crmlab notebooks build`)", file=sys.stderr)
            return 1
        print(f"{len(chosen)} notebooks are in step with their text sources")
        return 0
    for pair in chosen:
        run = args.execute and pair.executed
        if run:
            print(f"running {pair.text.relative_to(root)} ...", flush=True)
        changed = tn.build(pair, execute=args.execute)
        state = "updated" if changed else "unchanged"
        print(f"{state} {pair.notebook.relative_to(root)}")
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    from crmlab.course import textnotebooks as tn
    from crmlab.course import translations as tr

    root = _course_root(args)
    chosen = [p for p in tn.pairs(root) if not args.name or p.text.stem in args.name]
    if args.name and not chosen:
        print(
            f"crmlab translations: no text source named {' or '.join(args.name)}", file=sys.stderr
        )
        return 2
    if args.action == "update":
        from crmlab.course.manifest import load_course

        reports = [tr.update(pair, args.lang) for pair in chosen]
        if not args.name:
            reports.append(tr.update_messages(load_course(root).assignments, args.lang))
            reports += [tr.update_doc(root, page, args.lang) for page in tr.DOCS]
        for report in reports:
            if report.changed:
                shown = (
                    report.path.relative_to(root)
                    if report.path.is_relative_to(root)
                    else report.path
                )
                print(
                    f"updated {shown}: {report.new} new, "
                    f"{report.fuzzy} fuzzy, {report.obsolete} obsolete"
                )
        return 0
    if args.action == "check":
        from crmlab.course.manifest import load_course

        problems = [problem for pair in chosen for problem in tr.check(pair, args.lang)]
        if not args.name:
            problems += tr.message_problems(load_course(root).assignments, args.lang)
            for page in tr.DOCS:
                problems += tr.doc_problems(root, page, args.lang)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"{len(problems)} cells need a translator", file=sys.stderr)
            return 1
        print(f"{len(chosen)} catalogues are complete and current")
        return 0
    for pair in chosen:
        if args.execute and pair.executed:
            print(f"running {pair.text.relative_to(root)} in {args.lang} ...", flush=True)
        changed = tn.build(pair, execute=args.execute, lang=args.lang)
        target = tr.edition_path(pair, args.lang).relative_to(root)
        print(f"{'updated' if changed else 'unchanged'} {target}")
    if not args.name:
        for page in tr.DOCS:
            changed = tr.build_doc(root, page, args.lang)
            print(f"{'updated' if changed else 'unchanged'} {tr.DOCS[page]}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crmlab", description="The crmlab course tools (run from the course root)."
    )
    parser.add_argument(
        "--root", help="course root (default: the folder with course.toml at or above the cwd)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "generate", help="release exercises/ and build the answer keys from solutions/"
    )
    p.add_argument("assignment", nargs="*")
    p.add_argument("--all", action="store_true", help="every assignment in course.toml")
    p.add_argument(
        "--lang",
        choices=["en", "zh"],
        help="the edition to release (default: course.toml's edition); zh writes zh/exercises/",
    )
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("collect", help="copy a folder or LMS zip of notebooks into submitted/")
    p.add_argument("assignment")
    p.add_argument("source", help="a folder or a zip file, one notebook per student")
    p.add_argument(
        "--pattern", help="regular expression with (?P<student>...) matched against each path"
    )
    p.add_argument("--roster", help="file whose first column lists the valid student ids")
    p.set_defaults(func=cmd_collect)

    p = sub.add_parser("autograde", help="grade submitted/<student>/ASSIGNMENT against the key")
    p.add_argument("assignment")
    p.add_argument("--student", action="append", help="grade only this student (repeatable)")
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=min(4, os.cpu_count() or 1),
        help="worker processes (default: the number of CPUs, at most 4)",
    )
    p.add_argument(
        "--timeout",
        type=int,
        default=300,
        help="seconds one submission may take: per-cell limit, kernel CPU time (default 300)",
    )
    p.add_argument(
        "--force", action="store_true", help="regrade students already graded and unchanged"
    )
    p.add_argument(
        "--unsafe",
        action="store_true",
        help="grade WITHOUT isolation when bubblewrap is missing (never on CI)",
    )
    p.set_defaults(func=cmd_autograde)

    p = sub.add_parser("feedback", help="write feedback/<student>/ASSIGNMENT/*.html")
    p.add_argument("assignment")
    p.add_argument("--student", action="append", help="only this student (repeatable)")
    p.set_defaults(func=cmd_feedback)

    p = sub.add_parser(
        "export", help="grades.csv, an LMS import CSV, a grade chart and a difficulty table"
    )
    p.add_argument("assignment")
    p.add_argument("--output", help="folder for the files (default: exports/ASSIGNMENT)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("audit", help="report suspicious submissions for review")
    p.add_argument("assignment")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("kit", help="the student distribution of the course as a zip")
    p.add_argument(
        "path", nargs="?", help="the zip to write (default: dist/crmlab-student-kit.zip)"
    )
    p.set_defaults(func=cmd_kit)

    p = sub.add_parser(
        "workspace", help="copy new notebooks and exercises into a personal workspace"
    )
    p.add_argument("directory", nargs="?", default="work")
    p.add_argument(
        "--lang", default="en", choices=["en", "zh"], help="the edition: English or Chinese (中文)"
    )
    p.set_defaults(func=cmd_workspace)
    p = sub.add_parser(
        "sync-docs",
        help="regenerate the README chapter table, notebooks/index.ipynb and docs/glossary.md",
    )
    p.set_defaults(func=cmd_sync_docs)
    p = sub.add_parser("site", help="build the offline course website (static HTML) into a folder")
    p.add_argument(
        "directory", nargs="?", default="_site", help="the folder to write (default: _site)"
    )
    p.set_defaults(func=cmd_site)
    p = sub.add_parser(
        "notebooks", help="generate notebooks from their text sources in content/, or check them"
    )
    actions = p.add_subparsers(dest="action", required=True)
    for action, text in (
        ("build", "generate the .ipynb files from content/"),
        ("check", "report notebooks that are out of step with their text sources"),
        ("export", "write the text source of a notebook edited in JupyterLab"),
    ):
        q = actions.add_parser(action, help=text)
        q.add_argument("name", nargs="*", help="only these notebooks (file stems, e.g. 05_abc)")
        q.set_defaults(func=cmd_notebooks, execute=False)
        if action == "build":
            q.add_argument(
                "--execute", action="store_true", help="run the chapters and store their outputs"
            )
    p = sub.add_parser("translations", help="the Chinese edition's catalogues and notebooks")
    actions = p.add_subparsers(dest="action", required=True)
    for action, text in (
        ("update", "bring the catalogues in content/zh/ in step with the English text sources"),
        ("check", "report cells without a current translation"),
        ("build", "generate the Chinese notebooks in zh/ from the text sources and catalogues"),
    ):
        q = actions.add_parser(action, help=text)
        q.add_argument("name", nargs="*", help="only these notebooks (file stems, e.g. 05_abc)")
        q.add_argument("--lang", default="zh", choices=["zh"], help="the edition (default zh)")
        q.set_defaults(func=cmd_translations, execute=False)
        if action == "build":
            q.add_argument(
                "--execute", action="store_true", help="run the chapters and store their outputs"
            )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except Exception as exc:  # a clear one-line error for the instructor, not a traceback
        from crmlab.grading.keys import AnswerKeyError

        if isinstance(exc, (AnswerKeyError, FileNotFoundError, ValueError)):
            print(f"crmlab {args.command}: error: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
