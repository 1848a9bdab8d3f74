import shutil

from fontassist import resources
from fontassist.app.fonts import system_fonts
from fontassist.app.fonts.system_fonts import SystemFont, from_folders, scan_system_fonts


def test_folder_scan_finds_outline_fonts_and_skips_broken_files(tmp_path):
    nested = tmp_path / "nested"
    nested.mkdir()
    shutil.copy(resources.DEMO_TARGET, nested / "Zen.ttf")
    (tmp_path / "broken.otf").write_bytes(b"OTTO" + b"\0" * 20)
    (tmp_path / "notes.txt").write_text("not a font")
    fonts = from_folders([tmp_path, tmp_path / "missing"])
    assert fonts == [SystemFont("Zen Maru Gothic", "Regular", str(nested / "Zen.ttf"), 0)]


def test_scan_falls_back_to_folders_without_fontconfig(monkeypatch, tmp_path):
    shutil.copy(resources.DEMO_SOURCE, tmp_path / "Noto.ttf")
    monkeypatch.setattr(system_fonts, "from_fontconfig", lambda: None)
    monkeypatch.setattr(system_fonts, "font_folders", lambda: [tmp_path])
    assert [f.name for f in scan_system_fonts()] == ["Noto Sans TC Regular"]


def test_fontconfig_listing_when_available():
    fonts = system_fonts.from_fontconfig()
    if fonts is None:  # no fc-list on this machine: the folder scan covers it
        assert shutil.which("fc-list") is None
        return
    assert all(f.path and f.family for f in fonts)
    assert all(
        f.path.lower().rsplit(".", 1)[-1] in ("ttf", "otf", "ttc", "otc", "woff", "woff2") for f in fonts
    )
