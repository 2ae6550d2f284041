from django.apps import AppConfig
from django.db.models import signals
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Security diplomacy")

    def ready(self):
        from visits.aggregates import create_version_function, forget_versions

        # The tables' version is a function on PostgreSQL, written anew after each migrate.
        # Once a migrate: post_migrate is sent for each app, this one's is enough.
        signals.post_migrate.connect(
            create_version_function, sender=self, dispatch_uid="visits-version-function"
        )

        # A cached aggregate read after a write in the same request sees that write.
        for signal in (signals.post_save, signals.post_delete, signals.m2m_changed):
            signal.connect(forget_versions, dispatch_uid=f"visits-forget-versions-{signal}")
