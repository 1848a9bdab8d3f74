"""Which characters of a set a source and a target font have: the training pool and the gap."""

from __future__ import annotations

from dataclasses import dataclass

from .fontfile import FontFile


@dataclass
class Coverage:
    """Coverage of a character set by a source/target pair; lists keep the set's order."""

    charset: list[str]
    source_has: list[str]
    target_has: list[str]
    both: list[str]  # the training pool
    missing: list[str]  # target lacks, source has: what can be generated
    unavailable: list[str]  # neither font has them

    @classmethod
    def of(cls, source: FontFile, target: FontFile, chars: list[str]) -> Coverage:
        return cls(
            charset=list(chars),
            source_has=[c for c in chars if source.has(c)],
            target_has=[c for c in chars if target.has(c)],
            both=[c for c in chars if source.has(c) and target.has(c)],
            missing=[c for c in chars if source.has(c) and not target.has(c)],
            unavailable=[c for c in chars if not source.has(c) and not target.has(c)],
        )

    def to_dict(self, with_lists: bool = True) -> dict:
        d = {
            "charset_size": len(self.charset),
            "source_has": len(self.source_has),
            "target_has": len(self.target_has),
            "both": len(self.both),
            "target_missing_source_has": len(self.missing),
            "neither": len(self.unavailable),
        }
        if with_lists:
            d["missing"] = "".join(self.missing)
            d["shared"] = "".join(self.both)
            d["neither_chars"] = "".join(self.unavailable)
        return d


def missing_from_target(source: FontFile, target: FontFile, chars: list[str] | None = None) -> list[str]:
    """What can be generated: characters the source has and the target lacks (of ``chars``, or all the source has)."""
    if chars is None:
        chars = [chr(cp) for cp in sorted(source.cmap)]
    return [c for c in chars if source.has(c) and not target.has(c)]
