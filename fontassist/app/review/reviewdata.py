"""What the Review and Export pages work on, as plain data: generated glyphs, decisions, filters.

No Qt here. :class:`ReviewGlyphs` holds the generated rasters with their
quality flags and the checkpoint each was drawn with; :class:`Decisions`
holds the designer's accept / reject choices and reads and writes them in the
project's ``review`` dict; :func:`select_rows` filters, searches and sorts;
:func:`generate_glyphs` and :func:`regenerate_glyphs` are the jobs the app
runs off the GUI thread (they call the core :class:`~fontassist.generate.Generator`).

The project's ``review`` dict::

    {"checkpoint": "resources:models/demo.pt",       # the model that draws the glyphs
     "accepted": "…", "rejected": "…",                 # characters, as one string each
     "regenerated": {"/runs/a/step-000500.pt": "…"},   # characters drawn by another checkpoint
     "ab": {"a": ..., "b": ..., "winner": "a"},        # the A/B comparison
     "view": {"status": "all", ...}}                   # the grid's filter and display
"""

from __future__ import annotations

import logging
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...errors import FontAssistError
from ...fonts import EmFrame, FontFile
from ...jobs import CancelToken, Progress, check_cancel, part_of
from ..common.projectrefs import resolve_path, store_path

if TYPE_CHECKING:
    from ...train.upscale import Upscaler

log = logging.getLogger(__name__)

NEW, ACCEPTED, REJECTED = "new", "accepted", "rejected"
STATUSES = (NEW, ACCEPTED, REJECTED)
EXCLUDED = "excluded"  # left out of the generate set: not drawn, not in the grid, not counted, not exported
UNDRAWN = "undrawn"  # a glyph's flag: excluded when the set was drawn, so not drawn (drawn when taken back)
TRACEABLE_CACHE = 512  # upscaled rasters kept per glyph set (256 px: 64 kB each)


# -- checkpoints as the project stores them ----------------------------------------------------------------
def checkpoint_ref(path: str | os.PathLike) -> str:
    """How the project keeps a checkpoint path: bundled models by name (``resources:…``), others absolute."""
    return store_path(path, None)


def checkpoint_path(ref: str) -> Path:
    return resolve_path(ref, None)


# -- generated glyphs --------------------------------------------------------------------------------------
@dataclass
class ReviewGlyphs:
    """Generated glyphs under review: rasters (uint8 N×S×S, 0 paper, 255 ink) in the target's em frame."""

    chars: list[str]
    images: np.ndarray = field(repr=False)
    source_images: np.ndarray = field(repr=False)
    flags: list[dict] = field(repr=False)
    frame: EmFrame
    checkpoints: list[str] = field(repr=False)  # checkpoint_ref of the model that drew each glyph
    # The upscaler each checkpoint is paired with (None: it has none), by checkpoint_ref.
    upscalers: dict[str, Upscaler | None] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        n = len(self.chars)
        if not (len(self.images) == len(self.source_images) == len(self.flags) == len(self.checkpoints) == n):
            raise ValueError(
                "chars, images, source images, flags and checkpoints must have one entry per glyph"
            )
        self._where = {c: i for i, c in enumerate(self.chars)}
        self._traceable: OrderedDict[int, np.ndarray] = OrderedDict()
        refs = {ref for ref in self.checkpoints if ref}  # "" is a glyph drawn by hand, never traced
        factors = {self.upscalers[ref].factor if self.upscalers.get(ref) else 1 for ref in refs}
        self._trace_factor = factors.pop() if len(factors) == 1 else 1

    # -- what is traced (and so exported): the rasters enlarged by their models' upscalers -------------------
    @property
    def trace_factor(self) -> int:
        """How many times larger than drawn the glyphs are traced: the upscalers' factor when every
        model that drew a glyph here is paired with one (of one factor), else 1.

        One factor for the whole set, so the grid, the detail view, the glyph
        window and the export all trace a glyph from the same raster. (A glyph
        set is never changed in place: a redraw makes a new one.)
        """
        return self._trace_factor

    @property
    def trace_frame(self) -> EmFrame:
        """The em frame of the rasters that are traced (:meth:`trace_raster`)."""
        return self.frame.upscaled(self.trace_factor)

    def trace_raster(self, i: int) -> np.ndarray:
        """Glyph ``i`` as it is traced: upscaled by its model's upscaler when the set is traced larger."""
        return self.trace_rasters([i])[0]

    def trace_rasters(self, rows: Sequence[int], *, cancel: CancelToken | None = None) -> np.ndarray:
        """The rasters of ``rows`` as they are traced (see :attr:`trace_factor`), on :attr:`trace_frame`."""
        factor = self.trace_factor
        if factor == 1:
            return self.images[list(rows)] if len(rows) else self.images[:0]
        size = self.size * factor
        out = np.zeros((len(rows), size, size), np.uint8)
        missing: dict[str, list[int]] = {}
        for k, i in enumerate(rows):
            cached = self._traceable.get(i)
            if cached is not None:
                out[k] = cached
            else:
                missing.setdefault(self.checkpoints[i], []).append(k)
        for ref, ks in missing.items():
            check_cancel(cancel, "Upscaling was cancelled.")
            images = self.images[[rows[k] for k in ks]]
            upscaler = self.upscalers.get(ref)
            if upscaler is not None:
                upscaled = upscaler.upscale(images, cancel=cancel)
            else:  # drawn by hand: rendered from its outline, enlarged smoothly
                from ...train.upscale import bicubic

                upscaled = bicubic(images, factor)
            for k, image in zip(ks, upscaled, strict=True):
                out[k] = image
                self._traceable[rows[k]] = image
                while len(self._traceable) > TRACEABLE_CACHE:
                    self._traceable.popitem(last=False)
        return out

    def __len__(self) -> int:
        return len(self.chars)

    def index(self, char: str) -> int | None:
        return self._where.get(char)

    @property
    def size(self) -> int:
        return self.frame.size

    def isUndrawn(self, char: str) -> bool:
        i = self._where.get(char)
        return i is not None and bool(self.flags[i].get(UNDRAWN))

    def undrawn(self) -> list[str]:
        """Characters held as placeholders (their source glyph only): the model has not drawn them."""
        return [c for c, f in zip(self.chars, self.flags, strict=True) if f.get(UNDRAWN)]

    def merged(self, other: ReviewGlyphs) -> ReviewGlyphs:
        """A copy in which the glyphs of ``other`` replace those of the same characters (with their checkpoints)."""
        out = self
        for ref in dict.fromkeys(other.checkpoints):
            part = [c for c, r in zip(other.chars, other.checkpoints, strict=True) if r == ref]
            rows = [other.index(c) for c in part]
            out = out.replaced(
                _Drawn(
                    part,
                    other.images[rows],
                    other.source_images[rows],
                    [other.flags[i] for i in rows],
                    other.upscalers.get(ref),
                ),
                ref,
            )
        return out

    def replaced(self, generated, ref: str) -> ReviewGlyphs:
        """A copy in which the glyphs of ``generated`` (drawn by ``ref``) replace those of the same characters."""
        if len(generated.chars) and np.asarray(generated.images).shape[1:] != self.images.shape[1:]:
            raise FontAssistError(
                f"The checkpoint {ref} draws {generated.images.shape[-1]} px glyphs, but the glyphs under review are {self.size} px.",
                hint="Regenerate with a checkpoint of the same image size, or generate the whole set again with it.",
            )
        images, sources = self.images.copy(), self.source_images.copy()
        flags, checkpoints = list(self.flags), list(self.checkpoints)
        for j, char in enumerate(generated.chars):
            i = self._where.get(char)
            if i is None:
                continue
            images[i], sources[i], flags[i], checkpoints[i] = (
                generated.images[j],
                generated.source_images[j],
                generated.flags[j],
                ref,
            )
        upscalers = {**self.upscalers, ref: generated.upscaler}
        return ReviewGlyphs(list(self.chars), images, sources, flags, self.frame, checkpoints, upscalers)

    def subset(
        self, chars: Sequence[str], *, cancel: CancelToken | None = None
    ) -> tuple[np.ndarray, list[str]]:
        """The rasters to trace and the characters of ``chars`` (those present, in that order), on
        :attr:`trace_frame`."""
        rows = [self._where[c] for c in chars if c in self._where]
        return self.trace_rasters(rows, cancel=cancel), [self.chars[i] for i in rows]


@dataclass
class _Drawn:
    """Glyphs as :meth:`ReviewGlyphs.replaced` takes them (the fields of the core's GeneratedGlyphs it reads)."""

    chars: list[str]
    images: np.ndarray
    source_images: np.ndarray
    flags: list[dict]
    upscaler: Upscaler | None = None


# -- decisions ---------------------------------------------------------------------------------------------
class Decisions:
    """Accept / reject per character, kept in (and written back to) the project's ``review`` dict."""

    def __init__(self, review: dict):
        self.review = review
        self._status: dict[str, str] = {}
        for status in (ACCEPTED, REJECTED):
            for char in str(review.get(status, "")):
                self._status[char] = status
        self._excluded: set[str] = set(str(review.get(EXCLUDED, "")))

    def isExcluded(self, char: str) -> bool:
        return char in self._excluded

    def setExcluded(self, chars: Iterable[str], excluded: bool) -> list[str]:
        """Leave ``chars`` out of the generate set (or take them back); returns those that changed."""
        changed = [c for c in dict.fromkeys(chars) if (c in self._excluded) != excluded]
        if changed:
            (self._excluded.update if excluded else self._excluded.difference_update)(changed)
            self._write()
        return changed

    def status(self, char: str) -> str:
        return self._status.get(char, NEW)

    def set(self, chars: Iterable[str], status: str) -> list[str]:
        """Give ``chars`` ``status``; returns those whose status changed."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        changed = []
        for char in chars:
            if self.status(char) != status:
                changed.append(char)
                if status == NEW:
                    self._status.pop(char, None)
                else:
                    self._status[char] = status
        if changed:
            self._write()
        return changed

    def clear(self) -> None:
        self._status.clear()
        self._write()

    def count(self, status: str, chars: Iterable[str] | None = None) -> int:
        if chars is None:
            return sum(1 for s in self._status.values() if s == status)
        return sum(1 for c in chars if self.status(c) == status)

    def __len__(self) -> int:
        return len(self._status)

    def _write(self) -> None:
        # Code point order, so a saved project diffs cleanly.
        for status in (ACCEPTED, REJECTED):
            self.review[status] = "".join(
                sorted((c for c, s in self._status.items() if s == status), key=ord)
            )
        if self._excluded:
            self.review[EXCLUDED] = "".join(sorted(self._excluded, key=ord))
        else:
            self.review.pop(EXCLUDED, None)


def export_chars(glyphs: ReviewGlyphs, decisions: Decisions, which: str) -> list[str]:
    """The characters to export: ``"accepted"`` only, or ``"not_rejected"`` (accepted and undecided).

    Characters excluded from the generate set are never exported, nor glyphs the model has not drawn.
    """
    chars = [c for c in glyphs.chars if not decisions.isExcluded(c) and not glyphs.isUndrawn(c)]
    if which == "accepted":
        return [c for c in chars if decisions.status(c) == ACCEPTED]
    if which == "not_rejected":
        return [c for c in chars if decisions.status(c) != REJECTED]
    raise ValueError(f"which must be 'accepted' or 'not_rejected', not {which!r}")


# -- filters, search and sorting ---------------------------------------------------------------------------
def _flag(name: str) -> Callable[[dict], bool]:
    return lambda f: bool(f.get(name))


def _is_flagged(flags: dict) -> bool:
    from ...generate.quality import is_flagged  # numpy only; no torch

    return is_flagged(flags)


# What the flag filter offers: a label for people and a test on the core's flag dict.
FLAG_FILTERS: dict[str, tuple[str, Callable[[dict], bool] | None]] = {
    "any": (QT_TRANSLATE_NOOP("ReviewPage", "Any quality"), None),
    "flagged": (QT_TRANSLATE_NOOP("ReviewPage", "Flagged (worth a look)"), _is_flagged),
    "clean": (QT_TRANSLATE_NOOP("ReviewPage", "Not flagged"), lambda f: not _is_flagged(f)),
    "specks": (QT_TRANSLATE_NOOP("ReviewPage", "Specks"), lambda f: f.get("specks", 0) > 0),
    "broken": (
        QT_TRANSLATE_NOOP("ReviewPage", "Broken strokes"),
        lambda f: bool(f.get("broken")) or f.get("faint_joins", 0) > 0,
    ),
    "merged": (
        QT_TRANSLATE_NOOP("ReviewPage", "Merged strokes"),
        lambda f: bool(f.get("merged")) or f.get("grey_bridges", 0) > 0,
    ),
    "holes": (QT_TRANSLATE_NOOP("ReviewPage", "Counters changed"), _flag("holes_changed")),
    "empty": (QT_TRANSLATE_NOOP("ReviewPage", "Empty"), _flag("empty")),
}
STATUS_FILTERS = {
    "all": QT_TRANSLATE_NOOP("ReviewPage", "All"),
    NEW: QT_TRANSLATE_NOOP("ReviewPage", "Undecided"),
    ACCEPTED: QT_TRANSLATE_NOOP("ReviewPage", "Accepted"),
    REJECTED: QT_TRANSLATE_NOOP("ReviewPage", "Rejected"),
    EXCLUDED: QT_TRANSLATE_NOOP("ReviewPage", "Excluded"),
}
SORT_ORDERS = {
    "order": QT_TRANSLATE_NOOP("ReviewPage", "Character order"),
    "codepoint": QT_TRANSLATE_NOOP("ReviewPage", "Code point"),
    "doubt": QT_TRANSLATE_NOOP("ReviewPage", "Most doubtful first"),
    "status": QT_TRANSLATE_NOOP("ReviewPage", "Status"),
}

_CODEPOINT = re.compile(r"^(?:u\+|U\+|0x|0X|\\u|\\U)?([0-9A-Fa-f]{4,6})$")


def parse_search(text: str) -> set[str]:
    """The characters a search names: the characters typed, or code points (``U+6C38``, ``6c38``, ``0x6C38``)."""
    wanted: set[str] = set()
    for word in text.replace(",", " ").split():
        match = _CODEPOINT.match(word)
        if match:
            value = int(match.group(1), 16)
            if value <= 0x10FFFF:
                wanted.add(chr(value))
                continue
        wanted.update(word)
    return wanted


def select_rows(
    glyphs: ReviewGlyphs | None,
    decisions: Decisions,
    *,
    status: str = "all",
    flag: str = "any",
    search: str = "",
    sort: str = "order",
) -> list[int]:
    """Indices into ``glyphs`` that pass the filters, in the chosen order."""
    if glyphs is None:
        return []
    test = FLAG_FILTERS[flag][1]
    wanted = parse_search(search) if search.strip() else None
    rows = [
        i
        for i, char in enumerate(glyphs.chars)
        if (
            decisions.isExcluded(char)
            if status == EXCLUDED
            else not decisions.isExcluded(char) and status in ("all", decisions.status(char))
        )
        and (test is None or test(glyphs.flags[i]))
        and (wanted is None or char in wanted)
    ]
    if sort == "codepoint":
        rows.sort(key=lambda i: ord(glyphs.chars[i]))
    elif sort == "doubt":
        rows.sort(key=lambda i: -glyphs.flags[i].get("score", 0))
    elif sort == "status":
        rank = {NEW: 0, REJECTED: 1, ACCEPTED: 2}
        rows.sort(key=lambda i: rank[decisions.status(glyphs.chars[i])])
    elif sort != "order":
        raise ValueError(f"unknown sort order {sort!r}")
    return rows


def describe_flags(flags: dict) -> list[tuple[str, str]]:
    """The flags of one glyph for the detail view: (filter key, particulars) pairs, [] when clean.

    The keys are those of :data:`FLAG_FILTERS`, so the detail names a flag as
    the Quality filter does ("Broken strokes", not "faint joins"); the
    particulars are numbers and need no translation.
    """
    found = []
    if flags.get("empty"):
        found.append(("empty", ""))
    if flags.get("specks"):
        found.append(("specks", str(flags["specks"])))
    if flags.get("broken") or flags.get("faint_joins"):
        found.append(("broken", _pieces(flags) if flags.get("broken") else ""))
    if flags.get("merged") or flags.get("grey_bridges"):
        found.append(("merged", _pieces(flags) if flags.get("merged") else ""))
    if flags.get("holes_changed"):
        found.append(("holes", f"{flags.get('source_holes', '?')} → {flags.get('holes', '?')}"))
    return found


def _pieces(flags: dict) -> str:
    """The glyph's pieces against the source's, as "components / source_components"."""
    return f"{flags.get('components', '?')} / {flags.get('source_components', '?')}"


# -- jobs (run off the GUI thread; the job protocol of fontassist.jobs) ---------------------------------
def generate_glyphs(
    chars: Sequence[str],
    main_ref: str,
    overrides: dict[str, str],
    source: FontFile,
    target: FontFile,
    *,
    skip: Iterable[str] = (),
    device: str = "auto",
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ReviewGlyphs | None:
    """Draw ``chars`` with the checkpoint ``main_ref``, except those in ``overrides`` (char → checkpoint ref).

    Characters in ``skip`` (excluded from the generate set) are not drawn: they
    are kept as placeholders flagged :data:`UNDRAWN`, showing only their source
    glyph, so that they can be taken back (and drawn then). Glyphs keep the
    order of ``chars``; characters the source lacks are left out. Returns None
    when nothing could be drawn; a cancel raises JobCancelled.
    """
    from ...generate import Generator

    skip = set(skip)
    groups: dict[str, list[str]] = {main_ref: []}
    for char in chars:
        if char not in skip:
            groups.setdefault(overrides.get(char, main_ref), []).append(char)
    total = sum(len(group) for group in groups.values())
    done = 0
    drawn: dict[str, tuple] = {}  # char -> (image, source image, flags, ref)
    upscalers: dict = {}  # ref -> the upscaler its model is paired with, or None
    frame = None
    for ref, group in groups.items():
        if not group:
            continue
        check_cancel(cancel, "Generating was cancelled.")
        path = checkpoint_path(ref)
        generator = Generator.from_checkpoint(path, device=device)
        if frame is not None and generator.size != frame.size:
            raise FontAssistError(
                f"The checkpoint {path} draws {generator.size} px glyphs, not {frame.size} px like the main model.",
                hint="Generate the whole set again with one model.",
            )
        report = part_of(progress, done, total, f"Drawing glyphs with {path.name}")
        generated = generator.run(source, list(group), target_font=target, progress=report, cancel=cancel)
        done += len(group)
        frame = frame or generated.frame
        upscalers[ref] = generator.upscaler
        for j, char in enumerate(generated.chars):
            drawn[char] = (generated.images[j], generated.source_images[j], generated.flags[j], ref)
        if generated.skipped:
            log.info(
                "the source lacks %d of the characters: %s",
                len(generated.skipped),
                "".join(generated.skipped[:20]),
            )
    if not drawn:
        return None
    placeholders = [c for c in chars if c in skip and c not in drawn]
    if placeholders:
        from ...fonts import render

        rendered = render(source, placeholders, frame.size, frame.margin, cancel=cancel)
        blank = np.zeros((frame.size, frame.size), np.uint8)
        for j, char in enumerate(rendered.chars):
            drawn[char] = (blank, rendered.images[j], {UNDRAWN: True}, "")
    kept = [c for c in chars if c in drawn]
    return ReviewGlyphs(
        kept,
        np.stack([drawn[c][0] for c in kept]),
        np.stack([drawn[c][1] for c in kept]),
        [drawn[c][2] for c in kept],
        frame,
        [drawn[c][3] for c in kept],
        upscalers,
    )


def regenerate_glyphs(
    glyphs: ReviewGlyphs,
    chars: list[str],
    ref: str,
    source: FontFile,
    target: FontFile,
    *,
    device: str = "auto",
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ReviewGlyphs:
    """``glyphs`` with ``chars`` drawn again by the checkpoint ``ref`` (a cancel raises JobCancelled)."""
    from ...generate import Generator

    path = checkpoint_path(ref)
    generator = Generator.from_checkpoint(path, device=device)
    if generator.size != glyphs.size:
        raise FontAssistError(
            f"The checkpoint {path} draws {generator.size} px glyphs, but the glyphs under review are {glyphs.size} px.",
            hint="Choose a checkpoint of the same run, or generate the whole set again with this one.",
        )
    generated = generator.run(
        source,
        list(chars),
        target_font=target,
        progress=part_of(progress, 0, len(chars), f"Redrawing with {path.name}"),
        cancel=cancel,
    )
    return glyphs.replaced(generated, ref)
