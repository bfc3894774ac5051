from functools import lru_cache

from django.db import models
from django.urls import reverse


@lru_cache(maxsize=8192)
def list_url(view: str, slug: str) -> str:
    """The URL of a section, topic or author page.

    A front page links each section and author dozens of times; the URL map
    never changes while a process runs, so each is reversed once.
    """
    return reverse(view, kwargs={"slug": slug})


class Category(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    # Sections appear on the home page in this order.
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return list_url("reader:category", self.slug)


class Tag(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return list_url("reader:tag", self.slug)
