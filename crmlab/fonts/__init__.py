"""The chart font crmlab ships: a subset of Noto Sans CJK SC (SIL Open Font License 1.1).

This package holds data, not code to import at run time: ``CRMLabSansSC-Regular.otf``, its
licence ``OFL.txt``, ``README.md`` and the script that rebuilds it (:mod:`crmlab.fonts.build_subset`).
:func:`crmlab.plotting.use_cjk_font` registers the font with matplotlib.

>>> FONT_FILE.name, FONT_FILE.is_file()
('CRMLabSansSC-Regular.otf', True)
"""

from __future__ import annotations

from pathlib import Path

FONT_FILE = Path(__file__).resolve().with_name("CRMLabSansSC-Regular.otf")
"""The font file inside the installed package."""

FAMILY = "CRMLab Sans SC"
"""The font's family name, as matplotlib knows it."""

LICENSE_FILE = FONT_FILE.with_name("OFL.txt")
"""The SIL Open Font License 1.1 that covers the font."""
