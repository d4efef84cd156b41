"""The full table's HTML holds every entry and every feature in words, with what its filters read."""

from __future__ import annotations

import re

from tests.building import Build, read_page
from tests.helpers import ROOT
from webatlas.catalogue.cells import OFFERED, level_words
from webatlas.catalogue.loading import load_catalogue

CATALOGUE = load_catalogue(ROOT)


def test_every_entry_has_a_row_with_its_features_in_words(built_site: Build) -> None:
    text = read_page(built_site, "compare/table/index.html")
    rows = dict(re.findall(r'<tr data-slug="([^"]+)"(.*?)</tr>', text, re.DOTALL))
    assert set(rows) == set(CATALOGUE.entries)
    for slug, row in rows.items():
        cells = CATALOGUE.cells[slug]
        has = re.search(r'data-has="([^"]*)"', row)
        assert has is not None and set(has.group(1).split()) == {f for f, cell in cells.items() if cell.support in OFFERED}
        shown = re.findall(r"<td [^>]*>([^<]*)</td>", row)[6:]
        assert shown == [level_words(cells[f]) if f in cells else "does not apply" for f in CATALOGUE.features], slug
    assert "<caption>" in text and text.count('<th scope="col"') == 7 + len(CATALOGUE.features)
