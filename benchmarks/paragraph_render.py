"""Render a paragraph of real Traditional Chinese from two fonts, to look at outlines as a reader would.

The paragraph mixes characters the font's target had (original) with ones
fontassist generated; generated ones are marked with a thin grey line under
them. Each font is set at every ``--sizes`` px (FreeType, through Pillow),
one PNG per font and size, and a side-by-side (before | after) PNG per size.

    python benchmarks/paragraph_render.py BEFORE.ttf AFTER.ttf --target ZEN.ttf --out docs/ --sizes 14,48,120
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

TEXT = (
    "你說今晚要跑去夜市吃烤玉米嗎？我的腳有點累，還是搭公車去吧。"
    "她把桌上的筷子和碗盤收好，擦乾眼淚，笑著說：「您別擔心，明天一定會更好。」"
)


def render(font_path, generated: set[str], size: int, columns: int = 18) -> Image.Image:
    font = ImageFont.truetype(str(font_path), size)
    line_gap = int(size * 1.5)
    lines = [TEXT[i : i + columns] for i in range(0, len(TEXT), columns)]
    margin = max(4, size // 2)
    image = Image.new("L", (2 * margin + columns * size, 2 * margin + len(lines) * line_gap), 255)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        y = margin + row * line_gap
        for col, char in enumerate(line):
            x = margin + col * size
            draw.text((x, y), char, font=font, fill=0)
            if char in generated:
                under = y + int(size * 1.2)
                draw.line(
                    [(x + size // 8, under), (x + size - size // 8, under)],
                    fill=170,
                    width=max(1, size // 40),
                )
    return image


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("before")
    p.add_argument("after")
    p.add_argument("--target", required=True, help="the target font (to tell generated characters apart)")
    p.add_argument("--out", required=True)
    p.add_argument("--sizes", default="14,48,120")
    args = p.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    original = set(map(chr, TTFont(args.target).getBestCmap()))
    generated = {c for c in TEXT if c not in original and "\u4e00" <= c <= "\u9fff"}
    print(
        f"{len(generated)} of the paragraph's {len(set(TEXT))} distinct characters are generated: {''.join(sorted(generated))}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        before, after = (render(path, generated, size) for path in (args.before, args.after))
        pair = Image.new("L", (before.width, before.height + after.height + 8), 200)
        pair.paste(before, (0, 0))
        pair.paste(after, (0, before.height + 8))
        path = out / f"paragraph-{size}px-before-after.png"
        pair.save(path)
        print(f"wrote {path} (top: before, bottom: after)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
