"""Reading one IATI activity into a project with its organisations, places, themes and SDG
tags. Every record is written by its own app's services (decision 0022); the money and
results are read in `finance`."""

from django.utils.text import slugify
from django.utils.translation import gettext as _

from partnerwerk.actors import services_import as actor_services
from partnerwerk.actors.models import Organisation
from partnerwerk.core.models import Visibility
from partnerwerk.exchange.iati import codes, finance
from partnerwerk.exchange.iati.elements import (
    KEY_LENGTH,
    PW,
    XML_LANG,
    _Changes,
    _iso,
    _precision,
    _texts,
)
from partnerwerk.exchange.importers import RowOutcome
from partnerwerk.exchange.tables import ImportFailure
from partnerwerk.partnerships import services_import as partnership_services
from partnerwerk.places import services as place_services
from partnerwerk.places.geonames import city_facts
from partnerwerk.places.models import Place
from partnerwerk.projects import services_import as project_services
from partnerwerk.projects.models import Project
from partnerwerk.sdg import services as sdg_services
from partnerwerk.sdg.models import Goal, Target


class ActivityReader:
    def __init__(self, document, file: str):
        self.file = file
        self.document = document

    def fail(self, element, field: str, message: str):
        raise ImportFailure(self.file, message, row=element.sourceline, field=field)

    # -- organisations ----------------------------------------------------------------------
    def organisation(self, element, language: str) -> Organisation:
        names = _texts(element, language)
        name = names.get(language) or names.get("de") or next(iter(names.values()), "")
        key = element.get(PW + "key")
        ref = element.get("ref") or ""
        found = None
        if key:
            found = Organisation.objects.filter(key=key).first()
        if found is None and ref:
            found = Organisation.objects.filter(iati_identifier=ref).first()
        if found is None and name:
            found = Organisation.objects.filter(name=name).first()
        if found is not None:
            return found
        if not name and not ref:
            self.fail(element, element.tag, _("The organisation has neither a name nor a ref."))
        english = names.get("en", "")
        return actor_services.organisation_create_imported(
            key=key or slugify(name or ref)[:80] or "organisation",
            name=name or ref,
            name_en=english if english != name else "",
            kind=codes.ORGANISATION_KIND_READ.get(element.get("type") or "", "association"),
            iati_identifier=ref,
        )

    # -- one activity -----------------------------------------------------------------------
    def activity_key(self, element) -> str:
        key = element.get(PW + "key")
        if key:
            return key[:KEY_LENGTH]
        identifier = (element.findtext("iati-identifier") or "").strip()
        reporting = element.find("reporting-org")
        prefix = (reporting.get("ref") if reporting is not None else "") or ""
        if prefix and identifier.startswith(prefix + "-"):
            identifier = identifier[len(prefix) + 1 :]
        key = slugify(identifier)[:KEY_LENGTH]
        if not key:
            self.fail(element, "iati-identifier", _("The activity has no usable identifier."))
        return key

    def activity(self, element) -> RowOutcome:
        language = (element.get(XML_LANG) or "en")[:2]
        key = self.activity_key(element)
        titles = _texts(element.find("title"), language)
        descriptions = {}
        for description in element.findall("description"):
            if description.get("type", "1") == "1":
                descriptions = _texts(description, language)
                break
        status_code = element.find("activity-status").get("code")
        status = codes.ACTIVITY_STATUS_READ.get(status_code)
        if status is None:
            self.fail(
                element.find("activity-status"),
                "activity-status",
                _("“%(code)s” is not an activity status code.") % {"code": status_code},
            )
        values = {
            "title_de": titles.get("de") or titles.get(language) or next(iter(titles.values()), ""),
            "title_en": titles.get("en", ""),
            "summary_de": descriptions.get("de", ""),
            "summary_en": descriptions.get("en", ""),
            "status": status,
            "visibility": Visibility.PUBLIC,
            "start_date": None,
            "start_precision": "",
            "end_date": None,
            "end_precision": "",
        }
        if not values["title_de"]:
            self.fail(element.find("title"), "title", _("The activity has no title."))
        if language not in ("de", "en") and not values["summary_de"]:
            values["summary_de"] = descriptions.get(language, "")
        for date in sorted(element.findall("activity-date"), key=lambda item: item.get("type")):
            prefix = "start" if date.get("type") in ("1", "2") else "end"
            values[f"{prefix}_date"] = _iso(date)
            values[f"{prefix}_precision"] = _precision(date)
        if (
            values["start_date"]
            and values["end_date"]
            and values["end_date"] < values["start_date"]
        ):
            self.fail(element, "activity-date", _("The activity ends before it starts."))
        existing = Project.all_objects.filter(key=key).first()
        if existing is not None and existing.deleted_at:
            self.fail(
                element,
                "iati-identifier",
                _("The project “%(key)s” was deleted; restore it in the office first.")
                % {"key": key},
            )
        changes = _Changes(created=existing is None)
        project, state = project_services.project_upsert(key=key, **values)
        changes.record("project", state)
        self.participants(element, project, language, changes)
        self.locations(element, project, changes)
        self.sectors(element, project, changes)
        self.tags(element, project, changes)
        finance.budgets(self, element, project, changes)
        finance.transactions(self, element, project, key, language, changes)
        finance.results(self, element, project, language, changes)
        state = "created" if changes.created else "changed" if changes.changed else "unchanged"
        changed = sorted(set(changes.changed or [])) if state == "changed" else []
        return RowOutcome(element.sourceline, key, state, changed)

    def participants(self, element, project, language, changes) -> None:
        roles = codes.reverse(codes.PARTICIPANT_ROLE)
        for participant in element.findall("participating-org"):
            role = roles.get(participant.get("role"))
            if role is None:
                self.fail(
                    participant,
                    "participating-org/@role",
                    _("“%(code)s” is not an organisation role.")
                    % {"code": participant.get("role")},
                )
            organisation = self.organisation(participant, language)
            if project_services.project_participant_ensure(
                project=project, organisation=organisation, role=role
            ):
                changes.note("participants")

    def locations(self, element, project, changes) -> None:
        for location in element.findall("location"):
            place = None
            for location_id in location.findall("location-id"):
                if location_id.get("vocabulary") == "G1" and location_id.get("code", "").isdigit():
                    names = _texts(location.find("name"), "de")
                    place = self.place(int(location_id.get("code")), names)
            if place is None:
                continue  # a place without a GeoNames id cannot be told apart from its namesakes
            partner_places = {p.partner_id for p in project.partnerships.all()}
            if place.pk in partner_places:
                continue
            if project_services.project_location_ensure(project=project, place=place):
                changes.note("locations")

    def place(self, geonames_id: int, names: dict) -> Place | None:
        """A known place, or one from GeoNames facts (offline) with the file's names."""
        place = Place.objects.filter(geonames_id=geonames_id).first()
        if place is None:
            facts = city_facts(geonames_id)
            if facts is None:
                return None
            place = place_services.place_get_or_create(
                geonames_id=geonames_id,
                facts=facts,
                name_de=names.get("de", "") if names.get("de") != facts["name"] else "",
                name_en=names.get("en", ""),
            )
        return place

    def sectors(self, element, project, changes) -> None:
        themes = []
        for sector in element.findall("sector"):
            if (
                sector.get("vocabulary") != "99"
                or sector.get("vocabulary-uri") != codes.THEME_VOCABULARY_URI
            ):
                continue
            code = slugify(sector.get("code", ""))[:60]
            names = _texts(sector, "de")
            themes.append(
                partnership_services.theme_get_or_create(
                    code=code, name_de=names.get("de") or code, name_en=names.get("en") or code
                )
            )
        if themes and project_services.project_themes_set(project=project, themes=themes):
            changes.note("themes")

    def tags(self, element, project, changes) -> None:
        for tag in element.findall("tag"):
            vocabulary, code = tag.get("vocabulary"), tag.get("code", "")
            if vocabulary == "2":
                goal = Goal.objects.filter(number=int(code)).first() if code.isdigit() else None
                if goal is None:
                    self.fail(tag, "tag/@code", _("“%(code)s” is not an SDG.") % {"code": code})
                target = None
            elif vocabulary == "3":
                target = Target.objects.filter(code=code).first()
                if target is None:
                    self.fail(
                        tag, "tag/@code", _("“%(code)s” is not an SDG target.") % {"code": code}
                    )
                goal = None
            else:
                continue
            if sdg_services.sdg_tag_ensure(subject=project, goal=goal, target=target):
                changes.note("sdgs")
