"""Newsroom forms: they validate input and hand plain data to services."""

from __future__ import annotations

from typing import Any

from django import forms

from dateline.content.models import Author, Category, Correction, Image
from dateline.content.models.revisions import SNAPSHOT_FIELDS
from dateline.ingest.models import Source

DATETIME_INPUT = forms.DateTimeInput(
    attrs={"type": "datetime-local", "step": "1"}, format="%Y-%m-%dT%H:%M:%S"
)


class StoryForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    headline = forms.CharField(max_length=300)
    dateline = forms.CharField(
        max_length=120, required=False, help_text="Where the story was filed."
    )
    standfirst = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    slug = forms.SlugField(
        max_length=200,
        required=False,
        allow_unicode=True,
        help_text="The last part of the address. Left blank, made from the headline.",
    )
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), required=False)
    category = forms.ModelChoiceField(Category.objects.all(), required=False)
    tags = forms.CharField(
        required=False,
        max_length=1000,
        help_text="Comma-separated; start typing for suggestions.",
    )
    authors = forms.ModelMultipleChoiceField(
        Author.objects.all(), required=False, help_text="The byline, in order."
    )
    featured_image = forms.ModelChoiceField(
        Image.objects.order_by("-uploaded_at"), required=False
    )
    embargo_until = forms.DateTimeField(
        required=False, widget=DATETIME_INPUT, help_text="Not public before this time."
    )
    seo_title = forms.CharField(
        max_length=300, required=False, help_text="Blank: the headline."
    )
    seo_description = forms.CharField(
        max_length=300, required=False, help_text="Blank: the standfirst."
    )
    social_title = forms.CharField(
        max_length=300, required=False, help_text="Blank: the search title."
    )
    social_description = forms.CharField(
        max_length=300, required=False, help_text="Blank: the search description."
    )

    def tag_names(self) -> list[str]:
        names = self.cleaned_data.get("tags", "").split(",")
        return list(dict.fromkeys(n.strip() for n in names if n.strip()))

    def story_data(self) -> dict[str, Any]:
        """The cleaned form as the snapshot-shaped data services take (no tags)."""
        data = self.cleaned_data
        out: dict[str, Any] = {name: data.get(name, "") for name in SNAPSHOT_FIELDS}
        out["category"] = data["category"].pk if data.get("category") else None
        image = data.get("featured_image")
        out["featured_image"] = image.pk if image else None
        out["authors"] = [a.pk for a in data.get("authors") or []]
        out["embargo_until"] = data.get("embargo_until")
        return out


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        required=False,
        widget=DATETIME_INPUT,
        help_text="Blank: publish now.",
    )


class NoteForm(forms.Form):
    kind = forms.ChoiceField(choices=Correction.Kind.choices)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class ImageUploadForm(forms.Form):
    file = forms.FileField(help_text="JPEG, PNG, WebP or GIF, up to 20 MB.")
    alt_text = forms.CharField(
        max_length=300,
        help_text="What the picture shows, for readers who cannot see it.",
    )
    credit = forms.CharField(max_length=200, required=False)
    caption = forms.CharField(max_length=500, required=False)


class TwoFactorForm(forms.Form):
    code = forms.CharField(
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


class UserCreateForm(forms.Form):
    username = forms.CharField(max_length=150)
    email = forms.EmailField(required=False)
    role = forms.ChoiceField(choices=[])
    password = forms.CharField(widget=forms.PasswordInput, min_length=12)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from dateline.accounts.models import User

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = User.Role.choices  # type: ignore[attr-defined]


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=[])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from dateline.accounts.models import User

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = User.Role.choices  # type: ignore[attr-defined]


class CategoryForm(forms.Form):
    name = forms.CharField(max_length=100)
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class SourceForm(forms.ModelForm):
    poll_minutes = forms.IntegerField(
        min_value=1, max_value=24 * 60, initial=15, label="Poll every (minutes)"
    )

    class Meta:
        model = Source
        fields = [
            "name",
            "slug",
            "kind",
            "url",
            "folder",
            "poll_minutes",
            "default_category",
            "default_author",
            "rule",
            "is_enabled",
            "is_internal",
        ]
        labels = {
            "url": "URL",
            "folder": "Folder on the server",
            "is_enabled": "Enabled",
            "is_internal": "Internal (may reach private and loopback addresses)",
        }

    def __init__(self, *args: Any, may_trust: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not may_trust:
            # A disabled field keeps its stored value whatever is posted.
            for name in self.trusted_fields():
                self.fields[name].disabled = True
                self.fields[name].help_text = "Only an admin may change this."

    def trusted_fields(self) -> tuple[str, ...]:
        """What only an admin may change here (newsroom.services checks it):
        reaching the internal network or the server's files."""
        if self.instance.is_internal:
            return ("is_internal", "folder", "url", "kind")
        return ("is_internal", "folder")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, url, folder = data.get("kind"), data.get("url"), data.get("folder")
        if kind == Source.Kind.FEED and not url:
            self.add_error("url", "A feed needs its URL.")
        elif kind == Source.Kind.FOLDER and not folder:
            self.add_error("folder", "A drop folder needs its path.")
        elif not url and not folder:
            self.add_error("url", "Give a URL or a folder.")
        return data
