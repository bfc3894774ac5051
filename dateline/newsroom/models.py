from django.conf import settings
from django.db import models

from dateline.content.models import Article


class EditLock(models.Model):
    """Who has a story open in the editor; advisory, the version check is the guard."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="edit_lock"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    since = models.DateTimeField()
    touched_at = models.DateTimeField()  # the editor page pings while open

    def __str__(self) -> str:
        return f"{self.user} on {self.article_id}"
