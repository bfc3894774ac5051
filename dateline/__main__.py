"""The `dateline` command: Django's management commands under one name.

`dateline serve`, `dateline loaddemo`, `dateline migrate` … each subcommand
is a management command living in the package that owns the work.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line([sys.argv[0], *sys.argv[1:]])


if __name__ == "__main__":
    main()
