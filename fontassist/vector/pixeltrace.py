"""From grey-level rasters to TrueType contours in pixel coordinates.

Boundaries come from the rasters' level line (``isolines``); small specks are
dropped. Each boundary is cut into runs at *nodes*, its on-curve points: first
its corners (``corners``); then, in runs a straight line does not fit, at the
curve's extrema (``extrema``), where the tangent is horizontal or vertical.
Every run becomes the simplest TrueType piece that stays within ``tolerance``
of the boundary: a straight line from node to node, or a quadratic spline with
as few off-curve points as fit (``splines``), whose off-curve points next to
an extremum share its coordinate so the curve passes through smoothly. Inside
a run the spline is smooth too (its implied on-curve points are midpoints), so
a straight stretch flowing into a bend joins without a kink. A boundary with
no node at all becomes a closed spline of off-curve points only.

Everything works on all boundaries of a batch of rasters at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .boundaries import Boundaries
from .corners import corner_points, find_corners
from .curveruns import Membership, Nodes, cut_runs, line_errors
from .extrema import find_extrema, find_flats
from .fitting import fit_fewest
from .isolines import boundary_polygons
from .tracesettings import TraceSettings

_TINY = 10  # boundaries of at most this many points are kept as their polygon


@dataclass
class PixelOutline:
    """TrueType contours in pixel coordinates, contour after contour, for a stack of rasters."""

    points: np.ndarray  # (P, 2)
    on_curve: np.ndarray  # (P,) bool; a contour may be all off-curve points
    count: np.ndarray  # (C,) points per contour
    raster: np.ndarray  # (C,) the raster each contour was traced from, non-decreasing


def trace_pixels(rasters: np.ndarray, settings: TraceSettings) -> PixelOutline:
    """TrueType contours of a stack of rasters (B, H, W; uint8, 0 paper, 255 ink) in pixel coordinates."""
    points, count, raster = boundary_polygons(rasters, settings.threshold * 255.0)
    b = Boundaries.from_points(points, count)
    speck = np.abs(b.enclosed_area()) < settings.speck_area
    if speck.any():
        keep = ~speck
        b = Boundaries.from_points(points[keep[b.contour]], count[keep])
        raster = raster[keep]
    if len(b.count) == 0:
        return PixelOutline(np.zeros((0, 2)), np.zeros(0, bool), np.zeros(0, np.int64), np.zeros(0, np.int64))
    corners, turn = find_corners(
        b, settings.corner_window, np.radians(settings.corner_angle), settings.corner_sharpness
    )
    nodes = _corner_nodes(b, corners, settings)
    runs, membership = cut_runs(b, nodes, turn, settings.fit_spacing, settings.straight_share)
    curved = runs.closed | (line_errors(runs) > settings.tolerance)
    extrema = _extremum_nodes(b, membership, curved, runs.closed, settings)
    if len(extrema.arc):
        nodes = nodes.merged(extrema)
        runs, membership = cut_runs(b, nodes, turn, settings.fit_spacing, settings.straight_share)
        curved = runs.closed | (line_errors(runs) > settings.tolerance)
    n_offcurve, offcurve = fit_fewest(runs, curved, settings.tolerance, settings.fit_iterations)
    return _assemble(nodes, n_offcurve, offcurve, raster)


def _corner_nodes(b: Boundaries, corners: np.ndarray, settings: TraceSettings) -> Nodes:
    """Nodes at the corners, sharpened; every point of a tiny boundary (a dot of a few pixels,
    too short to fit curves to) is a node too, so its polygon is its outline."""
    tiny = b.count <= _TINY
    corners = corners[~tiny[b.contour[corners]]]
    sharp = corner_points(b, corners, settings.corner_arm, settings.corner_skip, settings.corner_max_shift)
    vertex = np.nonzero(tiny[b.contour])[0]
    index = np.concatenate([corners, vertex])
    order = np.argsort(index, kind="stable")
    index = index[order]
    return Nodes(
        place=(index - b.start[b.contour[index]]).astype(float),
        contour=b.contour[index],
        arc=b.arc[index],
        xy=np.concatenate([sharp, b.points[vertex]])[order],
        skip=np.concatenate([np.full(len(corners), settings.corner_skip), np.zeros(len(vertex))])[order],
        axis=np.full(len(index), -1),
    )


def _extremum_nodes(
    b: Boundaries, membership: Membership, curved: np.ndarray, closed: np.ndarray, settings: TraceSettings
) -> Nodes:
    """Nodes at the extrema of curved runs, clear of the runs' ends (a closed run has none): the
    ends of flat (horizontal or vertical) stretches, and extreme points of round parts away from them."""
    window = settings.extremum_window
    clear = 2.5 * window
    flat_point, flat_xy, flat_axis = find_flats(
        b,
        membership.run,
        membership.along,
        membership.span,
        curved,
        window,
        np.tan(np.radians(settings.flat_angle)),
        settings.flat_length,
        clear,
        settings.tolerance,
        closed,
    )
    eligible = curved[membership.run] & (
        closed[membership.run]
        | ((membership.along > clear) & (membership.along < membership.span[membership.run] - clear))
    )
    point, fraction, xy, axis = find_extrema(b, eligible, window, settings.extremum_prominence, spacing=clear)
    point = np.concatenate([flat_point, point])
    fraction = np.concatenate([np.zeros(len(flat_point)), fraction])
    xy = np.concatenate([flat_xy, xy])
    axis = np.concatenate([flat_axis, axis])
    is_flat = np.arange(len(point)) < len(flat_point)
    contour = b.contour[point]
    arc = b.arc[point] + fraction * b.step[point]
    # An extreme point next to a flat stretch's end says the same thing less well.
    order = np.lexsort((arc, contour))
    point, fraction, xy, axis, is_flat, contour, arc = (
        v[order] for v in (point, fraction, xy, axis, is_flat, contour, arc)
    )
    near = np.zeros(len(point), bool)
    close = (contour[1:] == contour[:-1]) & (arc[1:] - arc[:-1] < clear)
    near[1:] |= close & ~is_flat[1:]
    near[:-1] |= close & ~is_flat[:-1] & is_flat[1:]
    keep = ~near
    point, fraction, xy, axis, contour, arc = (v[keep] for v in (point, fraction, xy, axis, contour, arc))
    return Nodes(point - b.start[contour] + fraction, contour, arc, xy, np.zeros(len(point)), axis)


def _assemble(nodes: Nodes, n_offcurve: np.ndarray, offcurve: np.ndarray, raster: np.ndarray) -> PixelOutline:
    """Each open run is its node (on-curve) then its off-curve points; closed runs are off-curve points only."""
    n_contours, n_open = len(raster), len(nodes.arc)
    has_node = np.zeros(n_contours, bool)
    has_node[nodes.contour] = True
    run_contour = np.concatenate([nodes.contour, np.nonzero(~has_node)[0]])
    n_node = (np.arange(len(run_contour)) < n_open).astype(np.int64)
    # Open runs come sorted by contour; a stable sort slots each closed run in at its contour.
    order = np.argsort(run_contour, kind="stable")
    size = n_node + n_offcurve
    placed_start = np.zeros(len(run_contour), np.int64)
    placed_start[order] = np.cumsum(size[order]) - size[order]
    total = int(size.sum())
    points = np.empty((total, 2))
    on_curve = np.zeros(total, bool)
    node_at = placed_start[:n_open]
    points[node_at] = nodes.xy
    on_curve[node_at] = True
    off_run = np.repeat(np.arange(len(run_contour)), n_offcurve)
    first_off = np.cumsum(n_offcurve) - n_offcurve
    points[placed_start[off_run] + n_node[off_run] + np.arange(len(off_run)) - first_off[off_run]] = offcurve
    count = np.bincount(run_contour, size, minlength=n_contours).astype(np.int64)
    return PixelOutline(points, on_curve, count, raster)
