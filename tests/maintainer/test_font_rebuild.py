"""Maintainer check: rebuilding the shipped chart font from its source gives the shipped file.

Not part of ``make test`` (tests/conftest.py leaves this folder out): it needs the 85 MB source
font, which it downloads from PyPI (the ``mplfonts`` wheel) unless ``CRMLAB_FONT_SOURCE`` names a
local copy. Run it with ``make font-check`` after changing ``crmlab/glossary.csv`` or
``crmlab/fonts/build_subset.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from fontTools.ttLib import TTFont

from crmlab.fonts import FONT_FILE
from crmlab.fonts.build_subset import build, download_source


def test_rebuilding_the_font_gives_the_shipped_one(tmp_path: Path):
    given = os.environ.get("CRMLAB_FONT_SOURCE")
    source = Path(given) if given else download_source(tmp_path)
    report = build(source, tmp_path / "font.otf")
    rebuilt, shipped = TTFont(tmp_path / "font.otf"), TTFont(FONT_FILE)
    assert rebuilt.getBestCmap() == shipped.getBestCmap()
    assert rebuilt.getGlyphOrder() == shipped.getGlyphOrder()
    assert report["glyphs"] == shipped["maxp"].numGlyphs
