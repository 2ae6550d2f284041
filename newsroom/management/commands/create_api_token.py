"""Print a user's API token, made on first use; scripts send it as `Authorization: Token <key>`."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token

EDITORS = "Editors"


class Command(BaseCommand):
    help = (
        "Print the API token of a user, creating it if needed. --reset replaces it; "
        "--create-user makes a user without a password (token only); --editor adds the user "
        "to the Editors group."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reset", action="store_true", help="Replace an existing token.")
        parser.add_argument(
            "--create-user", action="store_true", help="Create the user if there is none."
        )
        parser.add_argument(
            "--editor", action="store_true", help="Add the user to the Editors group."
        )

    def handle(self, *args, username, reset, create_user, editor, **options):
        users = get_user_model().objects
        try:
            user = users.get_by_natural_key(username)
        except users.model.DoesNotExist:
            if not create_user:
                raise CommandError(
                    f"No user '{username}'; add --create-user to make one."
                ) from None
            user = users.create_user(username=username, password=None)
        if not user.is_active:
            raise CommandError(f"User '{username}' is inactive: a token would not work.")
        if editor:
            try:
                user.groups.add(Group.objects.get(name=EDITORS))
            except Group.DoesNotExist:
                raise CommandError("There is no Editors group: run migrate first.") from None
        if reset:
            Token.objects.filter(user=user).delete()
        token, _created = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
