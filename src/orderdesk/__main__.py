"""`orderdesk` and `python -m orderdesk`."""

import sys

from orderdesk.app import run
from orderdesk.cli import parse_options


def main() -> None:
    """Run the application and exit with its status."""
    sys.exit(run(parse_options()))


if __name__ == "__main__":
    main()
