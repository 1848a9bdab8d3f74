"""The render cache on disk is bounded and can be emptied (``fontassist cache --clear``)."""

from __future__ import annotations

import os

from fontassist import resources
from fontassist.cli import main
from fontassist.fonts import open_font, render
from fontassist.fonts.render import CACHE


def test_the_disk_cache_keeps_to_its_bound_and_clears(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FONTASSIST_CACHE_DIR", str(tmp_path))
    font = open_font(resources.DEMO_SOURCE)
    for size in (16, 20, 24):
        CACHE.clear_memory()
        render(font, "永東國酬愛", size)
    assert len(CACHE.files()) == 3
    one = max(os.path.getsize(e.path) for e in CACHE.files())
    monkeypatch.setenv("FONTASSIST_CACHE_MAX_MB", str(2.5 * one / 1e6))
    CACHE.clear_memory()
    render(font, "永東國酬愛", 28)
    assert CACHE.disk_bytes() <= 2.5 * one and len(CACHE.files()) == 2
    assert main(["cache"]) == 0 and str(tmp_path) in capsys.readouterr().out
    assert main(["cache", "--clear"]) == 0
    assert CACHE.files() == [] and "Removed 2 files" in capsys.readouterr().out
