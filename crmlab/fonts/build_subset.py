"""Rebuild ``CRMLabSansSC-Regular.otf``, the subset CJK font crmlab ships for its charts.

The source is Noto Sans CJK SC Regular 1.004 (SIL Open Font License 1.1) as it is packed in the
PyPI wheel ``mplfonts==0.0.11`` (file ``mplfonts/fonts/NotoSansCJKsc-Regular.otf``, checked by
its SHA-256 below). The subset keeps the characters of :func:`characters` (ASCII, Latin-1,
all of GB2312: its 682 symbols and 6,763 hanzi of levels 1 and 2, CJK and fullwidth
punctuation, and every character of ``crmlab/glossary.csv``), drops vertical-writing tables,
hinting and the language-specific (JP/KR/TC) alternates, and renames the family to
``CRMLab Sans SC``: a modified version of an OFL font gets a name of its own, and the
distinct name keeps matplotlib from confusing it with a full Noto font installed on the
machine. The copyright, licence and trademark records of the name table are kept; the licence
travels beside the font as ``OFL.txt``.

Run from the repository root (needs pip and network access to PyPI; 10-30 s)::

    .venv/bin/python -m crmlab.fonts.build_subset            # downloads mplfonts 0.0.11
    .venv/bin/python -m crmlab.fonts.build_subset --source path/to/NotoSansCJKsc-Regular.otf

The output is byte-for-byte reproducible for a given fontTools version (the head table's
timestamp is the source's, not the build time).

Examples
--------
>>> chars = characters()
>>> len(gb2312_hanzi(1)), len(gb2312_hanzi(2))
(3755, 3008)
>>> all(c in chars for c in "客户关系管理，。、《》“”ABCabc0123%")
True
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "CRMLabSansSC-Regular.otf"
GLOSSARY = HERE.parent / "glossary.csv"

SOURCE_PACKAGE = "mplfonts==0.0.11"
SOURCE_MEMBER = "mplfonts/fonts/NotoSansCJKsc-Regular.otf"
SOURCE_SHA256 = "1652500938055a232cfbfa321de6ebaadfc5635dd9f75e369bc991d14a6512dd"

FAMILY = "CRMLab Sans SC"
POSTSCRIPT_NAME = "CRMLabSansSC-Regular"

# OpenType layout features kept: kerning and the ligature/mark features matplotlib's text
# shaping uses for Latin text. "locl" is left out on purpose: it pulls in the Japanese, Korean
# and Traditional Chinese glyph variants, which doubles the file and is never used here.
LAYOUT_FEATURES = ["kern", "liga", "ccmp", "calt", "mark", "mkmk"]

# name records rewritten for the new family; the others (0 copyright, 7 trademark, 8-12 makers
# and URLs, 13-14 licence) are kept as they are in the source
_NAMES = {
    1: FAMILY,
    2: "Regular",
    3: f"1.004;CRMLAB;{POSTSCRIPT_NAME}",
    4: f"{FAMILY} Regular",
    5: "Version 1.004; subset of Noto Sans CJK SC 1.004 for crmlab",
    6: POSTSCRIPT_NAME,
    10: (
        "A subset of Noto Sans CJK SC Regular 1.004 made for crmlab's charts: ASCII, Latin-1, "
        "GB2312 (symbols and 6,763 hanzi), CJK and fullwidth punctuation. Modified from the "
        "original under the SIL Open Font License 1.1; not the original font."
    ),
}
_DROPPED_NAMES = (16, 17, 21, 22)


def gb2312_hanzi(level: int) -> list[str]:
    """The hanzi of GB2312 level 1 (3,755 common characters) or level 2 (3,008), in code order.

    >>> gb2312_hanzi(1)[:5]
    ['啊', '阿', '埃', '挨', '哎']
    """
    rows = {1: range(16, 56), 2: range(56, 88)}[level]
    return _gb2312_rows(rows)


def gb2312_symbols() -> list[str]:
    """The 682 non-hanzi characters of GB2312 (rows 1-9: punctuation, fullwidth forms, kana,
    Greek, Cyrillic, pinyin letters, box drawing).

    >>> len(gb2312_symbols())
    682
    """
    return _gb2312_rows(range(1, 10))


def _gb2312_rows(rows: Iterable[int]) -> list[str]:
    out = []
    for row in rows:
        for cell in range(1, 95):
            try:
                out.append(bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312"))
            except UnicodeDecodeError:  # unassigned code point
                continue
    return out


def _block(first: int, last: int) -> list[str]:
    return [chr(c) for c in range(first, last + 1)]


def characters(glossary: Path = GLOSSARY) -> str:
    """Every character the subset must cover, sorted, without duplicates.

    ASCII and Latin-1 (printable), GB2312 in full, CJK Symbols and Punctuation (U+3000-303F),
    fullwidth and halfwidth forms (U+FF01-FF65, U+FFE0-FFE6), general punctuation
    (U+2010-2027, U+2030-2044), arrows, the minus sign, letterlike symbols (℃, №, ™), the euro
    sign, and every character of the glossary file (Chinese names of all chart labels).
    """
    chars: set[str] = set()
    chars.update(_block(0x20, 0x7E))  # ASCII
    chars.update(_block(0xA0, 0xFF))  # Latin-1 supplement (¥ £ ° ± × ÷ é ...)
    chars.update(gb2312_symbols())
    chars.update(gb2312_hanzi(1))
    chars.update(gb2312_hanzi(2))
    chars.update(_block(0x3000, 0x303F))  # CJK symbols and punctuation
    chars.update(_block(0xFF01, 0xFF65))  # fullwidth ASCII, halfwidth CJK punctuation
    chars.update(_block(0xFFE0, 0xFFE6))  # fullwidth ¢ £ ¬ ￣ ¦ ¥ ₩
    chars.update(_block(0x2010, 0x2027))  # dashes, quotes, bullet, ellipsis
    chars.update(_block(0x2030, 0x2044))  # per mille, primes, ※ ...
    chars.update(_block(0x2190, 0x2199))  # arrows
    chars.update(["\u2212", "\u20ac", "\u2103", "\u2116", "\u2122", "\u2264", "\u2265", "\u2260"])
    if glossary.is_file():
        chars.update(c for c in glossary.read_text(encoding="utf-8") if c.isprintable())
    return "".join(sorted(chars))


def download_source(workdir: Path) -> Path:
    """Download the ``mplfonts`` wheel from PyPI with pip and extract the Noto Sans CJK SC file."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            SOURCE_PACKAGE,
            "-d",
            str(workdir),
        ],
        check=True,
    )
    wheel = next(workdir.glob("mplfonts-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        target = workdir / Path(SOURCE_MEMBER).name
        target.write_bytes(zf.read(SOURCE_MEMBER))
    return target


def build(source: Path, output: Path = OUTPUT, glossary: Path = GLOSSARY) -> dict[str, object]:
    """Subset and rename ``source`` into ``output``; return a short report of the result."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"{source}: SHA-256 {digest} is not the expected {SOURCE_SHA256}")

    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False  # matplotlib renders with FreeType's own hinting
    options.drop_tables += ["vhea", "vmtx", "VORG", "DSIG", "BASE"]
    options.name_IDs = ["*"]
    options.name_languages = [0x409]  # English records only: no localized "Noto" family names
    options.name_legacy = False  # Windows records only
    options.notdef_outline = True
    options.recalc_timestamp = False

    font = TTFont(source, recalcTimestamp=False)
    source_cmap = font.getBestCmap()
    wanted = characters(glossary)
    missing = [c for c in wanted if ord(c) not in source_cmap]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in wanted if ord(c) in source_cmap])
    subsetter.subset(font)

    name = font["name"]
    for record_id in _DROPPED_NAMES:
        name.removeNames(nameID=record_id)
    for record_id, text in _NAMES.items():
        name.setName(text, record_id, 3, 1, 0x409)
    cff = font["CFF "].cff
    old_ps = cff.fontNames[0]
    cff.fontNames[0] = POSTSCRIPT_NAME
    top = cff.topDictIndex[0]
    for attr, text in (("FullName", f"{FAMILY} Regular"), ("FamilyName", FAMILY)):
        if hasattr(top, attr):
            setattr(top, attr, text)
    for fd in getattr(top, "FDArray", []) or []:
        if getattr(fd, "FontName", "").startswith(old_ps):
            fd.FontName = POSTSCRIPT_NAME + fd.FontName[len(old_ps) :]

    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(output)
    data = output.read_bytes()
    return {
        "output": str(output),
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "glyphs": font["maxp"].numGlyphs,
        "characters": len(wanted) - len(missing),
        "not_in_source": "".join(missing),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="NotoSansCJKsc-Regular.otf (default: download)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or download_source(Path(tmp))
        report = build(source, args.output)
    for key, value in report.items():
        print(f"{key}: {value!r}" if key == "not_in_source" else f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
