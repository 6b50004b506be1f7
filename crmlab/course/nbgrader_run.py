"""Run nbgrader's command line for a course root, with the environment it needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


class NbgraderFailed(RuntimeError):
    """nbgrader exited with an error; the message carries the end of its log."""


def nbgrader_env(root: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    # nbgrader runs `alembic` as a subprocess: the environment's bin/ must be on PATH
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["CRMLAB_COURSE_ROOT"] = str(root)
    env.setdefault("PYTHONHASHSEED", "0")
    env.update(extra or {})
    return env


def run_nbgrader(
    root: Path,
    *args: str,
    check: bool = True,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``nbgrader ARGS`` in ``root``; raise :class:`NbgraderFailed` on failure when ``check``."""
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=root,
        env=nbgrader_env(root, env),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    if check and proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise NbgraderFailed(f"nbgrader {' '.join(args)} failed (exit {proc.returncode}):\n{tail}")
    return proc
