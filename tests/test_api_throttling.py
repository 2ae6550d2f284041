"""Anonymous and authenticated clients are throttled at rates set in settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom.throttling import AnonRateThrottle, UserRateThrottle

pytest_plugins = ["tests.api_support"]
pytestmark = pytest.mark.django_db

API = "/api/v1/"
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("role", "scope"), [("anonymous", "anon"), ("reader", "user"), ("editor", "user")]
)
def test_past_the_rate_requests_get_a_429(request, monkeypatch, role, scope):
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, scope, "3/minute")
    client = request.getfixturevalue(role)
    statuses = [client.get(API + "topics/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_rates_are_read_from_the_environment():
    environment = {**os.environ, "API_THROTTLE_ANON": "7/hour", "API_THROTTLE_USER": "70/hour"}
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "{'anon': '7/hour', 'user': '70/hour'}", result.stderr


def test_anonymous_and_user_throttles_are_on(settings):
    classes = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"]
    assert classes == [
        "newsroom.throttling.AnonRateThrottle",
        "newsroom.throttling.UserRateThrottle",
    ]
    assert UserRateThrottle.THROTTLE_RATES is AnonRateThrottle.THROTTLE_RATES
