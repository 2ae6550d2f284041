"""Settings of the benchmark's workers: the project's production settings, changed below.

The environment the coordinator gives a worker sets DEBUG=0, a SECRET_KEY and DATABASE_URL.
"""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import DATABASES, REST_FRAMEWORK

# Requests come from django.test.Client, whose host is "testserver", over plain HTTP.
ALLOWED_HOSTS = ["testserver"]
SECURE_SSL_REDIRECT = False

# The project's URLs and the raw-SQL floors, served as requests (scale_bench.urls).
ROOT_URLCONF = "newsroom.scale_bench.urls"

# Throttling would turn a row measured twenty times into 429s.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}

# The manifest needs `collectstatic`; looking a name up in it costs next to nothing.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# One connection for the worker's life: reconnecting is not what a request costs.
DATABASES["default"]["CONN_MAX_AGE"] = None
