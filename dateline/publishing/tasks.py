"""Scheduled publishing on the huey task queue (found by djhuey's autodiscovery)."""

from huey import crontab
from huey.contrib.djhuey import close_db, db_periodic_task, db_task, on_startup

from .scheduler import publish_due


@db_periodic_task(crontab())
def publish_due_every_minute() -> int:
    return len(publish_due())


@db_task()
def publish_due_at() -> int:
    """Enqueued with an eta by article_schedule, for to-the-second publishing."""
    return len(publish_due())


@on_startup()
@close_db
def publish_missed_at_start() -> None:
    publish_due()
