"""Names of the core's character sets as a designer reads them (translatable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def charset_label(name: str) -> str:
    labels = {
        "tw-edu-4808": QCoreApplication.translate("Charsets", "Taiwan common characters (4,808)"),
        "big5": QCoreApplication.translate("Charsets", "Big5 (13,060)"),
        "big5-level1": QCoreApplication.translate("Charsets", "Big5 level 1 (5,401)"),
        "jis-x-0208": QCoreApplication.translate("Charsets", "JIS X 0208 kanji (6,355)"),
        "gb2312": QCoreApplication.translate("Charsets", "GB 2312 hanzi (6,763)"),
    }
    return labels.get(name, name)
