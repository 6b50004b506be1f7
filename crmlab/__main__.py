"""``python -m crmlab`` is the ``crmlab`` command line."""

import sys

from crmlab.cli import main

if __name__ == "__main__":
    sys.exit(main())
