"""The desktop app (Qt). The only package that imports PySide6; it calls the same core as the CLI.

``import fontassist.app`` is cheap: Qt is imported when :func:`main` runs.
"""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    """Open the desktop app; ``argv`` as for ``fontassist-app`` (``--source``, ``--target``, ``--project``)."""
    from ..display import missing_display

    problem = missing_display()
    if problem:  # Qt would abort (exit 134) blaming a missing xcb library
        import sys

        print(f"fontassist: {problem}", file=sys.stderr)
        return 2
    from .application import main as run

    return run(argv)
