"""All boundary polygons of a batch of glyphs in flat arrays, measured by arc length.

Tracing works on every contour at once (numpy over the concatenated points),
so the cost does not grow with a Python loop over points or contours.
Positions are looked up by arc length, interpolated along the polygon, which
makes window sizes mean pixels rather than point counts (marching-squares
points lie anywhere from a hair to 1.4 px apart).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Boundaries:
    """Closed polygons, one after another, with arc lengths and wrap-around neighbours."""

    points: np.ndarray  # (N, 2) pixel x, y; contour c occupies start[c]:start[c] + count[c]
    start: np.ndarray  # (C,)
    count: np.ndarray  # (C,)
    contour: np.ndarray  # (N,) the contour each point belongs to
    following: np.ndarray  # (N,) index of the next point along its contour (wrapping)
    step: np.ndarray  # (N,) length of the edge from a point to the following one
    arc: np.ndarray  # (N,) arc length from its contour's first point
    length: np.ndarray  # (C,) perimeter
    offset: np.ndarray  # (C,) added to a contour's arc lengths to make ``key``
    key: np.ndarray  # (N,) arc + offset: increasing over the whole array, for searchsorted

    @classmethod
    def from_points(cls, points: np.ndarray, count: np.ndarray) -> Boundaries:
        """From polygons given as their points, polygon after polygon, and each one's point count."""
        start = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64)
        contour = np.repeat(np.arange(len(count)), count)
        following = np.arange(len(points)) + 1
        last = start + count - 1
        following[last] = start
        step = np.hypot(*(points[following] - points).T)
        step = np.maximum(step, 1e-9)
        cumulative = np.cumsum(step)
        before = np.concatenate([[0.0], cumulative])[start]  # arc length of all earlier contours
        arc = cumulative - step - before[contour]
        length = cumulative[last] - before
        offset = np.concatenate([[0.0], np.cumsum(length + 1.0)[:-1]])
        return cls(points, start, count, contour, following, step, arc, length, offset, arc + offset[contour])

    def enclosed_area(self) -> np.ndarray:
        """Signed area inside each contour (shoelace): positive when it runs clockwise on screen (ink inside)."""
        x, y = self.points[:, 0], self.points[:, 1]
        nxt = self.following
        return 0.5 * np.bincount(self.contour, x * y[nxt] - x[nxt] * y, minlength=len(self.count))

    def wrap(self, contour: np.ndarray, arc: np.ndarray) -> np.ndarray:
        """Arc lengths taken modulo each contour's perimeter."""
        return np.mod(arc, self.length[contour])

    def locate(self, contour: np.ndarray, arc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For arc lengths on given contours: the polygon edge they fall on and the fraction along it."""
        arc = self.wrap(contour, arc)
        index = np.searchsorted(self.key, self.offset[contour] + arc, side="right") - 1
        index = np.clip(index, self.start[contour], self.start[contour] + self.count[contour] - 1)
        fraction = np.clip((arc - self.arc[index]) / self.step[index], 0.0, 1.0)
        return index, fraction

    def position(self, contour: np.ndarray, arc: np.ndarray) -> np.ndarray:
        """Points at given arc lengths (any real value: they wrap around the contour)."""
        index, fraction = self.locate(contour, arc)
        a = self.points[index]
        return a + fraction[:, None] * (self.points[self.following[index]] - a)


def ring_gaps(
    length: np.ndarray, contour: np.ndarray, arc: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For marks at arc lengths along contours (sorted by contour, then arc): the next mark on
    the same contour (wrapping to its first), the arc length to it, and from the previous one."""
    n = len(contour)
    first = np.searchsorted(contour, contour, side="left")
    last_of_contour = np.append(contour[1:] != contour[:-1], True) if n else np.zeros(0, bool)
    following = np.where(last_of_contour, first, np.arange(n) + 1)
    perimeter = length[contour]
    ahead = np.mod(arc[following] - arc, perimeter)
    ahead = np.where(ahead <= 0, perimeter, ahead)
    behind = np.empty_like(ahead)
    behind[following] = ahead
    return following, ahead, behind
