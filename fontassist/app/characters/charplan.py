"""From the Characters page's choice to lists: what will be generated and what the model learns from.

Only core calls (named sets, coverage, the train/validation split); the page
shows the numbers, the Train page hands ``charset``/``chars`` to the trainer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...data import split_indices
from ...errors import FontAssistError
from ...fonts import FontFile, is_han, missing_from_target, named_charset, parse_chars, read_chars_file
from ..common.project import LEARN_AUTO, LEARN_SHARED, CharChoice


@dataclass
class CharPlan:
    """The outcome of a character choice for one source/target pair."""

    generate: list[str]  # source has, target lacks: the characters that will be generated
    pool: list[str]  # both fonts have: what the model learns from
    validation: list[str]  # held out of ``pool`` to measure progress
    learn_charset: str | None  # the named set the pool comes from, or None for every shared Han character
    requested: int = 0  # characters the choice names
    in_target: list[str] = field(default_factory=list)  # asked for, but the target already has them
    not_in_source: list[str] = field(default_factory=list)  # asked for, but the source lacks them too
    note: str = ""  # what parsing dropped, for custom text and files

    @property
    def train_count(self) -> int:
        return len(self.pool) - len(self.validation)

    def trainer_chars(self) -> tuple[str | None, str | None]:
        """``(charset, chars)`` for ``TrainConfig``: a set's name when there is one, else the pool as text."""
        if self.learn_charset is not None:
            return self.learn_charset, None
        return None, "".join(self.pool)


def requested_chars(choice: CharChoice, source: FontFile, target: FontFile) -> tuple[list[str], str]:
    """The characters a choice names, and what parsing dropped (for text and files)."""
    if choice.mode == "charset":
        return named_charset(choice.charset), ""
    if choice.mode == "source":
        return missing_from_target(source, target), ""
    if choice.mode == "text":
        parsed = parse_chars(choice.text)
        return parsed.chars, parsed.summary()
    if choice.mode == "file":
        if choice.file is None:
            return [], ""
        parsed = read_chars_file(choice.file)
        return parsed.chars, parsed.summary()
    raise FontAssistError(f"Unknown character choice '{choice.mode}'.")


def learn_charset(choice: CharChoice) -> str | None:
    if choice.learn_from == LEARN_AUTO:
        return choice.charset if choice.mode == "charset" else None
    if choice.learn_from == LEARN_SHARED:
        return None
    return choice.learn_from


def training_pool(source: FontFile, target: FontFile, charset: str | None) -> list[str]:
    """Characters both fonts have: of a named set, or every Han character (in code point order)."""
    if charset is not None:
        return [c for c in named_charset(charset) if source.has(c) and target.has(c)]
    return [chr(cp) for cp in sorted(source.cmap) if cp in target.cmap and is_han(chr(cp))]


def plan_chars(
    choice: CharChoice, source: FontFile, target: FontFile, validation: int | float, seed: int
) -> CharPlan:
    """Work out a :class:`CharPlan`. Raises FontAssistError for an unreadable character file."""
    asked, note = requested_chars(choice, source, target)
    generate = [c for c in asked if source.has(c) and not target.has(c)]
    in_target = [c for c in asked if target.has(c)]
    not_in_source = [c for c in asked if not source.has(c) and not target.has(c)]
    charset = learn_charset(choice)
    pool = training_pool(source, target, charset)
    val_index = split_indices(pool, validation, seed)[1] if pool else []
    return CharPlan(
        generate=generate,
        pool=pool,
        validation=[pool[i] for i in val_index],
        learn_charset=charset,
        requested=len(asked),
        in_target=in_target if choice.mode != "charset" else [],
        not_in_source=not_in_source,
        note=note,
    )
