from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class User(AbstractUser):
    """A newsroom account; readers never sign in."""

    class Role(models.TextChoices):
        CONTRIBUTOR = "contributor", "Contributor"
        AUTHOR = "author", "Author"
        EDITOR = "editor", "Editor"
        ADMIN = "admin", "Admin"

    role = models.CharField(max_length=16, choices=Role, default=Role.CONTRIBUTOR)

    @property
    def needs_two_factor(self) -> bool:
        """Whether this account must confirm a one-time code to use the newsroom."""
        return self.role in settings.DATELINE_TWO_FACTOR_ROLES


class AuditEntry(models.Model):
    """One security-relevant event, kept for admins to read."""

    class Action(models.TextChoices):
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        SIGN_OUT = "sign_out", "Signed out"
        TWO_FACTOR = "two_factor", "Two-factor set up"
        PUBLISH = "publish", "Published"
        SCHEDULE = "schedule", "Scheduled"
        UNPUBLISH = "unpublish", "Unpublished"
        CORRECT = "correct", "Corrected"
        DELETE = "delete", "Deleted"
        ROLE_CHANGE = "role_change", "Role changed"
        USER_CREATE = "user_create", "Account created"
        SOURCE_CHANGE = "source_change", "Wire source changed"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=24, choices=Action)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text so that an entry outlives the account or story it names.
    actor_name = models.CharField(max_length=150, blank=True)
    target = models.CharField(max_length=300, blank=True)
    detail = models.CharField(max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.target}"
