import numpy as np
import pytest

from fontassist.errors import FontAssistError
from fontassist.train import compare, evaluate, load_checkpoint
from fontassist.train.similarity import glyph_metrics, mean_metrics


def test_evaluate_scores_the_held_out_glyphs(tiny_run):
    result = evaluate(tiny_run, device="cpu")
    checkpoint = load_checkpoint(tiny_run)
    assert result.chars == checkpoint.validation_chars and result.step == 6
    assert result.generated.shape == result.target.shape == (8, 32, 32)
    assert result.metrics == pytest.approx(mean_metrics(glyph_metrics(result.generated, result.target)))
    assert result.baseline == pytest.approx(mean_metrics(glyph_metrics(result.source, result.target)))
    # The saved evaluation of the last step is the same computation.
    assert checkpoint.metrics == pytest.approx(result.metrics)
    d = result.to_dict(per_glyph=True)
    assert len(d["per_glyph"]) == 8 and d["per_glyph"][0]["codepoint"].startswith("U+")
    grid = result.grid(4)
    assert grid.dtype == np.uint8 and grid.shape == (3 * 34 + 2, 4 * 34 + 2)


def test_compare_uses_shared_validation_glyphs(tiny_run):
    result = compare(tiny_run, tiny_run / "step-000004.pt", device="cpu")
    assert result.chars == result.a.chars == result.b.chars and len(result.chars) == 8
    assert result.a.step == 6 and result.b.step == 4
    assert result.a.baseline == pytest.approx(result.b.baseline)
    assert set(result.winner().values()) <= {"a", "b", "tie"}
    assert result.grid(5).shape == (4 * 34 + 2, 5 * 34 + 2)
    assert result.to_dict()["b"]["step"] == 4


def test_compare_refuses_runs_without_shared_glyphs(tiny_run, tmp_path):
    from fontassist.train.checkpoint import save_checkpoint

    other = load_checkpoint(tiny_run)
    raw = {
        "format": "fontassist-checkpoint",
        "version": 1,
        "config": other.config.to_dict(),
        "step": 1,
        "generator": other.generator_state,
        "data": {**other.data, "val_chars": "龜"},
    }
    save_checkpoint(tmp_path / "other.pt", raw)
    with pytest.raises(FontAssistError, match="share no validation glyphs"):
        compare(tiny_run, tmp_path / "other.pt", device="cpu")


def test_moved_fonts_say_how_to_point_at_them(tiny_run, tmp_path):
    with pytest.raises(FontAssistError, match="--source / --target"):
        evaluate(tiny_run, device="cpu", source=tmp_path / "gone.ttf")


def test_compare_reports_progress_and_can_be_cancelled(tiny_run):
    import pytest

    from fontassist.jobs import CancelToken, JobCancelled

    calls = []
    compare(tiny_run, tiny_run / "step-000004.pt", device="cpu", progress=lambda *call: calls.append(call))
    assert calls == [(0, 2, "Scoring A"), (1, 2, "Scoring B"), (2, 2, "Scored")]  # the models scored
    cancel = CancelToken()
    with pytest.raises(JobCancelled, match="cancelled"):
        compare(
            tiny_run,
            tiny_run / "step-000004.pt",
            device="cpu",
            progress=lambda *_: cancel.cancel(),
            cancel=cancel,
        )
