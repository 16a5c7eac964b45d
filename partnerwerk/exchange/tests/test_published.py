"""Public open-data files are written once per content generation and then sent from disk:
the next visitor gets the same bytes without a query, a change of public content gives the
next visitor the changed file, and nothing half-written is ever sent."""

import fcntl

import pytest
from django.db import connection
from django.http import FileResponse
from django.test.utils import CaptureQueriesContext

from partnerwerk.exchange import published
from partnerwerk.testing import make_active_partnership, make_place

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def stored_names(settings) -> list[str]:
    directory = settings.PARTNERWERK_OPEN_DATA_DIR
    """The files stored to send (not the writers' lock files)."""
    if not directory.is_dir():
        return []
    return sorted(path.name for path in directory.iterdir() if not path.name.endswith(".lock"))


@pytest.mark.parametrize(
    "path",
    [
        "/data/partnerships.csv",
        "/data/partnerships.json",
        "/data/partner-cities.geojson",
        "/api/v1/open-data/partnerships.xlsx",
        "/api/v1/open-data/partner-cities.geojson",
    ],
)
def test_the_second_visitor_gets_the_same_file_without_a_query(client, path):
    make_active_partnership(home=make_place(geonames_id=2935517), key="dortmund-kumasi")
    first = client.get(path)
    first_body = body(first)

    with CaptureQueriesContext(connection) as queries:
        second = client.get(path)
        second_body = body(second)

    assert isinstance(second, FileResponse)
    assert second_body == first_body
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert second["Access-Control-Allow-Origin"] == "*"
    # The content generation is in the cache; the file itself needs no database.
    assert len(queries) == 0


def test_a_new_partnership_is_in_the_next_visitor_s_file_and_the_old_file_is_gone(client, settings):
    make_active_partnership(key="dortmund-kumasi")
    assert b"dortmund-kumasi" in body(client.get("/data/partnerships.csv"))
    before = stored_names(settings)

    make_active_partnership(key="dortmund-leeds")
    text = body(client.get("/data/partnerships.csv"))

    assert b"dortmund-leeds" in text and b"dortmund-kumasi" in text
    after = stored_names(settings)
    assert len(before) == len(after) == 1
    assert before != after


def test_a_file_whose_writing_fails_is_not_stored(settings):
    def broken(out):
        out.write(b"half a file")
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        published.public_file("partnerships.de.rfc4180.csv", broken)

    assert stored_names(settings) == []
    file = published.public_file("partnerships.de.rfc4180.csv", lambda out: out.write(b"whole"))
    with file:
        assert file.read() == b"whole"


def hold_the_writer_s_lock(settings, name: str):
    settings.PARTNERWERK_OPEN_DATA_DIR.mkdir(parents=True, exist_ok=True)
    lock = (settings.PARTNERWERK_OPEN_DATA_DIR / f"{name}.lock").open("a")
    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return lock


def test_while_another_process_writes_the_new_file_a_visitor_gets_the_previous_one(
    client, settings
):
    make_active_partnership(key="dortmund-kumasi")
    body(client.get("/data/partnerships.csv"))
    make_active_partnership(key="dortmund-leeds")

    with hold_the_writer_s_lock(settings, "partnerships.de.rfc4180.csv"):
        during = body(client.get("/data/partnerships.csv"))
    after = body(client.get("/data/partnerships.csv"))

    assert b"dortmund-kumasi" in during and b"dortmund-leeds" not in during
    assert b"dortmund-leeds" in after


def test_with_no_previous_file_a_visitor_waits_for_the_writer_and_then_writes_alone(
    client, settings, monkeypatch
):
    monkeypatch.setattr(published, "WAIT_SECONDS", 0.2)
    make_active_partnership(key="dortmund-kumasi")

    with hold_the_writer_s_lock(settings, "partnerships.de.rfc4180.csv"):
        text = body(client.get("/data/partnerships.csv"))

    assert b"dortmund-kumasi" in text


def test_the_excel_dialect_and_the_open_data_csv_are_kept_apart(client):
    make_active_partnership(key="dortmund-kumasi")
    plain = body(client.get("/data/partnerships.csv"))
    excel = client.get("/data/partnerships.csv?dialect=excel")

    assert body(excel) != plain
    assert body(client.get("/data/partnerships.csv")) == plain
    assert excel["Content-Disposition"].startswith("attachment")


def test_with_the_answer_cache_off_every_file_is_written_from_the_database(client, settings):
    settings.PARTNERWERK_CACHE_ANSWERS = False
    make_active_partnership(key="dortmund-kumasi")
    body(client.get("/data/partnerships.csv"))

    with CaptureQueriesContext(connection) as queries:
        text = body(client.get("/data/partnerships.csv"))

    assert b"dortmund-kumasi" in text
    assert len(queries) > 0
    assert not settings.PARTNERWERK_OPEN_DATA_DIR.exists()


def test_a_name_that_is_not_a_dataset_file_is_refused():
    for name in ["../settings.py", "relations", "Relations.csv", "a/b.csv", ".hidden.csv"]:
        with pytest.raises(ValueError):
            published.public_file(name, lambda out: out.write(b"never"))
