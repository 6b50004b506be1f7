"""``python -m crmlab`` is the ``crmlab`` command line."""

import sys

from crmlab.course.cli import main

sys.exit(main())
