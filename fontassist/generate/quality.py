"""Simple quality flags for generated glyphs, so a reviewer can look at the doubtful ones first.

Each generated glyph is compared with the source glyph it was made from,
through the topology of their binarised (≥ 50 % ink) shapes:

- ``specks``: tiny ink blobs (smaller than ``speck_area``) the generated glyph
  has — stray dots a designer would have to erase;
- ``components`` vs ``source_components`` (ignoring specks): more pieces than
  the source means a stroke broke (``broken``), fewer means strokes merged
  (``merged``);
- ``holes`` vs ``source_holes``: enclosed paper regions (the counters of 口,
  日, 田 …); a different count means a counter closed up or a gap opened
  (``holes_changed``);
- ``empty``: almost no ink at all.

Two styles of one character usually share their topology, but not always
(a rounded font may join strokes the source keeps apart), so flags are hints
for review order, not verdicts. ``score`` sums them for sorting.

Connected components are labelled for the whole batch at once with a
vectorised union-find (hooking to the smaller root, then pointer jumping), in
numpy only.
"""

from __future__ import annotations

import logging

import numpy as np

log = logging.getLogger(__name__)

INK_THRESHOLD = 128
SPECK_FRACTION = 0.0015  # of the image area: 6 px at 64 px, 25 px at 128 px
EMPTY_FRACTION = 0.002


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
        links += [(mask[:, :-1, :-1] & mask[:, 1:, 1:], node[:, :-1, :-1], node[:, 1:, 1:]),
                  (mask[:, :-1, 1:] & mask[:, 1:, :-1], node[:, :-1, 1:], node[:, 1:, :-1])]
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


def topology(images: np.ndarray, speck_area: int | None = None) -> dict[str, np.ndarray]:
    """Per glyph: ``components`` (not counting specks), ``specks``, ``holes`` and ``ink`` (fraction)."""
    images = np.asarray(images)
    if images.ndim == 2:
        images = images[None]
    size = images.shape[-1]
    speck_area = speck_area if speck_area is not None else max(2, round(SPECK_FRACTION * size * size))
    ink = images >= INK_THRESHOLD
    areas = component_areas(label_components(ink, connectivity=8))
    return {
        "components": np.array([int(np.sum(a >= speck_area)) for a in areas], dtype=np.int64),
        "specks": np.array([int(np.sum(a < speck_area)) for a in areas], dtype=np.int64),
        "holes": _holes(ink, max(2, speck_area // 3)),
        "ink": ink.reshape(len(ink), -1).mean(axis=1),
    }


def quality_flags(generated: np.ndarray, source: np.ndarray) -> list[dict]:
    """One dict of flags per glyph (see the module docstring), ``generated`` and ``source`` uint8 N×S×S."""
    generated, source = np.asarray(generated), np.asarray(source)
    if generated.shape != source.shape:
        raise ValueError(f"generated and source rasters differ in shape: {generated.shape} vs {source.shape}")
    if len(generated) == 0:
        return []
    made, given = topology(generated), topology(source)
    flags = []
    for i in range(len(generated)):
        components, source_components = int(made["components"][i]), int(given["components"][i])
        holes, source_holes = int(made["holes"][i]), int(given["holes"][i])
        specks = int(made["specks"][i])
        empty = bool(made["ink"][i] < EMPTY_FRACTION <= given["ink"][i])
        score = specks + abs(components - source_components) + abs(holes - source_holes) + (5 if empty else 0)
        flags.append({
            "specks": specks, "components": components, "source_components": source_components,
            "broken": components > source_components, "merged": components < source_components,
            "holes": holes, "source_holes": source_holes, "holes_changed": holes != source_holes,
            "empty": empty, "score": score,
        })
    return flags


def is_flagged(flags: dict) -> bool:
    return flags.get("score", 0) > 0
