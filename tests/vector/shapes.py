"""Hand-made boundary polygons for the vector modules' unit tests (pixel coordinates)."""

import numpy as np

from fontassist.vector.boundaries import Boundaries


def square_points(x0=10.0, y0=10.0, size=30.0, step=0.5):
    """A square's boundary sampled every ``step`` px, as marching squares would give it."""
    n = int(size / step)
    t = np.arange(n) * step
    sides = [
        np.stack([x0 + t, np.full(n, y0)], 1),
        np.stack([np.full(n, x0 + size), y0 + t], 1),
        np.stack([x0 + size - t, np.full(n, y0 + size)], 1),
        np.stack([np.full(n, x0), y0 + size - t], 1),
    ]
    return np.concatenate(sides)


def circle_points(cx=30.0, cy=30.0, r=15.0, n=200):
    a = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return np.stack([cx + r * np.cos(a), cy + r * np.sin(a)], 1)


def boundaries(*polygons):
    points = np.concatenate(polygons)
    return Boundaries.from_points(points, np.array([len(p) for p in polygons]))
