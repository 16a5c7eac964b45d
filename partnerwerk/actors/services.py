"""Writes to organisations and people, and the GDPR duties towards people: export of
everything held about a person, erasure (anonymised everywhere, history included) and the
retention review."""

import datetime
import json
import re
from collections.abc import Iterable

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerwerk.actors.models import Involvement, LegalBasis, Organisation, Person
from partnerwerk.core.models import Source, Visibility
from partnerwerk.core.services import UNCHANGED, Unchanged, changed_values, require_permission


def _save(record, many: dict) -> None:
    record.full_clean()
    record.save()
    for name, values in many.items():
        getattr(record, name).set(values)


@transaction.atomic
def organisation_create(
    *,
    actor,
    key: str,
    name: str,
    kind: str,
    name_en: str = "",
    short_name: str = "",
    parent: Organisation | None = None,
    place: Model | None = None,
    description_de: str = "",
    description_en: str = "",
    address: str = "",
    website: str = "",
    iati_identifier: str = "",
    sources: Iterable[Source] = (),
) -> Organisation:
    require_permission(actor, "actors.add_organisation")
    organisation = Organisation(
        key=key,
        name=name,
        kind=kind,
        name_en=name_en,
        short_name=short_name,
        parent=parent,
        place=place,
        description_de=description_de,
        description_en=description_en,
        address=address,
        website=website,
        iati_identifier=iati_identifier,
    )
    _save(organisation, {"sources": sources})
    return organisation


@transaction.atomic
def organisation_update(
    *,
    actor,
    organisation: Organisation,
    key: str | Unchanged = UNCHANGED,
    name: str | Unchanged = UNCHANGED,
    kind: str | Unchanged = UNCHANGED,
    name_en: str | Unchanged = UNCHANGED,
    short_name: str | Unchanged = UNCHANGED,
    parent: Organisation | None | Unchanged = UNCHANGED,
    place: Model | None | Unchanged = UNCHANGED,
    description_de: str | Unchanged = UNCHANGED,
    description_en: str | Unchanged = UNCHANGED,
    address: str | Unchanged = UNCHANGED,
    website: str | Unchanged = UNCHANGED,
    iati_identifier: str | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> Organisation:
    """Change the fields given; the others stay as they are."""
    require_permission(actor, "actors.change_organisation", organisation)
    fields = changed_values(
        {
            "key": key,
            "name": name,
            "kind": kind,
            "name_en": name_en,
            "short_name": short_name,
            "parent": parent,
            "place": place,
            "description_de": description_de,
            "description_en": description_en,
            "address": address,
            "website": website,
            "iati_identifier": iati_identifier,
        }
    )
    for field_name, value in fields.items():
        setattr(organisation, field_name, value)
    _save(organisation, changed_values({"sources": sources}))
    return organisation


def _check_legal_basis(person: Person) -> None:
    if person.legal_basis == LegalBasis.CONSENT and not (
        person.consent_given_on and person.consent_text.strip()
    ):
        raise ValidationError(
            {"consent_text": _("With consent as the legal basis, give its date and its text.")}
        )


@transaction.atomic
def person_create(
    *,
    actor,
    key: str,
    name: str,
    legal_basis: str,
    honorific: str = "",
    function_de: str = "",
    function_en: str = "",
    organisation: Organisation | None = None,
    email: str = "",
    phone: str = "",
    visibility: str = Visibility.INTERNAL,
    consent_given_on: datetime.date | None = None,
    consent_text: str = "",
    sources: Iterable[Source] = (),
) -> Person:
    require_permission(actor, "actors.add_person")
    person = Person(
        key=key,
        name=name,
        legal_basis=legal_basis,
        honorific=honorific,
        function_de=function_de,
        function_en=function_en,
        organisation=organisation,
        email=email,
        phone=phone,
        visibility=visibility,
        consent_given_on=consent_given_on,
        consent_text=consent_text,
    )
    _check_legal_basis(person)
    _save(person, {"sources": sources})
    return person


@transaction.atomic
def person_update(
    *,
    actor,
    person: Person,
    key: str | Unchanged = UNCHANGED,
    name: str | Unchanged = UNCHANGED,
    legal_basis: str | Unchanged = UNCHANGED,
    honorific: str | Unchanged = UNCHANGED,
    function_de: str | Unchanged = UNCHANGED,
    function_en: str | Unchanged = UNCHANGED,
    organisation: Organisation | None | Unchanged = UNCHANGED,
    email: str | Unchanged = UNCHANGED,
    phone: str | Unchanged = UNCHANGED,
    visibility: str | Unchanged = UNCHANGED,
    consent_given_on: datetime.date | None | Unchanged = UNCHANGED,
    consent_text: str | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> Person:
    """Change the fields given; the others stay as they are. An erased person stays erased."""
    require_permission(actor, "actors.change_person", person)
    if person.erased_at is not None:
        raise ValidationError(_("An erased person cannot be edited."))
    fields = changed_values(
        {
            "key": key,
            "name": name,
            "legal_basis": legal_basis,
            "honorific": honorific,
            "function_de": function_de,
            "function_en": function_en,
            "organisation": organisation,
            "email": email,
            "phone": phone,
            "visibility": visibility,
            "consent_given_on": consent_given_on,
            "consent_text": consent_text,
        }
    )
    for field_name, value in fields.items():
        setattr(person, field_name, value)
    _check_legal_basis(person)
    _save(person, changed_values({"sources": sources}))
    return person


# --- GDPR ---------------------------------------------------------------------------------

PERSONAL_FIELDS = (
    "key",
    "name",
    "honorific",
    "function_de",
    "function_en",
    "email",
    "phone",
    "visibility",
    "legal_basis",
    "consent_given_on",
    "consent_text",
)


def person_export(*, actor, person: Person) -> dict:
    """Everything held about a person (Art. 15 GDPR): the record, its involvements and every
    earlier version of both, as plain data ready for JSON."""
    require_permission(actor, "actors.export_person", person)
    involvements = Involvement.all_objects.filter(person=person).select_related(
        "partnership", "project", "activity"
    )
    return {
        "exported_at": timezone.now(),
        "person": {
            "id": person.pk,
            **{name: getattr(person, name) for name in PERSONAL_FIELDS},
            "organisation": str(person.organisation) if person.organisation_id else None,
            "created_at": person.created_at,
            "updated_at": person.updated_at,
            "deleted_at": person.deleted_at,
            "erased_at": person.erased_at,
            "sources": [source.citation for source in person.sources.all()],
        },
        "involvements": [
            {
                "id": involvement.pk,
                "role": involvement.role,
                "in": str(involvement.partnership or involvement.project or involvement.activity),
                "note_de": involvement.note_de,
                "note_en": involvement.note_en,
                "deleted_at": involvement.deleted_at,
            }
            for involvement in involvements
        ],
        "history": [
            {
                "date": version.history_date,
                "type": version.get_history_type_display(),
                "by_user_id": version.history_user_id,
                **{name: getattr(version, name) for name in PERSONAL_FIELDS},
            }
            for version in person.history.order_by("history_date")
        ],
        "involvement_history": [
            {
                "involvement_id": version.id,
                "date": version.history_date,
                "type": version.get_history_type_display(),
                "role": version.role,
                "note_de": version.note_de,
                "note_en": version.note_en,
            }
            for version in Involvement.history.filter(person_id=person.pk).order_by("history_date")
        ],
    }


# JSON encoder for person_export's dates and times.
ExportEncoder = DjangoJSONEncoder


def _anonymous_values(person: Person) -> dict:
    return {
        "key": f"erased-{person.pk}",
        "name": _("(erased)"),
        "honorific": "",
        "function_de": "",
        "function_en": "",
        "email": "",
        "phone": "",
        "visibility": Visibility.INTERNAL,
        "consent_text": "",
        "consent_given_on": None,
        "organisation": None,
    }


@transaction.atomic
def person_erase(*, actor, person: Person) -> Person:
    """Erase a person (Art. 17 GDPR): the record stays as an anonymous placeholder so the
    involvements still count, but every personal value is gone from the record, its notes
    and every history entry of both."""
    require_permission(actor, "actors.erase_person", person)
    values = _anonymous_values(person)
    # The legal basis no longer matters for an anonymous placeholder; public task keeps the
    # consent constraint satisfied without inventing a consent.
    values["legal_basis"] = LegalBasis.PUBLIC_TASK
    former_values = [value for value in (person.name, person.email) if value.strip()]
    now = timezone.now()
    Person.all_objects.filter(pk=person.pk).update(erased_at=now, **values)
    history_values = {
        ("organisation_id" if name == "organisation" else name): value
        for name, value in values.items()
    }
    Person.history.filter(id=person.pk).update(erased_at=now, **history_values)
    involvement_ids = list(
        Involvement.all_objects.filter(person=person).values_list("pk", flat=True)
    )
    Involvement.all_objects.filter(pk__in=involvement_ids).update(note_de="", note_en="")
    Involvement.history.filter(id__in=involvement_ids).update(note_de="", note_en="")
    _erase_from_admin_log(person=person, former_values=former_values, placeholder=values["name"])
    # The erasure itself is recorded (who and when), without any personal value.
    person.refresh_from_db()
    person._history_user = actor
    person._change_reason = "erased"
    person.save(update_fields=["updated_at"])
    return person


def _erase_from_admin_log(*, person: Person, former_values: list[str], placeholder: str) -> None:
    """The admin's log (its "recent actions") names records as they were: the person's own
    entries lose their text, and the name in any other entry (an involvement, a person added
    inline to an organisation) is replaced by the placeholder."""
    person_type = ContentType.objects.get_for_model(Person)
    LogEntry.objects.filter(content_type=person_type, object_id=str(person.pk)).update(
        object_repr=placeholder, change_message=""
    )
    if not former_values:
        return
    patterns = [
        re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.IGNORECASE) for value in former_values
    ]
    mentions = Q()
    for value in former_values:
        # The admin writes change messages with json.dumps, which escapes non-ASCII letters.
        for text in {value, json.dumps(value)[1:-1]}:
            mentions |= Q(object_repr__icontains=text) | Q(change_message__icontains=text)

    def scrub(text: str) -> str:
        for pattern in patterns:
            text = pattern.sub(placeholder, text)
        return text

    for entry in LogEntry.objects.filter(mentions):
        entry.object_repr = scrub(entry.object_repr)
        entry.change_message = _scrub_change_message(entry.change_message, scrub)
        entry.save(update_fields=["object_repr", "change_message"])


def _scrub_change_message(message: str, scrub) -> str:
    try:
        data = json.loads(message)
    except ValueError:  # a change message written as plain text
        return scrub(message)

    def walk(value):
        if isinstance(value, str):
            return scrub(value)
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        return value

    return json.dumps(walk(data))


# The system imports (reference loader, IATI reader, spreadsheet import) write through
# `services_import.py` (decision 0022).
