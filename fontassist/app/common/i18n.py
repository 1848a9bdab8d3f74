"""The UI language: Qt translators chosen from the system locale, a saved choice, or FONTASSIST_LANGUAGE.

Translations are Qt ``.qm`` files in ``resources/translations`` made from the
``.ts`` sources by ``tools/update_translations.py``; Qt's own strings (file
dialogs, standard buttons) come from Qt's ``qtbase_*.qm``. Pages build their
texts once, so a new choice from the Language menu applies at the next start,
and the menu says so.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from ... import resources

log = logging.getLogger(__name__)

TRANSLATIONS = resources.RESOURCES / "translations"
SETTINGS_KEY = "ui/language"
ENVIRONMENT_VARIABLE = "FONTASSIST_LANGUAGE"
SYSTEM = "system"
ENGLISH = "en"
# Languages with a translation (code, the language's own name); English is the source text.
TRANSLATED = {"zh_TW": "繁體中文"}
CHOICES = (SYSTEM, ENGLISH, *TRANSLATED)

_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer
_language = ENGLISH


def saved_choice(settings: QSettings | None = None) -> str:
    """The language chosen in the menu: ``system`` (the default), ``en`` or a translated code."""
    settings = settings if settings is not None else QSettings()
    value = settings.value(SETTINGS_KEY, SYSTEM, type=str)
    return value if value in CHOICES else SYSTEM


def save_choice(choice: str, settings: QSettings | None = None) -> None:
    if choice not in CHOICES:
        raise ValueError(f"language must be one of {CHOICES}, not {choice!r}")
    settings = settings if settings is not None else QSettings()
    settings.setValue(SETTINGS_KEY, choice)
    settings.sync()


def language_for_locale(locale: QLocale) -> str:
    """The translation for a locale: Chinese written in Traditional characters gets zh_TW, all else English."""
    # QLocale fills in the likely script: zh_TW, zh_HK and zh_MO are Traditional, zh_CN and zh_SG Simplified.
    if (
        locale.language() == QLocale.Language.Chinese
        and locale.script() == QLocale.Script.TraditionalHanScript
    ):
        return "zh_TW"
    return ENGLISH


def resolve_language(choice: str | None = None, locale: QLocale | None = None) -> str:
    """The language to show: FONTASSIST_LANGUAGE, else ``choice`` (the saved one when None), else the system's."""
    forced = os.environ.get(ENVIRONMENT_VARIABLE, "").strip().replace("-", "_")
    if forced:
        if forced in (ENGLISH, *TRANSLATED):
            return forced
        return language_for_locale(QLocale(forced))
    choice = saved_choice() if choice is None else choice
    if choice != SYSTEM:
        return choice
    return language_for_locale(locale if locale is not None else QLocale.system())


def install_translators(app: QCoreApplication, choice: str | None = None) -> str:
    """Install the translators for the resolved language before any window is built; returns its code."""
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(choice)
    _language = language
    if language == ENGLISH:
        return language
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"fontassist_{language}.qm")):
        _installed.append(ours)
    else:
        log.warning("no %s translation in %s; showing English", language, TRANSLATIONS)
        _language = ENGLISH
        return ENGLISH
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    else:  # the app's own strings are translated; Qt's few standard buttons stay English
        log.info("Qt's own %s translation is not installed", language)
    for translator in _installed:
        app.installTranslator(translator)
    return language


def current_language() -> str:
    """The language the translators were installed for (``en`` before :func:`install_translators`)."""
    return _language


def language_menu(window: QMainWindow, settings: QSettings | None = None) -> QMenu:
    """A Language menu (System / English / 繁體中文) that saves the choice; it applies at the next start."""
    menu = QMenu(QCoreApplication.translate("LanguageMenu", "&Language"), window)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    # Each language is listed under its own name, readable whatever the current language is.
    names = {
        SYSTEM: QCoreApplication.translate("LanguageMenu", "System Language"),
        ENGLISH: "English",
        **TRANSLATED,
    }
    chosen = saved_choice(settings)
    for code in CHOICES:
        action = menu.addAction(names[code])
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
    menu.addSeparator()
    note = menu.addAction(QCoreApplication.translate("LanguageMenu", "Takes effect when fontassist restarts"))
    note.setEnabled(False)

    def choose(action) -> None:
        code = action.data()
        if code == saved_choice(settings):
            return
        save_choice(code, settings)
        if code == SYSTEM:
            message = QCoreApplication.translate(
                "LanguageMenu", "fontassist will follow the system language the next time it starts."
            )
        else:
            message = QCoreApplication.translate(
                "LanguageMenu", "fontassist will be in {0} the next time it starts."
            ).format(names[code])
        window.statusBar().showMessage(message, 15000)

    group.triggered.connect(choose)
    return menu
