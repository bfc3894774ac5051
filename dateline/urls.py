"""The whole URL map, grouped by audience: reader · admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("newsroom/", include("dateline.newsroom.urls")),
    # feeds · sitemaps · robots.txt · the JSON API (/api/v1/)
    path("", include("dateline.distribution.urls")),
    path("", include("dateline.reader.urls")),
]

handler404 = "dateline.reader.views.page_not_found"
handler500 = "dateline.serve.fallback.server_error"
