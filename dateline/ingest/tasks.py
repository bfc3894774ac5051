"""Polling on the task queue: every minute, run the sources that are due."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from .models import Source
from .services import source_run, sources_due


@db_periodic_task(crontab(minute="*"))
@lock_task("ingest-poll")  # one poll at a time, however many consumers
def sources_poll() -> int:
    """Run every enabled source whose poll interval has passed."""
    due = sources_due()
    for source in due:
        source_run(source=source)
    return len(due)


@db_task()
def source_run_now(source_id: int) -> None:
    """Run one source now, as an editor asked; gone or disabled: nothing."""
    source = Source.objects.filter(pk=source_id, is_enabled=True).first()
    if source is not None:
        source_run(source=source)
