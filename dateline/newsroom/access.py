"""Who gets into the newsroom at all: signed in, a member, and verified.

Editors and admins must also have confirmed a one-time code this session
(settings.DATELINE_TWO_FACTOR_ROLES). What a member may do once inside is
permissions.py's business.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from dateline.accounts.models import User

from . import permissions

View = Callable[..., HttpResponse]


def signed_in_user(request: HttpRequest) -> User:
    """request.user, for views behind newsroom_view or login_required."""
    user = request.user
    assert isinstance(user, User), "only signed-in users reach this view"
    return user


def is_verified(request: HttpRequest) -> bool:
    user = request.user
    if not getattr(user, "needs_two_factor", False):
        return True
    # OTPMiddleware adds is_verified; a user logged in during this very
    # request has not passed through it, and has confirmed no code yet.
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


def newsroom_view(view: View) -> View:
    """Let only signed-in, verified newsroom members through."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not permissions.is_member(signed_in_user(request)):
            raise PermissionDenied("This account has no newsroom role.")
        if not is_verified(request):
            return redirect("newsroom:two_factor")
        return view(request, *args, **kwargs)

    return wrapper
