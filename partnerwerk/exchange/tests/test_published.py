"""Public open-data files are written once per content generation and then sent from disk:
the next visitor gets the same bytes without a query, a change of public content gives the
next visitor the changed file, and nothing half-written is ever sent."""

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
    return sorted(path.name for path in directory.iterdir()) if directory.is_dir() else []


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


def test_a_visitor_who_leaves_early_leaves_no_file_to_send(client, settings):
    make_active_partnership(key="dortmund-kumasi")
    response = client.get("/data/partnerships.csv")
    chunks = iter(response.streaming_content)
    next(chunks)
    response.close()

    assert not [name for name in stored_names(settings) if not name.startswith(".")]
    assert not isinstance(client.get("/data/partnerships.csv"), FileResponse)


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
    assert stored_names(settings) == []


def test_a_name_that_is_not_a_dataset_file_is_refused():
    for name in ["../settings.py", "relations", "Relations.csv", "a/b.csv", ".hidden.csv"]:
        with pytest.raises(ValueError):
            published.stored_file(name)
