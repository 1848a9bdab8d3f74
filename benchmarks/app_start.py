"""Cold start of the desktop app: from launching Python to the main window shown on the demo fonts.

    python benchmarks/app_start.py [--runs 5]

Each run is a fresh ``python -c`` process with QT_QPA_PLATFORM=offscreen and an
empty settings folder; it opens the window exactly as ``fontassist`` does
(demo fonts, coverage, samples, the character plan) and prints when the window
is shown and painted. The wall time is measured here, from before the process
starts, so interpreter start-up and every import count. ``python -c pass`` is
timed too, to show how much of it is Python itself. The child also reports
whether torch or pyqtgraph were imported by then (they must not be).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, sys, time
started = time.perf_counter()
from fontassist.app.application import create_application, open_main_window
app = create_application([])
window = open_main_window()
app.processEvents()
window.repaint()
shown = time.perf_counter()
heavy = [m for m in ("torch", "pyqtgraph") if m in sys.modules]
print(json.dumps({"in_process_s": shown - started, "heavy_imports": heavy}), flush=True)
window.session.setModified(False)
"""


def timed(args: list[str], env: dict, marker: str | None) -> tuple[float, str]:
    """Seconds until ``marker`` appears on stdout (or the process ends), and that line."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    line = ""
    for line in process.stdout:
        if marker is None or marker in line:
            break
    elapsed = time.perf_counter() - start
    process.stdout.read()
    process.wait(timeout=120)
    return elapsed, line.strip()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    config = tempfile.mkdtemp(prefix="fontassist-start-")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=config,
        FONTASSIST_CACHE_DIR=config,
        PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )

    python = [timed([sys.executable, "-c", "pass"], env, None)[0] for _ in range(args.runs)]
    shown, inside, heavy = [], [], set()
    for _ in range(args.runs):
        elapsed, line = timed([sys.executable, "-c", CHILD], env, "in_process_s")
        report = json.loads(line)
        shown.append(elapsed)
        inside.append(report["in_process_s"])
        heavy.update(report["heavy_imports"])

    print(f"runs: {args.runs} (offscreen, fresh process each)")
    print(f"python -c pass:              median {statistics.median(python) * 1000:6.0f} ms")
    print(
        f"launch to window shown:      median {statistics.median(shown) * 1000:6.0f} ms  "
        f"(min {min(shown) * 1000:.0f}, max {max(shown) * 1000:.0f})"
    )
    print(
        f"  of which in fontassist:    median {statistics.median(inside) * 1000:6.0f} ms  (imports, window, demo fonts)"
    )
    print(f"heavy modules imported by then: {', '.join(sorted(heavy)) or 'none'}")
    return 1 if heavy else 0


if __name__ == "__main__":
    sys.exit(main())
