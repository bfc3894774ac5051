from django.contrib.postgres.search import SearchVectorField
from django.db import models

from dateline.content.models import Article


class SearchEntry(models.Model):
    """The indexed text of one article, in any state (decision 0005).

    The text is stored already plain and normalized (see folding.py), so that
    snippets are cut from exactly what was indexed. SQLite keeps an FTS5 table
    in step with this one through triggers; PostgreSQL fills `document`. Both
    are created in migration 0002: a migration that rebuilds this table on
    SQLite drops the triggers and must create them again.
    """

    article = models.OneToOneField(
        Article,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    headline = models.TextField()
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True)
    document = SearchVectorField(null=True)  # PostgreSQL only; NULL on SQLite
    indexed_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "search entries"

    def __str__(self) -> str:
        return self.headline
