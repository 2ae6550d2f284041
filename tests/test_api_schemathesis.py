"""A property-based run of the OpenAPI schema against the API: no 5xx, no response off-schema.

Each operation gets a bounded number of generated requests, valid and invalid, sent as an
editor (so writes go through) to the WSGI application over the seed records, inside the
test's transaction. Hypothesis is derandomized so that a run is the same on every machine.
"""

import time

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

pytest_plugins = ["tests.api_support"]

EXAMPLES_PER_OPERATION = {GenerationMode.POSITIVE: 8, GenerationMode.NEGATIVE: 4}
# A guard against a run that grows: the whole run is meant to take well under this.
TIME_LIMIT_SECONDS = 120
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def wsgi_app(seed):
    """The application, keeping the test's connection open as Django's test client does."""
    signals = [request_started, request_finished]
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield get_wsgi_application()
    for signal in signals:
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(wsgi_app):
    return schemathesis.openapi.from_wsgi("/api/v1/schema/", wsgi_app)


def run_operation(operation, mode, headers) -> int:
    """Send the operation's generated requests; how many were sent."""
    sent = 0

    @settings(
        max_examples=EXAMPLES_PER_OPERATION[mode],
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        nonlocal sent
        cache.clear()  # throttling is not under test here
        case.call_and_validate(headers=headers, checks=CHECKS)
        sent += 1

    try:
        check()
    except Unsatisfiable:
        # Some operations have no invalid input to make (e.g. a list without required fields).
        assert mode == GenerationMode.NEGATIVE
    return sent


@pytest.mark.parametrize("mode", list(EXAMPLES_PER_OPERATION), ids=lambda mode: mode.value)
def test_generated_requests_get_no_server_error_and_conform_to_the_schema(api_schema, editor, mode):
    headers = {"Authorization": editor._credentials["HTTP_AUTHORIZATION"]}
    started = time.monotonic()
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 40
    sent = sum(run_operation(operation, mode, headers) for operation in operations)
    assert sent > 3 * len(operations)
    assert time.monotonic() - started < TIME_LIMIT_SECONDS
