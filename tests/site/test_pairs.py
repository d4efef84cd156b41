"""Each pair of data/comparisons.yaml has a page that holds the whole comparison in its HTML, with sources and recipes."""

from __future__ import annotations

import html
import json
import posixpath
import re

import pytest

from tests.building import Build, read_page, shown
from tests.factories import SOURCE
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue

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


CHECKED = "checked against 1.0, 2026-01-15"
NO = "\N{EN DASH}"
"""The symbol the tables print for a feature an entry does not have."""
FASTAPI_VS_DJANGO = {
    "Kind": ["Full framework", "Full framework"],
    "Interfaces": ["ASGI", "WSGI"],
    "Built on": ["none in the catalogue", "none in the catalogue"],
    "Project started": ["2019", "2019"],
    "First PyPI upload": ["2022-01-15", "2016-01-15"],
    "Latest release": ["1.0 (2025-12-01)", "1.0 (2025-12-01)"],
    "Licence": ["MIT", "BSD-3-Clause"],
    "Python": [">=3.10", ">=3.12"],
    "Status": ["active", "active"],
    "WEBSOCKETS": [f"● built-in {CHECKED}", f"● built-in {CHECKED}"],
    "CORS": [f"● built-in {CHECKED}", f"◐ official extension: demo-cors {CHECKED}"],
    # Neither states a server, so neither has HTTP/2; the level is computed, not checked against a release.
    "HTTP2": [f"{NO} no computed, 2026-01-15", f"{NO} no computed, 2026-01-15"],
}
"""The small site's only pair, row by row, from the entries and snapshot of tests/small_site.py."""


def test_a_pair_page_shows_every_fact_and_feature_in_words_with_its_source(small_site: Build) -> None:
    table = table_of(small_site, "fastapi-vs-django")
    assert "<caption>Fastapi and Django compared: key facts, then features</caption>" in table
    assert rows_of(table) == FASTAPI_VS_DJANGO
    # Each of the six feature cells links its source: the page a stated cell was checked on, or the servers fact.
    assert table.count(f'href="{SOURCE}"') == 6


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
    recipes = set(re.findall(r'href="\.\./\.\./cookbook/([a-z_]+)/#(fastapi|flask)"', table))
    # Each cell links the first task in data/tasks.yaml that proves its feature and has the framework's recipe. Both
    # have server_sent_events and streaming_response for streaming, so their cell links the first of the two.
    assert ("server_sent_events", "fastapi") in recipes
    assert ("server_sent_events", "flask") in recipes
    assert not {task for task, _ in recipes} & {"streaming_response"}
    # FastAPI has a WebSocket recipe; Flask has none, so its cell links no recipe.
    assert ("websocket_echo", "fastapi") in recipes
    assert ("websocket_echo", "flask") not in recipes


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
