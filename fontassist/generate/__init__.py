"""Generation: run a checkpoint on a source font, with quality flags for review."""

from .inference import GeneratedGlyphs, Generator, write_outputs
from .quality import is_flagged, label_components, quality_flags, topology

__all__ = [
    "GeneratedGlyphs",
    "Generator",
    "is_flagged",
    "label_components",
    "quality_flags",
    "topology",
    "write_outputs",
]
