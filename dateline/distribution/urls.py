from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from . import feeds, sitemaps, views
from .api.endpoints import api

app_name = "distribution"

SECTION_URL = "distribution:sitemap-section"

# WordPress's feed paths, so subscribers keep their feeds after a move.
urlpatterns = [
    path("feed/", views.conditional_feed(feeds.LatestFeed()), name="feed"),
    path(
        "feed/atom/", views.conditional_feed(feeds.LatestAtomFeed()), name="feed-atom"
    ),
    path(
        "category/<slug:slug>/feed/",
        views.conditional_feed(feeds.CategoryFeed()),
        name="category-feed",
    ),
    path(
        "category/<slug:slug>/feed/atom/",
        views.conditional_feed(feeds.CategoryAtomFeed()),
        name="category-feed-atom",
    ),
    path(
        "tag/<slug:slug>/feed/",
        views.conditional_feed(feeds.TagFeed()),
        name="tag-feed",
    ),
    path(
        "tag/<slug:slug>/feed/atom/",
        views.conditional_feed(feeds.TagAtomFeed()),
        name="tag-feed-atom",
    ),
    path(
        "author/<slug:slug>/feed/",
        views.conditional_feed(feeds.AuthorFeed()),
        name="author-feed",
    ),
    path(
        "author/<slug:slug>/feed/atom/",
        views.conditional_feed(feeds.AuthorAtomFeed()),
        name="author-feed-atom",
    ),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {
            "sitemaps": sitemaps.SITEMAPS,
            "sitemap_url_name": SECTION_URL,
            "template_name": "distribution/sitemap_index.xml",
        },
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps.SITEMAPS, "template_name": "distribution/sitemap.xml"},
        name="sitemap-section",
    ),
    path(
        "news-sitemap.xml",
        sitemap_views.sitemap,
        {
            "sitemaps": {"news": sitemaps.NewsSitemap},
            "template_name": "distribution/news_sitemap.xml",
        },
        name="news-sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("api/v1/", api.urls),
]
