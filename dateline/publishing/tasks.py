"""Scheduled publishing on the huey task queue (found by djhuey's autodiscovery)."""

import time

from django.db import OperationalError, connections
from huey import crontab
from huey.contrib.djhuey import (
    close_db,
    db_periodic_task,
    db_task,
    on_shutdown,
    on_startup,
)

from .scheduler import publish_due


@db_periodic_task(crontab())
def publish_due_every_minute() -> int:
    return len(publish_due())


# A busy SQLite database ("database is locked") is worth a quick retry.
@db_task(retries=5, retry_delay=1)
def publish_due_at() -> int:
    """Enqueued with an eta by article_schedule, for to-the-second publishing."""
    return len(publish_due())


@on_startup()
@close_db
def publish_missed_at_start() -> None:
    """Publish what fell due while no consumer ran (the site was down)."""
    for attempt in range(5):
        try:
            publish_due()
            return
        except OperationalError:
            if attempt == 4:
                raise
            time.sleep(0.5)


@on_shutdown()
def close_connections() -> None:
    """Leave no worker thread's database connection open behind a stop."""
    connections.close_all()
