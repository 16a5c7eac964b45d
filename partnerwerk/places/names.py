"""Names of places as people type them: one folding for every name and every query, and the
search key a place is found by (decision 0026)."""

import re
import unicodedata
from collections.abc import Iterable

# Names are joined by this in the search key, so `|wien` finds a name that begins with "wien".
SEPARATOR = "|"
_NOT_LETTERS = re.compile(r"[^\w]+")
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"ø": "o", "æ": "ae", "ł": "l", "đ": "d", "ı": "i"})


def fold(text: str) -> str:
    """Lower case without accents, punctuation as single spaces: "Kraków" and "krakow", "Gießen"
    and "Giessen", "Frankfurt (Oder)" and "frankfurt oder" fold alike."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.translate(_LETTERS_WITHOUT_DECOMPOSITION)
    return " ".join(_NOT_LETTERS.sub(" ", text).replace("_", " ").split())


def search_key(names: Iterable[str]) -> str:
    """Every distinct folded name, each between separators: "|koln|cologne|colonia|"."""
    folded = sorted({key for key in (fold(name) for name in names) if key})
    return SEPARATOR + SEPARATOR.join(folded) + SEPARATOR if folded else ""


def split_alternate_names(text: str) -> list[str]:
    return [name for name in text.split("\n") if name]


def join_alternate_names(names: Iterable[str]) -> str:
    return "\n".join(name.strip() for name in names if name and name.strip())
