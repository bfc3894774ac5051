from django.conf import settings
from django.db import models

from .taxonomy import list_url


class Author(models.Model):
    """A byline. Wire agencies and imported writers need no account."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    bio = models.TextField(blank=True)
    avatar = models.ImageField(upload_to="avatars/%Y/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return list_url("reader:author", self.slug)
