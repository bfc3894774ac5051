"""Static files collected at start, safely when several processes start at once."""

from __future__ import annotations

import fcntl
from pathlib import Path

from django.conf import settings
from django.core.management import call_command


def static_collect() -> None:
    """collectstatic under an exclusive lock beside STATIC_ROOT.

    Two app processes started together (systemd, `make bench`) would otherwise
    copy and hash the same files at once, and one fails on a file the other
    renamed.
    """
    root = Path(settings.STATIC_ROOT)
    root.parent.mkdir(parents=True, exist_ok=True)
    with open(root.parent / f"{root.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        call_command("collectstatic", interactive=False, verbosity=0)
