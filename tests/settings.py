"""The test suite's settings: the project's, with each process's cache in its own memory.

Each test starts with an empty cache (conftest) and counts only the records' queries. The
shared caches (the machine's cache database, Redis) are tested against real servers in
tests/test_serve.py.
"""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import DATABASES

DATABASES.pop("cache", None)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
