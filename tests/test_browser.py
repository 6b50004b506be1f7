"""Tried as a person would: the course in a real browser, and the offline course website.

Chromium (Debian's, ``/usr/bin/chromium``) driven by Playwright, nothing downloaded at run time.
One JupyterLab server (on a fresh workspace made by ``crmlab workspace``, with its own settings,
config and runtime folders) and one browser serve the whole module. For every chapter listed in
course.toml: open it, Run All from the Run menu, wait for the kernel, and check that no cell shows
an error or writes to stderr; in chapters with an explorer, move a slider with the keyboard and
see the table and chart change. In an exercise: answer a question, run its check (a one-line
message, no traceback), press nbgrader's Validate button and read its report. Chinese text must
render with a real CJK font, not as boxes. The static site (``crmlab site``) must open from
``file://`` and from a local web server without one request to another host, typeset its
formulas, show Chinese with its own font, and find pages with its search.

Screenshots go to ``test-artifacts/screenshots/`` (git-ignored); the path is printed at the end.
Without Chromium the module skips on a user's machine and fails under CI=true (.ci/run installs it).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from crmlab.course.manifest import Chapter, load_course
from tests.grading_helpers import REPO
from tests.system_tools import in_ci, require_tool

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COURSE = load_course(REPO)
CHAPTERS = [c for c in COURSE.chapters if c.notebook]
EXERCISE = "05_abc"  # the assignment whose check and Validate button are tried
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
TOKEN = "crmlab-browser-test"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
MIN_SLIDER_CHAPTERS = 3
CJK = re.compile(r"[\u4e00-\u9fff]")

# renders each CJK character of `text` on a canvas in the element's font; tofu boxes all look alike
GLYPHS_JS = """([el, text]) => {
  const style = getComputedStyle(el);
  const font = `${style.fontStyle} ${style.fontWeight} 40px ${style.fontFamily}`;
  const canvas = document.createElement('canvas');
  canvas.width = 64; canvas.height = 64;
  const g = canvas.getContext('2d');
  const seen = new Set(); let inked = 0;
  for (const ch of text) {
    g.clearRect(0, 0, 64, 64); g.font = font; g.fillStyle = '#000'; g.fillText(ch, 4, 48);
    const data = g.getImageData(0, 0, 64, 64).data;
    let ink = 0; for (let i = 3; i < data.length; i += 4) ink += data[i] > 0 ? 1 : 0;
    if (ink > 0) inked += 1;
    seen.add(Array.from(data).join(','));
  }
  return {font: style.fontFamily, distinct: seen.size, inked, count: [...text].length};
}"""


def has_explorer(chapter: Chapter) -> bool:
    """Whether a chapter shows an interactive explorer (a stored widget, or code that makes one)."""
    nb = nbformat.read(REPO / str(chapter.notebook), as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if "_explorer(" in cell.source or any(
            WIDGET_VIEW in o.get("data", {}) for o in cell.get("outputs", [])
        ):
            return True
    return False


def has_slider(chapter: Chapter) -> bool:
    """Whether the widgets stored in a chapter notebook include a slider."""
    nb = nbformat.read(REPO / str(chapter.notebook), as_version=4)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    return any(str(m.get("model_name", "")).endswith("SliderModel") for m in state.values())


EXPLORER_CHAPTERS = [c.name for c in CHAPTERS if has_explorer(c)]
SLIDER_CHAPTERS = [c.name for c in CHAPTERS if has_slider(c)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cjk_system_font() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return True  # cannot tell: let the check decide
    out = subprocess.run(
        [fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False
    ).stdout
    return bool(out.strip())


# --------------------------------------------------------------------------------------------
# fixtures: screenshots folder, one browser, one JupyterLab


@pytest.fixture(scope="module")
def screenshots(request: pytest.FixtureRequest) -> Iterator[Path]:
    """The screenshots folder, announced at the end of the module."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    yield SCREENSHOTS
    shots = sorted(p.name for p in SCREENSHOTS.glob("*.png"))
    (SCREENSHOTS / "README.txt").write_text(
        "Screenshots of the last browser test run (tests/test_browser.py):\n"
        + "".join(f"  {name}\n" for name in shots),
        encoding="utf-8",
    )
    line = f"browser screenshots ({len(shots)}): {SCREENSHOTS}"
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None and not hasattr(request.config, "workerinput"):
        with capture.global_and_fixture_disabled():
            reporter.write_line("")
            reporter.write_line(line)
    else:  # under xdist a worker has no terminal: the warnings summary carries the path
        warnings.warn(line, stacklevel=1)


def chromium_context(tmp_path_factory: pytest.TempPathFactory, width: int) -> Iterator[Any]:
    """Chromium with a fresh profile, driven by Playwright: yields its browser context."""
    executable = require_tool("chromium", "the browser tests drive it", "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=executable,
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": width, "height": 1000},
            locale="en-US",
        )
    except Exception:
        playwright.stop()
        raise
    context.set_default_timeout(30_000)
    yield context
    context.close()
    playwright.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Chromium with a fresh profile, driven by Playwright (one per module)."""
    yield from chromium_context(tmp_path_factory, width=1400)


@dataclass
class Lab:
    """A running JupyterLab server on a workspace."""

    url: str
    work: Path
    proc: subprocess.Popen[str]
    log: Path

    def api(self, path: str, method: str = "GET", body: Any = None) -> Any:
        headers = {"Authorization": f"token {TOKEN}"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(
            f"{self.url}{path}", data=data, method=method, headers=headers
        )
        with urllib.request.urlopen(request, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def kernel_of(self, path: str) -> str | None:
        for session in self.api("/api/sessions"):
            if session.get("path") == path and session.get("kernel"):
                return str(session["kernel"]["id"])
        return None

    def wait_idle(self, path: str, timeout: float = 120, settle: int = 2) -> None:
        """Wait until the notebook's kernel reports idle ``settle`` polls in a row (/api/kernels)."""
        deadline = time.monotonic() + timeout
        idle = 0
        while idle < settle:
            kernel = self.kernel_of(path)
            state = self.api(f"/api/kernels/{kernel}")["execution_state"] if kernel else "none"
            idle = idle + 1 if state == "idle" else 0
            if time.monotonic() > deadline:
                raise AssertionError(f"the kernel of {path} is still {state!r} after {timeout} s")
            time.sleep(0.25)

    def page(self, browser: Any) -> Any:
        """A browser tab with JupyterLab loaded (a fresh layout), ready to open notebooks."""
        page = browser.new_page()
        page.goto(f"{self.url}/lab?reset&token={TOKEN}")
        page.locator(".jp-DirListing-item").first.wait_for(timeout=90_000)
        return page

    def open(self, page: Any, path: str) -> None:
        """File → Open from Path…, as a person does; wait for the notebook and its idle kernel."""
        self.menu(page, "File", "filebrowser:open-path")
        field = page.locator(".jp-Dialog input")
        field.fill(path)
        field.press("Enter")
        name = path.rsplit("/", 1)[-1]
        page.locator(
            ".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel", has_text=name
        ).first.wait_for(timeout=60_000)
        page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
        self.wait_idle(path, timeout=90)

    def close(self, page: Any, path: str) -> None:
        """Shut the notebook's kernel down and close its tab without saving."""
        for session in self.api("/api/sessions"):
            if session.get("path") == path:
                self.api(f"/api/sessions/{session['id']}", method="DELETE")
        for _ in range(3):  # a dialog a failed test left open
            if not page.locator(".jp-Dialog").count():
                break
            page.keyboard.press("Escape")
            page.wait_for_timeout(200)
        page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabCloseIcon").first.click()
        discard = page.locator(".jp-Dialog button", has_text="Discard")
        try:
            discard.wait_for(timeout=3_000)
            discard.click()
        except PlaywrightTimeout:
            pass  # nothing to save
        page.locator(".jp-NotebookPanel").first.wait_for(state="detached", timeout=15_000)

    def menu(self, page: Any, menu: str, command: str) -> None:
        """Click a menu of the menu bar, then one of its items (by command id)."""
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{menu}$")).click()
        page.locator(f'.lm-Menu-item[data-command="{command}"]').click()

    def run_all(self, page: Any, path: str, timeout: float = 180) -> None:
        """Edit → Clear Outputs of All Cells, Run → Run All Cells, as a person clicks them; then
        wait until every code cell has run (a number in its prompt) or one failed, and the kernel
        is idle."""
        prompts = "[...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')]"
        page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
        self.menu(page, "Edit", "editmenu:clear-all")
        page.wait_for_function(f"() => {prompts}.every(p => !/[0-9]/.test(p.textContent))")
        self.menu(page, "Run", "runmenu:run-all")
        # done when every cell ran, or when a cell failed and Run All stopped (nothing pending)
        page.wait_for_function(
            f"""() => {prompts}.every(p => /^\\[[0-9]+\\]:$/.test(p.textContent.trim()))
                || (document.querySelector('.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
                    && !{prompts}.some(p => p.textContent.includes('*')))""",
            timeout=timeout * 1000,
        )
        self.wait_idle(path, timeout=timeout)


def write_settings(settings: Path) -> None:
    """User settings of the test server: no news pop-up, every cell rendered (no windowing)."""
    files = {
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
            "fetchNews": "false",
            "checkForUpdates": False,
        },
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    }
    for name, value in files.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Lab]:
    """JupyterLab on 127.0.0.1 with a token, on a fresh workspace, isolated from the user's settings."""
    from crmlab.course.workspace import sync_workspace

    base = tmp_path_factory.mktemp("lab")
    work = base / "work"
    sync_workspace(REPO, work)
    dirs = {
        name: base / name.lower()
        for name in (
            "JUPYTER_CONFIG_DIR",
            "JUPYTERLAB_SETTINGS_DIR",
            "JUPYTERLAB_WORKSPACES_DIR",
            "JUPYTER_RUNTIME_DIR",
            "JUPYTER_DATA_DIR",
        )
    }
    for folder in dirs.values():
        folder.mkdir()
    write_settings(dirs["JUPYTERLAB_SETTINGS_DIR"])
    env = {**os.environ, **{k: str(v) for k, v in dirs.items()}}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("JUPYTER_PATH", None)
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={TOKEN}",
        f"--ServerApp.root_dir={work}",
        "--LabApp.news_url=None",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    log = base / "jupyterlab.log"
    with log.open("w", encoding="utf-8") as out:
        # the server runs in the workspace, as a learner's does: no nbgrader_config.py there
        proc = subprocess.Popen(
            args,
            cwd=work,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
    server = Lab(f"http://127.0.0.1:{port}", work, proc, log)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                server.api("/api/status")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"JupyterLab did not start:\n{log.read_text()}") from None
                time.sleep(0.3)
        yield server
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


@pytest.fixture(scope="module")
def lab_page(lab: Lab, browser: Any) -> Iterator[Any]:
    """One JupyterLab tab for the module: notebooks are opened and closed in it one by one."""
    page = lab.page(browser)
    yield page
    page.close()


# --------------------------------------------------------------------------------------------
# the chapters in JupyterLab


def explorer_state(page: Any) -> dict[str, str]:
    """The first explorer's table text and chart source."""
    return page.evaluate(
        """() => {
          const box = document.querySelector('.crmlab-explorer');
          if (!box) return {table: '', chart: ''};
          const table = box.querySelector('.crmlab-table');
          const chart = box.querySelector('.crmlab-chart');
          const img = chart && (chart.tagName === 'IMG' ? chart : chart.querySelector('img'));
          return {table: table ? table.innerText : '', chart: img ? img.src : ''};
        }"""
    )


def change_a_control(page: Any) -> tuple[dict[str, str], dict[str, str], str]:
    """Change the first explorer's first control as a keyboard user does; the output before and after.

    A slider: focus its handle and press an arrow key (left when right does nothing, at the
    maximum). Without a slider, a number box: type a larger number and press Enter. Returns once
    both the table and the chart changed, or after 20 s, with a description of the change.
    """
    explorer = page.locator(".crmlab-explorer").first
    explorer.wait_for(timeout=30_000)
    explorer.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const t = document.querySelector('.crmlab-explorer .crmlab-table');"
        " return t && t.innerText.trim(); }",
        timeout=30_000,
    )
    before = explorer_state(page)
    after = before
    sliders = explorer.locator(".widget-slider")
    if sliders.count():
        control = sliders.first
        start = " ".join(control.inner_text().split())
        handle = control.locator(".noUi-handle").first
        actions = [lambda key=key: handle.press(key) for key in ("ArrowRight", "ArrowLeft")]
    else:
        control = explorer.locator('input[type="number"]').first
        start = f"number box {control.input_value()}"

        def type_more() -> None:
            control.fill(str(float(control.input_value() or 0) + 1))
            control.press("Enter")

        actions = [type_more]
    for act in actions:
        act()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            after = explorer_state(page)
            if after["table"] != before["table"] and after["chart"] != before["chart"]:
                break
            time.sleep(0.2)
        else:
            continue
        break
    now = " ".join(control.inner_text().split()) if sliders.count() else control.input_value()
    return before, after, f"{start} -> {now}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.name)
def test_chapter_runs_in_jupyterlab_without_errors(
    lab: Lab, lab_page: Any, screenshots: Path, chapter: Chapter
) -> None:
    path = str(chapter.notebook)
    page = lab_page
    lab.open(page, path)
    try:
        started = time.monotonic()
        lab.run_all(page, path)
        seconds = time.monotonic() - started
        shot = screenshots / f"chapter-{chapter.name}.png"
        page.evaluate(
            "() => document.querySelectorAll('.jp-NotebookPanel .jp-WindowedPanel-outer, "
            ".jp-NotebookPanel .jp-Notebook').forEach(e => { e.scrollTop = 0; })"
        )
        page.screenshot(path=str(shot))
        errors = page.locator(STDERR).all_inner_texts()
        assert not errors, (
            f"{path}: {len(errors)} cell(s) show an error or stderr (see {shot}):\n"
            + "\n---\n".join(e[:800] for e in errors)
        )
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        assert prompts and all(re.fullmatch(r"\[\d+\]:", p.strip()) for p in prompts), prompts
        print(f"{chapter.name}: Run All took {seconds:.1f} s")
        if chapter.name in EXPLORER_CHAPTERS:
            before, after, label = change_a_control(page)
            if chapter.name in SLIDER_CHAPTERS:
                assert not label.startswith("number box"), (
                    f"{path}: no slider found in the explorer"
                )
            page.locator(".crmlab-explorer .crmlab-table").first.scroll_into_view_if_needed()
            page.screenshot(path=str(screenshots / f"chapter-{chapter.name}-explorer.png"))
            assert after["table"] != before["table"], (
                f"{path}: changing a control ({label}) did not change the table"
            )
            assert after["chart"] != before["chart"], (
                f"{path}: changing a control ({label}) did not redraw the chart"
            )
            assert after["chart"].startswith(("blob:", "data:")), after["chart"][:80]
            assert not page.locator(STDERR).all_inner_texts(), (
                f"{path}: the explorer wrote an error"
            )
    finally:
        lab.close(page, path)


def test_enough_chapters_have_a_slider() -> None:
    """The course promises sliders in at least three chapters (each is moved in the test above)."""
    assert len(SLIDER_CHAPTERS) >= MIN_SLIDER_CHAPTERS, (
        f"only {len(SLIDER_CHAPTERS)} chapter(s) of course.toml have a slider: {SLIDER_CHAPTERS} "
        f"(explorers in {EXPLORER_CHAPTERS})"
    )
    assert set(SLIDER_CHAPTERS) <= set(EXPLORER_CHAPTERS)


def test_chinese_text_renders_with_a_cjk_font(lab: Lab, lab_page: Any, screenshots: Path) -> None:
    if not cjk_system_font():
        message = (
            "no font with Chinese glyphs is installed (JupyterLab uses the system's fonts); "
            "install one, e.g. apt-get install fonts-noto-cjk"
        )
        if in_ci():
            pytest.fail(f"CI=true but {message}. .ci/run must install it.")
        pytest.skip(message)
    chapter = CHAPTERS[0]
    path = str(chapter.notebook)
    page = lab_page
    lab.open(page, path)
    try:
        heading = (
            page.locator(".jp-RenderedMarkdown h1, .jp-RenderedMarkdown h2")
            .filter(has_text=CJK)
            .first
        )
        text = "".join(dict.fromkeys(CJK.findall(heading.inner_text())))[:8]
        assert len(text) >= 2, heading.inner_text()
        result = page.evaluate(GLYPHS_JS, [heading.element_handle(), text])
        heading.screenshot(path=str(screenshots / f"chinese-{chapter.name}.png"))
        assert result["inked"] == result["count"], result
        assert result["distinct"] == result["count"], f"Chinese shows as boxes (tofu): {result}"
    finally:
        lab.close(page, path)


def test_chinese_user_interface_with_the_language_pack(
    lab: Lab, browser: Any, screenshots: Path
) -> None:
    """The README's option: with jupyterlab-language-pack-zh-CN, Settings → Language → 中文."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        distribution("jupyterlab-language-pack-zh-CN")
    except PackageNotFoundError:
        pytest.skip(
            "jupyterlab-language-pack-zh-CN is not installed (the README's optional Chinese UI)"
        )
    setting = "/lab/api/settings/@jupyterlab/translation-extension:plugin"
    lab.api(setting, method="PUT", body={"raw": json.dumps({"locale": "zh_CN"})})
    page = lab.page(browser)
    try:
        menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
        page.screenshot(path=str(screenshots / "jupyterlab-zh-CN.png"))
        assert "文件" in menus and "帮助" in menus, menus
    finally:
        page.close()
        lab.api(setting, method="PUT", body={"raw": json.dumps({"locale": "default"})})


def test_the_glyph_check_sees_boxes(browser: Any) -> None:
    """The check above can fail: characters no font has (private use) all draw the same box."""
    page = browser.new_page()
    try:
        page.set_content("<p id='p' style='font-size: 32px'>\ue000\ue001\ue002\ue003</p>")
        result = page.evaluate(
            GLYPHS_JS, [page.locator("#p").element_handle(), "\ue000\ue001\ue002\ue003"]
        )
        assert result["distinct"] < result["count"], result
    finally:
        page.close()


# --------------------------------------------------------------------------------------------
# an exercise: a check, then nbgrader's Validate button


def test_exercise_check_and_validate(lab: Lab, lab_page: Any, screenshots: Path) -> None:
    path = f"exercises/{EXERCISE}/{EXERCISE}.ipynb"
    release = nbformat.read(REPO / path, as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in release.cells]
    # every graded cell fails in a fresh release: checks not attempted, q8 wrong, written answers empty
    graded = [c for c in release.cells if c.metadata.get("nbgrader", {}).get("grade")]
    setup, answer = ids.index("setup"), ids.index("q8-answer")
    page = lab_page
    lab.open(page, path)
    try:
        cells = page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell")
        # run the setup cell (imports, data, `check`)
        cells.nth(setup).locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        lab.wait_idle(path)
        # type an answer that is not an option letter, run it, and run its check
        editor = cells.nth(answer).locator(".jp-InputArea-editor .cm-content")
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.type('q8_answer = "E"')
        page.keyboard.press("Shift+Enter")  # runs the answer, moves to the check cell
        page.keyboard.press("Shift+Enter")  # runs the check
        lab.wait_idle(path)
        check = cells.nth(answer + 1)
        message = check.locator(STDERR)
        message.first.wait_for(timeout=30_000)
        text = message.first.inner_text().strip()
        check.screenshot(path=str(screenshots / f"exercise-{EXERCISE}-check.png"))
        assert "use only the option letters" in text, text
        assert "\n" not in text and "Traceback" not in text and "Error" not in text, text
        # Validate (the nbgrader toolbar button): saves, runs the notebook on the server, reports
        page.locator(".validate-button").first.click()
        dialog = page.locator(".jp-Dialog").filter(has=page.locator("#validation-message"))
        dialog.wait_for(timeout=180_000)
        report = dialog.locator("#validation-message")
        text = report.inner_text()
        dialog.screenshot(path=str(screenshots / f"exercise-{EXERCISE}-validate.png"))
        assert "validation-failed" in (report.get_attribute("class") or ""), text
        assert text.count("The following cell failed") == len(graded), text
        assert 'check("q8", q8_answer)' in text and "use only the option letters" in text, text
        assert "not attempted" in text and "You did not provide a response" in text, text
        assert "Traceback" not in text, text
        dialog.get_by_role("button", name=re.compile("ok", re.I)).click()
        # Validate checked the learner's version: it was saved with the typed answer
        saved = lab.api(f"/api/contents/{urllib.parse.quote(path)}")["content"]
        assert any('q8_answer = "E"' in c["source"] for c in saved["cells"])
        assert not (lab.work / "nbgrader_config.py").exists(), (
            "Validate worked without any nbgrader config"
        )
    finally:
        lab.close(page, path)


# --------------------------------------------------------------------------------------------
# the offline course website


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The course site built into a temporary folder, and a local web server serving it."""
    from crmlab.course.site import build_site

    out = tmp_path_factory.mktemp("site") / "_site"
    report = build_site(REPO, out)
    assert not report.problems, str(report)
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield out, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def open_recording(browser: Any, url: str) -> tuple[Any, list[str]]:
    """Open ``url`` in a new tab and record every request the tab makes until it is loaded."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="load")
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    if page.locator("script[src*='mathjax']").count():
        page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
        page.evaluate("() => MathJax.startup.promise")
    page.wait_for_timeout(100)
    return page, requests


def test_the_request_recorder_sees_other_hosts(browser: Any, tmp_path: Path) -> None:
    """The check below can fail: a page that loads from another host is caught."""
    page_file = tmp_path / "leaky.html"
    page_file.write_text(
        '<!DOCTYPE html><html><head><script src="https://cdn.example.invalid/x.js"></script></head>'
        '<body><img alt="x" src="http://example.invalid/x.png"></body></html>',
        encoding="utf-8",
    )
    page, requests = open_recording(browser, page_file.as_uri())
    page.close()
    assert {"https://cdn.example.invalid/x.js", "http://example.invalid/x.png"} <= set(requests), (
        requests
    )


@pytest.mark.parametrize("origin", ["file", "http"])
def test_site_pages_make_no_request_to_another_host(
    browser: Any, site: tuple[Path, str], screenshots: Path, origin: str
) -> None:
    folder, http_base = site
    base = folder.as_uri() if origin == "file" else http_base
    pages = sorted(p.name for p in folder.glob("*.html"))
    outside: dict[str, list[str]] = {}
    for name in [*pages, "search.html?q=customer"]:
        page, requests = open_recording(browser, f"{base}/{name}")
        try:
            stray = [
                u for u in requests if not u.startswith((base + "/", "data:", "blob:", "about:"))
            ]
            if stray:
                outside[name] = stray
            assert page.locator("body").inner_text().strip(), f"{name} is empty"
            if origin == "file" and name in (
                "index.html",
                f"chapter-{CHAPTERS[0].name}.html",
                "glossary.html",
            ):
                page.screenshot(path=str(screenshots / f"site-{name.removesuffix('.html')}.png"))
        finally:
            page.close()
    assert not outside, f"requests to other hosts: {outside}"


def test_site_typesets_formulas_and_shows_chinese_with_its_own_font(
    browser: Any, site: tuple[Path, str], screenshots: Path
) -> None:
    folder, _ = site
    with_math = [
        p
        for p in sorted(folder.glob("chapter-*.html"))
        if "tex-svg-full.js" in p.read_text(encoding="utf-8")
    ]
    for path in with_math:
        page, _ = open_recording(browser, path.as_uri())
        try:
            assert page.locator("mjx-container").count() > 0, f"{path.name}: no formula typeset"
            assert page.locator("mjx-merror, .MathJax_Error").count() == 0, (
                f"{path.name}: a formula failed"
            )
        finally:
            page.close()
    if with_math:
        page, _ = open_recording(browser, with_math[0].as_uri())
        formula = (
            page.locator('mjx-container[display="true"]').or_(page.locator("mjx-container")).first
        )
        formula.scroll_into_view_if_needed()
        formula.screenshot(path=str(screenshots / f"site-formula-{with_math[0].stem}.png"))
        page.close()
    page, _ = open_recording(browser, (folder / "index.html").as_uri())
    try:
        assert page.evaluate("() => document.fonts.check('16px \"CRMLab Sans SC\"', '客户')")
        heading = page.locator("h1")
        text = "".join(dict.fromkeys(CJK.findall(heading.inner_text())))
        result = page.evaluate(GLYPHS_JS, [heading.element_handle(), text])
        assert "CRMLab Sans SC" in result["font"], result
        assert result["distinct"] == result["count"] == result["inked"], (
            f"Chinese shows as boxes: {result}"
        )
    finally:
        page.close()


def test_site_search_finds_chapters_and_terms(
    browser: Any, site: tuple[Path, str], screenshots: Path
) -> None:
    folder, _ = site
    chapter = CHAPTERS[0]
    page, _ = open_recording(browser, (folder / "index.html").as_uri())
    try:
        # search from the header form, as a person would
        page.fill("#site-search-q", chapter.title_zh)
        page.press("#site-search-q", "Enter")
        page.wait_for_url(re.compile(r"search\.html\?q="))
        results = page.locator("#search-results li")
        results.first.wait_for()
        assert "result" in page.locator("#search-status").inner_text()
        links = results.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        assert any(href.startswith(f"chapter-{chapter.name}.html") for href in links), links
        page.screenshot(path=str(screenshots / "site-search.png"))
        # typing refines the results at once; a glossary term is found in Chinese
        page.fill("#search-q", "客户终身价值")
        page.wait_for_function("() => document.querySelector('#search-results li a')")
        links = page.locator("#search-results li a").evaluate_all(
            "as => as.map(a => a.getAttribute('href'))"
        )
        assert any(href.startswith("glossary.html#term-") for href in links), links
        # a result opens its page at the section
        page.locator("#search-results li a").first.click()
        page.wait_for_load_state("load")
        assert "#" in page.url and page.evaluate(
            "() => !!document.getElementById(decodeURIComponent(location.hash.slice(1))) || !!document.getElementById(location.hash.slice(1))"
        )
        page.fill("#site-search-q", "zzzz-no-such-word")
        page.press("#site-search-q", "Enter")
        page.wait_for_url(re.compile(r"search\.html"))
        page.wait_for_function(
            "() => document.querySelector('#search-status').textContent.includes('No results')"
        )
    finally:
        page.close()
