"""`python -m multivector`: the same entry as the `multivector` command."""

import sys

from multivector.cli.main import main

sys.exit(main())
