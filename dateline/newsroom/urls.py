from django.urls import path

from .views import auth, media, people, revisions, sources, stories, workflow

app_name = "newsroom"

urlpatterns = [
    path("", stories.stories, name="stories"),
    path("sign-in/", auth.sign_in, name="sign_in"),
    path("sign-out/", auth.sign_out, name="sign_out"),
    path("two-factor/", auth.two_factor, name="two_factor"),
    path("stories/new/", stories.story_new, name="story_new"),
    path("stories/<int:pk>/", stories.story, name="story"),
    path("stories/<int:pk>/autosave/", stories.story_autosave, name="story_autosave"),
    path("stories/<int:pk>/ping/", stories.story_ping, name="story_ping"),
    path("stories/<int:pk>/preview/", stories.story_preview, name="story_preview"),
    path("stories/<int:pk>/submit/", workflow.story_submit, name="story_submit"),
    path("stories/<int:pk>/publish/", workflow.story_publish, name="story_publish"),
    path(
        "stories/<int:pk>/unpublish/", workflow.story_unpublish, name="story_unpublish"
    ),
    path("stories/<int:pk>/note/", workflow.story_note, name="story_note"),
    path("stories/<int:pk>/delete/", workflow.story_delete, name="story_delete"),
    path("stories/<int:pk>/revisions/", revisions.revisions, name="revisions"),
    path(
        "stories/<int:pk>/revisions/<int:revision>/restore/",
        revisions.revision_restore,
        name="revision_restore",
    ),
    path("media/", media.media, name="media"),
    path("media.json", media.media_json, name="media_json"),
    path("tags.json", people.tags_json, name="tags_json"),
    path("categories/", people.categories, name="categories"),
    path("sources/", sources.sources, name="sources"),
    path("sources/<int:pk>/", sources.source, name="source"),
    path("sources/<int:pk>/run/", sources.source_run, name="source_run"),
    path("users/", people.users, name="users"),
    path("users/<int:pk>/role/", people.user_role, name="user_role"),
    path("audit/", people.audit_log, name="audit"),
]
