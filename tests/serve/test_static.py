"""Processes that start together collect static files without tripping up."""

import subprocess
import sys

from .servers import base_env

COLLECT = (
    "import django; django.setup()\n"
    "from dateline.serve.static import static_collect\n"
    "static_collect()\n"
)


def test_processes_starting_together_all_collect_static_files(tmp_path):
    env = base_env(tmp_path, DJANGO_SETTINGS_MODULE="dateline.settings")
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", COLLECT], env=env, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    failures = [p.stderr.read().decode() for p in starts if p.wait(timeout=120)]
    assert failures == []
    assert (tmp_path / "static" / "staticfiles.json").exists()
    assert list((tmp_path / "static" / "reader").glob("site.*.css"))
