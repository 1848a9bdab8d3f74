import pytest

from fontassist.errors import FontAssistError
from fontassist.fonts import Coverage, named_charset, open_font, parse_chars, read_chars_file, resolve_chars
from tests.conftest import SHARED_FONTS


@pytest.mark.parametrize(
    "name,count",
    [("tw-edu-4808", 4808), ("big5", 13060), ("big5-level1", 5401), ("jis-x-0208", 6355), ("gb2312", 6763)],
)
def test_named_charsets(name, count):
    chars = named_charset(name)
    assert len(chars) == count == len(set(chars))


def test_big5_level1_matches_the_published_list():
    published = SHARED_FONTS.parent / "charsets" / "big5-level1-5401.txt"
    if not published.exists():
        pytest.skip("../shared not present")
    listed = [line.strip() for line in published.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert named_charset("big5-level1") == listed


def test_unknown_charset_lists_the_known_ones():
    with pytest.raises(FontAssistError, match="tw-edu-4808, big5"):
        named_charset("big6")


def test_custom_text_drops_with_counts():
    parsed = parse_chars("永 永\n東\u0378\tA\x07")
    assert parsed.chars == ["永", "東", "A"]
    assert (parsed.dropped_whitespace, parsed.dropped_duplicates, parsed.dropped_unassigned) == (3, 1, 2)
    assert "dropped 3 whitespace, 1 duplicates, 2 unassigned" in parsed.summary()


def test_chars_file(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("\ufeff一\n丁\n一\n", encoding="utf-8")
    assert read_chars_file(path).chars == ["一", "丁"]
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(FontAssistError, match="not UTF-8"):
        read_chars_file(tmp_path / "latin1.txt")
    with pytest.raises(FontAssistError, match="file not found"):
        read_chars_file(tmp_path / "none.txt")
    with pytest.raises(FontAssistError, match="only one"):
        resolve_chars("big5", "abc")


def test_demo_fonts_coverage_of_tw_edu(demo_source, demo_target):
    cov = Coverage.of(open_font(demo_source), open_font(demo_target), named_charset("tw-edu-4808"))
    assert (len(cov.source_has), len(cov.target_has), len(cov.both), len(cov.missing)) == (
        4808,
        4161,
        4161,
        647,
    )
