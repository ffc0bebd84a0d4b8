"""The packaged app's entry script: the same `multivector` command line and window."""

import sys

from multivector.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
