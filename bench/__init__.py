"""Benchmarks: crmlab's speed as ratios against a reference measured in the same run.

``python -m bench`` (what ``make bench`` runs) imports every ``bench/bench_*.py`` module, calls
its ``run()`` and prints one table. A ratio, unlike a time, means the same on a fast and on a
slow machine, so each benchmark times crmlab and a reference (a bare pandas/numpy version, the
library crmlab replaces, or plain ``import pandas``) in the same process, alternating them, and
reports the median of several repeats (``time.perf_counter``). Benchmarks are informative: a
missed target prints FAIL but the command still exits 0. They are not part of the test suite.

Adding a benchmark
------------------
Write ``bench/bench_<topic>.py`` with a function ``run() -> list[dict]``. Each dict is one row:

``name``
    what is measured (e.g. ``"rfm_table textbook, 1M rows"``);
``seconds``, ``reference``, ``reference_seconds``
    the median time of crmlab, the reference's name and its median time;
``max_ratio`` *or* ``min_speedup``
    the target: ``seconds / reference_seconds <= max_ratio`` or
    ``reference_seconds / seconds >= min_speedup``;
``note`` (optional)
    anything worth printing, e.g. whether the outputs were identical;
``skipped`` (instead of the times)
    why the benchmark could not run (e.g. a module that is not written yet).

:func:`compare` builds such a row from two callables; :func:`repeats` reads the number of
repeats (``--repeat N`` on the command line, or the environment variable ``BENCH_REPEAT``).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any

Row = dict[str, Any]


def repeats(default: int) -> int:
    """The number of timed repeats: ``BENCH_REPEAT`` when set, else ``default``."""
    value = os.environ.get("BENCH_REPEAT")
    return max(1, int(value)) if value else default


def compare(
    name: str,
    measured: Callable[[], object],
    reference_name: str,
    reference: Callable[[], object],
    *,
    repeat: int = 5,
    warmup: bool = True,
    max_ratio: float | None = None,
    min_speedup: float | None = None,
    note: str = "",
) -> Row:
    """Time ``measured`` and ``reference`` alternately ``repeat`` times; return a result row.

    Alternating the two keeps a busy machine from favouring one of them; the median of the
    repeats resists outliers. With ``warmup`` each callable runs once, untimed, first (imports,
    caches).
    """
    if (max_ratio is None) == (min_speedup is None):
        raise ValueError("give exactly one of max_ratio and min_speedup")
    if warmup:
        measured()
        reference()
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        measured()
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        reference()
        theirs.append(time.perf_counter() - start)
    row: Row = {
        "name": name,
        "seconds": statistics.median(ours),
        "reference": reference_name,
        "reference_seconds": statistics.median(theirs),
        "repeat": repeat,
        "note": note,
    }
    if max_ratio is not None:
        row["max_ratio"] = max_ratio
    else:
        row["min_speedup"] = min_speedup
    return row


def skipped(name: str, reason: str) -> Row:
    """A row for a benchmark that could not run."""
    return {"name": name, "skipped": reason}
