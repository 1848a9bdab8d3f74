"""Vectorisation: tracing glyph rasters into TrueType outlines drawn into fontTools pens.

``trace(raster, frame, pen)`` is the entry point.
"""

from .tracer import (
    FontOutline,
    TraceStats,
    trace,
    trace_outline,
    trace_outlines,
    trace_to_glyph,
    trace_to_svg_path,
)
from .tracesettings import TraceSettings

__all__ = [
    "FontOutline",
    "TraceSettings",
    "TraceStats",
    "trace",
    "trace_outline",
    "trace_outlines",
    "trace_to_glyph",
    "trace_to_svg_path",
]
