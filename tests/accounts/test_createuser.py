import io

import pytest
from django.core.management import CommandError, call_command

from dateline.accounts.models import AuditEntry, User


def test_createuser_makes_an_editor_from_stdin_password(db, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase\n"))
    out = io.StringIO()
    call_command(
        "createuser", "maria", "--role", "editor", "--password-stdin", stdout=out
    )
    user = User.objects.get(username="maria")
    assert user.role == "editor"
    assert user.check_password("a long enough passphrase") is True
    assert out.getvalue() == (
        "Created maria (Editor).\nTwo-factor sign-in is set up at the first sign-in.\n"
    )
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor_name, entry.target, entry.detail) == (
        "user_create",
        "command line",
        "maria",
        "editor",
    )


def test_createuser_generates_a_password_without_a_terminal(db, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = io.StringIO()
    call_command("createuser", "sam", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Created sam (Contributor)."
    password = lines[1].removeprefix("Password: ")
    assert User.objects.get(username="sam").check_password(password) is True


def test_createuser_refuses_a_weak_password_and_a_taken_name(db, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("password\n"))
    with pytest.raises(CommandError, match=r"too short|too common"):
        call_command("createuser", "weak", "--password-stdin")
    assert User.objects.exists() is False
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase\n"))
    call_command("createuser", "weak", "--password-stdin", stdout=io.StringIO())
    with pytest.raises(CommandError, match="exists already"):
        call_command("createuser", "weak", "--password-stdin")
