"""Django's management commands for developers of the sandbox.

Usage: `uv run python -m orderdesk_sandbox.manage makemigrations shop`.
The settings point at a throwaway database in the temporary folder.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

from django.core.management import execute_from_command_line

from orderdesk_sandbox import settings

logger = logging.getLogger(__name__)


def main() -> None:
    """Run a management command against a throwaway database."""
    with tempfile.TemporaryDirectory() as folder:
        settings.configure(Path(folder) / "manage.sqlite3", log_level="INFO")
        execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
