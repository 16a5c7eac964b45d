import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from partnerwerk.testing import make_active_partnership, make_partnership

pytestmark = pytest.mark.django_db


def test_it_writes_the_dataset_to_the_output_file(tmp_path):
    make_active_partnership(key="dortmund-kumasi")
    output = tmp_path / "partnerships.json"

    call_command(
        "export", "partnerships", "--format", "json", "--output", str(output), stderr=io.StringIO()
    )

    assert [row["id"] for row in json.loads(output.read_text(encoding="utf-8"))] == [
        "dortmund-kumasi"
    ]


def test_it_writes_csv_to_stdout_by_default():
    make_partnership(key="dortmund-zhytomyr")
    stdout = io.StringIO()

    call_command("export", "partnerships", "--format", "csv", stdout=stdout)

    lines = stdout.getvalue().splitlines()
    assert lines[0].startswith("id,kind,status,since")
    assert lines[1].startswith("dortmund-zhytomyr,twinning,proposed,")


def test_it_writes_json_to_stdout_as_one_document():
    make_partnership()
    stdout = io.StringIO()

    call_command("export", "places", stdout=stdout)

    assert len(json.loads(stdout.getvalue())) == 2


def test_it_rejects_an_unknown_dataset_naming_the_allowed_ones():
    with pytest.raises(CommandError) as error:
        call_command("export", "secrets", stdout=io.StringIO())

    for name in ("places", "partnerships", "organisations", "people", "projects", "activities"):
        assert name in str(error.value)


def test_it_rejects_an_unknown_format():
    with pytest.raises(CommandError, match="xml"):
        call_command("export", "places", "--format", "xml", stdout=io.StringIO())
