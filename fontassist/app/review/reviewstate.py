"""The glyphs under review, shared by the Review, A/B and Export pages.

One :class:`ReviewState` per window. It owns the generated glyphs (drawn by a
:class:`~fontassist.app.common.worker.Worker` off the GUI thread), the designer's
decisions (kept in the project's ``review`` dict, so they are saved with the
project) and the model that draws the glyphs. Pages listen to its signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...errors import FontAssistError
from ..common.activity import Activity, ProgressClock
from ..common.checkpointlist import default_checkpoint
from ..common.session import Session
from ..common.worker import Worker
from .reviewdata import (
    ACCEPTED,
    EXCLUDED,
    NEW,
    REJECTED,
    Decisions,
    ReviewGlyphs,
    checkpoint_path,
    checkpoint_ref,
    generate_glyphs,
    regenerate_glyphs,
)


class ReviewState(QObject):
    glyphsChanged = Signal()  # a new set of glyphs (or none)
    glyphsRedrawn = Signal(list)  # these characters were drawn again
    decisionsChanged = Signal(list)  # these characters changed status (or were excluded / included)
    exclusionsChanged = Signal(list)  # these characters left (or came back to) the generate set
    checkpointChanged = Signal()
    currentCharChanged = Signal(str)
    busyChanged = Signal(bool)
    progressed = Signal(int, int, str)
    failed = Signal(str, str)  # message, details (empty for errors the designer can fix)
    finished = Signal(str)  # "done", "cancelled" or "failed", after each generation job

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.device = "auto"
        self.glyphs: ReviewGlyphs | None = None
        self.decisions = Decisions(session.project.review)
        self.current_char = ""
        self.worker: Worker | None = None
        self.clock = ProgressClock()
        self._job_name = ""
        self._glyphs_key: tuple | None = None  # fonts and characters the glyphs were drawn for
        # Decisions, regenerations and model choices, undone and redone as the designer's steps.
        self.undo_stack = QUndoStack(self)
        session.projectReplaced.connect(self._project_replaced)
        session.planChanged.connect(self._plan_changed)

    # -- the project's review dict ----------------------------------------------------------------------
    @property
    def review(self) -> dict:
        return self.session.project.review

    def _project_replaced(self) -> None:
        self.undo_stack.clear()
        self.cancel()
        self.decisions = Decisions(self.review)
        self._set_glyphs(None)
        self.checkpointChanged.emit()
        self.decisionsChanged.emit([])

    def _plan_changed(self) -> None:
        if self.glyphs is not None and self._glyphs_key != self._wanted_key():
            self._set_glyphs(None)  # other fonts or characters: the glyphs no longer belong to the project

    def _wanted_key(self) -> tuple | None:
        plan, source, target = self.session.plan, self.session.source, self.session.target
        if plan is None or source is None or target is None:
            return None
        return (source.path, source.face_index, target.path, target.face_index, tuple(plan.generate))

    def viewSettings(self) -> dict:
        return dict(self.review.get("view") or {})

    def setViewSettings(self, view: dict) -> None:
        """The grid's filters and display, saved with the project (not a change worth asking to save)."""
        self.review["view"] = dict(view)

    # -- the model --------------------------------------------------------------------------------------
    def checkpoint(self) -> Path | None:
        """The checkpoint that draws the glyphs: the chosen one, else the project's run, else the demo model."""
        ref = self.review.get("checkpoint")
        if ref:
            return checkpoint_path(ref)
        target = self.session.project.target
        return default_checkpoint(self.session.project.run_dir, target.path if target else None)

    def hasChosenCheckpoint(self) -> bool:
        return bool(self.review.get("checkpoint"))

    def setCheckpoint(self, path: str | Path | None) -> None:
        """Draw with ``path`` from now on; glyphs drawn by another model are dropped with their regenerations."""
        ref = checkpoint_ref(path) if path else None
        if ref == self.review.get("checkpoint"):
            return
        if ref is None:
            self.review.pop("checkpoint", None)
        else:
            self.review["checkpoint"] = ref
        self.review.pop("regenerated", None)
        self.session.setModified(True)
        self._set_glyphs(None)
        self.checkpointChanged.emit()

    def overrides(self) -> dict[str, str]:
        """Characters regenerated with another checkpoint: char → checkpoint ref."""
        out = {}
        for ref, chars in (self.review.get("regenerated") or {}).items():
            for char in chars:
                out[char] = ref
        return out

    def _record_regenerated(self, chars: list[str], ref: str) -> None:
        main = self.checkpoint()
        regenerated: dict[str, str] = dict(self.review.get("regenerated") or {})
        moved = set(chars)
        for key in list(regenerated):
            regenerated[key] = "".join(c for c in regenerated[key] if c not in moved)
        if main is None or checkpoint_path(ref).resolve() != main.resolve():
            regenerated[ref] = regenerated.get(ref, "") + "".join(chars)
        self.review["regenerated"] = {k: v for k, v in regenerated.items() if v}

    # -- glyphs -----------------------------------------------------------------------------------------
    def _set_glyphs(self, glyphs: ReviewGlyphs | None) -> None:
        self.glyphs = self._with_hand_edits(glyphs)
        self._glyphs_key = self._wanted_key() if glyphs is not None else None
        if glyphs is None or self.current_char not in glyphs._where:
            self.setCurrentChar(glyphs.chars[0] if glyphs is not None and len(glyphs) else "")
        self.glyphsChanged.emit()

    def setGlyphs(self, glyphs: ReviewGlyphs | None) -> None:
        """Use glyphs made elsewhere (tests, benchmarks); they count as drawn for the current fonts and characters."""
        self.cancel()
        self._set_glyphs(glyphs)

    def setCurrentChar(self, char: str) -> None:
        if char != self.current_char:
            self.current_char = char
            self.currentCharChanged.emit(char)

    def wantedChars(self) -> list[str]:
        plan = self.session.plan
        return list(plan.generate) if plan is not None else []

    def charsToDraw(self) -> list[str]:
        """The wanted characters less those excluded from the generate set."""
        return [c for c in self.wantedChars() if not self.decisions.isExcluded(c)]

    def cannotGenerateReason(self) -> str:
        if self.session.source is None or self.session.target is None:
            return self.tr("Choose a source and a target font first.")
        if self.session.plan is None:
            return self.session.plan_error or self.tr("Choose the characters to generate first.")
        if not self.wantedChars():
            return self.tr("There is nothing to generate: the target already has every character chosen.")
        if not self.charsToDraw():
            return self.tr("Every character to generate is excluded: choose other characters (step 2).")
        if self.checkpoint() is None:
            return self.tr("Train a model first (step 3), or choose a checkpoint.")
        return ""

    def isBusy(self) -> bool:
        return self.worker is not None

    def etaSeconds(self) -> float | None:
        """Time left for the running generation, from its pace so far."""
        return self.clock.eta_s() if self.worker is not None else None

    def activity(self) -> Activity | None:
        """What the status bar shows while glyphs are drawn."""
        if self.worker is None:
            return None
        text = (
            self.tr("Drawing the glyphs")
            if self._job_name == "generate"
            else self.tr("Redrawing the selected glyphs")
        )
        return Activity(text, self.clock.done, self.clock.total, self.clock.eta_s(), self.cancel)

    def ensureGlyphs(self) -> bool:
        """Generate when there are no glyphs yet and everything needed is there; True when a job started."""
        if self.glyphs is not None or self.isBusy() or self.cannotGenerateReason():
            return False
        return self.generate()

    def generate(self) -> bool:
        """Draw every wanted character (regenerated ones with their own checkpoints) in the background."""
        if self.isBusy() or self.cannotGenerateReason():
            return False
        chars, main_ref = self.wantedChars(), checkpoint_ref(self.checkpoint())
        excluded = [c for c in chars if self.decisions.isExcluded(c)]  # kept as placeholders, not drawn
        overrides = {c: r for c, r in self.overrides().items() if Path(checkpoint_path(r)).is_file()}
        source, target, device = self.session.source, self.session.target, self.device
        key = self._wanted_key()

        nothing = self.tr("The source font has none of these characters, so nothing was drawn.")

        def job(progress, cancel):
            glyphs = generate_glyphs(
                chars,
                main_ref,
                overrides,
                source,
                target,
                skip=excluded,
                device=device,
                progress=progress,
                cancel=cancel,
            )
            if glyphs is None:
                raise FontAssistError(nothing)
            return glyphs

        def done(glyphs):
            if key != self._wanted_key():
                return  # the project changed while drawing
            self._set_glyphs(glyphs)

        return self._start(job, done, "generate")

    def regenerate(self, chars: list[str], checkpoint: str | Path) -> bool:
        """Draw ``chars`` again with ``checkpoint``; they become undecided."""
        if self.isBusy() or self.glyphs is None or not chars:
            return False
        glyphs, ref = self.glyphs, checkpoint_ref(checkpoint)
        source, target, device = self.session.source, self.session.target, self.device
        # Glyphs fixed by hand in the editor are the designer's; the model never draws over them.
        # Excluded ones are not drawn at all.
        chars = [
            c
            for c in chars
            if glyphs.index(c) is not None and not self.isEdited(c) and not self.decisions.isExcluded(c)
        ]
        if not chars:
            return False

        def job(progress, cancel):
            return regenerate_glyphs(
                glyphs, chars, ref, source, target, device=device, progress=progress, cancel=cancel
            )

        def done(new_glyphs):
            if self.glyphs is not glyphs:
                return
            before = self._snapshot()
            self.glyphs = new_glyphs
            self._record_regenerated(chars, ref)
            self.decisions.set(chars, NEW)  # a redrawn glyph is decided again
            after = self._snapshot()
            self._restore(before, chars)  # the command applies it, so that it can be undone
            text = QCoreApplication.translate("ReviewState", "Regenerate {0} glyphs with {1}").format(
                len(chars), run_and_file(checkpoint_path(ref))
            )
            self.undo_stack.push(_SnapshotCommand(self, before, after, chars, text))

        return self._start(job, done, "regenerate")

    def _start(self, job, on_done, name: str) -> bool:
        worker = Worker(job, name)
        self.worker = worker
        self.clock = ProgressClock()
        self._job_name = name
        worker.progressed.connect(lambda done, total, _m: self.clock.update(done, total))
        worker.progressed.connect(self.progressed)
        worker.failed.connect(self.failed)
        worker.succeeded.connect(on_done)
        worker.ended.connect(lambda outcome: self._worker_ended(worker, outcome))
        self.busyChanged.emit(True)
        worker.start()
        return True

    def _worker_ended(self, worker: Worker, outcome: str) -> None:
        if self.worker is worker:
            self.worker = None
            self.busyChanged.emit(False)
        self.finished.emit(outcome)
        if outcome == "done":
            self._draw_taken_back()

    def _draw_taken_back(self) -> bool:
        """Draw the placeholders of characters taken back into the generate set (not an undoable step)."""
        glyphs = self.glyphs
        if glyphs is None or self.isBusy() or self.checkpoint() is None:
            return False
        chars = [c for c in glyphs.undrawn() if not self.decisions.isExcluded(c)]
        if not chars:
            return False
        main_ref = checkpoint_ref(self.checkpoint())
        overrides = {c: r for c, r in self.overrides().items() if Path(checkpoint_path(r)).is_file()}
        source, target, device = self.session.source, self.session.target, self.device

        def job(progress, cancel):
            drawn = generate_glyphs(
                chars, main_ref, overrides, source, target, device=device, progress=progress, cancel=cancel
            )
            return glyphs if drawn is None else glyphs.merged(drawn)

        def done(new_glyphs):
            if self.glyphs is glyphs:
                self.glyphs = new_glyphs
                self.glyphsRedrawn.emit(chars)

        return self._start(job, done, "regenerate")

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def shutdown(self, msecs: int = 30000) -> None:
        """Cancel any job and wait for it (the window is closing)."""
        worker = self.worker
        if worker is not None:
            worker.cancel()
            worker.wait(msecs)

    # -- glyphs fixed or drawn by hand in the designer's editor ----------------------------------------
    def isEdited(self, char: str) -> bool:
        return char in (self.review.get("edited") or {})

    def _with_hand_edits(self, glyphs: ReviewGlyphs | None) -> ReviewGlyphs | None:
        """``glyphs`` showing the hand-drawn outline (rasterised in the same em frame) where there is one.

        Glyphs drawn new in the editor (not generated here) join the end of the grid, so they are seen too.
        """
        import numpy as np

        from ...export.handedits import draw_stored, edited_outlines

        outlines = edited_outlines(self.review)
        if glyphs is None or not outlines:
            return glyphs
        from ...fonts.render import render_outline

        extra = [c for c in outlines if glyphs.index(c) is None]
        frame, size = glyphs.frame, glyphs.size
        chars = list(glyphs.chars) + extra
        images = np.concatenate([glyphs.images, np.zeros((len(extra), size, size), np.uint8)])
        sources = np.concatenate([glyphs.source_images, np.zeros((len(extra), size, size), np.uint8)])
        source = self.session.source
        for j, char in enumerate(extra):
            if source is not None and source.has(char):
                from ...fonts import render_glyph

                sources[len(glyphs) + j] = render_glyph(source, char, size, frame.margin)
        for i, char in enumerate(chars):
            if char in outlines:
                images[i] = render_outline(lambda pen, o=outlines[char]: draw_stored(o, pen), frame)
        return ReviewGlyphs(
            chars,
            images,
            sources,
            list(glyphs.flags) + [{} for _ in extra],
            frame,
            list(glyphs.checkpoints) + ["" for _ in extra],
        )

    def takeEdits(self, found, *, for_training: bool | None = None) -> list[str]:
        """Take edits read from the designer's UFO (:func:`fontassist.export.handedits.read_edits`)."""
        from ...export.handedits import apply_edits

        changed = apply_edits(self.review, found, for_training=for_training)
        self.decisions = Decisions(self.review)
        if changed:
            self.session.setModified(True)
            if self.glyphs is not None:
                before = len(self.glyphs)
                self.glyphs = self._with_hand_edits(self.glyphs)
                if len(self.glyphs) != before:
                    self.glyphsChanged.emit()  # glyphs drawn new in the editor joined the grid
                else:
                    self.glyphsRedrawn.emit([c for c in changed if self.glyphs.index(c) is not None])
            self.decisionsChanged.emit(changed)
        return changed

    # -- decisions --------------------------------------------------------------------------------------
    def status(self, char: str) -> str:
        return self.decisions.status(char)

    def setStatus(self, chars: list[str], status: str) -> list[str]:
        """Give ``chars`` ``status`` (one undoable step); returns those whose status changed."""
        changed = [c for c in chars if self.decisions.status(c) != status]
        if changed:
            names = {
                ACCEPTED: QCoreApplication.translate("ReviewState", "Accept"),
                REJECTED: QCoreApplication.translate("ReviewState", "Reject"),
                NEW: QCoreApplication.translate("ReviewState", "Mark undecided"),
            }
            text = QCoreApplication.translate("ReviewState", "{0} {1}").format(
                names[status], "".join(changed[:8]) + ("…" if len(changed) > 8 else "")
            )
            self.undo_stack.push(_DecisionCommand(self, changed, status, text))
        return changed

    def setExcluded(self, chars: list[str], excluded: bool) -> list[str]:
        """Leave ``chars`` out of the generate set, or take them back (one undoable step)."""
        changed = [c for c in dict.fromkeys(chars) if self.decisions.isExcluded(c) != excluded]
        if changed:
            name = (
                QCoreApplication.translate("ReviewState", "Exclude {0}")
                if excluded
                else QCoreApplication.translate("ReviewState", "Include {0}")
            )
            text = name.format("".join(changed[:8]) + ("…" if len(changed) > 8 else ""))
            self.undo_stack.push(_ExcludeCommand(self, changed, excluded, text))
        return changed

    def _apply_exclusion(self, chars: list[str], excluded: bool) -> None:
        changed = self.decisions.setExcluded(chars, excluded)
        if changed:
            self.session.setModified(True)
            self.exclusionsChanged.emit(changed)
            self.decisionsChanged.emit(changed)
            if not excluded:
                self._draw_taken_back()

    def _apply_statuses(self, statuses: dict[str, str]) -> None:
        changed = []
        for status in (NEW, ACCEPTED, REJECTED):
            changed += self.decisions.set([c for c, s in statuses.items() if s == status], status)
        if changed:
            self.session.setModified(True)
            self.decisionsChanged.emit(changed)

    # -- snapshots for undo (glyph sets are never changed in place, so keeping one is cheap) ----------------
    def _snapshot(self) -> dict:
        return {
            "glyphs": self.glyphs,
            "key": self._glyphs_key,
            "checkpoint": self.review.get("checkpoint"),
            "regenerated": dict(self.review.get("regenerated") or {}),
            "accepted": self.review.get(ACCEPTED, ""),
            "rejected": self.review.get(REJECTED, ""),
            "excluded": self.review.get(EXCLUDED, ""),
        }

    def _restore(self, snapshot: dict, redrawn: list[str] | None = None) -> None:
        """Put back a snapshot; ``redrawn`` names the glyphs that differ (all, when None)."""
        self.cancel()
        checkpoint_moved = snapshot["checkpoint"] != self.review.get("checkpoint")
        for key in ("checkpoint", "regenerated"):
            if snapshot[key]:
                self.review[key] = snapshot[key]
            else:
                self.review.pop(key, None)
        self.review[ACCEPTED], self.review[REJECTED] = snapshot["accepted"], snapshot["rejected"]
        excluded_moved = snapshot["excluded"] != self.review.get(EXCLUDED, "")
        if snapshot["excluded"]:
            self.review[EXCLUDED] = snapshot["excluded"]
        else:
            self.review.pop(EXCLUDED, None)
        self.decisions = Decisions(self.review)
        self.session.setModified(True)
        if redrawn is None or snapshot["key"] != self._glyphs_key:
            glyphs = snapshot["glyphs"] if snapshot["key"] == self._wanted_key() else None
            self._set_glyphs(glyphs)
        else:
            self.glyphs = snapshot["glyphs"]
            self.glyphsRedrawn.emit(list(redrawn))
        if checkpoint_moved:
            self.checkpointChanged.emit()
        if excluded_moved:
            self.exclusionsChanged.emit([])
        self.decisionsChanged.emit([])
        self._draw_taken_back()

    def useModel(self, path: str | Path, keep_decisions: bool) -> None:
        """Draw every glyph with ``path`` (one undoable step) and start drawing.

        The new drawings have not been seen, so nothing stays accepted: with
        ``keep_decisions`` rejections are kept (and acceptances become
        undecided), otherwise every glyph is undecided.
        """
        before = self._snapshot()
        self.setCheckpoint(path)
        accepted = [c for c in self.review.get(ACCEPTED, "")]
        self.decisions.set(accepted, NEW)
        if not keep_decisions:
            self.decisions.clear()
        after = self._snapshot()
        self._restore(before)
        text = QCoreApplication.translate("ReviewState", "Draw with {0}").format(run_and_file(Path(path)))
        self.undo_stack.push(_SnapshotCommand(self, before, after, None, text, regenerate=True))

    def clearDecisions(self) -> None:
        """Forget every decision (not undoable; used when the project's glyphs start afresh)."""
        if len(self.decisions):
            self.decisions.clear()
            self.session.setModified(True)
            self.decisionsChanged.emit([])


def run_and_file(path: Path) -> str:
    """``run-20240101/last.pt``: a checkpoint named with its run, since every run has a ``last.pt``."""
    path = Path(path)
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


class _DecisionCommand(QUndoCommand):
    def __init__(self, state: ReviewState, chars: list[str], status: str, text: str):
        super().__init__(text)
        self.state = state
        self.before = {c: state.decisions.status(c) for c in chars}
        self.after = dict.fromkeys(chars, status)

    def redo(self) -> None:
        self.state._apply_statuses(self.after)

    def undo(self) -> None:
        self.state._apply_statuses(self.before)


class _ExcludeCommand(QUndoCommand):
    def __init__(self, state: ReviewState, chars: list[str], excluded: bool, text: str):
        super().__init__(text)
        self.state, self.chars, self.excluded = state, chars, excluded

    def redo(self) -> None:
        self.state._apply_exclusion(self.chars, self.excluded)

    def undo(self) -> None:
        self.state._apply_exclusion(self.chars, not self.excluded)


class _SnapshotCommand(QUndoCommand):
    """Swap between two snapshots of the state: a regeneration, or another model for every glyph."""

    def __init__(self, state, before: dict, after: dict, redrawn, text: str, regenerate: bool = False):
        super().__init__(text)
        self.state, self.before, self.after, self.redrawn = state, before, after, redrawn
        self.regenerate = regenerate

    def redo(self) -> None:
        self.state._restore(self.after, self.redrawn)
        if self.regenerate and self.state.glyphs is None:
            self.state.generate()
        if self.regenerate and self.state.isBusy():
            # Keep the drawings, once made, so that a later redo need not draw again.
            self.state.glyphsChanged.connect(self._drawn)

    def _drawn(self) -> None:
        self.state.glyphsChanged.disconnect(self._drawn)
        if self.state.glyphs is not None:
            self.after = self.state._snapshot()

    def undo(self) -> None:
        self.state._restore(self.before, self.redrawn)
