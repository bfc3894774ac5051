"""The audit log: who signed in, published, unpublished, changed a role, deleted."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db.models.signals import post_init, post_save
from django.dispatch import receiver
from django.http import HttpRequest

from .models import AuditEntry, User


def audit_record(
    *,
    action: str,
    actor: User | None = None,
    target: str = "",
    detail: str = "",
    request: HttpRequest | None = None,
    actor_name: str = "",
) -> AuditEntry:
    """Append one entry to the audit log."""
    return AuditEntry.objects.create(
        action=action,
        actor=actor if actor is not None and actor.pk else None,
        actor_name=actor_name or (actor.get_username() if actor else ""),
        target=target[:300],
        detail=detail[:500],
        ip_address=request.META.get("REMOTE_ADDR") if request else None,
    )


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    audit_record(action=AuditEntry.Action.SIGN_IN, actor=user, request=request)


@receiver(user_logged_out)
def _signed_out(
    sender: Any, request: HttpRequest, user: User | None, **kwargs: Any
) -> None:
    if user is not None:
        audit_record(action=AuditEntry.Action.SIGN_OUT, actor=user, request=request)


@receiver(user_login_failed)
def _sign_in_failed(
    sender: Any,
    credentials: dict[str, Any],
    request: HttpRequest | None = None,
    **kwargs: Any,
) -> None:
    audit_record(
        action=AuditEntry.Action.SIGN_IN_FAILED,
        actor_name=str(credentials.get("username", ""))[:150],
        request=request,
    )


# Role changes are caught on the model, so the admin, the command line and
# the newsroom are all logged without each remembering to.
@receiver(post_init, sender=User)
def _remember_role(sender: type[User], instance: User, **kwargs: Any) -> None:
    instance._loaded_role = instance.role  # type: ignore[attr-defined]


@receiver(post_save, sender=User)
def _role_changed(
    sender: type[User], instance: User, created: bool, **kwargs: Any
) -> None:
    before = getattr(instance, "_loaded_role", None)
    if not created and before != instance.role:
        audit_record(
            action=AuditEntry.Action.ROLE_CHANGE,
            actor=getattr(instance, "_changed_by", None),
            target=instance.get_username(),
            detail=f"{before} → {instance.role}",
        )
    instance._loaded_role = instance.role  # type: ignore[attr-defined]
