"""fontassist: learn a target font's style and generate the characters it lacks.

The core (everything outside :mod:`fontassist.app`) never imports Qt; torch is
imported only by the modules that train or run models, so font handling and
the CLI's font commands start fast.
"""

__version__ = "0.1.0"
