import json
import os
import signal

from fontassist import resources
from fontassist.cli import main
from fontassist.train import Trainer, load_checkpoint

from .tiny import TINY_MODEL_FLAGS, tiny_chars

TINY = ["--chars", tiny_chars(), *TINY_MODEL_FLAGS, "--validation", "8", "--batch", "4", "--device", "cpu"]
FONTS = ["--source", str(resources.DEMO_SOURCE), "--target", str(resources.DEMO_TARGET)]


def test_train_resume_and_refusals(tmp_path, capsys):
    run = str(tmp_path / "run")
    assert main(["train", *FONTS, *TINY, "--steps", "2", "--out", run]) == 0
    assert "Training finished at step 2" in capsys.readouterr().out
    assert main(["train", *FONTS, *TINY, "--steps", "2", "--out", run]) == 2
    assert "already holds a training run" in capsys.readouterr().err
    assert main(["train", "--out", run, "--resume", "--size", "64"]) == 2
    assert "leave out --size" in capsys.readouterr().err
    assert main(["train", "--out", run, "--resume", "--steps", "3"]) == 0
    assert load_checkpoint(run).step == 3


def test_ctrl_c_saves_a_checkpoint_and_exits_130(tmp_path, monkeypatch, capsys):
    real_step = Trainer._train_step

    def step_then_interrupt(self, index):
        result = real_step(self, index)
        if index == 1:
            os.kill(os.getpid(), signal.SIGINT)
        return result

    monkeypatch.setattr(Trainer, "_train_step", step_then_interrupt)
    # Whatever SIGINT did before (a background CI job starts with it ignored) is restored after.
    before = signal.getsignal(signal.SIGINT)
    run = tmp_path / "run"
    assert main(["train", *FONTS, *TINY, "--steps", "50", "--out", str(run)]) == 130
    err = capsys.readouterr().err
    assert "Stopping after this step" in err and "--resume" in err
    assert load_checkpoint(run).step == 2
    assert signal.getsignal(signal.SIGINT) is before


def test_ctrl_c_before_the_run_is_set_up_does_not_offer_a_resume(tmp_path, monkeypatch, capsys):
    """Stopped while the upscaler trains (before config.json exists): --resume would only fail."""
    from fontassist.jobs import JobCancelled

    def cancelled_at_once(self):
        raise JobCancelled("Training the upscaler was cancelled; nothing was saved.")
        yield

    monkeypatch.setattr(Trainer, "__iter__", cancelled_at_once)
    run = tmp_path / "run"
    assert main(["train", *FONTS, *TINY, "--steps", "50", "--out", str(run)]) == 130
    err = capsys.readouterr().err
    assert "Start it again with the same command" in err and "--resume" not in err


def test_evaluate_and_compare_json(tiny_run, tmp_path, capsys):
    assert (
        main(["evaluate", str(tiny_run), "--json", "--device", "cpu", "--grid", str(tmp_path / "g.png")]) == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["step"] == 6 and report["glyphs"] == 8 and set(report["baseline"]) == {"l1", "ssim", "iou"}
    assert (tmp_path / "g.png").stat().st_size > 0
    ab = tmp_path / "ab.png"
    assert (
        main(["compare", str(tiny_run), str(tiny_run / "step-000004.pt"), "--grid", str(ab), "--json"]) == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["a"]["step"] == 6 and report["b"]["step"] == 4 and report["glyphs"] == 8
    assert ab.stat().st_size > 0
    assert main(["compare", str(tiny_run), str(tiny_run / "step-000004.pt")]) == 0
    assert "baseline" in capsys.readouterr().out


def test_evaluate_a_broken_checkpoint_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a checkpoint at all")
    assert main(["evaluate", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("fontassist: error:") and "bad.pt" in err and "\n" not in err


def test_generate_missing_and_explicit_chars(tiny_run, tmp_path, capsys):
    out = tmp_path / "gen"
    assert (
        main(
            [
                "generate",
                str(tiny_run),
                *FONTS,
                "--chars",
                "永東國",
                "--out",
                str(out),
                "--grid",
                str(tmp_path / "sheet.png"),
                "--device",
                "cpu",
            ]
        )
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == ["U+570B.png", "U+6771.png", "U+6C38.png", "quality.json"]
    text = capsys.readouterr().out
    # No upscaler paired with the tiny run: the PNGs are the glyphs as drawn.
    assert "Generated 3 glyphs" in text and "drawn at 32 px." in text and "enlarged" not in text
    assert (
        main(
            [
                "generate",
                str(tiny_run),
                "--source",
                str(resources.DEMO_SOURCE),
                "--missing",
                "--out",
                str(out),
            ]
        )
        == 2
    )
    assert "--missing needs --target" in capsys.readouterr().err
    assert (
        main(
            [
                "generate",
                str(tiny_run),
                *FONTS,
                "--missing",
                "--chars",
                "永一丁",
                "--out",
                str(tmp_path / "m"),
            ]
        )
        == 0
    )
    assert [p.name for p in (tmp_path / "m").glob("*.png")] == []  # the target has all three


def test_train_options_take_defaults_and_help_from_the_dataclasses():
    import dataclasses

    from fontassist.cli import build_parser
    from fontassist.cli.train_commands import _TRAIN_OPTIONS, _config_from_args
    from fontassist.configfields import help_text
    from fontassist.model import ModelConfig
    from fontassist.train import TrainConfig

    train = build_parser()._subparsers._group_actions[0].choices["train"]
    actions = {a.option_strings[0]: a for a in train._actions if a.option_strings}
    for _group, flag, name, _extras in _TRAIN_OPTIONS:
        cls, field = (ModelConfig, name[6:]) if name.startswith("model.") else (TrainConfig, name)
        declared = help_text(cls, field)
        assert declared, f"{cls.__name__}.{field} has no help text"
        assert declared in actions[flag].help, flag
        assert actions[flag].default is None, flag  # not given = the dataclass's default
        default = {f.name: f for f in dataclasses.fields(cls)}[field].default
        if default not in (None, dataclasses.MISSING) and not isinstance(default, bool):
            shown = (
                ",".join(map(str, default))
                if isinstance(default, tuple)
                else f"{default:g}"
                if isinstance(default, float)
                else str(default)
            )
            assert f"(default {shown})" in actions[flag].help, flag
    # Every TrainConfig / ModelConfig field with a help text is reachable from the command line.
    covered = {name for _g, _f, name, _e in _TRAIN_OPTIONS}
    for cls, prefix in ((TrainConfig, ""), (ModelConfig, "model.")):
        for f in dataclasses.fields(cls):
            if f.metadata.get("help") and f.name not in (
                "source_face",
                "target_face",
                "charset",
                "model",
                "device",
            ):
                assert prefix + f.name in covered, f"{prefix}{f.name} has help but no train flag"
    # With only the fonts given, the command line builds exactly the dataclasses' default config.
    args = build_parser().parse_args(["train", *FONTS, "--out", "run"])
    assert _config_from_args(args) == TrainConfig(str(resources.DEMO_SOURCE), str(resources.DEMO_TARGET))


def test_the_cli_parser_does_not_import_torch():
    import subprocess
    import sys

    code = (
        "import sys; from fontassist.cli import build_parser; build_parser(); print('torch' in sys.modules)"
    )
    assert (
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()
        == "False"
    )
