"""Constants and helpers shared by the export tests."""

from __future__ import annotations

from fontassist import resources

# Taiwanese common characters Zen Maru Gothic lacks and Noto Sans TC has.
MISSING_IN_ZEN = "丟丫乒乓乩"
# CJK Extension B, beyond the BMP.
BEYOND_BMP = "\U00020021"


def charset(name: str) -> list[str]:
    """A bundled charset list, one character per line."""
    text = (resources.CHARSETS / name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]
