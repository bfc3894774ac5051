from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class DatelineUserAdmin(UserAdmin):
    list_display = ("username", "email", "role", "is_active")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Newsroom", {"fields": ("role",)}))
