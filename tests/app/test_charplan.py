import pytest

from fontassist import resources
from fontassist.app.characters.charplan import plan_chars
from fontassist.app.common.project import LEARN_SHARED, CharChoice
from fontassist.data import split_indices
from fontassist.errors import FontAssistError
from fontassist.fonts import Coverage, missing_from_target, named_charset, open_font


@pytest.fixture(scope="module")
def fonts():
    return open_font(resources.DEMO_SOURCE), open_font(resources.DEMO_TARGET)


def test_charset_choice_matches_the_core_coverage(fonts):
    source, target = fonts
    plan = plan_chars(
        CharChoice(mode="charset", charset="tw-edu-4808"), source, target, validation=0.1, seed=0
    )
    coverage = Coverage.of(source, target, named_charset("tw-edu-4808"))
    assert plan.generate == coverage.missing and len(plan.generate) == 647
    assert plan.pool == coverage.both
    assert plan.validation == [plan.pool[i] for i in split_indices(plan.pool, 0.1, 0)[1]]
    assert plan.train_count == len(plan.pool) - len(plan.validation)
    assert plan.trainer_chars() == ("tw-edu-4808", None)


def test_source_choice_and_shared_pool(fonts):
    source, target = fonts
    plan = plan_chars(CharChoice(mode="source"), source, target, validation=10, seed=0)
    assert plan.generate == missing_from_target(source, target)
    assert plan.learn_charset is None and len(plan.validation) == 10
    assert all(target.has(c) and source.has(c) for c in plan.pool)
    charset, chars = plan.trainer_chars()
    assert charset is None and chars == "".join(plan.pool)


def test_custom_text_reports_what_cannot_be_generated(fonts):
    source, target = fonts
    lacking = missing_from_target(source, target, named_charset("tw-edu-4808"))[:2]
    choice = CharChoice(
        mode="text", text=f"{lacking[0]} 永{lacking[1]}{lacking[0]}\U00020000", learn_from=LEARN_SHARED
    )
    plan = plan_chars(choice, source, target, validation=0.1, seed=0)
    assert plan.generate == lacking
    assert plan.in_target == ["永"]
    assert plan.not_in_source == ["\U00020000"]
    assert "duplicates" in plan.note


def test_character_file_and_its_errors(fonts, tmp_path):
    source, target = fonts
    path = tmp_path / "chars.txt"
    lacking = missing_from_target(source, target, named_charset("tw-edu-4808"))[:5]
    path.write_text("\n".join(lacking), encoding="utf-8")
    plan = plan_chars(
        CharChoice(mode="file", file=path, learn_from="big5"), source, target, validation=0.1, seed=0
    )
    assert plan.generate == lacking and plan.learn_charset == "big5"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(FontAssistError, match="UTF-8"):
        plan_chars(CharChoice(mode="file", file=path), source, target, validation=0.1, seed=0)
