"""The content model, split by noun; import from here, not from the modules."""

from .article import Article, ArticleAuthor, ArticleQuerySet
from .media import Image
from .people import Author
from .taxonomy import Category, Tag

__all__ = [
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "Author",
    "Category",
    "Image",
    "Tag",
]
