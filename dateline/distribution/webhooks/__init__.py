"""Outbound webhooks: signed POSTs to subscribers when a story goes out,
changes or comes down.

receivers.py listens to publishing.events and only enqueues; tasks.py fans
the event out to subscribers and delivers each POST on the task queue, with
retries; every attempt is kept for admins (models.WebhookAttempt).
"""
