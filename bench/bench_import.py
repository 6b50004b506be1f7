"""``import crmlab`` against ``import pandas``, each in a fresh interpreter (target: at most 1.3x).

crmlab loads its public names lazily, so importing it must cost little more than importing
pandas (which a notebook pays anyway). Both commands start a new Python process; the time
includes the interpreter's start-up, the same for both.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import Row, compare, repeats

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def run() -> list[Row]:
    return [
        compare(
            "python -c 'import crmlab' (fresh process)",
            lambda: _python("import crmlab"),
            "python -c 'import pandas'",
            lambda: _python("import pandas"),
            repeat=repeats(7),
            max_ratio=1.3,
        )
    ]
