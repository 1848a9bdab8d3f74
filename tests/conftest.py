"""Shared fixtures: the real OFL fonts (from ../shared or the bundled demo subsets) and tiny fonts in every format."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fontTools import subset
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont

from fontassist import resources

# The full development fonts beside the checkout, when there; FONTASSIST_SHARED_FONTS points elsewhere
# (a missing folder runs the suite as a fresh clone would).
SHARED_FONTS = Path(
    os.environ.get("FONTASSIST_SHARED_FONTS") or Path(__file__).resolve().parents[2] / "shared" / "fonts"
)
SAMPLE_CHARS = "永東國酬愛一丁七"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory):
    """Keep the render cache of the test run out of the user's cache folder."""
    old = os.environ.get("FONTASSIST_CACHE_DIR")
    os.environ["FONTASSIST_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("FONTASSIST_CACHE_DIR", None)
    else:
        os.environ["FONTASSIST_CACHE_DIR"] = old


def _real(name: str, subset_name: str) -> Path:
    full = SHARED_FONTS / name
    return full if full.exists() else resources.FONTS / subset_name


@pytest.fixture(scope="session")
def noto_path() -> Path:
    """Noto Sans TC Regular: the full font when ../shared is there, else the bundled subset."""
    return _real("NotoSansTC-Regular.ttf", "NotoSansTC-Regular-subset.ttf")


@pytest.fixture(scope="session")
def zen_path() -> Path:
    return resources.FONTS / "ZenMaruGothic-Regular.ttf"  # bundled whole


@pytest.fixture(scope="session")
def demo_source() -> Path:
    return resources.DEMO_SOURCE


@pytest.fixture(scope="session")
def demo_target() -> Path:
    return resources.DEMO_TARGET


def _subset(path: Path, chars: str, out: Path) -> Path:
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.notdef_outline = True
    font = TTFont(path)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    font.save(out)
    return out


@pytest.fixture(scope="session")
def tiny_run(tmp_path_factory):
    """A finished tiny training run (32 px, 6 steps; tests/train/tiny.py), shared read-only across modules."""
    from fontassist.train import Trainer
    from tests.train.tiny import tiny_config

    run_dir = tmp_path_factory.mktemp("tiny_run")
    events = list(Trainer(tiny_config(), run_dir))
    assert events[-1].reason == "completed", events[-1].message
    return run_dir


@pytest.fixture(scope="session")
def tiny_fonts(tmp_path_factory, demo_source) -> dict[str, Path]:
    """The same few Noto Sans TC glyphs as TTF, OTF (CFF), TTC (2 faces), WOFF, WOFF2 and a variable TTF."""
    folder = tmp_path_factory.mktemp("tiny_fonts")
    ttf = _subset(demo_source, SAMPLE_CHARS + "Ag", folder / "tiny.ttf")
    fonts = {"ttf": ttf}

    for flavor in ("woff", "woff2"):
        font = TTFont(ttf)
        font.flavor = flavor
        font.save(folder / f"tiny.{flavor}")
        fonts[flavor] = folder / f"tiny.{flavor}"

    other = _subset(demo_source, "一丁", folder / "other.ttf")
    collection = TTCollection()
    collection.fonts = [TTFont(ttf), TTFont(other)]
    collection.save(folder / "tiny.ttc")
    fonts["ttc"] = folder / "tiny.ttc"

    fonts["otf"] = _cff_copy(ttf, folder / "tiny.otf")
    fonts["variable"] = _variable_copy(ttf, folder / "tiny-var.ttf")
    return fonts


def _builder_from(source: TTFont, cff: bool) -> tuple[FontBuilder, dict]:
    glyph_order = source.getGlyphOrder()
    glyph_set = source.getGlyphSet()
    fb = FontBuilder(source["head"].unitsPerEm, isTTF=not cff)
    fb.setupGlyphOrder(glyph_order)
    fb.setupCharacterMap(source.getBestCmap())
    glyphs = {}
    for name in glyph_order:
        if cff:
            pen = T2CharStringPen(source["hmtx"][name][0], glyph_set)
            glyph_set[name].draw(pen)
            glyphs[name] = pen.getCharString()
        else:
            pen = TTGlyphPen(glyph_set)
            glyph_set[name].draw(pen)
            glyphs[name] = pen.glyph()
    metrics = {name: source["hmtx"][name] for name in glyph_order}
    return fb, {"glyphs": glyphs, "metrics": metrics}


def _finish(fb: FontBuilder, source: TTFont, family: str) -> None:
    os2 = source["OS/2"]
    fb.setupHorizontalHeader(ascent=source["hhea"].ascent, descent=source["hhea"].descent)
    fb.setupNameTable({"familyName": family, "styleName": "Regular"})
    fb.setupOS2(
        sTypoAscender=os2.sTypoAscender,
        sTypoDescender=os2.sTypoDescender,
        usWinAscent=os2.usWinAscent,
        usWinDescent=os2.usWinDescent,
    )
    fb.setupPost()


def _cff_copy(ttf: Path, out: Path) -> Path:
    source = TTFont(ttf)
    fb, parts = _builder_from(source, cff=True)
    fb.setupCFF("TinyCFF-Regular", {"FullName": "Tiny CFF"}, parts["glyphs"], {})
    fb.setupHorizontalMetrics(parts["metrics"])
    _finish(fb, source, "Tiny CFF")
    fb.save(out)
    return out


def _variable_copy(ttf: Path, out: Path) -> Path:
    source = TTFont(ttf)
    fb, parts = _builder_from(source, cff=False)
    fb.setupGlyf(parts["glyphs"])
    fb.setupHorizontalMetrics(parts["metrics"])
    _finish(fb, source, "Tiny Variable")
    fb.setupFvar(axes=[("wght", 100, 400, 900, "Weight")], instances=[])
    fb.setupGvar({})
    fb.save(out)
    return out


def draw_rect(pen, x0, y0, x1, y1, clockwise=True) -> None:
    """A rectangle contour in font units; clockwise (TrueType's ink direction) unless asked otherwise."""
    corners = [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]
    if not clockwise:
        corners.reverse()
    pen.moveTo(corners[0])
    for point in corners[1:]:
        pen.lineTo(point)
    pen.closePath()


def build_font(
    path: Path, upm: int = 1000, descender: int = -120, glyphs: dict | None = None, family: str = "Test Sans"
) -> Path:
    """A TrueType font whose glyphs are rectangles: ``glyphs`` maps char → (xMin, yMin, xMax, yMax)."""
    glyphs = glyphs or {"A": (100, 0, 500, 700)}
    names = [".notdef"] + [f"uni{ord(c):04X}" for c in glyphs]
    fb = FontBuilder(upm, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in glyphs})
    outlines = {".notdef": TTGlyphPen(None).glyph()}
    for char, (x0, y0, x1, y1) in glyphs.items():
        pen = TTGlyphPen(None)
        pen.moveTo((x0, y0))
        pen.lineTo((x0, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
        pen.closePath()
        outlines[f"uni{ord(char):04X}"] = pen.glyph()
    fb.setupGlyf(outlines)
    # lsb must equal xMin: TrueType rasterisers place the outline by the hmtx lsb.
    lsb = {f"uni{ord(c):04X}": box[0] for c, box in glyphs.items()}
    fb.setupHorizontalMetrics({name: (upm, lsb.get(name, 0)) for name in names})
    fb.setupHorizontalHeader(ascent=upm + descender, descent=descender)
    fb.setupNameTable({"familyName": family, "styleName": "Regular"})
    fb.setupOS2(
        sTypoAscender=upm + descender,
        sTypoDescender=descender,
        usWinAscent=upm + descender,
        usWinDescent=-descender,
    )
    fb.setupPost()
    fb.save(path)
    return path
