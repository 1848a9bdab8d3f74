"""The fonts installed on this computer, with their files, for the font pickers.

fontconfig's ``fc-list`` answers at once on Linux (and wherever it is
installed); elsewhere the standard font folders of each OS are scanned and
each file's name table read with fontTools. Slow on a big font folder, so the
app calls :func:`scan_system_fonts` off the GUI thread. No Qt here.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ...fonts import FONT_FILE_TYPES

log = logging.getLogger(__name__)

_FC_FORMAT = "%{file}\\t%{index}\\t%{family[0]}\\t%{style[0]}\\n"


@dataclass(frozen=True, order=True)
class SystemFont:
    family: str
    style: str
    path: str
    face: int = 0

    @property
    def name(self) -> str:
        return f"{self.family} {self.style}".strip()


def font_folders() -> list[Path]:
    """Where fonts are installed on this OS (existing or not)."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data_home = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), data_home / "fonts", home / ".fonts"]


def _is_font_file(path: str | Path) -> bool:
    return str(path).lower().rsplit(".", 1)[-1] in FONT_FILE_TYPES


def from_fontconfig(fc_list: str = "fc-list") -> list[SystemFont] | None:
    """Outline fonts fontconfig knows about, or None when fc-list is missing or fails."""
    exe = shutil.which(fc_list)
    if exe is None:
        return None
    try:
        result = subprocess.run(
            [exe, ":outline=true", "--format", _FC_FORMAT], capture_output=True, timeout=60, check=True
        )
    except (OSError, subprocess.SubprocessError) as e:
        log.warning("fc-list failed (%s); scanning font folders instead", e)
        return None
    fonts = []
    for line in result.stdout.decode("utf-8", "replace").splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or not _is_font_file(parts[0]):
            continue
        path, index, family, style = parts
        try:
            face = int(index) & 0xFFFF  # fontconfig puts a variable font's named instance in the high bits
        except ValueError:
            face = 0
        fonts.append(SystemFont(family or Path(path).stem, style, path, face))
    return fonts


def _faces_of(path: Path) -> list[SystemFont]:
    from fontTools.ttLib import TTCollection, TTFont

    with open(path, "rb") as f:
        signature = f.read(4)
    if signature == b"ttcf":
        faces = TTCollection(str(path), lazy=True).fonts
    else:
        faces = [TTFont(str(path), lazy=True)]
    result = []
    for index, font in enumerate(faces):
        if "glyf" not in font and "CFF " not in font and "CFF2" not in font:
            continue
        name = font["name"]
        family = name.getBestFamilyName() or path.stem
        style = name.getBestSubFamilyName() or ""
        result.append(SystemFont(family, style, str(path), index))
    return result


def from_folders(folders: list[Path] | None = None) -> list[SystemFont]:
    """Every readable outline face in the font folders (unreadable files are skipped and logged)."""
    fonts = []
    for folder in folders if folders is not None else font_folders():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for filename in files:
                if not _is_font_file(filename):
                    continue
                path = Path(root) / filename
                try:
                    fonts.extend(_faces_of(path))
                except Exception as e:  # a broken font in the system folder must not stop the scan
                    log.debug("skipping %s: %s", path, e)
    return fonts


def scan_system_fonts() -> list[SystemFont]:
    """Installed outline fonts, sorted by family and style, without duplicates."""
    fonts = from_fontconfig()
    if fonts is None:
        fonts = from_folders()
    unique = sorted(set(fonts), key=lambda f: (f.family.casefold(), f.style.casefold(), f.path, f.face))
    log.info("found %d installed font faces", len(unique))
    return unique
