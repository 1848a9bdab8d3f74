from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog

from fontassist import resources
from fontassist.app.fonts.systemfontdialog import SystemFontDialog
from fontassist.errors import FontAssistError
from fontassist.fonts import open_font


def test_opens_on_the_demo_fonts(window):
    page = window.fonts_page
    assert window.session.source.path == resources.DEMO_SOURCE
    assert page.panels["source"].name_label.text() == "Noto Sans TC Regular"
    assert page.panels["target"].name_label.text() == "Zen Maru Gothic Regular"
    assert "1000 units per em" in page.panels["target"].details_label.text()
    assert not page.panels["source"].latin_sample.image().isNull()
    assert not page.panels["target"].cjk_sample.image().isNull()
    assert page.coverage.rowCount() == 6
    first = [page.coverage.item(0, c).text() for c in range(5)]
    assert first[1:] == ["4,808", "4,161", "4,161", "647"]
    assert not window.isWindowModified()


def test_a_good_font_replaces_the_choice(window, tiny_fonts):
    page = window.fonts_page
    assert page.useFile("target", str(tiny_fonts["woff2"]))
    assert window.session.target.path == Path(tiny_fonts["woff2"]).absolute()
    assert page.panels["target"].error.isHidden()
    assert page.coverage.item(0, 2).text() == "8"  # the tiny font's eight Han characters
    assert window.session.isModified()


def test_a_corrupt_font_shows_the_core_error_and_keeps_the_previous_choice(window, tmp_path):
    page = window.fonts_page
    bad = tmp_path / "Broken.ttf"
    bad.write_bytes(resources.DEMO_TARGET.read_bytes()[:300_000])  # a download cut short
    with pytest.raises(FontAssistError) as core_error:
        open_font(bad)
    before = window.session.target
    assert not page.useFile("target", str(bad))
    panel = page.panels["target"]
    assert not panel.error.isHidden()
    assert panel.error.text() == str(core_error.value)
    assert str(bad) in panel.error.text()
    assert window.session.target is before
    assert panel.name_label.text() == "Zen Maru Gothic Regular"
    assert page.useFile("target", str(resources.DEMO_TARGET))
    assert panel.error.isHidden()


def test_a_collection_asks_which_face(window, tiny_fonts, monkeypatch):
    page = window.fonts_page
    asked = []
    monkeypatch.setattr(page, "askFace", lambda path, faces: asked.append(faces) or 1)
    assert page.useFile("source", str(tiny_fonts["ttc"]))
    assert len(asked[0]) == 2 and window.session.source.face_index == 1
    assert page.panels["source"].path_label.fullText().endswith("(face 2)")
    monkeypatch.setattr(page, "askFace", lambda path, faces: None)
    before = window.session.source
    assert not page.useFile("source", str(tiny_fonts["ttc"]))
    assert window.session.source is before


def test_dropping_a_font_file_on_a_panel(window, tiny_fonts, qtbot):
    panel = window.fonts_page.panels["source"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tiny_fonts["otf"]))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dropEvent(event)
    assert window.session.source.outline_format == "CFF"
    assert "PostScript" in panel.details_label.text()


def test_installed_fonts_are_listed_off_the_gui_thread_and_searchable(window, qtbot, monkeypatch):
    def pick(dialog):
        qtbot.waitUntil(lambda: dialog._model.rowCount() > 0, timeout=30_000)
        assert dialog.selectFont("DejaVu Sans Mono") or dialog.selectFont("")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SystemFontDialog, "exec", pick)
    window.fonts_page.chooseInstalled("target")
    chosen = window.session.target
    assert chosen.path.is_file()
    assert window.fonts_page.panels["target"].name_label.text() == chosen.full_name


def test_a_ufo_target_being_drawn_says_how_many_pairs_there_are(window, tmp_path):
    """A work-in-progress UFO with a few hundred glyphs as the target: what it lacks, and what few pairs mean."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from fontassist.export.ufo import save_ufo_atomically, target_as_ufo

    font = TTFont(resources.DEMO_TARGET)
    from fontassist.fonts import named_charset

    common = {ord(c) for c in named_charset("tw-edu-4808")}  # the bundled target has more Han than the set
    han = [cp for cp in sorted(font.getBestCmap()) if 0x4E00 <= cp <= 0x9FFF and cp in common][:300]
    options = subset.Options()
    options.glyph_names = options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=han + list(range(0x20, 0x7F)))
    subsetter.subset(font)
    small = tmp_path / "small.ttf"
    font.save(small)
    ufo = tmp_path / "WorkInProgress.ufo"
    save_ufo_atomically(target_as_ufo(open_font(small)), ufo)

    page = window.fonts_page
    assert page.useFile("target", str(ufo))
    target = window.session.target
    assert target.outline_format == "ufo" and target.path == ufo.absolute()
    assert page.panels["target"].error.isHidden()
    assert int(page.coverage.item(0, 4).text().replace(",", "")) == 4808 - 300  # what the UFO lacks
    note = page.pairs_note.text()
    assert "Only 300 ideograph pairs" in note and "augmentation" in note
    page.grab().save(str(tmp_path / "fonts-ufo.png"))
