"""Create the first admin account once; later runs leave it as it is."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser (default 'admin') if none by that name exists. The password is "
        "ADMIN_PASSWORD, or generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))
        parser.add_argument("--email", default=os.environ.get("ADMIN_EMAIL", ""))

    def handle(self, *args, username, email, **options):
        users = get_user_model().objects
        if users.filter(username=username).exists():
            self.stdout.write(f"Admin account '{username}' already exists; left unchanged.")
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        users.create_superuser(username=username, email=email, password=password)
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(f"Admin account '{username}' created with ADMIN_PASSWORD.")
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Admin account '{username}' created. Password (shown once): {password}"
                )
            )
