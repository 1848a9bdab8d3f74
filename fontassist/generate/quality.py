"""Simple quality flags for generated glyphs, so a reviewer can look at the doubtful ones first.

Two kinds of evidence, both from connected components (8-connected ink) and
holes (4-connected enclosed paper) of the glyph binarised at 50 % ink:

Doubt within the generated glyph itself (the model hesitated):
- ``specks``: tiny ink blobs (smaller than 0.15 % of the image) — stray dots;
- ``faint_joins``: strokes that hold together only through faint ink (fewer
  pieces at 38 % ink than at 50 %): a stroke about to break;
- ``grey_bridges``: strokes joined only by grey (more pieces at 63 % ink than at
  50 %): strokes about to merge;
- ``empty``: almost no ink where the source has some.

Disagreement with the source glyph it was made from:
- ``components`` vs ``source_components`` (specks not counted): more pieces is
  ``broken``, fewer is ``merged``;
- ``holes`` vs ``source_holes``: a counter (口, 日 …) closed or a gap opened
  (``holes_changed``).

Two styles of one character do not always share their topology (Zen Maru
Gothic joins or parts strokes that Noto Sans TC does not in about a third of
the glyphs at 64 px), so disagreement with the source weighs less in
``score`` than the model's own doubt; ``score`` orders glyphs for review and
``is_flagged`` marks the ones worth a look.

Connected components are labelled for the whole batch at once with a
vectorised union-find over the pixels (horizontal runs first, then hooking
to the smaller root and pointer jumping), in numpy only.
"""

from __future__ import annotations

import numpy as np

INK_THRESHOLD = 128
SPECK_FRACTION = 0.0015  # of the image area: 6 px at 64 px, 25 px at 128 px
EMPTY_FRACTION = 0.002
# Close to 50 %: anti-aliased junctions of real rendered glyphs already differ between 25 % and 75 %
# (a quarter of Zen Maru Gothic's glyphs at 64 px would be flagged); 38 % / 63 % flag the real ones half as often.
FAINT_THRESHOLD = 96
DARK_THRESHOLD = 160
# Glyphs labelled together: the labelling's int64 arrays for all of Big5's 7,528 glyphs at once
# (hundreds of MB) cost more in fresh memory than in work: 25 CPU s, half of it system time,
# against 9 s 128 glyphs at a time and 7.5 s at 16 (small enough to stay in the cache).
TOPOLOGY_CHUNK = 16


def label_components(mask: np.ndarray, connectivity: int = 8) -> np.ndarray:
    """Connected components of a boolean batch N×H×W: an int array, -1 off the mask, else a component id.

    Pixels of one component share one id; components never cross from one
    image of the batch to another. Ids are unique over the whole batch.
    """
    mask = np.asarray(mask, dtype=bool)
    if mask.ndim == 2:
        mask = mask[None]
    if connectivity not in (4, 8):
        raise ValueError(f"connectivity is 4 or 8, not {connectivity}")
    pixels = np.flatnonzero(mask)
    count = len(pixels)
    node = np.full(mask.shape, -1, dtype=np.int64)
    node.ravel()[pixels] = np.arange(count)
    # Pixels of a horizontal run are consecutive nodes: start each node at its run's first node,
    # so only the links between rows are left to the union-find.
    run_start = np.ones(mask.shape, dtype=bool)
    run_start[:, :, 1:] = ~mask[:, :, :-1]
    starts = run_start.ravel()[pixels]
    parent = np.maximum.accumulate(np.where(starts, np.arange(count), 0))
    links = [(mask[:, :-1, :] & mask[:, 1:, :], node[:, :-1, :], node[:, 1:, :])]
    if connectivity == 8:
        links += [
            (mask[:, :-1, :-1] & mask[:, 1:, 1:], node[:, :-1, :-1], node[:, 1:, 1:]),
            (mask[:, :-1, 1:] & mask[:, 1:, :-1], node[:, :-1, 1:], node[:, 1:, :-1]),
        ]
    u = np.concatenate([a[m] for m, a, _ in links])
    v = np.concatenate([b[m] for m, _, b in links])
    while len(u):
        pu, pv = parent[u], parent[v]
        differ = pu != pv
        if not differ.any():
            break
        u, v, pu, pv = u[differ], v[differ], pu[differ], pv[differ]
        # Hook every larger root under the smallest root it touches; parents only ever decrease.
        np.minimum.at(parent, np.maximum(pu, pv), np.minimum(pu, pv))
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped
    labels = np.full(mask.size, -1, dtype=np.int64)
    labels[pixels] = parent
    return labels.reshape(mask.shape)


def component_areas(labels: np.ndarray) -> list[np.ndarray]:
    """Per image of the batch, the pixel counts of its components (in no particular order)."""
    out = []
    for image in labels:
        ids = image[image >= 0]
        out.append(np.unique(ids, return_counts=True)[1] if ids.size else np.zeros(0, np.int64))
    return out


def _holes(ink: np.ndarray, min_area: int) -> np.ndarray:
    """Number of enclosed paper regions (4-connected, not touching the border) of at least ``min_area`` px."""
    labels = label_components(~ink, connectivity=4)
    counts = np.zeros(len(ink), dtype=np.int64)
    for i, image in enumerate(labels):
        border = np.concatenate([image[0], image[-1], image[:, 0], image[:, -1]])
        outside = np.unique(border[border >= 0])
        ids, areas = np.unique(image[image >= 0], return_counts=True)
        enclosed = ~np.isin(ids, outside)
        counts[i] = int(np.sum(enclosed & (areas >= min_area)))
    return counts


def _component_counts(
    images: np.ndarray, threshold: int, speck_area: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per glyph at one ink threshold: components of at least ``speck_area`` px, smaller ones, and the ink mask."""
    ink = images >= threshold
    areas = component_areas(label_components(ink, connectivity=8))
    big = np.array([int(np.sum(a >= speck_area)) for a in areas], dtype=np.int64)
    small = np.array([int(np.sum(a < speck_area)) for a in areas], dtype=np.int64)
    return big, small, ink


def topology(
    images: np.ndarray,
    speck_area: int | None = None,
    *,
    thresholds: bool = False,
    chunk: int = TOPOLOGY_CHUNK,
) -> dict[str, np.ndarray]:
    """Per glyph: ``components`` (specks not counted), ``specks``, ``holes`` and ``ink`` (fraction).

    With ``thresholds``, also ``components_faint`` and ``components_dark``: the
    component counts at FAINT_THRESHOLD and DARK_THRESHOLD. Glyphs are labelled ``chunk`` at a time.
    """
    images = np.asarray(images)
    if images.ndim == 2:
        images = images[None]
    if len(images) > chunk:
        parts = [
            _topology(images[i : i + chunk], speck_area, thresholds) for i in range(0, len(images), chunk)
        ]
        return {key: np.concatenate([part[key] for part in parts]) for key in parts[0]}
    return _topology(images, speck_area, thresholds)


def _topology(images: np.ndarray, speck_area: int | None, thresholds: bool) -> dict[str, np.ndarray]:
    size = images.shape[-1]
    speck_area = speck_area if speck_area is not None else max(2, round(SPECK_FRACTION * size * size))
    components, specks, ink = _component_counts(images, INK_THRESHOLD, speck_area)
    result = {
        "components": components,
        "specks": specks,
        "holes": _holes(ink, max(2, speck_area // 3)),
        "ink": ink.reshape(len(ink), -1).mean(axis=1),
    }
    if thresholds:
        result["components_faint"] = _component_counts(images, FAINT_THRESHOLD, speck_area)[0]
        result["components_dark"] = _component_counts(images, DARK_THRESHOLD, speck_area)[0]
    return result


def quality_flags(generated: np.ndarray, source: np.ndarray) -> list[dict]:
    """One dict of flags per glyph (see the module docstring), ``generated`` and ``source`` uint8 N×S×S."""
    generated, source = np.asarray(generated), np.asarray(source)
    if generated.shape != source.shape:
        raise ValueError(f"generated and source rasters differ in shape: {generated.shape} vs {source.shape}")
    if len(generated) == 0:
        return []
    made, given = topology(generated, thresholds=True), topology(source)
    flags = []
    for i in range(len(generated)):
        components, source_components = int(made["components"][i]), int(given["components"][i])
        holes, source_holes = int(made["holes"][i]), int(given["holes"][i])
        specks = int(made["specks"][i])
        faint_joins = max(0, components - int(made["components_faint"][i]))
        grey_bridges = max(0, int(made["components_dark"][i]) - components)
        empty = bool(made["ink"][i] < EMPTY_FRACTION <= given["ink"][i])
        doubt = specks + faint_joins + grey_bridges + (3 if empty else 0)
        disagreement = abs(components - source_components) + abs(holes - source_holes)
        flags.append(
            {
                "specks": specks,
                "faint_joins": faint_joins,
                "grey_bridges": grey_bridges,
                "empty": empty,
                "components": components,
                "source_components": source_components,
                "broken": components > source_components,
                "merged": components < source_components,
                "holes": holes,
                "source_holes": source_holes,
                "holes_changed": holes != source_holes,
                "score": 2 * doubt + 0.5 * disagreement,
            }
        )
    return flags


def is_flagged(flags: dict) -> bool:
    """Worth a reviewer's look: any doubt of the model, or a clear (2+) disagreement with the source."""
    return flags.get("score", 0) >= 1.0
