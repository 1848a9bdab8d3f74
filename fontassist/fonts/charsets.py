"""Named character sets and user-given character lists.

Named sets (all Han characters, in their standard's order):

- ``tw-edu-4808``: Taiwan Ministry of Education, 常用國字標準字體表 (4,808 common characters);
  list shipped in ``resources/charsets`` (collected by the MIT-licensed CJK-character-count project).
- ``big5``: the 13,060 Han characters of Big5 as Python's cp950 codec maps them
  (level 1 A440–C67E, level 2 C940–F9D5, and the seven ETEN additions F9D6–F9DC).
- ``big5-level1``: the 5,401 frequently used Big5 characters (A440–C67E).
- ``jis-x-0208``: the 6,355 kanji of JIS X 0208 (rows 16–84, via the euc_jp codec).
- ``gb2312``: the 6,763 hanzi of GB 2312 (rows 16–87, via the gb2312 codec).
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import resources
from ..errors import FontAssistError

_TRAIL_BYTES = frozenset(list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))


def _decode_range(codec: str, first: int, last: int, trail=_TRAIL_BYTES) -> list[str]:
    out = []
    for code in range(first, last + 1):
        if code & 0xFF not in trail:
            continue
        try:
            char = bytes([code >> 8, code & 0xFF]).decode(codec)
        except UnicodeDecodeError:
            continue
        if len(char) == 1:
            out.append(char)
    return out


def _euc_rows(codec: str, first_row: int, last_row: int) -> list[str]:
    return _decode_range(
        codec, 0xA0A1 + first_row * 0x100, 0xA0FE + last_row * 0x100, trail=frozenset(range(0xA1, 0xFF))
    )


def _read_list(name: str) -> list[str]:
    path = resources.CHARSETS / name
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


DEFAULT_CHARSET = "tw-edu-4808"  # the set every front end offers first

_NAMED = {
    DEFAULT_CHARSET: lambda: _read_list("tw-edu-4808.txt"),
    "big5": lambda: _decode_range("cp950", 0xA440, 0xC67E) + _decode_range("cp950", 0xC940, 0xF9DC),
    "big5-level1": lambda: _decode_range("cp950", 0xA440, 0xC67E),
    "jis-x-0208": lambda: _euc_rows("euc_jp", 16, 84),
    "gb2312": lambda: _euc_rows("gb2312", 16, 87),
}

CHARSET_NAMES = tuple(_NAMED)


@cache
def _named(name: str) -> tuple[str, ...]:
    chars = [c for c in _NAMED[name]() if is_han(c)]
    return tuple(dict.fromkeys(chars))


def named_charset(name: str) -> list[str]:
    """The characters of a named set, in order. Unknown names list the known ones."""
    if name not in _NAMED:
        raise FontAssistError(
            f"Unknown character set '{name}'.", hint=f"Choose one of: {', '.join(CHARSET_NAMES)}."
        )
    return list(_named(name))


def is_han(char: str) -> bool:
    return unicodedata.name(char, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


@dataclass
class ParsedChars:
    """Characters from user text, with what was dropped and why."""

    chars: list[str]
    dropped_whitespace: int = 0
    dropped_duplicates: int = 0
    dropped_unassigned: int = 0

    def summary(self) -> str:
        parts = [
            f"{n} {what}"
            for n, what in (
                (self.dropped_whitespace, "whitespace"),
                (self.dropped_duplicates, "duplicates"),
                (self.dropped_unassigned, "unassigned or control code points"),
            )
            if n
        ]
        return f"{len(self.chars)} characters" + (f" (dropped {', '.join(parts)})" if parts else "")


def parse_chars(text: str) -> ParsedChars:
    """Characters of custom text: whitespace, duplicates and unassigned code points are dropped and counted."""
    result = ParsedChars([])
    seen = set()
    for char in text:
        if char.isspace() or char in "\ufeff\u200b":
            result.dropped_whitespace += 1
        elif unicodedata.category(char) in ("Cn", "Cc", "Cs", "Co"):
            result.dropped_unassigned += 1
        elif char in seen:
            result.dropped_duplicates += 1
        else:
            seen.add(char)
            result.chars.append(char)
    return result


def read_chars_file(path: str | os.PathLike) -> ParsedChars:
    """Characters of a UTF-8 text file (any layout: one per line or running text)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FontAssistError(
            "file not found.", path=path, hint="Check the path of the character list."
        ) from None
    except UnicodeDecodeError:
        raise FontAssistError(
            "is not UTF-8 text.", path=path, hint="Save the character list as UTF-8."
        ) from None
    except OSError as e:
        raise FontAssistError(f"cannot be read ({e.strerror}).", path=path) from None
    return parse_chars(text)


def resolve_chars(
    charset: str | None = None, chars: str | None = None, chars_file: str | os.PathLike | None = None
) -> tuple[list[str], str]:
    """One character list from exactly one of the three ways a user can give it, with a description."""
    given = [x is not None for x in (charset, chars, chars_file)]
    if sum(given) > 1:
        raise FontAssistError("Give only one of a charset name, custom characters or a characters file.")
    if chars is not None:
        parsed = parse_chars(chars)
        return parsed.chars, f"custom text: {parsed.summary()}"
    if chars_file is not None:
        parsed = read_chars_file(chars_file)
        return parsed.chars, f"{Path(chars_file).name}: {parsed.summary()}"
    name = charset or DEFAULT_CHARSET
    return named_charset(name), name
