"""The API keeps the promises of its OpenAPI document, checked by schemathesis over every
operation with generated valid and invalid input: no server error, only documented status
codes, and content types and bodies as documented.

The requests go through the real WSGI application (CSRF enforced, as for any client), in
process and inside the test's database transaction.
"""

import time

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection

from partnerwerk.testing import (
    make_active_partnership,
    make_activity,
    make_involvement,
    make_organisation,
    make_project,
)

pytestmark = pytest.mark.django_db

# Per operation and generation mode: enough to reach every documented error, small enough that
# the whole document runs in well under a minute on two cores.
EXAMPLES = 20


@pytest.fixture
def wsgi_app():
    # As Django's test client does: a request must not close the connection that holds the
    # test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def some_records():
    partnership = make_active_partnership()
    organisation = make_organisation()
    project = make_project(partnerships=[partnership])
    make_involvement(organisation=organisation, project=project, role="lead")
    make_activity(partnerships=[partnership], project=project)


def _can_be_invalid(operation: dict) -> bool:
    """Whether there is invalid input to make: a body, a required parameter or a parameter
    other than free text. (Asking for invalid input where there is none makes Hypothesis
    search until it gives up, which costs seconds per operation.)"""
    if "requestBody" in operation:
        return True
    for parameter in operation.get("parameters", []):
        schema = {
            key: value
            for key, value in parameter["schema"].items()
            if key not in ("title", "description", "default")
        }
        if (parameter["required"] and parameter["in"] != "path") or schema != {"type": "string"}:
            return True
    return False


def _check(operation, mode: GenerationMode, app) -> int:
    calls = 0

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,  # the same cases on every run, in CI too
        database=None,
        # No shrinking: a failure is reported as found (with a curl line to repeat it), and a
        # failing run stays short.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        nonlocal calls
        calls += 1
        response = case.call(app=app)
        # Invalid data too large for an anonymous body (core.security) is refused before it
        # is read, with the documented 413: a rejection, which schemathesis does not count.
        excluded = [negative_data_rejection] if response.status_code == 413 else None
        case.validate_response(response, excluded_checks=excluded)

    run()
    return calls


def test_every_operation_keeps_the_documented_contract(wsgi_app, some_records):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    failures, calls, started = [], 0, time.monotonic()
    for operation in operations:
        modes = [GenerationMode.POSITIVE]
        if _can_be_invalid(schema.raw_schema["paths"][operation.path][operation.method]):
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:
            try:
                calls += _check(operation, mode, wsgi_app)
            except (Exception, BaseExceptionGroup) as error:  # all of them, reported together
                failures.append(f"{operation.label} ({mode}): {error}")
    print(f"{len(operations)} operations, {calls} requests, {time.monotonic() - started:.1f} s")

    assert len(operations) >= 23  # the whole document, not a part that failed to load
    assert not failures, "\n\n".join(failures)
