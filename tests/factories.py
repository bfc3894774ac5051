"""One factory per model; tests build data here, never from JSON fixtures."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from dateline.accounts.models import User
from dateline.content.models import Article, ArticleAuthor, Author, Category, Image, Tag


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    file = factory.django.ImageField(width=64, height=48, format="JPEG")
    alt_text = "A street in the rain"
    credit = "Photo: Jane Photographer"


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article, one author, in a category; `status=` for others."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Story number {n} makes the news")
    slug = factory.Sequence(lambda n: f"story-{n}")
    body = "<p>The first paragraph of the story, with enough words to tease.</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    updated_at = factory.LazyAttribute(lambda o: o.published_at or timezone.now())
    category = factory.SubFactory(CategoryFactory, name="World")

    @factory.post_generation
    def authors(self, create: bool, extracted: list[Author] | int | None) -> None:
        if not create:
            return
        if isinstance(extracted, int) or extracted is None:
            extracted = [AuthorFactory() for _ in range(extracted or 1)]
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=self, author=a, position=i)
            for i, a in enumerate(extracted)
        )

    @factory.post_generation
    def tags(self, create: bool, extracted: list[Tag] | None) -> None:
        if create and extracted:
            self.tags.set(extracted)


def publish_many(
    count: int, *, category: Category, author: Author, tag: Tag
) -> list[Article]:
    """Bulk-create `count` published articles sharing category, author and tag."""
    now = timezone.now()
    articles = []
    for n in range(count):
        article = Article(
            headline=f"Bulk story {n}",
            slug=f"bulk-{category.slug}-{n}",
            body=f"<p>Bulk body {n} &amp; more words here.</p>",
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=n + 5),
            category=category,
        )
        article.lead_text = f"Bulk body {n} & more words here."
        articles.append(article)
    articles = Article.objects.bulk_create(articles)
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=a, author=author) for a in articles
    )
    Article.tags.through.objects.bulk_create(
        Article.tags.through(article=a, tag=tag) for a in articles
    )
    return articles


def member(role: str, **kwargs: object) -> User:
    """A newsroom account with a role (contributor, author, editor, admin)."""
    user = UserFactory(role=role, username=kwargs.pop("username", role), **kwargs)
    user.save()  # UserFactory sets the password after saving
    return user
