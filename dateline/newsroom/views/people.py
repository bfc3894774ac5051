"""Admins' pages: accounts and roles, the audit log; editors': tags."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from dateline.accounts.models import AuditEntry, User
from dateline.accounts.services import user_create, user_set_role
from dateline.content.models import Category, Tag

from .. import permissions, services
from ..access import newsroom_view, signed_in_user
from ..forms import CategoryForm, RoleForm, UserCreateForm
from ..selectors import newsroom_users


@newsroom_view
@require_http_methods(["GET", "POST"])
def users(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_users(signed_in_user(request)):
        raise PermissionDenied("Only admins manage accounts.")
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = user_create(by=signed_in_user(request), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Account {user.username} created.")
            return redirect("newsroom:users")
    return render(
        request,
        "newsroom/users.html",
        {"form": form, "users": newsroom_users(), "roles": User.Role.choices},
    )


@newsroom_view
@require_POST
def user_role(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_manage_users(signed_in_user(request)):
        raise PermissionDenied("Only admins change roles.")
    account = get_object_or_404(User, pk=pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        user_set_role(
            user=account, role=form.cleaned_data["role"], by=signed_in_user(request)
        )
        messages.success(
            request, f"{account.username} is now {account.get_role_display()}."
        )
    return redirect("newsroom:users")


@newsroom_view
def audit_log(request: HttpRequest) -> HttpResponse:
    if not permissions.can_read_audit_log(signed_in_user(request)):
        raise PermissionDenied("Only admins read the audit log.")
    entries = Paginator(AuditEntry.objects.all(), 100).get_page(request.GET.get("page"))
    return render(request, "newsroom/audit.html", {"entries": entries})


@newsroom_view
def tags_json(request: HttpRequest) -> JsonResponse:
    """Tag names starting with (then containing) the typed text, for autocomplete."""
    text = request.GET.get("q", "").strip()
    tags = (
        Tag.objects.filter(name__icontains=text).order_by("name")[:10] if text else []
    )
    return JsonResponse({"tags": [t.name for t in tags]})


@newsroom_view
@require_http_methods(["GET", "POST"])
def categories(request: HttpRequest) -> HttpResponse:
    """The site's sections; editors and admins add them."""
    may_manage = permissions.can_manage_taxonomy(signed_in_user(request))
    form = CategoryForm(request.POST or None)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied("Only editors manage categories.")
        if form.is_valid():
            section = services.category_create(
                by=signed_in_user(request), **form.cleaned_data
            )
            messages.success(request, f"Category {section.name} added.")
            return redirect("newsroom:categories")
    context = {
        "form": form,
        "categories": Category.objects.all(),
        "may_manage": may_manage,
    }
    return render(request, "newsroom/categories.html", context)
