"""Values read from IATI elements: narratives by language, dates, amounts."""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from partnerwerk.exchange.iati import codes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PW = f"{{{codes.NAMESPACE}}}"
KEY_LENGTH = 120


def _texts(element, default_language: str) -> dict[str, str]:
    """The narratives of an element by language."""
    texts = {}
    if element is None:
        return texts
    for narrative in element.findall("narrative"):
        language = narrative.get(XML_LANG) or default_language
        texts.setdefault(language[:2], (narrative.text or "").strip())
    return texts


def _iso(element, attribute: str = "iso-date") -> datetime.date | None:
    if element is None or not element.get(attribute):
        return None
    return datetime.date.fromisoformat(element.get(attribute)[:10])


def _precision(element) -> str:
    return element.get(PW + "precision") or "day"


def _decimal(text: str | None) -> Decimal | None:
    if text in (None, ""):
        return None
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        return None


@dataclass
class _Changes:
    created: bool = False
    changed: list | None = None

    def note(self, name: str) -> None:
        self.changed = [*(self.changed or []), name]

    def record(self, name: str, state: str) -> None:
        """Note `name` when a service created or changed a record."""
        if state != "unchanged":
            self.note(name)
