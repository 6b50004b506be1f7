"""Class-scale grading: ``crmlab autograde --jobs 2`` against serial grading of the same class.

A temporary copy of the course gets ``CRMLAB_BENCH_N`` (default 200) generated submissions of
05_abc: every question answered right, with a typical mistake or not at all, drawn with a fixed
seed. Each timed run grades a fresh copy of that class through the real command line, serially
(``--jobs 1``) and with ``--jobs 2`` alternately, three times (``BENCH_REPEAT``); the rows report
the medians. Target: ``--jobs 2`` at least 1.8 times the throughput of serial grading, with
every submission's score equal to the score it must get (worked out from its answers when the
class is made; checked for every student in every run), so that the speed is measured on real
grading: a run in a broken environment (every student at 0) fails the row instead of looking fast.

The second row is the cost of isolation: the bubblewrap sandbox against ``--unsafe`` (no
isolation; the generated submissions are harmless) on ``CRMLAB_BENCH_ISOLATION_N`` (default 40)
submissions with ``--jobs 2``. It is skipped where bubblewrap is missing.

A full run takes a while (about 2.5 s of CPU per submission and run on the reference machine);
``CRMLAB_BENCH_N=20`` gives a quick look.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from bench import Row, repeats, skipped

ROOT = Path(__file__).resolve().parent.parent
A = "05_abc"
MIN_SPEEDUP = 1.8
MAX_ISOLATION_RATIO = 1.15

MISTAKES = {
    "q1": "total_sales = float(sales.sum()) * 10000",
    "q2": "ranked = sales.sort_values(ascending=False)\nbefore = ranked.cumsum() - ranked\n"
    "a_class = set(ranked.index[before < 0.8 * ranked.sum()])",
    "q3": "b_class = {'a', 'b'}",
    "q4": "a_customer_share = 0.5",
    "q5": 'threshold_counts = {"A": 1, "B": 2, "C": 17}',
    "q6": 'achievement_order = "".join(sorted(targets.index))',
    "q7": "def classify(values, shares=(0.7, 0.2, 0.1)):\n    return pd.Series('A', index=values.index)",
    "q8": 'q8_answer = "B"',
    "q9": 'q9_answer = "C"',
}
# a right answer earns its points only when the answers it builds on are right too: q3 and q4 use
# the variables of q2's right answer (its typical mistake defines other ones, a blank none)
NEEDS = {"q3": {"q2"}, "q4": {"q2"}}


def expected_score(choice: dict[str, str], points: dict[str, float]) -> float:
    """The automatic score of a generated submission (``choice``: question -> good/mistake/blank).

    >>> expected_score({"q2": "good", "q3": "good", "q4": "blank"}, {"q2": 2, "q3": 1, "q4": 1})
    3.0
    >>> expected_score({"q2": "mistake", "q3": "good"}, {"q2": 2, "q3": 1})
    0.0
    """
    return float(
        sum(
            points[q]
            for q, c in choice.items()
            if c == "good" and all(choice.get(n) == "good" for n in NEEDS.get(q, ()))
        )
    )


def _crmlab(
    root: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "crmlab", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )
    return time.perf_counter() - start, proc


def _solution_answers() -> dict[str, str]:
    nb = nbformat.read(ROOT / "solutions" / A / f"{A}.ipynb", as_version=4)
    out = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            lines = [
                ln
                for ln in cell.source.splitlines()
                if "BEGIN SOLUTION" not in ln and "END SOLUTION" not in ln
            ]
            out[meta["grade_id"].removesuffix("-answer")] = "\n".join(lines)
    return out


def _make_class(base: Path, n: int) -> tuple[Path, dict[str, str]]:
    """A course with 05_abc generated and ``n`` submissions; the score each must get."""
    root = base / "class"
    root.mkdir()
    for name in ("course.toml", "nbgrader_config.py"):
        shutil.copy2(ROOT / name, root / name)
    for folder in ("solutions", "exercises"):
        shutil.copytree(ROOT / folder / A, root / folder / A)
    (root / "keys").mkdir()
    _, proc = _crmlab(root, "generate", A)
    if proc.returncode != 0:
        raise RuntimeError(f"crmlab generate failed: {proc.stderr[-2000:]}")
    release = nbformat.read(root / "exercises" / A / f"{A}.ipynb", as_version=4)
    good = _solution_answers()
    import json

    key = json.loads((root / "keys" / f"{A}.json").read_text(encoding="utf-8"))
    points = {gid: float(cell["points"]) for gid, cell in key["notebooks"][A]["cells"].items()}
    expected: dict[str, str] = {}
    rng = random.Random(20261123)
    for i in range(n):
        choice = {q: rng.choices(["good", "mistake", "blank"], weights=[6, 3, 1])[0] for q in good}
        nb = nbformat.from_dict(release)
        for cell in nb.cells:
            gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
            q = gid.removesuffix("-answer")
            if gid.endswith("-answer") and q in good and choice[q] != "blank":
                cell.source = good[q] if choice[q] == "good" else MISTAKES[q]
        folder = root / "submitted" / f"s{i:04d}" / A
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{A}.ipynb")
        expected[f"s{i:04d}"] = f"{expected_score(choice, points):g}"
    return root, expected


def _grade(
    template: Path, work: Path, name: str, *args: str, env: dict[str, str] | None = None
) -> tuple[float, dict[str, str]]:
    """Grade a fresh copy of the class; (seconds, scores by student).

    A run with a failure keeps its logs in ``bench/results/`` (git-ignored) and its scores say
    ``FAILED``, so the row fails without hiding the timings of the other runs.
    """
    root = work / name
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(template, root)
    seconds, proc = _crmlab(root, "autograde", A, "--timeout", "120", *args, env=env)
    scores: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        student, _, rest = line.partition(": ")
        if rest and ("/" in rest or rest.startswith("FAILED")):
            scores[student] = rest.split()[0].rstrip(":")
    if proc.returncode != 0:
        kept = ROOT / "bench" / "results" / f"grading-{name}-{time.strftime('%Y%m%d-%H%M%S')}"
        shutil.copytree(root / ".crmlab-grading" / A / "logs", kept / "logs", dirs_exist_ok=True)
        (kept / "output.txt").write_text(proc.stdout + "\n" + proc.stderr, encoding="utf-8")
        scores["<exit status>"] = f"{proc.returncode} (logs in {kept})"
    shutil.rmtree(root, ignore_errors=True)
    return seconds, scores


def run() -> list[Row]:
    from crmlab.grading.sandbox import choose_isolation

    n = int(os.environ.get("CRMLAB_BENCH_N", "200"))
    n_iso = min(n, int(os.environ.get("CRMLAB_BENCH_ISOLATION_N", "40")))
    repeat = repeats(3)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="crmlab-bench-") as tmp:
        base = Path(tmp)
        template, expected = _make_class(base, n)
        work = base / "runs"
        work.mkdir()
        serial, parallel, same, failures = [], [], True, []
        for _ in range(repeat):
            s_time, s_scores = _grade(template, work, "serial", "--jobs", "1")
            p_time, p_scores = _grade(template, work, "parallel", "--jobs", "2")
            serial.append(s_time)
            parallel.append(p_time)
            for name, scores in (("serial", s_scores), ("--jobs 2", p_scores)):
                wrong = sorted(st for st, want in expected.items() if scores.get(st) != want)
                same = same and not wrong
                if "<exit status>" in scores or "FAILED" in scores.values():
                    failures.append(scores.get("<exit status>", "a student FAILED"))
                if wrong:
                    failures.append(
                        f"{name}: {len(wrong)} of {n} scores differ from the expected ones "
                        f"(e.g. {wrong[0]}: {scores.get(wrong[0], 'missing')} instead of {expected[wrong[0]]})"
                    )
        s_med, p_med = statistics.median(serial), statistics.median(parallel)
        rows.append(
            {
                "name": f"autograde {n} submissions of {A}: --jobs 2",
                "seconds": p_med,
                "reference": "--jobs 1 (serial)",
                "reference_seconds": s_med,
                "min_speedup": MIN_SPEEDUP,
                "repeat": repeat,
                "note": (
                    f"{p_med / n:.2f} s per submission with --jobs 2, {s_med / n:.2f} s serial "
                    f"(runs: serial {', '.join(f'{t:.0f}' for t in serial)} s; "
                    f"--jobs 2 {', '.join(f'{t:.0f}' for t in parallel)} s); "
                    f"every score as expected in every run: {'yes' if same else 'NO'}"
                    + (f"; FAILURES: {'; '.join(failures)}" if failures else "")
                ),
            }
        )
        if not same or failures:
            rows[-1]["min_speedup"] = float(
                "inf"
            )  # wrong scores fail the benchmark whatever the speed
        try:
            choose_isolation(unsafe=False)
        except Exception as exc:
            rows.append(skipped("sandbox cost (bubblewrap vs --unsafe)", str(exc)))
            return rows
        for student in sorted(p.name for p in (template / "submitted").iterdir())[n_iso:]:
            shutil.rmtree(template / "submitted" / student)
        kept = {st: want for st, want in expected.items() if (template / "submitted" / st).is_dir()}
        boxed, bare, iso_wrong = [], [], 0
        for _ in range(repeat):
            for times, args, env in (
                (boxed, (), None),
                (bare, ("--unsafe",), {"CRMLAB_BWRAP": ""}),
            ):
                seconds, scores = _grade(
                    template, work, "boxed" if not args else "bare", "--jobs", "2", *args, env=env
                )
                times.append(seconds)
                iso_wrong += sum(scores.get(st) != want for st, want in kept.items())
        b_med, u_med = statistics.median(boxed), statistics.median(bare)
        rows.append(
            {
                "name": f"sandbox cost: bubblewrap vs --unsafe ({n_iso} submissions, --jobs 2)",
                "seconds": b_med,
                "reference": "--unsafe (no isolation)",
                "reference_seconds": u_med,
                "max_ratio": MAX_ISOLATION_RATIO,
                "repeat": repeat,
                "note": (
                    f"{(b_med - u_med) / n_iso:+.2f} s per submission ({(b_med / u_med - 1) * 100:+.0f}%); "
                    f"every score as expected: {'yes' if not iso_wrong else f'NO ({iso_wrong} wrong)'}"
                ),
            }
        )
        if iso_wrong:
            rows[-1]["max_ratio"] = 0.0  # wrong scores fail the row whatever the speed
    return rows
