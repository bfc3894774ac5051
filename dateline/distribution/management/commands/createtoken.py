from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dateline.accounts.models import User
from dateline.distribution.tokens import token_create
from dateline.newsroom import permissions


class Command(BaseCommand):
    help = (
        "Make an API token that acts as USER in the newsroom API; "
        "it is printed once and only its digest is kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="what the token is for")

    def handle(
        self, *args: object, username: str, name: str, **options: object
    ) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account called {username!r}.")
        if not permissions.is_member(user):
            raise CommandError(f"{username} is not an active newsroom member.")
        token, raw = token_create(user=user, name=name)
        self.stderr.write(
            f"Token {token.prefix}… for {username} ({user.get_role_display()}). "
            "Copy it now: it cannot be shown again."
        )
        self.stdout.write(raw)
