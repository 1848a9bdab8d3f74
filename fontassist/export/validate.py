"""Checking a written font: it reloads with fontTools and passes the OpenType Sanitizer."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError

from fontassist.errors import FontAssistError


@dataclass(frozen=True)
class ValidationResult:
    """``ok`` when both checks pass; ``messages`` holds what they reported
    (OTS prints warnings even for fonts it accepts)."""

    ok: bool
    messages: tuple[str, ...]

    def summary(self) -> str:
        return "; ".join(self.messages) if self.messages else ("valid" if self.ok else "invalid")


def validate_font(path: str | os.PathLike) -> ValidationResult:
    """Reload ``path`` with fontTools (every table decompiled) and run OTS on it."""
    path = Path(path)
    messages: list[str] = []
    reload_ok = _reloads(path, messages)
    ots_ok = _sanitizes(path, messages)
    return ValidationResult(reload_ok and ots_ok, tuple(messages))


def _reloads(path: Path, messages: list[str]) -> bool:
    try:
        with TTFont(path, lazy=False) as font:
            font.ensureDecompiled()
            glyph_count = len(font.getGlyphOrder())
            if font["maxp"].numGlyphs != glyph_count:
                messages.append(
                    f"fontTools: maxp says {font['maxp'].numGlyphs} glyphs, the font has {glyph_count}"
                )
                return False
    except (TTLibError, OSError, KeyError, ValueError, AssertionError) as error:
        # Decompiling a broken table can fail in many ways; whichever it is, the font is unusable.
        messages.append(f"fontTools cannot read it back: {error}")
        return False
    return True


def _sanitizes(path: Path, messages: list[str]) -> bool:
    try:
        import ots
    except ImportError as error:
        raise FontAssistError(
            "The OpenType Sanitizer is not installed, so the font cannot be validated.",
            hint="Install the 'opentype-sanitizer' package, or export without validation.",
        ) from error
    # With no output file ots-sanitize checks and discards its result: nothing to clean up.
    result = ots.sanitize(os.fspath(path), capture_output=True)
    for stream in (result.stderr, result.stdout):
        for line in stream.decode("utf-8", "replace").splitlines():
            line = line.strip()
            if line and line != "File sanitized successfully!":
                messages.append(f"OTS: {line}")
    if result.returncode != 0 and not any(m.startswith("OTS:") for m in messages):
        messages.append(f"OTS: rejected the font (exit status {result.returncode})")
    return result.returncode == 0
