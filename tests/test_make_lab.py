"""`make lab` serves JupyterLab on the learner's workspace with the course in it (checked over REST)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.grading_helpers import REPO

pytestmark = pytest.mark.slow
TOKEN = "crmlab-test-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str) -> object:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}?token={TOKEN}", timeout=10) as r:
        return json.loads(r.read())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_make_lab_serves_the_workspace(tmp_path: Path, lang: str):
    work = tmp_path / "work"
    port = free_port()
    args = f"--no-browser --ServerApp.token={TOKEN} --ServerApp.ip=127.0.0.1 --LabApp.news_url=None"
    proc = subprocess.Popen(
        [
            "make",
            "-s",
            "lab",
            f"COURSE_LANG={lang}",
            f"WORK={work}",
            f"PORT={port}",
            f"LAB_ARGS={args}",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")},
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                status = get(port, "/api/status")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        f"JupyterLab did not start:\n{proc.stdout.read()}"
                    ) from None
                time.sleep(0.5)
        assert "started" in status
        notebooks = {item["name"] for item in get(port, "/api/contents/notebooks")["content"]}
        assert "05_abc.ipynb" in notebooks
        exercise = get(port, "/api/contents/exercises/05_abc/05_abc.ipynb")
        assert exercise["type"] == "notebook" and "BEGIN SOLUTION" not in json.dumps(
            exercise["content"]
        )
        top = {item["name"] for item in get(port, "/api/contents")["content"]}
        assert top == {"notebooks", "exercises", "docs"}, (
            "the workspace holds the course and nothing of the instructor's"
        )
        # of the guides, only the sources page, which the notebooks link to (../docs/sources.md)
        assert {item["name"] for item in get(port, "/api/contents/docs")["content"]} == {
            "sources.md"
        }
        chapter = get(port, "/api/contents/notebooks/05_abc.ipynb")["content"]
        title = chapter["cells"][0]["source"]
        locale = json.loads(
            get(port, "/lab/api/settings/@jupyterlab/translation-extension:plugin")["raw"] or "{}"
        )
        if lang == "zh":  # the Chinese edition, and JupyterLab in Chinese for this workspace only
            assert title.startswith("# 第5章 · ABC客户分类管理")
            assert locale.get("locale") == "zh_CN"
            assert "# 作业5 · " in json.dumps(exercise["content"], ensure_ascii=False)
        else:
            assert title.startswith("# Chapter 5 · ABC customer classification")
            assert locale.get("locale", "default") != "zh_CN"
        kernels = get(port, "/api/kernelspecs")
        assert "python3" in kernels["kernelspecs"]
        extensions = {e["name"] for e in get(port, "/lab/api/extensions")}
        assert any("nbgrader" in name for name in extensions), extensions
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)
    # the tracked originals were copied, not moved or changed
    assert (REPO / "notebooks" / "05_abc.ipynb").is_file()
