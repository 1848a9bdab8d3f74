import json

import numpy as np
import pytest
from PIL import Image

from fontassist import resources
from fontassist.fonts import open_font, render
from fontassist.generate import Generator, write_outputs
from fontassist.jobs import CancelToken, JobCancelled
from fontassist.train import load_checkpoint


def test_generates_in_the_target_frame(tiny_run, tmp_path):
    generator = Generator.from_checkpoint(tiny_run, device="cpu")
    source, target = open_font(resources.DEMO_SOURCE), open_font(resources.DEMO_TARGET)
    calls = []
    glyphs = generator.run(
        source,
        list("永東國\U000e0100"),
        target_font=target,
        batch_size=2,
        progress=lambda *call: calls.append(call),
    )
    assert glyphs.chars == list("永東國") and glyphs.skipped == ["\U000e0100"]
    assert glyphs.images.shape == (3, 32, 32) and glyphs.images.dtype == np.uint8
    assert glyphs.frame == target.frame(32)
    assert np.array_equal(glyphs.source_images, render(source, "永東國", 32).images)
    assert calls == [(2, 3, "Generating"), (3, 3, "Generating")] and len(glyphs.flags) == 3
    # Without a target font the frame comes from the checkpoint.
    assert generator.target_frame() == target.frame(32)

    direct = load_checkpoint(tiny_run).build_generator()
    import torch

    with torch.no_grad():
        expected = direct(torch.tensor(glyphs.source_images).float()[:, None] / 127.5 - 1)
    expected = ((expected[:, 0] + 1) * 127.5).round().clamp(0, 255).to(torch.uint8).numpy()
    assert np.array_equal(glyphs.images, expected)


def test_cancel_raises_job_cancelled_after_the_batch_in_progress(tiny_run):
    generator = Generator.from_checkpoint(tiny_run, device="cpu")
    cancel = CancelToken()
    reports = []

    def progress(done, total, message):
        reports.append((done, total, message))
        cancel.cancel()

    with pytest.raises(JobCancelled, match="Generating was cancelled"):
        generator.run(
            open_font(resources.DEMO_SOURCE),
            list("永東國酬愛"),
            batch_size=2,
            progress=progress,
            cancel=cancel,
        )
    assert reports == [(2, 5, "Generating")]


def test_outputs_are_black_on_white_pngs_by_code_point(tiny_run, tmp_path):
    generator = Generator.from_checkpoint(tiny_run, device="cpu")
    glyphs = generator.run(open_font(resources.DEMO_SOURCE), list("永東"))
    write_outputs(glyphs, tmp_path / "out", tmp_path / "sheet.png")
    picture = np.asarray(Image.open(tmp_path / "out" / "U+6C38.png"))
    assert picture.shape == (32, 32) and np.array_equal(picture, 255 - glyphs.images[0])
    report = json.loads((tmp_path / "out" / "quality.json").read_text())
    assert {r["file"] for r in report} == {"U+6C38.png", "U+6771.png"} and "score" in report[0]
    sheet = Image.open(tmp_path / "sheet.png")
    assert sheet.mode == "RGB" and sheet.size[1] >= 64
