"""First set-up: one admin account, created once."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_ensure_admin_creates_an_admin_with_the_given_password(monkeypatch, capsys):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-and-private-passphrase")
    call_command("ensure_admin")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password("a-long-and-private-passphrase")
    assert "a-long-and-private-passphrase" not in capsys.readouterr().out


def test_ensure_admin_prints_a_generated_password_once(monkeypatch, capsys):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    first = capsys.readouterr().out
    password = first.rsplit(": ", 1)[1].strip()
    assert get_user_model().objects.get(username="admin").check_password(password)

    call_command("ensure_admin")
    second = capsys.readouterr().out
    assert password not in second
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert get_user_model().objects.get(username="admin").check_password(password)
