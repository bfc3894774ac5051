"""The one place that says who may do what in the newsroom.

Views, services and the JSON API ask these functions; nothing else decides.
One condition per line, so coverage shows every branch. Whether a step fits
the story's current state (a draft cannot be unpublished) is the services'
business, not this module's.
"""

from __future__ import annotations

from enum import StrEnum

from dateline.accounts.models import User
from dateline.content.models import Article

Role = User.Role
DESK = (Role.EDITOR, Role.ADMIN)


class Action(StrEnum):
    CREATE = "create"
    EDIT = "edit"
    SUBMIT = "submit"
    PUBLISH = "publish"
    SCHEDULE = "schedule"
    UNPUBLISH = "unpublish"
    CORRECT = "correct"
    DELETE = "delete"
    MANAGE_USERS = "manage users"
    MANAGE_TAXONOMY = "manage categories and tags"
    MANAGE_SOURCES = "manage wire sources"
    # An internal source fetches from private and loopback addresses; a drop
    # folder reads and moves files on the server.
    TRUST_SOURCES = "let a wire source reach the internal network or the server's files"
    READ_AUDIT_LOG = "read the audit log"


def is_member(user: User) -> bool:
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    return user.role in Role.values


def owns(user: User, article: Article) -> bool:
    return article.created_by_id == user.pk


def can_create(user: User) -> bool:
    return is_member(user)


def can_edit(user: User, article: Article) -> bool:
    if not is_member(user):
        return False
    if user.role in DESK:
        return True
    if not owns(user, article):
        return False
    if user.role == Role.AUTHOR:
        return True
    return article.status == Article.Status.DRAFT


def can_submit(user: User, article: Article) -> bool:
    return can_edit(user, article)


def can_publish(user: User, article: Article) -> bool:
    if not is_member(user):
        return False
    if user.role in DESK:
        return True
    if user.role != Role.AUTHOR:
        return False
    return owns(user, article)


def can_schedule(user: User, article: Article) -> bool:
    return can_publish(user, article)


def can_unpublish(user: User, article: Article) -> bool:
    return can_publish(user, article)


def can_correct(user: User, article: Article) -> bool:
    return can_publish(user, article)


def can_delete(user: User, article: Article) -> bool:
    if not is_member(user):
        return False
    if user.role in DESK:
        return True
    if not owns(user, article):
        return False
    # A story that has been public is taken down, not deleted, by its author.
    return article.status in (Article.Status.DRAFT, Article.Status.IN_REVIEW)


def can_manage_users(user: User) -> bool:
    if not is_member(user):
        return False
    return user.role == Role.ADMIN


def can_manage_taxonomy(user: User) -> bool:
    if not is_member(user):
        return False
    return user.role in DESK


def can_manage_sources(user: User) -> bool:
    if not is_member(user):
        return False
    return user.role in DESK


def can_trust_sources(user: User) -> bool:
    return can_manage_users(user)


def can_read_audit_log(user: User) -> bool:
    return can_manage_users(user)


_ON_ARTICLE = {
    Action.EDIT: can_edit,
    Action.SUBMIT: can_submit,
    Action.PUBLISH: can_publish,
    Action.SCHEDULE: can_schedule,
    Action.UNPUBLISH: can_unpublish,
    Action.CORRECT: can_correct,
    Action.DELETE: can_delete,
}
_GLOBAL = {
    Action.CREATE: can_create,
    Action.MANAGE_USERS: can_manage_users,
    Action.MANAGE_TAXONOMY: can_manage_taxonomy,
    Action.MANAGE_SOURCES: can_manage_sources,
    Action.TRUST_SOURCES: can_trust_sources,
    Action.READ_AUDIT_LOG: can_read_audit_log,
}


def allowed(user: User, action: Action, article: Article | None = None) -> bool:
    """Whether `user` may do `action` (to `article`, for per-story actions)."""
    if action in _GLOBAL:
        return _GLOBAL[action](user)
    if article is None:
        raise ValueError(f"{action} needs an article")
    return _ON_ARTICLE[action](user, article)


def allowed_actions(user: User, article: Article) -> set[Action]:
    """Every per-story action the user may take, for showing the right buttons."""
    return {action for action, check in _ON_ARTICLE.items() if check(user, article)}
