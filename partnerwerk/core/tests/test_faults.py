"""Faults survived (issue 15, item 5): a registry import and a burst of office writes killed
with kill -9 inside their write transactions leave a consistent database (the database's
own integrity checks), nothing half-written, and the site serving and saving again.

The site is the multi-server harness's (nginx, two app servers, Redis, a copy of the test
database); the killed programs are the real ones (`partnerwerk import twin-cities`, the
services of the office) in their own processes on the same database. An app server killed
mid-request is in test_multi_server.py, a PostgreSQL restart in test_faults_postgres.py.
"""

import sys
import time

import pytest

from partnerwerk.core.tests.faults import (
    WriteWatch,
    fingerprints,
    integrity_problems,
    kill_mid_write,
)
from partnerwerk.core.tests.multi_server import REPO, Process, programs, running_site

pytestmark = [pytest.mark.xdist_group("faults"), pytest.mark.django_db]

# The first rows of the reference file: enough for a write transaction of a few tenths of a
# second (about 2,500 relations with their places, history and steps).
SLICE_ROWS = 2500

# One partnership with its first step per transaction, through the office's services, until
# killed; the number of each one committed is printed after its commit.
BURST = """
import datetime, django
django.setup()
from django.db import transaction
from django.db.backends.signals import connection_created

# A small page cache makes each write's rows reach the write-ahead log before its commit,
# as a large transaction's do: the kill then lands among written, uncommitted rows.
def small_page_cache(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = 10")

connection_created.connect(small_page_cache)
from partnerwerk.partnerships.models import PartnershipKind, StepKind
from partnerwerk.partnerships.services import partnership_add_step, partnership_create
from partnerwerk.testing import make_place, make_user

actor = make_user(role="office", username="burst-writer")
home = make_place(geonames_id=7_000_000, name="Burst home (test)")
for number in range(1, 1_000_000):
    with transaction.atomic():
        partner = make_place(geonames_id=7_000_000 + number, name=f"Burst partner {number}")
        partnership = partnership_create(
            actor=actor, key=f"burst-{number}", home=home, partner=partner,
            kind=PartnershipKind.TWINNING,
        )
        partnership_add_step(
            actor=actor, partnership=partnership, kind=StepKind.AGREEMENT_SIGNED,
            on=datetime.date(2011, 1, 1), precision="year",
        )
    print(number, flush=True)
"""

# Burst partnerships that are not whole: not exactly one step, no history row of their
# creation or of their step's, or a status that is not the one their step gives.
NOT_WHOLE = """
SELECT partnership.key FROM partnerships_partnership partnership
WHERE partnership.key LIKE 'burst-%' AND (
  (SELECT count(*) FROM partnerships_step step WHERE step.partnership_id = partnership.id) <> 1
  OR NOT EXISTS (SELECT 1 FROM partnerships_historicalpartnership history
                 WHERE history.id = partnership.id AND history.history_type = '+')
  OR NOT EXISTS (SELECT 1 FROM partnerships_historicalstep history
                 JOIN partnerships_step step ON step.id = history.id
                 WHERE step.partnership_id = partnership.id AND history.history_type = '+')
  OR partnership.status <> 'active' OR partnership.since IS NULL
)
"""


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    found = programs()
    with django_db_blocker.unblock(), running_site(found) as running:
        yield running


def start(site, name: str, command: list[str]) -> Process:
    """A program of the installation on the site's database, as the servers run it."""
    environment = site.processes["app A"].environment
    return Process(name, command, environment, site.folder / f"logs/{name}.log").start()


def wait_for_the_writer_to_be_gone(site) -> None:
    """PostgreSQL ends the session of a killed client when it notices the closed connection
    (at once on loopback); until then its transaction is open, though invisible."""
    watch = WriteWatch(site.database_url)
    deadline = time.monotonic() + 30
    while site.database_url.startswith("postgres") and watch.writing():
        assert time.monotonic() < deadline, "the killed program's session did not end"
        time.sleep(0.05)


def assert_the_site_reads_and_saves(site) -> None:
    for server in ("A", "B"):
        assert site.direct(server).get("/readyz").status == 200
        assert site.direct(server).get("/registry/").status == 200
    visitor = site.visitor()
    token = visitor.get("/accessibility/").csrf_token()
    form = {"message": "Nach dem Absturz", "csrfmiddlewaretoken": token}
    assert visitor.post("/accessibility/", form).status == 302
    saved = site.sql("SELECT message FROM feedback_feedback")
    assert ("Nach dem Absturz",) in saved


def test_a_registry_import_killed_mid_write_leaves_the_database_as_it_was(site):
    rows = (REPO / "data/twin-cities/twin_cities.csv").read_text().splitlines()
    csv = site.folder / "twin-cities-slice.csv"
    csv.write_text("\n".join(rows[: SLICE_ROWS + 1]) + "\n")
    before = fingerprints(site)
    command = ["-m", "partnerwerk.cli", "import", "twin-cities", str(csv), "--no-progress"]

    importer = start(site, "import", [sys.executable, *command])
    kill_mid_write(importer, site.database_url)
    wait_for_the_writer_to_be_gone(site)

    assert integrity_problems(site) == []
    after = fingerprints(site)
    changed = [table for table in before if after[table] != before[table]]
    assert changed == []  # not one relation, place, step or history row of the import
    assert_the_site_reads_and_saves(site)


def test_a_burst_of_office_writes_killed_mid_write_leaves_each_write_whole(site):
    writer = start(site, "burst", [sys.executable, "-c", BURST])
    # Let some writes commit first, so that there is something to be whole.
    watch_until = time.monotonic() + 120
    while len(writer.output().split()) < 20:
        assert writer.popen.poll() is None, writer.output()[-3000:]
        assert time.monotonic() < watch_until, "the burst wrote nothing"
        time.sleep(0.05)

    kill_mid_write(writer, site.database_url)
    wait_for_the_writer_to_be_gone(site)

    assert integrity_problems(site) == []
    committed = int(writer.output().split()[-1])
    keys = {key for (key,) in site.sql("SELECT key FROM partnerships_partnership")}
    burst = {key for key in keys if key.startswith("burst-")}
    # Every write reported as committed is there, and the one cut off is not.
    assert burst == {f"burst-{number}" for number in range(1, committed + 1)}
    assert site.sql(NOT_WHOLE) == []
    places = site.sql("SELECT count(*) FROM places_place WHERE name LIKE 'Burst partner %'")
    assert places == [(committed,)]  # the cut-off write's new place is gone with it
    assert_the_site_reads_and_saves(site)
