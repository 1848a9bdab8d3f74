"""generate → trace → font, and batch glyph export, on real glyphs (rendered Noto Sans TC stands in for a model)."""

import numpy as np
import pytest
from fontTools.ttLib import TTFont
from PIL import Image

from fontassist.cli import main
from fontassist.errors import FontAssistError
from fontassist.export import validate_font
from fontassist.fonts import missing_from_target, named_charset, open_font, render
from fontassist.jobs import JobCancelled
from fontassist.pipeline import outline_svg, trace_glyphs, write_font, write_glyph_files
from fontassist.train.similarity import iou
from fontassist.vector import TraceSettings, trace_outline
from tests.cancelling import CancelAfter


@pytest.fixture(scope="module")
def missing_rasters(demo_source, demo_target):
    source, target = open_font(demo_source), open_font(demo_target)
    chars = missing_from_target(source, target, named_charset("tw-edu-4808"))[:24]
    rendered = render(source, chars, 128)
    return rendered.images, rendered.chars, target.frame(128), target


@pytest.mark.parametrize("mode", ["merge", "new"])
def test_written_font_holds_the_glyphs_where_the_rasters_put_them(tmp_path, missing_rasters, mode):
    images, chars, frame, target = missing_rasters
    out = tmp_path / f"{mode}.ttf"
    # The rasters are Noto Sans (with stroke contrast): evening their width out for the monoline
    # target would reshape them on purpose; this test is about where the glyphs land.
    report = write_font(
        images,
        chars,
        frame,
        target,
        out,
        family="Zen Maru Gothic TC",
        mode=mode,
        trace_settings=TraceSettings(even_width=False),
    )
    assert report.validation.ok and validate_font(out).ok
    written = open_font(out)
    assert all(written.has(c) for c in chars)
    if mode == "merge":
        assert written.glyph_count == target.glyph_count + len(chars)
    again = render(written, chars, 128, cache=False).images
    assert min(iou(a, b) for a, b in zip(again, images, strict=False)) > 0.9
    assert TTFont(out)["name"].getDebugName(1) == "Zen Maru Gothic TC"


def test_cancel_leaves_no_file(tmp_path, missing_rasters):
    images, chars, frame, target = missing_rasters
    out = tmp_path / "cancelled.ttf"
    with pytest.raises(JobCancelled, match="no file was written"):
        write_font(images, chars, frame, target, out, family="X Sans", cancel=CancelAfter(5))
    assert not out.exists() and list(tmp_path.iterdir()) == []
    with pytest.raises(JobCancelled, match="Tracing was cancelled"):
        trace_glyphs(images, chars, frame, cancel=CancelAfter(0))


def test_tracing_in_worker_processes_gives_the_same_outlines(missing_rasters, monkeypatch):
    import fontassist.pipeline as pipeline

    images, chars, frame, target = missing_rasters
    monkeypatch.setattr(pipeline, "TRACE_CHUNK", 4)  # 24 glyphs: six chunks for two workers
    alone = trace_glyphs(images, chars, frame, target=target, workers=1)
    pooled = trace_glyphs(images, chars, frame, target=target, workers=2)
    assert [g.char for g in pooled] == [g.char for g in alone] == list(chars)
    for a, b in zip(alone, pooled, strict=True):
        assert list(a.glyph.coordinates) == list(b.glyph.coordinates)
        assert list(a.glyph.flags) == list(b.glyph.flags)
        assert a.glyph.endPtsOfContours == b.glyph.endPtsOfContours
    with pytest.raises(JobCancelled, match="Tracing was cancelled"):
        trace_glyphs(images, chars, frame, target=target, workers=2, cancel=CancelAfter(3))


def test_svg_glyph_files_are_the_glyphs_traced_one_by_one(tmp_path, missing_rasters, monkeypatch):
    import fontassist.pipeline as pipeline

    images, chars, frame, target = missing_rasters
    monkeypatch.setattr(pipeline, "TRACE_CHUNK", 4)  # twelve glyphs: three chunks for two workers
    written = write_glyph_files(images[:12], chars[:12], frame, tmp_path, "svg", target=target, workers=2)
    settings = pipeline.settings_for(None, target)
    for path, raster in zip(written, images[:12], strict=True):
        assert path.read_text(encoding="utf-8") == outline_svg(trace_outline(raster, frame, settings), frame)


def test_a_failed_svg_write_stops_the_worker_processes_at_once(tmp_path, missing_rasters, monkeypatch):
    import multiprocessing

    import fontassist.pipeline as pipeline

    images, chars, frame, _ = missing_rasters
    monkeypatch.setattr(pipeline, "TRACE_CHUNK", 2)  # twelve glyphs: six chunks for two workers
    real_write, writes = pipeline.write_text, []

    def disk_full_on_the_third(path, text, **kwargs):
        writes.append(path)
        if len(writes) == 3:
            raise OSError(28, "No space left on device")
        real_write(path, text, **kwargs)

    monkeypatch.setattr(pipeline, "write_text", disk_full_on_the_third)
    with pytest.raises(OSError, match="No space") as failed:
        write_glyph_files(images[:12], chars[:12], frame, tmp_path, "svg", workers=2)
    # While the error (and the frames it holds) is still alive, the pool is already shut down.
    assert failed.value is not None and multiprocessing.active_children() == []


def test_tracing_falls_back_to_one_process_when_workers_fail(missing_rasters, monkeypatch, caplog):
    import fontassist.pipeline as pipeline

    images, chars, frame, _ = missing_rasters
    monkeypatch.setattr(pipeline, "TRACE_CHUNK", 4)

    def no_processes(*args, **kwargs):
        raise OSError("process creation is not allowed here")

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", no_processes)
    traced = trace_glyphs(images[:12], chars[:12], frame, workers=2)
    assert [g.char for g in traced] == list(chars[:12])
    assert "tracing in one process" in caplog.text


def test_trace_workers_are_the_cores_at_most_the_limit():
    from fontassist.pipeline import trace_workers

    assert trace_workers(1) == 1
    assert 1 <= trace_workers() == trace_workers(10_000)
    assert trace_workers(2) == min(2, trace_workers())


def test_bad_mode_and_empty_input(tmp_path, missing_rasters):
    images, chars, frame, target = missing_rasters
    with pytest.raises(FontAssistError, match="Unknown export mode"):
        write_font(images, chars, frame, target, tmp_path / "a.ttf", family="X", mode="overwrite")
    with pytest.raises(FontAssistError, match="no glyphs"):
        write_font(images[:0], [], frame, target, tmp_path / "a.ttf", family="X")


def test_svg_view_box_is_the_em_frame(missing_rasters):
    images, chars, frame, _ = missing_rasters
    svg = outline_svg(trace_outline(images[0], frame), frame)
    assert 'viewBox="0 -880 1000 1000"' in svg and "<path" in svg and ' d="M' in svg
    margin_frame = frame.__class__(1000, -120, 100, 0.1)
    with_margin = outline_svg(trace_outline(np.zeros((100, 100), np.uint8), margin_frame), margin_frame)
    assert 'viewBox="-100 -980 1200 1200"' in with_margin


@pytest.mark.parametrize("fmt", ["png", "svg", "ttf"])
def test_batch_glyph_files(tmp_path, missing_rasters, fmt):
    images, chars, frame, target = missing_rasters
    written = write_glyph_files(
        images[:5], chars[:5], frame, tmp_path / fmt, fmt, target=target, family="Batch Test"
    )
    if fmt == "ttf":
        assert len(written) == 1 and validate_font(written[0]).ok
        assert all(open_font(written[0]).has(c) for c in chars[:5])
    else:
        assert sorted(p.name for p in written) == sorted(f"U+{ord(c):04X}.{fmt}" for c in chars[:5])


def test_trace_options_change_the_outline(missing_rasters):
    images, chars, frame, _ = missing_rasters
    loose = trace_glyphs(images[:3], chars[:3], frame, TraceSettings(tolerance=1.5))
    tight = trace_glyphs(images[:3], chars[:3], frame, TraceSettings(tolerance=0.1))
    assert sum(g.glyph.numberOfContours for g in loose) == sum(g.glyph.numberOfContours for g in tight)
    assert sum(len(g.glyph.coordinates) for g in loose) < sum(len(g.glyph.coordinates) for g in tight)


def test_glyphs_command_from_a_font(tmp_path, capsys, demo_target):
    assert (
        main(
            [
                "glyphs",
                "--font",
                str(demo_target),
                "--chars",
                "永東",
                "--format",
                "svg",
                "--out",
                str(tmp_path / "s"),
            ]
        )
        == 0
    )
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["U+6771.svg", "U+6C38.svg"]
    assert main(["glyphs", "--format", "png", "--out", str(tmp_path / "p")]) == 2
    assert "either a CHECKPOINT" in capsys.readouterr().err


def test_the_command_line_traces_in_one_process_per_core_at_most_threads(tmp_path, demo_target, monkeypatch):
    import fontassist.pipeline as pipeline

    asked = []
    real = pipeline._traced_chunks

    def recording(images, chars, frame, settings, workers, cancel):
        asked.append(workers)
        return real(images, chars, frame, settings, workers, cancel)

    monkeypatch.setattr(pipeline, "_traced_chunks", recording)
    common = ["glyphs", "--font", str(demo_target), "--chars", "永東", "--format", "svg"]
    assert main([*common, "--out", str(tmp_path / "a")]) == 0
    assert main([*common, "--out", str(tmp_path / "b"), "--threads", "1"]) == 0
    assert asked == [pipeline.trace_workers(), 1]
    # Called from Python, the core stays in this process unless asked.
    images, frame = np.zeros((1, 32, 32), np.uint8), pipeline.EmFrame(1000, -120, 32)
    images[0, 8:24, 8:24] = 255
    pipeline.trace_glyphs(images, ["一"], frame)
    assert asked[-1] == 1


def test_export_command_end_to_end(tmp_path, capsys, tiny_run, demo_source, demo_target):
    out = tmp_path / "ZenTC.ttf"
    args = [
        "export",
        str(tiny_run),
        "--source",
        str(demo_source),
        "--target",
        str(demo_target),
        "--chars",
        "丟丫么永",
        "--out",
        str(out),
        "--family",
        "Zen Maru Gothic TC",
        "--threads",
        "1",
    ]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "left out 1 characters" in text and "passed" in text
    font = open_font(out)
    assert all(font.has(c) for c in "丟丫么")
    # a bad output path is refused before any generating, and the input survives
    before = demo_target.read_bytes()
    args[args.index(str(out))] = str(demo_target)
    assert main(args) == 2
    assert "never overwrites" in capsys.readouterr().err and demo_target.read_bytes() == before
    args[args.index(str(demo_target))] = str(tmp_path / "no" / "such" / "dir.ttf")
    assert main(args) == 2
    assert "does not exist" in capsys.readouterr().err


def test_glyphs_command_from_a_checkpoint(tmp_path, tiny_run, demo_source, demo_target):
    assert (
        main(
            [
                "glyphs",
                str(tiny_run),
                "--source",
                str(demo_source),
                "--target",
                str(demo_target),
                "--missing",
                "--chars",
                "丟丫么",
                "--format",
                "ttf",
                "--family",
                "Gen Test",
                "--out",
                str(tmp_path),
                "--threads",
                "1",
            ]
        )
        == 0
    )
    assert open_font(tmp_path / "GenTest.ttf").has("丟")


def test_merging_leaves_out_what_the_target_has(tmp_path, missing_rasters):
    images, chars, frame, target = missing_rasters
    has = next(c for c in "永東國" if target.has(c))
    images = np.concatenate([images, images[:1]])
    report = write_font(images, [*chars, has], frame, target, tmp_path / "m.ttf", family="X Sans")
    assert report.left_out == (has,) and report.glyphs_added == len(chars)
    with pytest.raises(FontAssistError, match="already has all 1 characters"):
        write_font(images[:1], [has], frame, target, tmp_path / "n.ttf", family="X Sans")
    assert not (tmp_path / "n.ttf").exists()


def test_glyphs_command_says_the_size_it_writes(tmp_path, capsys, demo_source, demo_target):
    """The demo model draws 64 px glyphs and its upscaler enlarges them: PNGs and outlines are 256 px."""
    from fontassist import resources

    common = ["--source", str(demo_source), "--target", str(demo_target), "--chars", "丟", "--threads", "1"]
    assert main(["glyphs", str(resources.DEMO_MODEL), *common, "--out", str(tmp_path / "p")]) == 0
    assert "Writing PNGs at 256 px: the model's 64 px glyphs enlarged" in capsys.readouterr().out
    assert Image.open(tmp_path / "p" / "U+4E1F.png").size == (256, 256)
    argv = ["glyphs", str(resources.DEMO_MODEL), *common, "--format", "svg", "--out", str(tmp_path / "s")]
    assert main(argv) == 0
    assert "Tracing at 256 px: the model's 64 px glyphs enlarged" in capsys.readouterr().out
