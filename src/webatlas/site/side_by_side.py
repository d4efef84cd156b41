"""The columns the side-by-side page assembles in the browser: every entry's cells, rendered by the build's templates.

The page reads them from a JSON file next to it, so the browser shows a cell exactly as the pair pages do and no
second copy of the facts or of their wording exists.
"""

from __future__ import annotations

import json

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import level_words
from webatlas.comparison.rows import cell_for, fact_rows
from webatlas.site import render

PAGE_URI = "compare/side-by-side.md"
COLUMNS_URI = "compare/side-by-side/columns.json"
PAGE_ROOT = "../../"
"""The site's root as seen from the page, where the links inside the cells are followed."""

DEFAULT_ENTRIES = ("fastapi", "litestar", "sanic", "django")
"""What the page shows before a reader chooses: four popular API frameworks of different kinds."""


def columns_json(catalogue: Catalogue) -> str:
    """Row headers, and per entry its name, layer and one cell per row: HTML and a key that is equal when cells agree."""
    macros = render.macros("side_by_side_cells.html.j2")
    entries = sorted(catalogue.entries.values(), key=lambda entry: entry.name.lower())
    facts = {entry.slug: fact_rows(catalogue, [entry]) for entry in entries}
    first = facts[entries[0].slug]
    rows = [{"header": str(macros.fact_header(row.label))} for row in first]
    rows += [{"header": str(macros.feature_header(feature, PAGE_ROOT))} for feature in catalogue.features.values()]
    columns: dict[str, object] = {}
    for entry in entries:
        cells: list[dict[str, str | None]] = [
            {"html": str(macros.fact_cell(entry, row.values[0])), "key": row.values[0]} for row in facts[entry.slug]
        ]
        for feature in catalogue.features.values():
            item = cell_for(catalogue, entry, feature)
            key = level_words(item.cell) if item else None
            cells.append({"html": str(macros.feature_cell(entry, item, PAGE_ROOT)).strip(), "key": key})
        columns[entry.slug] = {"name": entry.name, "layer": entry.layer, "cells": cells}
    return json.dumps({"rows": rows, "entries": columns}, ensure_ascii=False, separators=(",", ":"))
