"""Account writes: create an account, change its role."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from .audit import audit_record
from .models import AuditEntry, User


@transaction.atomic
def user_create(
    *,
    username: str,
    role: str,
    password: str,
    email: str = "",
    by: User | None = None,
) -> User:
    """Make a newsroom account; the password must pass the validators."""
    if role not in User.Role.values:
        raise ValueError(
            f"Unknown role {role!r}; one of {', '.join(User.Role.values)}."
        )
    user = User(username=username, email=email, role=role)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(
        action=AuditEntry.Action.USER_CREATE,
        actor=by,
        actor_name="" if by else "command line",
        target=username,
        detail=role,
    )
    return user


def user_set_role(*, user: User, role: str, by: User | None) -> User:
    """Change an account's role; the audit log records it (see audit.py)."""
    if role not in User.Role.values:
        raise ValueError(f"Unknown role {role!r}.")
    user._changed_by = by  # type: ignore[attr-defined]
    user.role = role
    user.save(update_fields=["role"])
    return user
