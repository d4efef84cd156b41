"""The catalogue as records for scripts: `/catalogue.json` and `/catalogue.csv` at the site's root."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import Cell
from webatlas.catalogue.models import Entry

JSON_URI = "catalogue.json"
CSV_URI = "catalogue.csv"

LIST_SEPARATOR = ";"
"""Joins list values, and `feature=support` pairs, inside one CSV cell."""

FORMAT_VERSION = 2
"""Raised when fields change; a deprecated field is kept for one version, then removed."""

DEPRECATED = "Deprecated since format 2, removed in format 3: "

CSV_FEATURE_PREFIX = "feature_"
"""The CSV has one column per feature, `feature_<slug>`, holding its support level."""

FIELDS: dict[str, str] = {
    "slug": "Stable identifier; the entry's page is `/catalogue/<slug>/`.",
    "name": "Display name.",
    "layer": "`server`, `toolkit` or `framework`.",
    "interfaces": "Server interfaces it speaks: `ASGI`, `WSGI`, `RSGI`, `own`.",
    "built_on": "Slugs of the catalogue entries it is built on.",
    "licence": "SPDX licence expression.",
    "project_started": "Year the project started, from its origins (`YYYY`).",
    "first_pypi_upload": "Date of the oldest file on PyPI (`YYYY-MM-DD`); empty for entries not on PyPI.",
    "first_release": (
        "Date of the first known release (`YYYY-MM-DD`): the first PyPI upload, or for an entry not on PyPI the first "
        "release its project lists."
    ),
    "latest_version": "Latest version that is not a pre-release.",
    "latest_release": "Date of that version (`YYYY-MM-DD`).",
    "release_count": "Number of releases.",
    "requires_python": "Python requirement of the latest release; empty when it declares none.",
    "repository": "Source repository URL.",
    "documentation": "Documentation URL.",
    "status": "`active`, `maintenance`, `unmaintained` or `archived`, by the rule on the method page.",
    "status_evidence": "What decided the status.",
    "as_of": "Date the release facts and status were checked (`YYYY-MM-DD`).",
    "feature_cells": (
        "Feature slug to its cell: `support` (`built-in`, `official-extension`, `third-party` or `no`), `via` (packages), "
        "`from` (the base it is inherited from, or null), `servers` (the servers a server-provided feature comes from), "
        "`recipes` (the server recipes whose tests prove it, with `version` the server release they ran), `source`, "
        "`version` (null for a cell computed from other entries), `as_of` and `note`. Servers and applications have "
        "different features. JSON only: the CSV has a `feature_<slug>` column per feature with its support level."
    ),
    "features": DEPRECATED + "use `feature_cells`. Feature slug to its support level.",
}
"""Every field of a record, in order, with what it holds; the data page is generated from this."""


def record(entry: Entry, catalogue: Catalogue) -> dict[str, Any]:
    """One entry as plain JSON values, keyed as in FIELDS."""
    releases = catalogue.releases_of(entry)
    verdict = catalogue.status_of(entry)
    return {
        "slug": entry.slug,
        "name": entry.name,
        "layer": entry.layer,
        "interfaces": list(entry.facts.interfaces.value),
        "built_on": list(entry.facts.built_on.value),
        "licence": entry.facts.licence.value,
        "project_started": entry.facts.origins.value.year,
        "first_pypi_upload": releases.first_release.date.isoformat() if entry.package else "",
        "first_release": releases.first_release.date.isoformat(),
        "latest_version": releases.latest_release.version,
        "latest_release": releases.latest_release.date.isoformat(),
        "release_count": releases.release_count,
        "requires_python": releases.requires_python or "",
        "repository": entry.links.repository,
        "documentation": entry.links.documentation,
        "status": verdict.status,
        "status_evidence": verdict.evidence,
        "as_of": releases.as_of.isoformat(),
        "feature_cells": {slug: _cell(cell) for slug, cell in catalogue.cells[entry.slug].items()},
        "features": {slug: cell.support for slug, cell in catalogue.cells[entry.slug].items()},
    }


def _cell(cell: Cell) -> dict[str, Any]:
    return {
        "support": cell.support,
        "via": list(cell.via),
        "from": cell.inherited_from.slug if cell.inherited_from else None,
        "servers": [server.slug for server in cell.servers],
        "recipes": list(cell.recipes),
        "source": cell.source,
        "version": cell.version,
        "as_of": cell.as_of.isoformat(),
        "note": cell.note,
    }


def records(catalogue: Catalogue) -> list[dict[str, Any]]:
    """All entries, sorted by slug so the files only change when the data does."""
    return [record(catalogue.entries[slug], catalogue) for slug in sorted(catalogue.entries)]


def to_json(catalogue: Catalogue) -> str:
    return json.dumps(records(catalogue), indent=1, ensure_ascii=False) + "\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a cell that starts with one of these as a formula."""


def csv_cell(value: object) -> str | int:
    if isinstance(value, int):
        return value
    if isinstance(value, list):
        text = LIST_SEPARATOR.join(value)
    elif isinstance(value, dict):
        text = LIST_SEPARATOR.join(f"{key}={item}" for key, item in value.items())
    else:
        text = str(value)
    # A leading apostrophe makes a spreadsheet show the text instead of running it (OWASP's advice on CSV injection).
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_columns(catalogue: Catalogue) -> list[str]:
    """The fields of FIELDS that fit a cell, then one column per feature."""
    return [name for name in FIELDS if name != "feature_cells"] + [CSV_FEATURE_PREFIX + slug for slug in catalogue.features]


def to_csv(catalogue: Catalogue) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_columns(catalogue), lineterminator="\n", restval="")
    writer.writeheader()
    for row in records(catalogue):
        cells = row.pop("feature_cells")
        row.update({CSV_FEATURE_PREFIX + slug: cell["support"] for slug, cell in cells.items()})
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return buffer.getvalue()
