"""The learner's personal workspace (``work/``, git-ignored) that ``make lab`` opens.

On the first run it receives copies of the chapter notebooks and the exercises, and of the pages they
link to (``docs/sources.md``), at the same relative paths so that the links work there too; later runs
add new ones and refresh a copy only while it is exactly as it was copied (the learner never touched it).
A file the learner changed is never overwritten, so ``git pull`` and regenerating the exercises
never destroy a learner's work. The tracked originals are never opened for writing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

STATE = ".crmlab-workspace.json"
#: Single files the notebooks link to (``../docs/sources.md``), copied beside the two folders.
LINKED_FILES = ("docs/sources.md",)


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated"]
        parts.append(
            f"{len(self.kept)} kept as you changed them" if self.kept else "0 changed by you"
        )
        lines = [f"workspace: {', '.join(parts)}"]
        lines += [
            f"  kept your version of {k} (the course's copy changed; see the original)"
            for k in self.kept
        ]
        return "\n".join(lines)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


#: JupyterLab's settings for a workspace of the Chinese edition: its interface in Chinese. `make
#: lab COURSE_LANG=zh` points JUPYTERLAB_SETTINGS_DIR here, so the learner's own settings elsewhere
#: stay as they are.
LAB_SETTINGS = ".jupyterlab-settings"
_LOCALE_SETTING = ("@jupyterlab/translation-extension", "plugin.jupyterlab-settings")


def course_files(root: Path, lang: str = "en") -> list[tuple[Path, str]]:
    """(original, path inside the workspace) for every notebook and exercise file and linked page.

    The Chinese edition (``lang="zh"``) takes ``zh/notebooks`` and ``zh/exercises`` and puts them
    at the same places, ``notebooks/`` and ``exercises/``, so that the links between them work.
    """
    out = []
    prefix = Path() if lang == "en" else Path(lang)
    for folder in ("notebooks", "exercises"):
        base = root / prefix / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if (
                path.is_file()
                and ".ipynb_checkpoints" not in path.parts
                and "__pycache__" not in path.parts
            ):
                out.append((path, str(Path(folder) / path.relative_to(base))))
    for name in LINKED_FILES:
        page = root / prefix / name if (root / prefix / name).is_file() else root / name
        if page.is_file():
            out.append((page, name))
    return out


def sync_workspace(root: Path, work: Path, lang: str = "en") -> SyncReport:
    """Copy new course files into ``work`` without overwriting the learner's changes.

    With ``lang="zh"`` the workspace gets the Chinese edition and JupyterLab settings that show
    its interface in Chinese (see :data:`LAB_SETTINGS`).
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"the course has an English (en) and a Chinese (zh) edition, not {lang!r}")
    work = work if work.is_absolute() else root / work
    work.mkdir(parents=True, exist_ok=True)
    if lang == "zh":
        if not (root / "zh" / "notebooks").is_dir():
            raise FileNotFoundError(
                f"no Chinese edition in {root / 'zh'}: run `crmlab translations build --execute`"
            )
        setting = work / LAB_SETTINGS / _LOCALE_SETTING[0] / _LOCALE_SETTING[1]
        if not setting.exists():  # the learner may have chosen otherwise since: keep that
            setting.parent.mkdir(parents=True, exist_ok=True)
            setting.write_text(json.dumps({"locale": "zh_CN"}, indent=1) + "\n", encoding="utf-8")
    state_path = work / STATE
    state: dict[str, str] = json.loads(state_path.read_text()) if state_path.is_file() else {}
    report = SyncReport()
    for original, rel in course_files(root, lang):
        target = work / rel
        new_digest = _digest(original)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(original, target)
            state[rel] = new_digest
            report.added.append(rel)
            continue
        current = _digest(target)
        if current == new_digest:
            state[rel] = new_digest
        elif state.get(rel) == current:  # untouched copy of an older original: refresh it
            shutil.copy2(original, target)
            state[rel] = new_digest
            report.updated.append(rel)
        else:
            report.kept.append(rel)
    state_path.write_text(json.dumps(state, indent=1, sort_keys=True))
    return report


if __name__ == "__main__":  # python -m crmlab.course.workspace work
    from crmlab.course.manifest import find_root

    print(sync_workspace(find_root(), Path(sys.argv[1] if len(sys.argv) > 1 else "work")))
