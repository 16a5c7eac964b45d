"""The `relations` dataset (moved with the exporter from registry/tests/test_views.py)."""

import json

import pytest
from django.core.management import call_command

from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.testing import make_partnership, make_place

pytestmark = pytest.mark.django_db


def _registry(home, partner):
    return make_partnership(home=home, partner=partner, origin=PartnershipOrigin.REGISTRY)


def test_export_relations_writes_registry_relations_as_home_and_partner(tmp_path):
    _registry(make_place(name="Kumasi", country="GH"), make_place(name="Wenzhou", country="CN"))
    make_partnership()  # curated: not part of the dataset
    output = tmp_path / "relations.json"
    call_command("export", "relations", "--format", "json", "--output", str(output))
    rows = json.loads(output.read_text(encoding="utf-8"))
    assert [(row["home"]["name"], row["partner"]["name"], row["kind"]) for row in rows] == [
        ("Kumasi", "Wenzhou", "twinning")
    ]
    call_command("export", "relations", "--format", "csv", "--output", str(tmp_path / "r.csv"))
    header = (tmp_path / "r.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "home_name" in header and "partner_geonames_id" in header


def test_the_relations_dataset_leaves_out_a_pair_the_office_curates(tmp_path):
    dortmund, kumasi = make_place(name="Dortmund"), make_place(name="Kumasi", country="GH")
    make_partnership(home=dortmund, partner=kumasi, kind="climate")
    _registry(kumasi, dortmund)  # the registry's copy of the pair: in `partnerships` already
    _registry(kumasi, make_place(name="Wenzhou", country="CN"))
    output = tmp_path / "relations.json"
    call_command("export", "relations", "--format", "json", "--output", str(output))
    rows = json.loads(output.read_text(encoding="utf-8"))
    assert [(row["home"]["name"], row["partner"]["name"]) for row in rows] == [
        ("Kumasi", "Wenzhou")
    ]
