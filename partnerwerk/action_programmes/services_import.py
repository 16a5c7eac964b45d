"""System imports of joint programmes (the reference loader; decision 0022): create or change
a programme, its fields of action and strategies by their keys. No per-user permission is
checked (the callers are management commands); history is kept as for any save."""

from collections.abc import Iterable

from partnerwerk.action_programmes.models import FieldOfAction, JointProgramme, StrategyLink
from partnerwerk.core.models import Source
from partnerwerk.core.upsert import UpsertState, record_upsert
from partnerwerk.partnerships.models import Partnership, Theme
from partnerwerk.programmes.models import Programme


def joint_programme_upsert(
    *,
    key: str,
    partnership: Partnership,
    title_de: str,
    title_en: str,
    vision_de: str,
    vision_en: str,
    visibility: str,
    current: bool,
    sources: Iterable[Source],
) -> tuple[JointProgramme, UpsertState]:
    """A programme `current` in the data becomes current when it is created and its
    partnership has no current programme yet; later loads never change which programme is
    current, so the office's choice of a newer one stands."""
    values = {
        "partnership": partnership,
        "title_de": title_de,
        "title_en": title_en,
        "vision_de": vision_de,
        "vision_en": vision_en,
        "visibility": visibility,
    }
    if current and not JointProgramme.all_objects.filter(key=key).exists():
        values["is_current"] = not JointProgramme.objects.filter(
            partnership=partnership, is_current=True
        ).exists()
    return record_upsert(
        JointProgramme, lookup={"key": key}, values=values, links={"sources": sources}
    )


def field_of_action_upsert(
    *,
    key: str,
    programme: JointProgramme,
    name_de: str,
    name_en: str,
    theme: Theme | None,
    description_de: str,
    description_en: str,
    position: int,
    sources: Iterable[Source],
) -> tuple[FieldOfAction, UpsertState]:
    return record_upsert(
        FieldOfAction,
        lookup={"key": key},
        values={
            "programme": programme,
            "name_de": name_de,
            "name_en": name_en,
            "theme": theme,
            "description_de": description_de,
            "description_en": description_en,
            "position": position,
        },
        links={"sources": sources},
    )


def strategy_upsert(
    *,
    key: str,
    programme: JointProgramme,
    side: str,
    title_de: str,
    title_en: str,
    city_strategy: Programme | None,
    source: Source | None,
    url: str,
) -> tuple[StrategyLink, UpsertState]:
    return record_upsert(
        StrategyLink,
        lookup={"key": key},
        values={
            "programme": programme,
            "side": side,
            "title_de": title_de,
            "title_en": title_en,
            "city_strategy": city_strategy,
            "source": source,
            "url": url,
        },
    )
