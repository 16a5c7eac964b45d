"""Public datasets as JSON or CSV, written row by row to any text stream."""

import csv
import json
from collections.abc import Callable, Iterator
from typing import TextIO

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from partnerwerk.exchange import selectors, serializers

# Dataset name: (the public queryset, the function turning one row into a dict).
DATASETS: dict[str, tuple[Callable[[], QuerySet], Callable[[object], dict]]] = {
    "places": (selectors.place_list, serializers.place_to_dict),
    "partnerships": (selectors.public_partnership_list, serializers.partnership_to_dict),
    "organisations": (selectors.organisation_list, serializers.organisation_to_dict),
    "people": (selectors.public_person_list, serializers.person_to_dict),
    "projects": (selectors.public_project_list, serializers.project_to_dict),
    "activities": (selectors.public_activity_list, serializers.activity_to_dict),
}
FORMATS = ("json", "csv")

# Rows are read in chunks so a national registry does not have to fit in memory; Django
# runs the prefetches once per chunk.
CHUNK_SIZE = 500

PLACE_REFERENCES = ("home", "partner", "place")
PLACE_REFERENCE_FIELDS = ("name", "country", "geonames_id", "lat", "lon")


def dataset_rows(name: str) -> Iterator[dict]:
    queryset_function, serialize = DATASETS[name]
    for record in queryset_function().iterator(chunk_size=CHUNK_SIZE):
        yield serialize(record)


def export_dataset(name: str, format: str, stream: TextIO) -> int:
    """Write the public dataset `name` to `stream` as `format`; return the number of rows."""
    if name not in DATASETS:
        raise ValueError(
            _("There is no dataset “%(name)s”; choose one of: %(names)s.")
            % {"name": name, "names": ", ".join(DATASETS)}
        )
    if format not in FORMATS:
        raise ValueError(
            _("There is no format “%(format)s”; choose one of: %(formats)s.")
            % {"format": format, "formats": ", ".join(FORMATS)}
        )
    rows = dataset_rows(name)
    if format == "json":
        return write_json(rows, stream)
    return write_csv(rows, stream)


def write_json(rows: Iterator[dict], stream: TextIO) -> int:
    """Write a JSON array exactly as json.dump(..., indent=2) would, one row at a time."""
    count = 0
    stream.write("[")
    for row in rows:
        text = json.dumps(row, ensure_ascii=False, indent=2)
        # json.dumps escapes newlines inside strings, so every newline here is layout.
        stream.write(("," if count else "") + "\n  " + text.replace("\n", "\n  "))
        count += 1
    stream.write("\n]\n" if count else "]\n")
    return count


def write_csv(rows: Iterator[dict], stream: TextIO) -> int:
    """Write one flat line per row; the first row fixes the columns and every row must match."""
    writer = None
    count = 0
    for row in rows:
        flat = flatten(row)
        if writer is None:
            # extrasaction="raise" turns a row with different columns into an error, not a
            # silently shifted spreadsheet.
            writer = csv.DictWriter(stream, fieldnames=list(flat), extrasaction="raise")
            writer.writeheader()
        writer.writerow(flat)
        count += 1
    return count


def flatten(row: dict) -> dict:
    """One row as flat columns: place references spread out, lists joined with "|"."""
    flat = {}
    for name, value in row.items():
        if name in PLACE_REFERENCES:
            for field in PLACE_REFERENCE_FIELDS:
                flat[f"{name}_{field}"] = _cell((value or {}).get(field))
        elif name == "steps":
            flat[name] = "; ".join(_step_text(step) for step in value)
        elif name == "sources":
            flat[name] = "|".join(source["url"] or source["seed_file"] for source in value)
        elif name == "involvements":
            flat[name] = "|".join(
                f"{item['role']}:{item['organisation'] or item['person']}" for item in value
            )
        elif isinstance(value, list):
            flat[name] = "|".join(str(item) for item in value)
        else:
            flat[name] = _cell(value)
    return flat


def _cell(value) -> str | int | float:
    return "" if value is None else value


def _step_text(step: dict) -> str:
    """A step as "2011-05 council_decision -> approved: note", on one line."""
    text = f"{step['date']} {step['type']}"
    if step["status_after"]:
        text += f" -> {step['status_after']}"
    if step["note"]:
        text += ": " + " ".join(step["note"].split())
    return text
