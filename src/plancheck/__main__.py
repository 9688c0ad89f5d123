"""``python -m plancheck``."""

import sys

from plancheck.cli import main

sys.exit(main())
