"""The ``crmlab`` command line, run from the course root.

    crmlab generate ASSIGNMENT|--all   release exercises/ and build keys/ from solutions/
    crmlab autograde ASSIGNMENT        grade submitted/ against the key (nbgrader + key comparison)
    crmlab feedback ASSIGNMENT         per-student feedback without hidden tests or their outputs
    crmlab workspace [DIR]             copy notebooks and exercises into a personal workspace
"""

from __future__ import annotations

import argparse
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
        generate(root, name)
        print(f"generated exercises/{name}/ and keys/{name}.json")
    return 0


def cmd_autograde(args: argparse.Namespace) -> int:
    from crmlab.course.autograde import autograde

    root = _course_root(args)
    results = autograde(root, args.assignment, students=args.student or None)
    failed = [r for r in results if not r.ok]
    for r in results:
        status = f"{r.score:g} / {r.max_score:g}" if r.ok else f"FAILED: {r.error}"
        print(f"{r.student}: {status}")
    return 1 if failed else 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from crmlab.course.feedback import write_feedback

    root = _course_root(args)
    written = write_feedback(root, args.assignment, students=args.student or None)
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    return 0


def cmd_workspace(args: argparse.Namespace) -> int:
    from crmlab.course.workspace import sync_workspace

    root = _course_root(args)
    report = sync_workspace(root, Path(args.directory))
    print(report)
    return 0


def cmd_sync_docs(args: argparse.Namespace) -> int:
    from crmlab.course.manifest import sync_readme

    changed = sync_readme(_course_root(args))
    print("README.md chapter table " + ("updated" if changed else "already up to date"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crmlab", description="The crmlab course tools (run from the course root).")
    parser.add_argument("--root", help="course root (default: the folder with course.toml at or above the cwd)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("generate", help="release exercises/ and build the answer keys from solutions/")
    p.add_argument("assignment", nargs="*")
    p.add_argument("--all", action="store_true", help="every assignment in course.toml")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("autograde", help="grade submitted/<student>/ASSIGNMENT against the key")
    p.add_argument("assignment")
    p.add_argument("--student", action="append", help="grade only this student (repeatable)")
    p.set_defaults(func=cmd_autograde)

    p = sub.add_parser("feedback", help="write feedback/<student>/ASSIGNMENT/*.html")
    p.add_argument("assignment")
    p.add_argument("--student", action="append", help="only this student (repeatable)")
    p.set_defaults(func=cmd_feedback)

    p = sub.add_parser("workspace", help="copy new notebooks and exercises into a personal workspace")
    p.add_argument("directory", nargs="?", default="work")
    p.set_defaults(func=cmd_workspace)
    p = sub.add_parser("sync-docs", help="regenerate the README chapter table from course.toml")
    p.set_defaults(func=cmd_sync_docs)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except Exception as exc:  # a clear one-line error for the instructor, not a traceback
        from crmlab.course.keys import AnswerKeyError

        if isinstance(exc, (AnswerKeyError, FileNotFoundError, ValueError)):
            print(f"crmlab {args.command}: error: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
