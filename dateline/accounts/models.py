from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A newsroom account; readers never sign in."""

    class Role(models.TextChoices):
        CONTRIBUTOR = "contributor", "Contributor"
        AUTHOR = "author", "Author"
        EDITOR = "editor", "Editor"
        ADMIN = "admin", "Admin"

    role = models.CharField(max_length=16, choices=Role, default=Role.CONTRIBUTOR)
