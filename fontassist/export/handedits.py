"""Hand-fixed glyphs back in: what the designer changed in their editor since fontassist exported a UFO.

A UFO written by :func:`fontassist.export.ufo.write_ufo` keeps, in each new
glyph's lib, a hash of the outline as exported. :func:`read_edits` opens the
UFO the designer saved and sorts its glyphs:

* **edited**: a generated glyph whose outline hash changed — the designer fixed it;
* **drawn**: a glyph with a Unicode value that neither the target nor the export had —
  drawn new in the editor;
* **deleted**: a generated glyph that is gone — the designer threw it out;
* **marked**: an unchanged glyph whose mark colour the designer set to the
  accepted or rejected colour.

:func:`apply_edits` writes the result into a project's ``review`` dict
(Qt-free, so the CLI and the app share it): edited and drawn glyphs are kept
there as outlines in font units and count as accepted; they are exported as
drawn (no tracing, :func:`edited_glyphs`) and never drawn again by the model.
Deleted glyphs become rejected.

The ``review`` dict gains::

    "edited": {"永": {"width": 1000, "contours": [[[x, y, "qcurve"], ...], ...], "how": "edited"}},
    "edits_ufo": "/path/to/the/edited.ufo",
    "edits_train": false      # add the hand-fixed glyphs to the next run's training pairs
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fontTools.pens.pointPen import PointToSegmentPen, SegmentToPointPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.reverseContourPen import ReverseContourPen

from fontassist.errors import FontAssistError
from fontassist.export.glyphs import NewGlyph, glyph_from_pen_drawing
from fontassist.export.ufo import ACCEPTED, FONT_LIB_KEY, GLYPH_LIB_KEY, MARK_COLORS, REJECTED, outline_hash

EDITED_KEY = "edited"
EDITS_UFO_KEY = "edits_ufo"
EDITS_TRAIN_KEY = "edits_train"
HOW_EDITED, HOW_DRAWN = "edited", "drawn"


@dataclass
class FoundEdits:
    """What changed in an edited UFO since export."""

    ufo_path: Path
    outlines: dict[str, dict] = field(default_factory=dict)  # char -> stored outline (edited and drawn)
    edited: list[str] = field(default_factory=list)
    drawn: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    marked: dict[str, str] = field(default_factory=dict)  # char -> ACCEPTED / REJECTED, set by mark colour
    unchanged: int = 0
    provenance: dict[str, str] = field(default_factory=dict)  # source / target / checkpoint of the export

    def summary(self) -> str:
        parts = [
            f"{len(self.edited)} edited by hand",
            f"{len(self.drawn)} drawn new",
            f"{len(self.deleted)} deleted",
            f"{len(self.marked)} marked",
            f"{self.unchanged} unchanged",
        ]
        return ", ".join(parts)


# -- outlines as the project keeps them ---------------------------------------------------------------------
class _PointRecorder:
    """A point pen that keeps contours as lists of [x, y, segmentType]."""

    def __init__(self):
        self.contours: list[list] = []

    def beginPath(self, identifier=None, **kwargs):
        self.contours.append([])

    def endPath(self):
        pass

    def addPoint(self, pt, segmentType=None, smooth=False, name=None, identifier=None, **kwargs):
        x, y = pt
        x, y = (
            (int(x) if float(x).is_integer() else round(float(x), 3)),
            (int(y) if float(y).is_integer() else round(float(y), 3)),
        )
        self.contours[-1].append([x, y, segmentType])

    def addComponent(self, baseGlyphName, transformation, identifier=None, **kwargs):
        raise ValueError("components are decomposed before recording")


def stored_outline(glyph, glyph_set) -> dict:
    """A ufoLib2 glyph as plain data (components decomposed through ``glyph_set``), PostScript direction."""
    decomposed = DecomposingRecordingPen(glyph_set, skipMissingComponents=True)
    glyph.draw(decomposed)
    recorder = _PointRecorder()
    decomposed.replay(SegmentToPointPen(recorder))
    return {"width": int(round(glyph.width)), "contours": recorder.contours}


def draw_stored(outline: Mapping, pen) -> None:
    """Draw a stored outline (PostScript direction) into a segment pen."""
    point_pen = PointToSegmentPen(pen)
    for contour in outline.get("contours", ()):
        point_pen.beginPath()
        for x, y, segment_type in contour:
            point_pen.addPoint((x, y), segmentType=segment_type)
        point_pen.endPath()


def glyph_from_stored(char: str, outline: Mapping) -> NewGlyph:
    """A stored hand-drawn outline as a TrueType glyph (reversed to TrueType direction, cubics → quadratics)."""
    return NewGlyph(char, glyph_from_pen_drawing(lambda pen: draw_stored(outline, ReverseContourPen(pen))))


# -- reading an edited UFO ---------------------------------------------------------------------------------
def read_edits(ufo_path: str | os.PathLike) -> FoundEdits:
    """Compare the UFO the designer saved with what fontassist exported into it."""
    from fontassist.export.ufo import MARK_COLORS as marks  # noqa: N811
    from fontassist.fonts.ufo import load_ufo

    ufo_path = Path(ufo_path)
    ufo = load_ufo(ufo_path, lazy=False)
    export = ufo.lib.get(FONT_LIB_KEY)
    if not isinstance(export, Mapping) or not isinstance(export.get("glyphs"), Mapping):
        raise FontAssistError(
            "was not written by fontassist (its lib has no org.fontassist.export entry), so there is "
            "nothing to compare it with.",
            path=ufo_path,
            hint="Export the glyphs as a UFO with fontassist first, edit that UFO, then take the edits.",
        )
    found = FoundEdits(ufo_path)
    found.provenance = {
        k: str(v) for k, v in export.items() if k in ("source", "target", "checkpoint", "run")
    }
    exported_chars = {str(c) for c in export["glyphs"].values()}
    target_chars = set(str(export.get("targetChars", "")))
    layer = ufo.layers.defaultLayer
    seen: set[str] = set()
    accepted_mark, rejected_mark = _colour(marks[ACCEPTED]), _colour(marks[REJECTED])
    for glyph in layer:
        record = glyph.lib.get(GLYPH_LIB_KEY)
        chars = [chr(u) for u in glyph.unicodes]
        if isinstance(record, Mapping) and chars:
            char = chars[0]
            seen.add(char)
            if outline_hash(glyph) != record.get("outlineHash"):
                found.edited.append(char)
                found.outlines[char] = dict(stored_outline(glyph, layer), how=HOW_EDITED)
                continue
            mark = _colour(glyph.markColor)
            if mark is not None and mark != _colour(MARK_COLORS.get(str(record.get("mark")), "")):
                if mark == accepted_mark:
                    found.marked[char] = ACCEPTED
                elif mark == rejected_mark:
                    found.marked[char] = REJECTED
            found.unchanged += 1
            continue
        new = [c for c in chars if c not in target_chars and c not in exported_chars]
        if new and (glyph.contours or glyph.components):
            char = new[0]
            seen.add(char)
            found.drawn.append(char)
            found.outlines[char] = dict(stored_outline(glyph, layer), how=HOW_DRAWN)
        seen.update(c for c in chars if c in exported_chars)
    found.deleted = sorted((c for c in exported_chars if c not in seen), key=ord)
    found.edited.sort(key=ord)
    found.drawn.sort(key=ord)
    return found


def _colour(text) -> tuple | None:
    """A mark colour as rounded numbers, so "1,0,0,1" and "1.0,0,0,1.0" compare equal."""
    if not text:
        return None
    try:
        return tuple(round(float(v), 2) for v in str(text).split(","))
    except ValueError:
        return None


# -- the project's review dict -----------------------------------------------------------------------------
def _status_sets(review: dict) -> tuple[set[str], set[str]]:
    return set(str(review.get(ACCEPTED, ""))), set(str(review.get(REJECTED, "")))


def _write_status_sets(review: dict, accepted: set[str], rejected: set[str]) -> None:
    review[ACCEPTED] = "".join(sorted(accepted, key=ord))
    review[REJECTED] = "".join(sorted(rejected, key=ord))


def apply_edits(review: dict, found: FoundEdits, *, for_training: bool | None = None) -> list[str]:
    """Take ``found`` into a project's ``review`` dict; returns the characters whose state changed.

    Edited and drawn glyphs replace any earlier hand edit of the same character
    and become accepted; deleted ones become rejected (and lose a hand edit);
    mark colours set in the editor become the status. ``for_training`` sets
    whether the next run learns from the hand-fixed glyphs (None: leave as is).
    """
    edited: dict = dict(review.get(EDITED_KEY) or {})
    accepted, rejected = _status_sets(review)
    changed: list[str] = []
    for char, outline in found.outlines.items():
        if edited.get(char) != outline:
            changed.append(char)
        edited[char] = outline
        accepted.add(char)
        rejected.discard(char)
    for char in found.deleted:
        if char in accepted or char not in rejected or char in edited:
            changed.append(char)
        edited.pop(char, None)
        accepted.discard(char)
        rejected.add(char)
    for char, status in found.marked.items():
        if char in edited:
            continue
        target, other = (accepted, rejected) if status == ACCEPTED else (rejected, accepted)
        if char not in target:
            changed.append(char)
        target.add(char)
        other.discard(char)
    review[EDITED_KEY] = {c: edited[c] for c in sorted(edited, key=ord)}
    review[EDITS_UFO_KEY] = os.fspath(found.ufo_path.absolute())
    if for_training is not None:
        review[EDITS_TRAIN_KEY] = bool(for_training)
    _write_status_sets(review, accepted, rejected)
    return list(dict.fromkeys(changed))


def edited_outlines(review: Mapping) -> dict[str, dict]:
    """Character → hand-drawn outline, from a project's ``review`` dict."""
    edited = review.get(EDITED_KEY) or {}
    return {str(c): o for c, o in edited.items() if isinstance(o, Mapping)}


def edited_glyphs(review: Mapping, chars=None) -> list[NewGlyph]:
    """The hand-drawn glyphs (all, or those of ``chars``) as TrueType glyphs to export as drawn."""
    outlines = edited_outlines(review)
    wanted = outlines if chars is None else [c for c in chars if c in outlines]
    return [glyph_from_stored(c, outlines[c]) for c in wanted]


def edits_for_training(review: Mapping) -> bool:
    return bool(review.get(EDITS_TRAIN_KEY))


EDITS_TRAIN_TARGET_KEY = "edits_train_target"


def write_training_target(target, review: dict, out_path: str | os.PathLike) -> Path | None:
    """A copy of ``target`` (a FontFile) with the hand-fixed glyphs added, for the next run's training pairs.

    The hand-fixed glyphs are the designer's own style, the best data there is:
    training on this font instead of the target makes them pairs like the
    target's own glyphs. Recorded in ``review`` so the next run uses it; None
    (and nothing written) when there is no hand-fixed glyph the target lacks.
    """
    from fontassist.export.merge import merge_into_font
    from fontassist.export.ufo import merge_into_ufo_target

    glyphs = [g for g in edited_glyphs(review) if not target.has(g.char)]
    if not glyphs:
        review.pop(EDITS_TRAIN_TARGET_KEY, None)
        return None
    out_path = Path(out_path)
    names = {"family": target.family, "style": target.style or "Regular", "validate": False}
    if target.outline_format == "ufo":
        report = merge_into_ufo_target(target, glyphs, out_path, **names)
    else:
        report = merge_into_font(target.path, glyphs, out_path, font_number=target.face_index, **names)
    review[EDITS_TRAIN_TARGET_KEY] = os.fspath(report.out_path)
    return report.out_path


def training_target(review: Mapping) -> Path | None:
    """The font the next run should learn from when the designer asked to train on their hand fixes."""
    path = review.get(EDITS_TRAIN_TARGET_KEY)
    if edits_for_training(review) and path and Path(path).is_file():
        return Path(path)
    return None
