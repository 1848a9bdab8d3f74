"""The frozen app's entry point: ``fontassist`` with the same commands as the installed one.

With no arguments it opens the desktop app; ``--self-test`` checks the build.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    # Worker processes of a frozen app re-run this executable; freeze_support lets them start as workers.
    multiprocessing.freeze_support()
    from fontassist.cli import main

    sys.exit(main())
