"""gunicorn's settings for `make serve`, read from the environment."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS") or 2 * (os.cpu_count() or 1) + 1)
# The settings (and the secret key, created on first run) are read once, before the workers.
preload_app = True
# A request that takes longer is a bug; its worker is replaced rather than held.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Workers are renewed now and then, so that a slow leak never grows for long.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
