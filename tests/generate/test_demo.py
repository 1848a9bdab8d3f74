"""The bundled demo model and ``fontassist demo``: what the README's first command runs."""

import json

import numpy as np
from PIL import Image

from fontassist import resources
from fontassist.cli import main
from fontassist.fonts import missing_from_target, named_charset, open_font
from fontassist.train import load_checkpoint
from fontassist.train.similarity import iou


def test_bundled_model_is_small_and_complete():
    checkpoint = load_checkpoint(resources.DEMO_MODEL)
    assert not checkpoint.training and checkpoint.config.model.image_size == 64
    assert resources.DEMO_MODEL.stat().st_size < 8_000_000
    model = checkpoint.build_generator()
    assert sum(p.numel() for p in model.parameters()) > 100_000
    assert len(checkpoint.validation_chars) == 500
    # Paired with its upscaler (issue 17): glyphs drawn at 64 px are traced at 256 px.
    assert checkpoint.upscaler is not None and checkpoint.upscaler["size"] == 64
    assert not set(checkpoint.validation_chars) & set(checkpoint.data["train_chars"])


def test_demo_generates_what_zen_maru_gothic_lacks(tmp_path, capsys):
    out = tmp_path / "demo-out"
    assert main(["demo", "--out", str(out), "--device", "cpu"]) == 0
    source, target = open_font(resources.DEMO_SOURCE), open_font(resources.DEMO_TARGET)
    missing = missing_from_target(source, target, named_charset("tw-edu-4808"))
    assert len(missing) == 647
    names = {p.name for p in out.glob("U+*.png")}
    assert names == {f"U+{ord(c):04X}.png" for c in missing}
    assert (out / "contact-sheet.png").is_file()
    picture = np.asarray(Image.open(out / f"U+{ord(missing[0]):04X}.png"))
    # Black ink on white paper, with some ink; upscaled 4x, as traced.
    assert picture.shape == (256, 256) and picture.max() == 255 and (picture < 128).mean() > 0.03
    report = json.loads((out / "quality.json").read_text())
    assert len(report) == 647
    text = capsys.readouterr().out
    assert "Generated 647 glyphs" in text and "OpenType Sanitizer: passed" in text
    # The PNGs and the outlines are 256 px, and the output says so (it said "at 64 px").
    assert "drawn at 64 px, enlarged to 256 px by the target's upscaler" in text
    assert "Traced the 256 px glyphs" in text
    # The font: Zen Maru Gothic with the 647 glyphs added, where the rasters put them.
    font = open_font(out / "ZenMaruGothicTC-Demo.ttf")
    assert font.family == "Zen Maru Gothic TC Demo" and all(font.has(c) for c in missing)
    assert font.glyph_count == target.glyph_count + 647
    from fontassist.fonts import render

    again = render(font, missing[:50], 256, cache=False).images >= 128
    generated = (
        np.stack([255 - np.asarray(Image.open(out / f"U+{ord(c):04X}.png")) for c in missing[:50]]) >= 128
    )
    assert iou(again, generated).mean() > 0.9


def test_bundled_model_evaluates_on_any_machine(tmp_path, monkeypatch):
    """demo.pt records the paths of the machine it was trained on; where those are gone, the
    bundled fonts with the same content stand in, so `fontassist evaluate demo.pt` just works."""
    from dataclasses import replace

    from fontassist.train import evaluate

    checkpoint = load_checkpoint(resources.DEMO_MODEL)
    checkpoint.config = replace(
        checkpoint.config,
        source=str(tmp_path / "gone" / "source.ttf"),
        target=str(tmp_path / "gone" / "target.ttf"),
    )
    result = evaluate(checkpoint, device="cpu", chars=checkpoint.validation_chars[:40])
    assert result.metrics["iou"] > result.baseline["iou"]
