"""``python -m ogilint``: the command line, for environments where the script is not on PATH."""

import sys

from ogilint.cli import main

sys.exit(main())
