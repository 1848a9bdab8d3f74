from fontassist.app.common.project import LEARN_SHARED
from fontassist.fonts import missing_from_target, named_charset


def test_default_choice_is_what_the_target_lacks_in_tw_edu_4808(window):
    page = window.characters_page
    plan = window.session.plan
    assert len(plan.generate) == 647 and len(plan.pool) == 4161
    assert page.generate_label.text() == "<b>647</b>"
    assert "4,161" in page.pool_label.text()
    assert page.validation_label.text().startswith(f"{len(plan.validation):,}")
    assert page.grid_model.rowCount() == 647
    assert page.grid_model.data(page.grid_model.index(0)) == plan.generate[0]


def test_picking_a_charset_preset(window, qtbot):
    page = window.characters_page
    page.charset_combo.setCurrentIndex(page.charset_combo.findData("gb2312"))
    plan = window.session.plan
    assert window.session.project.chars.charset == "gb2312"
    assert len(plan.generate) == 376 and len(plan.pool) == 2683
    assert page.grid_model.rowCount() == 376
    assert page.grid_title.text().startswith("To generate: 376")


def test_everything_the_source_has(window):
    page = window.characters_page
    page.source_radio.setChecked(True)
    session = window.session
    assert session.project.chars.mode == "source"
    assert session.plan.generate == missing_from_target(session.source, session.target)
    assert session.plan.learn_charset is None


def test_custom_text_and_learning_choice(window):
    page = window.characters_page
    lacking = missing_from_target(window.session.source, window.session.target, named_charset("tw-edu-4808"))[
        :3
    ]
    page.setCustomText("永 " + "".join(lacking))
    plan = window.session.plan
    assert window.session.project.chars.mode == "text"
    assert plan.generate == lacking and plan.in_target == ["永"]
    assert "already in the target" in page.notes.text()
    page.learn_combo.setCurrentIndex(page.learn_combo.findData(LEARN_SHARED))
    assert window.session.plan.learn_charset is None
    assert len(window.session.plan.pool) == 4161  # the demo subsets share only tw-edu-4808's Han characters


def test_text_file_choice_and_its_error(window, tmp_path):
    page = window.characters_page
    path = tmp_path / "list.txt"
    lacking = missing_from_target(window.session.source, window.session.target, named_charset("tw-edu-4808"))[
        :4
    ]
    path.write_text("\n".join(lacking), encoding="utf-8")
    page.useFile(str(path))
    assert window.session.plan.generate == lacking
    assert page.grid_model.rowCount() == 4
    path.write_bytes(b"\xff\xfe\xfa")
    page.useFile(str(path) + "")
    window.session.replan()
    assert "UTF-8" in page.error.text() and window.session.plan is None
    assert page.grid_model.rowCount() == 0


def test_typed_text_is_applied_after_a_pause_or_when_leaving_the_page(window, qtbot, tmp_path):
    page = window.characters_page
    window.goTo("characters")
    page.text_edit.setPlainText("丟")
    assert page.text_radio.isChecked() and window.session.project.chars.mode == "charset"  # still typing
    qtbot.waitUntil(lambda: window.session.project.chars.text == "丟", timeout=5_000)
    page.text_edit.setPlainText("丟乩")
    window.goTo("train")
    assert window.session.project.chars.text == "丟乩" and window.session.plan.generate == ["丟", "乩"]
