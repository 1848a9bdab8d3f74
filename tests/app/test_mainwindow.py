import json
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from fontassist import resources
from fontassist.app.common.project import Project
from fontassist.app.mainwindow import STEPS, MainWindow

REPO = Path(__file__).resolve().parents[2]


def test_the_workflow_steps_are_visible_and_reachable(window):
    labels = [window.step_list.item(i).text() for i in range(window.step_list.count())]
    assert labels == ["1  Fonts", "2  Characters", "3  Train", "4  Review", "5  Export"]
    for step in STEPS:
        window.goTo(step)
        assert window.currentStep() == step and window.stack.currentWidget().widget() is window.pages[step]
    assert window.review_page.objectName() == "reviewPage" and window.export_page.objectName() == "exportPage"
    window.fonts_page.next_button.click()
    assert window.currentStep() == "characters"
    window.characters_page.next_button.click()
    assert window.currentStep() == "train"


def test_save_and_reopen_a_project(window, tmp_path, tiny_fonts):
    window.fonts_page.useFile("target", str(tiny_fonts["woff"]))
    window.characters_page.setCustomText("永東")
    path = tmp_path / "mine.fontassist.json"
    assert window._save_to(path)
    assert not window.isWindowModified() and window.windowTitle().startswith("mine")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["source"]["path"].startswith("resources:")
    assert data["chars"] == {
        "mode": "text",
        "charset": "tw-edu-4808",
        "text": "永東",
        "file": None,
        "learn_from": "auto",
    }
    assert window.settings.recent_projects() == [str(path)]

    window.newProject()
    assert window.session.project.path is None and window.session.target.path == resources.DEMO_TARGET
    assert window.openProject(path)
    assert window.session.target.path == Path(tiny_fonts["woff"])
    assert window.characters_page.text_edit.toPlainText() == "永東"
    assert window.characters_page.text_radio.isChecked()


def test_unsaved_changes_are_asked_about(window, tmp_path):
    window.characters_page.setCustomText("永")
    assert window.isWindowModified()
    window.ask.queue = [QMessageBox.StandardButton.Cancel]
    window.newProject()
    assert window.session.project.chars.text == "永"
    assert window.ask.asked == ["Unsaved changes"]


def test_a_project_whose_font_is_gone_shows_the_error_on_the_fonts_page(window, tmp_path):
    missing = tmp_path / "gone.ttf"
    project = Project.from_dict(
        {"source": {"path": str(missing)}, "target": {"path": str(resources.DEMO_TARGET)}}
    )
    project.save(tmp_path / "p.fontassist.json")
    assert window.openProject(tmp_path / "p.fontassist.json")
    panel = window.fonts_page.panels["source"]
    assert "file not found" in panel.error.text() and str(missing) in panel.error.text()
    assert window.session.source is None and window.session.plan is None
    assert panel.name_label.text() == "No font chosen"


def test_geometry_and_folders_persist(qtbot, settings, tmp_path, monkeypatch):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    settings.set_last_folder("fonts", tmp_path / "x.ttf")
    first.close()
    assert settings.geometry("main") == first.saveGeometry()
    restored = []
    monkeypatch.setattr(
        MainWindow, "restoreGeometry", lambda self, geometry: restored.append(geometry) or True
    )
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert restored == [first.saveGeometry()]
    assert second.settings.last_folder("fonts") == str(tmp_path)


def test_the_window_opens_without_importing_torch_or_pyqtgraph(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        from fontassist.app.application import create_application, open_main_window
        app = create_application([])
        window = open_main_window()
        app.processEvents()
        assert window.isVisible() and window.session.plan is not None
        print(sorted(m for m in ("torch", "pyqtgraph") if m in sys.modules))
        window.session.setModified(False)
        """
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_entry_point_opens_the_window_on_given_fonts_and_quits_when_it_closes(tmp_path, tiny_fonts):
    code = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QTimer
        import fontassist.app.application as application

        opened = application.open_main_window

        def open_and_close_soon(*args, **kwargs):
            window = opened(*args, **kwargs)
            def report_and_close():
                print("shown", window.isVisible(), window.session.source.family, window.session.target.path.name)
                window.session.setModified(False)
                window.close()
            QTimer.singleShot(300, report_and_close)
            return window

        application.open_main_window = open_and_close_soon
        import fontassist.app
        sys.exit(fontassist.app.main(sys.argv[1:]))
        """
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "FONTASSIST_LANGUAGE": "en",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    args = ["--target", str(tiny_fonts["woff2"]), "--target-face", "0"]
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "shown True Noto Sans TC tiny.woff2"
    assert list((tmp_path / "state").rglob("fontassist.log"))  # the app logs to the user's log folder


def test_a_project_with_far_paths_says_so_in_one_translated_line(qtbot, language_window, tmp_path):
    """The warnings ran on in English, one sentence per path, off the end of the status bar."""
    from PySide6.QtCore import QCoreApplication

    window = language_window
    window.resize(1366, 680)
    far = tmp_path / "far"  # outside the project's folder (and, in a test, the home folder)
    (far / "a").mkdir(parents=True)
    (far / "b").mkdir()
    project = Project()
    project.run_dir = far / "a"
    project.review["checkpoint"] = str(far / "b" / "last.pt")
    folder = tmp_path / "project"
    folder.mkdir()
    project.save(folder / "p.fontassist")
    assert window.openProject(folder / "p.fontassist")
    bar = window.statusBar()
    text = bar.currentMessage()
    expected = QCoreApplication.translate(
        "MainWindow",
        "This project uses {0} path(s) outside its folder, the bundled files and your home folder: "
        "check that you trust it (point here for the list).",
    ).format(2)
    assert text == expected
    assert bar.fontMetrics().horizontalAdvance(text) < bar.width()  # one line that fits
    assert str(far / "a") in bar.toolTip() and str(far / "b" / "last.pt") in bar.toolTip()
