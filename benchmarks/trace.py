"""Tracing benchmark: fontassist.vector against potrace on real glyphs.

For ``--count`` characters of Noto Sans TC (a fixed sample of tw-edu-4808),
rendered at each of ``--sizes`` px through the font's em frame:

- fidelity: IoU between the traced outline and the font's true outline, both
  filled (non-zero rule, FreeType's coverage at 50 %) at 1024 px through the same em frame;
- points per glyph as a glyf table stores them (on- plus off-curve points,
  after TTGlyphPen, which rounds to integer font units);
- glyphs per second on one core, tracing into TTGlyphPen: CPU time of the
  process (what one core sustains; the machine may be shared) and wall time;
  as a batch (``trace_outlines``, as export uses it) and one call per glyph.

potrace (GPL; the benchmark's only use of it, e.g. Debian's ``apt-get install
potrace``) traces the same raster thresholded at 50 %: all glyphs tiled into
one PBM and traced by one potrace process (so process start-up is not
counted), ``-b svg -u 1000``, default corner and optimisation settings. Its
cubic Béziers become TrueType quadratics through fontTools' Cu2QuPen at a
tolerance of ``--cu2qu-error`` font units (1 unit = 0.001 em, fontmake's
default), and both are counted and compared as glyf outlines. potrace's own
count (an on-curve point per segment end, two off-curve points per cubic) is
shown too. "threshold" is the thresholded raster itself, scaled up, as a
floor any tracer should beat.

    python benchmarks/trace.py --count 500 --sizes 128,256
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, as the figure claims

import argparse
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fontassist.fonts import open_font, render  # noqa: E402
from fontassist.train.similarity import iou  # noqa: E402
from fontassist.vector import trace_outlines, trace_to_glyph  # noqa: E402
from tests.vector.masks import outline_mask  # noqa: E402

SHARED = ROOT.parent / "shared"
FIDELITY_SIZE = 1024
TILE_PAD = 4  # blank pixels between tiled glyphs so potrace keeps them apart


def sample_chars(path: Path, count: int, seed: int = 0) -> list[str]:
    chars = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(seed).shuffle(chars)
    return chars[:count]


def glyph_points(glyph) -> int:
    return 0 if glyph.numberOfContours <= 0 else len(glyph.coordinates)


def true_masks(font_path: Path, chars: list[str], frame) -> list[np.ndarray]:
    font = TTFont(font_path)
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    big = frame.with_size(FIDELITY_SIZE)
    return [outline_mask(glyphs[cmap[ord(c)]].draw, big) for c in chars]


def run_ours(images: np.ndarray, frame) -> tuple[list, float, float]:
    """Glyphs traced as a batch (``trace_outlines``, then each drawn into a TTGlyphPen), CPU and wall seconds."""
    cpu, wall = time.process_time(), time.perf_counter()
    glyphs = []
    for outline in trace_outlines(images, frame):
        pen = TTGlyphPen(None)
        outline.draw(pen)
        glyphs.append(pen.glyph())
    return glyphs, time.process_time() - cpu, time.perf_counter() - wall


def run_ours_one_by_one(images: np.ndarray, frame) -> tuple[float, float]:
    """CPU and wall seconds tracing the glyphs one call each (``trace_to_glyph``)."""
    cpu, wall = time.process_time(), time.perf_counter()
    for image in images:
        trace_to_glyph(image, frame)
    return time.process_time() - cpu, time.perf_counter() - wall


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ---- potrace --------------------------------------------------------------------------------

_TOKEN = re.compile(r"[MmLlCcZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def parse_potrace_svg(svg: str, unit: float, height: float) -> list[list[tuple]]:
    """potrace's SVG paths as contours of ("line", p) / ("cubic", c1, c2, p) in pixel coordinates (y-down)."""
    contours: list[list[tuple]] = []
    for data in re.findall(r'<path d="([^"]*)"', svg):
        tokens = _TOKEN.findall(data)
        i, command = 0, None
        current = start = (0.0, 0.0)
        contour: list[tuple] = []
        first_move = True  # a path's first "m" is absolute

        def number(tokens=tokens):
            nonlocal i
            value = float(tokens[i])
            i += 1
            return value

        while i < len(tokens):
            if tokens[i].isalpha():
                command = tokens[i]
                i += 1
                if command in "Zz":
                    if contour:
                        contours.append([("move", start)] + contour)
                    contour = []
                    current = start
                    continue
            if command in "Mm":
                x, y = number(), number()
                current = (x, y) if command == "M" or first_move else (current[0] + x, current[1] + y)
                start, first_move = current, False
                command = "l" if command == "m" else "L"  # further pairs are implicit lines
            elif command == "l":
                current = (current[0] + number(), current[1] + number())
                contour.append(("line", current))
            elif command == "L":
                current = (number(), number())
                contour.append(("line", current))
            elif command == "c":
                c1 = (current[0] + number(), current[1] + number())
                c2 = (current[0] + number(), current[1] + number())
                current = (current[0] + number(), current[1] + number())
                contour.append(("cubic", c1, c2, current))
            else:
                raise ValueError(f"unexpected potrace SVG command {command!r}")

    def to_pixels(p):
        return (p[0] / unit, height - p[1] / unit)

    return [[(kind, *map(to_pixels, pts)) for kind, *pts in contour] for contour in contours]


def run_potrace(images: np.ndarray, executable: str) -> tuple[list[list[list[tuple]]], float, float]:
    """Every glyph's potrace contours (pixel coordinates of its own raster), potrace's CPU and wall seconds."""
    n, size = images.shape[0], images.shape[1]
    pitch = size + 2 * TILE_PAD
    columns = int(np.ceil(np.sqrt(n)))
    rows = int(np.ceil(n / columns))
    sheet = np.zeros((rows * pitch, columns * pitch), bool)
    for k, image in enumerate(images):
        r, c = divmod(k, columns)
        sheet[
            r * pitch + TILE_PAD : r * pitch + TILE_PAD + size,
            c * pitch + TILE_PAD : c * pitch + TILE_PAD + size,
        ] = image > 127
    with tempfile.TemporaryDirectory() as tmp:
        pbm = Path(tmp) / "glyphs.pbm"
        packed = np.packbits(sheet, axis=1)  # PBM: 1 is black (ink), rows padded to whole bytes
        pbm.write_bytes(f"P4\n{sheet.shape[1]} {sheet.shape[0]}\n".encode() + packed.tobytes())
        svg_path = Path(tmp) / "glyphs.svg"
        cpu, wall = children_cpu(), time.perf_counter()
        subprocess.run([executable, "-b", "svg", "-u", "1000", "-o", str(svg_path), str(pbm)], check=True)
        cpu, wall = children_cpu() - cpu, time.perf_counter() - wall
        svg = svg_path.read_text()
    per_glyph: list[list[list[tuple]]] = [[] for _ in range(n)]
    for contour in parse_potrace_svg(svg, 1000.0, sheet.shape[0]):
        x, y = contour[0][1]
        r, c = int(y // pitch), int(x // pitch)
        dx, dy = c * pitch + TILE_PAD, r * pitch + TILE_PAD
        shifted = [(kind, *[(p[0] - dx, p[1] - dy) for p in pts]) for kind, *pts in contour]
        per_glyph[r * columns + c].append(shifted)
    return per_glyph, cpu, wall


def potrace_native_points(contours) -> int:
    return sum(sum(1 if kind == "line" else 3 for kind, *_ in contour[1:]) for contour in contours)


def potrace_glyph(contours, frame, cu2qu_error: float):
    """potrace's contours through the em frame into a glyf Glyph (cubics to quadratics by cu2qu)."""
    ttpen = TTGlyphPen(None)
    pen = Cu2QuPen(ttpen, cu2qu_error, reverse_direction=False)

    def font(p):
        x, y = frame.to_font_units(p[0], p[1])
        return (float(x), float(y))

    for contour in contours:
        pen.moveTo(font(contour[0][1]))
        for kind, *pts in contour[1:]:
            if kind == "line":
                pen.lineTo(font(pts[0]))
            else:
                pen.curveTo(*map(font, pts))
        pen.closePath()
    return ttpen.glyph()


# ---- report ---------------------------------------------------------------------------------


def fidelity(glyphs, truth, frame) -> np.ndarray:
    big = frame.with_size(FIDELITY_SIZE)
    return np.array(
        [
            iou(outline_mask(lambda pen, g=g: g.draw(pen, None), big), t)
            for g, t in zip(glyphs, truth, strict=False)
        ]
    )


def threshold_fidelity(images, truth) -> np.ndarray:
    factor = FIDELITY_SIZE // images.shape[1]
    ones = np.ones((factor, factor), bool)
    return np.array([iou(np.kron(image > 127, ones), t) for image, t in zip(images, truth, strict=False)])


def row(name, ious, points=None, n=None, cpu=None, wall=None) -> str:
    text = f"  {name:<22} {ious.mean():.4f}  {np.percentile(ious, 5):.4f}  {ious.min():.4f}"
    if points is not None:
        text += f"  {np.mean(points):8.1f}  {n / cpu:9.0f}  {n / wall:9.0f}"
    return text


def main(args=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--sizes", default="128,256")
    parser.add_argument("--font", type=Path, default=SHARED / "fonts" / "NotoSansTC-Regular.ttf")
    parser.add_argument("--charset", type=Path, default=SHARED / "charsets" / "tw-edu-4808.txt")
    parser.add_argument(
        "--potrace", default=shutil.which("potrace"), help="potrace executable (skipped when absent)"
    )
    parser.add_argument(
        "--cu2qu-error", type=float, default=1.0, help="cu2qu tolerance for potrace's cubics, font units"
    )
    options = parser.parse_args(args)

    font = open_font(options.font)
    chars = sample_chars(options.charset, options.count)
    sizes = [int(s) for s in options.sizes.split(",")]
    print(
        f"{len(chars)} glyphs of {font.full_name}, fidelity = IoU with the true outline at {FIDELITY_SIZE} px"
    )
    truth = None
    for size in sizes:
        rendered = render(font, chars, size, cache=False)
        images, frame = rendered.images, rendered.frame
        if truth is None:
            truth = true_masks(options.font, rendered.chars, frame)
        n = len(images)
        print(f"\n{size} px                    IoU mean  p5      min       points  glyph/s CPU  glyph/s wall")
        print(row("threshold (floor)", threshold_fidelity(images, truth)))
        glyphs, cpu, wall = run_ours(images, frame)
        ours = fidelity(glyphs, truth, frame)
        ours_points = [glyph_points(g) for g in glyphs]
        print(row("fontassist.vector", ours, ours_points, n, cpu, wall))
        cpu, wall = run_ours_one_by_one(images, frame)
        print(
            f"  {'  one call per glyph':<22} {'':6}  {'':6}  {'':6}  {'':8}  {n / cpu:9.0f}  {n / wall:9.0f}"
        )
        if options.potrace:
            contours, cpu, wall = run_potrace(images, options.potrace)
            pglyphs = [potrace_glyph(c, frame, options.cu2qu_error) for c in contours]
            theirs = fidelity(pglyphs, truth, frame)
            print(
                row(
                    f"potrace (cu2qu {options.cu2qu_error:g})",
                    theirs,
                    [glyph_points(g) for g in pglyphs],
                    n,
                    cpu,
                    wall,
                )
            )
            print(
                f"  {'potrace, own count':<22} {'':6}  {'':6}  {'':6}  {np.mean([potrace_native_points(c) for c in contours]):8.1f}"
            )
            worse = int(np.sum(ours < theirs))
            print(
                f"  fontassist below potrace's IoU on {worse} of {len(ours)} glyphs; "
                f"fewer points on {int(np.sum(np.array(ours_points) < [glyph_points(g) for g in pglyphs]))}"
            )
        else:
            print("  potrace not found: install it (e.g. apt-get install potrace) to compare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
