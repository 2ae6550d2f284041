from django.apps import AppConfig
from django.db.models import signals
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Press")

    def ready(self):
        from newsroom.caching import create_cache_table

        # `migrate` readies everything a server needs, the cache's table included.
        signals.post_migrate.connect(
            create_cache_table, sender=self, dispatch_uid="newsroom-cache-table"
        )
