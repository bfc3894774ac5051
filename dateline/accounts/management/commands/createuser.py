import getpass
import secrets
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dateline.accounts.models import User
from dateline.accounts.services import user_create


class Command(BaseCommand):
    help = "Create a newsroom account: `dateline createuser NAME --role editor`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", choices=User.Role.values, default="contributor")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from standard input (otherwise: prompt, "
            "or generate one when there is no terminal)",
        )

    def handle(self, *args: object, **options: object) -> None:
        username = str(options["username"])
        if User.objects.filter(username=username).exists():
            raise CommandError(f"An account named {username} exists already.")
        generated = False
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
        elif sys.stdin.isatty():
            password = getpass.getpass("Password: ")
        else:
            password, generated = secrets.token_urlsafe(15), True
        try:
            user = user_create(
                username=username,
                role=str(options["role"]),
                email=str(options["email"]),
                password=password,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Created {user.username} ({user.get_role_display()}).")
        if generated:
            self.stdout.write(f"Password: {password}")
        if user.needs_two_factor:
            self.stdout.write("Two-factor sign-in is set up at the first sign-in.")
