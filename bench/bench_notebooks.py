"""Run time of every chapter notebook (goal: under 30 s each on 2 cores).

Each notebook of the course manifest is executed from a fresh kernel with nbclient, as nbval and a
learner's "Run all" do. The reference, measured in the same run, is an empty notebook: the cost of
starting a kernel. The target is the course's goal of 30 seconds per notebook, written as a ratio
to that reference so the table reads like the others.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import nbformat

from bench import Row, repeats

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 30.0


def _execute(nb: nbformat.NotebookNode, folder: Path) -> float:
    from nbclient import NotebookClient

    start = time.perf_counter()
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    return time.perf_counter() - start


def run() -> list[Row]:
    from crmlab.course.manifest import load_course

    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("PYTHONHASHSEED", "0")
    empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    reference = min(_execute(empty, ROOT / "notebooks") for _ in range(repeats(2)))
    rows: list[Row] = []
    for chapter in load_course(ROOT).chapters:
        if not chapter.notebook:
            continue
        nb = nbformat.read(ROOT / chapter.notebook, as_version=4)
        seconds = _execute(nb, ROOT / "notebooks")
        rows.append(
            {
                "name": f"{chapter.notebook} (run all)",
                "seconds": seconds,
                "reference": "empty notebook (kernel start)",
                "reference_seconds": reference,
                "max_ratio": GOAL_SECONDS / reference,
                "note": f"{seconds:.1f} s; goal {GOAL_SECONDS:g} s",
            }
        )
    return rows
