"""Run every ``bench/bench_*.py`` module and print a table of ratios (``python -m bench``).

Usage: ``python -m bench [--repeat N] [NAME ...]``, where each NAME keeps only the modules whose
name contains it (``python -m bench rfm``). Always exits 0: the benchmarks inform, they do not
gate.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
import traceback
from pathlib import Path

from bench import Row

HERE = Path(__file__).resolve().parent


def discover(names: list[str]) -> list[str]:
    """Module names of the benchmarks in bench/, filtered by ``names`` (substrings)."""
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if names:
        modules = [m for m in modules if any(n in m for n in names)]
    return modules


def verdict(row: Row) -> tuple[str, str, str]:
    """(ratio, target, PASS/FAIL) as printed for a timed row."""
    seconds, reference = row["seconds"], row["reference_seconds"]
    if "max_ratio" in row:
        ratio = seconds / reference
        ok = ratio <= row["max_ratio"]
        return f"{ratio:.2f}x time", f"<= {row['max_ratio']:g}x", "PASS" if ok else "FAIL"
    speedup = reference / seconds
    ok = speedup >= row["min_speedup"]
    return f"{speedup:.2f}x faster", f">= {row['min_speedup']:g}x", "PASS" if ok else "FAIL"


def render(results: list[tuple[str, Row]]) -> str:
    header = ("module", "benchmark", "crmlab s", "reference", "ref s", "ratio", "target", "result")
    lines = [header]
    notes = []
    for module, row in results:
        if "skipped" in row or "error" in row:
            status = "SKIP" if "skipped" in row else "ERROR"
            lines.append((module, row["name"], "-", "-", "-", "-", "-", status))
            notes.append(f"{row['name']}: {row.get('skipped') or row.get('error')}")
            continue
        ratio, target, result = verdict(row)
        lines.append(
            (
                module,
                row["name"],
                f"{row['seconds']:.4f}",
                row["reference"],
                f"{row['reference_seconds']:.4f}",
                ratio,
                target,
                result,
            )
        )
        if row.get("note"):
            notes.append(f"{row['name']}: {row['note']}")
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    text = ["  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines]
    text.insert(1, "  ".join("-" * w for w in widths))
    if notes:
        text += ["", "notes:"] + [f"  - {n}" for n in notes]
    return "\n".join(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "names", nargs="*", help="run only modules whose name contains one of these"
    )
    parser.add_argument("--repeat", type=int, help="timed repeats per benchmark (median is shown)")
    args = parser.parse_args(argv)
    if args.repeat:
        os.environ["BENCH_REPEAT"] = str(args.repeat)
    print(
        f"crmlab benchmarks: Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs; medians of repeated runs, reference timed in the same run"
    )
    results: list[tuple[str, Row]] = []
    started = time.perf_counter()
    for module_name in discover(args.names):
        print(f"running {module_name} ...", flush=True)
        try:
            module = importlib.import_module(f"bench.{module_name}")
            rows = module.run()
        except Exception as err:  # a broken benchmark must not hide the others
            traceback.print_exc()
            rows = [{"name": module_name, "error": f"{type(err).__name__}: {err}"}]
        results += [(module_name, row) for row in rows]
    print()
    print(render(results))
    print(
        f"\n{len(results)} benchmarks in {time.perf_counter() - started:.1f} s (informative; exit 0)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
