"""The content model, split by noun; import from here, not from the modules."""

from .article import Article, ArticleAuthor, ArticleQuerySet
from .corrections import Correction
from .media import Image, Rendition
from .people import Author
from .revisions import Revision, article_snapshot
from .taxonomy import Category, Tag

__all__ = [
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "Author",
    "Category",
    "Correction",
    "Image",
    "Rendition",
    "Revision",
    "Tag",
    "article_snapshot",
]
