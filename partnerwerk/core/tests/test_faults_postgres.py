"""A PostgreSQL restart under load (issue 15, item 5) costs only the requests in flight:
afterwards every request succeeds, and the app servers were not restarted (their connection
pools check a connection before lending it: CONN_HEALTH_CHECKS in settings.py).

The restart needs a PostgreSQL server of the test's own: restarting the suite's would cut
off the tests running beside this one. So the test starts a throwaway cluster (as
bin/with-postgres does), restores the suite's migrated test database into it, and runs the
multi-server harness (nginx, two app servers, Redis) on it. It is part of the PostgreSQL
run of the suite only (`make test-postgres`); on SQLite there is no server to restart.
"""

import os
import threading
import time
from dataclasses import dataclass

import pytest

from partnerwerk.core.tests.faults import copy_test_database_into, throwaway_cluster
from partnerwerk.core.tests.multi_server import programs, running_site

pytestmark = [pytest.mark.xdist_group("faults_postgres"), pytest.mark.django_db]

CLIENTS = 6
# Questions that reach the database on every request: readiness, and a portal page and an
# API answer with a new query string each time (no cached answer fits).
PATHS = ("/readyz", "/projects/?n={n}", "/api/v1/projects?n={n}")


@dataclass(frozen=True)
class Request:
    path: str
    began: float
    ended: float
    status: int  # 0: no answer at all


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    found = programs()
    with django_db_blocker.unblock(), throwaway_cluster() as cluster:
        url = copy_test_database_into(cluster, "partnerwerk_restart")
        with running_site(found, database_url=url) as running:
            yield running, cluster


def ask_until(site, stop: threading.Event, done: list[Request], offset: int) -> None:
    number = offset
    while not stop.is_set():
        number += CLIENTS
        path = PATHS[number % len(PATHS)].format(n=number)
        began = time.monotonic()
        try:
            status = site.visitor().get(path).status
        except OSError:
            status = 0
        done.append(Request(path, began, time.monotonic(), status))


if os.environ.get("DATABASE_URL", "").startswith(("postgres:", "postgresql:")):

    def test_a_postgresql_restart_under_load_costs_only_the_requests_in_flight(site):
        site, cluster = site
        masters = {name: site.processes[f"app {name}"].popen.pid for name in ("A", "B")}
        stop, done = threading.Event(), []
        clients = [
            threading.Thread(target=ask_until, args=(site, stop, done, offset))
            for offset in range(CLIENTS)
        ]
        for client in clients:
            client.start()
        try:
            time.sleep(2)  # load before the restart
            restart_began = time.monotonic()
            cluster.restart()
            restart_done = time.monotonic()
            deadline = restart_done + 120
            while sum(request.began > restart_done for request in done) < 60:
                assert time.monotonic() < deadline, "hardly any answers after the restart"
                time.sleep(0.1)  # load after the restart
        finally:
            stop.set()
            for client in clients:
                client.join(30)

        before = [request for request in done if request.ended < restart_began]
        after = [request for request in done if request.began > restart_done]
        failed = [request for request in done if request.status != 200]
        assert before and all(request.status == 200 for request in before)
        assert [request for request in after if request.status != 200] == []
        # Whatever failed was under way while the server went down and came up again.
        assert all(
            request.began < restart_done and request.ended > restart_began for request in failed
        )
        # The same app server processes, both still serving.
        for name, pid in masters.items():
            process = site.processes[f"app {name}"]
            assert process.popen.pid == pid and process.popen.poll() is None
            assert site.direct(name).get("/readyz").status == 200
