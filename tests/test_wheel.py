"""A plain `pip install .` wheel carries the data, the font and the manifest, and works outside the repo."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.grading_helpers import REPO

pytestmark = pytest.mark.slow

PROBE = """
import json, crmlab, crmlab.datasets as d, crmlab.plotting as p
from matplotlib import font_manager
print(json.dumps({
    "module": crmlab.__file__,
    "data_dir": str(d.data_dir()),
    "sales": float(d.load_distributors()["sales"].sum()),
    "cdnow_rows": len(d.load_cdnow(sample=True)),
    "a_class": "".join(crmlab.abc_classify(d.load_distributors(), "sales", customer="distributor")
                       .query("abc_class == 'A'")["distributor"]),
    "font": font_manager.findfont(p.use_cjk_font()),
}))
"""


def test_wheel_installs_and_loads_data_outside_the_repository(tmp_path: Path):
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("crmlab-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "crmlab/_data/datasets/distributors.csv" in names
    assert "crmlab/_data/datasets/README.md" in names
    assert "crmlab/_data/course.toml" in names
    assert any(n.startswith("crmlab/fonts/") and n.endswith(".otf") for n in names)
    assert not any(n.startswith(("solutions/", "keys/", "crmlab/_data/keys")) for n in names), (
        "no answers in the wheel"
    )
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            "PYTHONPATH": str(target),
            "MPLBACKEND": "Agg",
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
        },
    )
    assert probe.returncode == 0, probe.stderr
    facts = json.loads(probe.stdout)
    assert facts["module"].startswith(str(target))
    assert facts["data_dir"].startswith(str(target))
    assert facts["font"].startswith(str(target))
    assert facts["sales"] == 10580.0 and facts["a_class"] == "fetdinhpm"
    assert facts["cdnow_rows"] == 6919
