"""Rebuild the demo font subsets in resources/fonts from the full OFL fonts.

    python tools/make_demo_fonts.py [--fonts ../shared/fonts]

Keeps every character of tw-edu-4808 the font has, printable ASCII, Latin-1,
kana, CJK punctuation and full-width forms, with the layout features a CJK
font uses (vertical forms, proportional/half widths); drops hinting to stay small.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fontassist.fonts.charsets import named_charset  # noqa: E402
from fontassist.resources import FONTS  # noqa: E402

FONTS_TO_SUBSET = {
    "NotoSansTC-Regular.ttf": ("NotoSansTC-Regular-subset.ttf", "OFL-NotoSansTC.txt"),
}

EXTRA_RANGES = [
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1
    (0x2010, 0x2027),  # dashes, quotes, ellipsis
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0xFF01, 0xFF5E),  # full-width forms
]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--fonts", default=str(ROOT.parent / "shared" / "fonts"), help="folder with the full fonts"
    )
    args = parser.parse_args(argv)
    unicodes = {ord(c) for c in named_charset("tw-edu-4808")}
    for first, last in EXTRA_RANGES:
        unicodes.update(range(first, last + 1))
    for name, (out_name, licence) in FONTS_TO_SUBSET.items():
        options = subset.Options()
        options.hinting = False
        options.layout_features = [
            "vert",
            "vrt2",
            "vkna",
            "halt",
            "vhal",
            "palt",
            "vpal",
            "fwid",
            "hwid",
            "pwid",
            "locl",
            "ccmp",
            "kern",
            "vkrn",
        ]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.glyph_names = False
        font = TTFont(Path(args.fonts) / name)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        out = FONTS / out_name
        font.save(out)
        (FONTS / licence).write_bytes((Path(args.fonts) / licence).read_bytes())
        print(
            f"{out.relative_to(ROOT)}: {len(font.getBestCmap())} characters, {out.stat().st_size / 1e6:.2f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
