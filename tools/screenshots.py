"""Screenshots of every page of the desktop app, on the bundled demo fonts, for the docs and for review.

    python tools/screenshots.py [FOLDER] [--steps 120] [--size 64]

Writes fonts.png, characters.png, train.png, review.png and export.png into
FOLDER (default docs/screenshots/). Runs offscreen (QT_QPA_PLATFORM=offscreen),
with settings and caches in a temporary folder; the Train page is captured
during a short CPU run (stopped once the shot is taken), so it shows live
curves and a preview.
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

WINDOW_SIZE = (1280, 820)


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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--steps", type=int, default=120, help="length of the run shown on the Train page")
    parser.add_argument("--size", type=int, default=64, help="image size of that run")
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="fontassist-shots-"))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["FONTASSIST_CACHE_DIR"] = str(scratch / "cache")
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")

    from PySide6.QtCore import QSettings

    from fontassist.app.application import add_cjk_fallback, create_application
    from fontassist.app.mainwindow import MainWindow
    from fontassist.app.settings import AppSettings
    from fontassist.app.tasks import wait_for_background_calls

    app = create_application([])
    add_cjk_fallback()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    window = MainWindow(AppSettings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)))
    window.startWithFonts(None, None)
    window.resize(*WINDOW_SIZE)
    window.show()
    settle(app)

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
    eval_every = max(1, args.steps // 12)
    window.session.setTrainSettings({
        "size": args.size, "batch_size": 8, "steps": args.steps, "lr": 1e-3, "device": "cpu",
        "eval_every": eval_every, "preview_every": eval_every * 2, "checkpoint_every": args.steps, "validation": 24,
        "model": {"base_channels": 8, "max_channels": 64, "attention": [16], "norm": "instance", "disc_channels": 8},
    })
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

    window.goTo("review")
    shot("review")
    window.goTo("export")
    shot("export")
    window.session.setModified(False)
    window.close()
    wait_for_background_calls()
    return 0


if __name__ == "__main__":
    sys.exit(main())
