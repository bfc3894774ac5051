from django.urls import path, register_converter

from . import converters, search_views, views

register_converter(converters.Year, "yyyy")
register_converter(converters.TwoDigits, "nn")

app_name = "reader"

# WordPress's list URLs (/category/<slug>/, /tag/<slug>/, /author/<slug>/,
# …/page/<n>/) and its "day and name" permalinks, so that a publisher who
# moves from WordPress keeps every public path.
urlpatterns = [
    path("", views.home, name="home"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("page/<int:page>/", views.latest, name="latest"),
    path("latest/", views.latest, name="latest"),
    path("search/", search_views.search, name="search"),
    path("category/<slug:slug>/", views.category, name="category"),
    path("category/<slug:slug>/page/<int:page>/", views.category, name="category"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("tag/<slug:slug>/page/<int:page>/", views.tag, name="tag"),
    path("author/<slug:slug>/", views.author, name="author"),
    path("author/<slug:slug>/page/<int:page>/", views.author, name="author"),
    path("<yyyy:year>/", views.archive, name="archive"),
    path("<yyyy:year>/page/<int:page>/", views.archive, name="archive"),
    path("<yyyy:year>/<nn:month>/", views.archive, name="archive"),
    path("<yyyy:year>/<nn:month>/page/<int:page>/", views.archive, name="archive"),
    path("<yyyy:year>/<nn:month>/<nn:day>/", views.archive, name="archive"),
    path(
        "<yyyy:year>/<nn:month>/<nn:day>/page/<int:page>/",
        views.archive,
        name="archive",
    ),
    path("<yyyy:year>/<nn:month>/<nn:day>/<str:slug>/", views.article, name="article"),
]
