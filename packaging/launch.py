"""Entry point of the frozen app: the same command line as the ``workbench`` script.

Without a command it opens the window (a double-click); the ``.desktop`` file runs ``open %f``.
"""

import sys

from workbench.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
