"""Sub-pixel boundary polygons of rasters (marching squares)."""

import numpy as np

from fontassist.vector.boundaries import Boundaries
from fontassist.vector.isolines import boundary_polygons


def _polygons(raster, level=127.5):
    points, count, _ = boundary_polygons(raster[None], level)
    return points, count


def _boundaries(raster, level=127.5):
    return Boundaries.from_points(*_polygons(raster, level))


def test_empty_raster_has_no_boundary():
    points, count = _polygons(np.zeros((16, 16), np.uint8))
    assert len(points) == 0 and len(count) == 0


def test_ring_gives_clockwise_outer_and_counter_clockwise_hole():
    raster = np.zeros((20, 20), np.uint8)
    raster[3:15, 4:16] = 255
    raster[6:10, 8:12] = 0
    b = _boundaries(raster)
    areas = sorted(b.enclosed_area())
    assert len(areas) == 2
    assert areas[0] < 0 < areas[1]  # the hole winds the other way
    # Pixel edges at 50 % lie halfway between centres: the outer boundary encloses 12×12 px
    # minus the four corners the level line cuts off.
    assert 140 < areas[1] < 144
    assert 14 < -areas[0] < 16


def test_grey_levels_place_edges_between_pixels():
    raster = np.zeros((10, 10), np.uint8)
    raster[2:8, 2:6] = 255
    raster[2:8, 6] = 64  # the right edge covers a quarter of column 6
    points, _ = _polygons(raster)
    right = points[(points[:, 1] > 3) & (points[:, 1] < 7), 0].max()
    # Linear interpolation between centre 5.5 (255) and 6.5 (64) crosses 127.5 at 6.5 - 63.5 / 191.
    assert abs(right - (6.5 - 63.5 / 191)) < 1e-6


def test_diagonal_neighbours_resolved_by_the_cell_mean():
    joined = np.zeros((6, 6), np.uint8)
    joined[2, 2] = joined[3, 3] = 255
    joined[2, 3] = joined[3, 2] = 120  # cell mean above 127.5: the two pixels connect
    assert len(_polygons(joined)[1]) == 1
    apart = joined.copy()
    apart[2, 3] = apart[3, 2] = 0
    assert len(_polygons(apart)[1]) == 2


def test_a_stack_is_traced_raster_by_raster_in_local_coordinates():
    stack = np.zeros((3, 12, 12), np.uint8)
    stack[0, 2:5, 2:5] = 255
    stack[2, 2:5, 2:5] = 255
    stack[2, 7:10, 7:10] = 255
    points, count, raster = boundary_polygons(stack, 127.5)
    assert raster.tolist() == [0, 2, 2]
    first = points[: count[0]]
    assert np.allclose(first, points[count[0] : count[0] + count[1]])  # the same square, same place
    assert first[:, 1].min() == 2.0 and first[:, 1].max() == 5.0
