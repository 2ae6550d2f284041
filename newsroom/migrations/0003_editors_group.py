"""The Editors group: view, add and change every record of both apps, and publish.

Editors do not delete: a record that should not be public goes back to draft, and deleting
(which cascades, e.g. a visit's meetings) is left to administrators.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

APPS = ["visits", "newsroom"]
ACTIONS = ["view", "add", "change"]
PUBLISH = ["publish_article", "publish_visit", "publish_meeting", "publish_event"]
GROUP = "Editors"


def create_editors(apps, schema_editor):
    # Permissions are made after all migrations; a fresh database needs them now.
    for label in APPS:
        app_config = apps.get_app_config(label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    models = [
        model
        for label in APPS
        for model in apps.get_app_config(label).get_models()
        if not model._meta.model_name.startswith("historical")
    ]
    codenames = [f"{action}_{model._meta.model_name}" for model in models for action in ACTIONS]
    permissions = Permission.objects.filter(
        content_type__app_label__in=APPS, codename__in=[*codenames, *PUBLISH]
    )
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("visits", "0001_initial"),
        ("newsroom", "0002_proposal"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
