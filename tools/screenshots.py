"""Screenshots of every page of the desktop app, on the bundled demo fonts, for the docs and for review.

    python tools/screenshots.py [FOLDER] [--steps 80] [--size 64] [--ab-runs RUN_A RUN_B]

Writes fonts.png, characters.png, train.png, review.png, review-outlines.png,
ab.png and export.png into FOLDER (default docs/screenshots/) in English, and
the same in Traditional Chinese into FOLDER/zh_TW/, all at 1366×768 (a common
laptop screen). Runs offscreen (QT_QPA_PLATFORM=offscreen), with settings and
caches in a temporary folder. In English the Train page is captured during a
short CPU run (stopped once the shot is taken), so it shows live curves and a
preview; the Traditional Chinese pass opens the project the English pass
saved, so its Train page shows that run's curves. The Review and Export pages
show the bundled demo model's glyphs. The A/B tab compares two existing run
folders given with --ab-runs (each stands for its newest checkpoint, e.g. a
BatchNorm and an InstanceNorm run of the same length), else two short runs
trained here that differ only in normalization (--ab-steps each).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WINDOW_SIZE = (1366, 768)


def wait_until(app, condition, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)
    return True


def settle(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def check_ab_runs(paths) -> str:
    """Why these two paths cannot be compared (each must be a checkpoint or a run folder with one), or ""."""
    for path in paths:
        path = Path(path)
        if path.is_file() and path.suffix == ".pt":
            continue
        if not path.is_dir():
            return f"{path} is neither a run folder nor a checkpoint"
        if not any(path.glob("*.pt")):
            return f"{path} has no checkpoint yet (no last.pt or step-*.pt)"
    return ""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--steps", type=int, default=80, help="length of the run shown on the Train page")
    parser.add_argument("--size", type=int, default=64, help="image size of that run")
    parser.add_argument(
        "--ab-steps", type=int, default=80, help="length of each of the two runs shown on the A/B tab"
    )
    parser.add_argument(
        "--ab-runs",
        nargs=2,
        type=Path,
        metavar=("RUN_A", "RUN_B"),
        help="two run folders (or checkpoints) for the A/B tab, instead of training two short runs",
    )
    args = parser.parse_args(argv)
    if args.ab_runs:
        problem = check_ab_runs(args.ab_runs)
        if problem:
            parser.error(problem)

    scratch = Path(tempfile.mkdtemp(prefix="fontassist-shots-"))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["FONTASSIST_CACHE_DIR"] = str(scratch / "cache")
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")

    from PySide6.QtCore import QSettings

    from fontassist.app.application import add_cjk_fallback, create_application
    from fontassist.app.common.i18n import install_translators
    from fontassist.app.common.settings import AppSettings
    from fontassist.app.common.worker import wait_for_workers
    from fontassist.app.mainwindow import MainWindow

    app = create_application([])
    add_cjk_fallback()
    folder = Path(args.folder)
    project = scratch / "screenshots.fontassist.json"
    passes = (("en", folder), ("zh_TW", folder / "zh_TW"))
    for language, out in passes:
        install_translators(app, language)
        out.mkdir(parents=True, exist_ok=True)
        window = MainWindow(AppSettings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)))
        window.ask = lambda *a: a[-1]  # the dialogs' defaults, never a modal box offscreen
        window.startWithFonts(None, None)
        window.resize(*WINDOW_SIZE)
        window.show()
        settle(app)
        first = language == "en"
        if not first:
            window.openProject(project)
        code = capture(app, window, args, scratch, out, train=first)
        if code:
            return code
        if first:
            window._save_to(project)
        window.session.setModified(False)
        window.close()
        wait_for_workers()
    install_translators(app, "en")
    return 0


def capture(app, window, args, scratch: Path, folder: Path, *, train: bool) -> int:
    """Every page of ``window`` into ``folder``; ``train``: run (and keep) the runs the pages show."""
    from fontassist import resources

    def shot(name: str) -> None:
        settle(app)
        path = folder / f"{name}.png"
        window.grab().save(str(path), "PNG", 0)  # quality 0: the strongest PNG compression
        print(f"wrote {path}")

    window.goTo("fonts")
    shot("fonts")
    window.goTo("characters")
    shot("characters")

    page = window.train_page
    window.goTo("train")
    if not wait_until(app, lambda: page.engine is not None, 180):
        print("the training engine did not load", file=sys.stderr)
        return 1
    if train:
        eval_every = max(1, args.steps // 12)
        window.session.setTrainSettings(
            {
                "batch_size": 8,
                "steps": args.steps,
                "lr": 1e-3,
                "device": "cpu",
                "eval_every": eval_every,
                "preview_every": eval_every * 2,
                "checkpoint_every": args.steps,
                "validation": 24,
                "model": {
                    "image_size": args.size,
                    "base_channels": 8,
                    "max_channels": 64,
                    "attention": [16],
                    "norm": "instance",
                    "disc_channels": 8,
                },
            }
        )
        page.setNewRunDir(scratch / "run")
        if not page.startTraining():
            print(f"training did not start: {page.error.text()}", file=sys.stderr)
            return 1
        # Capture while it runs: past two thirds, with a few evaluations and previews in.
        wait_until(app, lambda: not page.isTraining() or page.progress.value() >= args.steps * 2 // 3, 900)
        shot("train")
        if page.isTraining():
            page.stopTraining()
            wait_until(app, lambda: not page.isTraining(), 300)
    else:
        shot("train")  # the project's run, its curves read back from its history

    # Review: the bundled demo model draws the 647 tw-edu-4808 characters the demo target lacks.
    state = window.review_state
    state.setCheckpoint(resources.DEMO_MODEL)
    window.goTo("review")
    review = window.review_page
    if not wait_until(app, lambda: state.glyphs is not None and not state.isBusy(), 300):
        print(f"the glyphs were not generated: {review.message.text()}", file=sys.stderr)
        return 1
    chars = state.glyphs.chars
    flagged = [c for c, f in zip(chars, state.glyphs.flags, strict=False) if f["score"] >= 1.0]
    state.setStatus([c for c in chars[:40] if c not in flagged], "accepted")
    state.setStatus(flagged[:3], "rejected")
    review.selectChar(next(c for c in chars[40:] if c in flagged))
    settle(app, 1.0)
    shot("review")
    review.setFilters(flag="flagged", sort="doubt")
    review.outline_button.click()
    review.cell_slider.setValue(88)

    def visible_cells_traced() -> bool:
        # Every cell on screen has its outline (asking queues those not yet traced).
        grid, model = review.grid, review.grid_model
        shown = grid.viewport().rect()
        rows = [r for r in range(model.rowCount()) if grid.visualRect(model.index(r)).intersects(shown)]
        return bool(rows) and all(model.outlines.outline(model._source.char(r)) is not None for r in rows)

    settle(app, 0.5)
    if not wait_until(app, visible_cells_traced, 600):
        print("the outlines on screen were not traced in time", file=sys.stderr)
        return 1
    settle(app, 1.0)
    shot("review-outlines")
    review.raster_button.click()
    review.cell_slider.setValue(64)
    review.setFilters(flag="any", sort="order")

    # A/B: the Train page's settings once with BatchNorm and once with InstanceNorm, then compared.
    review.tabs.setCurrentWidget(review.ab_page)
    ab = review.ab_page
    ab_runs = scratch / "ab-runs"
    if args.ab_runs:
        ab.setRuns(*args.ab_runs)  # runs made elsewhere, long enough to show what the choice changes
        ab.compare()
    elif train:
        window.session.setTrainSettings(
            dict(window.session.project.train, steps=args.ab_steps, checkpoint_every=args.ab_steps)
        )
        if not ab.trainBoth(ab_runs):
            print(f"train both did not start: {ab.message.text()}", file=sys.stderr)
            return 1
    else:
        ab.setRuns(*sorted(ab_runs.iterdir()))
        ab.compare()
    if not wait_until(app, lambda: ab.result is not None and not ab.isBusy(), 1200):
        print(f"the A/B comparison did not finish: {ab.status.text()} {ab.message.text()}", file=sys.stderr)
        return 1
    ab.selectRow(0)
    settle(app, 1.0)
    shot("ab")
    review.tabs.setCurrentIndex(0)

    # Export: the accepted glyphs merged into a copy of the demo target, then set in text.
    window.goTo("export")
    export = window.export_page
    out = scratch / f"export-{folder.name}"
    out.mkdir()
    export.exportFont(out / "ZenMaruGothicTC-Regular.ttf")
    if not wait_until(app, lambda: not export.isBusy(), 600) or export.report is None:
        print(f"the export failed: {export.message.text()}", file=sys.stderr)
        return 1
    export.text_preview.setText("永和" + "".join(chars[:6]) + "東風")
    settle(app, 1.0)
    shot("export")
    return 0


if __name__ == "__main__":
    sys.exit(main())
