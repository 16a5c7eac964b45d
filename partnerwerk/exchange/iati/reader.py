"""Read an IATI 2.03 activity file: projects, their organisations, money, places and results.

The file is refused before anything is written when it declares a DTD or entities (an
entity expansion attack needs one), is not well-formed, or does not validate against the
2.03 schema; the message names the file and the line. Activities are matched by their
`partnerwerk:key` or, in files from elsewhere, by their identifier without the reporting
organisation's prefix; importing the same file twice changes nothing. Imported projects are
public: they were published in IATI already. The whole file is one transaction; a dry run
rolls it back.
"""

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring as defused_fromstring
from django.db import transaction
from django.utils.translation import gettext as _
from lxml import etree

from partnerwerk.exchange.iati.activities import ActivityReader
from partnerwerk.exchange.iati.schema import schema_errors
from partnerwerk.exchange.importers import ImportPlan
from partnerwerk.exchange.tables import MAX_FILE_BYTES, ImportFailure


class _DryRun(Exception):
    pass


def parse(data: bytes, file: str) -> etree._Element:
    """The document, or an ImportFailure naming the file and the line."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailure(
            file, _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_BYTES >> 20}
        )
    try:
        defused_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden):
        raise ImportFailure(
            file,
            _("The file declares a DTD or entities; IATI files have none, so it is refused."),
        ) from None
    except Exception as error:  # ParseError: not well-formed XML
        position = getattr(error, "position", None)
        raise ImportFailure(
            file,
            _("The file is not well-formed XML (%(error)s).") % {"error": error},
            row=position[0] if position else None,
        ) from None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        document = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ImportFailure(
            file,
            _("The file is not well-formed XML (%(error)s).") % {"error": error.msg},
            row=error.lineno,
        ) from None
    if etree.QName(document).localname != "iati-activities":
        raise ImportFailure(
            file, _("The file is not an IATI activity file (<iati-activities>)."), row=1
        )
    errors = schema_errors(document)
    if errors:
        raise ImportFailure(
            file,
            _("The file does not validate against the IATI 2.03 schema: %(error)s")
            % {"error": errors[0]},
        )
    return document


def import_iati(data: bytes, file: str, *, dry_run: bool = False) -> ImportPlan:
    document = parse(data, file)
    plan = ImportPlan("iati", file, [])
    try:
        with transaction.atomic():
            reader = ActivityReader(document, file)
            for element in document.findall("iati-activity"):
                plan.outcomes.append(reader.activity(element))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return plan
