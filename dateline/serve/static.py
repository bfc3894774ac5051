"""Static files collected at start, safely when several processes start at once."""

from __future__ import annotations

import fcntl
import hashlib
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command


def static_collect() -> None:
    """collectstatic under an exclusive lock, one per STATIC_ROOT.

    Two app processes started together (systemd, `make bench`) would otherwise
    copy and hash the same files at once, and one fails on a file the other
    renamed.
    """
    root = Path(settings.STATIC_ROOT)
    # In the temporary folder, which every process on the box may write;
    # one lock per STATIC_ROOT.
    digest = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    with open(
        Path(tempfile.gettempdir()) / f"dateline-static-{digest}.lock", "w"
    ) as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        call_command("collectstatic", interactive=False, verbosity=0)
