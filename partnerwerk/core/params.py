"""Numbers from the URL, parsed and bounded in one place.

Anyone can write any number into a query string. Python's integers have no limit, but the
database's (64-bit offsets and ids) and `datetime`'s (years 1 to 9999) have, and a number past
them used to end in a server error. Pages and feeds fall back or clamp (`bounded_int`); the
API declares the same bounds in its schemas, so a number past them is refused as invalid input.
"""

# The last page any list may be asked for: far beyond the largest list (the registry's
# 300,000 relations are 6,000 pages of 50), far below a 64-bit offset at 200 rows a page.
MAX_PAGE = 1_000_000

# Ids and cursors are 64-bit signed integers in SQLite and PostgreSQL.
MAX_ID = 2**63 - 1


def bounded_int(
    value: str | None, *, default: int | None, minimum: int, maximum: int
) -> int | None:
    """The whole number written in `value`, clamped to `minimum`..`maximum`; `default` when
    `value` is missing or not a whole number written in ASCII digits (`None` as the default
    lets the caller tell a missing or malformed number from a given one).

    >>> bounded_int("9223372036854775808", default=1, minimum=1, maximum=MAX_PAGE)
    1000000
    """
    if default is not None and not minimum <= default <= maximum:
        raise ValueError(f"default {default} is outside {minimum}..{maximum}")
    text = (value or "").strip()
    digits = text.removeprefix("-")
    # isdigit() alone lets "²" through, which int() refuses: only ASCII digits count.
    if not (digits.isascii() and digits.isdigit()):
        return default
    if len(digits) > 30:  # beyond every bound; int() refuses very long strings anyway
        return minimum if text.startswith("-") else maximum
    return min(max(int(text), minimum), maximum)
