from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dateline.distribution.models import WebhookSubscriber
from dateline.distribution.webhooks.services import webhook_subscriber_create


class Command(BaseCommand):
    help = (
        "Webhook subscribers: `webhook add URL [--internal]` registers one and "
        "prints its signing secret; `webhook list`; `webhook remove ID`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="register a subscriber URL")
        add.add_argument("url")
        add.add_argument(
            "--internal",
            action="store_true",
            help="allow a private, loopback or link-local address",
        )
        add.add_argument("--description", default="")
        actions.add_parser("list", help="every subscriber")
        remove = actions.add_parser("remove", help="delete a subscriber")
        remove.add_argument("id", type=int)

    def handle(self, *args: object, action: str, **options: Any) -> None:
        if action == "add":
            self._add(
                str(options["url"]),
                bool(options["internal"]),
                str(options["description"]),
            )
        elif action == "list":
            for s in WebhookSubscriber.objects.all():
                flags = " internal" if s.is_internal else ""
                flags += "" if s.is_active else " inactive"
                self.stdout.write(f"{s.pk}\t{s.url}{flags}")
        else:
            deleted, _ = WebhookSubscriber.objects.filter(pk=options["id"]).delete()
            if not deleted:
                raise CommandError(f"No subscriber {options['id']}.")
            self.stdout.write(f"Removed subscriber {options['id']}.")

    def _add(self, url: str, internal: bool, description: str) -> None:
        try:
            subscriber = webhook_subscriber_create(
                url=url, is_internal=internal, description=description
            )
        except ValidationError as refused:
            raise CommandError(" ".join(refused.messages)) from None
        self.stderr.write(f"Subscriber {subscriber.pk}: {subscriber.url}")
        self.stdout.write(f"secret: {subscriber.secret}")
