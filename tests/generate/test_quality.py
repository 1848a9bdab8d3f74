import numpy as np
import pytest

from fontassist.generate import is_flagged, label_components, quality_flags, topology


def _flood_count(mask, connectivity):
    """Reference component count by a plain flood fill."""
    seen = np.zeros_like(mask)
    steps = [(0, 1), (1, 0), (0, -1), (-1, 0)]
    if connectivity == 8:
        steps += [(1, 1), (1, -1), (-1, 1), (-1, -1)]
    count = 0
    for y, x in zip(*np.nonzero(mask), strict=False):
        if seen[y, x]:
            continue
        count += 1
        stack = [(y, x)]
        seen[y, x] = True
        while stack:
            cy, cx = stack.pop()
            for dy, dx in steps:
                ny, nx = cy + dy, cx + dx
                if 0 <= ny < mask.shape[0] and 0 <= nx < mask.shape[1] and mask[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    stack.append((ny, nx))
    return count


@pytest.mark.parametrize("connectivity", [4, 8])
def test_labels_match_a_flood_fill(connectivity):
    rng = np.random.default_rng(1)
    masks = rng.random((12, 24, 24)) < np.linspace(0.2, 0.7, 12)[:, None, None]
    labels = label_components(masks, connectivity)
    for mask, image in zip(masks, labels, strict=False):
        ids = image[mask]
        assert (image[~mask] == -1).all()
        assert len(np.unique(ids)) == _flood_count(mask, connectivity)
    # Ids never repeat across images of the batch.
    per_image = [set(np.unique(image[image >= 0])) for image in labels]
    assert sum(map(len, per_image)) == len(set().union(*per_image))


def test_diagonal_touch_joins_only_with_8_connectivity():
    mask = np.zeros((1, 4, 4), bool)
    mask[0, 1, 1] = mask[0, 2, 2] = True
    assert len(np.unique(label_components(mask, 8)[mask])) == 1
    assert len(np.unique(label_components(mask, 4)[mask])) == 2


def _glyph(size=64):
    """A box with a counter (口-like) and a separate bar: 2 components, 1 hole."""
    a = np.zeros((size, size), np.uint8)
    a[10:40, 10:14] = a[10:40, 36:40] = a[10:14, 10:40] = a[36:40, 10:40] = 255
    a[50:54, 10:54] = 255
    return a


def test_topology_counts_components_holes_and_specks():
    a = _glyph()
    t = topology(a)
    assert t["components"][0] == 2 and t["holes"][0] == 1 and t["specks"][0] == 0
    a[2, 60] = 255
    assert topology(a)["specks"][0] == 1 and topology(a)["components"][0] == 2


def test_topology_in_chunks_is_the_topology_of_the_whole():
    """Big sets are labelled a chunk at a time (less memory); the counts are the same."""
    rng = np.random.default_rng(3)
    glyphs = np.stack([_glyph()] * 7)
    glyphs[:, 20:30, 20:30] = (rng.random((7, 10, 10)) < 0.4) * 255
    whole = topology(glyphs, thresholds=True, chunk=len(glyphs))
    for chunk in (1, 3):
        parts = topology(glyphs, thresholds=True, chunk=chunk)
        assert parts.keys() == whole.keys()
        for key in whole:
            np.testing.assert_array_equal(parts[key], whole[key])


def test_flags_for_typical_defects():
    source = _glyph()
    speck = source.copy()
    speck[60, 60] = 200
    broken = source.copy()
    broken[50:54, 30:33] = 0  # the bar breaks in two
    merged = source.copy()
    merged[40:50, 20:24] = 255  # the box and the bar join
    closed = source.copy()
    closed[14:36, 14:36] = 255  # the counter fills up
    blank = np.zeros_like(source)
    flags = quality_flags(np.stack([source, speck, broken, merged, closed, blank]), np.stack([source] * 6))
    assert flags[0]["score"] == 0 and not any(
        flags[0][k] for k in ("broken", "merged", "holes_changed", "empty")
    )
    assert flags[1]["specks"] == 1 and flags[1]["score"] > 0
    assert flags[2]["broken"] and not flags[2]["merged"]
    assert flags[3]["merged"] and not flags[3]["broken"]
    assert flags[4]["holes_changed"] and flags[4]["holes"] == 0 and flags[4]["source_holes"] == 1
    assert flags[5]["empty"] and flags[5]["score"] == max(f["score"] for f in flags)


def test_model_doubt_faint_joins_and_grey_bridges():
    source = _glyph()
    faint = source.copy()
    faint[50:54, 30:33] = 100  # the bar holds together only through 39 % ink
    bridged = source.copy()
    bridged[40:50, 20:24] = 150  # box and bar touch only through 59 % ink
    flags = quality_flags(np.stack([source, faint, bridged]), np.stack([source] * 3))
    assert (flags[0]["faint_joins"], flags[0]["grey_bridges"]) == (0, 0)
    assert flags[1]["faint_joins"] == 1 and flags[1]["broken"]
    assert flags[2]["grey_bridges"] == 1 and flags[2]["merged"]
    assert all(is_flagged(f) for f in flags[1:]) and not is_flagged(flags[0])


def test_shapes_must_match():
    with pytest.raises(ValueError):
        quality_flags(np.zeros((1, 8, 8), np.uint8), np.zeros((2, 8, 8), np.uint8))
    assert quality_flags(np.zeros((0, 8, 8), np.uint8), np.zeros((0, 8, 8), np.uint8)) == []
