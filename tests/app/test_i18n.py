"""The UI language: locale → translation, the saved choice, the menu, and the zh_TW translation files themselves."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QMainWindow

from fontassist import installcheck
from fontassist.app.common import i18n

REPO = Path(__file__).resolve().parents[2]
TS_FILE = i18n.TRANSLATIONS / "fontassist_zh_TW.ts"
QM_FILE = i18n.TRANSLATIONS / "fontassist_zh_TW.qm"
# What must survive translation unchanged: str.format fields, Qt's %n/%v/%m, HTML tags.
PLACEHOLDER = re.compile(r"\{[^}]*\}|%[nvm]|<[^>]+>")


def ts_messages() -> list[tuple[str, str, ElementTree.Element, bool]]:
    """(context, source, translation element, numerus) of every live message in the .ts file."""
    messages = []
    for context in ElementTree.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            messages.append(
                (name, message.findtext("source", ""), translation, message.get("numerus") == "yes")
            )
    return messages


def translated_text(translation: ElementTree.Element, numerus: bool) -> str:
    if numerus:
        return " ".join(form.text or "" for form in translation.findall("numerusform"))
    return translation.text or ""


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def no_forced_language(monkeypatch):
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE, raising=False)


@pytest.fixture
def restore_english(qapp, no_forced_language):
    yield qapp
    i18n.install_translators(qapp, i18n.ENGLISH)


@pytest.mark.parametrize(
    "locale, language",
    [
        ("zh_TW", "zh_TW"),
        ("zh_HK", "zh_TW"),
        ("zh_MO", "zh_TW"),
        ("zh_Hant", "zh_TW"),
        ("zh_CN", "en"),
        ("zh_SG", "en"),
        ("zh_Hans", "en"),
        ("en_US", "en"),
        ("ja_JP", "en"),
        ("C", "en"),
    ],
)
def test_language_for_locale(locale, language):
    assert i18n.language_for_locale(QLocale(locale)) == language


def test_saved_choice_wins_over_the_system_and_the_environment_over_both(
    qsettings, monkeypatch, no_forced_language
):
    english = QLocale("en_US")
    assert i18n.saved_choice(qsettings) == i18n.SYSTEM
    assert i18n.resolve_language(i18n.saved_choice(qsettings), english) == "en"
    i18n.save_choice("zh_TW", qsettings)
    assert i18n.resolve_language(i18n.saved_choice(qsettings), english) == "zh_TW"
    assert i18n.resolve_language(i18n.SYSTEM, QLocale("zh_TW")) == "zh_TW"
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "en")
    assert i18n.resolve_language("zh_TW", QLocale("zh_TW")) == "en"
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "zh-TW")
    assert i18n.resolve_language("en", english) == "zh_TW"


def test_unknown_saved_value_means_system(qsettings):
    qsettings.setValue(i18n.SETTINGS_KEY, "tlh")
    assert i18n.saved_choice(qsettings) == i18n.SYSTEM
    with pytest.raises(ValueError):
        i18n.save_choice("tlh", qsettings)


def test_installing_zh_tw_translates_the_app_and_qt_and_english_undoes_it(restore_english):
    app = restore_english
    assert i18n.install_translators(app, "zh_TW") == "zh_TW"
    assert i18n.current_language() == "zh_TW"
    assert QCoreApplication.translate("MainWindow", "&File") == "檔案(&F)"
    assert QCoreApplication.translate("LanguageMenu", "System Language") == "跟隨系統語言"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # from Qt's own qtbase_zh_TW
    assert i18n.install_translators(app, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_every_ui_string_has_a_translation_with_its_placeholders():
    messages = ts_messages()
    assert len(messages) > 100
    problems = []
    for context, source, translation, numerus in messages:
        text = translated_text(translation, numerus)
        if translation.get("type") == "unfinished" or not text.strip():
            problems.append(f"{context}: {source!r} is not translated")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} → {text!r} changes the placeholders")
        if re.search(r"&[^&\s]", source) and not re.search(r"&[^&\s]", text):
            problems.append(f"{context}: {source!r} → {text!r} loses its keyboard shortcut")
    assert not problems, "\n".join(problems)


def test_the_compiled_translation_matches_its_source():
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    stale = [
        f"{context}: {source!r}"
        for context, source, translation, numerus in ts_messages()
        if not numerus and translator.translate(context, source) != translated_text(translation, numerus)
    ]
    assert not stale, "run python tools/update_translations.py to recompile:\n" + "\n".join(stale)


def test_the_translation_covers_the_current_app_sources():
    spec = importlib.util.spec_from_file_location(
        "update_translations", REPO / "tools" / "update_translations.py"
    )
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    missing = tool.check("zh_TW")
    assert not missing, (
        "UI strings without a zh_TW translation; run python tools/update_translations.py and "
        "translate them:\n" + "\n".join(f"{c}: {s!r}" for c, s in missing)
    )


def test_language_menu_saves_the_choice_for_the_next_start(qtbot, qsettings, no_forced_language):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = i18n.language_menu(window, qsettings)
    actions = {action.text(): action for action in menu.actions() if action.isCheckable()}
    assert list(actions) == ["System Language", "English", "繁體中文"]
    assert actions["System Language"].isChecked()
    actions["繁體中文"].trigger()
    assert i18n.saved_choice(qsettings) == "zh_TW"
    assert actions["繁體中文"].isChecked() and not actions["System Language"].isChecked()
    assert "next time" in window.statusBar().currentMessage()
    notes = [
        action.text() for action in menu.actions() if not action.isCheckable() and not action.isSeparator()
    ]
    assert notes == ["Takes effect when fontassist restarts"]


def test_self_test_checks_for_every_translation():
    assert set(installcheck.TRANSLATED) == set(i18n.TRANSLATED)


def test_main_window_has_the_language_menu(window):
    menus = [action.menu() for action in window.menuBar().actions() if action.menu() is not None]
    language = [menu for menu in menus if menu.objectName() == "languageMenu"]
    assert len(language) == 1
    assert [a.text() for a in language[0].actions() if a.isCheckable()] == [
        "System Language",
        "English",
        "繁體中文",
    ]
