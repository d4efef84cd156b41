"""Each pair of data/comparisons.yaml has a page that holds the whole comparison in its HTML, with sources and recipes."""

from __future__ import annotations

import html
import json
import posixpath
import re

import pytest

from tests.building import Build, read_page, shown
from tests.helpers import ROOT
from webatlas.catalogue.cells import describe
from webatlas.catalogue.loading import load_catalogue
from webatlas.comparison.rows import fact_rows, feature_rows
from webatlas.site.render import SUPPORT_SYMBOLS

CATALOGUE = load_catalogue(ROOT)
PAIRS = {f"{first}-vs-{second}": (first, second) for first, second in CATALOGUE.pairs}


def table_of(build: Build, name: str) -> str:
    text = read_page(build, f"compare/{name}/index.html")
    start = text.index('<div class="atlas-side-by-side"')
    return text[start : text.index("</table>", start)]


def rows_of(table: str) -> dict[str, list[str]]:
    """Row header text -> the text of each cell in the row."""
    found = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.DOTALL):
        header = re.search(r'<th scope="row">(.*?)</th>', row, re.DOTALL)
        if header:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
            found[" ".join(shown(header.group(1)).split())] = [" ".join(shown(cell).split()) for cell in cells]
    return found


@pytest.mark.parametrize("name", PAIRS)
def test_a_pair_page_shows_every_fact_and_feature_in_words(built_site: Build, name: str) -> None:
    entries = [CATALOGUE.entries[slug] for slug in PAIRS[name]]
    table = table_of(built_site, name)
    assert re.search(r"<caption>[^<]+</caption>", table)
    assert table.count('<th scope="col">') == 3
    rows = rows_of(table)
    for fact in fact_rows(CATALOGUE, entries):
        assert rows[fact.label] == list(fact.values)
    for row in feature_rows(CATALOGUE, entries):
        for entry, item, text in zip(entries, row.cells, rows[row.feature.name], strict=True):
            if item is None:
                assert text.startswith("does not apply"), (entry.slug, row.feature.slug)
                continue
            symbol = SUPPORT_SYMBOLS[item.cell.support]
            assert text.startswith(f"{symbol} {describe(item.cell)}"), (entry.slug, row.feature.slug, text)
            assert item.cell.as_of.isoformat() in text
            assert f'href="{html.escape(item.cell.source)}"' in table


@pytest.mark.parametrize("name", PAIRS)
def test_every_link_of_a_pair_table_leads_to_a_page_of_the_site(built_site: Build, name: str) -> None:
    table = table_of(built_site, name)
    internal = [href for href in re.findall(r'href="([^"]+)"', table) if not href.startswith("http")]
    assert internal
    for href in internal:
        path, _, anchor = html.unescape(href).partition("#")
        target = built_site.site_dir / posixpath.normpath(posixpath.join(f"compare/{name}/", path)) / "index.html"
        assert target.exists(), href
        if anchor:
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href


def test_feature_cells_link_their_recipes(built_site: Build) -> None:
    table = table_of(built_site, "fastapi-vs-flask")
    recipes = re.findall(r'href="\.\./\.\./cookbook/([a-z_]+)/#(fastapi|flask)"', table)
    proven = {
        (task.slug, entry)
        for task in CATALOGUE.tasks.values()
        for entry in ("fastapi", "flask")
        if task.demonstrates and any(s.entry.slug == entry and s.task.slug == task.slug for s in CATALOGUE.snippets)
    }
    assert set(recipes) == proven


def test_pair_pages_describe_themselves(built_site: Build) -> None:
    text = read_page(built_site, "compare/fastapi-vs-litestar/index.html")
    assert '<meta name="description" content="FastAPI and Litestar side by side' in text
    assert "<title>FastAPI vs Litestar" in text


def test_the_columns_file_holds_the_same_cells_as_the_tables_in_the_pages(built_site: Build) -> None:
    """The side-by-side page assembles its table from these columns; they must match what the build writes itself."""
    columns = json.loads(read_page(built_site, "compare/side-by-side/columns.json"))
    assert set(columns["entries"]) == set(CATALOGUE.entries)
    page_text = read_page(built_site, "compare/side-by-side/index.html")
    table = page_text[page_text.index('<div class="atlas-side-by-side"') : page_text.index("</table>")]
    for slug in ("fastapi", "litestar", "sanic", "django"):
        for cell in columns["entries"][slug]["cells"]:
            if cell["key"] is not None:
                assert cell["html"] in table, (slug, cell["html"][:80])
